import {
  EMPLOYEE_BANDS,
  PROCESS_FAMILY,
  country as countryEntry,
  sectorWithAncestors,
  type CompanyStage,
  type EmployeeBand,
  type ProcessCode,
} from '#directory/taxonomy';
import { coveringCertification } from './certifications.js';
import { canonicalMaterial, materialClass } from './materials.js';
import type { CriterionScore, FeedbackInput, InnovationInput } from './types.js';

/**
 * Scoring functions. Each returns a score in [0, 1] with machine-readable evidence, and says whether the
 * asker's side states the criterion at all: a criterion the asker left open is "not applicable" and its
 * weight drops out, while a fact the candidate left out scores a neutral value so that silence is neither
 * rewarded nor punished.
 */

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : Number.isFinite(x) ? x : 0);
/** Order-keeping dedupe; lists here are a handful of codes, where a linear scan beats building a Set. */
const uniq = <T>(xs: readonly T[]): T[] => {
  const out: T[] = [];
  for (const x of xs) if (!out.includes(x)) out.push(x);
  return out;
};
const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;
const NEUTRAL = 0.5;

const notApplicable = (code: string): CriterionScore => ({
  score: 0,
  applicable: false,
  evidence: { code, params: {} },
});

/** Credit for a sibling process (same PROCESS_FAMILY) rather than the requested one. */
export const PROCESS_FAMILY_CREDIT = 0.5;
/** Credit for another division of the same ISIC section. */
export const SECTOR_SECTION_CREDIT = 0.5;

export function processCredit(wanted: ProcessCode, offered: ProcessCode): number {
  if (wanted === offered) return 1;
  return PROCESS_FAMILY[wanted] === PROCESS_FAMILY[offered] ? PROCESS_FAMILY_CREDIT : 0;
}

/** Each wanted process earns its best credit among the offered ones; the score is the mean. */
export function processScore(
  wanted: readonly ProcessCode[],
  offered: readonly ProcessCode[],
): CriterionScore {
  const want = uniq(wanted);
  if (!want.length) return notApplicable('process.unspecified');
  const have = uniq(offered);
  const exact: string[] = [];
  const relatedWanted: string[] = [];
  const relatedOffered: string[] = [];
  const missing: string[] = [];
  let total = 0;
  for (const w of want) {
    if (have.includes(w)) {
      exact.push(w);
      total += 1;
      continue;
    }
    const sibling = have.find((o) => processCredit(w, o) > 0);
    if (sibling) {
      relatedWanted.push(w);
      relatedOffered.push(sibling);
      total += PROCESS_FAMILY_CREDIT;
    } else missing.push(w);
  }
  const score = total / want.length;
  const code =
    exact.length === want.length ? 'process.exact' : score > 0 ? 'process.partial' : 'process.none';
  return {
    score: clamp01(score),
    applicable: true,
    evidence: { code, params: { exact, relatedWanted, relatedOffered, missing } },
  };
}

// The taxonomy is small and fixed: remember each code's ancestry instead of walking it per pair.
const ancestry = new Map<string, readonly string[]>();
const ancestorsOf = (code: string): readonly string[] => {
  let a = ancestry.get(code);
  if (!a) {
    a = sectorWithAncestors(code);
    if (ancestry.size < 10_000) ancestry.set(code, a);
  }
  return a;
};

/** Credit between a wanted and an offered ISIC code: same code or wanted section containing it 1, same section partial. */
export function sectorCredit(wanted: string, offered: string): number {
  if (wanted === offered) return 1;
  const w = ancestorsOf(wanted);
  const o = ancestorsOf(offered);
  if (!w.length || !o.length) return 0;
  if (w.length === 1 && o.includes(wanted)) return 1;
  return w[w.length - 1] === o[o.length - 1] ? SECTOR_SECTION_CREDIT : 0;
}

export function sectorScore(wanted: readonly string[], offered: readonly string[]): CriterionScore {
  const want = uniq(wanted);
  if (!want.length) return notApplicable('sector.unspecified');
  const have = uniq(offered);
  if (!have.length)
    return {
      score: NEUTRAL * SECTOR_SECTION_CREDIT,
      applicable: true,
      evidence: { code: 'sector.unknown', params: { wanted: want } },
    };
  const exact: string[] = [];
  const sameSection: string[] = [];
  const missing: string[] = [];
  let total = 0;
  for (const w of want) {
    let best = 0;
    for (const o of have) best = Math.max(best, sectorCredit(w, o));
    total += best;
    if (best === 1) exact.push(w);
    else if (best > 0) sameSection.push(w);
    else missing.push(w);
  }
  const score = total / want.length;
  const code = exact.length === want.length ? 'sector.exact' : score > 0 ? 'sector.partial' : 'sector.none';
  const sections = uniq(sameSection.map((s) => ancestorsOf(s).at(-1) ?? s));
  return {
    score: clamp01(score),
    applicable: true,
    evidence: { code, params: { exact, sameSection, sections, missing } },
  };
}

