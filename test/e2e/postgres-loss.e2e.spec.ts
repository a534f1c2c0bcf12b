import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { freePort } from '#platform';
import { adminUrl, bootTestApp, codeOf, eventually, TcpProxy, type TestApp } from '#testing';

/*
 * PostgreSQL out of reach while the api and the worker run: both reach it through a TCP proxy the
 * test cuts (every open connection dropped, new ones refused) and restores. Requests that need the
 * database answer DATABASE_UNAVAILABLE at once, nothing half-written; readiness shows the loss;
 * each process says so once and reconnects by itself; the outbox, the mails and the index end up
 * complete, each mail delivered once.
 */

const ORGS = 300;
const MAILS = 12;
/** How long the database stays out of reach: long enough for jobs and drains to fail and retry. */
const OUTAGE_MS = 8000;
/** A request during the loss must answer well within this; the pool's connect timeout is 5 s. */
const ANSWER_BOUND_MS = 7000;
const LOST = 'PostgreSQL not answering';
const BACK = 'PostgreSQL answers again';
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) }`;
const password = 'Tashbik-pg-loss-7Qx!pass';

let proxy: TcpProxy;
let smtp: SMTPServer;
const received: string[] = [];
/** While closed, the SMTP server holds each message before accepting it: mails stay in flight. */
let gate: Promise<void> = Promise.resolve();
let openGate = () => {};
const closeGate = () => {
  gate = new Promise((r) => (openGate = r));
};
let app: TestApp;

const register = (email: string) =>
  app.gql(
    REGISTER,
    { input: { email, password, displayName: 'Salim Haddad', locale: 'fr', acceptTerms: true } },
    {},
  );
const logged = (lines: string[], msg: string) => lines.filter((l) => l.includes(msg)).length;

async function timed<T>(request: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await request;
  return { value, ms: performance.now() - started };
}

beforeAll(async () => {
  const pgAddress = new URL(adminUrl());
  proxy = new TcpProxy(await freePort(), { host: pgAddress.hostname, port: Number(pgAddress.port || 5432) });
  await proxy.open();
  const smtpPort = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, _session, cb) => {
      simpleParser(stream)
        .then(async (mail) => {
          await gate;
          received.push(JSON.stringify(mail.to));
          cb();
        })
        .catch(cb);
    },
  });
  await new Promise<void>((ok) => smtp.listen(smtpPort, '127.0.0.1', () => ok()));
  app = await bootTestApp({
    worker: true,
    databaseUrl: (direct) => {
      const u = new URL(direct);
      u.hostname = '127.0.0.1';
      u.port = String(proxy.port);
      return u.toString();
    },
    env: {
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_RETRY_MS: '250',
      RATE_LIMIT_POINTS: '0',
      LOG_LEVEL: 'info',
    },
    readyTimeoutMs: 120_000,
  });
}, 180_000);

afterAll(async () => {
  await proxy?.open().catch(() => undefined);
  await app?.close();
  await proxy?.close();
  await new Promise<void>((ok) => (smtp ? smtp.close(() => ok()) : ok()));
});

describe('PostgreSQL connection lost', () => {
  it('answers DATABASE_UNAVAILABLE at once, reconnects by itself, and loses or repeats nothing', async () => {
    closeGate();
    const stamp = Date.now().toString(36);
    const emails = Array.from({ length: MAILS }, (_, i) => `pgloss-${stamp}-${i}@example.org`);
    for (const email of emails) expect(codeOf(await register(email))).toBeUndefined();
    const { rows: orgs } = await app.db.query<{ id: string }>(
      `WITH o AS (
         INSERT INTO organization (kind, name, description, country, region_code, sectors, employee_band,
           founded_year, languages, innovation, status)
         SELECT 'SME', jsonb_build_object('fr', 'Fonderie ' || g), jsonb_build_object('fr', 'Moulage ' || g),
           'DZ', 'DZ-16', ARRAY['25'], '10-49', 2010, ARRAY['fr'],
           '{"rdActivity":false,"patents":0,"utilityModels":0,"trademarks":0,"industrialDesigns":0}', 'ACTIVE'
         FROM generate_series(1, $1::int) g RETURNING id),
       s AS (INSERT INTO outbox (entity_type, entity_id, op, topic)
             SELECT 'organization', id, 'upsert', 'search' FROM o RETURNING entity_id)
       INSERT INTO outbox (entity_type, entity_id, op, topic)
       SELECT 'organization', entity_id, 'upsert', 'match' FROM s RETURNING entity_id AS id`,
      [ORGS],
    );
    const ids = orgs.map((o) => o.id);

    // Cut while mails are being sent (the SMTP server holds them) and the outbox is draining.
    await eventually(async () => {
      const { rows } = await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM mail_outbox WHERE recipient = ANY($1) AND status = 'SENDING'`,
        [emails],
      );
      return rows[0].n > 0;
    }, 30_000);
    // Every connection dropped and new ones refused until it opens again.
    await proxy.close();
    const refusedEmail = `pgloss-${stamp}-refused@example.org`;
    const write = await timed(register(refusedEmail));
    expect(codeOf(write.value)).toBe('DATABASE_UNAVAILABLE');
    expect(write.ms).toBeLessThan(ANSWER_BOUND_MS);
    const read = await timed(app.gql(`query($id: ID!) { organization(id: $id) { id } }`, { id: ids[0] }, {}));
    expect(codeOf(read.value)).toBe('DATABASE_UNAVAILABLE');
    expect(read.ms).toBeLessThan(ANSWER_BOUND_MS);
    expect(read.value.errors?.[0]?.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres/i);
    const ready = await fetch(`${app.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { error: Record<string, unknown> }).error).toHaveProperty('postgres');
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
    // Nothing of the refused write reached the database.
    const half = await app.db.query(`SELECT 1 FROM user_account WHERE email = $1`, [refusedEmail]);
    expect(half.rowCount).toBe(0);

    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    expect(codeOf(await register(refusedEmail))).toBe('DATABASE_UNAVAILABLE');
    await proxy.open();
    openGate();

    // Both processes reconnect without a restart.
    await eventually(async () => codeOf(await register(refusedEmail)) === undefined, 30_000);
    await eventually(async () => (await fetch(`${app.url}/health/ready`)).status === 200, 30_000);
    const everyone = [...emails, refusedEmail];
    await eventually(async () => {
      const { rows } = await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM mail_outbox WHERE recipient = ANY($1) AND status = 'SENT'`,
        [everyone],
      );
      return rows[0].n === everyone.length;
    }, 120_000);
    await eventually(async () => {
      const { rows } = await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox WHERE entity_id = ANY($1::uuid[]) AND processed_at IS NULL`,
        [ids],
      );
      return rows[0].n === 0;
    }, 180_000);

    // Every organisation indexed; every mail delivered exactly once.
    const index = app.meili.index(app.indexes.organizations);
    const docs = await index.getDocuments({ limit: 10_000, fields: ['id'] });
    const indexed = new Set(docs.results.map((d) => String(d.id)));
    expect(ids.filter((id) => !indexed.has(id))).toEqual([]);
    await new Promise((r) => setTimeout(r, 1500));
    for (const email of everyone) expect(received.filter((to) => to.includes(email))).toHaveLength(1);
    const { rows: processed } = await app.db.query<{ topic: string; n: number }>(
      `SELECT topic, count(*)::int AS n FROM outbox WHERE entity_id = ANY($1::uuid[]) GROUP BY topic ORDER BY topic`,
      [ids],
    );
    expect(processed).toEqual([
      { topic: 'match', n: ORGS },
      { topic: 'search', n: ORGS },
    ]);

    // Said once each, by a process still running; no request logged as an internal fault.
    expect(logged(app.api.output, LOST)).toBe(1);
    await eventually(async () => logged(app.api.output, BACK) === 1, 5000);
    expect(logged(app.api.output, 'unhandled error in GraphQL operation')).toBe(0);
    expect(app.worker!.child.exitCode).toBeNull();
    expect(logged(app.worker!.output, LOST)).toBeLessThanOrEqual(1);
    expect(logged(app.worker!.output, BACK)).toBe(logged(app.worker!.output, LOST));
  }, 480_000);
});
