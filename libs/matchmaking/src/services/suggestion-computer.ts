import {
  DEFAULT_FINANCING_WEIGHTS,
  DEFAULT_SUBCONTRACTING_WEIGHTS,
  rankFinanciersForSme,
  rankFinancingCandidates,
  rankRequestsForSupplier,
  rankSuppliers,
} from '../engine/combine.js';
import type {
  CriterionResult,
  CriterionScore,
  Evidence,
  FinancierCriteria,
  MatchResult,
  OrgProfile,
} from '../engine/types.js';
import {
  adjustedWeights,
  similarityCounts,
  similarityFactor,
  similarityKey,
  weightMultipliers,
  type PastVerdict,
} from '../feedback/adjustments.js';
import { compareStrings } from '../engine/random.js';
import { CollaborationIndex } from '../engine/collaboration.js';
import {
  DEFAULT_SUPPORT_WEIGHTS,
  rankProgrammesForSme,
  rankSmesForProgrammes,
  type SupportProgramme,
} from '../engine/support.js';
import { criteriaFromTerms } from '../storage/profiles.js';
import { BatchProfileStore } from '../storage/batch-profile.repository.js';
import type { ProfileStore, SuggestionKind } from '../storage/profile.repository.js';
import type { CandidateSelector } from './candidate-selector.js';
import { MeetingPlanner } from './meeting-planner.js';

/** Who the counterpart is to the organisation the suggestion is for. */
export type SuggestionRole =
  | 'SUPPLIER'
  | 'REQUEST'
  | 'CANDIDATE'
  | 'FINANCIER'
  | 'CLUSTER'
  | 'DELEGATE'
  | 'SUPPORT_PROVIDER'
  | 'BENEFICIARY';

/** One criterion as stored: its value, weight, share of the score and the facts that matched. */
export interface StoredContribution {
  criterion: string;
  direction: 'forward' | 'reverse';
  weight: number;
  score: number;
  contribution: number;
  applicable: boolean;
  evidence: Evidence;
}

export interface ComputedSuggestion {
  kind: SuggestionKind;
  counterpartId: string | null;
  opportunityId: string | null;
  clusterId: string | null;
  role: SuggestionRole;
  score: number;
  forward: number | null;
  reverse: number | null;
  contributions: StoredContribution[];
  /** MEETING only: the forum edition, the delegate the suggestion is for, and whom to meet. */
  editionId?: string | null;
  delegateId?: string | null;
  counterpartDelegateId?: string | null;
}

export interface Computation {
  /** False when the organisation is not active: it then has no suggestions at all. */
  active: boolean;
  suggestions: ComputedSuggestion[];
  /** Organisations whose own suggestions may change because of this one (recomputed later, once). */
  related: string[];
}

export interface ComputerOptions {
  /** Suggestions kept per request, per reverse list and per financier list before merging. */
  perList?: number;
  /** Suggestions stored per organisation and kind. */
  perKind?: number;
  asOfYear?: number;
}

/** Past collaboration of `other` as `viewer` sees it (`CollaborationIndex.score`). */
type Network = (viewer: string, other: string, exceptEdition?: string) => CriterionScore;

/** The kinds a per-organisation recompute replaces; clusters come from the full recompute. */
export const RECOMPUTED_KINDS: readonly SuggestionKind[] = [
  'SUBCONTRACTING',
  'FINANCING',
  'MEETING',
  'SUPPORT',
];

/** SMEs an institution's programmes are scored against, at most (read from Postgres by country, wilaya and sector). */
export const SUPPORT_POOL = 3000;

const stored = (c: CriterionResult): StoredContribution => ({
  criterion: c.criterion,
  direction: c.direction,
  weight: c.weight,
  score: c.score,
  contribution: c.contribution,
  applicable: c.applicable,
  evidence: c.evidence,
});

