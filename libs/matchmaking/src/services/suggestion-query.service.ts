import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { badInput } from '#platform';
import type { Lang } from '#directory/taxonomy';
import { isShownReason, renderReason, type ReasonViewer } from '../engine/reasons.js';
import type { Evidence } from '../engine/types.js';
import type { SuggestionKind } from '../storage/profile.repository.js';
import { ClusterRepository, type ClusterView } from '../storage/cluster.repository.js';
import { SuggestionRepository, type SuggestionView } from '../storage/suggestion.repository.js';
import type { StoredContribution, SuggestionRole } from './suggestion-computer.js';

export interface ReasonView {
  criterion: string;
  direction: string;
  score: number;
  weight: number;
  contribution: number;
  code: string;
  text: string;
}

export type { SuggestionView } from '../storage/suggestion.repository.js';
export type { ClusterView } from '../storage/cluster.repository.js';

/** Reasons the engine does not render itself: adjustments made by this library. */
const OWN: Record<string, (p: Evidence['params'], lang: Lang) => string> = {
  'feedback.similar': (p, lang) => {
    const refused = Number(p.refused ?? 0);
    const accepted = Number(p.accepted ?? 0);
    return {
      ar: `تعديل حسب تقييماتكم لشركاء مشابهين (مرفوض: ${refused}، مقبول: ${accepted})`,
      fr: `Ajusté selon vos avis sur des partenaires similaires (écartés\u00a0: ${refused}, acceptés\u00a0: ${accepted})`,
      en: `Adjusted for your verdicts on similar partners (refused: ${refused}, accepted: ${accepted})`,
    }[lang];
  },
};

export const renderEvidence = (e: Evidence, lang: Lang, viewer: ReasonViewer = 'requester'): string =>
  OWN[e.code] ? OWN[e.code](e.params, lang) : renderReason(e, lang, viewer);

/**
 * Roles under which the owner of the suggestion was the candidate of the scoring: a supplier seeing a
 * request, an SME seeing a financier or a support programme.
 */
const CANDIDATE_VIEW: ReadonlySet<SuggestionRole> = new Set(['REQUEST', 'FINANCIER', 'SUPPORT_PROVIDER']);

/**
 * Reasons, strongest first: what carried the score, then what was checked and held no weight.
 * Evidence that only says data is missing is left out; places name the counterpart's side.
 */
export function reasonsOf(
  contributions: readonly StoredContribution[],
  lang: Lang,
  role: SuggestionRole | null = null,
): ReasonView[] {
  const viewer: ReasonViewer = role && CANDIDATE_VIEW.has(role) ? 'candidate' : 'requester';
  return contributions
    .filter((c) => c.applicable && isShownReason(c.evidence))
    .sort((a, b) => b.contribution - a.contribution || a.criterion.localeCompare(b.criterion))
    .map((c) => ({
      criterion: c.criterion,
      direction: c.direction,
      score: c.score,
      weight: c.weight,
      contribution: c.contribution,
      code: c.evidence.code,
      text: renderEvidence(c.evidence, lang, viewer),
    }));
}

// Ranks repeat across the delegates of one organisation (MEETING lists), so the id breaks ties.
const ZERO_ID = '00000000-0000-0000-0000-000000000000';
const encode = (rank: number, id: string) => Buffer.from(`rank:${rank}:${id}`).toString('base64url');
function decode(cursor: string): { rank: number; id: string } | null {
  const m = /^rank:(\d{1,9})(?::([0-9a-f-]{36}))?$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  // A cursor without an id (older form) stands after every suggestion of its rank.
  return m ? { rank: Number(m[1]) + (m[2] ? 0 : 1), id: m[2] ?? ZERO_ID } : null;
}

export const MAX_SUGGESTIONS_PAGE = 100;

/** Reads stored suggestions and cluster proposals; never computes. */
@Injectable()
export class SuggestionQueryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly suggestions: SuggestionRepository = new SuggestionRepository(),
    private readonly clusterRows: ClusterRepository = new ClusterRepository(),
  ) {}

  async page(
    organizationId: string,
    kind: SuggestionKind,
    first: number,
    after: string | null | undefined,
    delegateId: string | null = null,
  ): Promise<{ items: SuggestionView[]; cursors: string[]; hasNextPage: boolean }> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_SUGGESTIONS_PAGE)
      throw badInput([{ path: 'first', message: `must be between 1 and ${MAX_SUGGESTIONS_PAGE}` }]);
    const from = after ? decode(after) : { rank: 0, id: ZERO_ID };
    if (from == null) throw badInput([{ path: 'after', message: 'is not a cursor returned by this API' }]);
    // A counterpart that is no longer active drops out at once, before the next recompute removes it.
    const rows = await this.suggestions.pageOf(this.db, {
      organizationId,
      kind,
      after: from,
      limit: first + 1,
      delegateId,
    });
    const items = rows.slice(0, first);
    return { items, cursors: items.map((i) => encode(i.rank, i.id)), hasNextPage: rows.length > first };
  }

  /** Cluster proposals that include the organisation, most cohesive first. */
  async clustersOf(organizationId: string): Promise<ClusterView[]> {
    return this.clusterRows.views(this.db, await this.clusterRows.idsOf(this.db, organizationId));
  }

  clusters(ids: readonly string[]): Promise<ClusterView[]> {
    return this.clusterRows.views(this.db, ids);
  }
}
