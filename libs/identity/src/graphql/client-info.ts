import type { IncomingMessage } from 'node:http';
import type { ClientInfo } from '../auth/auth.service.js';

/** The client address (as trusted proxies report it) and user agent of a GraphQL request. */
export function clientInfo(ctx: { req?: IncomingMessage & { ip?: string } }): ClientInfo {
  const req = ctx.req;
  return {
    address: req?.ip ?? req?.socket?.remoteAddress ?? 'unknown',
    userAgent: (req?.headers['user-agent'] as string | undefined) ?? null,
  };
}
