import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, AppError, type AppConfig } from '#platform';

/** Failed logins of one account before each further attempt must wait. */
export const FREE_FAILURES = 3;
/** Longest wait between attempts on one account, in seconds. */
export const MAX_DELAY_S = 900;

/** Reset and verification messages sent to one address per hour. */
export const MAILS_PER_ACCOUNT_HOUR = 5;

/** The wait after `failures` consecutive failures: none for the first few, then 1, 2, 4 … seconds, up to 15 minutes. */
export const delayAfter = (failures: number): number =>
  failures < FREE_FAILURES ? 0 : Math.min(MAX_DELAY_S, 2 ** (failures - FREE_FAILURES));

export type ThrottledAction = 'login' | 'reset' | 'register';

/**
 * Brute-force protection for sign-in and password reset, counted in Redis so every api process
 * shares it: a budget per client address, and per account a growing delay after failures. Keys of
 * accounts are hashes of the normalised email, whether or not it is registered, so the answers do
 * not tell which addresses exist.
 */
@Injectable()
export class LoginThrottle implements OnApplicationShutdown {
  private readonly logger = new Logger('LoginThrottle');
  private readonly redis: Redis;
  private readonly perAddress: RateLimiterRedis;
  private readonly failures: RateLimiterRedis;
  private readonly waits: RateLimiterRedis;
  private readonly mails: RateLimiterRedis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new Redis(config.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      lazyConnect: false,
    });
    this.redis.on('error', (e: Error) => this.logger.warn(`Redis: ${e.message}`));
    const prefix = `${config.queuePrefix}:auth`;
    const insurance = (points: number, duration: number) => new RateLimiterMemory({ points, duration });
    this.perAddress = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${prefix}:addr`,
      points: config.auth.attemptsPerAddress,
      duration: 900,
      insuranceLimiter: insurance(config.auth.attemptsPerAddress, 900),
    });
    this.failures = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${prefix}:fail`,
      points: 1_000_000,
      duration: 24 * 3600,
      insuranceLimiter: insurance(1_000_000, 24 * 3600),
    });
    this.mails = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${prefix}:mail`,
      points: MAILS_PER_ACCOUNT_HOUR,
      duration: 3600,
      insuranceLimiter: insurance(MAILS_PER_ACCOUNT_HOUR, 3600),
    });
    this.waits = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${prefix}:wait`,
      points: 1,
      duration: 1,
      insuranceLimiter: insurance(1, 1),
    });
  }

  private static account(email: string): string {
    return createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
  }

  private static refuse(ms: number, what: string): AppError {
    const retryAfterSeconds = Math.max(1, Math.ceil(ms / 1000));
    return new AppError('RATE_LIMITED', `${what}; try again in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    });
  }

  /** Spends one attempt of the client address; refuses when its budget or the account's wait is not over. */
  async attempt(action: ThrottledAction, address: string, email?: string): Promise<void> {
    try {
      await this.perAddress.consume(`${action}:${address}`);
    } catch (e) {
      if (e instanceof RateLimiterRes)
        throw LoginThrottle.refuse(e.msBeforeNext, 'too many attempts from this address');
      throw e;
    }
    if (action !== 'login' || !email) return;
    const wait = await this.waits.get(LoginThrottle.account(email));
    if (wait && wait.consumedPoints > 1)
      throw LoginThrottle.refuse(wait.msBeforeNext, 'too many failed sign-ins for this account');
  }

  /**
   * Whether another reset or verification message may go to this address this hour. Beyond the
   * budget the request is answered as usual but nothing is sent, so an address cannot be flooded
   * and the answer still tells nothing.
   */
  async mayMail(email: string): Promise<boolean> {
    try {
      await this.mails.consume(LoginThrottle.account(email));
      return true;
    } catch (e) {
      if (e instanceof RateLimiterRes) return false;
      throw e;
    }
  }

  /** Counts a failed login and starts the account's wait. */
  async failed(email: string): Promise<void> {
    const key = LoginThrottle.account(email);
    const res = await this.failures.penalty(key, 1);
    const seconds = delayAfter(res.consumedPoints);
    if (seconds > 0) await this.waits.block(key, seconds);
  }

  /** A successful login clears the account's failures. */
  async succeeded(email: string): Promise<void> {
    const key = LoginThrottle.account(email);
    await Promise.all([this.failures.delete(key), this.waits.delete(key)]);
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