/**
 * A financier's target sectors are alternatives: it finances firms of any one of them, and a firm
 * works in one or two. The firm's best credit against any target counts (1 in a target sector or in
 * a targeted section, the section credit in a neighbouring sector of a targeted division's section),
 * not the share of the targets it covers, which would rank a firm of the right sector barely above
 * one of a neighbouring sector whenever several sectors are targeted.
 */
export function targetSectorScore(targets: readonly string[], offered: readonly string[]): CriterionScore {
  const want = uniq(targets);
  if (!want.length) return notApplicable('sector.unspecified');
  const have = uniq(offered);
  if (!have.length)
    return {
      score: NEUTRAL * SECTOR_SECTION_CREDIT,
      applicable: true,
      evidence: { code: 'sector.unknown', params: { wanted: want } },
    };
  let best = 0;
  for (const w of want) for (const o of have) best = Math.max(best, sectorCredit(w, o));
  const exact = want.filter((w) => have.some((o) => sectorCredit(w, o) === 1));
  if (best === 1)
    return {
      score: 1,
      applicable: true,
      evidence: { code: 'sector.exact', params: { exact, sameSection: [], sections: [], missing: [] } },
    };
  const sameSection = want.filter((w) => have.some((o) => sectorCredit(w, o) > 0));
  const sections = uniq(sameSection.map((s) => ancestorsOf(s).at(-1) ?? s));
  return {
    score: best,
    applicable: true,
    evidence: {
      code: best > 0 ? 'sector.partial' : 'sector.none',
      params: { exact: [], sameSection, sections, missing: best > 0 ? [] : want },
    },
  };
}

/**
 * Share of the wanted materials the candidate works with, whatever language either side wrote them in.
 * When it works none of them and every material it names is known and of another class (plastics for
 * an aluminium part), it is `materials.incompatible`: unfit for the request, and ranked down.
 */
export function materialsScore(wanted: readonly string[], offered: readonly string[]): CriterionScore {
  const want = uniq(wanted.map(canonicalMaterial)).filter(Boolean);
  if (!want.length) return notApplicable('materials.unspecified');
  const have = new Set(offered.map(canonicalMaterial));
  if (!have.size)
    return {
      score: NEUTRAL * 0.6,
      applicable: true,
      evidence: { code: 'materials.unknown', params: { wanted: want } },
    };
  const matched = want.filter((m) => have.has(m));
  const missing = want.filter((m) => !have.has(m));
  if (!matched.length) {
    const wantedClasses = want.map(materialClass);
    const offeredClasses = [...have].map(materialClass);
    const incompatible =
      wantedClasses.every((c) => c !== null) &&
      offeredClasses.every((c) => c !== null) &&
      !wantedClasses.some((c) => offeredClasses.includes(c));
    if (incompatible)
      return {
        score: 0,
        applicable: true,
        evidence: { code: 'materials.incompatible', params: { missing, offered: [...have] } },
      };
  }
  return {
    score: matched.length / want.length,
    applicable: true,
    evidence: { code: matched.length ? 'materials.match' : 'materials.none', params: { matched, missing } },
  };
}

const UNIT_ALIASES: Readonly<Record<string, { dimension: string; factor: number }>> = {
  t: { dimension: 'mass', factor: 1000 },
  tonne: { dimension: 'mass', factor: 1000 },
  tonnes: { dimension: 'mass', factor: 1000 },
  ton: { dimension: 'mass', factor: 1000 },
  tons: { dimension: 'mass', factor: 1000 },
  طن: { dimension: 'mass', factor: 1000 },
  kg: { dimension: 'mass', factor: 1 },
  kilogram: { dimension: 'mass', factor: 1 },
  kilograms: { dimension: 'mass', factor: 1 },
  كغ: { dimension: 'mass', factor: 1 },
  pieces: { dimension: 'count', factor: 1 },
  piece: { dimension: 'count', factor: 1 },
  pcs: { dimension: 'count', factor: 1 },
  units: { dimension: 'count', factor: 1 },
  unit: { dimension: 'count', factor: 1 },
  pièces: { dimension: 'count', factor: 1 },
  قطعة: { dimension: 'count', factor: 1 },
  l: { dimension: 'volume', factor: 1 },
  litres: { dimension: 'volume', factor: 1 },
  liters: { dimension: 'volume', factor: 1 },
  m3: { dimension: 'volume', factor: 1000 },
};

