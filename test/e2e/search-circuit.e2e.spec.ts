import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig, startEmbeddedMeili, type EmbeddedMeili } from '#platform';
import { SearchIndexerService } from '#search';
import { bootTestApp, eventually, type TestApp } from '#testing';

/*
 * A frozen Meilisearch (SIGSTOP: the port still accepts connections, nothing answers) must not
 * hold every search for the client's 10 s: each search gives up after SEARCH_TIMEOUT_MS, and once
 * Meilisearch is known down the api answers SEARCH_UNAVAILABLE without asking, probing again after
 * SEARCH_CIRCUIT_OPEN_MS.
 */

const TIMEOUT_MS = 1500;
const COOLDOWN_MS = 2000;
/** Searches that time out before the circuit opens (FAILURES_TO_OPEN in search-circuit.ts). */
const FAILURES_TO_OPEN = 3;
const SEARCH = `{ searchOrganizations(query: "") { estimatedTotal } }`;

let app: TestApp;
let meili: EmbeddedMeili;
let dir: string;

const stopped = { value: false };
const freeze = () => {
  process.kill(meili.pid, 'SIGSTOP');
  stopped.value = true;
};
const thaw = () => {
  process.kill(meili.pid, 'SIGCONT');
  stopped.value = false;
};

/** One search through GraphQL: its error code (null when it answered) and how long it took. */
async function timedSearch(): Promise<{ code: string | null; ms: number }> {
  const started = performance.now();
  const r = await app.gql(SEARCH);
  const ms = performance.now() - started;
  return { code: (r.errors?.[0]?.extensions?.code as string | undefined) ?? null, ms };
}

const logged = (msg: string) => app.api.output.filter((l) => l.includes(msg)).length;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tashbik-circuit-meili-'));
  meili = await startEmbeddedMeili({ dir, binDir: resolve('.data/bin') });
  app = await bootTestApp({
    env: {
      MEILI_HOST: meili.host,
      MEILI_MASTER_KEY: meili.masterKey,
      SEARCH_TIMEOUT_MS: String(TIMEOUT_MS),
      SEARCH_CIRCUIT_OPEN_MS: String(COOLDOWN_MS),
      LOG_LEVEL: 'info',
    },
    // The drain test starts a worker too; both may be slow to start on a loaded machine.
    readyTimeoutMs: 120_000,
  });
  // The indexes the worker would create; index preparation never touches Postgres.
  const config = loadConfig({ MEILI_INDEX_PREFIX: app.env.MEILI_INDEX_PREFIX });
  await new SearchIndexerService(null as never, app.meili, config, null as never).ensureIndexes();
}, 120_000);

afterAll(async () => {
  if (stopped.value) thaw();
  await app?.close();
  await meili?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('search while Meilisearch is frozen', () => {
  it('fails within the timeout, then at once while the circuit is open, and recovers after SIGCONT', async () => {
    expect(await timedSearch()).toMatchObject({ code: null });

    freeze();
    // Known down only after several failures in a row: each of these waits for the timeout.
    for (let i = 0; i < FAILURES_TO_OPEN; i++) {
      const r = await timedSearch();
      expect(r.code).toBe('SEARCH_UNAVAILABLE');
      expect(r.ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
      expect(r.ms).toBeLessThan(TIMEOUT_MS + 3000); // not the client's 10 s
    }
    // Log lines reach the test through a pipe, a moment after the response.
    await eventually(async () => logged('search circuit open') === 1, 5000);

    // Open: answered without asking Meilisearch, so well within one timeout.
    const open = [];
    for (let i = 0; i < 5; i++) open.push(await timedSearch());
    expect(open.map((r) => r.code)).toEqual(Array(5).fill('SEARCH_UNAVAILABLE'));
    expect(Math.max(...open.map((r) => r.ms))).toBeLessThan(TIMEOUT_MS);

    // After the cool-down one search probes; still frozen, it times out and the circuit opens again
    // (no second "open" line), while searches beside the probe are answered at once.
    await new Promise((r) => setTimeout(r, COOLDOWN_MS + 100));
    const probe = timedSearch();
    await new Promise((r) => setTimeout(r, 200));
    const beside = await timedSearch();
    expect(beside.code).toBe('SEARCH_UNAVAILABLE');
    expect(beside.ms).toBeLessThan(TIMEOUT_MS);
    const failedProbe = await probe;
    expect(failedProbe.code).toBe('SEARCH_UNAVAILABLE');
    expect(failedProbe.ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    const reopened = await timedSearch();
    expect(reopened.code).toBe('SEARCH_UNAVAILABLE');
    expect(reopened.ms).toBeLessThan(TIMEOUT_MS);
    expect(logged('search circuit open')).toBe(1);
    expect(logged('search circuit closed')).toBe(0);

    thaw();
    // The next probe after the cool-down succeeds and closes the circuit; searches answer again.
    const recovered = await eventually(async () => (await timedSearch()).code === null, COOLDOWN_MS + 10_000);
    expect(recovered).toBe(true);
    for (let i = 0; i < 3; i++) expect((await timedSearch()).code).toBeNull();
    await eventually(async () => logged('search circuit closed') === 1, 5000);
    expect(logged('search circuit open')).toBe(1);
  });
});

describe('matchmaking drain while Meilisearch is frozen', () => {
  it('gives up on a candidate search after SEARCH_TIMEOUT_MS, not the client default, and pauses once', async () => {
    const worker = await app.startWorker();
    const paused = () => worker.output.filter((l) => l.includes('matchmaking drain paused'));
    freeze();
    await app.db.query(
      `WITH o AS (
         INSERT INTO organization (kind, name, description, country, region_code, sectors, employee_band,
           founded_year, languages, innovation, status)
         SELECT 'SME', jsonb_build_object('fr', 'Atelier gelé ' || g), jsonb_build_object('fr', 'Usinage ' || g),
           'DZ', 'DZ-16', ARRAY['25'], '10-49', 2010, ARRAY['fr'],
           '{"rdActivity":false,"patents":0,"utilityModels":0,"trademarks":0,"industrialDesigns":0}', 'ACTIVE'
         FROM generate_series(1, 5) g RETURNING id)
       INSERT INTO outbox (entity_type, entity_id, op, topic)
       SELECT 'organization', id, 'upsert', 'match' FROM o`,
    );
    await eventually(async () => paused().length === 1, 30_000);
    const line = JSON.parse(paused()[0]) as { backlog: number };
    // The request that found Meilisearch frozen waited the search timeout, not the client's 10 s.
    expect(paused()[0]).toContain(`timed out after ${TIMEOUT_MS}ms`);
    expect(line.backlog).toBeGreaterThanOrEqual(5);
    thaw();
    await eventually(async () => worker.output.some((l) => l.includes('matchmaking drain resumed')), 60_000);
    expect(paused()).toHaveLength(1);
  }, 120_000);
});
