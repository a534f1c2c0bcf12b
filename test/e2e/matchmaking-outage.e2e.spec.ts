import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, startEmbeddedMeili, type EmbeddedMeili } from '#platform';
import { bootTestApp, eventually, startProcess, type RunningProcess, type TestApp } from '#testing';

/*
 * The matchmaking drain against a Meilisearch that is stopped: one failed request, not one warning
 * per organisation; the backlog stays pending, untouched, and drains once Meilisearch is back. A
 * worker stopped with SIGTERM finishes the organisation in hand and exits, with a backlog, during
 * an outage or not.
 */

/** Large enough that a drain through it takes far longer than the shutdown bound. */
// Large enough that a quiet machine cannot drain it all between the check below and the stop.
const BACKLOG = 6000;
/** Generous for a loaded 2-core machine; a drain through the backlog takes several times longer. */
const EXIT_BOUND_MS = 10_000;
const PAUSED = 'matchmaking drain paused';
const RESUMED = 'matchmaking drain resumed';

let app: TestApp;
let meili: EmbeddedMeili;
let dir: string;
let port: number;
let ids: string[];
let current: RunningProcess | null = null;

/** A worker of the app; start-up on a loaded machine may take a while. */
async function startWorker(): Promise<RunningProcess> {
  current = await startProcess('worker', app.env, /"msg":"worker ready"/, [], 120_000);
  return current;
}

const count = (p: RunningProcess, msg: string) => p.output.filter((l) => l.includes(msg)).length;

/** Match rows of the backlog still pending, and how many of them count an attempt. */
async function pending(): Promise<{ n: number; attempted: number }> {
  const [row] = (
    await app.db.query<{ n: number; attempted: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE attempts > 0)::int AS attempted FROM outbox
       WHERE topic = 'match' AND processed_at IS NULL AND entity_id = ANY($1::uuid[])`,
      [ids],
    )
  ).rows;
  return row;
}

const startMeili = async () => {
  meili = await startEmbeddedMeili({ dir, port, binDir: resolve('.data/bin') });
};

/**
 * Sends SIGTERM; how long the process took to exit, and whether it ended cleanly: exit code 0, or
 * the signal itself, re-raised by Nest's shutdown hooks once the application closed.
 */
async function terminate(p: RunningProcess): Promise<{ ms: number; clean: boolean }> {
  const started = Date.now();
  const code = await Promise.race([
    p.stop('SIGTERM'),
    new Promise<'late'>((r) => setTimeout(() => r('late'), 60_000)),
  ]);
  const ms = Date.now() - started;
  if (code === 'late') {
    await p.stop('SIGKILL');
    return { ms, clean: false };
  }
  return { ms, clean: code === 0 || p.child.signalCode === 'SIGTERM' };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tashbik-outage-meili-'));
  port = await freePort();
  await startMeili();
  app = await bootTestApp({
    env: { MEILI_HOST: meili.host, MEILI_MASTER_KEY: meili.masterKey, LOG_LEVEL: 'info' },
    readyTimeoutMs: 120_000,
  });
  await startWorker();
}, 240_000);

afterAll(async () => {
  await current?.stop('SIGKILL');
  await app?.close();
  await meili?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('matchmaking drain while Meilisearch is stopped', () => {
  it('pauses once with the backlog, keeps it, stops on SIGTERM within the bound, and drains after', async () => {
    let worker = current!;
    await meili.stop();
    // Organisations whose search rows were already indexed: only their match rows are pending.
    const inserted = await app.db.query<{ id: string }>(
      `WITH o AS (
         INSERT INTO organization (kind, name, description, country, region_code, sectors, employee_band,
           founded_year, languages, innovation, status)
         SELECT 'SME', jsonb_build_object('fr', 'Atelier ' || g), jsonb_build_object('fr', 'Usinage ' || g),
           'DZ', 'DZ-16', ARRAY['25'], '10-49', 2010, ARRAY['fr'],
           '{"rdActivity":false,"patents":0,"utilityModels":0,"trademarks":0,"industrialDesigns":0}', 'ACTIVE'
         FROM generate_series(1, $1::int) g RETURNING id)
       INSERT INTO outbox (entity_type, entity_id, op, topic)
       SELECT 'organization', id, 'upsert', 'match' FROM o RETURNING entity_id AS id`,
      [BACKLOG],
    );
    ids = inserted.rows.map((r) => r.id);

    await eventually(async () => count(worker, PAUSED) === 1, 30_000);
    // Several drains come and go (every second) during the outage; none walks the backlog.
    await new Promise((r) => setTimeout(r, 5000));
    expect(count(worker, PAUSED)).toBe(1);
    expect(count(worker, 'recompute failed')).toBe(0);
    const line = JSON.parse(worker.output.find((l) => l.includes(PAUSED))!) as { backlog: number };
    expect(line.backlog).toBeGreaterThanOrEqual(BACKLOG);
    expect(await pending()).toEqual({ n: BACKLOG, attempted: 0 });

    // Stopping during the outage, with the whole backlog pending.
    const down = await terminate(worker);
    expect(down.clean).toBe(true);
    expect(down.ms).toBeLessThan(EXIT_BOUND_MS);
    expect(await pending()).toEqual({ n: BACKLOG, attempted: 0 });

    // Meilisearch back: a new worker drains; stopped mid-drain, it finishes the organisation in
    // hand and leaves the rest pending.
    await startMeili();
    worker = await startWorker();
    await eventually(async () => (await pending()).n < BACKLOG - 20, 60_000);
    const busy = await terminate(worker);
    expect(busy.clean).toBe(true);
    expect(busy.ms).toBeLessThan(EXIT_BOUND_MS);
    const left = await pending();
    expect(left.n).toBeGreaterThan(0);
    expect(left.attempted).toBe(0);

    // An outage in the middle of the drain: one pause line, then one resume line, then all drained.
    worker = await startWorker();
    await eventually(async () => (await pending()).n < left.n, 60_000);
    await meili.stop();
    await eventually(async () => count(worker, PAUSED) === 1, 30_000);
    const during = await pending();
    await new Promise((r) => setTimeout(r, 3000));
    expect(await pending()).toEqual(during);
    await startMeili();
    // The pause has grown during the outage: the next try comes within DRAIN_PAUSE_MAX_MS.
    await eventually(async () => count(worker, RESUMED) === 1, 120_000).catch((e: Error) => {
      const state = `exit ${worker.child.exitCode ?? worker.child.signalCode ?? 'none'}`;
      throw new Error(`${e.message}; worker ${state}\n${worker.output.slice(-25).join('\n')}`);
    });
    await eventually(async () => (await pending()).n === 0, 240_000);
    expect(count(worker, PAUSED)).toBe(1);
    expect(count(worker, RESUMED)).toBe(1);
    expect(count(worker, 'recompute failed')).toBe(0);
  }, 480_000);
});