// Units are a handful of spellings read for every capability of every pair scored: remembered, bounded.
const unitKeys = new Map<string, string | null>();

/** `t/month`, `Tonnes`, `kg / mois` → the unit's alias key; null for no unit. */
const unitKey = (unit: string | null | undefined): string | null => {
  if (!unit) return null;
  let k = unitKeys.get(unit);
  if (k === undefined) {
    k = unit.toLowerCase().split(/[/ ]/)[0]?.trim() || null;
    if (unitKeys.size < 1000) unitKeys.set(unit, k);
  }
  return k;
};

/**
 * A quantity in another unit: mass to mass and volume to volume convert; equal units, or one side
 * without a unit, compare as they are; anything else (pieces against tonnes) has no conversion: null.
 */
export function convertQuantity(
  value: number,
  from: string | null | undefined,
  to: string | null | undefined,
): number | null {
  const a = unitKey(from);
  const b = unitKey(to);
  if (!a || !b || a === b) return value;
  const ua = UNIT_ALIASES[a];
  const ub = UNIT_ALIASES[b];
  if (!ua || !ub || ua.dimension !== ub.dimension) return null;
  return (value * ua.factor) / ub.factor;
}

/** Below this share of the monthly volume, a supplier cannot serve the order even split in several. */
export const FAR_SHORT_SHARE = 0.1;

/**
 * Forward capacity: can the supplier make the monthly volume? Partial credit for part of it; under a
 * tenth it is `capacity.far_short` (unfit, ranked down). A capacity stated only in a unit that does not
 * convert to the request's is `capacity.other_unit`: neutral, and said.
 */
export function capacityScore(
  volume: number | null,
  capacity: number | null,
  otherUnit: string | null = null,
): CriterionScore {
  if (volume == null || volume <= 0) return notApplicable('capacity.unspecified');
  if ((capacity == null || capacity <= 0) && otherUnit)
    return {
      score: NEUTRAL,
      applicable: true,
      evidence: { code: 'capacity.other_unit', params: { volume, unit: otherUnit } },
    };
  if (capacity == null || capacity <= 0)
    return { score: NEUTRAL, applicable: true, evidence: { code: 'capacity.unknown', params: { volume } } };
  const share = capacity / volume;
  if (share >= 1)
    return {
      score: 1,
      applicable: true,
      evidence: { code: 'capacity.enough', params: { volume, capacity } },
    };
  const params = { volume, capacity, percent: Math.round(share * 100) };
  return {
    score: clamp01(share),
    applicable: true,
    evidence: { code: share < FAR_SHORT_SHARE ? 'capacity.far_short' : 'capacity.short', params },
  };
}

/** Below this share of its monthly capacity, an order starts to be too small to interest the supplier. */
export const SMALL_ORDER_SHARE = 0.1;

/**
 * Reverse size fit: is the order worth the supplier's while? An order of a tenth of its capacity or more
 * fits; smaller ones lose credit on a log scale, down to 0.1 for a thousandth. An order above the
 * whole monthly capacity is surely worth it, but it is not a point in the supplier's favour: its
 * evidence (`size.exceeds`) is left for the capacity criterion to argue (`capacity.short`).
 */
export function sizeFitScore(volume: number | null, capacity: number | null): CriterionScore {
  if (volume == null || volume <= 0) return notApplicable('size.unspecified');
  if (capacity == null || capacity <= 0)
    return { score: NEUTRAL, applicable: true, evidence: { code: 'size.unknown', params: { volume } } };
  const share = volume / capacity;
  const percent = round(share * 100, 1);
  if (share > 1)
    return {
      score: 1,
      applicable: true,
      evidence: { code: 'size.exceeds', params: { volume, capacity, percent } },
    };
  if (share >= SMALL_ORDER_SHARE)
    return {
      score: 1,
      applicable: true,
      evidence: { code: 'size.fit', params: { volume, capacity, percent } },
    };
  const score = Math.max(0.1, 1 + 0.45 * Math.log10(share / SMALL_ORDER_SHARE));
  return {
    score: clamp01(score),
    applicable: true,
    evidence: { code: 'size.small', params: { volume, capacity, percent } },
  };
}

