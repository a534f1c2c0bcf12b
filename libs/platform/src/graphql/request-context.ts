import type { IncomingMessage } from 'node:http';
import type { Lang } from '../lang.js';

/**
 * The part of every GraphQL request's context the platform builds: the request, its id (logs,
 * errors, outbox rows) and the language asked for. Identity adds who is asking (`GqlContext` of
 * `#identity`).
 */
export interface GqlRequestContext {
  req: IncomingMessage;
  requestId: string;
  /** From `Accept-Language`, used when a query gives no `lang` argument. */
  lang: Lang;
}
