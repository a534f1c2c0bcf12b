import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import type { MultiSearchQuery } from 'meilisearch';
import { loadConfig, meiliClient, startEmbeddedMeili, type EmbeddedMeili } from '#platform';
import { normalisedSynonyms, normaliseQuery, normaliseText } from '#search';
import {
  CollaborationGraph,
  DEFAULT_FINANCING_WEIGHTS,
  financingHardFailures,
  hashString,
  proposeClusters,
  rankFinancingCandidates,
  type FinancierCriteria,
  type SubcontractingRequest,
} from '#matchmaking/engine';
import {
  adjustedRandIndex,
  ENGINE_METHOD,
  evaluateOverSeeds,
  evaluateSupportOverSeeds,
  evaluateFinancingOverSeeds,
  evaluateRankings,
  FINANCING_ENGINE,
  generateEvaluationSet,
  mean,
  ndcgAt,
  randomRanking,
  recallAt,
  sameSectorRanking,
  textOverlapRanking,
  type EvaluationSet,
  type MethodSummary,
  type RankingReport,
  type Spread,
} from '#matchmaking/evaluation';
import { table } from './stats.js';
import { poolsScale, realScale, type RealScaleRun } from './match-scale.js';
import { candidateRecall as selectorCandidateRecall } from './candidate-recall.js';

/**
 * Matchmaking benchmark: ranking quality against baselines on a generated set with known answers, the
 * hard-criteria guarantee, cluster recovery, a network criterion on real CORDIS co-participations, and
 * scale of a full recompute. Everything is seeded; the same build prints the same quality figures.
 */

const say = (s = '') => process.stdout.write(`${s}\n`);
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const SECTIONS = ['quality', 'clusters', 'support', 'financing', 'candidates', 'cordis', 'scale'] as const;
type Section = (typeof SECTIONS)[number];

const tokens = (text: string): string[] => normaliseText(text).split(' ').filter(Boolean);

function qualityRow(name: string, r: RankingReport): Record<string, string | number> {
  return {
    method: name,
    'P@5': f3(r.precisionAt5),
    'R@10': f3(r.recallAt10),
    'NDCG@10': f3(r.ndcgAt10),
    'near misses in top 10': r.nearMissesInTop10,
    'near misses suggested': r.nearMissesSuggested,
  };
}

/** Rankings by Meilisearch's own relevance, computed up front (the ranking functions below are synchronous). */
interface MeiliRankings {
  host: string;
  embedded: boolean;
  indexSeconds: number;
  querySeconds: number;
  queries: number;
  text: Map<string, string[]>;
  filtered: Map<string, string[]>;
}

const q = (v: string) => JSON.stringify(v);
const anyOf = (field: string, values: readonly string[]) => `${field} IN [${values.map(q).join(', ')}]`;

/** The hard criteria of a request or a financier's criteria as a Meilisearch filter on the SME documents. */
function subcontractingFilter(r: SubcontractingRequest): string[] {
  const f = [`kind = "SME"`];
  if (r.countries.length) f.push(anyOf('country', r.countries));
  if (r.regionCodes.length) f.push(anyOf('region_code', r.regionCodes));
  for (const p of r.requiredProcesses) f.push(`processes = ${q(p)}`);
  for (const c of r.requiredCertifications) f.push(`certifications = ${q(c)}`);
  return f;
}

function financingFilter(c: FinancierCriteria, asOfYear: number): string[] {
  const f = [`kind = "SME"`];
  if (c.countries.length) f.push(anyOf('country', c.countries));
  for (const cert of c.requiredCertifications) f.push(`certifications = ${q(cert)}`);
  if (c.minAgeYears != null) f.push(`founded_year <= ${asOfYear - c.minAgeYears}`);
  if (c.minEmployeeBand) {
    const bands = ['1-9', '10-49', '50-249', '250-999', '1000+'];
    f.push(anyOf('employee_band', bands.slice(Math.max(0, bands.indexOf(c.minEmployeeBand)))));
  }
  return f;
}

/**
 * Indexes the evaluation set's SMEs into a real Meilisearch index (text normalised like the
 * product's search, its synonyms, typo tolerance) and ranks them by Meilisearch's relevance for each
 * request's or criteria's text: once as they come, once under the hard criteria as filters.
 * Uses MEILI_HOST when set, else starts the bundled server in its own data folder.
 */