/**
 * Reverse focus: does the request fall in the supplier's core business? Half from the processes (its first
 * capability counts as its core), half from the sectors it serves.
 */
export function focusScore(
  requestProcesses: readonly ProcessCode[],
  requestSectors: readonly string[],
  supplierProcesses: readonly ProcessCode[],
  supplierSectors: readonly string[],
): CriterionScore {
  const offered = uniq(supplierProcesses);
  if (!requestProcesses.length && !requestSectors.length) return notApplicable('focus.unspecified');
  let processPart = NEUTRAL;
  let used: string[] = [];
  if (requestProcesses.length && offered.length) {
    const credits = offered.map((o) => Math.max(0, ...requestProcesses.map((w) => processCredit(w, o))));
    used = offered.filter((_, i) => credits[i] > 0);
    const share = credits.reduce((a, b) => a + b, 0) / offered.length;
    const core = credits[0] === 1;
    processPart = core ? 1 : 0.3 + 0.7 * share;
  }
  let sectorPart = NEUTRAL;
  if (requestSectors.length && supplierSectors.length) {
    // From the supplier's side: is the buyer's sector one it already serves?
    let best = 0;
    for (const r of requestSectors)
      for (const s of supplierSectors) best = Math.max(best, sectorCredit(s, r), sectorCredit(r, s));
    sectorPart = best;
  }
  const score = clamp01((processPart + sectorPart) / 2);
  return {
    score,
    applicable: true,
    evidence: {
      code: score >= 0.75 ? 'focus.core' : 'focus.side',
      params: { processes: used, core: offered[0] ?? null, sectorFit: round(sectorPart) },
    },
  };
}

export interface Place {
  country: string;
  regionCode?: string | null;
}

/** Credit by distance band; configurable through the combination's options. */
export const DISTANCE_CREDIT = {
  sameRegion: 1,
  sameCountry: 0.75,
  arabRegion: 0.45,
  elsewhere: 0.15,
} as const;

export const isArabLeague = (code: string): boolean => countryEntry(code)?.arabLeague ?? false;

/** Credit per distance band; callers other than subcontracting may weigh the bands differently. */
export type DistanceCredit = Readonly<Record<keyof typeof DISTANCE_CREDIT, number>>;

/**
 * Credit for the distance between a requester (`from`) and a candidate (`to`). The evidence names the
 * candidate's country and, when the countries differ, the requester's (`from`), so a reason shown to
 * the candidate can name the other side.
 */
export function distanceScore(
  from: Place,
  to: Place,
  credit: DistanceCredit = DISTANCE_CREDIT,
): CriterionScore {
  if (from.country === to.country) {
    if (from.regionCode && to.regionCode && from.regionCode === to.regionCode)
      return {
        score: credit.sameRegion,
        applicable: true,
        evidence: { code: 'distance.same_region', params: { region: to.regionCode } },
      };
    return {
      score: credit.sameCountry,
      applicable: true,
      evidence: { code: 'distance.same_country', params: { country: to.country } },
    };
  }
  if (isArabLeague(from.country) && isArabLeague(to.country))
    return {
      score: credit.arabRegion,
      applicable: true,
      evidence: { code: 'distance.arab_region', params: { country: to.country, from: from.country } },
    };
  return {
    score: credit.elsewhere,
    applicable: true,
    evidence: { code: 'distance.far', params: { country: to.country, from: from.country } },
  };
}

/** One shared working language is what a meeting needs; more shared languages add a little. */
export function languagesScore(wanted: readonly string[], spoken: readonly string[]): CriterionScore {
  const want = uniq(wanted);
  if (!want.length) return notApplicable('language.unspecified');
  if (!spoken.length)
    return { score: NEUTRAL, applicable: true, evidence: { code: 'language.unknown', params: {} } };
  const shared = want.filter((l) => spoken.includes(l));
  if (!shared.length)
    return { score: 0, applicable: true, evidence: { code: 'language.none', params: { wanted: want } } };
  return {
    score: clamp01(0.7 + (0.3 * shared.length) / want.length),
    applicable: true,
    evidence: { code: 'language.shared', params: { languages: shared } },
  };
}

