import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, AppError, RedisFallback, requestPathRedis, type AppConfig } from '#platform';

/**
 * How many invitations and contact requests (mail the platform sends on a user's behalf) one user
 * may send per hour and per day (`SENDER_MAILS_PER_HOUR`, `SENDER_MAILS_PER_DAY`), counted in Redis
 * so every api process shares them. Beyond either budget the action is refused with `RATE_LIMITED`
 * (`reason: SENDER_BUDGET`, `retryAfterSeconds`) and nothing is written or sent. While Redis is
 * down or stalled past REDIS_REQUEST_TIMEOUT_MS the budgets are counted in memory, per process.
 */
@Injectable()
export class SenderBudget implements OnApplicationShutdown {
  private readonly logger = new Logger('SenderBudget');
  private readonly redis: Redis;
  private readonly hour: RateLimiterRedis;
  private readonly day: RateLimiterRedis;
  private readonly hourMemory: RateLimiterMemory;
  private readonly dayMemory: RateLimiterMemory;
  private readonly fallback = new RedisFallback('sender budgets', this.logger);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.redis = requestPathRedis(config.redisUrl, config.redisRequestTimeoutMs);
    this.redis.on('error', (e: Error) => this.fallback.failed(e));
    const { perHour, perDay } = config.auth.senderMails;
    const keyPrefix = `${config.queuePrefix}:sender`;
    this.hour = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${keyPrefix}:hour`,
      points: perHour,
      duration: 3600,
      rejectIfRedisNotReady: true,
    });
    this.hourMemory = new RateLimiterMemory({ points: perHour, duration: 3600 });
    this.day = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${keyPrefix}:day`,
      points: perDay,
      duration: 86_400,
      rejectIfRedisNotReady: true,
    });
    this.dayMemory = new RateLimiterMemory({ points: perDay, duration: 86_400 });
  }

  private refuse(e: RateLimiterRes, limit: number, period: string): AppError {
    const retryAfterSeconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    return new AppError(
      'RATE_LIMITED',
      `you have sent ${limit} invitations and contact requests this ${period}, the most allowed; try again in ${retryAfterSeconds} s`,
      { reason: 'SENDER_BUDGET', retryAfterSeconds },
    );
  }

  private consume(redis: RateLimiterRedis, memory: RateLimiterMemory, key: string): Promise<RateLimiterRes> {
    return this.fallback.run(
      () => redis.consume(key),
      () => memory.consume(key),
      (e) => e instanceof RateLimiterRes,
    );
  }

  private reward(redis: RateLimiterRedis, memory: RateLimiterMemory, key: string): Promise<RateLimiterRes> {
    return this.fallback.run(
      () => redis.reward(key),
      () => memory.reward(key),
    );
  }

  /** Spends one send of the user's hourly and daily budgets, or refuses when either is spent. */
  async spend(userId: string): Promise<void> {
    const { perHour, perDay } = this.config.auth.senderMails;
    try {
      await this.consume(this.hour, this.hourMemory, userId);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw this.refuse(e, perHour, 'hour');
      throw e;
    }
    try {
      await this.consume(this.day, this.dayMemory, userId);
    } catch (e) {
      await this.reward(this.hour, this.hourMemory, userId).catch(() => undefined);
      if (e instanceof RateLimiterRes) throw this.refuse(e, perDay, 'day');
      throw e;
    }
  }

  /** Gives a send back when the action it was spent on did not happen. */
  async refund(userId: string): Promise<void> {
    await Promise.all([
      this.reward(this.hour, this.hourMemory, userId),
      this.reward(this.day, this.dayMemory, userId),
    ]).catch((e: Error) => this.logger.warn(`could not refund a send: ${e.message}`));
  }

  /**
   * Runs `action` with one send spent; gives it back when `action` fails after spending, so a
   * refused or conflicting request does not use up the budget.
   */
  async sending<T>(userId: string, action: (spend: () => Promise<void>) => Promise<T>): Promise<T> {
    let spent = false;
    try {
      return await action(async () => {
        await this.spend(userId);
        spent = true;
      });
    } catch (e) {
      if (spent) await this.refund(userId);
      throw e;
    }
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