async function meiliRankings(set: EvaluationSet): Promise<MeiliRankings> {
  let embedded: EmbeddedMeili | null = null;
  let host = process.env.MEILI_HOST;
  let apiKey = process.env.MEILI_MASTER_KEY;
  if (!host) {
    const config = loadConfig();
    embedded = await startEmbeddedMeili({ dir: join(config.dataDir, 'bench-match', 'meili') });
    host = embedded.host;
    apiKey = embedded.masterKey;
  }
  const client = meiliClient(host, apiKey);
  const uid = `bench_match_${Date.now()}`;
  try {
    const started = performance.now();
    const index = client.index(uid);
    await client.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: 120_000 });
    await index
      .updateSettings({
        searchableAttributes: ['text_norm', 'text'],
        filterableAttributes: [
          'kind',
          'country',
          'region_code',
          'processes',
          'certifications',
          'founded_year',
          'employee_band',
        ],
        synonyms: normalisedSynonyms(),
        typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
        pagination: { maxTotalHits: 5000 },
      })
      .waitTask({ timeout: 120_000 });
    const smes = set.organisations.filter((o) => o.kind === 'SME');
    const docs = smes.map((o) => ({
      id: o.id,
      kind: o.kind,
      text: set.texts[o.id].text,
      text_norm: normaliseText(set.texts[o.id].text),
      country: o.country,
      region_code: o.regionCode ?? null,
      processes: o.capabilities.map((c) => c.process),
      certifications: o.certifications,
      founded_year: o.foundedYear ?? null,
      employee_band: o.employeeBand ?? null,
    }));
    const task = await index.addDocuments(docs).waitTask({ timeout: 300_000 });
    if (task.status !== 'succeeded')
      throw new Error(`indexing failed: ${task.error?.message ?? task.status}`);
    const indexSeconds = (performance.now() - started) / 1000;
    const asks = [
      ...set.subcontracting.map((c) => ({ id: c.request.id, filter: subcontractingFilter(c.request) })),
      ...set.financing.map((c) => ({ id: c.criteria.id, filter: financingFilter(c.criteria, set.asOfYear) })),
    ];
    const text = new Map<string, string[]>();
    const filtered = new Map<string, string[]>();
    const queryStarted = performance.now();
    const BATCH = 50;
    for (let i = 0; i < asks.length; i += BATCH) {
      const batch = asks.slice(i, i + BATCH);
      const queries: MultiSearchQuery[] = batch.flatMap((a) => {
        const words = normaliseQuery(set.texts[a.id].text.slice(0, 500));
        const base = {
          indexUid: uid,
          q: words,
          limit: 50,
          attributesToRetrieve: ['id'],
          matchingStrategy: 'frequency' as const,
        };
        return [base, { ...base, filter: a.filter }];
      });
      const { results } = await client.multiSearch({ queries });
      batch.forEach((a, k) => {
        text.set(
          a.id,
          results[2 * k].hits.map((h) => String(h.id)),
        );
        filtered.set(
          a.id,
          results[2 * k + 1].hits.map((h) => String(h.id)),
        );
      });
    }
    return {
      host: embedded ? 'bundled' : host,
      embedded: Boolean(embedded),
      indexSeconds,
      querySeconds: (performance.now() - queryStarted) / 1000,
      queries: asks.length * 2,
      text,
      filtered,
    };
  } finally {
    await client.deleteIndexIfExists(uid).catch(() => undefined);
    await embedded?.stop();
  }
}

const pm = (x: Spread) => `${f3(x.mean)} ± ${f3(x.sd)}`;

/**
 * Subcontracting on the latent-world sets (one per seed): the truth comes from hidden facts the rankers
 * never see, and every ranker gets the same profiles, texts and hard filter.
 */
