import { GraphQLError } from 'graphql';

/** Codes a client can act on; anything else reaches it as INTERNAL_SERVER_ERROR. */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'SEARCH_UNAVAILABLE',
  /** PostgreSQL cannot be reached; nothing was written. Try again in a moment. */
  'DATABASE_UNAVAILABLE',
  /** Wrong email or password (never says which). */
  'INVALID_CREDENTIALS',
  /** A one-time or refresh token that is unknown, used, expired or revoked. */
  'INVALID_TOKEN',
  /** A limit the organiser set (requests sent, meetings per delegate) would be exceeded. */
  'QUOTA_EXCEEDED',
  /** The slot, table or person is already booked at that time. */
  'SLOT_TAKEN',
  /** A scheduling problem with no solution; the message says why. */
  'INFEASIBLE',
  /** Too many requests from one client; the response carries Retry-After. */
  'RATE_LIMITED',
  /** Transport-level refusals, answered before GraphQL runs (HTTP 413 and 415). */
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldProblem {
  /** Dotted path of the offending field inside the operation's arguments, e.g. `input.name`. */
  path: string;
  message: string;
}

/** A domain error with a machine-readable code, surfaced to GraphQL clients as is. */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extra } });
    this.name = 'AppError';
  }
}

export const badInput = (problems: FieldProblem[]): AppError =>
  new AppError(
    'BAD_USER_INPUT',
    problems
      .slice(0, 5)
      .map((p) => `${p.path}: ${p.message}`)
      .join('; ') + (problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''),
    { fields: problems },
  );

export const notFound = (what: string, id: string): AppError =>
  new AppError('NOT_FOUND', `${what} ${id} does not exist`, { id });
