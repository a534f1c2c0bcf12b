import { createHash } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ImporterService, type RawRecord } from '#directory';
import { generateRecords } from '#directory/seed';
import { SearchIndexerService } from '#search';
import {
  CandidateSelector,
  MATCH_QUEUE,
  ProfileStore,
  RecomputeService,
  SavedSearchAlerts,
  SuggestionComputer,
} from '#matchmaking';
import { startProcess, type RunningProcess } from '#testing';
import { migrateDatabase, recordChanges, redisConnection, type AppConfig } from '#platform';
import { Queue } from 'bullmq';
import { BenchEnv } from './bench-env.js';
import { CpuMeter, type CpuSeconds } from './cpu-meter.js';
import { MatchScaleModule } from './match-scale.module.js';
import { ratio, table } from './stats.js';

/** Its own installation, so it can run beside the other benchmarks. */
const NAMES = {
  database: 'tashbik_bench_drain',
  dataDir: 'bench-match-drain',
  indexPrefix: 'benchdrain_',
  queuePrefix: 'tashbik-bench-drain',
};

const say = (s = '') => process.stdout.write(`${s}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function* seedRecords(orgs: number): AsyncGenerator<RawRecord> {
  let line = 0;
  for (const value of generateRecords({ orgs, seed: 42 })) yield { line: ++line, value };
}

/** Wall time spent in each method of the one-by-one path (sequential, so the parts add up). */
class Breakdown {
  readonly ms = new Map<string, number>();
  readonly calls = new Map<string, number>();
  private readonly restore: (() => void)[] = [];

  wrap(proto: object, names: string[], prefix: string): void {
    const target = proto as Record<string, (...a: unknown[]) => Promise<unknown>>;
    const { ms, calls } = this;
    for (const name of names) {
      const original = target[name];
      const key = `${prefix}.${name}`;
      let depth = 0;
      target[name] = async function (this: unknown, ...args: unknown[]) {
        // Only the outermost call of a method counts (profile() calls profiles()).
        if (depth++) return original.apply(this, args).finally(() => depth--);
        const t = performance.now();
        try {
          return await original.apply(this, args);
        } finally {
          depth--;
          ms.set(key, (ms.get(key) ?? 0) + performance.now() - t);
          calls.set(key, (calls.get(key) ?? 0) + 1);
        }
      };
      this.restore.push(() => (target[name] = original));
    }
  }

  unwrap(): void {
    for (const r of this.restore.splice(0)) r();
  }
}

interface DrainRun {
  label: string;
  organizations: number;
  seconds: number;
  perSecond: number;
  /** Load averages when the run started and when it ended. */
  loadBefore: string;
  load: string;
  /** CPU seconds of the run's Node processes, its Postgres backends and its Meilisearch. */
  cpu: CpuSeconds | null;
  /** From the stop signal to the drain's return (the chunk in hand finished). */
  stopSeconds?: number;
  /** Organisations done once the drain returned after the stop (the window's and the last chunk's). */
  finished?: number;
}

/** Queues one `match` row per active organisation, as an import leaves them, and clears suggestions. */
async function queueBacklog(pool: pg.Pool): Promise<number> {
  await pool.query(`UPDATE outbox SET processed_at = now() WHERE processed_at IS NULL`);
  await pool.query(`DELETE FROM suggestion`);
  // Every run starts from the same table, not from the dead rows of the runs before it.
  await pool.query(`VACUUM suggestion`);
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM organization WHERE status = 'ACTIVE' ORDER BY created_at, id`,
  );
  const rowsOf = {
    query: <T>(sql: string, params?: unknown[]): Promise<T> =>
      pool.query(sql, params).then((r) => r.rows as T),
  };
  return recordChanges(
    rowsOf,
    rows.map(({ id }) => ({ entityType: 'organization' as const, entityId: id })),
    ['match'],
  );
}

