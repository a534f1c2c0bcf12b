import type { CompanyStage, OpportunityType, SupportCost, SupportService } from '#directory/taxonomy';
import { coveringCertification } from './certifications.js';
import { compareStrings } from './random.js';
import { distanceScore, type DistanceCredit, sectorScore, stageScore } from './scoring.js';
import type {
  CriterionResult,
  CriterionScore,
  Evidence,
  MatchResult,
  OrgProfile,
  Rejection,
} from './types.js';

/**
 * Support suggestions: an SME's needs (the opportunities it publishes, the certifications it aims
 * for, its R&D and intellectual property, its stage) against the programmes of support institutions
 * (incubators, technical centres, labs): the services they offer, the sectors, stages and wilayas
 * they serve, and what they cost. Pure: no database, no framework.
 */

/** One programme of a support institution, in the engine's terms. */
export interface SupportProgramme {
  institutionId: string;
  /** Position among the institution's programmes: with the id, what names the programme. */
  index: number;
  name: { ar: string | null; fr: string | null; en: string | null };
  services: readonly SupportService[];
  sectors: readonly string[];
  /** Stages admitted; empty admits every stage. */
  stages: readonly CompanyStage[];
  /** Wilayas targeted. */
  regionCodes: readonly string[];
  /** Only SMEs of `regionCodes` are eligible (programmes for remote and southern regions). */
  reserved: boolean;
  cost: SupportCost | null;
  /** Certification schemes the programme prepares for. */
  certifications: readonly string[];
  /** Where the institution is. */
  country: string;
  regionCode: string | null;
}

/** What the SME says beside its profile: its open opportunities and the certifications it aims for. */
export interface SupportSignals {
  opportunityTypes: readonly OpportunityType[];
  targetCertifications: readonly string[];
}

/** Why an SME needs a service, as a stable code rendered in reasons. */
export type NeedSource =
  | 'technology_request'
  | 'partnership_request'
  | 'financing_need'
  | 'target_certification'
  | 'rd_activity'
  | 'ip_assets'
  | 'young_firm'
  | 'manufacturing';

export interface SupportNeed {
  service: SupportService;
  /** How strongly the signals point to the service: 1 a clear need, 0.25 a general one. */
  weight: number;
  because: NeedSource[];
}

/** What each signal says the SME needs, and how strongly. */
const SIGNAL_NEEDS: Record<NeedSource, readonly [SupportService, number][]> = {
  technology_request: [
    ['TECHNOLOGY_TRANSFER', 1],
    ['TECHNICAL_ASSISTANCE', 0.5],
  ],
  partnership_request: [['TECHNICAL_ASSISTANCE', 0.5]],
  financing_need: [['TECHNICAL_ASSISTANCE', 0.5]],
  target_certification: [
    ['QUALITY_CERTIFICATION', 1],
    ['TESTING', 0.5],
    ['TRAINING', 0.25],
  ],
  rd_activity: [
    ['TECHNOLOGY_TRANSFER', 0.5],
    ['TESTING', 0.5],
    ['IP_ADVICE', 0.5],
  ],
  ip_assets: [['IP_ADVICE', 1]],
  young_firm: [
    ['INCUBATION', 1],
    ['TRAINING', 0.5],
  ],
  manufacturing: [
    ['CLEANER_PRODUCTION', 0.25],
    ['TECHNICAL_ASSISTANCE', 0.25],
  ],
};

/** Covered need weight that gives a full services score: one clear need and a half, or several lesser ones. */
export const SERVICE_SATURATION = 1.5;

/** A firm this many years old or less counts as a start-up when it does not state its stage. */
export const STARTUP_YEARS = 3;
/** … and up to this many as growing; older ones as mature. */
export const GROWTH_YEARS = 10;

/** The SME's stage: the one stated, else read from its age; null when neither is known. */
export function stageOf(
  sme: Pick<OrgProfile, 'stage' | 'foundedYear'>,
  asOfYear: number,
): CompanyStage | null {
  if (sme.stage) return sme.stage;
  if (sme.foundedYear == null) return null;
  const age = asOfYear - sme.foundedYear;
  if (age <= STARTUP_YEARS) return 'STARTUP';
  if (age <= GROWTH_YEARS) return 'GROWTH';
  return 'MATURE';
}

const isManufacturing = (sectors: readonly string[]) =>
  sectors.some((s) => s === 'C' || (/^\d{2}$/.test(s) && Number(s) >= 10 && Number(s) <= 33));

