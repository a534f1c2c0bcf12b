import { Redis } from 'ioredis';

/**
 * A Redis client for code on the request path: no offline queue (a command fails at once while
 * disconnected), one try, and every command given up after `timeoutMs`, so a stalled Redis (the
 * port open, nothing answering) costs a request at most that long.
 */
export function requestPathRedis(redisUrl: string, timeoutMs: number): Redis {
  return new Redis(redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: timeoutMs,
  });
}

export interface FallbackLogger {
  warn(fields: object, msg: string): void;
  log(fields: object, msg: string): void;
}

/**
 * Runs a request's Redis work with a per-process in-memory fallback. When Redis fails or times out
 * the fallback answers, and for `retryMs` afterwards every call goes straight to memory; then one
 * call probes Redis while the others keep using memory. Logged once when the fallback starts and
 * once when Redis answers again, however long the stall or outage.
 */
export class RedisFallback {
  private down = false;
  private retryAt = 0;
  private probing = false;

  constructor(
    /** What falls back, for the log: "rate limits", "sign-in waits"… */
    private readonly what: string,
    private readonly logger: FallbackLogger,
    private readonly retryMs = 1000,
  ) {}

  /** Whether calls are answered from memory now. */
  get active(): boolean {
    return this.down;
  }

  /**
   * `viaRedis`, or `inMemory` when Redis is known down or fails now. An error `isAnswer` accepts
   * (a refusal such as a spent budget) is Redis answering: it is rethrown, not a failure.
   */
  async run<T>(
    viaRedis: () => Promise<T>,
    inMemory: () => T | Promise<T>,
    isAnswer: (e: unknown) => boolean = () => false,
  ): Promise<T> {
    if (this.down && (this.probing || Date.now() < this.retryAt)) return inMemory();
    const probe = this.down;
    if (probe) this.probing = true;
    try {
      const value = await viaRedis();
      this.recovered();
      return value;
    } catch (e) {
      if (isAnswer(e)) {
        this.recovered();
        throw e;
      }
      this.failed(e as Error);
      return inMemory();
    } finally {
      if (probe) this.probing = false;
    }
  }

  /** Marks Redis down (also for errors the client reports on its own, such as a refused connection). */
  failed(e: Error): void {
    this.retryAt = Date.now() + this.retryMs;
    if (this.down) return;
    this.down = true;
    this.logger.warn(
      { err: e.message },
      `Redis not answering: ${this.what} counted in memory, per process, until it answers again`,
    );
  }

  private recovered(): void {
    if (!this.down) return;
    this.down = false;
    this.logger.log({}, `Redis answers again: ${this.what} shared through Redis again`);
  }
}
