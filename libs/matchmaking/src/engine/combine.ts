import type { OrganizationKind, ProcessCode } from '#directory/taxonomy';
import { financingHardFailures, passesSubcontractingHard, subcontractingHardFailures } from './hard.js';
import { compareStrings } from './random.js';
import {
  capacityScore,
  capacityValue,
  certificationsScore,
  certificationsValue,
  convertQuantity,
  DISTANCE_CREDIT,
  distanceScore,
  distanceValue,
  feedbackScore,
  feedbackValue,
  focusScore,
  focusValue,
  innovationScore,
  instrumentScore,
  isFarShort,
  languagesScore,
  languagesValue,
  materialsIncompatible,
  materialsScore,
  materialsValue,
  processCredit,
  processScore,
  processValue,
  sectorScore,
  sectorValue,
  targetSectorScore,
  sizeFitScore,
  sizeFitValue,
  financingStageScore,
  ticketScore,
  type DistanceCredit,
} from './scoring.js';
import type {
  CapabilityInput,
  CriterionResult,
  CriterionScore,
  Direction,
  FinancierCriteria,
  MatchResult,
  OrgProfile,
  RankOutput,
  Rejection,
  SubcontractingRequest,
} from './types.js';

/**
 * Weighted combination and ranking. Criteria are grouped by direction: "forward" says the candidate suits
 * the one who asks, "reverse" says the ask suits the candidate. The two are combined with a harmonic mean
 * by default, so a pair ranks high only when it fits both ways.
 */

export type Reciprocity = 'harmonic' | 'geometric' | 'forward' | 'forward-led';

/** Share of a forward-led score that the reverse fit can take away. */
export const REVERSE_SHARE = 0.2;

export const SUBCONTRACTING_CRITERIA = {
  process: 'forward',
  sector: 'forward',
  materials: 'forward',
  capacity: 'forward',
  certifications: 'forward',
  distance: 'forward',
  languages: 'forward',
  feedback: 'forward',
  collaboration: 'forward',
  size: 'reverse',
  focus: 'reverse',
} as const satisfies Record<string, Direction>;
export type SubcontractingCriterion = keyof typeof SUBCONTRACTING_CRITERIA;
export type SubcontractingWeights = Record<SubcontractingCriterion, number>;

export const DEFAULT_SUBCONTRACTING_WEIGHTS: Readonly<SubcontractingWeights> = {
  process: 3,
  sector: 1.5,
  materials: 1,
  capacity: 1.5,
  certifications: 1,
  distance: 1.5,
  languages: 0.75,
  feedback: 0.5,
  collaboration: 1,
  size: 1,
  focus: 1,
};

export const FINANCING_CRITERIA = {
  sector: 'forward',
  stage: 'forward',
  innovation: 'forward',
  certifications: 'forward',
  distance: 'forward',
  feedback: 'forward',
  ticket: 'reverse',
  instrument: 'reverse',
} as const satisfies Record<string, Direction>;
export type FinancingCriterion = keyof typeof FINANCING_CRITERIA;
export type FinancingWeights = Record<FinancingCriterion, number>;

export const DEFAULT_FINANCING_WEIGHTS: Readonly<FinancingWeights> = {
  sector: 2.5,
  stage: 1.5,
  innovation: 1,
  certifications: 0.75,
  distance: 0.5,
  feedback: 0.5,
  ticket: 1.5,
  instrument: 1,
};

export interface CombineOptions<W> {
  weights?: Partial<W>;
  reciprocity?: Reciprocity;
  /** Results scoring below this are left out. */
  minScore?: number;
  /** Keep at most this many results (all by default). */
  limit?: number;
  distanceCredit?: DistanceCredit;
}

export interface SubcontractingOptions extends CombineOptions<SubcontractingWeights> {
  supplierKinds?: readonly OrganizationKind[];
  /** Past collaboration between the requester and the supplier (`CollaborationIndex.score`); not applicable without. */
  network?: (requesterId: string, supplierId: string) => CriterionScore;
}

const NO_NETWORK: CriterionScore = {
  score: 0,
  applicable: false,
  evidence: { code: 'collaboration.unspecified', params: {} },
};

export interface FinancingOptions extends CombineOptions<FinancingWeights> {
  /** Year against which company age is measured; fixed by callers that need reproducible results. */
  asOfYear?: number;
}

