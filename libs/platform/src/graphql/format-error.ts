import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ERROR_CODES } from './app-error.js';
import { errorForLog } from '../logging/redaction.js';

const PUBLIC = new Set<string>(ERROR_CODES);

/**
 * Keeps errors a client can act on and masks the rest: no stack trace, SQL or internal message
 * leaves the server. Each masked error is logged once, with the request id the client also sees,
 * as its class, message, code and SQL state: never the failed query's parameters.
 */
export function maskError(
  formatted: GraphQLFormattedError,
  original: unknown,
  logger: Pick<Logger, 'error'>,
  requestId: string | undefined,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
  if (typeof code === 'string' && PUBLIC.has(code) && code !== 'INTERNAL_SERVER_ERROR') {
    return { ...formatted, extensions };
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
