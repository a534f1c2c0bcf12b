import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { readRecords } from '#directory';
import { generateRecords } from '#directory/seed';
import type { AppConfig } from '#platform';
import { BenchEnv } from './bench-env.js';
import { cordisAvailable, CORDIS_FILE, cordisRecords } from './cordis.js';
import {
  importBench,
  lagBench,
  searchBench,
  typoBench,
  type LatencyFigures,
  type SearchQuery,
} from './scenarios.js';
import { ms, ratio, table } from './stats.js';
import { authBench } from './auth.js';

const say = (s = '') => process.stdout.write(`${s}\n`);

/**
 * Latency of one search, p50/p95 in ms, measured in the same run: inside the engine
 * (processingTimeMs), direct through the project's node:http transport, direct through the
 * client's default fetch transport, and searchOrganizations through the api; with ratios.
 */
function searchTable(s: LatencyFigures[]): string {
  const pair = (a: number, b: number) => `${a.toFixed(1)} / ${b.toFixed(1)}`;
  return [
    table(
      s.map((f) => ({
        clients: f.concurrency,
        requests: f.requests,
        'engine p50/p95': pair(f.engineP50, f.engineP95),
        'node:http p50/p95': pair(f.directP50, f.directP95),
        'fetch p50/p95': pair(f.fetchP50, f.fetchP95),
        'api p50/p95': pair(f.apiP50, f.apiP95),
        'node:http req/s': f.directRps.toFixed(0),
        'fetch req/s': f.fetchRps.toFixed(0),
        'api req/s': f.apiRps.toFixed(0),
        'fetch/node:http p50': ratio(f.fetchP50, f.directP50),
        'api/node:http p95': ratio(f.apiP95, f.directP95),
        'api/engine p95': ratio(f.apiP95, Math.max(f.engineP95, 1)),
      })),
    ),
    '(ms; engine = processingTimeMs, whole milliseconds, counted as at least 1 ms in api/engine)',
  ].join('\n');
}

