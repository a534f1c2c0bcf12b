import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { ImporterService, type RawRecord } from '#directory';
import { generateRecords } from '#directory/seed';
import { SearchIndexerService } from '#search';
import {
  CandidateSelector,
  criteriaFromTerms,
  DEFAULT_SHARDS,
  FullRecomputeService,
  ProfileStore,
} from '#matchmaking';
import { isRejection, rankSuppliers, scoreFinancing, type OrgProfile } from '#matchmaking/engine';
import { MEILI_CLIENT, type AppConfig } from '#platform';
import type { Meilisearch, MultiSearchQuery } from 'meilisearch';
import { DataSource } from 'typeorm';
import { BenchEnv } from './bench-env.js';
import { MatchScaleModule } from './match-scale.module.js';

/** Its own installation, so it can run beside the other benchmarks. */
const NAMES = {
  database: 'tashbik_bench_match',
  dataDir: 'bench-match-scale',
  indexPrefix: 'benchmatch_',
  queuePrefix: 'tashbik-bench-match',
};

export interface RealScaleRun {
  orgs: number;
  active: number;
  opportunities: number;
  openRequests: number;
  loadSeconds: number;
  indexSeconds: number;
  shards: number;
  concurrency: number;
  /** The shards (per-organisation suggestions), then the finishing step (clusters, run closed). */
  shardsWallMs: number;
  finishWallMs: number;
  wallMs: number;
  /** This process (the service code, the engine, the drivers). */
  cpuMs: number;
  /** Postgres backends of the benchmark's database and the Meilisearch server, sampled from /proc. */
  postgresCpuMs: number | null;
  meiliCpuMs: number | null;
  rssBefore: number;
  peakRss: number;
  heapUsedBefore: number;
  peakHeapUsed: number;
  suggestions: Record<string, number>;
  suggestionsWritten: number;
  clusters: number;
  /** Recall of the production candidate pools against exhaustive scoring, on a sample (outside the timed part). */
  recall: PoolRecall;
  /** One-minute load average of the machine when the recompute started and ended (it is shared). */
  loadStart: number;
  loadEnd: number;
  /** md5 of every stored suggestion (organisation, kind, counterpart, opportunity, rank, score to 1e-6). */
  digest: string;
}

let clockTicks = 0;
/** CPU milliseconds a process has used so far, or null when it is gone or unreadable. */
function procCpuMs(pid: number): number | null {
  try {
    clockTicks ||= Number(execSync('getconf CLK_TCK').toString().trim()) || 100;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return null;
  }
}