function latentQuality(): Record<string, unknown> {
  const seeds = (process.env.MATCH_SEEDS ?? '1,2,3,4,5').split(',').map(Number);
  const started = performance.now();
  const e = evaluateOverSeeds({ seeds, tokenize: tokens, sensitivity: true });
  const w = e.worlds;
  say(
    `\nsubcontracting on the latent-world set (hidden chain, quality level, throughput and place; profiles written with gaps, units and three languages): seeds ${seeds.join(',')}, ${w[0].requests} requests and about ${Math.round(mean(w.map((x) => x.suppliers)))} suppliers per seed, ${mean(w.map((x) => x.relevantPerRequest)).toFixed(1)} true fits per request; mean ± standard deviation over the seeds (${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
  const row = (name: string, m: MethodSummary) => ({
    method: name,
    'P@5': pm(m.precisionAt5),
    'R@10': pm(m.recallAt10),
    'NDCG@10': pm(m.ndcgAt10),
    'hard misses suggested': m.hardMissesSuggested,
    'soft misses in top 5': m.softMissesInTop5,
  });
  say(table(Object.entries(e.methods).map(([k, m]) => row(k, m))));
  const engine = e.methods[ENGINE_METHOD];
  const ratio = (a: Spread, b: Spread) => (b.mean ? (a.mean / b.mean).toFixed(2) : 'inf');
  say('\nsubcontracting, engine ÷ baseline (same seeds; a ratio below 1 means the baseline ranks better):');
  say(
    table(
      Object.entries(e.methods)
        .filter(([k]) => !k.startsWith('engine'))
        .map(([k, b]) => ({
          'engine ÷ baseline': k,
          'P@5': ratio(engine.precisionAt5, b.precisionAt5),
          'R@10': ratio(engine.recallAt10, b.recallAt10),
          'NDCG@10': ratio(engine.ndcgAt10, b.ndcgAt10),
          'seeds where the engine wins on NDCG@10': engine.perSeed.filter(
            (r, i) => r.ndcgAt10 > b.perSeed[i].ndcgAt10,
          ).length,
        })),
    ),
  );
  const delta = (x: Spread) =>
    `${f3(x.mean)} (${x.mean >= engine.ndcgAt10.mean ? '+' : ''}${(x.mean - engine.ndcgAt10.mean).toFixed(3)})`;
  say(
    `\nweight sensitivity: engine NDCG@10 with one weight halved or doubled (default ${f3(engine.ndcgAt10.mean)}):`,
  );
  say(
    table(
      Object.entries(e.sensitivity).map(([criterion, v]) => ({
        criterion,
        'NDCG@10 ×0.5': delta(v['×0.5'].ndcgAt10),
        'NDCG@10 ×2': delta(v['×2'].ndcgAt10),
        'P@5 ×0.5': f3(v['×0.5'].precisionAt5.mean),
        'P@5 ×2': f3(v['×2'].precisionAt5.mean),
      })),
    ),
  );
  if (engine.hardMissesSuggested !== 0)
    throw new Error(
      `the engine suggested ${engine.hardMissesSuggested} near misses that fail a hard criterion`,
    );
  const strip = (m: MethodSummary) => ({ ...m, perSeed: undefined });
  return {
    seeds,
    worlds: w,
    methods: Object.fromEntries(Object.entries(e.methods).map(([k, m]) => [k, strip(m)])),
    sensitivity: Object.fromEntries(
      Object.entries(e.sensitivity).map(([k, v]) => [
        k,
        Object.fromEntries(Object.entries(v).map(([f, m]) => [f, strip(m)])),
      ]),
    ),
  };
}

function quality(set: EvaluationSet, meili: MeiliRankings | null): Record<string, unknown> {
  const smes = set.organisations.filter((o) => o.kind === 'SME');
  const docs = smes.map((o) => ({ id: o.id, text: set.texts[o.id].text }));
  const TEXT = 'text overlap only (in-process BM25 on normalised text)';
  const TEXT_FILTERED = 'text overlap + hard-criteria filters (in-process BM25)';
  const MEILI = 'Meilisearch text score only (real index, relevance for the request text)';
  const MEILI_FILTERED = 'Meilisearch text score + hard criteria as filters (real index)';

  const fin = set.financing;
  const finRows: Record<string, RankingReport> = {
    'engine (reciprocal, default weights)': evaluateRankings(fin, (c) =>
      rankFinancingCandidates(c.criteria, set.organisations, { asOfYear: set.asOfYear }).results.map(
        (r) => r.candidateId,
      ),
    ),
    'engine, forward fit only (ablation)': evaluateRankings(fin, (c) =>
      rankFinancingCandidates(c.criteria, set.organisations, {
        asOfYear: set.asOfYear,
        reciprocity: 'forward',
      }).results.map((r) => r.candidateId),
    ),
    'random (seed 1)': evaluateRankings(fin, (c) =>
      randomRanking(
        smes.map((o) => o.id),
        hashString(c.criteria.id, 1),
      ),
    ),
    'same sector only': evaluateRankings(fin, (c) => sameSectorRanking(c.criteria.sectors, smes, 1)),
    [TEXT]: evaluateRankings(fin, (c) => textOverlapRanking(set.texts[c.criteria.id].text, docs, tokens)),
    [TEXT_FILTERED]: evaluateRankings(fin, (c) =>
      textOverlapRanking(
        set.texts[c.criteria.id].text,
        docs.filter((_d, i) => financingHardFailures(c.criteria, smes[i], set.asOfYear).length === 0),
        tokens,
      ),
    ),
    ...(meili
      ? {
          [MEILI]: evaluateRankings(fin, (c) => meili.text.get(c.criteria.id) ?? []),
          [MEILI_FILTERED]: evaluateRankings(fin, (c) => meili.filtered.get(c.criteria.id) ?? []),
        }
      : {}),
  };
  const nearMisses = fin.reduce((n, c) => n + c.nearMisses.length, 0);
  say(
    `\nfinancing (planted set, written beside the scorer: read as a check of the hard criteria, not of quality): ${fin.length} financiers' criteria, ${nearMisses} planted near misses`,
  );
  say(table(Object.entries(finRows).map(([k, v]) => qualityRow(k, v))));

  // Ratios against the baselines of this same run: how many times better the engine ranks.
  const ENGINE = 'engine (reciprocal, default weights)';
  const ratioRows = (rows: Record<string, RankingReport>) =>
    Object.entries(rows)
      .filter(([k]) => k !== ENGINE && !k.startsWith('engine'))
      .map(([k, b]) => ({
        'engine ÷ baseline': k,
        'P@5': b.precisionAt5 ? (rows[ENGINE].precisionAt5 / b.precisionAt5).toFixed(2) : 'inf',
        'R@10': b.recallAt10 ? (rows[ENGINE].recallAt10 / b.recallAt10).toFixed(2) : 'inf',
        'NDCG@10': b.ndcgAt10 ? (rows[ENGINE].ndcgAt10 / b.ndcgAt10).toFixed(2) : 'inf',
      }));
  say('\nfinancing, engine ÷ baseline (same run):');
  say(table(ratioRows(finRows)));

  const suggested = finRows[ENGINE].nearMissesSuggested;
  say(`\nnear misses failing a hard criterion suggested by the engine (financing): ${suggested} (must be 0)`);
  if (suggested !== 0)
    throw new Error(`the engine suggested ${suggested} near misses that fail a hard criterion`);
  return {
    subcontracting: latentQuality(),
    financing: finRows,
    plantedNearMisses: { financing: nearMisses },
    nearMissesSuggested: suggested,
  };
}

