import http from 'node:http';
import { DataSource } from 'typeorm';
import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { ImporterService, OpportunityEntity, OrganizationEntity, type RawRecord } from '#directory';
import { Meilisearch } from 'meilisearch';
import { opportunityDocument, organizationDocument, SearchIndexerService, SearchService } from '#search';
import type { BenchEnv } from './bench-env.js';
import { load, percentile } from './stats.js';

const TABLES = ['organization', 'contact_person', 'opportunity'] as const;

export interface ImportFigures {
  records: number;
  imported: number;
  rejected: number;
  importSeconds: number;
  copySeconds: number;
  meiliSeconds: number;
  floorSeconds: number;
  ratio: number;
}

async function copyOut(env: BenchEnv, table: string): Promise<Buffer> {
  const client = await env.pool.connect();
  try {
    const chunks: Buffer[] = [];
    await pipeline(
      client.query(copyTo(`COPY ${table} TO STDOUT`)),
      new Writable({
        write(chunk: Buffer, _enc, cb) {
          chunks.push(chunk);
          cb();
        },
      }),
    );
    return Buffer.concat(chunks);
  } finally {
    client.release();
  }
}

async function copyIn(env: BenchEnv, table: string, data: Buffer): Promise<void> {
  const client = await env.pool.connect();
  try {
    await pipeline(Readable.from([data]), client.query(copyFrom(`COPY ${table} FROM STDIN`)));
  } finally {
    client.release();
  }
}

/**
 * The import path (validation, batched transactional writes with outbox rows, the worker's drain
 * into Meilisearch) against the floor: COPY of the very same rows plus addDocuments of the very
 * same documents.
 */
export async function importBench(
  env: BenchEnv,
  records: () => AsyncIterable<RawRecord> | Iterable<RawRecord>,
): Promise<ImportFigures> {
  await env.reset();
  await env.startWorker();
  const cli = await env.startCli();
  const started = performance.now();
  const report = await cli.get(ImporterService).import(records());
  await env.waitIndexed(report.imported);
  const importSeconds = (performance.now() - started) / 1000;

  // Floor inputs, prepared outside the timed part.
  const dumps = new Map<string, Buffer>();
  for (const t of TABLES) dumps.set(t, await copyOut(env, t));
  const ds = cli.get(DataSource);
  const orgs = await ds.getRepository(OrganizationEntity).find();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const orgDocs = orgs.filter((o) => o.status === 'ACTIVE').map(organizationDocument);
  const oppDocs = (await ds.getRepository(OpportunityEntity).find())
    .filter((p) => !p.archivedAt)
    .map((p) => opportunityDocument(p, byId.get(p.organizationId)!));
  await env.stopApps();
  await env.pool.query(`TRUNCATE organization, contact_person, opportunity, outbox, search_state CASCADE`);
  const names = { organizations: 'bench_organizations', opportunities: 'bench_opportunities' };
  await env.meili.deleteIndexIfExists(names.organizations);
  await env.meili.deleteIndexIfExists(names.opportunities);
  await (await env.startCli()).get(SearchIndexerService).ensureIndexes();

  const c0 = performance.now();
  for (const t of TABLES) await copyIn(env, t, dumps.get(t)!);
  const copySeconds = (performance.now() - c0) / 1000;
  const m0 = performance.now();
  const tasks = [];
  for (let i = 0; i < orgDocs.length; i += 10_000)
    tasks.push(
      env.meili.index(names.organizations).addDocuments(orgDocs.slice(i, i + 10_000), { primaryKey: 'id' }),
    );
  for (let i = 0; i < oppDocs.length; i += 10_000)
    tasks.push(
      env.meili.index(names.opportunities).addDocuments(oppDocs.slice(i, i + 10_000), { primaryKey: 'id' }),
    );
  for (const t of tasks) {
    const done = await t.waitTask({ timeout: 30 * 60_000, interval: 50 });
    if (done.status !== 'succeeded') throw new Error(`floor indexing failed: ${done.error?.message}`);
  }
  const meiliSeconds = (performance.now() - m0) / 1000;
  // Leave the installation consistent for the next scenarios: the index holds what the rows say.
  await env.pool.query(
    `INSERT INTO search_state (entity_type, entity_id, version) SELECT 'organization', id, version FROM organization WHERE status = 'ACTIVE'`,
  );
  await env.pool.query(
    `INSERT INTO search_state (entity_type, entity_id, version) SELECT 'opportunity', p.id, p.version FROM opportunity p JOIN organization o ON o.id = p.organization_id WHERE p.archived_at IS NULL AND o.status = 'ACTIVE'`,
  );
  const floorSeconds = copySeconds + meiliSeconds;
  return {
    records: report.read,
    imported: report.imported,
    rejected: report.rejected.length,
    importSeconds,
    copySeconds,
    meiliSeconds,
    floorSeconds,
    ratio: importSeconds / floorSeconds,
  };
}