/**
 * Computes one organisation's suggestions: candidates from the selector, facts from Postgres,
 * scores from the pure engine, then the organisation's feedback (refused pairs removed before
 * scoring, weights and similar counterparts adjusted). Holds per-instance caches, so one instance
 * serves one drain batch or one shard.
 */
export class SuggestionComputer {
  private financierList?: Promise<Map<string, { f: OrgProfile; criteria: FinancierCriteria | null }>>;
  private programmeList?: Promise<SupportProgramme[]>;
  private readonly perList: number;
  private readonly perKind: number;
  private readonly asOfYear: number;
  private readonly planner: MeetingPlanner;

  constructor(
    private readonly store: ProfileStore,
    private readonly selector: CandidateSelector,
    options: ComputerOptions = {},
  ) {
    this.perList = options.perList ?? 20;
    this.perKind = options.perKind ?? 50;
    this.asOfYear = options.asOfYear ?? new Date().getUTCFullYear();
    this.planner = new MeetingPlanner(store.db, store, this.asOfYear);
  }

  /** Every active financier with its public terms as criteria, loaded once per instance (drain batch or shard). */
  private financiers(): Promise<Map<string, { f: OrgProfile; criteria: FinancierCriteria | null }>> {
    this.financierList ??= this.store
      .profilesOfKind('FINANCIER')
      .then((all) => new Map(all.map((f) => [f.id, { f, criteria: criteriaFromTerms(f) }])));
    return this.financierList;
  }

  /**
   * Reads ahead, for a batching store, what `compute` will ask about these organisations: each kind
   * of read once for all of them, then every candidate query at once (a few multi-searches), then
   * the candidates' profiles and requests in one query each. Without it the recomputes of a chunk
   * drift apart after their first search and each later read goes alone. What `compute` returns is
   * unchanged: it reads the same rows, from the store's cache.
   */
  async prefetch(organizationIds: readonly string[]): Promise<void> {
    const store = this.store;
    if (!(store instanceof BatchProfileStore) || !organizationIds.length) return;
    const all = [...(await store.profiles(organizationIds)).values()];
    const ids = all.map((p) => p.id);
    const smes = all.filter((p) => p.kind === 'SME');
    const financiers = all.filter((p) => p.kind === 'FINANCIER');
    const each = <T>(xs: readonly string[], read: (id: string) => Promise<T>) => Promise.all(xs.map(read));
    const requestsOf = each(ids, (id) => store.requestsOf(id));
    const criteriaOf = each(
      financiers.map((f) => f.id),
      (id) => store.criteriaOf(id),
    );
    const programmes = all.some((p) => p.kind === 'SME' || p.kind === 'SUPPORT_INSTITUTION')
      ? this.programmes()
      : Promise.resolve([]);
    await Promise.all([
      requestsOf,
      criteriaOf,
      programmes,
      ...RECOMPUTED_KINDS.map((kind) => each(ids, (id) => store.verdictsOf(id, kind))),
      each(ids, (id) => store.collaborationsAround(id)),
      each(ids, (id) => store.openEditionsOf(id)),
      store.supportSignalsOfMany(smes.map((p) => p.id)),
      smes.length ? this.financiers() : null,
    ]);
    const [requests, criteria] = [await requestsOf, await criteriaOf];
    const suppliers = requests.flat().map(({ request, text }) => this.selector.suppliersFor(request, text));
    const wanted = smes
      .filter((me) => me.capabilities.length || me.sectors.length)
      .map((me) => this.selector.requestsFor(me));
    const pools = smes.map((me) => this.selector.financiersFor(me));
    const lenders = financiers.flatMap((f, i) => {
      const c = criteria[i] ?? criteriaFromTerms(f);
      return c ? [this.selector.smesFor(c, this.asOfYear)] : [];
    });
    const [candidates, requestIds] = await Promise.all([
      Promise.all([...suppliers, ...lenders]),
      Promise.all(wanted),
      Promise.all(pools),
    ]);
    const [, loaded] = await Promise.all([
      store.prime([...candidates.flat(), ...(await programmes).map((p) => p.institutionId)]),
      store.requestsById([...new Set(requestIds.flat())]),
    ]);
    await store.prime(loaded.map((l) => l.request.requesterId));
  }

