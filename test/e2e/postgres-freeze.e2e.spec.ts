import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { freePort } from '#platform';
import { adminUrl, bootTestApp, codeOf, eventually, TcpProxy, type TestApp } from '#testing';

/*
 * PostgreSQL frozen while the api and the worker run: both reach it through a TCP proxy that keeps
 * every connection open but stops passing bytes (a stalled network path, a stopped server), then
 * passes them again. Requests answer DATABASE_UNAVAILABLE within the statement limit instead of
 * hanging; readiness shows it; jobs fail and are retried; once the path thaws both processes
 * recover without a restart and nothing is lost or done twice. A mail the SMTP server accepts
 * while PostgreSQL is frozen is recorded SENT once it answers, not left to be marked FAILED.
 */

const ORGS = 300;
const MAILS = 10;
/** Mails in flight at once: the worker's transport holds at most five SMTP connections. */
const IN_FLIGHT = 4;
/** The api's statement limit in this test; it gives a frozen server up one second later. */
const STATEMENT_MS = 1500;
const WORKER_STATEMENT_MS = 2000;
/** How long the path stays frozen: long enough for jobs and drains to fail and retry. */
const FREEZE_MS = 8000;
/**
 * A request during the freeze answers within this: its statement limit and the second after it,
 * or the pool's 5 s connect timeout when it needs a new connection, plus slack for a busy machine.
 */
const ANSWER_BOUND_MS = STATEMENT_MS + 1000 + 5000 + 2500;
/** Longer than any bound above: a request still waiting then is a hang. */
const HANG_MS = 30_000;
/** A claimed mail's lease (SENDING_LEASE_S): recording must not wait for the sweep's lease to end. */
const LEASE_MS = 120_000;
const LOST = 'PostgreSQL not answering';
const BACK = 'PostgreSQL answers again';
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) }`;
const password = 'Tashbik-pg-freeze-7Qx!pass';

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

interface Answer {
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A GraphQL call that gives up after HANG_MS, so a hang fails the test instead of stalling it. */
async function gql(query: string, variables: Record<string, unknown>): Promise<Answer & { ms: number }> {
  const started = performance.now();
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(HANG_MS),
  });
  const body = (await res.json()) as Answer;
  return { ...body, ms: performance.now() - started };
}

const register = (email: string) =>
  gql(REGISTER, {
    input: { email, password, displayName: 'Salim Haddad', locale: 'fr', acceptTerms: true },
  });
const logged = (lines: string[], msg: string) => lines.filter((l) => l.includes(msg)).length;
const statusCount = async (emails: string[], status: string) => {
  const { rows } = await app.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM mail_outbox WHERE recipient = ANY($1) AND status = $2`,
    [emails, status],
  );
  return rows[0].n;
};

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
      DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_MS),
      DATABASE_WORKER_STATEMENT_TIMEOUT_MS: String(WORKER_STATEMENT_MS),
    },
    readyTimeoutMs: 120_000,
  });
}, 180_000);

afterAll(async () => {
  proxy?.thaw();
  openGate();
  await app?.close();
  await proxy?.close();
  await new Promise<void>((ok) => (smtp ? smtp.close(() => ok()) : ok()));
});

