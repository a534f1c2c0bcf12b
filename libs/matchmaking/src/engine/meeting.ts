import { MEETING_GOALS, type MeetingGoal } from '#directory/taxonomy';
import { compareResults, isRejection, reciprocal, scoreFinancing, scoreSubcontracting } from './combine.js';
import { compareStrings } from './random.js';
import { languagesScore, sectorCredit } from './scoring.js';
import { buysFrom, suppliesTo } from './value-chain.js';
import type {
  CriterionResult,
  CriterionScore,
  Evidence,
  FinancierCriteria,
  MatchResult,
  OrgProfile,
  RankOutput,
  Rejection,
  SubcontractingRequest,
} from './types.js';

/**
 * Meeting suggestions between delegates of a forum edition. Each delegate states goals; a counterpart
 * is judged by how well its organisation serves them, reusing the subcontracting and financing
 * scores where the two organisations have a request or financing terms to compare, and the value
 * chain otherwise. Reciprocal like the other kinds: a meeting ranks high only when it serves both
 * delegates' goals.
 */

export { MEETING_GOALS, type MeetingGoal };

export interface MeetingParty {
  delegateId: string;
  organization: OrgProfile;
  /** As the delegate stated them; empty means the usual goals of its kind of organisation. */
  goals: readonly MeetingGoal[];
  /** The delegate's languages; empty falls back to the organisation's. */
  languages: readonly string[];
  /** Open subcontracting requests of the delegate's organisation. */
  requests: readonly SubcontractingRequest[];
  /** A financier's screening terms, for financing goals. */
  financierCriteria?: FinancierCriteria | null;
}

export interface MeetingOptions {
  /** Why two delegates may not meet (group rules, an existing request), or null when they may. */
  forbidden?: (me: MeetingParty, other: MeetingParty) => string | null;
  weights?: Partial<MeetingWeights>;
  /** Past collaboration between the two organisations, as the asking one sees it; not applicable without. */
  network?: (mine: string, theirs: string, editionId?: string) => CriterionScore;
  asOfYear?: number;
  minScore?: number;
  limit?: number;
}

export const DEFAULT_MEETING_WEIGHTS = { goals: 3, languages: 1, collaboration: 1, counterpartGoals: 3 };
export type MeetingWeights = typeof DEFAULT_MEETING_WEIGHTS;

/** Goals assumed for a delegate that stated none, by kind of organisation. */
export const DEFAULT_GOALS: Readonly<Record<string, readonly MeetingGoal[]>> = {
  SME: ['FIND_CLIENTS', 'FIND_FINANCING', 'JOIN_CLUSTER'],
  LARGE_FIRM: ['FIND_SUBCONTRACTORS'],
  FINANCIER: ['FIND_CLIENTS'],
  SUPPORT_INSTITUTION: ['FIND_CLIENTS'],
};

export const goalsOf = (p: MeetingParty): readonly MeetingGoal[] =>
  p.goals.length ? p.goals : (DEFAULT_GOALS[p.organization.kind] ?? []);

interface GoalFit {
  score: number;
  evidence: Evidence;
}

const divisions = (o: OrgProfile) => o.sectors.filter((s) => /^\d{2}$/.test(s));
const round = (x: number) => Math.round(x * 1000) / 1000;

/** Strongest value-chain link where `from` supplies `to`, with the divisions that carry it. */
function chainLink(from: OrgProfile, to: OrgProfile): { strength: number; from: string[]; to: string[] } {
  let strength = 0;
  const f = new Set<string>();
  const t = new Set<string>();
  for (const a of divisions(from))
    for (const b of divisions(to)) {
      const s = Math.max(suppliesTo(a).get(b) ?? 0, buysFrom(b).get(a) ?? 0);
      if (s > strength) {
        strength = s;
        f.clear();
        t.clear();
      }
      if (s > 0 && s === strength) {
        f.add(a);
        t.add(b);
      }
    }
  return { strength, from: [...f], to: [...t] };
}

/** Best credit between two sector lists, and the wanted codes that earned it. */
function sectorFit(
  wanted: readonly string[],
  offered: readonly string[],
): { score: number; sectors: string[] } {
  let best = 0;
  const hits: string[] = [];
  for (const w of wanted)
    for (const o of offered) {
      const c = sectorCredit(w, o);
      if (c > best) {
        best = c;
        hits.length = 0;
      }
      if (c > 0 && c === best && !hits.includes(w)) hits.push(w);
    }
  return { score: best, sectors: hits };
}

