import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Pool } from 'pg';
import { READ_TIMEOUT_EVENT, READ_TIMEOUT_MESSAGE } from './fail-fast-client.js';

/** SQLSTATEs of a lost or refused connection: class 08, and the server shutting down or starting. */
const LOST_STATES = /^(08...|57P01|57P02|57P03)$/;
/** Socket errors of a connection that could not be opened or was cut. */
const LOST_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
/** node-postgres says these in words only. */
const LOST_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Connection is not established',
  // The server kept the connection but did not answer within the pool's query timeout (frozen).
  READ_TIMEOUT_MESSAGE,
];

/** Whether an error, at any depth, is PostgreSQL cancelling a statement that ran past statement_timeout. */
export function isStatementTimeout(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 4) return false;
  const err = e as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
  if (err.code === '57014' && typeof err.message === 'string' && err.message.includes('statement timeout'))
    return true;
  return isStatementTimeout(err.driverError, depth + 1) || isStatementTimeout(err.cause, depth + 1);
}

/** Whether an error, at any depth, is a connection given up because the server did not answer in time. */
export function isDatabaseTimeout(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 4) return false;
  const err = e as { message?: unknown; driverError?: unknown; cause?: unknown };
  if (err.message === READ_TIMEOUT_MESSAGE) return true;
  return isDatabaseTimeout(err.driverError, depth + 1) || isDatabaseTimeout(err.cause, depth + 1);
}

/**
 * Whether an error (a TypeORM QueryFailedError, a pg error or a socket error, at any depth of
 * `driverError` and `cause`) means PostgreSQL could not be reached, rather than a query it refused.
 */
export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 4) return false;
  const err = e as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
  if (typeof err.code === 'string' && (LOST_STATES.test(err.code) || LOST_CODES.has(err.code))) return true;
  if (typeof err.message === 'string' && LOST_MESSAGES.some((m) => (err.message as string).includes(m)))
    return true;
  return isDatabaseUnavailable(err.driverError, depth + 1) || isDatabaseUnavailable(err.cause, depth + 1);
}

/**
 * Says once per outage that PostgreSQL stopped answering, and once that it answers again (the pool
 * opened a connection after the loss). Operations that needed it answer DATABASE_UNAVAILABLE
 * meanwhile; the pool reconnects by itself when the server accepts connections again.
 */
@Injectable()
export class DatabaseOutage implements OnApplicationBootstrap {
  private readonly logger = new Logger('PostgreSQL');
  private since: number | null = null;
  private failures = 0;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  get down(): boolean {
    return this.since !== null;
  }

  /** A connection or query failed because PostgreSQL is out of reach. */
  lost(e: unknown): void {
    this.failures++;
    if (this.since !== null) return;
    this.since = Date.now();
    this.logger.warn(
      { err: describe(e) },
      'PostgreSQL not answering: operations that need it answer DATABASE_UNAVAILABLE until it is back',
    );
  }

  /** A connection was opened: logs the end of an outage, if there was one. */
  back(): void {
    if (this.since === null) return;
    this.logger.log(
      { outageMs: Date.now() - this.since, failures: this.failures },
      'PostgreSQL answers again: connections reopened',
    );
    this.since = null;
    this.failures = 0;
  }

  onApplicationBootstrap(): void {
    const pool = (this.db.driver as { master?: Pool }).master;
    if (!pool) return;
    pool.on('connect', (client) => {
      this.back();
      // A connection given up on a frozen server: no error reaches the pool, the caller has it.
      (client as unknown as NodeJS.EventEmitter).on(READ_TIMEOUT_EVENT, (e: unknown) => this.lost(e));
    });
    // An idle connection the server closed: the pool drops it; nothing failed yet for a caller.
    pool.on('error', (e) => {
      if (isDatabaseUnavailable(e)) this.lost(e);
    });
  }
}

const describe = (e: unknown): string => {
  const err = e as { message?: string; code?: string; driverError?: { message?: string; code?: string } };
  const inner = err?.driverError ?? err;
  return [inner?.code, inner?.message ?? String(e)].filter(Boolean).join(' ');
};
