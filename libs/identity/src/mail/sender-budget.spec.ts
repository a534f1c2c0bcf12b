import { randomBytes, randomUUID } from 'node:crypto';
import { AppError, type AppConfig } from '#platform';
import { SenderBudget } from './sender-budget.js';

/* The per-sender budget against the real Redis: the daily limit, and refunds of both budgets. */

const config = (perHour: number, perDay: number) =>
  ({
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    queuePrefix: `t${randomBytes(4).toString('hex')}`,
    auth: { senderMails: { perHour, perDay } },
  }) as unknown as AppConfig;

async function refusal(run: Promise<unknown>): Promise<AppError> {
  const e = await run.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('SenderBudget', () => {
  const budgets: SenderBudget[] = [];
  const budget = (perHour: number, perDay: number) => {
    const b = new SenderBudget(config(perHour, perDay));
    budgets.push(b);
    return b;
  };
  afterAll(() => budgets.forEach((b) => b.onApplicationShutdown()));

  it('refuses once the daily budget is spent, without spending the hourly one', async () => {
    const b = budget(3, 2);
    const user = randomUUID();
    await b.spend(user);
    await b.spend(user);
    const e = await refusal(b.spend(user));
    expect(e.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'SENDER_BUDGET' });
    expect(e.message).toMatch(/this day/);
    expect(e.extensions.retryAfterSeconds as number).toBeGreaterThan(3600);
    // Had the refused attempts spent the hourly budget (3), this one would be refused for the hour.
    expect((await refusal(b.spend(user))).message).toMatch(/this day/);
    // Another sender has budgets of their own.
    await b.spend(randomUUID());
  });

  it('gives the send back when the action fails after spending it', async () => {
    const b = budget(2, 100);
    const user = randomUUID();
    const failed = new Error('conflict after spending');
    for (let i = 0; i < 3; i++)
      await expect(
        b.sending(user, async (spend) => {
          await spend();
          throw failed;
        }),
      ).rejects.toBe(failed);
    expect(await b.sending(user, async (spend) => (await spend(), 'sent'))).toBe('sent');
    expect(await b.sending(user, async (spend) => (await spend(), 'sent'))).toBe('sent');
    const e = await refusal(b.sending(user, (spend) => spend()));
    expect(e.message).toMatch(/this hour/);
  });
});
