import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, clientNetwork, RedisFallback, requestPathRedis, type AppConfig } from '#platform';
import { sendEdgeError } from './http-edge.js';

/**
 * Which budget a request draws on; null lets it through unlimited. The key must come from what the
 * server established (the connection's address, later a verified session), never from a header the
 * client chooses such as `x-user-id`.
 */
export type RateLimitKeyOf = (req: Request) => string | null | Promise<string | null>;

/** Injection token of the RateLimitKeyOf in use; the api binds it to clientAddressKey. */
export const RATE_LIMIT_KEY = Symbol('RATE_LIMIT_KEY');

export { clientNetwork };

/** Keys requests by client network (behind TRUST_PROXY proxies, the address they report). */
export const clientAddressKey: RateLimitKeyOf = (req) =>
  `ip:${clientNetwork(req.ip ?? req.socket.remoteAddress ?? 'unknown')}`;

/**
 * Keys a request with a valid access token by its user, any other by client network. At the forum
 * hundreds of delegates share the venue's few public addresses: counting signed-in users apart
 * keeps one busy table from spending everyone's budget. The token's signature is checked here
 * (not whether the session is still open: GraphQL does that), so a client cannot pick its key.
 */
export function userOrAddressKey(
  verify: (req: Request, token: string) => Promise<{ userId: string } | string>,
): RateLimitKeyOf {
  return async (req) => {
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
    if (token && token.length <= 4096) {
      const claims = await verify(req, token);
      if (typeof claims === 'object') return `user:${claims.userId}`;
    }
    return clientAddressKey(req);
  };
}

const isHealth = (path: string) => path === '/health' || path.startsWith('/health/');

/**
 * Fixed-window request budget per key, counted in Redis so that every api process shares it. When
 * Redis is unreachable, or stalled past REDIS_REQUEST_TIMEOUT_MS, each process falls back to the
 * same budget in memory rather than refusing service, waiting or dropping the limit (logged once
 * per outage). Health endpoints are never limited: orchestrators poll them.
 */
@Injectable()
export class RateLimitService implements OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly redis: Redis | null = null;
  private readonly limiter: RateLimiterRedis | null = null;
  private readonly memory: RateLimiterMemory | null = null;
  private readonly fallback = new RedisFallback('rate limits', this.logger);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RATE_LIMIT_KEY) private readonly keyOf: RateLimitKeyOf,
  ) {
    const { points, windowSeconds } = config.rateLimit;
    if (points === 0) return;
    // A request must not wait for Redis: the in-memory budget answers while it is down or stalled.
    this.redis = requestPathRedis(config.redisUrl, config.redisRequestTimeoutMs);
    this.redis.on('error', (e: Error) => this.fallback.failed(e));
    this.limiter = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${config.queuePrefix}:rate-limit`,
      points,
      duration: windowSeconds,
      rejectIfRedisNotReady: true,
    });
    this.memory = new RateLimiterMemory({ points, duration: windowSeconds });
  }

  /** Express middleware; mount it before body parsing so refused requests cost no parsing. */
  middleware(): RequestHandler {
    return (req: Request, res: Response, next: NextFunction) => {
      this.handle(req, res, next).catch(next);
    };
  }

  private async handle(req: Request, res: Response, next: NextFunction): Promise<void> {
    const key = this.limiter && !isHealth(req.path) ? await this.keyOf(req) : null;
    if (!this.limiter || key === null) return next();
    const { points, windowSeconds } = this.config.rateLimit;
    let state: RateLimiterRes;
    try {
      const { limiter, memory } = this;
      state = await this.fallback.run(
        () => limiter.consume(key),
        () => memory!.consume(key),
        (e) => e instanceof RateLimiterRes,
      );
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) {
        // Both counters failed: serving unlimited beats refusing everyone.
        this.logger.error({ err: e }, 'rate limiter failed');
        return next();
      }
      const retryAfter = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      if (e.consumedPoints === points + 1)
        this.logger.warn({ key, points, windowSeconds }, 'rate limit reached');
      res.setHeader('Retry-After', String(retryAfter));
      this.setBudgetHeaders(res, 0, retryAfter);
      return sendEdgeError(
        res,
        429,
        'RATE_LIMITED',
        `Too many requests: at most ${points} every ${windowSeconds} s. Retry in ${retryAfter} s.`,
        { retryAfter },
      );
    }
    this.setBudgetHeaders(res, state.remainingPoints, Math.ceil(state.msBeforeNext / 1000));
    next();
  }

  private setBudgetHeaders(res: Response, remaining: number, resetSeconds: number): void {
    res.setHeader('RateLimit-Limit', String(this.config.rateLimit.points));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, remaining)));
    res.setHeader('RateLimit-Reset', String(Math.max(0, resetSeconds)));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}
