import { randomBytes } from 'node:crypto';
import { AppError, type AppConfig } from '#platform';
import { ACCOUNT_FREE_FAILURES, FREE_FAILURES, LoginThrottle, delayAfter } from './login-throttle.js';

/*
 * The password-check reservation, against the real Redis and, with Redis unreachable, in memory:
 * parallel reservations get only the free checks, waits are kept per network, and a network where
 * the account signed in skips the account-wide wait.
 */

const config = (redisUrl: string) =>
  ({
    redisUrl,
    queuePrefix: `t${randomBytes(4).toString('hex')}`,
    auth: { attemptsPerAddress: 100_000 },
  }) as unknown as AppConfig;

const email = () => `guess-${randomBytes(5).toString('hex')}@example.org`;

/** How many of `n` parallel reservations were granted; the others must be RATE_LIMITED. */
async function granted(throttle: LoginThrottle, n: number, account: string, address: string) {
  const results = await Promise.allSettled(
    Array.from({ length: n }, () => throttle.reservePasswordCheck(account, address)),
  );
  for (const r of results)
    if (r.status === 'rejected') {
      expect(r.reason).toBeInstanceOf(AppError);
      expect((r.reason as AppError).extensions.code).toBe('RATE_LIMITED');
    }
  return results.filter((r) => r.status === 'fulfilled').length;
}

describe.each([
  ['Redis', process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'],
  ['memory, Redis unreachable', 'redis://127.0.0.1:1'],
])('LoginThrottle (%s)', (_, url) => {
  let throttle: LoginThrottle;
  beforeAll(() => {
    throttle = new LoginThrottle(config(url));
  });
  afterAll(() => throttle.onApplicationShutdown());

  it('grants a parallel burst only the free checks, per account and network', async () => {
    const account = email();
    expect(await granted(throttle, 20, account, '203.0.113.5')).toBe(FREE_FAILURES);
    // The same /64 is the same network; another network has its own allowance.
    expect(await granted(throttle, 5, account, '203.0.113.5')).toBe(0);
    expect(await granted(throttle, 5, account, '198.51.100.1')).toBe(FREE_FAILURES);
    const v6 = email();
    expect(await granted(throttle, 10, v6, '2001:db8:5:6::1')).toBe(FREE_FAILURES);
    expect(await granted(throttle, 10, v6, '2001:db8:5:6::beef')).toBe(0);
  });

  it('holds many networks to the account-wide allowance, except where the account signed in', async () => {
    const account = email();
    await throttle.reservePasswordCheck(account, '192.0.2.1');
    await throttle.succeeded(account, '192.0.2.1');
    let total = 0;
    for (let n = 0; n < 6; n++) total += await granted(throttle, 4, account, `10.0.${n}.1`);
    // The owner's own successful check does not count against the account.
    expect(total).toBe(ACCOUNT_FREE_FAILURES);
    await expect(throttle.reservePasswordCheck(account, '10.9.9.9')).rejects.toThrow(/this account/);
    await throttle.reservePasswordCheck(account, '192.0.2.1');
  });

  it('never lets the owner’s own sign-ins from new networks add up to an account-wide wait', async () => {
    const account = email();
    for (let n = 0; n < ACCOUNT_FREE_FAILURES + 5; n++) {
      await throttle.reservePasswordCheck(account, `100.64.${n}.7`);
      await throttle.succeeded(account, `100.64.${n}.7`);
    }
  });
});

describe('delayAfter', () => {
  it('waits nothing for the free failures, then doubles up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 13, 40].map((f) => delayAfter(f))).toEqual([0, 0, 0, 1, 2, 4, 900, 900]);
    expect([9, 10, 11, 16, 17, 99].map((f) => delayAfter(f, 10, 60))).toEqual([0, 1, 2, 60, 60, 60]);
    // A longer first wait (AUTH_FIRST_DELAY_S) doubles the same way, under the same cap.
    expect([2, 3, 4, 5, 8, 9].map((f) => delayAfter(f, 3, 900, 20))).toEqual([0, 20, 40, 80, 640, 900]);
  });
});
