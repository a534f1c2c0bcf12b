import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { createDataSource, freePort, type AppConfig } from '#platform';
import { createTestDatabase } from '#testing';
import { MailDeliveryService } from './mail-delivery.service.js';

/*
 * The mail sweep against a real database and Redis: a send whose lease ended is marked FAILED only
 * when no acceptance by the SMTP server is known; one whose acceptance another worker left in
 * Redis (PostgreSQL did not answer when it tried to record it) is recorded SENT with the server's
 * answer; and while Redis cannot be asked nothing is marked FAILED.
 */

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test-mail-${randomBytes(4).toString('hex')}`;
const config = (redis: string) =>
  ({
    redisUrl: redis,
    queuePrefix: prefix,
    smtpUrl: 'smtp://127.0.0.1:2',
    publicUrl: 'https://tashbik.test',
    mailFrom: 'Tashbik <no-reply@tashbik.test>',
    auth: { jwtSecret: 'mail-sweep-test-secret-0123456789abcdef' },
    mailDelivery: { attempts: 3, retryMs: 100, failureReportMs: 3_600_000 },
  }) as AppConfig;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: DataSource;
let redis: Redis;

/** A mail claimed by a worker (SENDING) whose lease ended `agoS` seconds ago (negative: still running). */
async function sending(agoS: number): Promise<{ id: string; smtpId: string }> {
  const smtpId = `<mail-${randomBytes(6).toString('hex')}@tashbik.test>`;
  const [row] = await db.query<{ id: string }[]>(
    `INSERT INTO mail_outbox (recipient, subject, body, template, locale, params, status, attempts, smtp_id, lease_until)
     VALUES ($1, 's', 'b', 'verify-email', 'en', '{}', 'SENDING', 1, $2, now() - make_interval(secs => $3))
     RETURNING id::text AS id`,
    [`sweep-${randomBytes(4).toString('hex')}@example.org`, smtpId, agoS],
  );
  return { id: row.id, smtpId };
}

const stateOf = async (id: string) =>
  (
    await db.query<{ status: string; smtp_response: string | null; last_error: string | null }[]>(
      `SELECT status, smtp_response, last_error FROM mail_outbox WHERE id = $1`,
      [id],
    )
  )[0];

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDataSource({ databaseUrl: database.url }, []);
  await db.initialize();
  redis = new Redis(redisUrl);
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  await db?.destroy();
  await database?.drop();
});

it('records a known acceptance as SENT and fails only the sends whose fate is unknown', async () => {
  const delivery = new MailDeliveryService(db, config(redisUrl));
  try {
    const unknown = await sending(5);
    const accepted = await sending(5);
    const running = await sending(-60);
    // What a worker leaves when the server took the mail and PostgreSQL did not answer.
    await redis.set(
      `${prefix}:mail:accepted:${accepted.id}`,
      JSON.stringify({ smtpId: accepted.smtpId, response: '250 2.0.0 Ok: queued as 7F3A' }),
    );

    const result = await delivery.sweep(0);
    expect(result).toMatchObject({ interrupted: 1, recorded: 1 });
    expect(await stateOf(unknown.id)).toMatchObject({
      status: 'FAILED',
      last_error: expect.stringMatching(/interrupted/),
    });
    expect(await stateOf(accepted.id)).toMatchObject({
      status: 'SENT',
      smtp_response: '250 2.0.0 Ok: queued as 7F3A',
    });
    expect(await stateOf(running.id)).toMatchObject({ status: 'SENDING' });
    expect(await redis.exists(`${prefix}:mail:accepted:${accepted.id}`)).toBe(0);
  } finally {
    delivery.onModuleDestroy();
  }
});

it('marks nothing FAILED while Redis cannot say which mails were accepted', async () => {
  const delivery = new MailDeliveryService(db, config(`redis://127.0.0.1:${await freePort()}`));
  try {
    const expired = await sending(5);
    const result = await delivery.sweep(0);
    expect(result.interrupted).toBe(0);
    expect(await stateOf(expired.id)).toMatchObject({ status: 'SENDING' });
  } finally {
    delivery.onModuleDestroy();
  }
});