export function reciprocal(forward: number, reverse: number, how: Reciprocity = 'harmonic'): number {
  if (how === 'forward') return forward;
  if (how === 'forward-led') return forward * (1 - REVERSE_SHARE + REVERSE_SHARE * reverse);
  if (how === 'geometric') return Math.sqrt(forward * reverse);
  return forward + reverse > 0 ? (2 * forward * reverse) / (forward + reverse) : 0;
}

interface Scored<C extends string> {
  candidateId: string;
  score: number;
  forward: number;
  reverse: number;
  scores: Record<C, CriterionScore>;
}

/** A pair's score without its criteria: what ranking needs; the criteria are built for the kept pairs only. */
interface Ranked {
  candidateId: string;
  score: number;
  forward: number;
  reverse: number;
}

/** Weights merged with the defaults and clamped at 0, resolved once per ranking rather than per pair. */
function resolveWeights<C extends string>(
  defaults: Readonly<Record<C, number>>,
  given?: Partial<Record<C, number>>,
) {
  const out: Record<C, number> = { ...defaults };
  for (const k of Object.keys(out) as C[]) out[k] = Math.max(0, given?.[k] ?? defaults[k]);
  return out;
}

class Combiner<C extends string> {
  private readonly names: C[];

  constructor(
    private readonly directions: Readonly<Record<C, Direction>>,
    private readonly weights: Readonly<Record<C, number>>,
    private readonly how: Reciprocity,
    /** Multiplier of the combined score from the criteria (1 leaves it). */
    private readonly penalty: (scores: Record<C, CriterionScore>) => number = () => 1,
  ) {
    this.names = Object.keys(directions) as C[];
  }

  /**
   * The numbers `score` gives from each criterion's score alone (null when it does not apply) and the
   * penalty's factor: the same sums in the same order, without the criteria.
   */
  scoreValues(candidateId: string, values: Readonly<Record<C, number | null>>, factor: number): Ranked {
    let fw = 0;
    let fs = 0;
    let rw = 0;
    let rs = 0;
    for (const name of this.names) {
      const v = values[name];
      const w = this.weights[name];
      if (v === null || w === 0) continue;
      if (this.directions[name] === 'forward') {
        fw += w;
        fs += w * v;
      } else {
        rw += w;
        rs += w * v;
      }
    }
    const fwd = fw > 0 ? fs / fw : null;
    const rev = rw > 0 ? rs / rw : null;
    const forward = fwd ?? rev ?? 0;
    const reverse = rev ?? fwd ?? 0;
    return { candidateId, score: reciprocal(forward, reverse, this.how) * factor, forward, reverse };
  }

  score(candidateId: string, scores: Record<C, CriterionScore>): Scored<C> {
    let fw = 0;
    let fs = 0;
    let rw = 0;
    let rs = 0;
    for (const name of this.names) {
      const s = scores[name];
      const w = this.weights[name];
      if (!s.applicable || w === 0) continue;
      if (this.directions[name] === 'forward') {
        fw += w;
        fs += w * s.score;
      } else {
        rw += w;
        rs += w * s.score;
      }
    }
    // A direction with nothing to judge defers to the other one instead of counting as a failure.
    const fwd = fw > 0 ? fs / fw : null;
    const rev = rw > 0 ? rs / rw : null;
    const forward = fwd ?? rev ?? 0;
    const reverse = rev ?? fwd ?? 0;
    const score = reciprocal(forward, reverse, this.how) * this.penalty(scores);
    return { candidateId, score, forward, reverse, scores };
  }

  /** Each criterion's weight, contribution and evidence; built only for the results that are kept. */
  detail(s: Scored<C>): MatchResult {
    const total: Record<Direction, number> = { forward: 0, reverse: 0 };
    for (const name of this.names)
      if (s.scores[name].applicable) total[this.directions[name]] += this.weights[name];
    const criteria: CriterionResult[] = this.names.map((name) => {
      const c = s.scores[name];
      const direction = this.directions[name];
      const weight = this.weights[name];
      return {
        criterion: name,
        direction,
        weight,
        contribution: c.applicable && total[direction] > 0 ? (weight * c.score) / total[direction] : 0,
        score: c.score,
        applicable: c.applicable,
        evidence: c.evidence,
      };
    });
    return { candidateId: s.candidateId, score: s.score, forward: s.forward, reverse: s.reverse, criteria };
  }
}

