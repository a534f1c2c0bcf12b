import {
  DEFAULT_SUBCONTRACTING_WEIGHTS,
  rankSuppliers,
  type SubcontractingOptions,
  type SubcontractingWeights,
} from '../engine/combine.js';
import { passesSubcontractingHard } from '../engine/hard.js';
import { canonicalMaterial } from '../engine/materials.js';
import { compareStrings, hashString } from '../engine/random.js';
import type { OrgProfile, SubcontractingRequest } from '../engine/types.js';
import { randomRanking, sameSectorRanking, simpleTokens, textOverlapRanking } from './baselines.js';
import { evaluateRankings, type RankingReport } from './evaluate.js';
import {
  generateLatentWorld,
  HARD_MISSES,
  SOFT_MISSES,
  type LatentCase,
  type LatentWorld,
  type LatentWorldOptions,
} from './latent-world.js';

/**
 * Subcontracting quality on the latent-world set: the engine and every baseline get the same profiles,
 * the same texts and the same hard filter, and are judged against the hidden truth over several seeds.
 */

/** Ranks the candidates that passed the hard filter, best first. */
export type Ranker = (
  c: LatentCase,
  candidates: readonly OrgProfile[],
  context: { world: LatentWorld; docs: ReadonlyMap<string, string> },
) => readonly string[];

/**
 * Strong structured baseline: the hard filter, then the share of the wanted processes held, of the
 * wanted materials worked and of the named certifications held, plus one for the buyer's country; ties
 * by id. No weights to tune, no reciprocity, no capacity.
 */
export function structuredRanking(
  request: SubcontractingRequest,
  candidates: readonly OrgProfile[],
): string[] {
  const materials = new Set(request.materials.map(canonicalMaterial));
  const certs = [...request.requiredCertifications, ...(request.preferredCertifications ?? [])];
  const score = (o: OrgProfile): number => {
    const processes = new Set(o.capabilities.map((c) => c.process));
    const worked = new Set(o.capabilities.flatMap((c) => c.materials.map(canonicalMaterial)));
    const share = <T>(wanted: readonly T[], has: (x: T) => boolean) =>
      wanted.length ? wanted.filter(has).length / wanted.length : 0;
    return (
      share(request.processes, (p) => processes.has(p)) +
      share([...materials], (m) => worked.has(m)) +
      share(certs, (c) => o.certifications.includes(c)) +
      (o.country === request.country ? 1 : 0)
    );
  };
  return candidates
    .map((o) => ({ id: o.id, s: score(o) }))
    .sort((a, b) => b.s - a.s || compareStrings(a.id, b.id))
    .map((x) => x.id);
}

export const engineRanker =
  (options: SubcontractingOptions = {}): Ranker =>
  (c, candidates) =>
    rankSuppliers(c.request as SubcontractingRequest, candidates, options).results.map((r) => r.candidateId);

export function baselineRankers(tokenize: (text: string) => string[] = simpleTokens): Record<string, Ranker> {
  return {
    'random (hard filter)': (c, candidates) =>
      randomRanking(
        candidates.map((o) => o.id),
        hashString(c.request.id, 1),
      ),
    'same sector (hard filter)': (c, candidates) => sameSectorRanking(c.request.sectors, candidates, 1),
    'text BM25 (hard filter)': (c, candidates, { docs }) =>
      textOverlapRanking(
        c.text.text,
        candidates.map((o) => ({ id: o.id, text: docs.get(o.id) ?? '' })),
        tokenize,
      ),
    'structured overlap + same country (hard filter)': (c, candidates) =>
      structuredRanking(c.request as SubcontractingRequest, candidates),
  };
}

export interface LatentReport extends RankingReport {
  /** Near misses that fail a written hard criterion, anywhere in the list (must be 0). */
  hardMissesSuggested: number;
  /** Incompatible material or a few percent of the capacity, among the first five. */
  softMissesInTop5: number;
}