/**
 * Share of the certifications the asker names (required or preferred) that the candidate holds, itself
 * or through a larger scheme that includes it (`through` names the scheme).
 */
export function certificationsScore(wanted: readonly string[], held: readonly string[]): CriterionScore {
  const want = uniq(wanted);
  if (!want.length) return notApplicable('certification.unspecified');
  const have: string[] = [];
  const missing: string[] = [];
  const through: string[] = [];
  for (const c of want) {
    const by = coveringCertification(held, c);
    if (by === null) missing.push(c);
    else {
      have.push(c);
      if (by !== c && !through.includes(by)) through.push(by);
    }
  }
  const code = !missing.length
    ? 'certification.held'
    : have.length
      ? 'certification.partial'
      : 'certification.none';
  return {
    score: have.length / want.length,
    applicable: true,
    evidence: { code, params: { held: have, missing, through } },
  };
}

/** Organisations that must have judged a candidate not relevant before it is lowered for everyone. */
export const SHARED_REFUSALS = 2;

/**
 * Past feedback of other organisations on the candidate, as a smoothed acceptance rate (Laplace prior
 * of one accept and one refusal), so a single verdict moves the score only a little and no history
 * sits at the neutral 0.5. Verdicts are each organisation's own: the requester's dismissals and "not
 * relevant" remove the candidate from its own lists only (the stores leave them out), a dismissal
 * ("not now") never counts for anyone else, and "not relevant" counts for everyone only once at
 * least SHARED_REFUSALS organisations said so. One firm's verdict never lowers a supplier for all.
 */
export function feedbackScore(feedback: FeedbackInput | null | undefined): CriterionScore {
  const accepted = feedback?.accepted ?? 0;
  const notRelevant = feedback?.notRelevant ?? 0;
  const refused = notRelevant >= SHARED_REFUSALS ? notRelevant : 0;
  if (accepted + refused === 0)
    return { score: NEUTRAL, applicable: true, evidence: { code: 'feedback.none', params: {} } };
  const score = (accepted + 1) / (accepted + refused + 2);
  return {
    score,
    applicable: true,
    evidence: {
      code: score >= NEUTRAL ? 'feedback.positive' : 'feedback.negative',
      params: { accepted, dismissed: 0, notRelevant: refused },
    },
  };
}

/** Stage wanted by a financier: the same stage 1, a neighbouring one partial. */
export function stageScore(
  wanted: readonly CompanyStage[],
  stage: CompanyStage | null | undefined,
): CriterionScore {
  if (!wanted.length) return notApplicable('stage.unspecified');
  if (!stage)
    return {
      score: NEUTRAL,
      applicable: true,
      evidence: { code: 'stage.unknown', params: { wanted: [...wanted] } },
    };
  if (wanted.includes(stage))
    return { score: 1, applicable: true, evidence: { code: 'stage.match', params: { stage } } };
  const order: CompanyStage[] = ['IDEA', 'STARTUP', 'GROWTH', 'MATURE'];
  const i = order.indexOf(stage);
  const near = i >= 0 && wanted.some((w) => Math.abs(order.indexOf(w) - i) === 1 && order.includes(w));
  return {
    score: near ? 0.4 : 0,
    applicable: true,
    evidence: { code: 'stage.mismatch', params: { stage, wanted: [...wanted] } },
  };
}

/**
 * Stages a firm of this age is plausibly at: a firm of a year or less is an idea or a start-up, one of
 * two or three years a start-up or growing, an older one growing or mature (age alone cannot tell
 * those two apart).
 */
export function stagesForAge(age: number): CompanyStage[] {
  if (age <= 1) return ['IDEA', 'STARTUP'];
  if (age <= 3) return ['STARTUP', 'GROWTH'];
  return ['GROWTH', 'MATURE'];
}

/**
 * The stage a financier backs, for an SME that may not state its own: the stated stage as
 * `stageScore`; else, with a founding year, the stages its age makes plausible (a plausible stage
 * sought 0.75, below a stated one; a neighbouring one 0.3; else 0.1); else neutral.
 */