const fit = (goal: MeetingGoal, via: string, score: number, params: Evidence['params'] = {}): GoalFit => ({
  score: Math.max(0, Math.min(1, score)),
  evidence: { code: 'meeting.goal', params: { goal, via, score: round(score), ...params } },
});

/** How well `other` serves one goal of `seeker`. */
function goalFit(goal: MeetingGoal, seeker: MeetingParty, other: MeetingParty, asOfYear: number): GoalFit {
  const me = seeker.organization;
  const them = other.organization;
  const none = fit(goal, 'none', 0);
  switch (goal) {
    case 'FIND_SUBCONTRACTORS': {
      if (them.kind !== 'SME') return none;
      let best: GoalFit | null = null;
      for (const r of seeker.requests) {
        const s = scoreSubcontracting(r, them);
        if (!isRejection(s) && (!best || s.score > best.score))
          best = fit(goal, 'request', s.score, { request: r.id });
      }
      if (best) return best;
      if (seeker.requests.length) return none;
      const link = chainLink(them, me);
      if (link.strength) return fit(goal, 'value_chain', 0.8 * link.strength, { sectors: link.from });
      const same = sectorFit(me.sectors, them.sectors);
      return same.score ? fit(goal, 'sector', 0.4 * same.score, { sectors: same.sectors }) : none;
    }
    case 'FIND_CLIENTS': {
      if (seeker.financierCriteria) {
        if (them.kind !== 'SME') return none;
        const s = scoreFinancing(seeker.financierCriteria, them, { asOfYear });
        return isRejection(s) ? none : fit(goal, 'financing', s.score);
      }
      if (me.kind === 'SUPPORT_INSTITUTION') {
        if (them.kind !== 'SME') return none;
        const s = sectorFit([...(me.programmeSectors ?? []), ...me.sectors], them.sectors);
        return s.score ? fit(goal, 'programme', 0.8 * s.score, { sectors: s.sectors }) : none;
      }
      let best: GoalFit | null = null;
      for (const r of other.requests) {
        const s = scoreSubcontracting(r, me);
        if (!isRejection(s) && (!best || s.score > best.score))
          best = fit(goal, 'request', s.score, { request: r.id });
      }
      if (best) return best;
      const link = chainLink(me, them);
      return link.strength ? fit(goal, 'value_chain', 0.8 * link.strength, { sectors: link.to }) : none;
    }
    case 'FIND_FINANCING': {
      if (!other.financierCriteria || me.kind !== 'SME') return none;
      const s = scoreFinancing(other.financierCriteria, me, { asOfYear });
      return isRejection(s) ? none : fit(goal, 'financing', s.score);
    }
    case 'FIND_TECHNOLOGY': {
      if (them.kind === 'SUPPORT_INSTITUTION') {
        const s = sectorFit(me.sectors, [...(them.programmeSectors ?? []), ...them.sectors]);
        return s.score ? fit(goal, 'programme', s.score, { sectors: s.sectors }) : none;
      }
      const inn = them.innovation;
      if (inn && (inn.rdActivity || inn.patents > 0)) {
        const s = sectorFit(me.sectors, them.sectors);
        return s.score ? fit(goal, 'innovation', 0.8 * s.score, { sectors: s.sectors }) : none;
      }
      return none;
    }
    case 'JOIN_CLUSTER': {
      if (them.kind === 'SUPPORT_INSTITUTION') {
        const s = sectorFit(me.sectors, [...(them.programmeSectors ?? []), ...them.sectors]);
        return s.score ? fit(goal, 'programme', 0.7 * s.score, { sectors: s.sectors }) : none;
      }
      if (them.kind !== 'SME') return none;
      const place =
        me.regionCode && me.regionCode === them.regionCode ? 1 : me.country === them.country ? 0.8 : 0.5;
      const up = chainLink(them, me);
      const down = chainLink(me, them);
      const link = up.strength >= down.strength ? up : down;
      if (link.strength)
        return fit(goal, 'value_chain', place * link.strength, {
          sectors: [...new Set([...link.from, ...link.to])],
        });
      const same = sectorFit(me.sectors, them.sectors);
      return same.score ? fit(goal, 'sector', 0.4 * place * same.score, { sectors: same.sectors }) : none;
    }
  }
}

