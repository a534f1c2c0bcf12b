import {
  bootTestApp,
  eventually,
  openForumEdition,
  signIn,
  type RunningProcess,
  type TestApp,
} from '#testing';

/*
 * `/metrics` for operators: a port of its own on the api and on the worker, the token required,
 * scraped for real in Prometheus text format after the traffic it should count.
 */

const TOKEN = 'metrics-test-token-0123456789';
let app: TestApp;

const portOf = (p: RunningProcess): number =>
  Number(/"port":(\d+)/.exec(p.output.find((l) => l.includes('metrics listening')) ?? '')?.[1]);

async function scrape(
  p: RunningProcess,
  token: string | null = TOKEN,
): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://127.0.0.1:${portOf(p)}/metrics`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, text: await res.text() };
}

/** The value of one series in a scrape, by its name and exact labels; null when absent. */
function value(text: string, name: string, labels: Record<string, string> = {}): number | null {
  for (const line of text.split('\n')) {
    const m = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return null;
}

beforeAll(async () => {
  app = await bootTestApp({
    worker: true,
    env: { METRICS_PORT: '0', METRICS_TOKEN: TOKEN, RATE_LIMIT_POINTS: '0' },
    readyTimeoutMs: 120_000,
  });
}, 180_000);
afterAll(() => app?.close());

describe('/metrics', () => {
  it('serves the api metrics on their own port, to the token only', async () => {
    expect(portOf(app.api)).toBeGreaterThan(0);
    expect(portOf(app.api)).not.toBe(Number(new URL(app.url).port));
    expect((await scrape(app.api, null)).status).toBe(401);
    expect((await scrape(app.api, 'not-the-token-at-all-000000')).status).toBe(401);
    // Not on the api's own port, where users are.
    expect((await fetch(`${app.url}/metrics`)).status).not.toBe(200);
    expect((await fetch(`http://127.0.0.1:${portOf(app.api)}/health`)).status).toBe(200);

    for (let i = 0; i < 3; i++) await app.gql(`query MetricsProbe { __typename }`);
    const missing = await app.gql(`query MissingOrg($id: ID!) { organization(id: $id) { id } }`, {
      id: '00000000-0000-4000-8000-000000000000',
    });
    const code = missing.errors?.[0]?.extensions?.code as string;
    expect(code).toBe('NOT_FOUND');
    await app.gql(`query MissingOrg($id: ID!) { organization(id: $id) { id } }`, { id: 'not-an-id' });

    const { status, text } = await scrape(app.api);
    expect(status).toBe(200);
    const probe = { operation: 'MetricsProbe', type: 'query' };
    expect(value(text, 'tashbik_graphql_operation_duration_seconds_count', probe)).toBe(3);
    expect(value(text, 'tashbik_graphql_operation_duration_seconds_bucket', { ...probe, le: '+Inf' })).toBe(
      3,
    );
    expect(
      value(text, 'tashbik_graphql_operation_duration_seconds_count', {
        operation: 'MissingOrg',
        type: 'query',
      }),
    ).toBe(2);
    expect(value(text, 'tashbik_graphql_errors_total', { code: 'NOT_FOUND', type: 'query' })).toBe(1);
    expect(value(text, 'tashbik_graphql_errors_total', { code: 'BAD_USER_INPUT', type: 'query' })).toBe(1);
    expect(value(text, 'tashbik_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('serves the worker metrics: queues, outbox backlog, index lag, mails and scheduling runs', async () => {
    const worker = app.worker!;
    expect(portOf(worker)).toBeGreaterThan(0);
    expect((await scrape(worker, null)).status).toBe(401);

    const organiser = await signIn(app, { roles: ['ORGANISER'] });
    const editionId = await openForumEdition(app, organiser.headers, {
      name: { fr: 'Forum des métriques' },
      startsOn: '2027-03-10',
      endsOn: '2027-03-10',
      sessions: [{ day: '2027-03-10', kind: 'MORNING', start: '09:00', end: '12:00' }],
    });
    await app.db.query(
      `INSERT INTO forum_schedule_run (id, edition_id, state, finished_at)
       VALUES ('metrics-failed-1', $1, 'FAILED', now()), ('metrics-failed-2', $1, 'FAILED', now()),
              ('metrics-done', $1, 'DONE', now())`,
      [editionId],
    );
    const { rows } = await app.db.query<{ id: string }>(
      `WITH o AS (
         INSERT INTO organization (kind, name, description, country, region_code, sectors, employee_band,
           founded_year, languages, innovation, status)
         SELECT 'SME', jsonb_build_object('fr', 'Métrique ' || g), jsonb_build_object('fr', 'Tôlerie ' || g),
           'DZ', 'DZ-16', ARRAY['25'], '10-49', 2010, ARRAY['fr'],
           '{"rdActivity":false,"patents":0,"utilityModels":0,"trademarks":0,"industrialDesigns":0}', 'ACTIVE'
         FROM generate_series(1, 20) g RETURNING id)
       INSERT INTO outbox (entity_type, entity_id, op, topic, created_at)
       SELECT 'organization', id, 'upsert', 'search', now() - interval '1 hour' FROM o RETURNING entity_id AS id`,
    );
    expect(rows).toHaveLength(20);

    const first = await scrape(worker);
    expect(first.status).toBe(200);
    expect(value(first.text, 'tashbik_schedule_runs', { state: 'FAILED' })).toBe(2);
    expect(value(first.text, 'tashbik_schedule_runs', { state: 'DONE' })).toBe(1);
    expect(value(first.text, 'tashbik_schedule_runs', { state: 'RUNNING' })).toBe(0);
    for (const state of ['waiting', 'active', 'delayed', 'failed'])
      expect(value(first.text, 'tashbik_queue_jobs', { queue: 'search-sync', state })).toEqual(
        expect.any(Number),
      );
    expect(value(first.text, 'tashbik_mail_outbox', { status: 'FAILED' })).toBe(0);
    // Either the hour-old rows are still waiting (lag about an hour) or already indexed (none).
    const pending = value(first.text, 'tashbik_outbox_pending', { topic: 'search' })!;
    const lag = value(first.text, 'tashbik_index_lag_seconds')!;
    if (pending > 0) expect(lag).toBeGreaterThanOrEqual(3500);
    else expect(lag).toBe(0);

    // Once the drain indexed them: no backlog, no lag, and the drain counted as completed.
    const after = await eventually(async () => {
      const s = await scrape(worker);
      return value(s.text, 'tashbik_outbox_pending', { topic: 'search' }) === 0 ? s.text : null;
    }, 60_000);
    expect(value(after, 'tashbik_index_lag_seconds')).toBe(0);
    expect(value(after, 'tashbik_outbox_oldest_pending_seconds', { topic: 'search' })).toBe(0);
    expect(value(after, 'tashbik_queue_jobs_completed_total', { queue: 'search-sync' })).toBeGreaterThan(0);
    expect(value(after, 'tashbik_queue_jobs_failed_total', { queue: 'search-sync' })).toEqual(
      expect.any(Number),
    );
    const { rows: idx } = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox WHERE entity_id = ANY($1::uuid[]) AND processed_at IS NOT NULL`,
      [rows.map((r) => r.id)],
    );
    expect(idx[0].n).toBe(20);
  });
});