/** The signals of an SME that point to support. */
export function needSources(sme: OrgProfile, signals: SupportSignals, asOfYear: number): NeedSource[] {
  const out: NeedSource[] = [];
  const types = new Set(signals.opportunityTypes);
  if (types.has('TECHNOLOGY_REQUEST')) out.push('technology_request');
  if (types.has('PARTNERSHIP_REQUEST')) out.push('partnership_request');
  if (types.has('FINANCING_NEED')) out.push('financing_need');
  if (signals.targetCertifications.some((c) => coveringCertification(sme.certifications, c) === null))
    out.push('target_certification');
  const inn = sme.innovation;
  if (inn?.rdActivity) out.push('rd_activity');
  if (inn && inn.patents + inn.utilityModels + inn.industrialDesigns > 0) out.push('ip_assets');
  const stage = stageOf(sme, asOfYear);
  if (stage === 'IDEA' || stage === 'STARTUP') out.push('young_firm');
  if (isManufacturing(sme.sectors)) out.push('manufacturing');
  return out;
}

/** The services an SME needs, each with its strongest weight and every signal behind it, in service order. */
export function supportNeeds(sme: OrgProfile, signals: SupportSignals, asOfYear: number): SupportNeed[] {
  const byService = new Map<SupportService, SupportNeed>();
  for (const source of needSources(sme, signals, asOfYear))
    for (const [service, weight] of SIGNAL_NEEDS[source]) {
      const need = byService.get(service);
      if (!need) byService.set(service, { service, weight, because: [source] });
      else {
        need.weight = Math.max(need.weight, weight);
        need.because.push(source);
      }
    }
  return [...byService.values()].sort((a, b) => compareStrings(a.service, b.service));
}

export const SUPPORT_CRITERIA = [
  'services',
  'certifications',
  'sector',
  'stage',
  'distance',
  'cost',
] as const;
export type SupportCriterion = (typeof SUPPORT_CRITERIA)[number];
export type SupportWeights = Record<SupportCriterion, number>;

export const DEFAULT_SUPPORT_WEIGHTS: Readonly<SupportWeights> = {
  services: 3,
  certifications: 1,
  sector: 1.5,
  stage: 1,
  distance: 1.5,
  cost: 0.75,
};

const COST_CREDIT: Record<SupportCost, number> = { FREE: 1, SUBSIDISED: 0.6, PAID: 0.2 };

/** A place credit below a target wilaya: the institution's own wilaya, then its country. */
const PLACE_CREDIT = {
  sameRegion: 0.8,
  sameCountry: 0.5,
  arabRegion: 0.2,
  elsewhere: 0.05,
} satisfies DistanceCredit;

function servicesScore(needs: readonly SupportNeed[], offered: readonly SupportService[]): CriterionScore {
  const covered = needs.filter((n) => offered.includes(n.service));
  const weight = covered.reduce((s, n) => s + n.weight, 0);
  return {
    score: Math.min(1, weight / SERVICE_SATURATION),
    applicable: true,
    evidence: {
      code: covered.length ? 'support.services' : 'support.services_none',
      params: {
        services: covered.map((n) => n.service),
        because: [...new Set(covered.flatMap((n) => n.because))],
      },
    },
  };
}

function certificationScore(targets: readonly string[], prepared: readonly string[]): CriterionScore {
  if (!targets.length)
    return {
      score: 0,
      applicable: false,
      evidence: { code: 'support.certifications_unspecified', params: {} },
    };
  // A programme preparing for FSSC 22000 also prepares for the ISO 22000 it includes.
  const met = targets.filter((t) => coveringCertification(prepared, t) !== null);
  return {
    score: met.length / targets.length,
    applicable: true,
    evidence: met.length
      ? { code: 'support.certifications', params: { certifications: met } }
      : { code: 'support.certifications_none', params: { wanted: [...targets] } },
  };
}

function placeScore(p: SupportProgramme, sme: OrgProfile): CriterionScore {
  if (sme.regionCode && p.regionCodes.includes(sme.regionCode))
    return {
      score: 1,
      applicable: true,
      evidence: { code: 'support.region_target', params: { region: sme.regionCode, reserved: p.reserved } },
    };
  return distanceScore({ country: p.country, regionCode: p.regionCode }, sme, PLACE_CREDIT);
}