  async compute(organizationId: string): Promise<Computation> {
    const me = await this.store.profile(organizationId);
    if (!me) return { active: false, suggestions: [], related: [] };
    const { links, names } = await this.store.collaborationsAround(me.id);
    const index = new CollaborationIndex(links);
    const collaboration: Network = (viewer, other, exceptEdition) =>
      index.score(viewer, other, names, exceptEdition ?? null);
    const sub = await this.subcontracting(me, collaboration);
    const fin = await this.financing(me);
    const meet = await this.meetings(me, collaboration);
    const sup = await this.support(me);
    return {
      active: true,
      suggestions: [...sub.suggestions, ...fin.suggestions, ...meet.suggestions, ...sup.suggestions],
      related: [...new Set([...sub.related, ...fin.related, ...meet.related, ...sup.related])],
    };
  }

  /** Every programme of an active support institution that offers services, loaded once per instance. */
  private programmes(): Promise<SupportProgramme[]> {
    this.programmeList ??= this.store.supportProgrammes();
    return this.programmeList;
  }

  /**
   * Support both ways: for an SME, the institutions whose programmes meet its needs (each with its
   * best programme); for a support institution, the SMEs its programmes fit.
   */
  private async support(me: OrgProfile): Promise<{ suggestions: ComputedSuggestion[]; related: string[] }> {
    if (me.kind !== 'SME' && me.kind !== 'SUPPORT_INSTITUTION') return { suggestions: [], related: [] };
    const { refused, verdicts } = await this.store.verdictsOf(me.id, 'SUPPORT');
    const weights = adjustedWeights(DEFAULT_SUPPORT_WEIGHTS, weightMultipliers(verdicts));
    const options = { weights, asOfYear: this.asOfYear, minScore: 0.05, limit: this.perKind };
    const make = (r: MatchResult, role: SuggestionRole): ComputedSuggestion => ({
      kind: 'SUPPORT',
      counterpartId: r.candidateId,
      opportunityId: null,
      clusterId: null,
      role,
      score: r.score,
      forward: r.forward,
      reverse: r.reverse,
      contributions: r.criteria.map(stored),
    });
    const items: { s: ComputedSuggestion; counterpart: OrgProfile | null }[] = [];
    if (me.kind === 'SME') {
      const signals = (await this.store.supportSignalsOfMany([me.id])).get(me.id)!;
      const programmes = (await this.programmes()).filter(
        (p) => p.country === me.country && !refused.has(p.institutionId),
      );
      const ranked = rankProgrammesForSme(me, signals, programmes, options);
      const institutions = await this.store.profiles(ranked.map((r) => r.candidateId));
      for (const r of ranked) {
        const inst = institutions.get(r.candidateId);
        if (inst) items.push({ s: make(r, 'SUPPORT_PROVIDER'), counterpart: inst });
      }
    } else {
      const programmes = (await this.programmes()).filter((p) => p.institutionId === me.id);
      const ids = (await this.store.supportCandidates(programmes, SUPPORT_POOL)).filter(
        (id) => !refused.has(id),
      );
      const [smes, signals] = await Promise.all([
        this.store.profiles(ids),
        this.store.supportSignalsOfMany(ids),
      ]);
      const pool = [...smes.values()].map((sme) => ({
        sme,
        signals: signals.get(sme.id) ?? { opportunityTypes: [], targetCertifications: [] },
      }));
      for (const r of rankSmesForProgrammes(programmes, pool, options))
        items.push({ s: make(r, 'BENEFICIARY'), counterpart: smes.get(r.candidateId)! });
    }
    const suggestions = this.finish('SUPPORT', items, verdicts);
    return { suggestions, related: suggestions.map((s) => s.counterpartId!) };
  }

