import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type Logger } from 'pino';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/config.js';
import { errorForLog, loggedUrl, safeLogOptions } from './redaction.js';

export { censorSecrets, errorForLog, loggedUrl, safeLogOptions, type LoggedError } from './redaction.js';

export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Keeps a caller's request id when it is well formed, so logs of several services line up. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
}

/**
 * nestjs-pino settings: JSON lines, one request id per request, echoed in the response. No line
 * carries a credential: headers and bodies are not logged, URLs are logged as route patterns,
 * keys that name secrets are censored at any depth, and errors keep class, message and codes only.
 */
export function loggerParams(config: Pick<AppConfig, 'logLevel'>): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      ...safeLogOptions(),
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const id = requestIdOf(req);
        res.setHeader(REQUEST_ID_HEADER, id);
        return id;
      },
      customProps: (req: IncomingMessage) => ({ requestId: (req as IncomingMessage & { id?: string }).id }),
      // Bodies and headers may carry personal data and credentials; log the route and status only.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: loggedUrl(req.url),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: errorForLog,
      },
      // Request lines are logged at info; above that level the per-request logging work is skipped.
      autoLogging: ['info', 'debug', 'trace'].includes(config.logLevel)
        ? { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') }
        : false,
    },
  };
}

/** A plain pino logger for code outside a request (CLI, jobs). */
export function createLogger(config: Pick<AppConfig, 'logLevel'>, name?: string): Logger {
  return pino({
    level: config.logLevel,
    base: name ? { name } : undefined,
    ...safeLogOptions(),
  });
}