async function seedFile(dir: string, orgs: number): Promise<string> {
  const file = join(dir, `seed-${orgs}.jsonl`);
  if (existsSync(file)) return file;
  const out = createWriteStream(`${file}.tmp`);
  for (const r of generateRecords({ orgs, seed: 42 })) {
    if (!out.write(`${JSON.stringify(r)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const { renameSync } = await import('node:fs');
  renameSync(`${file}.tmp`, file);
  return file;
}

/** Search queries drawn from the data itself: a word of a name in each language, some with filters. */
function seedQueries(orgs: number): SearchQuery[] {
  const queries: SearchQuery[] = [];
  const step = Math.max(1, Math.floor(orgs / 60));
  const langs = ['ar', 'fr', 'en'] as const;
  let k = 0;
  for (const r of generateRecords({ orgs, seed: 42 })) {
    if (k++ % step) continue;
    const name = r.organization.name as Record<string, string | null | undefined>;
    const text = name[langs[k % 3]] ?? name.fr ?? name.en ?? name.ar ?? '';
    const word = text.split(/\s+/).sort((a, b) => b.length - a.length)[0];
    if (word) queries.push({ query: word });
  }
  const filters = [
    { kinds: ['SME'] },
    { countries: ['DZ'] },
    { sectors: ['C'] },
    { kinds: ['FINANCIER'], instruments: ['MURABAHA'] },
  ];
  return [
    ...queries,
    ...queries.slice(0, 20).map((q, i) => ({ ...q, filter: filters[i % filters.length] })),
    { query: '' },
  ];
}

export async function runBenchmarks(config: AppConfig, which: string[]): Promise<void> {
  const all = ['import', 'search', 'lag', 'auth', 'cordis'];
  // Run only when named (match-drain and mail have an installation of their own).
  const separate = ['match-drain', 'mail', 'subcontracting-ranking'];
  const selected = which.length ? which : all;
  const unknown = selected.filter((w) => !all.includes(w) && !separate.includes(w));
  if (unknown.length)
    throw new Error(
      `unknown benchmark(s): ${unknown.join(', ')}; choose from ${[...all, ...separate].join(', ')}`,
    );
  if (selected.includes('match-drain')) {
    const { matchDrainBench } = await import('./match-drain.js');
    const figures = await matchDrainBench(config);
    mkdirSync('reports', { recursive: true });
    const out = join('reports', `bench-match-drain-${Date.now()}.json`);
    writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), ...figures }, null, 2));
    say(`\nresults written to ${out}`);
    if (selected.length === 1) return;
  }
  if (selected.includes('subcontracting-ranking')) {
    const { subcontractingRankingBench } = await import('./subcontracting-ranking.js');
    const figures = subcontractingRankingBench();
    mkdirSync('reports', { recursive: true });
    const out = join('reports', `bench-subcontracting-ranking-${Date.now()}.json`);
    writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), ...figures }, null, 2));
    say(`\nresults written to ${out}`);
    if (selected.length === 1) return;
  }
  if (selected.includes('mail')) {
    const { mailBench } = await import('./mail.js');
    const figures = await mailBench(config);
    mkdirSync('reports', { recursive: true });
    const out = join('reports', `bench-mail-${Date.now()}.json`);
    writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), ...figures }, null, 2));
    say(`\nresults written to ${out}`);
    if (selected.length === 1) return;
  }
  const orgs = Number(process.env.BENCH_ORGS ?? 50_000);
  const env = await BenchEnv.create(config);
  const results: Record<string, unknown> = { date: new Date().toISOString(), orgs, node: process.version };
  const dir = join(config.dataDir, 'bench');
  mkdirSync(dir, { recursive: true });
  try {
    if (selected.some((s) => ['import', 'search', 'lag'].includes(s))) {
      say(`generating ${orgs} organisations (seed 42)…`);
      const file = await seedFile(dir, orgs);
      say(`import: ${orgs} organisations through the import path vs COPY + addDocuments…`);
      const imp = await importBench(env, () => readRecords(file));
      results.import = imp;
      say(
        table([
          {
            records: imp.records,
            imported: imp.imported,
            'import (s)': imp.importSeconds.toFixed(1),
            'COPY (s)': imp.copySeconds.toFixed(1),
            'addDocuments (s)': imp.meiliSeconds.toFixed(1),
            'floor (s)': imp.floorSeconds.toFixed(1),
            'import/floor': ratio(imp.importSeconds, imp.floorSeconds),
          },
        ]),
      );
      if (selected.includes('search')) {
        say(
          `\nsearch: searchOrganizations through GraphQL vs the same requests straight to Meilisearch (node:http and fetch transports)…`,
        );
        const s = await searchBench(env, seedQueries(orgs), [
          { concurrency: 1, requests: 400 },
          { concurrency: 16, requests: 3000 },
        ]);
        results.search = s;
        say(searchTable(s));
      }
      if (selected.includes('lag')) {
        say(`\nindex lag: 5000 updates through GraphQL (16 clients), time until each is searchable…`);
        const lag = await lagBench(env, 5000);
        results.lag = lag;
        say(
          table([
            {
              updates: lag.updates,
              'updates/s': (lag.updates / lag.updateSeconds).toFixed(0),
              p50: ms(lag.p50),
              p95: ms(lag.p95),
              max: ms(lag.max),
            },
          ]),
        );
      }
    }
    if (selected.includes('auth')) {
      if (!selected.includes('import')) {
        const auth = Math.min(orgs, 2000);
        say(`\nauth: seeding ${auth} organisations for the authentication benchmark…`);
        const file = await seedFile(dir, auth);
        await importBench(env, () => readRecords(file));
      }
      say(
        `\nauth: organization(id) with a bearer token vs the same query anonymous (8 clients), then sign-ins…`,
      );
      const a = await authBench(env, { requests: 6000, concurrency: 8 });
      results.auth = a;
      say(
        table([
          {
            requests: a.requests,
            'public p50': ms(a.publicP50),
            'public p95': ms(a.publicP95),
            'auth p50': ms(a.authP50),
            'auth p95': ms(a.authP95),
            'p95 overhead': `${(a.p95Overhead * 100).toFixed(1)}%`,
            target: '< 10%',
          },
        ]),
      );
      say(
        `argon2id m=${a.argon2.memoryKib} KiB, t=${a.argon2.timeCost}, p=${a.argon2.parallelism}: one hash ${a.hashMs.toFixed(0)} ms in this process`,
      );
      say(
        table(
          a.logins.map((l) => ({
            'parallel sign-ins': l.concurrency,
            count: l.count,
            'sign-ins/s': l.perSecond.toFixed(1),
            p95: ms(l.p95),
          })),
        ),
      );
    }
    if (selected.includes('cordis')) {
      if (!cordisAvailable()) {
        say(
          `\ncordis: SKIPPED — the CORDIS extract is absent (${CORDIS_FILE}); set CORDIS_DIR to its folder.`,
        );
        results.cordis = 'absent';
      } else {
        say(`\ncordis: 11,248 real organisations (CORDIS H2020, CC BY 4.0) through the import path…`);
        const imp = await importBench(env, () => cordisRecords());
        const samples: { name: string; ref: string }[] = [];
        const queries: SearchQuery[] = [];
        let i = 0;
        for await (const r of cordisRecords()) {
          if (i++ % 50 === 0) samples.push({ name: r.name, ref: r.ref });
          if (i % 100 === 0)
            queries.push({ query: r.name.split(/\s+/).sort((a, b) => b.length - a.length)[0] });
        }
        const s = await searchBench(env, queries, [
          { concurrency: 1, requests: 300 },
          { concurrency: 16, requests: 2000 },
        ]);
        const typo = await typoBench(env, samples.slice(0, 200));
        results.cordis = { import: imp, search: s, typo };
        say(
          table([
            {
              records: imp.records,
              imported: imp.imported,
              rejected: imp.rejected,
              'import (s)': imp.importSeconds.toFixed(1),
              'floor (s)': imp.floorSeconds.toFixed(1),
              'import/floor': ratio(imp.importSeconds, imp.floorSeconds),
            },
          ]),
        );
        say(searchTable(s));
        say(
          `typo tolerance: ${typo.foundTop3}/${typo.tried} names with one wrong letter found in the top 3 (${(typo.share * 100).toFixed(1)}%)`,
        );
      }
    }
  } finally {
    await env.close();
  }
  mkdirSync('reports', { recursive: true });
  const out = join('reports', `bench-${Date.now()}.json`);
  writeFileSync(out, JSON.stringify(results, null, 2));
  say(`\nresults written to ${out}`);
}