  /** Whom each of the organisation's delegates should meet, per open forum edition, ranked per delegate. */
  private async meetings(
    me: OrgProfile,
    collaboration: Network,
  ): Promise<{ suggestions: ComputedSuggestion[]; related: string[] }> {
    const { refused } = await this.store.verdictsOf(me.id, 'MEETING');
    const matches = await this.planner.meetingsOf(me.id, refused, this.perList, collaboration);
    const suggestions = matches.map((m): ComputedSuggestion => ({
      kind: 'MEETING',
      counterpartId: m.counterpart.id,
      opportunityId: null,
      clusterId: null,
      role: 'DELEGATE',
      score: m.result.score,
      forward: m.result.forward,
      reverse: m.result.reverse,
      contributions: m.result.criteria.map(stored),
      editionId: m.editionId,
      delegateId: m.delegateId,
      counterpartDelegateId: m.counterpartDelegateId,
    }));
    return { suggestions, related: [...new Set(matches.map((m) => m.counterpart.id))] };
  }

  /** Feedback of the organisation for a kind, applied to a merged list; returns the ranked top. */
  private finish(
    kind: SuggestionKind,
    items: { s: ComputedSuggestion; counterpart: Pick<OrgProfile, 'sectors' | 'country'> | null }[],
    verdicts: PastVerdict[],
  ): ComputedSuggestion[] {
    const counts = similarityCounts(verdicts);
    for (const { s, counterpart } of items) {
      const { factor, evidence } = similarityFactor(counterpart ? similarityKey(counterpart) : null, counts);
      if (!evidence) continue;
      s.score = Math.min(1, s.score * factor);
      s.contributions.push({
        criterion: 'feedback_similarity',
        direction: 'forward',
        weight: 0,
        score: factor,
        contribution: 0,
        applicable: true,
        evidence,
      });
    }
    return items
      .map((i) => i.s)
      .filter((s) => s.kind === kind)
      .sort(
        (a, b) =>
          b.score - a.score ||
          (b.forward ?? 0) - (a.forward ?? 0) ||
          compareStrings(`${a.counterpartId}|${a.opportunityId}`, `${b.counterpartId}|${b.opportunityId}`),
      )
      .slice(0, this.perKind);
  }

  private async subcontracting(
    me: OrgProfile,
    collaboration: Network,
  ): Promise<{ suggestions: ComputedSuggestion[]; related: string[] }> {
    const { refused, verdicts } = await this.store.verdictsOf(me.id, 'SUBCONTRACTING');
    const weights = adjustedWeights(DEFAULT_SUBCONTRACTING_WEIGHTS, weightMultipliers(verdicts));
    // Past collaboration as this organisation sees it, whichever side of the request it is on.
    const network = (requesterId: string, supplierId: string) =>
      collaboration(me.id, requesterId === me.id ? supplierId : requesterId);
    const items: { s: ComputedSuggestion; counterpart: OrgProfile | null }[] = [];
    const seen = new Set<string>();
    const push = (r: MatchResult, counterpart: OrgProfile, opportunityId: string, role: SuggestionRole) => {
      const key = `${counterpart.id}|${opportunityId}`;
      if (seen.has(key)) return;
      seen.add(key);
      items.push({
        counterpart,
        s: {
          kind: 'SUBCONTRACTING',
          counterpartId: counterpart.id,
          opportunityId,
          clusterId: null,
          role,
          score: r.score,
          forward: r.forward,
          reverse: r.reverse,
          contributions: r.criteria.map(stored),
        },
      });
    };
    const related: string[] = [];
    // Suppliers for each of my open requests; they may now see the request among theirs.
    for (const { request, text } of await this.store.requestsOf(me.id)) {
      const ids = (await this.selector.suppliersFor(request, text)).filter((id) => !refused.has(id));
      const candidates = await this.store.profiles(ids);
      const ranked = rankSuppliers(request, candidates.values(), { weights, limit: this.perList, network });
      for (const r of ranked.results) {
        push(r, candidates.get(r.candidateId)!, request.id, 'SUPPLIER');
        related.push(r.candidateId);
      }
    }
    // Open requests I can serve, as a supplier.
    if (me.kind === 'SME' && (me.capabilities.length || me.sectors.length)) {
      const loaded = await this.store.requestsById(await this.selector.requestsFor(me), me);
      const requests = loaded.map((l) => l.request).filter((r) => !refused.has(r.requesterId));
      const ranked = rankRequestsForSupplier(me, requests, { weights, limit: this.perList, network });
      const byId = new Map(requests.map((r) => [r.id, r]));
      const owners = await this.store.profiles([
        ...new Set(ranked.results.map((r) => byId.get(r.candidateId)!.requesterId)),
      ]);
      for (const r of ranked.results) {
        const owner = owners.get(byId.get(r.candidateId)!.requesterId);
        if (!owner) continue;
        push(r, owner, r.candidateId, 'REQUEST');
        related.push(owner.id);
      }
    }
    return { suggestions: this.finish('SUBCONTRACTING', items, verdicts), related };
  }

