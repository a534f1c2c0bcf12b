import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, AppError, type AppConfig } from '#platform';

/**
 * How many invitations and contact requests (mail the platform sends on a user's behalf) one user
 * may send per hour and per day (`SENDER_MAILS_PER_HOUR`, `SENDER_MAILS_PER_DAY`), counted in Redis
 * so every api process shares them. Beyond either budget the action is refused with `RATE_LIMITED`
 * (`reason: SENDER_BUDGET`, `retryAfterSeconds`) and nothing is written or sent.
 */
@Injectable()
export class SenderBudget implements OnApplicationShutdown {
  private readonly logger = new Logger('SenderBudget');
  private readonly redis: Redis;
  private readonly hour: RateLimiterRedis;
  private readonly day: RateLimiterRedis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.redis = new Redis(config.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
    });
    this.redis.on('error', (e: Error) => this.logger.warn(`Redis: ${e.message}`));
    const { perHour, perDay } = config.auth.senderMails;
    const keyPrefix = `${config.queuePrefix}:sender`;
    this.hour = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${keyPrefix}:hour`,
      points: perHour,
      duration: 3600,
      insuranceLimiter: new RateLimiterMemory({ points: perHour, duration: 3600 }),
    });
    this.day = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${keyPrefix}:day`,
      points: perDay,
      duration: 86_400,
      insuranceLimiter: new RateLimiterMemory({ points: perDay, duration: 86_400 }),
    });
  }

  private refuse(e: RateLimiterRes, limit: number, period: string): AppError {
    const retryAfterSeconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    return new AppError(
      'RATE_LIMITED',
      `you have sent ${limit} invitations and contact requests this ${period}, the most allowed; try again in ${retryAfterSeconds} s`,
      { reason: 'SENDER_BUDGET', retryAfterSeconds },
    );
  }

  /** Spends one send of the user's hourly and daily budgets, or refuses when either is spent. */
  async spend(userId: string): Promise<void> {
    const { perHour, perDay } = this.config.auth.senderMails;
    try {
      await this.hour.consume(userId);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw this.refuse(e, perHour, 'hour');
      throw e;
    }
    try {
      await this.day.consume(userId);
    } catch (e) {
      await this.hour.reward(userId).catch(() => undefined);
      if (e instanceof RateLimiterRes) throw this.refuse(e, perDay, 'day');
      throw e;
    }
  }

  /** Gives a send back when the action it was spent on did not happen. */
  async refund(userId: string): Promise<void> {
    await Promise.all([this.hour.reward(userId), this.day.reward(userId)]).catch((e: Error) =>
      this.logger.warn(`could not refund a send: ${e.message}`),
    );
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
