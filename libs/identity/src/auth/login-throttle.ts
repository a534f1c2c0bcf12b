import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import {
  APP_CONFIG,
  AppError,
  clientNetwork,
  RedisFallback,
  requestPathRedis,
  type AppConfig,
} from '#platform';

/** Failed sign-ins on one account from one client network before each further one must wait. */
export const FREE_FAILURES = 3;
/** Longest wait between attempts on one account from one client network, in seconds. */
export const MAX_DELAY_S = 900;
/** Failed sign-ins on one account, from every network together, before the account-wide wait starts. */
export const ACCOUNT_FREE_FAILURES = 10;
/**
 * Longest account-wide wait, in seconds. Short on purpose: it is what strangers can impose on the
 * owner signing in from a network the account has not used yet, and it still holds guessing from
 * many networks to one guess a minute.
 */
export const ACCOUNT_MAX_DELAY_S = 60;
/** How long a network where the account signed in stays exempt from the account-wide wait. */
export const KNOWN_NETWORK_DAYS = 30;
/** How long failures are remembered after the last attempt. */
const FAILURE_MEMORY_MS = 24 * 3600 * 1000;

/** Reset and verification messages sent to one address per hour. */
export const MAILS_PER_ACCOUNT_HOUR = 5;

/**
 * The wait after `failures` consecutive failures: none for the first `free`, then `first`, twice
 * `first`, four times … seconds (1, 2, 4 … by default), up to `max`.
 */
export const delayAfter = (failures: number, free = FREE_FAILURES, max = MAX_DELAY_S, first = 1): number =>
  failures < free ? 0 : Math.min(max, first * 2 ** Math.min(30, failures - free));

export type ThrottledAction = 'login' | 'reset' | 'register';

/** A limiter refusing (budget spent) is an answer, not a Redis failure. */
const isRefusal = (e: unknown) => e instanceof RateLimiterRes;

/**
 * Reserves one password check, atomically: refuses while the account's wait (from this network,
 * or account-wide unless the network is known) is running; otherwise counts the attempt as a
 * failure in advance and starts the next wait, so parallel requests cannot all pass the check
 * before any failure is recorded. A success clears the network's count afterwards.
 * KEYS: pair (account, network), account, known (account, network).
 * ARGV: free and max of the pair, free and max of the account, memory in ms, first wait in s.
 * Returns {0} when reserved, or {waitMs, 1 for the pair | 2 for the account}.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local known = redis.call('EXISTS', KEYS[3]) == 1
local pn = tonumber(redis.call('HGET', KEYS[1], 'n') or '0')
if pn > now then return {pn - now, 1} end
if not known then
  local an = tonumber(redis.call('HGET', KEYS[2], 'n') or '0')
  if an > now then return {an - now, 2} end
end
local function bump(key, free, max)
  local f = redis.call('HINCRBY', key, 'f', 1)
  local d = 0
  if f >= free then d = math.min(max, tonumber(ARGV[6]) * 2 ^ math.min(30, f - free)) end
  redis.call('HSET', key, 'n', string.format('%d', now + d * 1000))
  redis.call('PEXPIRE', key, ARGV[5])
end
bump(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]))
bump(KEYS[2], tonumber(ARGV[3]), tonumber(ARGV[4]))
return {0}
`;

/**
 * After a successful check: clears the network's failures, marks the network as one the account
 * uses, and takes the check's own reservation back from the account-wide count (strangers'
 * failures stay counted). KEYS: pair, account, known. ARGV: how long the network stays known, s.
 */
const SUCCEED = `
redis.call('DEL', KEYS[1])
redis.call('SET', KEYS[3], '1', 'EX', ARGV[1])
local f = tonumber(redis.call('HGET', KEYS[2], 'f') or '0')
if f > 0 then redis.call('HINCRBY', KEYS[2], 'f', -1) end
return 0
`;

interface WaitState {
  failures: number;
  nextAt: number;
  expiresAt: number;
}

/** The same reservation per process, for when Redis cannot be reached. */
class MemoryWaits {
  constructor(private readonly firstDelayS: number) {}

  private readonly waits = new Map<string, WaitState>();
  private readonly known = new Map<string, number>();

  private get(key: string, now: number): WaitState {
    const s = this.waits.get(key);
    if (s && s.expiresAt > now) return s;
    return { failures: 0, nextAt: 0, expiresAt: 0 };
  }

  reserve(pair: string, account: string, knownKey: string): [number, number?] {
    const now = Date.now();
    if (this.waits.size > 100_000) this.waits.clear();
    const p = this.get(pair, now);
    if (p.nextAt > now) return [p.nextAt - now, 1];
    const isKnown = (this.known.get(knownKey) ?? 0) > now;
    const a = this.get(account, now);
    if (!isKnown && a.nextAt > now) return [a.nextAt - now, 2];
    for (const [key, s, free, max] of [
      [pair, p, FREE_FAILURES, MAX_DELAY_S],
      [account, a, ACCOUNT_FREE_FAILURES, ACCOUNT_MAX_DELAY_S],
    ] as const) {
      const failures = s.failures + 1;
      this.waits.set(key, {
        failures,
        nextAt: now + delayAfter(failures, free, max, this.firstDelayS) * 1000,
        expiresAt: now + FAILURE_MEMORY_MS,
      });
    }
    return [0];
  }

  succeeded(pair: string, account: string, knownKey: string): void {
    this.waits.delete(pair);
    const a = this.waits.get(account);
    if (a && a.failures > 0) a.failures -= 1;
    if (this.known.size > 100_000) this.known.clear();
    this.known.set(knownKey, Date.now() + KNOWN_NETWORK_DAYS * 86_400_000);
  }
}

