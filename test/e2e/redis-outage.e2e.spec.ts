import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '#platform';
import { bootTestApp, codeOf, eventually, TestSmtp, type TestApp } from '#testing';

/*
 * Redis killed (SIGKILL) while the api and the worker run, then started again on the same port and
 * data (append-only file, as a production Redis keeps its queues). Meanwhile reads and writes
 * answer, readiness shows Redis down, and every change waits in PostgreSQL's outbox tables; once
 * Redis is back both processes reconnect by themselves and every mail is delivered once and every
 * organisation indexed once; a Redis that comes back empty gets the worker's job schedules again.
 * The api and the worker run against a redis-server of their own.
 */

const ORGS = 200;
const MAILS = 8;
const OUTAGE_MS = 6000;
/** Far longer than a request needs without Redis; a request waiting for Redis would take the whole outage. */
const ANSWER_BOUND_MS = 5000;
const RESCHEDULED = 'Redis answers without the job schedules';
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) }`;
const password = 'Tashbik-redis-out-7Qx!pass';

let redis: ChildProcess | null = null;
let port: number;
let dir: string;
let smtp: TestSmtp;
let app: TestApp;

async function startRedis(): Promise<void> {
  redis = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
    ],
    { stdio: 'ignore' },
  );
  await eventually(async () => {
    const c = new Redis(`redis://127.0.0.1:${port}`, { lazyConnect: true, maxRetriesPerRequest: 0 });
    try {
      await c.connect();
      return (await c.ping()) === 'PONG';
    } finally {
      c.disconnect();
    }
  }, 10_000);
}

async function killRedis(): Promise<void> {
  const r = redis;
  redis = null;
  if (!r || r.exitCode !== null) return;
  const gone = new Promise((ok) => r.once('exit', ok));
  r.kill('SIGKILL');
  await gone;
}

async function timed<T>(request: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await request;
  return { value, ms: performance.now() - started };
}

const register = (email: string) =>
  app.gql(REGISTER, {
    input: { email, password, displayName: 'Nadia Benali', locale: 'ar', acceptTerms: true },
  });

beforeAll(async () => {
  port = await freePort();
  dir = await mkdtemp(join(tmpdir(), 'tashbik-redis-outage-'));
  await startRedis();
  smtp = new TestSmtp(await freePort());
  await smtp.start();
  app = await bootTestApp({
    worker: true,
    env: {
      REDIS_URL: `redis://127.0.0.1:${port}`,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_RETRY_MS: '250',
      RATE_LIMIT_POINTS: '1000',
      LOG_LEVEL: 'info',
    },
    readyTimeoutMs: 120_000,
  });
}, 180_000);

afterAll(async () => {
  if (!redis) await startRedis().catch(() => undefined);
  await app?.close();
  await killRedis();
  await smtp?.kill();
  await rm(dir, { recursive: true, force: true });
});

/**
 * Kills Redis, writes while it is down, starts it again (with its data, or empty when `wipe`) and
 * checks that every mail is delivered once and every organisation indexed.
 */
async function outage(wipe: boolean): Promise<void> {
  const stamp = Date.now().toString(36);
  const emails = Array.from({ length: MAILS }, (_, i) => `redisout-${stamp}-${i}@example.org`);
  expect(codeOf(await register(`redisout-${stamp}-before@example.org`))).toBeUndefined();

  await killRedis();
  for (const email of emails) {
    const { value, ms } = await timed(register(email));
    expect(codeOf(value)).toBeUndefined();
    expect(ms).toBeLessThan(ANSWER_BOUND_MS);
  }
  const { rows: orgs } = await app.db.query<{ id: string }>(
    `WITH o AS (
         INSERT INTO organization (kind, name, description, country, region_code, sectors, employee_band,
           founded_year, languages, innovation, status)
         SELECT 'SME', jsonb_build_object('fr', 'Chaudronnerie ' || g), jsonb_build_object('fr', 'Tôlerie ' || g),
           'DZ', 'DZ-31', ARRAY['25'], '10-49', 2012, ARRAY['fr'],
           '{"rdActivity":false,"patents":0,"utilityModels":0,"trademarks":0,"industrialDesigns":0}', 'ACTIVE'
         FROM generate_series(1, $1::int) g RETURNING id)
       INSERT INTO outbox (entity_type, entity_id, op, topic)
       SELECT 'organization', id, 'upsert', 'search' FROM o RETURNING entity_id AS id`,
    [ORGS],
  );
  const ids = orgs.map((o) => o.id);
  const read = await timed(app.gql(`query($id: ID!) { organization(id: $id) { id } }`, { id: ids[0] }));
  expect(codeOf(read.value)).toBeUndefined();
  expect(read.ms).toBeLessThan(ANSWER_BOUND_MS);
  const ready = await fetch(`${app.url}/health/ready`);
  expect(ready.status).toBe(503);
  expect(((await ready.json()) as { error: Record<string, unknown> }).error).toHaveProperty('redis');
  expect((await fetch(`${app.url}/health`)).status).toBe(200);

  await new Promise((r) => setTimeout(r, OUTAGE_MS));
  // Nothing went out while Redis was down: the work waits in PostgreSQL.
  const { rows: waiting } = await app.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM mail_outbox WHERE recipient = ANY($1) AND status = 'SENT'`,
    [emails],
  );
  expect(waiting[0].n).toBe(0);
  if (wipe) {
    await rm(dir, { recursive: true, force: true });
    dir = await mkdtemp(join(tmpdir(), 'tashbik-redis-outage-'));
  }
  await startRedis();

  await eventually(async () => (await fetch(`${app.url}/health/ready`)).status === 200, 30_000);
  await eventually(async () => {
    const { rows } = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM mail_outbox WHERE recipient = ANY($1) AND status = 'SENT'`,
      [emails],
    );
    return rows[0].n === MAILS;
  }, 120_000);
  await eventually(async () => {
    const { rows } = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox WHERE entity_id = ANY($1::uuid[]) AND processed_at IS NULL`,
      [ids],
    );
    return rows[0].n === 0;
  }, 120_000);
  const docs = await app.meili
    .index(app.indexes.organizations)
    .getDocuments({ limit: 10_000, fields: ['id'] });
  const indexed = new Set(docs.results.map((d) => String(d.id)));
  expect(ids.filter((id) => !indexed.has(id))).toEqual([]);
  await new Promise((r) => setTimeout(r, 1500));
  for (const email of emails) {
    expect(smtp.to(email)).toHaveLength(1);
  }
  expect(app.worker!.child.exitCode).toBeNull();
}

describe('Redis killed and restarted', () => {
  it('keeps reads and writes answering, and delivers and indexes everything once after', async () => {
    await outage(false);
    expect(app.api.output.filter((l) => l.includes('Redis not answering: rate limits')).length).toBe(1);
    expect(app.worker!.output.filter((l) => l.includes(RESCHEDULED)).length).toBe(0);
  }, 360_000);

  it('schedules the drains and sweeps again when Redis comes back without its data', async () => {
    await outage(true);
    expect(app.worker!.output.filter((l) => l.includes(RESCHEDULED)).length).toBe(1);
  }, 360_000);
});
