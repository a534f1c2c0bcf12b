import nodemailer, { type Transporter, type TransportOptions } from 'nodemailer';

/**
 * A pooled nodemailer transport from SMTP_URL: `smtp://` (STARTTLS when offered) or `smtps://`
 * (TLS from the start), user and password in the URL, other nodemailer options as query
 * parameters (e.g. `?ignoreTLS=true`).
 */
export function smtpTransport(smtpUrl: string): Transporter {
  const u = new URL(smtpUrl);
  const secure = u.protocol === 'smtps:';
  const extra: Record<string, string | number | boolean> = {};
  for (const [k, v] of u.searchParams)
    extra[k] = v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v;
  return nodemailer.createTransport({
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: Number(u.port) || (secure ? 465 : 587),
    secure,
    auth: u.username
      ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) }
      : undefined,
    pool: true,
    maxConnections: 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    ...extra,
  } as TransportOptions);
}

/** An SMTP answer that will not change on retry (5xx): the message is failed at once. */
export function isPermanent(e: unknown): boolean {
  const code = (e as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** An error as the outbox keeps it: the server's answer or the network error, never the message. */
export function describeError(e: unknown): string {
  const err = e as { code?: string; responseCode?: number; response?: string; message?: string };
  const parts = [err.code, err.responseCode, err.response ?? err.message].filter((p) => p !== undefined);
  return parts.join(' ').slice(0, 1000);
}
