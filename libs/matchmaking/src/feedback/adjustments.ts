import { sectorWithAncestors } from '#directory/taxonomy';
import type { Evidence, OrgProfile } from '../engine/types.js';

/**
 * How an organisation's past verdicts shift its future ranking. Two simple, bounded rules:
 *
 * 1. "Not relevant because X": each such verdict multiplies the weight of the criteria behind X by
 *    1.25 for that organisation, up to twice the default. Someone who says "too far" twice gets
 *    distance weighed 1.56 times as much.
 * 2. Similar counterparts: a counterpart is "similar" to a judged one when it shares its main ISIC
 *    division and its country. Each refusal (dismissed or not relevant) of a similar counterpart
 *    multiplies the score by 0.85 (never below 0.5 overall); each acceptance by 1.05 (at most 1.2),
 *    the result capped at 1.
 *
 * A dismissed or not-relevant pair itself is never suggested again (filtered before scoring).
 */

export const VERDICTS = ['ACCEPTED', 'DISMISSED', 'NOT_RELEVANT'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const NOT_RELEVANT_REASONS = [
  'DISTANCE',
  'SECTOR',
  'PROCESS',
  'CAPACITY',
  'SIZE',
  'CERTIFICATION',
  'LANGUAGE',
  'FINANCING_TERMS',
  'OTHER',
] as const;
export type NotRelevantReason = (typeof NOT_RELEVANT_REASONS)[number];

/** Engine criteria each reason speaks about (subcontracting and financing criteria share names). */
export const REASON_CRITERIA: Readonly<Record<NotRelevantReason, readonly string[]>> = {
  DISTANCE: ['distance'],
  SECTOR: ['sector', 'focus'],
  PROCESS: ['process'],
  CAPACITY: ['capacity'],
  SIZE: ['size'],
  CERTIFICATION: ['certifications'],
  LANGUAGE: ['languages'],
  FINANCING_TERMS: ['ticket', 'instrument', 'stage'],
  OTHER: [],
};

export const REASON_STEP = 1.25;
export const REASON_CAP = 2;
export const REFUSAL_FACTOR = 0.85;
export const REFUSAL_FLOOR = 0.5;
export const ACCEPT_FACTOR = 1.05;
export const ACCEPT_CEILING = 1.2;

export interface PastVerdict {
  verdict: Verdict;
  reason: NotRelevantReason | null;
  /** `similarityKey` of the judged counterpart when it was judged. */
  similarity: string | null;
}

/** Multipliers for the default weights of the given criteria, from "not relevant" reasons. */
export function weightMultipliers(verdicts: readonly PastVerdict[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const v of verdicts)
    if (v.verdict === 'NOT_RELEVANT' && v.reason)
      for (const c of REASON_CRITERIA[v.reason]) counts.set(c, (counts.get(c) ?? 0) + 1);
  const out: Record<string, number> = {};
  for (const [c, n] of counts) out[c] = Math.min(REASON_CAP, REASON_STEP ** n);
  return out;
}

/** Scales default weights by the multipliers; criteria without one keep their default. */
export function adjustedWeights<W extends Record<string, number>>(
  defaults: Readonly<W>,
  multipliers: Record<string, number>,
): W {
  const out: Record<string, number> = {};
  for (const k of Object.keys(defaults)) out[k] = defaults[k] * (multipliers[k] ?? 1);
  return out as W;
}

/** Main ISIC division and country: what makes two counterparts "similar" for feedback. */
export function similarityKey(o: Pick<OrgProfile, 'sectors' | 'country'>): string | null {
  const division = o.sectors.find((s) => sectorWithAncestors(s).length === 2) ?? o.sectors[0];
  return division ? `${division}|${o.country}` : null;
}

export interface SimilarityCounts {
  refused: Map<string, number>;
  accepted: Map<string, number>;
}

export function similarityCounts(verdicts: readonly PastVerdict[]): SimilarityCounts {
  const refused = new Map<string, number>();
  const accepted = new Map<string, number>();
  for (const v of verdicts) {
    if (!v.similarity) continue;
    const m = v.verdict === 'ACCEPTED' ? accepted : refused;
    m.set(v.similarity, (m.get(v.similarity) ?? 0) + 1);
  }
  return { refused, accepted };
}

/** The score factor for a candidate, with the evidence to show when it is not 1. */
export function similarityFactor(
  key: string | null,
  counts: SimilarityCounts,
): { factor: number; evidence: Evidence | null } {
  if (!key) return { factor: 1, evidence: null };
  const refused = counts.refused.get(key) ?? 0;
  const accepted = counts.accepted.get(key) ?? 0;
  if (!refused && !accepted) return { factor: 1, evidence: null };
  const factor =
    Math.max(REFUSAL_FLOOR, REFUSAL_FACTOR ** refused) * Math.min(ACCEPT_CEILING, ACCEPT_FACTOR ** accepted);
  return {
    factor,
    evidence: {
      code: 'feedback.similar',
      params: { refused, accepted, factor: Math.round(factor * 100) / 100 },
    },
  };
}
