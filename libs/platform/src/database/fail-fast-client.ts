import pg from 'pg';

/** How long a connection waits beyond the server's own statement_timeout before giving the server up. */
export const ANSWER_MARGIN_MS = 1000;

/** What node-postgres says when a query's `query_timeout` passed without an answer. */
export const READ_TIMEOUT_MESSAGE = 'Query read timeout';

/** Emitted by a FailFastClient that gave up on its server, with the timeout error. */
export const READ_TIMEOUT_EVENT = 'read-timeout';

type Callback = (err: Error | null, res?: unknown) => void;

/**
 * A pg Client that closes its connection when a query went unanswered for `query_timeout`.
 * node-postgres rejects such a query but keeps the connection, still waiting for the answer, so
 * the pool would hand a stuck connection to the next caller and a frozen server would hold every
 * connection. Closed, the connection leaves the pool (the caller's transaction is abandoned with
 * it: a server that answers again rolls it back) and the next caller opens a fresh one.
 */
export class FailFastClient extends pg.Client {
  private abandoned = false;

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // A connection error also fails the query in flight, which is where callers see it; without a
    // listener the event would end the process while the client is between owners.
    this.on('error', () => undefined);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args.length - 1;
    if (last > 0 && typeof args[last] === 'function') {
      const callback = args[last] as Callback;
      args[last] = (err: Error | null, res?: unknown) => {
        if (err) this.gaveUp(err);
        callback(err, res);
      };
      return super.query(...(args as [never]));
    }
    const result: unknown = super.query(...(args as [never]));
    if (!(result instanceof Promise)) return result;
    return result.catch((e: unknown) => {
      this.gaveUp(e);
      throw e;
    });
  }

  private gaveUp(e: unknown): void {
    if (this.abandoned || (e as Error | null)?.message !== READ_TIMEOUT_MESSAGE) return;
    this.abandoned = true;
    this.emit(READ_TIMEOUT_EVENT, e);
    (this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
  }
}

/** Limits of one pool: what PostgreSQL cancels on its own, and when the client stops waiting. */
export function poolLimits(statementTimeoutMs: number): Record<string, unknown> {
  return {
    Client: FailFastClient,
    statement_timeout: statementTimeoutMs,
    query_timeout: statementTimeoutMs + ANSWER_MARGIN_MS,
    // A session left in a transaction by a client that vanished (a cut network path) would keep its
    // locks until the server's TCP keepalive notices; the server ends it after this instead.
    idle_in_transaction_session_timeout: Math.max(60_000, 5 * statementTimeoutMs),
  };
}