export function financingStageScore(
  wanted: readonly CompanyStage[],
  sme: { stage?: CompanyStage | null; foundedYear?: number | null },
  asOfYear: number,
): CriterionScore {
  if (!wanted.length || sme.stage || sme.foundedYear == null) return stageScore(wanted, sme.stage);
  const age = Math.max(0, asOfYear - sme.foundedYear);
  const plausible = stagesForAge(age);
  const sought = plausible.filter((s) => wanted.includes(s));
  if (sought.length)
    return {
      score: 0.75,
      applicable: true,
      evidence: { code: 'stage.likely', params: { age, stages: sought } },
    };
  const order: CompanyStage[] = ['IDEA', 'STARTUP', 'GROWTH', 'MATURE'];
  const near = plausible.some((p) => wanted.some((w) => Math.abs(order.indexOf(w) - order.indexOf(p)) === 1));
  return {
    score: near ? 0.3 : 0.1,
    applicable: true,
    evidence: { code: 'stage.unlikely', params: { age, wanted: [...wanted] } },
  };
}

/** Indicative EUR value of one unit, only to compare tickets stated in different currencies. */
export const EUR_PER_UNIT: Readonly<Record<string, number>> = {
  EUR: 1,
  USD: 0.92,
  DZD: 0.0068,
  SAR: 0.245,
  AED: 0.25,
  QAR: 0.25,
  KWD: 3,
  BHD: 2.44,
  OMR: 2.39,
  EGP: 0.019,
  MAD: 0.092,
  TND: 0.295,
  LYD: 0.19,
  JOD: 1.3,
};

export function toEur(amount: number, currency: string | null | undefined): number | null {
  const rate = currency ? EUR_PER_UNIT[currency] : undefined;
  return rate == null ? null : amount * rate;
}

/** The SME's need against the financier's ticket range; outside it the score falls with the log distance. */
export function ticketScore(
  need: { amount: number | null; currency: string | null } | null | undefined,
  range: { ticketMin: number | null; ticketMax: number | null; currency: string | null },
): CriterionScore {
  if (range.ticketMin == null && range.ticketMax == null) return notApplicable('ticket.unspecified');
  if (!need || need.amount == null || need.amount <= 0)
    return { score: NEUTRAL, applicable: true, evidence: { code: 'ticket.unknown', params: {} } };
  let amount: number | null = need.amount;
  if (need.currency !== range.currency) {
    const eur = toEur(need.amount, need.currency);
    const perUnit = range.currency ? EUR_PER_UNIT[range.currency] : undefined;
    amount = eur == null || !perUnit ? null : eur / perUnit;
  }
  if (amount == null)
    return { score: NEUTRAL, applicable: true, evidence: { code: 'ticket.unknown', params: {} } };
  const params = {
    amount: Math.round(amount),
    currency: range.currency,
    min: range.ticketMin,
    max: range.ticketMax,
  };
  if (range.ticketMin != null && amount < range.ticketMin)
    return {
      score: clamp01(1 - Math.log10(range.ticketMin / amount)),
      applicable: true,
      evidence: { code: 'ticket.below', params },
    };
  if (range.ticketMax != null && amount > range.ticketMax)
    return {
      score: clamp01(1 - Math.log10(amount / range.ticketMax)),
      applicable: true,
      evidence: { code: 'ticket.above', params },
    };
  return { score: 1, applicable: true, evidence: { code: 'ticket.in_range', params } };
}

/** Instruments the SME seeks that the financier offers (e.g. murabaha for a company that wants Islamic finance). */
export function instrumentScore(sought: readonly string[], offered: readonly string[]): CriterionScore {
  if (!sought.length && !offered.length) return notApplicable('instrument.unspecified');
  // One side silent: neutral, like a need or stage not stated. Dropping the criterion instead would
  // judge a firm that names no instrument on its ticket alone, above firms whose instrument is offered.
  if (!sought.length || !offered.length)
    return { score: NEUTRAL, applicable: true, evidence: { code: 'instrument.unknown', params: {} } };
  const shared = uniq(sought).filter((i) => offered.includes(i));
  return shared.length
    ? { score: 1, applicable: true, evidence: { code: 'instrument.match', params: { instruments: shared } } }
    : { score: 0, applicable: true, evidence: { code: 'instrument.none', params: { sought: uniq(sought) } } };
}