/**
 * Scores compared to nine decimals: the same facts listed in another order (capabilities, materials) sum
 * in another order and may differ in the last bits, which must not decide a rank.
 */
const tieKey = (x: number): number => Math.round(x * 1e9);

/** Deterministic order: score, then the forward fit, then the candidate id (by code points, not locale). */
export const compareResults = (
  a: Pick<MatchResult, 'score' | 'forward' | 'candidateId'>,
  b: Pick<MatchResult, 'score' | 'forward' | 'candidateId'>,
): number =>
  tieKey(b.score) - tieKey(a.score) ||
  tieKey(b.forward) - tieKey(a.forward) ||
  compareStrings(a.candidateId, b.candidateId);

function finish<C extends string>(
  combiner: Combiner<C>,
  scored: Scored<C>[],
  rejected: Rejection[],
  options: CombineOptions<unknown>,
): RankOutput {
  const minScore = options.minScore ?? 0.05;
  const kept = scored.filter((r) => r.score >= minScore).sort(compareResults);
  rejected.sort((a, b) => compareStrings(a.candidateId, b.candidateId));
  const top = options.limit != null ? kept.slice(0, options.limit) : kept;
  return { results: top.map((s) => combiner.detail(s)), rejected };
}

/** Capabilities of the supplier that serve the request: exact processes first, else siblings in the family. */
function relevantCapabilities(
  processes: readonly ProcessCode[],
  caps: readonly CapabilityInput[],
): CapabilityInput[] {
  const exact = caps.filter((c) => processes.includes(c.process));
  if (exact.length) return exact;
  return caps.filter((c) => processes.some((p) => processCredit(p, c.process) > 0));
}

/** Monthly capacity in the request's unit; `otherUnit` names a unit that stated capacity could not be converted from. */
function capacityOf(
  caps: readonly CapabilityInput[],
  unit: string | null | undefined,
): { capacity: number | null; otherUnit: string | null } {
  let capacity: number | null = null;
  let otherUnit: string | null = null;
  for (const c of caps) {
    if (c.monthlyCapacity == null) continue;
    const converted = convertQuantity(c.monthlyCapacity, c.capacityUnit, unit);
    if (converted == null) otherUnit ??= c.capacityUnit ?? null;
    else capacity = (capacity ?? 0) + converted;
  }
  return { capacity, otherUnit: capacity == null ? otherUnit : null };
}

/**
 * Scores of a supplier that a procurement officer would not take, whatever else fits: it makes under a
 * tenth of the monthly volume, or works only materials of another class. It is kept (the buyer may
 * still look) but its score is multiplied by this factor, and the criterion's reason says why.
 */
export const UNFIT_FACTOR = 0.25;
const UNFIT_CODES = new Set(['capacity.far_short', 'materials.incompatible']);

export function unfitReasons(scores: Record<string, CriterionScore>): string[] {
  const out: string[] = [];
  for (const s of Object.values(scores)) if (UNFIT_CODES.has(s.evidence.code)) out.push(s.evidence.code);
  return out;
}

export function subcontractingScores(
  request: SubcontractingRequest,
  supplier: OrgProfile,
  distanceCredit: DistanceCredit = DISTANCE_CREDIT,
  network?: SubcontractingOptions['network'],
): Record<SubcontractingCriterion, CriterionScore> {
  const offered = supplier.capabilities.map((c) => c.process);
  const relevant = relevantCapabilities(request.processes, supplier.capabilities);
  const { capacity, otherUnit } = capacityOf(relevant, request.volumeUnit);
  const materials = (relevant.length ? relevant : supplier.capabilities).flatMap((c) => c.materials);
  return {
    process: processScore(request.processes, offered),
    sector: sectorScore(request.sectors, supplier.sectors),
    materials: materialsScore(request.materials, materials),
    capacity: capacityScore(request.volume, capacity, otherUnit),
    certifications: certificationsScore(
      [...request.requiredCertifications, ...(request.preferredCertifications ?? [])],
      supplier.certifications,
    ),
    distance: requestDistanceScore(request, supplier, distanceCredit),
    languages: languagesScore(request.languages, supplier.languages),
    feedback: feedbackScore(supplier.feedback),
    collaboration: network ? network(request.requesterId, supplier.id) : NO_NETWORK,
    size: sizeFitScore(request.volume, capacity),
    focus: focusScore(request.processes, request.sectors, offered, supplier.sectors),
  };
}