/** The best of the seeker's goals that `other` serves; not applicable when the seeker has no goal. */
export function goalsScore(
  seeker: MeetingParty,
  other: MeetingParty,
  whose: 'yours' | 'theirs',
  asOfYear: number,
): CriterionScore {
  const goals = goalsOf(seeker);
  if (!goals.length)
    return { score: 0, applicable: false, evidence: { code: 'meeting.goals_unspecified', params: {} } };
  let best: GoalFit | null = null;
  for (const g of goals) {
    const f = goalFit(g, seeker, other, asOfYear);
    if (!best || f.score > best.score) best = f;
  }
  return {
    score: best!.score,
    applicable: true,
    evidence: { code: best!.evidence.code, params: { ...best!.evidence.params, whose } },
  };
}

const languagesOf = (p: MeetingParty) => (p.languages.length ? p.languages : p.organization.languages);

/** One delegate against another: the rejection when they may not meet, else the scored result. */
export function scoreMeeting(
  me: MeetingParty,
  other: MeetingParty,
  options: MeetingOptions = {},
): MatchResult | Rejection {
  const failed: Evidence[] = [];
  if (other.organization.id === me.organization.id) failed.push({ code: 'hard.self', params: {} });
  const why = options.forbidden?.(me, other) ?? null;
  if (why) failed.push({ code: 'hard.meeting_rule', params: { reason: why } });
  if (failed.length) return { candidateId: other.delegateId, failed };
  const w = { ...DEFAULT_MEETING_WEIGHTS, ...options.weights };
  const asOfYear = options.asOfYear ?? new Date().getUTCFullYear();
  const mine = goalsScore(me, other, 'yours', asOfYear);
  const lang = languagesScore(languagesOf(me), languagesOf(other));
  const theirs = goalsScore(other, me, 'theirs', asOfYear);
  const parts: [string, 'forward' | 'reverse', number, CriterionScore][] = [
    ['goals', 'forward', w.goals, mine],
    ['languages', 'forward', w.languages, lang],
    [
      'collaboration',
      'forward',
      w.collaboration,
      options.network?.(me.organization.id, other.organization.id) ?? {
        score: 0,
        applicable: false,
        evidence: { code: 'collaboration.unspecified', params: {} },
      },
    ],
    ['counterpart_goals', 'reverse', w.counterpartGoals, theirs],
  ];
  const total = { forward: 0, reverse: 0 };
  const sum = { forward: 0, reverse: 0 };
  for (const [, dir, weight, s] of parts)
    if (s.applicable && weight > 0) {
      total[dir] += weight;
      sum[dir] += weight * s.score;
    }
  // The languages alone say nothing about fit: without a goal on my side, my direction defers too.
  const fwd = mine.applicable && total.forward > 0 ? sum.forward / total.forward : null;
  const rev = total.reverse > 0 ? sum.reverse / total.reverse : null;
  const forward = fwd ?? rev ?? 0;
  const reverse = rev ?? fwd ?? 0;
  const criteria: CriterionResult[] = parts.map(([criterion, direction, weight, s]) => ({
    criterion,
    direction,
    weight,
    score: s.score,
    applicable: s.applicable,
    evidence: s.evidence,
    contribution: s.applicable && total[direction] > 0 ? (weight * s.score) / total[direction] : 0,
  }));
  return { candidateId: other.delegateId, score: reciprocal(forward, reverse), forward, reverse, criteria };
}

/** Ranked delegates for `me` to meet; `candidateId` is the other delegate's id. */
export function rankMeetings(
  me: MeetingParty,
  others: Iterable<MeetingParty>,
  options: MeetingOptions = {},
): RankOutput {
  const minScore = options.minScore ?? 0.05;
  const results: MatchResult[] = [];
  const rejected: Rejection[] = [];
  for (const o of others) {
    if (o.delegateId === me.delegateId) continue;
    const r = scoreMeeting(me, o, options);
    if (isRejection(r)) rejected.push(r);
    else if (r.score >= minScore) results.push(r);
  }
  results.sort(compareResults);
  rejected.sort((a, b) => compareStrings(a.candidateId, b.candidateId));
  return { results: options.limit != null ? results.slice(0, options.limit) : results, rejected };
}