export interface SearchQuery {
  query: string;
  filter?: Record<string, unknown>;
}

export interface LatencyFigures {
  concurrency: number;
  requests: number;
  /** The engine's own time (processingTimeMs of the direct requests). */
  engineP50: number;
  engineP95: number;
  /** searchOrganizations through GraphQL, from a keep-alive node:http client. */
  apiP50: number;
  apiP95: number;
  apiRps: number;
  /** The same Meilisearch requests sent directly through the project's transport (keep-alive node:http). */
  directP50: number;
  directP95: number;
  directRps: number;
  /** The same requests through the client's default transport, Node's fetch. */
  fetchP50: number;
  fetchP95: number;
  fetchRps: number;
  /** api p95 / direct p95. */
  p95Ratio: number;
}

const SEARCH = `query($q: String, $f: OrganizationSearchFilter) {
  searchOrganizations(query: $q, filter: $f, limit: 20) {
    estimatedTotal
    hits { id kind country name { ar fr en } highlights { field snippet } }
  }
}`;

async function gql(
  url: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors[0].message);
  return body.data!;
}

/**
 * A GraphQL client for the load generator on node:http with keep-alive and one write per request:
 * Node's fetch would add its own ~40 ms delayed-ACK stall to every api call measured.
 */
function gqlClient(url: string): (query: string, variables: Record<string, unknown>) => Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  return (query, variables) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ query, variables });
      const req = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
              errors?: { message: string }[];
            };
            if (parsed.errors?.length) reject(new Error(parsed.errors[0].message));
            else resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

/**
 * searchOrganizations through GraphQL against the same Meilisearch requests sent directly, in the
 * same run: through the project's keep-alive node:http transport (the baseline), through the
 * client's default fetch transport, and the engine's own processingTimeMs of those requests.
 */
export async function searchBench(
  env: BenchEnv,
  queries: SearchQuery[],
  plan: { concurrency: number; requests: number }[],
): Promise<LatencyFigures[]> {
  const url = await env.startApi();
  const gql = gqlClient(url);
  // Only used to build the Meilisearch requests GraphQL would send; it never queries Postgres here.
  const service = new SearchService(env.meili, env.config, null as never);
  const direct = queries.map((q) =>
    service.organizationRequest({ query: q.query, filter: q.filter as never, limit: 20 }),
  );
  const viaFetch = new Meilisearch({
    host: env.config.meiliHost!,
    apiKey: env.config.meiliMasterKey ?? undefined,
    timeout: 10_000,
  });
  const warm = Math.min(100, queries.length * 2);
  await load(warm, 4, async (i) => {
    const q = queries[i % queries.length];
    await gql(SEARCH, { q: q.query, f: q.filter });
    const { uid, params } = direct[i % direct.length];
    const { q: text, ...rest } = params;
    await env.meili.index(uid).search(text, rest);
    await viaFetch.index(uid).search(text, rest);
  });
  const out: LatencyFigures[] = [];
  const engine: number[] = [];
  const modes = {
    api: async (i: number) => {
      const q = queries[i % queries.length];
      await gql(SEARCH, { q: q.query, f: q.filter });
    },
    direct: async (i: number) => {
      const { uid, params } = direct[i % direct.length];
      const { q, ...rest } = params;
      engine.push((await env.meili.index(uid).search(q, rest)).processingTimeMs);
    },
    fetch: async (i: number) => {
      const { uid, params } = direct[i % direct.length];
      const { q, ...rest } = params;
      await viaFetch.index(uid).search(q, rest);
    },
  };
  const names = Object.keys(modes) as (keyof typeof modes)[];
  // The three run in interleaved rounds, each first in turn, so a change of load on the machine
  // during the run weighs on all three alike.
  const ROUNDS = 6;
  for (const { concurrency, requests } of plan) {
    engine.length = 0;
    const took = Object.fromEntries(names.map((n) => [n, { latencies: [] as number[], seconds: 0 }]));
    for (let r = 0; r < ROUNDS; r++) {
      const n = Math.ceil(requests / ROUNDS);
      for (let k = 0; k < names.length; k++) {
        const name = names[(r + k) % names.length];
        const run = await load(n, concurrency, (i) => modes[name](r * n + i));
        took[name].latencies.push(...run.latencies);
        took[name].seconds += run.seconds;
      }
    }
    const { api, direct: dir, fetch: old } = took;
    const done = api.latencies.length;
    const apiP95 = percentile(api.latencies, 95);
    const directP95 = percentile(dir.latencies, 95);
    out.push({
      concurrency,
      requests: done,
      engineP50: percentile(engine, 50),
      engineP95: percentile(engine, 95),
      apiP50: percentile(api.latencies, 50),
      apiP95,
      apiRps: done / api.seconds,
      directP50: percentile(dir.latencies, 50),
      directP95,
      directRps: done / dir.seconds,
      fetchP50: percentile(old.latencies, 50),
      fetchP95: percentile(old.latencies, 95),
      fetchRps: done / old.seconds,
      p95Ratio: apiP95 / directP95,
    });
  }
  return out;
}