/** The Meilisearch process serving this installation (the bundled one runs in its data folder). */
function meiliPid(dataDir: string): number | null {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      if (cmd.includes('meilisearch') && cmd.includes(dataDir)) return Number(d);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

/** Sums the CPU of a changing set of processes: each one's last reading minus its first. */
class CpuTracker {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();

  see(pid: number, fresh: boolean): void {
    const ms = procCpuMs(pid);
    if (ms == null) return;
    if (!this.first.has(pid)) this.first.set(pid, fresh ? 0 : ms);
    this.last.set(pid, ms);
  }

  total(): number {
    let sum = 0;
    for (const [pid, ms] of this.last) sum += ms - this.first.get(pid)!;
    return sum;
  }
}

export interface PoolRecall {
  /** Subcontracting requests sampled; share of the exhaustive top 10 suppliers found through the pool. */
  requests: number;
  suppliersRecallAt10: number;
  /** SMEs sampled; share of the exhaustive top 20 financiers (public terms) found through the pool. */
  smes: number;
  financiersRecallAt20: number;
  /** Mean size of the financier pool an SME's selection returned, and the financiers of the directory. */
  financierPool: number;
  financiers: number;
  /** Mean wall time of one SME's financier selection (one multi-search), in ms. */
  financierMs: number;
  /** Mean supplier pool of a request, queries in its multi-search, and wall time of its selection (ms). */
  supplierPool: number;
  supplierQueries: number;
  supplierMs: number;
}

/** The production selector, counting the queries it sends. */
class CountingSelector extends CandidateSelector {
  queries = 0;
  protected override search(queries: MultiSearchQuery[]): Promise<string[][]> {
    this.queries += queries.length;
    return super.search(queries);
  }
}

/**
 * Candidate recall of the production selection: for a sample of open requests, suppliers ranked from
 * the Meilisearch pool against every active SME scored; for a sample of SMEs, financiers from the pool
 * against every financier scored. Default weights, no feedback (the installation has none).
 */
async function poolRecall(app: INestApplicationContext, prefix: string, sample: number): Promise<PoolRecall> {
  const store = new ProfileStore(app.get(DataSource));
  const selector = new CountingSelector(app.get<Meilisearch>(MEILI_CLIENT), prefix);
  const every = <T>(xs: readonly T[]) =>
    xs.filter((_x, i) => i % Math.max(1, Math.floor(xs.length / sample)) === 0).slice(0, sample);
  const smes = await store.profilesOfKind('SME');
  const all = (await store.profilesOfKind('LARGE_FIRM')).concat(smes);
  const requests = every(await store.requestsOfMany(all.map((o) => o.id)));
  let found = 0;
  let total = 0;
  let sMs = 0;
  let sPool = 0;
  for (const { request, text } of requests) {
    const exhaustive = rankSuppliers(request, smes, { limit: 10 }).results;
    const t0 = performance.now();
    const ids = await selector.suppliersFor(request, text);
    sMs += performance.now() - t0;
    sPool += ids.length;
    const pool = await store.profiles(ids);
    const kept = new Set(
      rankSuppliers(request, pool.values(), { limit: 10 }).results.map((r) => r.candidateId),
    );
    total += exhaustive.length;
    found += exhaustive.filter((r) => kept.has(r.candidateId)).length;
  }
  const supplierQueries = selector.queries;
  const financiers = (await store.profilesOfKind('FINANCIER')).map((f) => ({ f, c: criteriaFromTerms(f) }));
  const asOfYear = new Date().getUTCFullYear();
  const top = (list: typeof financiers, sme: OrgProfile) =>
    list
      .flatMap(({ f, c }) => {
        if (!c) return [];
        const r = scoreFinancing(c, sme, { asOfYear });
        return isRejection(r) || r.score < 0.05 ? [] : [{ id: f.id, score: r.score }];
      })
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, 20)
      .map((x) => x.id);
  let fFound = 0;
  let fTotal = 0;
  let fPool = 0;
  let fMs = 0;
  const sampled = every(smes);
  for (const sme of sampled) {
    const exhaustive = top(financiers, sme);
    const t0 = performance.now();
    const ids = new Set(await selector.financiersFor(sme));
    fMs += performance.now() - t0;
    fPool += ids.size;
    const kept = new Set(
      top(
        financiers.filter(({ f }) => ids.has(f.id)),
        sme,
      ),
    );
    fTotal += exhaustive.length;
    fFound += exhaustive.filter((id) => kept.has(id)).length;
  }
  return {
    requests: requests.length,
    suppliersRecallAt10: total ? found / total : NaN,
    smes: sampled.length,
    financiersRecallAt20: fTotal ? fFound / fTotal : NaN,
    financierPool: sampled.length ? fPool / sampled.length : NaN,
    financiers: financiers.length,
    financierMs: sampled.length ? fMs / sampled.length : NaN,
    supplierPool: requests.length ? sPool / requests.length : NaN,
    supplierQueries: requests.length ? supplierQueries / requests.length : NaN,
    supplierMs: requests.length ? sMs / requests.length : NaN,
  };
}

const recallSample = () => Number(process.env.MATCH_SCALE_RECALL_SAMPLE ?? 200);

async function* seedRecords(orgs: number): AsyncGenerator<RawRecord> {
  let line = 0;
  for (const value of generateRecords({ orgs, seed: 42 })) yield { line: ++line, value };
}