/**
 * Brute-force protection for sign-in and password reset, counted in Redis so every api process
 * shares it: a budget per client network (an IPv4 address, an IPv6 /64), and per account a growing
 * wait reserved before the password is checked. The wait is kept per (account, network), so
 * strangers guessing from their networks lock themselves out, not the owner; an account-wide wait
 * with a short cap slows guessing spread over many networks, and does not apply on networks where
 * the account signed in during the last 30 days. Keys of accounts are hashes of the normalised
 * email, whether or not it is registered, so the answers do not tell which addresses exist.
 * While Redis is down or stalled past REDIS_REQUEST_TIMEOUT_MS, the same limits are counted in
 * memory, per process (logged once per outage), so sign-in neither waits nor goes unlimited.
 */
@Injectable()
export class LoginThrottle implements OnApplicationShutdown {
  private readonly logger = new Logger('LoginThrottle');
  private readonly redis: Redis;
  private readonly perAddress: RateLimiterRedis;
  private readonly mails: RateLimiterRedis;
  private readonly perAddressMemory: RateLimiterMemory;
  private readonly mailsMemory: RateLimiterMemory;
  private readonly prefix: string;
  private readonly memory: MemoryWaits;
  /** The first wait after the free failures, in seconds (AUTH_FIRST_DELAY_S). */
  private readonly firstDelayS: number;
  private readonly fallback = new RedisFallback('sign-in limits', this.logger);

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.firstDelayS = config.auth.firstDelaySeconds;
    this.memory = new MemoryWaits(this.firstDelayS);
    this.redis = requestPathRedis(config.redisUrl, config.redisRequestTimeoutMs);
    this.redis.on('error', (e: Error) => this.fallback.failed(e));
    const prefix = `${config.queuePrefix}:auth`;
    this.prefix = prefix;
    this.perAddress = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${prefix}:addr`,
      points: config.auth.attemptsPerAddress,
      duration: 900,
      rejectIfRedisNotReady: true,
    });
    this.perAddressMemory = new RateLimiterMemory({ points: config.auth.attemptsPerAddress, duration: 900 });
    this.mails = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${prefix}:mail`,
      points: MAILS_PER_ACCOUNT_HOUR,
      duration: 3600,
      rejectIfRedisNotReady: true,
    });
    this.mailsMemory = new RateLimiterMemory({ points: MAILS_PER_ACCOUNT_HOUR, duration: 3600 });
  }

  private static account(email: string): string {
    return createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
  }

  private keys(email: string, address: string) {
    const account = LoginThrottle.account(email);
    const pair = createHash('sha256')
      .update(`${account} ${clientNetwork(address)}`)
      .digest('base64url');
    return {
      pair: `${this.prefix}:wait:${pair}`,
      account: `${this.prefix}:wait-account:${account}`,
      known: `${this.prefix}:known:${pair}`,
    };
  }

  private static refuse(ms: number, what: string): AppError {
    const retryAfterSeconds = Math.max(1, Math.ceil(ms / 1000));
    return new AppError('RATE_LIMITED', `${what}; try again in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    });
  }

  /** Spends one attempt of the client network's budget for this action; refuses when it is spent. */
  async attempt(action: ThrottledAction, address: string): Promise<void> {
    const key = `${action}:${clientNetwork(address)}`;
    try {
      await this.fallback.run(
        () => this.perAddress.consume(key),
        () => this.perAddressMemory.consume(key),
        isRefusal,
      );
    } catch (e) {
      if (e instanceof RateLimiterRes)
        throw LoginThrottle.refuse(e.msBeforeNext, 'too many attempts from this address');
      throw e;
    }
  }

  /**
   * Reserves one password check of this account from this address, before the check runs, or
   * refuses with the wait left. Each reservation counts as a failure until `succeeded` clears it.
   */
  async reservePasswordCheck(email: string, address: string): Promise<void> {
    const k = this.keys(email, address);
    const [waitMs] = await this.fallback.run(
      async () =>
        (await this.redis.eval(
          RESERVE,
          3,
          k.pair,
          k.account,
          k.known,
          FREE_FAILURES,
          MAX_DELAY_S,
          ACCOUNT_FREE_FAILURES,
          ACCOUNT_MAX_DELAY_S,
          FAILURE_MEMORY_MS,
          this.firstDelayS,
        )) as [number, number?],
      () => this.memory.reserve(k.pair, k.account, k.known),
    );
    if (waitMs > 0) throw LoginThrottle.refuse(waitMs, 'too many failed sign-ins for this account');
  }

  /**
   * Whether another reset or verification message may go to this address this hour. Beyond the
   * budget the request is answered as usual but nothing is sent, so an address cannot be flooded
   * and the answer still tells nothing.
   */
  async mayMail(email: string): Promise<boolean> {
    const account = LoginThrottle.account(email);
    try {
      await this.fallback.run(
        () => this.mails.consume(account),
        () => this.mailsMemory.consume(account),
        isRefusal,
      );
      return true;
    } catch (e) {
      if (e instanceof RateLimiterRes) return false;
      throw e;
    }
  }

  /**
   * A successful check clears the failures counted from this network, marks the network as one the
   * account uses, and takes its own reservation back from the account-wide count. Strangers'
   * failures stay in that count (until a day passes without any), so a success does not hand them
   * a fresh allowance, and the owner's own sign-ins never add up to a wait.
   */
  async succeeded(email: string, address: string): Promise<void> {
    const k = this.keys(email, address);
    try {
      await this.redis.eval(SUCCEED, 3, k.pair, k.account, k.known, KNOWN_NETWORK_DAYS * 86_400);
    } catch (e) {
      this.logger.warn(`sign-in waits counted per process: ${(e as Error).message}`);
    }
    this.memory.succeeded(k.pair, k.account, k.known);
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