export interface LagFigures {
  updates: number;
  updateSeconds: number;
  p50: number;
  p95: number;
  max: number;
}

/** Time from an update's commit (its mutation answered) until the new version is in the index. */
export async function lagBench(env: BenchEnv, updates: number): Promise<LagFigures> {
  await env.startWorker();
  const url = await env.startApi();
  const { rows } = await env.pool.query<{ id: string }>(
    `SELECT id FROM organization WHERE status = 'ACTIVE' ORDER BY id LIMIT $1`,
    [updates],
  );
  const pending = new Map<string, { version: number; at: number }>();
  const lags: number[] = [];
  let writing = true;
  const watcher = (async () => {
    while (writing || pending.size) {
      // Every pending update is checked each round, so a slow one never hides the others.
      const ids = [...pending.keys()];
      for (let i = 0; i < ids.length; i += 1000) {
        const res = await env.meili
          .index('bench_organizations')
          .getDocuments<{ id: string; version: number }>({
            ids: ids.slice(i, i + 1000),
            fields: ['id', 'version'],
            limit: 1000,
          });
        const now = performance.now();
        for (const d of res.results) {
          const p = pending.get(d.id);
          if (p && d.version >= p.version) {
            lags.push(now - p.at);
            pending.delete(d.id);
          }
        }
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const started = performance.now();
  await load(rows.length, 16, async (i) => {
    const data = await gql(
      url,
      `mutation($id: ID!, $city: String) { updateOrganization(input: { id: $id, city: $city }) { id version } }`,
      {
        id: rows[i].id,
        city: `Lag ${i}`,
      },
    );
    const v = (data.updateOrganization as { version: number }).version;
    pending.set(rows[i].id, { version: v, at: performance.now() });
  });
  const updateSeconds = (performance.now() - started) / 1000;
  writing = false;
  await watcher;
  return {
    updates: rows.length,
    updateSeconds,
    p50: percentile(lags, 50),
    p95: percentile(lags, 95),
    max: Math.max(...lags),
  };
}

/** One letter changed in the longest word of the name (5 letters or more), deterministically. */
export function withTypo(name: string, seed: number): string | null {
  const words = name.split(/\s+/);
  let best = -1;
  words.forEach((w, i) => {
    if (/^\p{L}{5,}$/u.test(w) && (best < 0 || w.length > words[best].length)) best = i;
  });
  if (best < 0) return null;
  const w = words[best];
  const pos = 1 + (seed % (w.length - 2));
  const replacement = w[pos].toLowerCase() === 'e' ? 'a' : 'e';
  words[best] = w.slice(0, pos) + replacement + w.slice(pos + 1);
  return words.join(' ');
}

/** Share of names found in the top 3 hits when searched with one typo. */
export async function typoBench(
  env: BenchEnv,
  samples: { name: string; ref: string }[],
): Promise<{ tried: number; foundTop3: number; share: number }> {
  const url = await env.startApi();
  const refs = samples.map((s) => s.ref);
  const { rows } = await env.pool.query<{ id: string; external_ref: string }>(
    `SELECT id, external_ref FROM organization WHERE external_ref = ANY($1)`,
    [refs],
  );
  const idOf = new Map(rows.map((r) => [r.external_ref, r.id]));
  let tried = 0;
  let found = 0;
  for (const [i, s] of samples.entries()) {
    const typo = withTypo(s.name, i);
    if (!typo || !idOf.has(s.ref)) continue;
    tried++;
    const data = await gql(
      url,
      `query($q: String) { searchOrganizations(query: $q, limit: 3) { hits { id } } }`,
      { q: typo },
    );
    const hits = (data.searchOrganizations as { hits: { id: string }[] }).hits;
    if (hits.some((h) => h.id === idOf.get(s.ref))) found++;
  }
  return { tried, foundTop3: found, share: tried ? found / tried : 0 };
}