/** R&D and intellectual property, for financiers that ask for innovation. */
export function innovationScore(
  wanted: { wanted: boolean; minPatents?: number } | null,
  innovation: InnovationInput | null | undefined,
): CriterionScore {
  if (!wanted?.wanted) return notApplicable('innovation.unspecified');
  const ip =
    (innovation?.patents ?? 0) + (innovation?.utilityModels ?? 0) + (innovation?.industrialDesigns ?? 0);
  const rd = innovation?.rdActivity ?? false;
  const minPatents = wanted.minPatents ?? 1;
  // Without a patent threshold, any registered IP shows the innovation; a firm with neither R&D nor IP
  // shows none (it is not credited for the threshold it did not have to meet).
  const ipPart =
    minPatents > 0
      ? Math.min(1, (innovation?.patents ?? 0) / minPatents) * 0.6 + Math.min(1, ip / (minPatents + 1)) * 0.1
      : ip > 0
        ? 0.7
        : rd
          ? 0.5
          : 0;
  const score = clamp01((rd ? 0.3 : 0) + ipPart);
  return {
    score,
    applicable: true,
    evidence: {
      code: score >= 0.6 ? 'innovation.strong' : score > 0 ? 'innovation.some' : 'innovation.none',
      params: {
        rdActivity: rd,
        patents: innovation?.patents ?? 0,
        utilityModels: innovation?.utilityModels ?? 0,
        industrialDesigns: innovation?.industrialDesigns ?? 0,
      },
    },
  };
}

export const bandIndex = (band: EmployeeBand | null | undefined): number =>
  band ? EMPLOYEE_BANDS.indexOf(band) : -1;

/*
 * Score-only variants, for rankings that build the criteria (the reasons) only of the results they
 * keep: each gives the number the function of the same stem gives (its `score` when applicable, null
 * when the criterion does not apply) with the same operations in the same order, so the same
 * floating-point result, and builds no evidence, list or set.
 */

/** Whether `xs[i]` occurs earlier in `xs`: `uniq` without building the list. */
function seenBefore<T>(xs: readonly T[], i: number): boolean {
  const x = xs[i];
  for (let j = 0; j < i; j++) if (xs[j] === x) return true;
  return false;
}

/** `processScore(…).score`, or null when not applicable. */
export function processValue(wanted: readonly ProcessCode[], offered: readonly ProcessCode[]): number | null {
  let n = 0;
  let total = 0;
  for (let i = 0; i < wanted.length; i++) {
    if (seenBefore(wanted, i)) continue;
    n++;
    const w = wanted[i];
    if (offered.includes(w)) total += 1;
    else if (offered.some((o) => processCredit(w, o) > 0)) total += PROCESS_FAMILY_CREDIT;
  }
  return n ? clamp01(total / n) : null;
}

/** `sectorScore(…).score`, or null when not applicable. */
export function sectorValue(wanted: readonly string[], offered: readonly string[]): number | null {
  let n = 0;
  let total = 0;
  for (let i = 0; i < wanted.length; i++) {
    if (seenBefore(wanted, i)) continue;
    n++;
    let best = 0;
    for (const o of offered) best = Math.max(best, sectorCredit(wanted[i], o));
    total += best;
  }
  if (!n) return null;
  if (!offered.length) return NEUTRAL * SECTOR_SECTION_CREDIT;
  return clamp01(total / n);
}

/** Whether the i-th wanted tag folds onto a material an earlier wanted tag (or none) already names. */
function materialSeen(wanted: readonly string[], i: number, code: string): boolean {
  if (!code) return true;
  for (let j = 0; j < i; j++) if (canonicalMaterial(wanted[j]) === code) return true;
  return false;
}

/**
 * `materialsScore(…).score`, or null when not applicable. A 0 may be `materials.incompatible`
 * (`materialsIncompatible` tells) as well as `materials.none`.
 */
export function materialsValue(wanted: readonly string[], offered: readonly string[]): number | null {
  let n = 0;
  let matched = 0;
  for (let i = 0; i < wanted.length; i++) {
    const code = canonicalMaterial(wanted[i]);
    if (materialSeen(wanted, i, code)) continue;
    n++;
    for (const o of offered)
      if (canonicalMaterial(o) === code) {
        matched++;
        break;
      }
  }
  if (!n) return null;
  if (!offered.length) return NEUTRAL * 0.6;
  return matched / n;
}

/** Whether `materialsScore` says `materials.incompatible`: unfit for the request. */
export function materialsIncompatible(wanted: readonly string[], offered: readonly string[]): boolean {
  const want = uniq(wanted.map(canonicalMaterial)).filter(Boolean);
  const have = [...new Set(offered.map(canonicalMaterial))];
  if (!want.length || !have.length || want.some((m) => have.includes(m))) return false;
  const wantedClasses = want.map(materialClass);
  const offeredClasses = have.map(materialClass);
  return (
    wantedClasses.every((c) => c !== null) &&
    offeredClasses.every((c) => c !== null) &&
    !wantedClasses.some((c) => offeredClasses.includes(c))
  );
}