  private async financing(me: OrgProfile): Promise<{ suggestions: ComputedSuggestion[]; related: string[] }> {
    if (me.kind !== 'SME' && me.kind !== 'FINANCIER') return { suggestions: [], related: [] };
    const { refused, verdicts } = await this.store.verdictsOf(me.id, 'FINANCING');
    const weights = adjustedWeights(DEFAULT_FINANCING_WEIGHTS, weightMultipliers(verdicts));
    const items: { s: ComputedSuggestion; counterpart: OrgProfile | null }[] = [];
    const make = (r: MatchResult, role: SuggestionRole): ComputedSuggestion => ({
      kind: 'FINANCING',
      counterpartId: r.candidateId,
      opportunityId: null,
      clusterId: null,
      role,
      score: r.score,
      forward: r.forward,
      reverse: r.reverse,
      contributions: r.criteria.map(stored),
    });
    const related: string[] = [];
    if (me.kind === 'FINANCIER') {
      // The financier's private criteria when stated, else its public terms.
      const criteria = (await this.store.criteriaOf(me.id)) ?? criteriaFromTerms(me);
      if (criteria) {
        const ids = (await this.selector.smesFor(criteria, this.asOfYear)).filter((id) => !refused.has(id));
        const smes = await this.store.profiles(ids);
        const ranked = rankFinancingCandidates(criteria, smes.values(), {
          weights,
          asOfYear: this.asOfYear,
          limit: this.perKind,
        });
        for (const r of ranked.results)
          items.push({ s: make(r, 'CANDIDATE'), counterpart: smes.get(r.candidateId)! });
      }
    } else {
      // An SME sees financiers through their public terms only: private criteria never shape what others see.
      // The pool comes from the index (their target countries as a filter), so the work per SME stays
      // bounded however many financiers the directory holds; their profiles come from the shard's cache.
      const financiers = await this.financiers();
      const pool: { id: string; f: OrgProfile; criteria: FinancierCriteria }[] = [];
      for (const id of await this.selector.financiersFor(me)) {
        const known = financiers.get(id);
        if (!known?.criteria || refused.has(id)) continue;
        pool.push({ id, f: known.f, criteria: known.criteria });
      }
      const ranked = rankFinanciersForSme(me, pool, {
        weights,
        asOfYear: this.asOfYear,
        minScore: 0.05,
        limit: this.perList,
      });
      for (const { financier, result } of ranked) {
        // The result names the SME as its candidate; the counterpart here is the financier.
        items.push({
          s: { ...make(result, 'FINANCIER'), counterpartId: financier.id },
          counterpart: financier.f,
        });
        related.push(financier.id);
      }
    }
    return { suggestions: this.finish('FINANCING', items, verdicts), related };
  }
}