async function backlog(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM outbox WHERE topic = 'match' AND processed_at IS NULL`,
  );
  return rows[0].n;
}

/**
 * The drain as it ran before batching, organisation by organisation: recompute (its own queries,
 * its own candidate requests, one transaction), saved-search alerts, then its outbox rows marked
 * done. Runs for `seconds` over the backlog's first organisations.
 */
async function oneByOne(
  app: INestApplicationContext,
  pool: pg.Pool,
  seconds: number,
  meter: CpuMeter,
): Promise<DrainRun> {
  const recompute = app.get(RecomputeService);
  const db = app.get(DataSource);
  const { rows } = await pool.query<{ id: string; entity_id: string }>(
    `SELECT id, entity_id FROM outbox WHERE topic = 'match' AND processed_at IS NULL ORDER BY id`,
  );
  const computer = recompute.computer();
  const alerts = new SavedSearchAlerts(db, new ProfileStore(db));
  const loadBefore = load();
  await meter.start();
  const t0 = performance.now();
  let n = 0;
  for (const r of rows) {
    if (performance.now() - t0 > seconds * 1000) break;
    await recompute.recompute(r.entity_id, null, computer);
    await alerts.evaluate(r.entity_id);
    await db.query(`UPDATE outbox SET processed_at = now() WHERE id = ANY($1::bigint[])`, [[r.id]]);
    n++;
  }
  const s = (performance.now() - t0) / 1000;
  const cpu = await meter.stop();
  return {
    label: 'one by one (before)',
    organizations: n,
    seconds: s,
    perSecond: n / s,
    loadBefore,
    load: load(),
    cpu,
  };
}

/** The worker's drain (`RecomputeService.drain`), called in this process until the backlog is empty. */
/** Organisations drained in `windowS` seconds (0: until the backlog is empty) by `run`, started at once. */
async function measure(
  label: string,
  pool: pg.Pool,
  windowS: number,
  meter: CpuMeter,
  run: (signal: AbortSignal) => Promise<void>,
): Promise<DrainRun> {
  const total = await queueBacklog(pool);
  const stop = new AbortController();
  const loadBefore = load();
  await meter.start();
  const t0 = performance.now();
  const running = run(stop.signal);
  for (;;) {
    await new Promise((r) => setTimeout(r, 200));
    if ((windowS && performance.now() - t0 >= windowS * 1000) || !(await backlog(pool))) break;
  }
  const s = (performance.now() - t0) / 1000;
  const done = total - (await backlog(pool));
  const cpu = await meter.stop();
  const loadAfter = load();
  const s0 = performance.now();
  stop.abort();
  await running;
  const stopSeconds = (performance.now() - s0) / 1000;
  const finished = total - (await backlog(pool));
  return {
    label,
    organizations: done,
    seconds: s,
    perSecond: done / s,
    loadBefore,
    load: loadAfter,
    cpu,
    stopSeconds,
    finished,
  };
}

/** The worker's drain (`RecomputeService.drain`), called in this process as the worker calls it. */
function inProcess(
  app: INestApplicationContext,
  pool: pg.Pool,
  windowS: number,
  meter: CpuMeter,
): Promise<DrainRun> {
  return measure('drain, in this process', pool, windowS, meter, async (signal) => {
    while (!signal.aborted && (await backlog(pool))) {
      const res = await app.get(RecomputeService).drain(undefined, signal);
      if (res.failed.length) throw new Error(`recompute failed for ${res.failed.length} organisation(s)`);
      // As the worker does after a Meilisearch time-out: a pause, then the drain again.
      if (res.unavailable) await new Promise((r) => setTimeout(r, 1000));
    }
  });
}

interface SampleRun {
  organizations: number;
  suggestions: number;
  /** CPU of this process (the engine, the reads' parsing, the write's encoding) per organisation. */
  nodeCpuMs: number;
  wallMs: number;
  /** SHA-1 of every stored row of the sample: the same digest on two builds means the same suggestions. */
  digest: string;
  load: string;
}

/**
 * A fixed sample of organisations (the first `size` active ones by md5 of their id) recomputed with
 * `recomputeMany` in rounds of 500 and chunks of 50, as the drain does: Node CPU per organisation,
 * and a digest of the stored rows (kind, counterpart, opportunity, delegate, rank, score to 9
 * decimals, contributions) to compare two builds of the code on the same installation.
 */
async function fixedSample(app: INestApplicationContext, pool: pg.Pool, size: number): Promise<SampleRun> {
  const recompute = app.get(RecomputeService);
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM organization WHERE status = 'ACTIVE' ORDER BY md5(id::text) LIMIT $1`,
    [size],
  );
  const ids = rows.map((r) => r.id);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < ids.length; i += 500) {
    const computer = recompute.batchComputer();
    const round = ids.slice(i, i + 500);
    for (let j = 0; j < round.length; j += 50)
      await recompute.recomputeMany(round.slice(j, j + 50), computer);
  }
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const stored = await pool.query(
    `SELECT organization_id, kind, counterpart_organization_id, opportunity_id, delegate_id, rank,
            round(score::numeric, 9) AS score, contributions::text AS contributions
     FROM suggestion WHERE organization_id = ANY($1::uuid[])
     ORDER BY organization_id, kind, rank, counterpart_organization_id, opportunity_id, delegate_id`,
    [ids],
  );
  const n = Math.max(1, ids.length);
  return {
    organizations: ids.length,
    suggestions: stored.rows.length,
    nodeCpuMs: (cpu.user + cpu.system) / 1000 / n,
    wallMs: wall / n,
    digest: createHash('sha1').update(JSON.stringify(stored.rows)).digest('hex').slice(0, 16),
    load: load(),
  };
}