/**
 * Distance from the requester, except that a supplier in one of the wilayas the request wishes for
 * scores as a neighbour (whatever the requester's own wilaya), with that wish as its reason.
 */
function requestDistanceScore(
  request: SubcontractingRequest,
  supplier: OrgProfile,
  credit: DistanceCredit,
): CriterionScore {
  const preferred = request.preferredRegionCodes ?? [];
  if (supplier.regionCode && preferred.includes(supplier.regionCode))
    return {
      score: credit.sameRegion,
      applicable: true,
      evidence: { code: 'distance.preferred_region', params: { region: supplier.regionCode } },
    };
  return distanceScore(request, supplier, credit);
}

const subcontractingCombiner = (options: SubcontractingOptions) =>
  new Combiner<SubcontractingCriterion>(
    SUBCONTRACTING_CRITERIA,
    resolveWeights(DEFAULT_SUBCONTRACTING_WEIGHTS, options.weights),
    options.reciprocity ?? 'forward-led',
    (scores) => (unfitReasons(scores).length ? UNFIT_FACTOR : 1),
  );

/** One request against one supplier: the rejection when a hard criterion fails, else the scored result. */
export function scoreSubcontracting(
  request: SubcontractingRequest,
  supplier: OrgProfile,
  options: SubcontractingOptions = {},
): MatchResult | Rejection {
  const failed = subcontractingHardFailures(request, supplier, options.supplierKinds);
  if (failed.length) return { candidateId: supplier.id, failed };
  const combiner = subcontractingCombiner(options);
  return combiner.detail(
    combiner.score(
      supplier.id,
      subcontractingScores(request, supplier, options.distanceCredit, options.network),
    ),
  );
}

export const isRejection = (r: MatchResult | Rejection): r is Rejection => 'failed' in r;

/** `requestDistanceScore(…).score`. */
function requestDistanceValue(
  request: SubcontractingRequest,
  supplier: OrgProfile,
  credit: DistanceCredit,
): number {
  const preferred = request.preferredRegionCodes ?? [];
  if (supplier.regionCode && preferred.includes(supplier.regionCode)) return credit.sameRegion;
  return distanceValue(request, supplier, credit);
}

/** What the score-only path reads of a request, worked out once per request. */
interface RequestSide {
  request: SubcontractingRequest;
  /** Required then preferred, as `subcontractingScores` lists them. */
  certifications: readonly string[];
}

const requestSide = (request: SubcontractingRequest): RequestSide => {
  const preferred = request.preferredCertifications ?? [];
  return {
    request,
    certifications: preferred.length
      ? [...request.requiredCertifications, ...preferred]
      : request.requiredCertifications,
  };
};

/** What the score-only path reads of a supplier, worked out once per supplier. */
interface SupplierSide {
  supplier: OrgProfile;
  offered: ProcessCode[];
}

const supplierSide = (supplier: OrgProfile): SupplierSide => ({
  supplier,
  offered: supplier.capabilities.map((c) => c.process),
});

/**
 * The pair's score, forward and reverse fits as `subcontractingScores` and the combiner give them,
 * from the score-only functions: no criterion, evidence or reason is built.
 */
function scoreSubcontractingPair(
  combiner: Combiner<SubcontractingCriterion>,
  candidateId: string,
  { request, certifications }: RequestSide,
  { supplier, offered }: SupplierSide,
  options: SubcontractingOptions,
): Ranked {
  const caps = supplier.capabilities;
  const relevant = relevantCapabilities(request.processes, caps);
  const { capacity } = capacityOf(relevant, request.volumeUnit);
  const materials = (relevant.length ? relevant : caps).flatMap((c) => c.materials);
  const materialsFit = materialsValue(request.materials, materials);
  const network = options.network?.(request.requesterId, supplier.id) ?? NO_NETWORK;
  const values: Record<SubcontractingCriterion, number | null> = {
    process: processValue(request.processes, offered),
    sector: sectorValue(request.sectors, supplier.sectors),
    materials: materialsFit,
    capacity: capacityValue(request.volume, capacity),
    certifications: certificationsValue(certifications, supplier.certifications),
    distance: requestDistanceValue(request, supplier, options.distanceCredit ?? DISTANCE_CREDIT),
    languages: languagesValue(request.languages, supplier.languages),
    feedback: feedbackValue(supplier.feedback),
    collaboration: network.applicable ? network.score : null,
    size: sizeFitValue(request.volume, capacity),
    focus: focusValue(request.processes, request.sectors, offered, supplier.sectors),
  };
  const unfit =
    isFarShort(request.volume, capacity) ||
    (materialsFit === 0 && materialsIncompatible(request.materials, materials));
  return combiner.scoreValues(candidateId, values, unfit ? UNFIT_FACTOR : 1);
}

