/** A backing service could not be reached; the message names it, the address and how to start it. */
export class ServiceUnavailableError extends Error {
  constructor(
    readonly service: string,
    readonly address: string,
    readonly cause_: string,
    readonly hint: string,
  ) {
    super(`${service} is not reachable at ${address} (${cause_}). ${hint}`);
    this.name = 'ServiceUnavailableError';
  }
}

/** Address without credentials, safe to print. */
export function redactUrl(raw: string): string {
  try {
    const u = new URL(raw);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return raw;
  }
}