/** Support suggestions on the support world (evaluation/support-world.ts) against baselines with the same hard filter. */
function support(): Record<string, unknown> {
  const seeds = (process.env.MATCH_SEEDS ?? '1,2,3,4,5').split(',').map(Number);
  const started = performance.now();
  const e = evaluateSupportOverSeeds(seeds);
  const f = (s: Spread) => `${s.mean.toFixed(3)} ± ${s.sd.toFixed(3)}`;
  say(
    `\nSupport: ${e.smes} SMEs and ${e.institutions} institutions per seed, seeds ${seeds.join(',')} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  say(
    table(
      Object.entries(e.methods).map(([method, m]) => ({
        method,
        'P@5': f(m.p5),
        'R@10': f(m.r10),
        'NDCG@10': f(m.ndcg10),
      })),
    ),
  );
  return e as unknown as Record<string, unknown>;
}

/** Financing on the financing world: hidden mandates and firms, written criteria and profiles. */
function financing(): Record<string, unknown> {
  const seeds = (process.env.MATCH_SEEDS ?? '1,2,3,4,5').split(',').map(Number);
  const started = performance.now();
  const e = evaluateFinancingOverSeeds(seeds, { sensitivity: true });
  const f = (s: Spread) => `${s.mean.toFixed(3)} ± ${s.sd.toFixed(3)}`;
  say(
    `\nFinancing (financing world): ${e.smes} SMEs and ${e.financiers} financiers per seed, seeds ${seeds.join(',')} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  say(
    table(
      Object.entries(e.methods).map(([method, m]) => ({
        method,
        'P@5': f(m.p5),
        'R@10': f(m.r10),
        'NDCG@10': f(m.ndcg10),
      })),
    ),
  );
  const engine = e.methods[FINANCING_ENGINE].ndcg10;
  say(
    `\nweight sensitivity: engine NDCG@10 with one criterion's weight set to 0 (ablation), halved or doubled (default ${f(engine)}):`,
  );
  say(
    table(
      Object.entries(e.sensitivity).map(([criterion, v]) => ({
        criterion,
        weight: DEFAULT_FINANCING_WEIGHTS[criterion as keyof typeof DEFAULT_FINANCING_WEIGHTS],
        off: f(v.off),
        '×0.5': f(v.half),
        '×2': f(v.double),
      })),
    ),
  );
  return e as unknown as Record<string, unknown>;
}

function clusters(set: EvaluationSet): Record<string, unknown> {
  const { smes, supportInstitutions, financiers, groups } = set.clusters;
  const started = performance.now();
  const proposals = proposeClusters(smes, supportInstitutions, financiers, { seed: 1 });
  const ms = performance.now() - started;
  const again = proposeClusters(smes, supportInstitutions, financiers, { seed: 1 });
  const reproducible = JSON.stringify(again) === JSON.stringify(proposals);
  const truth = new Map<string, string>();
  for (const g of groups) for (const id of g.members) truth.set(id, g.id);
  const predicted = new Map<string, string>();
  for (const p of proposals) for (const m of p.members) predicted.set(m.id, p.id);
  const ids = smes.map((s) => s.id);
  // Unplanted SMEs are singletons in the truth, unassigned ones singletons in a proposal.
  const truthLabels = ids.map((id) => truth.get(id) ?? `alone:${id}`);
  const ari = adjustedRandIndex(
    truthLabels,
    ids.map((id) => predicted.get(id) ?? `alone:${id}`),
  );
  const bySector = adjustedRandIndex(
    truthLabels,
    smes.map((s) => s.sectors[0] ?? 'none'),
  );
  const bySectorRegion = adjustedRandIndex(
    truthLabels,
    smes.map((s) => `${s.sectors[0] ?? 'none'}|${s.regionCode ?? s.country}`),
  );
  const byRegion = adjustedRandIndex(
    truthLabels,
    smes.map((s) => s.regionCode ?? s.country),
  );
  const sizes = proposals.map((p) => p.members.length);
  const withSupport = proposals.filter((p) => p.supportInstitution).length;
  const withFinancier = proposals.filter((p) => p.financier).length;
  const named = proposals.filter((p) => p.valueChain.code).length;
  say(
    `\nclusters: ${smes.length} SMEs, ${groups.length} planted value-chain groups; ${proposals.length} proposals in ${ms.toFixed(0)} ms (sizes ${Math.min(...sizes)}..${Math.max(...sizes)}), reproducible with the seed: ${reproducible}`,
  );
  say(
    table([
      { grouping: 'engine (value-chain graph + Louvain, seed 1)', ARI: f3(ari) },
      { grouping: 'same sector (ISIC division) only', ARI: f3(bySector) },
      { grouping: 'same wilaya only', ARI: f3(byRegion) },
      { grouping: 'same sector and same wilaya (extra baseline)', ARI: f3(bySectorRegion) },
    ]),
  );
  say(
    `proposals with a named value chain ${named}/${proposals.length}, a support institution ${withSupport}/${proposals.length}, a financier ${withFinancier}/${proposals.length}`,
  );
  if (!reproducible) throw new Error('cluster proposals differ between two runs with the same seed');
  return {
    smes: smes.length,
    plantedGroups: groups.length,
    proposals: proposals.length,
    ms,
    reproducible,
    ari,
    ariSectorOnly: bySector,
    ariSectorAndRegion: bySectorRegion,
    ariRegionOnly: byRegion,
    sizes,
    withSupport,
    withFinancier,
    named,
  };
}

interface CordisProject {
  id: string;
  startDate: string | null;
  programmeParts: string[] | null;
  participants: string[] | null;
}

async function readJsonl<T>(file: string): Promise<T[]> {
  const out: T[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) out.push(JSON.parse(line) as T);
  return out;
}

async function cordis(): Promise<Record<string, unknown>> {
  const dir = resolve(process.env.CORDIS_DIR ?? '../shared/benchmarks/cordis');
  const orgFile = join(dir, 'organisations.jsonl');
  const projectFile = join(dir, 'projects.jsonl');
  if (!existsSync(orgFile) || !existsSync(projectFile)) {
    say(`\nCORDIS network criterion: SKIPPED, no data at ${dir} (set CORDIS_DIR)`);
    return { skipped: true, dir };
  }
  const started = performance.now();
  const orgs = await readJsonl<{ id: string; country: string }>(orgFile);
  const projects = await readJsonl<CordisProject>(projectFile);
  const SPLIT = '2019-01-01';
  const dated = projects.filter((p) => p.startDate);
  const train = dated.filter((p) => p.startDate! < SPLIT);
  const test = dated.filter((p) => p.startDate! >= SPLIT);
  const graph = new CollaborationGraph(
    train.map((p) => ({ id: p.id, participants: p.participants ?? [], programmes: p.programmeParts ?? [] })),
  );
  const countryOf = new Map(
    orgs.map((o) => [o.id, o.country === 'EL' ? 'GR' : o.country === 'UK' ? 'GB' : o.country]),
  );
  // Truth: partners first met in a project started from 2019, among organisations active before 2019.
  const newPartners = new Map<string, Set<string>>();
  for (const p of test) {
    const members = [...new Set(p.participants ?? [])].filter((id) => graph.has(id));
    for (const a of members)
      for (const b of members) {
        if (a === b) continue;
        (newPartners.get(a) ?? newPartners.set(a, new Set()).get(a)!).add(b);
      }
  }
  for (const [a, set] of newPartners) {
    for (const b of graph.partners(a)) set.delete(b);
    if (!set.size || graph.degree(a) === 0) newPartners.delete(a);
  }
  const queries = [...newPartners.keys()]
    .sort((a, b) => hashString(a) - hashString(b) || (a < b ? -1 : 1))
    .slice(0, Number(process.env.CORDIS_QUERIES ?? 2000));
  const active = graph.organisations.filter((id) => graph.degree(id) > 0 || graph.projects(id) > 0);
  const byPopularity = [...active].sort((a, b) => graph.degree(b) - graph.degree(a) || (a < b ? -1 : 1));
  const byCountry = new Map<string, string[]>();
  for (const id of byPopularity) {
    const c = countryOf.get(id) ?? '?';
    (byCountry.get(c) ?? byCountry.set(c, []).get(c)!).push(id);
  }
  const firstNew = (list: readonly string[], self: string, known: Set<string>) => {
    const out: string[] = [];
    for (const id of list) {
      if (id !== self && !known.has(id)) out.push(id);
      if (out.length === 10) break;
    }
    return out;
  };
  const methods: Record<string, (q: string, known: Set<string>) => string[]> = {
    'network: partners of partners + shared programmes': (q) => graph.suggest(q, 10).map((s) => s.id),
    'network: partners of partners only (ablation)': (q) =>
      graph.suggest(q, 10, { programmeWeight: 0 }).map((s) => s.id),
    'same country (most connected first)': (q, known) =>
      firstNew(byCountry.get(countryOf.get(q) ?? '?') ?? [], q, known),
    'popularity (most connected overall)': (q, known) => firstNew(byPopularity, q, known),
  };
  const rows: Record<string, { recallAt10: number; ndcgAt10: number }> = {};
  for (const [name, rank] of Object.entries(methods)) {
    const r10: number[] = [];
    const n10: number[] = [];
    for (const q of queries) {
      const truth = newPartners.get(q)!;
      const ranked = rank(q, new Set(graph.partners(q)));
      r10.push(recallAt(ranked, truth, 10));
      n10.push(ndcgAt(ranked, new Map([...truth].map((id) => [id, 1])), 10));
    }
    rows[name] = { recallAt10: mean(r10), ndcgAt10: mean(n10) };
  }
  const seconds = (performance.now() - started) / 1000;
  say(
    `\nCORDIS network criterion (real H2020 co-participations, CC BY 4.0 European Commission CORDIS): ${orgs.length} organisations, ${train.length} projects started before ${SPLIT} to learn from, ${test.length} from ${SPLIT} to predict; ${queries.length} organisations with new partners evaluated (${seconds.toFixed(1)} s)`,
  );
  say(
    table(
      Object.entries(rows).map(([method, r]) => ({
        method,
        'R@10': f3(r.recallAt10),
        'NDCG@10': f3(r.ndcgAt10),
      })),
    ),
  );
  say(
    '(truth: partners first met from 2019 among organisations already active before 2019; known partners excluded)',
  );
  return {
    organisations: orgs.length,
    trainProjects: train.length,
    testProjects: test.length,
    queries: queries.length,
    split: SPLIT,
    methods: rows,
    seconds,
  };
}

const MB = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

const SCALE_MODES = ['real', 'pools', 'none'] as const;
type ScaleMode = (typeof SCALE_MODES)[number];

/** MATCH_SCALE picks what the scale section runs; see the header the bench prints. */
function scaleMode(): ScaleMode {
  const mode = (process.env.MATCH_SCALE ?? 'real') as ScaleMode;
  if (!SCALE_MODES.includes(mode))
    throw new Error(`MATCH_SCALE must be one of ${SCALE_MODES.join(', ')}, got ${mode}`);
  return mode;
}

function scaleSizes(): number[] {
  return (process.env.MATCH_SCALE_ORGS ?? '10000,50000').split(',').map(Number);
}

async function realScaleSection(sizes: readonly number[]): Promise<Record<string, unknown>> {
  say(
    `\nscale, production path: for each size a throw-away installation (own database, index and queue prefixes) is loaded through the importer (generated directory, seed 42, with opportunities) and indexed in Meilisearch; then the nightly full recompute runs in this process: the worker's shard code (${process.env.MATCH_SCALE_SHARDS ?? 8} shards, ${process.env.MATCH_SCALE_CONCURRENCY ?? 2} at a time; one worker process runs 2), Meilisearch candidate selection, Postgres facts, the engine, suggestions replaced per organisation, then clusters. Only the recompute is measured.`,
  );
  const runs = await realScale(loadConfig(), sizes, say);
  const s = (ms: number | null) => (ms == null ? 'n/a' : (ms / 1000).toFixed(1));
  say(
    table(
      runs.map((r: RealScaleRun) => ({
        organisations: r.orgs,
        active: r.active,
        'open requests': r.openRequests,
        'shards wall (s)': s(r.shardsWallMs),
        'clusters wall (s)': s(r.finishWallMs),
        'recompute wall (s)': s(r.wallMs),
        'node CPU (s)': s(r.cpuMs),
        'postgres CPU (s)': s(r.postgresCpuMs),
        'meili CPU (s)': s(r.meiliCpuMs),
        'ms/org': (r.wallMs / r.active).toFixed(2),
        'load start/end': `${r.loadStart.toFixed(1)}/${r.loadEnd.toFixed(1)}`,
        'peak rss (before)': `${MB(r.peakRss)} (${MB(r.rssBefore)})`,
        'peak heapUsed (before)': `${MB(r.peakHeapUsed)} (${MB(r.heapUsedBefore)})`,
        suggestions: r.suggestionsWritten,
      })),
    ),
  );
  for (const r of runs)
    say(
      `  ${r.orgs}: candidate pools vs exhaustive scoring: suppliers recall@10 ${f3(r.recall.suppliersRecallAt10)} (${r.recall.requests} requests), financiers of an SME recall@20 ${f3(r.recall.financiersRecallAt20)} (${r.recall.smes} SMEs); load ${loadavg()[0].toFixed(1)}`,
    );
  for (const r of runs)
    say(
      `  ${r.orgs}: ${Object.entries(r.suggestions)
        .map(([k, n]) => `${k} ${n}`)
        .join(
          ', ',
        )}; ${r.clusters} cluster proposals; load ${r.loadSeconds.toFixed(1)} s + index ${r.indexSeconds.toFixed(1)} s (not measured); suggestions digest ${r.digest}`,
    );
  const [small, large] = [runs[0], runs[runs.length - 1]];
  const ratio =
    runs.length > 1
      ? {
          sizes: large.orgs / small.orgs,
          wall: large.wallMs / small.wallMs,
          cpu: large.cpuMs / small.cpuMs,
          shardsWall: large.shardsWallMs / small.shardsWallMs,
        }
      : null;
  if (ratio)
    say(
      `${large.orgs}/${small.orgs} time ratio (sizes ×${ratio.sizes.toFixed(0)}): wall ${ratio.wall.toFixed(2)} (shards alone ${ratio.shardsWall.toFixed(2)}), node CPU ${ratio.cpu.toFixed(2)} (linear = ${ratio.sizes.toFixed(0)}, quadratic = ${(ratio.sizes ** 2).toFixed(0)}); load ${small.loadStart.toFixed(1)}–${small.loadEnd.toFixed(1)} then ${large.loadStart.toFixed(1)}–${large.loadEnd.toFixed(1)}`,
    );
  return { runs, ratio };
}

/** The production candidate pools against exhaustive scoring on the scale installation, without the recompute. */
async function poolsSection(sizes: readonly number[]): Promise<Record<string, unknown>> {
  say(
    `\nscale, candidate pools only (MATCH_SCALE=pools): the scale section's installation (importer, seed 42, Meilisearch index) and its pool recall against exhaustive scoring, default weights, ${process.env.MATCH_SCALE_RECALL_SAMPLE ?? 200} requests and SMEs sampled (MATCH_SCALE_RECALL_SAMPLE); no recompute`,
  );
  const runs = await poolsScale(loadConfig(), sizes, say);
  say(
    table(
      runs.map((r) => ({
        organisations: r.orgs,
        active: r.active,
        'suppliers recall@10': `${f3(r.recall.suppliersRecallAt10)} (${r.recall.requests} requests)`,
        'supplier pool, queries, ms': `${r.recall.supplierPool.toFixed(0)}, ${r.recall.supplierQueries.toFixed(1)}, ${r.recall.supplierMs.toFixed(1)}`,
        'financiers recall@20': `${f3(r.recall.financiersRecallAt20)} (${r.recall.smes} SMEs)`,
        'financier pool (of all)': `${r.recall.financierPool.toFixed(0)} (${r.recall.financiers})`,
        'financier selection ms': r.recall.financierMs.toFixed(1),
        'load start/end': `${r.loadStart.toFixed(1)}/${r.loadEnd.toFixed(1)}`,
      })),
    ),
  );
  return { runs };
}

/**
 * Candidate selection as the worker runs it (`CandidateSelector` on a real index with the product's
 * settings) against exhaustive scoring, on latent worlds with many background firms so that tiers
 * overflow their limit and the order within a tier decides who is kept.
 */
async function candidates(): Promise<Record<string, unknown>> {
  const seeds = (process.env.MATCH_SEEDS ?? '1,2,3').split(',').map(Number);
  const background = Number(process.env.MATCH_CANDIDATES_BACKGROUND ?? 6000);
  say(
    `\ncandidates: recall@10 of CandidateSelector.suppliersFor (real Meilisearch index, product settings) against the engine's exhaustive top 10; seeds ${seeds.join(',')}, ${background} background firms (MATCH_CANDIDATES_BACKGROUND); target >= 0.95`,
  );
  const runs = await selectorCandidateRecall(seeds, background, say);
  const variants = [...new Set(runs.flatMap((r) => r.rows.map((x) => x.variant)))];
  const rows = variants.map((v) => {
    const per = runs.map((r) => r.rows.find((x) => x.variant === v)!).filter(Boolean);
    const recalls = per.map((x) => x.recallAt10);
    return {
      requests: per.reduce((s, x) => s + x.requests, 0),
      variant: v,
      'recall@10 mean': f3(mean(recalls)),
      'recall@10 min seed': f3(Math.min(...recalls)),
      'mean pool': Math.round(per.reduce((s, x) => s + x.pool, 0) / per.length),
    };
  });
  say(table(rows));
  return { seeds, background, runs };
}

async function scale(): Promise<Record<string, unknown>> {
  const mode = scaleMode();
  const sizes = scaleSizes();
  const out: Record<string, unknown> = { mode, sizes };
  if (mode === 'none') {
    say('\nscale: SKIPPED (MATCH_SCALE=none)');
    return out;
  }
  if (mode === 'pools') {
    out.pools = await poolsSection(sizes);
    return out;
  }
  out.real = await realScaleSection(sizes);
  return out;
}

export async function runMatchBench(args: string[]): Promise<void> {
  const unknown = args.filter((a) => !(SECTIONS as readonly string[]).includes(a));
  if (unknown.length)
    throw new Error(`unknown section(s): ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`);
  const selected = new Set<Section>(args.length ? (args as Section[]) : SECTIONS);
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
  say(
    [
      `matchmaking benchmark: sections ${[...selected].join(', ')} (choose with arguments: ${SECTIONS.join(' ')})`,
      `  MATCH_SCALE=real|pools|none (now ${scaleMode()}): the scale section runs the full recompute through the production`,
      `    path (a throw-away installation loaded through the importer and indexed in Meilisearch, then the worker's shard`,
      `    code against Meilisearch and Postgres, with the candidate pools' recall against exhaustive scoring; about an hour`,
      `    for 10000,50000 on 2 shared cores), only the candidate pools' recall on that installation (pools), or nothing`,
      `    (none). SEARCH_TIMEOUT_MS raises the search time-out on a loaded machine.`,
      `  MATCH_SCALE_ORGS=N,M (now ${scaleSizes().join(',')}): sizes; the last over the first gives the time ratio.`,
      `  MATCH_SCALE_SHARDS, MATCH_SCALE_CONCURRENCY (real; 8, 2): shards of the full recompute and how many run at once.`,
      `  MATCH_SCALE_REUSE=1 (real, pools): keep an installation already loaded with N organisations (compares builds by digest).`,
    ].join('\n'),
  );
  let set: EvaluationSet | null = null;
  const evaluationSet = () => {
    set ??= generateEvaluationSet({ seed: 7 });
    return set;
  };
  if (selected.has('quality')) {
    const s = evaluationSet();
    results.evaluationSet = {
      seed: s.seed,
      organisations: s.organisations.length,
      requests: s.subcontracting.length,
      financiers: s.financing.length,
      languages: countLanguages(s),
    };
    let meili: MeiliRankings | null = null;
    try {
      meili = await meiliRankings(s);
      say(
        `\nMeilisearch baseline: ${s.organisations.filter((o) => o.kind === 'SME').length} SMEs indexed in ${meili.indexSeconds.toFixed(1)} s (${meili.host}), ${meili.queries} queries in ${meili.querySeconds.toFixed(1)} s`,
      );
    } catch (e) {
      say(`\nMeilisearch baseline: SKIPPED, ${(e as Error).message} (set MEILI_HOST to a running server)`);
    }
    results.quality = {
      ...quality(s, meili),
      meili: meili
        ? {
            host: meili.host,
            indexSeconds: meili.indexSeconds,
            querySeconds: meili.querySeconds,
            queries: meili.queries,
          }
        : { skipped: true },
    };
  }
  if (selected.has('clusters')) results.clusters = clusters(evaluationSet());
  if (selected.has('support')) results.support = support();
  if (selected.has('financing')) results.financing = financing();
  if (selected.has('candidates')) results.candidates = await candidates();
  if (selected.has('cordis')) results.cordis = await cordis();
  if (selected.has('scale')) results.scale = await scale();
  mkdirSync('reports', { recursive: true });
  const out = join('reports', `match-${Date.now()}.json`);
  writeFileSync(out, JSON.stringify(results, null, 2));
  say(`\nresults written to ${out}`);
}

function countLanguages(set: EvaluationSet): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of Object.values(set.texts)) counts[t.lang] = (counts[t.lang] ?? 0) + 1;
  return counts;
}