/**
 * Score-only first pays when most pairs are left out: a kept pair is scored twice (score only, then
 * in full for its criteria). With no more than this many candidates per result kept, every pair is
 * scored in full at once instead.
 */
const LAZY_BEYOND = 2;

/**
 * Keeps the pairs at or above the minimum score, ranked, up to the limit, and builds the criteria
 * (the reasons) of those only: with many candidates, every pair is scored with the score-only
 * functions and each kept pair is scored again in full, as `scoreSubcontracting` does.
 */
function rankSubcontracting<P>(
  combiner: Combiner<SubcontractingCriterion>,
  passing: P[],
  rejected: Rejection[],
  options: SubcontractingOptions,
  pair: {
    id: (p: P) => string;
    values: (p: P) => Ranked;
    full: (p: P) => Record<SubcontractingCriterion, CriterionScore>;
  },
): RankOutput {
  const minScore = options.minScore ?? 0.05;
  const limit = options.limit;
  rejected.sort((a, b) => compareStrings(a.candidateId, b.candidateId));
  if (limit == null || passing.length <= LAZY_BEYOND * limit) {
    const scored = passing.map((p) => combiner.score(pair.id(p), pair.full(p)));
    const kept = scored.filter((s) => s.score >= minScore).sort(compareResults);
    const top = limit != null ? kept.slice(0, limit) : kept;
    return { results: top.map((s) => combiner.detail(s)), rejected };
  }
  const kept = passing
    .map((p) => ({ p, ranked: pair.values(p) }))
    .filter((x) => x.ranked.score >= minScore)
    .sort((a, b) => compareResults(a.ranked, b.ranked))
    .slice(0, limit);
  return {
    results: kept.map((x) => combiner.detail(combiner.score(x.ranked.candidateId, pair.full(x.p)))),
    rejected,
  };
}

/**
 * Ranked suppliers for a request. Every candidate is scored as `scoreSubcontracting` scores it, but
 * the criteria (the reasons) are built only for the results kept.
 */
export function rankSuppliers(
  request: SubcontractingRequest,
  candidates: Iterable<OrgProfile>,
  options: SubcontractingOptions = {},
): RankOutput {
  const combiner = subcontractingCombiner(options);
  const asked = requestSide(request);
  const passing: OrgProfile[] = [];
  const rejected: Rejection[] = [];
  for (const c of candidates) {
    if (passesSubcontractingHard(request, c, options.supplierKinds)) passing.push(c);
    else
      rejected.push({
        candidateId: c.id,
        failed: subcontractingHardFailures(request, c, options.supplierKinds),
      });
  }
  return rankSubcontracting(combiner, passing, rejected, options, {
    id: (c) => c.id,
    values: (c) => scoreSubcontractingPair(combiner, c.id, asked, supplierSide(c), options),
    full: (c) => subcontractingScores(request, c, options.distanceCredit, options.network),
  });
}

/**
 * Ranked open requests a supplier can serve; `candidateId` is then the request id. Every request is
 * scored as `scoreSubcontracting` scores it, but the criteria are built only for the results kept.
 */
export function rankRequestsForSupplier(
  supplier: OrgProfile,
  requests: Iterable<SubcontractingRequest>,
  options: SubcontractingOptions = {},
): RankOutput {
  const combiner = subcontractingCombiner(options);
  const offering = supplierSide(supplier);
  const passing: SubcontractingRequest[] = [];
  const rejected: Rejection[] = [];
  for (const request of requests) {
    if (passesSubcontractingHard(request, supplier, options.supplierKinds)) passing.push(request);
    else
      rejected.push({
        candidateId: request.id,
        failed: subcontractingHardFailures(request, supplier, options.supplierKinds),
      });
  }
  return rankSubcontracting(combiner, passing, rejected, options, {
    id: (r) => r.id,
    values: (r) => scoreSubcontractingPair(combiner, r.id, requestSide(r), offering, options),
    full: (r) => subcontractingScores(r, supplier, options.distanceCredit, options.network),
  });
}

