import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
// The path alone: the dashboard's module (bull-board, Nest) stays out of the edge's imports.
import { JOB_QUEUES_PATH } from './job-queues-path.js';
import type { INestApplication } from '@nestjs/common';
import type { AppConfig, ErrorCode } from '#platform';

type CorsOptions = Exclude<
  NonNullable<Parameters<INestApplication['enableCors']>[0]>,
  (...args: never[]) => unknown
>;

/** Larger than any legitimate operation (a full organisation profile is a few kilobytes). */
export const BODY_LIMIT_BYTES = 256 * 1024;

/**
 * Answers a request the api refuses before GraphQL runs, in the shape GraphQL clients already read:
 * `{ errors: [{ message, extensions: { code } }] }`.
 */
export function sendEdgeError(
  res: Response,
  status: number,
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extensions } }] });
}

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
  message: string;
}

/**
 * Turns body-parser failures into JSON errors with a status and a code: 413 for an oversized body,
 * 400 for malformed JSON, 415 for an unsupported charset or content encoding. Other errors go on.
 */
export function bodyErrors(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  const e = err as BodyParserError;
  switch (e?.type) {
    case 'entity.too.large':
      return sendEdgeError(
        res,
        413,
        'PAYLOAD_TOO_LARGE',
        `Request body too large: at most ${Math.floor((e.limit ?? BODY_LIMIT_BYTES) / 1024)} kB.`,
      );
    case 'entity.parse.failed':
      return sendEdgeError(res, 400, 'BAD_REQUEST', `Request body is not valid JSON: ${e.message}`);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return sendEdgeError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', `${e.message}; send UTF-8 JSON.`);
    default:
      // Aborted uploads, a corrupt gzip stream and the like: the client's fault, said in the client's terms.
      if (e?.status && e.status >= 400 && e.status < 500)
        return sendEdgeError(res, e.status, 'BAD_REQUEST', `Request body could not be read: ${e.message}`);
      next(err);
  }
}

/**
 * True for an origin on the allow-list; an entry ending in `:*` admits that scheme and host on any
 * port (development servers pick their own).
 */
export function originMatcher(allowed: string[]): (origin: string) => boolean {
  const exact = new Set(allowed.filter((o) => !o.endsWith(':*')));
  const anyPort = allowed.filter((o) => o.endsWith(':*')).map((o) => o.slice(0, -2));
  return (origin) => {
    const o = origin.toLowerCase();
    if (exact.has(o)) return true;
    return anyPort.some(
      (base) => o === base || (o.startsWith(`${base}:`) && /^\d{1,5}$/.test(o.slice(base.length + 1))),
    );
  };
}

/**
 * CORS for browsers on the allow-list only; other origins get no CORS headers, so browsers keep
 * the response from their scripts. No cookies are involved (credentials stay off).
 */
export function corsOptions(config: Pick<AppConfig, 'corsOrigins'>): CorsOptions {
  const allowed = originMatcher(config.corsOrigins);
  return {
    origin: (origin: string | undefined, done: (err: Error | null, allow?: boolean) => void) =>
      done(null, origin === undefined ? false : allowed(origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: [
      'content-type',
      'authorization',
      'accept-language',
      'x-request-id',
      'apollo-require-preflight',
      'x-apollo-operation-name',
    ],
    exposedHeaders: [
      'x-request-id',
      'retry-after',
      'ratelimit-limit',
      'ratelimit-remaining',
      'ratelimit-reset',
    ],
    credentials: false,
    maxAge: 600,
  };
}

/**
 * Security headers on every response. The api serves JSON only, so its pages may load nothing and
 * be framed nowhere; GraphiQL on GET /graphql, when the landing page is on, loads its scripts and
 * styles from unpkg.com and runs an inline script, and gets a policy allowing just that.
 */
export function securityHeaders(config: Pick<AppConfig, 'graphqlLandingPage'>): RequestHandler {
  const common = {
    frameguard: { action: 'deny' as const },
    referrerPolicy: { policy: 'no-referrer' as const },
  };
  const api = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
      },
    },
  });
  // The job queues dashboard (bull-board, admins only): its own scripts and styles, inline style
  // attributes, and its own api; nothing from elsewhere (its web font link stays blocked).
  const queues = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // The page's <base href> makes its relative asset paths resolve under /admin/queues/.
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
  });
  const isQueues = (path: string) => path === JOB_QUEUES_PATH || path.startsWith(`${JOB_QUEUES_PATH}/`);
  if (!config.graphqlLandingPage)
    return (req, res, next) => (isQueues(req.path) ? queues : api)(req, res, next);
  const cdn = 'https://unpkg.com';
  const landing = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'", cdn],
        styleSrc: ["'self'", "'unsafe-inline'", cdn],
        imgSrc: ["'self'", 'data:', cdn],
        fontSrc: ["'self'", 'data:', cdn],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
      },
    },
  });
  return (req, res, next) =>
    (isQueues(req.path) ? queues : req.method === 'GET' && req.path === '/graphql' ? landing : api)(
      req,
      res,
      next,
    );
}