/** One ranker over one world's cases. */
export function evaluateLatent(
  world: LatentWorld,
  rank: Ranker,
  extra: readonly OrgProfile[] = [],
): LatentReport {
  const pool: OrgProfile[] = [...(world.suppliers as OrgProfile[]), ...extra];
  const docs = new Map(Object.entries(world.texts).map(([id, t]) => [id, t.text]));
  let hardMissesSuggested = 0;
  let softMissesInTop5 = 0;
  const report = evaluateRankings(world.cases, (c) => {
    const request = c.request as SubcontractingRequest;
    const candidates = pool.filter((o) => passesSubcontractingHard(request, o));
    const ranked = rank(c, candidates, { world, docs });
    const hard = new Set(c.nearMisses.filter((n) => HARD_MISSES.includes(n.fails)).map((n) => n.id));
    const soft = new Set(c.nearMisses.filter((n) => SOFT_MISSES.includes(n.fails)).map((n) => n.id));
    ranked.forEach((id, i) => {
      if (hard.has(id)) hardMissesSuggested++;
      if (i < 5 && soft.has(id)) softMissesInTop5++;
    });
    return ranked;
  });
  return { ...report, hardMissesSuggested, softMissesInTop5 };
}

export interface Spread {
  mean: number;
  sd: number;
  min: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  const xs = values.filter(Number.isFinite);
  if (!xs.length) return { mean: NaN, sd: NaN, min: NaN, max: NaN };
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return { mean, sd, min: Math.min(...xs), max: Math.max(...xs) };
}

export interface MethodSummary {
  precisionAt5: Spread;
  recallAt10: Spread;
  ndcgAt10: Spread;
  hardMissesSuggested: number;
  softMissesInTop5: number;
  perSeed: LatentReport[];
}

const summarise = (runs: LatentReport[]): MethodSummary => ({
  precisionAt5: spread(runs.map((r) => r.precisionAt5)),
  recallAt10: spread(runs.map((r) => r.recallAt10)),
  ndcgAt10: spread(runs.map((r) => r.ndcgAt10)),
  hardMissesSuggested: runs.reduce((s, r) => s + r.hardMissesSuggested, 0),
  softMissesInTop5: runs.reduce((s, r) => s + r.softMissesInTop5, 0),
  perSeed: runs,
});

export interface SeedsOptions extends Omit<LatentWorldOptions, 'seed'> {
  seeds?: readonly number[];
  tokenize?: (text: string) => string[];
  /** Also rank with each engine weight halved and doubled. */
  sensitivity?: boolean;
}

export interface LatentEvaluation {
  seeds: number[];
  worlds: { seed: number; suppliers: number; requests: number; relevantPerRequest: number }[];
  methods: Record<string, MethodSummary>;
  /** Criterion → factor → summary of the engine with that one weight scaled. */
  sensitivity: Record<string, Record<string, MethodSummary>>;
}

export const ENGINE_METHOD = 'engine (default weights, forward-led)';

/** The engine, its forward-only ablation and every baseline on the same worlds, one per seed. */
export function evaluateOverSeeds(options: SeedsOptions = {}): LatentEvaluation {
  const seeds = [...(options.seeds ?? [1, 2, 3, 4, 5])];
  const rankers: Record<string, Ranker> = {
    [ENGINE_METHOD]: engineRanker(),
    'engine, forward fit only (ablation)': engineRanker({ reciprocity: 'forward' }),
    ...baselineRankers(options.tokenize),
  };
  const runs: Record<string, LatentReport[]> = {};
  const variants: Record<string, Record<string, LatentReport[]>> = {};
  const worlds: LatentEvaluation['worlds'] = [];
  for (const seed of seeds) {
    const world = generateLatentWorld({ ...options, seed });
    worlds.push({
      seed,
      suppliers: world.suppliers.length,
      requests: world.cases.length,
      relevantPerRequest: world.cases.reduce((s, c) => s + c.relevant.length, 0) / world.cases.length,
    });
    for (const [name, rank] of Object.entries(rankers)) (runs[name] ??= []).push(evaluateLatent(world, rank));
    if (!options.sensitivity) continue;
    for (const [criterion, weight] of Object.entries(DEFAULT_SUBCONTRACTING_WEIGHTS))
      for (const factor of [0.5, 2]) {
        const weights: Partial<SubcontractingWeights> = { [criterion]: weight * factor };
        ((variants[criterion] ??= {})[`×${factor}`] ??= []).push(
          evaluateLatent(world, engineRanker({ weights })),
        );
      }
  }
  const methods: Record<string, MethodSummary> = {};
  for (const [name, r] of Object.entries(runs)) methods[name] = summarise(r);
  const sensitivity: LatentEvaluation['sensitivity'] = {};
  for (const [criterion, byFactor] of Object.entries(variants)) {
    sensitivity[criterion] = {};
    for (const [factor, r] of Object.entries(byFactor)) sensitivity[criterion][factor] = summarise(r);
  }
  return { seeds, worlds, methods, sensitivity };
}