/** Worker processes, as deployed (ready before the clock starts). */
async function withWorkers(
  env: BenchEnv,
  pool: pg.Pool,
  workers: number,
  windowS: number,
): Promise<DrainRun> {
  await pool.query(`UPDATE outbox SET processed_at = now() WHERE processed_at IS NULL`);
  // Jobs left by an earlier run (a nightly flow fired while it ran) would take the workers' slots.
  const queue = new Queue(MATCH_QUEUE, {
    connection: redisConnection(env.config.redisUrl),
    prefix: env.config.queuePrefix,
  });
  await queue.obliterate({ force: true });
  await queue.close();
  const procs: RunningProcess[] = [];
  try {
    for (let i = 0; i < workers; i++)
      procs.push(await startProcess('worker', workerEnv(env.config), /"msg":"worker ready"/, [], 120_000));
    // SIGTERM to the workers when the window ends: the stop time is how long they take to exit.
    const meter = new CpuMeter(pool, env.config.dataDir, () =>
      procs.flatMap((p) => (p.child.pid ? [p.child.pid] : [])),
    );
    return await measure(
      `${workers} worker process${workers > 1 ? 'es' : ''}`,
      pool,
      windowS,
      meter,
      async (signal) => {
        await new Promise((r) => signal.addEventListener('abort', r, { once: true }));
        await Promise.all(procs.splice(0).map((p) => p.stop()));
      },
    );
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
  }
}

function workerEnv(c: AppConfig): Record<string, string> {
  return {
    DATABASE_URL: c.databaseUrl,
    REDIS_URL: c.redisUrl,
    MEILI_HOST: c.meiliHost ?? '',
    MEILI_MASTER_KEY: c.meiliMasterKey ?? '',
    MEILI_INDEX_PREFIX: c.meiliIndexPrefix,
    QUEUE_PREFIX: c.queuePrefix,
    OUTBOX_SWEEP_MS: String(c.outboxSweepMs),
    LOG_LEVEL: 'warn',
  };
}

/**
 * `npm run bench -- match-drain`: the backlog an import of MATCH_DRAIN_ORGS organisations (default
 * 10,000) leaves on the `match` topic, drained one by one (the path before batching, the baseline)
 * and by the worker's drain with 1 and 2 worker processes, in the same run.
 */
