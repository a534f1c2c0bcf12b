import type { Logger as TypeOrmLogger } from 'typeorm';
import { currentRequestId } from './request-context.js';

/** Writes each SQL statement as one JSON line with the request id (parameters left out: they hold personal data). */
export class SqlLogger implements TypeOrmLogger {
  logQuery(query: string): void {
    process.stdout.write(`${JSON.stringify({ msg: 'sql', requestId: currentRequestId(), query })}\n`);
  }
  logQueryError(error: string | Error, query: string): void {
    process.stdout.write(
      `${JSON.stringify({ msg: 'sql error', requestId: currentRequestId(), query, error: String(error) })}\n`,
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