export function financingScores(
  criteria: FinancierCriteria,
  sme: OrgProfile,
  distanceCredit: DistanceCredit = DISTANCE_CREDIT,
  asOfYear = new Date().getUTCFullYear(),
): Record<FinancingCriterion, CriterionScore> {
  const distance: CriterionScore =
    criteria.country && !criteria.countries.length
      ? distanceScore({ country: criteria.country, regionCode: criteria.regionCode }, sme, distanceCredit)
      : { score: 0, applicable: false, evidence: { code: 'distance.unspecified', params: {} } };
  return {
    sector: targetSectorScore(criteria.sectors, sme.sectors),
    stage: financingStageScore(criteria.stages, sme, asOfYear),
    innovation: innovationScore(criteria.innovation, sme.innovation),
    certifications: certificationsScore(
      [...criteria.requiredCertifications, ...(criteria.preferredCertifications ?? [])],
      sme.certifications,
    ),
    distance,
    feedback: feedbackScore(sme.feedback),
    ticket: ticketScore(sme.financingNeed, criteria),
    instrument: instrumentScore(sme.financingNeed?.instruments ?? [], criteria.instruments),
  };
}

const financingCombiner = (options: FinancingOptions) =>
  new Combiner<FinancingCriterion>(
    FINANCING_CRITERIA,
    resolveWeights(DEFAULT_FINANCING_WEIGHTS, options.weights),
    options.reciprocity ?? 'harmonic',
  );

export function scoreFinancing(
  criteria: FinancierCriteria,
  sme: OrgProfile,
  options: FinancingOptions = {},
): MatchResult | Rejection {
  const asOfYear = options.asOfYear ?? new Date().getUTCFullYear();
  const failed = financingHardFailures(criteria, sme, asOfYear);
  if (failed.length) return { candidateId: sme.id, failed };
  const combiner = financingCombiner(options);
  return combiner.detail(
    combiner.score(sme.id, financingScores(criteria, sme, options.distanceCredit, asOfYear)),
  );
}

/** Ranked candidate SMEs for a financier's screening criteria. */
export function rankFinancingCandidates(
  criteria: FinancierCriteria,
  smes: Iterable<OrgProfile>,
  options: FinancingOptions = {},
): RankOutput {
  const combiner = financingCombiner(options);
  const asOfYear = options.asOfYear ?? new Date().getUTCFullYear();
  const scored: Scored<FinancingCriterion>[] = [];
  const rejected: Rejection[] = [];
  for (const sme of smes) {
    const failed = financingHardFailures(criteria, sme, asOfYear);
    if (failed.length) rejected.push({ candidateId: sme.id, failed });
    else
      scored.push(combiner.score(sme.id, financingScores(criteria, sme, options.distanceCredit, asOfYear)));
  }
  return finish(combiner, scored, rejected, options);
}

/**
 * The financiers whose public terms fit an SME best, ranked by score, then by financier id. Every
 * financier is scored as `scoreFinancing` scores it, but the criteria (the reasons) are built only for
 * the `limit` kept. Each result names the SME as its candidate, as `scoreFinancing` does.
 */
export function rankFinanciersForSme<F extends { id: string; criteria: FinancierCriteria }>(
  sme: OrgProfile,
  financiers: Iterable<F>,
  options: FinancingOptions = {},
): { financier: F; result: MatchResult }[] {
  const combiner = financingCombiner(options);
  const asOfYear = options.asOfYear ?? new Date().getUTCFullYear();
  const minScore = options.minScore ?? 0.05;
  const scored: { financier: F; s: Scored<FinancingCriterion> }[] = [];
  for (const financier of financiers) {
    const { criteria } = financier;
    if (financingHardFailures(criteria, sme, asOfYear).length) continue;
    const s = combiner.score(sme.id, financingScores(criteria, sme, options.distanceCredit, asOfYear));
    if (s.score >= minScore) scored.push({ financier, s });
  }
  scored.sort((a, b) => b.s.score - a.s.score || compareStrings(a.financier.id, b.financier.id));
  const top = options.limit != null ? scored.slice(0, options.limit) : scored;
  return top.map(({ financier, s }) => ({ financier, result: combiner.detail(s) }));
}