/** `capacityScore(…).score`, or null when not applicable (a capacity in another unit scores neutral either way). */
export function capacityValue(volume: number | null, capacity: number | null): number | null {
  if (volume == null || volume <= 0) return null;
  if (capacity == null || capacity <= 0) return NEUTRAL;
  const share = capacity / volume;
  return share >= 1 ? 1 : clamp01(share);
}

/** Whether `capacityScore` says `capacity.far_short`: unfit for the request. */
export const isFarShort = (volume: number | null, capacity: number | null): boolean =>
  volume != null && volume > 0 && capacity != null && capacity > 0 && capacity / volume < FAR_SHORT_SHARE;

/** `sizeFitScore(…).score`, or null when not applicable. */
export function sizeFitValue(volume: number | null, capacity: number | null): number | null {
  if (volume == null || volume <= 0) return null;
  if (capacity == null || capacity <= 0) return NEUTRAL;
  const share = volume / capacity;
  if (share >= SMALL_ORDER_SHARE) return 1;
  return clamp01(Math.max(0.1, 1 + 0.45 * Math.log10(share / SMALL_ORDER_SHARE)));
}

/** `focusScore(…).score`, or null when not applicable. */
export function focusValue(
  requestProcesses: readonly ProcessCode[],
  requestSectors: readonly string[],
  supplierProcesses: readonly ProcessCode[],
  supplierSectors: readonly string[],
): number | null {
  if (!requestProcesses.length && !requestSectors.length) return null;
  let processPart = NEUTRAL;
  if (requestProcesses.length && supplierProcesses.length) {
    let sum = 0;
    let count = 0;
    let core = false;
    for (let i = 0; i < supplierProcesses.length; i++) {
      if (seenBefore(supplierProcesses, i)) continue;
      let credit = 0;
      for (const w of requestProcesses) credit = Math.max(credit, processCredit(w, supplierProcesses[i]));
      if (count === 0) core = credit === 1;
      sum += credit;
      count++;
    }
    processPart = core ? 1 : 0.3 + 0.7 * (sum / count);
  }
  let sectorPart = NEUTRAL;
  if (requestSectors.length && supplierSectors.length) {
    let best = 0;
    for (const r of requestSectors)
      for (const s of supplierSectors) best = Math.max(best, sectorCredit(s, r), sectorCredit(r, s));
    sectorPart = best;
  }
  return clamp01((processPart + sectorPart) / 2);
}

/** `distanceScore(…).score`. */
export function distanceValue(from: Place, to: Place, credit: DistanceCredit = DISTANCE_CREDIT): number {
  if (from.country === to.country)
    return from.regionCode && to.regionCode && from.regionCode === to.regionCode
      ? credit.sameRegion
      : credit.sameCountry;
  return isArabLeague(from.country) && isArabLeague(to.country) ? credit.arabRegion : credit.elsewhere;
}

/** `languagesScore(…).score`, or null when not applicable. */
export function languagesValue(wanted: readonly string[], spoken: readonly string[]): number | null {
  let n = 0;
  let shared = 0;
  for (let i = 0; i < wanted.length; i++) {
    if (seenBefore(wanted, i)) continue;
    n++;
    if (spoken.includes(wanted[i])) shared++;
  }
  if (!n) return null;
  if (!spoken.length) return NEUTRAL;
  if (!shared) return 0;
  return clamp01(0.7 + (0.3 * shared) / n);
}

/** `certificationsScore(…).score`, or null when not applicable. */
export function certificationsValue(wanted: readonly string[], held: readonly string[]): number | null {
  let n = 0;
  let have = 0;
  for (let i = 0; i < wanted.length; i++) {
    if (seenBefore(wanted, i)) continue;
    n++;
    if (coveringCertification(held, wanted[i]) !== null) have++;
  }
  return n ? have / n : null;
}

/** `feedbackScore(…).score` (the criterion always applies). */
export function feedbackValue(feedback: FeedbackInput | null | undefined): number {
  const accepted = feedback?.accepted ?? 0;
  const notRelevant = feedback?.notRelevant ?? 0;
  const refused = notRelevant >= SHARED_REFUSALS ? notRelevant : 0;
  if (accepted + refused === 0) return NEUTRAL;
  return (accepted + 1) / (accepted + refused + 2);
}
