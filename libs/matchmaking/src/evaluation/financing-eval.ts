import { financingHardFailures } from '../engine/hard.js';
import {
  DEFAULT_FINANCING_WEIGHTS,
  rankFinancingCandidates,
  type FinancingWeights,
} from '../engine/combine.js';
import { compareStrings, hashString } from '../engine/random.js';
import { sectorWithAncestors } from '#directory/taxonomy';
import type { FinancierCriteria, OrgProfile } from '../engine/types.js';
import { randomRanking, sameSectorRanking } from './baselines.js';
import { generateFinancingWorld, type FinancingWorld } from './financing-world.js';
import { ndcgAt, precisionAt, recallAt } from './metrics.js';
import { spread, type Spread } from './subcontracting-eval.js';

/**
 * Financing suggestions on the financing world: for each financier's written criteria, the engine and
 * the baselines rank the same written SMEs after the same hard filter (country, minimum age and
 * headcount, required certifications), judged against the hidden mandates.
 */

export type FinancingRanker = (
  criteria: FinancierCriteria,
  candidates: readonly OrgProfile[],
  asOfYear: number,
) => string[];

/** Euros per unit, as a structured baseline would convert. */
const EUR: Record<string, number> = { EUR: 1, DZD: 0.0068, MAD: 0.092, TND: 0.3 };

/**
 * Strong structured baseline: one point each for a sector of the criteria (or of its section), a stage
 * sought, a need inside the band, an instrument offered, R&D when innovation is sought, and the
 * financier's own country; ties by id. No weights, no partial credit.
 */
export function structuredFinancingRanking(
  c: FinancierCriteria,
  candidates: readonly OrgProfile[],
): string[] {
  const score = (o: OrgProfile): number => {
    const sectors = new Set(o.sectors.flatMap((s) => sectorWithAncestors(s)));
    const need = o.financingNeed;
    const eur = need?.amount != null && need.currency ? need.amount * (EUR[need.currency] ?? NaN) : NaN;
    const rate = c.currency ? (EUR[c.currency] ?? NaN) : NaN;
    const inBand =
      Number.isFinite(eur) &&
      (c.ticketMin == null || eur >= c.ticketMin * rate) &&
      (c.ticketMax == null || eur <= c.ticketMax * rate);
    return (
      (c.sectors.some((s) => sectors.has(s)) ? 1 : 0) +
      (o.stage && c.stages.includes(o.stage) ? 1 : 0) +
      (inBand ? 1 : 0) +
      ((need?.instruments ?? []).some((i) => c.instruments.includes(i)) ? 1 : 0) +
      (c.innovation?.wanted && o.innovation?.rdActivity ? 1 : 0) +
      (c.country && o.country === c.country ? 1 : 0)
    );
  };
  return candidates
    .map((o) => ({ id: o.id, s: score(o) }))
    .sort((a, b) => b.s - a.s || compareStrings(a.id, b.id))
    .map((x) => x.id);
}

export const FINANCING_ENGINE = 'engine (default weights)';

export function financingRankers(): Record<string, FinancingRanker> {
  return {
    [FINANCING_ENGINE]: (c, candidates, asOfYear) =>
      rankFinancingCandidates(c, candidates, { asOfYear, limit: 50 }).results.map((r) => r.candidateId),
    'random (hard filter)': (c, candidates) =>
      randomRanking(
        candidates.map((o) => o.id),
        hashString(c.id, 1),
      ),
    'same sector (hard filter)': (c, candidates) => sameSectorRanking(c.sectors, candidates, 1),
    'structured overlap + same country (hard filter)': (c, candidates) =>
      structuredFinancingRanking(c, candidates),
  };
}

export interface FinancingScores {
  p5: number;
  r10: number;
  ndcg10: number;
  /** Criteria with at least one truly fitting SME, over which the means are taken. */
  judged: number;
}

export function evaluateFinancingWorld(world: FinancingWorld, rank: FinancingRanker): FinancingScores {
  const p5: number[] = [];
  const r10: number[] = [];
  const ndcg: number[] = [];
  const smes = world.smes as unknown as OrgProfile[];
  for (const written of world.criteria) {
    const c = written as unknown as FinancierCriteria;
    const gains = world.truth.get(written.id)!;
    if (!gains.size) continue;
    const candidates = smes.filter((s) => !financingHardFailures(c, s, world.asOfYear).length);
    const ranked = rank(c, candidates, world.asOfYear);
    const relevant = new Set(gains.keys());
    p5.push(precisionAt(ranked, relevant, 5));
    r10.push(recallAt(ranked, relevant, 10));
    ndcg.push(ndcgAt(ranked, gains, 10));
  }
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return { p5: avg(p5), r10: avg(r10), ndcg10: avg(ndcg), judged: p5.length };
}

export interface FinancingEvaluation {
  seeds: number[];
  smes: number;
  financiers: number;
  methods: Record<string, { p5: Spread; r10: Spread; ndcg10: Spread }>;
  /** Engine NDCG@10 with one criterion's weight set to 0 (ablation), halved and doubled. */
  sensitivity: Record<string, Record<'off' | 'half' | 'double', Spread>>;
}

const engineWith =
  (weights: Partial<FinancingWeights>): FinancingRanker =>
  (c, candidates, asOfYear) =>
    rankFinancingCandidates(c, candidates, { asOfYear, limit: 50, weights }).results.map(
      (r) => r.candidateId,
    );

/** Every ranker on the financing world of each seed; mean and spread over seeds; optionally the weights' sensitivity. */
export function evaluateFinancingOverSeeds(
  seeds: readonly number[] = [1, 2, 3, 4, 5],
  options: { sensitivity?: boolean } = {},
): FinancingEvaluation {
  const rankers = financingRankers();
  const per: Record<string, FinancingScores[]> = {};
  const factors = { off: 0, half: 0.5, double: 2 } as const;
  const varied: Record<string, Record<string, number[]>> = {};
  let smes = 0;
  let financiers = 0;
  for (const seed of seeds) {
    const world = generateFinancingWorld({ seed });
    smes = world.smes.length;
    financiers = world.criteria.length;
    for (const [name, rank] of Object.entries(rankers))
      (per[name] ??= []).push(evaluateFinancingWorld(world, rank));
    if (!options.sensitivity) continue;
    for (const [criterion, weight] of Object.entries(DEFAULT_FINANCING_WEIGHTS))
      for (const [factor, k] of Object.entries(factors))
        ((varied[criterion] ??= {})[factor] ??= []).push(
          evaluateFinancingWorld(world, engineWith({ [criterion]: weight * k })).ndcg10,
        );
  }
  const sensitivity: FinancingEvaluation['sensitivity'] = {};
  for (const [criterion, byFactor] of Object.entries(varied))
    sensitivity[criterion] = {
      off: spread(byFactor.off),
      half: spread(byFactor.half),
      double: spread(byFactor.double),
    };
  const methods: FinancingEvaluation['methods'] = {};
  for (const [name, scores] of Object.entries(per))
    methods[name] = {
      p5: spread(scores.map((s) => s.p5)),
      r10: spread(scores.map((s) => s.r10)),
      ndcg10: spread(scores.map((s) => s.ndcg10)),
    };
  return { seeds: [...seeds], smes, financiers, methods, sensitivity };
}