export async function matchDrainBench(config: AppConfig): Promise<Record<string, unknown>> {
  const orgs = Number(process.env.MATCH_DRAIN_ORGS ?? 10_000);
  const baselineSeconds = Number(process.env.MATCH_DRAIN_BASELINE_S ?? 30);
  // 0: each run drains the whole backlog; else each run is measured over this many seconds.
  const windowS = Number(process.env.MATCH_DRAIN_WINDOW_S ?? 0);
  const env = await BenchEnv.create(config, NAMES);
  try {
    let reuse = false;
    if (process.env.MATCH_DRAIN_REUSE === '1') {
      env.pool ??= new pg.Pool({ connectionString: env.config.databaseUrl, max: 4 });
      const n = await env.pool
        .query<{ n: number }>(`SELECT count(*)::int AS n FROM organization`)
        .then((r) => r.rows[0].n)
        .catch(() => -1);
      reuse = n === orgs;
    }
    if (!reuse) await env.reset();
    // A kept installation still gets the migrations added since it was loaded.
    else await migrateDatabase(env.config);
    const app = await NestFactory.createApplicationContext(MatchScaleModule.forRoot(env.config), {
      logger: ['error'],
    });
    try {
      if (!reuse) {
        say(`match-drain: importing ${orgs} organisations (seed 42)…`);
        const report = await app.get(ImporterService).import(seedRecords(orgs));
        if (report.rejected.length) throw new Error(`${report.rejected.length} generated records rejected`);
        await app.get(SearchIndexerService).reindex();
      }
      await env.pool.query(`UPDATE outbox SET processed_at = now() WHERE processed_at IS NULL`);
      const [{ active }] = (
        await env.pool.query<{ active: number }>(
          `SELECT count(*)::int AS active FROM organization WHERE status = 'ACTIVE'`,
        )
      ).rows;
      await env.waitIndexed(active);
      await env.pool.query('VACUUM ANALYZE');
      say(`  ${active} active organisations indexed; load average ${load()}`);

      const sampleSize = Number(process.env.MATCH_DRAIN_SAMPLE ?? 300);
      const sample = sampleSize > 0 ? await fixedSample(app, env.pool, sampleSize) : null;
      if (sample)
        say(
          `  fixed sample: ${sample.organizations} organisations recomputed in chunks of 50, ` +
            `Node CPU ${sample.nodeCpuMs.toFixed(2)} ms/org, wall ${sample.wallMs.toFixed(1)} ms/org, ` +
            `${sample.suggestions} suggestions, digest ${sample.digest}; load average ${sample.load}`,
        );
      if (process.env.MATCH_DRAIN_SAMPLE_ONLY === '1') return { orgs, active, sample };
      const runs: DrainRun[] = [];
      // Baseline, with where its time goes.
      await queueBacklog(env.pool);
      const parts = new Breakdown();
      parts.wrap(
        ProfileStore.prototype,
        ['profiles', 'verdictsOf', 'requestsOf', 'requestsById', 'criteriaOf'],
        'postgres',
      );
      parts.wrap(
        CandidateSelector.prototype,
        ['suppliersFor', 'requestsFor', 'financiersFor', 'smesFor'],
        'meilisearch',
      );
      parts.wrap(SuggestionComputer.prototype, ['compute'], 'compute');
      parts.wrap(RecomputeService.prototype, ['recompute'], 'recompute');
      parts.wrap(SavedSearchAlerts.prototype, ['evaluate'], 'alerts');
      say(`  one by one for ${baselineSeconds} s…`);
      const meter = new CpuMeter(env.pool, env.config.dataDir, () => []);
      const base = await oneByOne(app, env.pool, baselineSeconds, meter);
      parts.unwrap();
      runs.push(base);
      const total = base.seconds * 1000;
      const computeMs = parts.ms.get('compute.compute') ?? 0;
      const recomputeMs = parts.ms.get('recompute.recompute') ?? 0;
      const alertsMs = parts.ms.get('alerts.evaluate') ?? 0;
      const rows = [...parts.ms]
        .filter(([k]) => k.startsWith('postgres') || k.startsWith('meilisearch'))
        .map(([k, v]) => ({ part: k, calls: parts.calls.get(k) ?? 0, ms: v }));
      const fetched = rows.reduce((s, r) => s + r.ms, 0);
      rows.push(
        { part: 'engine and the rest of compute', calls: base.organizations, ms: computeMs - fetched },
        { part: 'write (transaction)', calls: base.organizations, ms: recomputeMs - computeMs },
        { part: 'saved-search alerts', calls: base.organizations, ms: alertsMs },
        {
          part: 'outbox update and loop',
          calls: base.organizations,
          ms: total - recomputeMs - alertsMs,
        },
      );
      say(
        table(
          rows.map((r) => ({
            'one by one: part': r.part,
            calls: r.calls,
            'ms/org': (r.ms / Math.max(1, base.organizations)).toFixed(2),
            share: `${((100 * r.ms) / total).toFixed(1)}%`,
          })),
        ),
      );
      const counts = (process.env.MATCH_DRAIN_WORKERS ?? '1,2').split(',').filter(Boolean).map(Number);
      say(`  the drain in this process over ${active} organisations…`);
      // Where the batched drain's time goes: its chunks run one after another here, so the parts add up.
      const batched = new Breakdown();
      batched.wrap(SuggestionComputer.prototype, ['prefetch'], 'chunk');
      batched.wrap(RecomputeService.prototype, ['recomputeMany'], 'chunk');
      batched.wrap(DataSource.prototype, ['transaction'], 'chunk');
      const drained = await inProcess(app, env.pool, windowS, meter);
      batched.unwrap();
      runs.push(drained);
      const part = (k: string) => batched.ms.get(`chunk.${k}`) ?? 0;
      // Up to the drain's return: the chunk in hand when the window closed counts whole.
      const drainMs = (drained.seconds + (drained.stopSeconds ?? 0)) * 1000;
      const drainedOrgs = Math.max(1, drained.finished ?? drained.organizations);
      const chunkRows = [
        { part: 'read-ahead: Postgres reads and candidate multi-searches', ms: part('prefetch') },
        {
          part: 'compute: engine, cached reads, the rest',
          ms: part('recomputeMany') - part('prefetch') - part('transaction'),
        },
        { part: 'write (one transaction per chunk)', ms: part('transaction') },
        {
          part: 'saved-search alerts, outbox update, shard locks',
          ms: drainMs - part('recomputeMany'),
        },
      ];
      say(
        table(
          chunkRows.map((r) => ({
            'drain in this process: part': r.part,
            chunks: batched.calls.get('chunk.recomputeMany') ?? 0,
            'ms/org': (r.ms / drainedOrgs).toFixed(2),
            share: `${((100 * r.ms) / drainMs).toFixed(1)}%`,
          })),
        ),
      );
      await app.close();
      for (const workers of counts) {
        say(`  ${workers} worker process(es) draining ${active} organisations…`);
        runs.push(await withWorkers(env, env.pool, workers, windowS));
      }
      say(
        table(
          runs.map((r) => ({
            path: r.label,
            organisations: r.organizations,
            s: r.seconds.toFixed(1),
            'orgs/s': r.perSecond.toFixed(1),
            'vs one by one': ratio(r.perSecond, base.perSecond),
            'stop (s)': r.stopSeconds == null ? '' : r.stopSeconds.toFixed(2),
            'load avg before': r.loadBefore.split(' ')[0],
            'load avg (1/5/15 min) after': r.load,
          })),
        ),
      );
      const one = runs.find((r) => r.label === '1 worker process');
      const two = runs.find((r) => r.label === '2 worker processes');
      if (one && two) say(`  2 workers / 1 worker: ${ratio(two.perSecond, one.perSecond)}`);
      const cpuMs = (r: DrainRun, k: keyof CpuSeconds) =>
        r.cpu ? ((1000 * r.cpu[k]) / Math.max(1, r.organizations)).toFixed(2) : '';
      say(
        table(
          runs.map((r) => ({
            'CPU ms per organisation': r.label,
            node: cpuMs(r, 'node'),
            postgres: cpuMs(r, 'postgres'),
            meilisearch: cpuMs(r, 'meilisearch'),
            total: r.cpu
              ? (
                  (1000 * (r.cpu.node + r.cpu.postgres + r.cpu.meilisearch)) /
                  Math.max(1, r.organizations)
                ).toFixed(2)
              : '',
            'cores busy': r.cpu
              ? ((r.cpu.node + r.cpu.postgres + r.cpu.meilisearch) / r.seconds).toFixed(2)
              : '',
          })),
        ),
      );
      say(
        `  (${cpus().length} cores; node = this process and its worker processes, postgres = the backends of` +
          ` ${NAMES.database}, meilisearch = the benchmark's own; other engineers' processes are not counted)`,
      );
      return { orgs, active, sample, runs, breakdown: rows, chunkBreakdown: chunkRows };
    } finally {
      await app.close().catch(() => undefined);
    }
  } finally {
    await env.close();
  }
}
