import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ERROR_CODES } from './app-error.js';
import { errorForLog } from '../logging/redaction.js';
import { isDatabaseTimeout, isDatabaseUnavailable, isStatementTimeout } from '../database/database-outage.js';

const PUBLIC = new Set<string>(ERROR_CODES);

/**
 * Keeps errors a client can act on and masks the rest: no stack trace, SQL or internal message
 * leaves the server. Each masked error is logged once, with the request id the client also sees,
 * as its class, message, code and SQL state: never the failed query's parameters. An error because
 * PostgreSQL is out of reach answers DATABASE_UNAVAILABLE and goes to `onDatabaseLost`, which logs
 * once per outage, instead of being logged as a fault of the request. A statement PostgreSQL
 * cancelled at its statement_timeout also answers DATABASE_UNAVAILABLE (the server is overloaded or
 * a lock is held), logged as a warning with the request id since the server itself answers.
 */
export function maskError(
  formatted: GraphQLFormattedError,
  original: unknown,
  logger: Pick<Logger, 'error' | 'warn'>,
  requestId: string | undefined,
  onDatabaseLost?: (e: unknown) => void,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
  if (typeof code === 'string' && PUBLIC.has(code) && code !== 'INTERNAL_SERVER_ERROR') {
    return { ...formatted, extensions };
  }
  if (isStatementTimeout(original)) {
    logger.warn({ requestId, path: formatted.path }, 'statement cancelled at the database statement timeout');
    return {
      message: 'The database did not answer in time; nothing was changed. Try again in a moment.',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'DATABASE_UNAVAILABLE', requestId },
    };
  }
  if (isDatabaseUnavailable(original)) {
    onDatabaseLost?.(original);
    return {
      // Given up while waiting: a change sent just before the server froze may still be applied by it.
      message: isDatabaseTimeout(original)
        ? 'The database did not answer in time. Try again in a moment.'
        : 'The database is not answering; nothing was changed. Try again in a moment.',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'DATABASE_UNAVAILABLE', requestId },
    };
  }
  logger.error(
    { err: errorForLog(original), requestId, path: formatted.path },
    'unhandled error in GraphQL operation',
  );
  return {
    message: `Internal error. Quote request id ${requestId ?? 'unknown'} when reporting it.`,
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}