function costScore(cost: SupportCost | null): CriterionScore {
  if (!cost)
    return { score: 0, applicable: false, evidence: { code: 'support.cost_unspecified', params: {} } };
  return { score: COST_CREDIT[cost], applicable: true, evidence: { code: 'support.cost', params: { cost } } };
}

/** Hard criteria: a reserved programme outside its wilayas, a stage it does not admit, another country, no need met. */
export function supportHardFailures(
  p: SupportProgramme,
  sme: OrgProfile,
  needs: readonly SupportNeed[],
  asOfYear: number,
): Evidence[] {
  const failed: Evidence[] = [];
  if (sme.kind !== 'SME') failed.push({ code: 'hard.kind', params: { kind: sme.kind, allowed: ['SME'] } });
  if (sme.country !== p.country)
    failed.push({ code: 'hard.support_country', params: { country: sme.country, allowed: [p.country] } });
  if (p.reserved && !(sme.regionCode && p.regionCodes.includes(sme.regionCode)))
    failed.push({
      code: 'hard.support_reserved',
      params: { region: sme.regionCode ?? null, allowed: [...p.regionCodes] },
    });
  const stage = stageOf(sme, asOfYear);
  if (p.stages.length && stage && !p.stages.includes(stage))
    failed.push({ code: 'hard.support_stage', params: { stage, allowed: [...p.stages] } });
  if (!needs.some((n) => p.services.includes(n.service)))
    failed.push({ code: 'hard.support_no_need', params: { services: [...p.services] } });
  return failed;
}

export interface SupportOptions {
  weights?: Partial<SupportWeights>;
  /** Year against which company age is measured. */
  asOfYear?: number;
  /** Results scoring below this are left out. */
  minScore?: number;
  limit?: number;
}

const resolve = (given?: Partial<SupportWeights>): SupportWeights => {
  const out = { ...DEFAULT_SUPPORT_WEIGHTS };
  for (const k of SUPPORT_CRITERIA) out[k] = Math.max(0, given?.[k] ?? out[k]);
  return out;
};

/**
 * How well one programme serves one SME. The result names the SME as candidate when `candidate` is
 * 'sme' (the institution's list) and the institution otherwise (the SME's list); its first criterion,
 * of weight 0, names the programme.
 */
export function scoreSupport(
  p: SupportProgramme,
  sme: OrgProfile,
  signals: SupportSignals,
  options: SupportOptions & { candidate?: 'sme' | 'institution' } = {},
): MatchResult | Rejection {
  const asOfYear = options.asOfYear ?? new Date().getUTCFullYear();
  const ctx = smeContext(sme, signals, asOfYear);
  const candidateId = options.candidate === 'sme' ? sme.id : p.institutionId;
  const failed = supportHardFailures(p, sme, ctx.needs, asOfYear);
  if (failed.length) return { candidateId, failed };
  const weights = resolve(options.weights);
  return detail(scorePair(p, ctx, weights, candidateId)!, weights);
}

export const isSupportRejection = (r: MatchResult | Rejection): r is Rejection => 'failed' in r;

/**
 * What scoring one SME against many programmes needs of the SME, worked out once rather than per
 * programme: its needs, its stage and the certifications it aims for and does not hold yet.
 */
interface SmeContext {
  sme: OrgProfile;
  needs: SupportNeed[];
  stage: CompanyStage | null;
  unmetTargets: string[];
}

function smeContext(sme: OrgProfile, signals: SupportSignals, asOfYear: number): SmeContext {
  return {
    sme,
    needs: supportNeeds(sme, signals, asOfYear),
    stage: stageOf(sme, asOfYear),
    unmetTargets: signals.targetCertifications.filter(
      (c) => coveringCertification(sme.certifications, c) === null,
    ),
  };
}

/** `supportHardFailures(…).length === 0`, without building the failures. */
function passesSupportHard(p: SupportProgramme, ctx: SmeContext): boolean {
  const { sme, stage, needs } = ctx;
  if (sme.kind !== 'SME' || sme.country !== p.country) return false;
  if (p.reserved && !(sme.regionCode && p.regionCodes.includes(sme.regionCode))) return false;
  if (p.stages.length && stage && !p.stages.includes(stage)) return false;
  return needs.some((n) => p.services.includes(n.service));
}

/** A pair that passed the hard criteria, scored; its criteria (the reasons) are built only if it is kept. */
interface SupportPair {
  candidateId: string;
  programme: SupportProgramme;
  score: number;
  scores: Record<SupportCriterion, CriterionScore>;
  total: number;
}

