import type { Logger as TypeOrmLogger } from 'typeorm';
import { currentRequestId } from './request-context.js';
import { withoutParameters } from './redaction.js';

/** Writes each SQL statement as one JSON line with the request id (parameters left out: they hold personal data). */
export class SqlLogger implements TypeOrmLogger {
  logQuery(query: string): void {
    process.stdout.write(`${JSON.stringify({ msg: 'sql', requestId: currentRequestId(), query })}\n`);
  }
  /** The driver's message may quote a parameter (`invalid input syntax for type uuid: "…"`): replaced. */
  logQueryError(error: string | Error, query: string, parameters?: unknown[]): void {
    const message = withoutParameters(String(error), parameters);
    const sqlState = typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
    process.stdout.write(
      `${JSON.stringify({ msg: 'sql error', requestId: currentRequestId(), query, error: message, sqlState })}\n`,
    );
  }
  logQuerySlow(time: number, query: string): void {
    process.stdout.write(
      `${JSON.stringify({ msg: 'sql slow', requestId: currentRequestId(), time, query })}\n`,
    );
  }
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