describe('PostgreSQL frozen', () => {
  it('answers DATABASE_UNAVAILABLE within the statement limit, recovers by itself, and loses or repeats nothing', async () => {
    closeGate();
    const stamp = Date.now().toString(36);
    const emails = Array.from({ length: MAILS }, (_, i) => `pgfreeze-${stamp}-${i}@example.org`);
    for (const email of emails) expect(codeOf(await register(email))).toBeUndefined();
    const { rows: orgs } = await app.db.query<{ id: string }>(
      `WITH o AS (
         INSERT INTO organization (kind, name, description, country, region_code, sectors, employee_band,
           founded_year, languages, innovation, status)
         SELECT 'SME', jsonb_build_object('fr', 'Tournerie ' || g), jsonb_build_object('fr', 'Usinage ' || g),
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
    await eventually(async () => (await statusCount(emails, 'SENDING')) > 0, 30_000);
    // A read through the api first, so its pool holds open connections that the freeze catches.
    expect(
      codeOf(await gql(`query($id: ID!) { organization(id: $id) { id } }`, { id: ids[0] })),
    ).toBeUndefined();

    proxy.freeze();
    const refusedEmail = `pgfreeze-${stamp}-refused@example.org`;
    const write = await register(refusedEmail);
    expect(codeOf(write)).toBe('DATABASE_UNAVAILABLE');
    expect(write.ms).toBeLessThan(ANSWER_BOUND_MS);
    const reads = await Promise.all(
      ids
        .slice(0, 6)
        .map((id) => gql(`query($id: ID!) { organization(id: $id) { id name { fr } } }`, { id })),
    );
    for (const read of reads) {
      expect(codeOf(read)).toBe('DATABASE_UNAVAILABLE');
      expect(read.ms).toBeLessThan(ANSWER_BOUND_MS);
      expect(read.errors?.[0]?.message).not.toMatch(/timeout|127\.0\.0\.1|postgres/i);
    }
    const started = performance.now();
    const ready = await fetch(`${app.url}/health/ready`, { signal: AbortSignal.timeout(HANG_MS) });
    expect(ready.status).toBe(503);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(((await ready.json()) as { error: Record<string, unknown> }).error).toHaveProperty('postgres');
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
    // The refused write's statements were held by the frozen path and dropped with its connection.
    expect((await app.db.query(`SELECT 1 FROM user_account WHERE email = $1`, [refusedEmail])).rowCount).toBe(
      0,
    );

    await new Promise((r) => setTimeout(r, FREEZE_MS));
    const later = await register(refusedEmail);
    expect(codeOf(later)).toBe('DATABASE_UNAVAILABLE');
    expect(later.ms).toBeLessThan(ANSWER_BOUND_MS);
    proxy.thaw();
    openGate();

    // Both processes recover without a restart.
    await eventually(async () => codeOf(await register(refusedEmail)) === undefined, 30_000);
    await eventually(async () => (await fetch(`${app.url}/health/ready`)).status === 200, 30_000);
    const everyone = [...emails, refusedEmail];
    await eventually(async () => (await statusCount(everyone, 'SENT')) === everyone.length, 120_000);
    await eventually(async () => {
      const { rows } = await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox WHERE entity_id = ANY($1::uuid[]) AND processed_at IS NULL`,
        [ids],
      );
      return rows[0].n === 0;
    }, 180_000);

    // Every organisation indexed; every mail delivered exactly once; one user row for the retried write.
    const index = app.meili.index(app.indexes.organizations);
    const docs = await index.getDocuments({ limit: 10_000, fields: ['id'] });
    const indexed = new Set(docs.results.map((d) => String(d.id)));
    expect(ids.filter((id) => !indexed.has(id))).toEqual([]);
    await new Promise((r) => setTimeout(r, 1500));
    for (const email of everyone) expect(received.filter((to) => to.includes(email))).toHaveLength(1);
    expect((await app.db.query(`SELECT 1 FROM user_account WHERE email = $1`, [refusedEmail])).rowCount).toBe(
      1,
    );
    const { rows: processed } = await app.db.query<{ topic: string; n: number }>(
      `SELECT topic, count(*)::int AS n FROM outbox WHERE entity_id = ANY($1::uuid[]) GROUP BY topic ORDER BY topic`,
      [ids],
    );
    expect(processed).toEqual([
      { topic: 'match', n: ORGS },
      { topic: 'search', n: ORGS },
    ]);

    // Said once each by the api, which logged no request as an internal fault.
    expect(logged(app.api.output, LOST)).toBe(1);
    await eventually(async () => logged(app.api.output, BACK) === 1, 5000);
    expect(logged(app.api.output, 'unhandled error in GraphQL operation')).toBe(0);
    expect(app.worker!.child.exitCode).toBeNull();
    expect(logged(app.worker!.output, LOST)).toBe(1);
    await eventually(async () => logged(app.worker!.output, BACK) === 1, 5000);
  }, 480_000);

  it('records a mail the SMTP server accepted while PostgreSQL was frozen as SENT once it answers', async () => {
    closeGate();
    const stamp = Date.now().toString(36);
    const emails = Array.from({ length: IN_FLIGHT }, (_, i) => `pgfreeze-accepted-${stamp}-${i}@example.org`);
    for (const email of emails) expect(codeOf(await register(email))).toBeUndefined();
    // Every mail claimed and held by the SMTP server before PostgreSQL freezes.
    await eventually(async () => (await statusCount(emails, 'SENDING')) === IN_FLIGHT, 60_000);
    const before = received.length;

    proxy.freeze();
    openGate();
    await eventually(async () => received.length - before === IN_FLIGHT, 30_000);
    // Give the worker time to try recording (and fail) while frozen.
    await new Promise((r) => setTimeout(r, WORKER_STATEMENT_MS + 1000 + 3000));
    expect(await statusCount(emails, 'SENDING')).toBe(IN_FLIGHT);
    proxy.thaw();

    const thawed = performance.now();
    await eventually(async () => (await statusCount(emails, 'SENT')) === IN_FLIGHT, 60_000);
    expect(performance.now() - thawed).toBeLessThan(LEASE_MS / 2);
    // The sweep keeps running: nothing is marked FAILED or sent again afterwards.
    await new Promise((r) => setTimeout(r, 3000));
    expect(await statusCount(emails, 'FAILED')).toBe(0);
    expect(await statusCount(emails, 'SENT')).toBe(IN_FLIGHT);
    for (const email of emails) expect(received.filter((to) => to.includes(email))).toHaveLength(1);
    const { rows } = await app.db.query<{ smtp_response: string | null }>(
      `SELECT smtp_response FROM mail_outbox WHERE recipient = ANY($1)`,
      [emails],
    );
    for (const r of rows) expect(r.smtp_response).toMatch(/^250/);
    expect(app.worker!.output.some((l) => l.includes('recorded once PostgreSQL answers'))).toBe(true);
  }, 300_000);

  it('answers DATABASE_UNAVAILABLE when PostgreSQL cancels a statement held past the limit by a lock', async () => {
    const { rows } = await app.db.query<{ id: string }>(`SELECT id FROM organization LIMIT 1`);
    const lostBefore = logged(app.api.output, LOST);
    const holder = await app.db.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE organization IN ACCESS EXCLUSIVE MODE');
      const read = await gql(`query($id: ID!) { organization(id: $id) { id } }`, { id: rows[0].id });
      expect(codeOf(read)).toBe('DATABASE_UNAVAILABLE');
      expect(read.errors?.[0]?.message).toMatch(/nothing was changed/);
      expect(read.ms).toBeGreaterThanOrEqual(STATEMENT_MS - 100);
      expect(read.ms).toBeLessThan(ANSWER_BOUND_MS);
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
    // The server answered: no outage is declared, the cancellation is logged with the request id.
    expect(
      codeOf(await gql(`query($id: ID!) { organization(id: $id) { id } }`, { id: rows[0].id })),
    ).toBeUndefined();
    await eventually(
      async () => logged(app.api.output, 'statement cancelled at the database statement timeout') === 1,
      5000,
    );
    expect(logged(app.api.output, LOST)).toBe(lostBefore);
    expect(logged(app.api.output, 'unhandled error in GraphQL operation')).toBe(0);
  }, 60_000);
});