/**
 * Loads `orgs` generated organisations (with their opportunities) through the importer, builds the
 * search indexes in bulk, waits until Meilisearch holds every active one, then runs the nightly full
 * recompute: the same shard and finishing code the worker's flow runs, `concurrency` shards at a
 * time as the worker's processor does. Only the recompute is measured.
 */
async function realRun(
  env: BenchEnv,
  orgs: number,
  say: (s: string) => void,
  poolsOnly = false,
): Promise<RealScaleRun | PoolsRun> {
  // MATCH_SCALE_REUSE=1 keeps an installation already loaded with this many organisations (same ids, so
  // two builds can be compared suggestion for suggestion through the digest).
  let reuse = false;
  if (process.env.MATCH_SCALE_REUSE === '1') {
    env.pool ??= new pg.Pool({ connectionString: env.config.databaseUrl, max: 4 });
    const n = await env.pool
      .query<{ n: number }>(`SELECT count(*)::int AS n FROM organization`)
      .then((r) => r.rows[0].n)
      .catch(() => -1);
    reuse = n === orgs;
  }
  if (!reuse) await env.reset();
  const app: INestApplicationContext = await NestFactory.createApplicationContext(
    MatchScaleModule.forRoot(env.config),
    { logger: ['error'] },
  );
  try {
    const t0 = performance.now();
    if (!reuse) {
      const report = await app.get(ImporterService).import(seedRecords(orgs));
      if (report.rejected.length)
        throw new Error(
          `${report.rejected.length} generated records rejected: ${JSON.stringify(report.rejected[0])}`,
        );
    }
    const loadSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    if (!reuse) await app.get(SearchIndexerService).reindex();
    // The recompute below covers every organisation; no drain of these rows is measured or wanted.
    await env.pool.query(`UPDATE outbox SET processed_at = now() WHERE processed_at IS NULL`);
    const [{ active, opportunities, open }] = (
      await env.pool.query(
        `SELECT (SELECT count(*)::int FROM organization WHERE status = 'ACTIVE') AS active,
                (SELECT count(*)::int FROM opportunity) AS opportunities,
                (SELECT count(*)::int FROM opportunity WHERE type = 'SUBCONTRACTING_REQUEST' AND status = 'OPEN') AS open`,
      )
    ).rows;
    await env.waitIndexed(active);
    const indexSeconds = (performance.now() - t1) / 1000;
    await env.pool.query('VACUUM ANALYZE');
    say(
      `  ${orgs} organisations ${reuse ? 'reused (MATCH_SCALE_REUSE=1), ' : ''}loaded in ${loadSeconds.toFixed(1)} s (importer), indexed in ${indexSeconds.toFixed(1)} s; ${poolsOnly ? 'measuring candidate pools…' : 'recomputing…'}`,
    );
    if (poolsOnly) {
      const loadStart = loadavg()[0];
      const recall = await poolRecall(app, env.config.meiliIndexPrefix, recallSample());
      return { orgs, active, loadSeconds, indexSeconds, recall, loadStart, loadEnd: loadavg()[0] };
    }

    const full = app.get(FullRecomputeService);
    const shards = Number(process.env.MATCH_SCALE_SHARDS ?? DEFAULT_SHARDS);
    const concurrency = Number(process.env.MATCH_SCALE_CONCURRENCY ?? 2);
    const meili = meiliPid(env.config.dataDir);
    const pg = new CpuTracker();
    const ms = new CpuTracker();
    const database = new URL(env.config.databaseUrl).pathname.slice(1);
    const backends = async (fresh: boolean) => {
      const { rows } = await env.pool.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = $1`,
        [database],
      );
      for (const r of rows) pg.see(r.pid, fresh);
      if (meili) ms.see(meili, false);
    };
    const before = process.memoryUsage();
    const peak = { rss: before.rss, heapUsed: before.heapUsed };
    const sample = () => {
      const m = process.memoryUsage();
      peak.rss = Math.max(peak.rss, m.rss);
      peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    };
    await backends(false);
    let sampling = Promise.resolve();
    const timer = setInterval(() => {
      sample();
      sampling = sampling.then(() => backends(true)).catch(() => undefined);
    }, 250);

    const loadStart = loadavg()[0];
    const cpu0 = process.resourceUsage();
    const w0 = performance.now();
    const runId = await full.openRun(`bench-${orgs}-${Date.now()}`);
    let next = 0;
    const lane = async () => {
      while (next < shards) {
        const shard = next++;
        const r = await full.runShard(runId, shard, shards);
        say(
          `    shard ${shard + 1}/${shards}: ${r.organizations} organisations, ${r.suggestions} suggestions (${((performance.now() - w0) / 1000).toFixed(0)} s)`,
        );
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    const shardsWallMs = performance.now() - w0;
    const { clusters } = await full.finish(runId);
    const wallMs = performance.now() - w0;
    const cpu1 = process.resourceUsage();
    const loadEnd = loadavg()[0];
    clearInterval(timer);
    sample();
    await sampling;
    await backends(true);

    const kinds = (
      await env.pool.query<{ kind: string; n: number }>(
        `SELECT kind, count(*)::int AS n FROM suggestion GROUP BY kind ORDER BY kind`,
      )
    ).rows;
    const [{ digest }] = (
      await env.pool.query<{ digest: string }>(
        `SELECT md5(coalesce(string_agg(concat_ws('|', organization_id, kind, counterpart_organization_id,
                  opportunity_id, delegate_id, rank, round(score::numeric, 6)), ',' ORDER BY organization_id, kind,
                  coalesce(delegate_id::text, ''), rank), '')) AS digest
         FROM suggestion WHERE kind <> 'CLUSTER'`,
      )
    ).rows;
    const recall = await poolRecall(app, env.config.meiliIndexPrefix, recallSample());
    return {
      orgs,
      active,
      recall,
      opportunities,
      openRequests: open,
      loadSeconds,
      indexSeconds,
      shards,
      concurrency,
      shardsWallMs,
      finishWallMs: wallMs - shardsWallMs,
      wallMs,
      cpuMs: (cpu1.userCPUTime - cpu0.userCPUTime + cpu1.systemCPUTime - cpu0.systemCPUTime) / 1000,
      postgresCpuMs: pg.total(),
      meiliCpuMs: meili ? ms.total() : null,
      rssBefore: before.rss,
      peakRss: peak.rss,
      heapUsedBefore: before.heapUsed,
      peakHeapUsed: peak.heapUsed,
      suggestions: Object.fromEntries(kinds.map((k) => [k.kind, k.n])),
      suggestionsWritten: kinds.reduce((s, k) => s + k.n, 0),
      clusters,
      loadStart,
      loadEnd,
      digest,
    };
  } finally {
    await app.close();
  }
}

/** The full recompute through the production path at each size, in a throw-away installation. */
export async function realScale(
  config: AppConfig,
  sizes: readonly number[],
  say: (s: string) => void,
): Promise<RealScaleRun[]> {
  const env = await BenchEnv.create(config, NAMES);
  const runs: RealScaleRun[] = [];
  try {
    for (const n of sizes) runs.push((await realRun(env, n, say)) as RealScaleRun);
  } finally {
    await env.close();
  }
  return runs;
}

/** The candidate pools' recall only: the same installation as `realScale` (loaded or reused), no recompute. */
export interface PoolsRun {
  orgs: number;
  active: number;
  loadSeconds: number;
  indexSeconds: number;
  recall: PoolRecall;
  loadStart: number;
  loadEnd: number;
}

export async function poolsScale(
  config: AppConfig,
  sizes: readonly number[],
  say: (s: string) => void,
): Promise<PoolsRun[]> {
  const env = await BenchEnv.create(config, NAMES);
  const runs: PoolsRun[] = [];
  try {
    for (const n of sizes) runs.push((await realRun(env, n, say, true)) as PoolsRun);
  } finally {
    await env.close();
  }
  return runs;
}