/** The score `scoreSupport` gives the pair (the same sums in the same order), or null when rejected. */
function scorePair(
  p: SupportProgramme,
  ctx: SmeContext,
  weights: SupportWeights,
  candidateId: string,
): SupportPair | null {
  if (!passesSupportHard(p, ctx)) return null;
  const { sme } = ctx;
  const scores: Record<SupportCriterion, CriterionScore> = {
    services: servicesScore(ctx.needs, p.services),
    certifications: certificationScore(ctx.unmetTargets, p.certifications),
    sector: sectorScore(p.sectors, sme.sectors),
    stage: stageScore(p.stages, ctx.stage),
    distance: placeScore(p, sme),
    cost: costScore(p.cost),
  };
  let total = 0;
  let sum = 0;
  for (const c of SUPPORT_CRITERIA)
    if (scores[c].applicable) {
      total += weights[c];
      sum += weights[c] * scores[c].score;
    }
  return { candidateId, programme: p, score: total > 0 ? sum / total : 0, scores, total };
}

/** The result `scoreSupport` returns for a kept pair. */
function detail(pair: SupportPair, weights: SupportWeights): MatchResult {
  const { programme: p, scores, total, score } = pair;
  const programme: CriterionResult = {
    criterion: 'programme',
    direction: 'forward',
    weight: 0,
    score: 1,
    contribution: 0,
    applicable: true,
    evidence: {
      code: 'support.programme',
      params: {
        name_ar: p.name.ar,
        name_fr: p.name.fr,
        name_en: p.name.en,
        index: p.index,
        services: [...p.services],
      },
    },
  };
  const criteria: CriterionResult[] = [
    programme,
    ...SUPPORT_CRITERIA.map((c) => ({
      criterion: c,
      direction: 'forward' as const,
      weight: weights[c],
      score: scores[c].score,
      applicable: scores[c].applicable,
      contribution: scores[c].applicable && total > 0 ? (weights[c] * scores[c].score) / total : 0,
      evidence: scores[c].evidence,
    })),
  ];
  return { candidateId: pair.candidateId, score, forward: score, reverse: score, criteria };
}

const byScore = (
  a: Pick<MatchResult, 'score' | 'candidateId'>,
  b: Pick<MatchResult, 'score' | 'candidateId'>,
) => Math.round((b.score - a.score) * 1e9) || compareStrings(a.candidateId, b.candidateId);

/**
 * Keeps each candidate's best programme (the earlier programme on a tie), ranked, ties by id; the
 * criteria are built for the kept ones only.
 */
function best(pairs: Iterable<SupportPair>, weights: SupportWeights, options: SupportOptions): MatchResult[] {
  const top = new Map<string, SupportPair>();
  for (const r of pairs) {
    const held = top.get(r.candidateId);
    if (!held || Math.round((r.score - held.score) * 1e9) > 0) top.set(r.candidateId, r);
  }
  return [...top.values()]
    .filter((r) => r.score >= (options.minScore ?? 0))
    .sort(byScore)
    .slice(0, options.limit ?? Infinity)
    .map((r) => detail(r, weights));
}

/** Support institutions for an SME: each one's best-fitting programme, ranked. */
export function rankProgrammesForSme(
  sme: OrgProfile,
  signals: SupportSignals,
  programmes: Iterable<SupportProgramme>,
  options: SupportOptions = {},
): MatchResult[] {
  const weights = resolve(options.weights);
  const ctx = smeContext(sme, signals, options.asOfYear ?? new Date().getUTCFullYear());
  const out: SupportPair[] = [];
  for (const p of programmes) {
    const r = scorePair(p, ctx, weights, p.institutionId);
    if (r) out.push(r);
  }
  return best(out, weights, options);
}

/** SMEs an institution's programmes fit: each SME with the programme that fits it best, ranked. */
export function rankSmesForProgrammes(
  programmes: readonly SupportProgramme[],
  smes: Iterable<{ sme: OrgProfile; signals: SupportSignals }>,
  options: SupportOptions = {},
): MatchResult[] {
  const weights = resolve(options.weights);
  const asOfYear = options.asOfYear ?? new Date().getUTCFullYear();
  const out: SupportPair[] = [];
  for (const { sme, signals } of smes) {
    const ctx = smeContext(sme, signals, asOfYear);
    for (const p of programmes) {
      const r = scorePair(p, ctx, weights, sme.id);
      if (r) out.push(r);
    }
  }
  return best(out, weights, options);
}
