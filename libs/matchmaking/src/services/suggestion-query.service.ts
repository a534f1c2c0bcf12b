import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { badInput } from '#platform';
import type { Lang } from '#directory/taxonomy';
import { isShownReason, renderReason, type ReasonViewer } from '../engine/reasons.js';
import type { Evidence } from '../engine/types.js';
import type { SuggestionKind } from '../storage/profile.repository.js';
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

export interface SuggestionView {
  id: string;
  organizationId: string;
  kind: SuggestionKind;
  role: SuggestionRole | null;
  counterpartId: string | null;
  opportunityId: string | null;
  clusterId: string | null;
  score: number;
  rank: number;
  contributions: StoredContribution[];
  computedAt: Date;
  verdict: string | null;
  contactRequestId: string | null;
  editionId: string | null;
  delegateId: string | null;
  counterpartDelegateId: string | null;
  meetingRequestId: string | null;
}

export interface ClusterView {
  id: string;
  valueChain: string | null;
  divisions: string[];
  missingDivisions: string[];
  country: string;
  regionCode: string | null;
  supportInstitutionId: string | null;
  supportEvidence: Evidence | null;
  financierId: string | null;
  financierEvidence: Evidence | null;
  cohesion: number;
  evidence: Evidence;
  computedAt: Date;
  members: { organizationId: string; division: string; gap: Evidence }[];
}

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
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
    const rows = await this.db.query<
      {
        id: string;
        organization_id: string;
        kind: SuggestionKind;
        role: SuggestionRole | null;
        counterpart_organization_id: string | null;
        opportunity_id: string | null;
        cluster_id: string | null;
        score: number;
        rank: number;
        contributions: StoredContribution[];
        computed_at: Date;
        verdict: string | null;
        contact_request_id: string | null;
        edition_id: string | null;
        delegate_id: string | null;
        counterpart_delegate_id: string | null;
        meeting_request_id: string | null;
      }[]
    >(
      `SELECT s.id, s.organization_id, s.kind, s.role, s.counterpart_organization_id, s.opportunity_id, s.cluster_id,
              s.score, s.rank, s.contributions, s.computed_at, f.verdict, f.contact_request_id, s.edition_id,
              s.delegate_id, s.counterpart_delegate_id, f.meeting_request_id
       FROM suggestion s
       LEFT JOIN directory_organization_card_v o ON o.id = s.counterpart_organization_id
       LEFT JOIN suggestion_feedback f ON f.organization_id = s.organization_id AND f.kind = s.kind
         AND f.counterpart_organization_id = s.counterpart_organization_id
       WHERE s.organization_id = $1 AND s.kind = $2 AND (s.rank, s.id) > ($3::int, $4::uuid)
         AND ($6::uuid IS NULL OR s.delegate_id = $6)
         AND (s.counterpart_organization_id IS NULL OR o.status = 'ACTIVE')
       ORDER BY s.rank, s.id LIMIT $5`,
      [organizationId, kind, from.rank, from.id, first + 1, delegateId],
    );
    const items = rows.slice(0, first).map((r): SuggestionView => ({
      id: r.id,
      organizationId: r.organization_id,
      kind: r.kind,
      role: r.role,
      counterpartId: r.counterpart_organization_id,
      opportunityId: r.opportunity_id,
      clusterId: r.cluster_id,
      score: r.score,
      rank: r.rank,
      contributions: r.contributions,
      computedAt: r.computed_at,
      verdict: r.verdict,
      contactRequestId: r.contact_request_id,
      editionId: r.edition_id,
      delegateId: r.delegate_id,
      counterpartDelegateId: r.counterpart_delegate_id,
      meetingRequestId: r.meeting_request_id,
    }));
    return { items, cursors: items.map((i) => encode(i.rank, i.id)), hasNextPage: rows.length > first };
  }

  /** Cluster proposals that include the organisation, most cohesive first. */
  async clustersOf(organizationId: string): Promise<ClusterView[]> {
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT c.id FROM cluster_proposal c JOIN cluster_member m ON m.cluster_id = c.id
       WHERE m.organization_id = $1 ORDER BY c.cohesion DESC, c.id`,
      [organizationId],
    );
    return this.clusters(rows.map((r) => r.id));
  }

  async clusters(ids: readonly string[]): Promise<ClusterView[]> {
    if (!ids.length) return [];
    const rows = await this.db.query<
      {
        id: string;
        value_chain: string | null;
        divisions: string[];
        missing_divisions: string[];
        country: string;
        region_code: string | null;
        support_institution_id: string | null;
        support_evidence: Evidence | null;
        financier_id: string | null;
        financier_evidence: Evidence | null;
        cohesion: number;
        evidence: Evidence;
        computed_at: Date;
        members: { organizationId: string; division: string; gap: Evidence }[];
      }[]
    >(
      `SELECT c.*, coalesce((SELECT jsonb_agg(jsonb_build_object('organizationId', m.organization_id,
                'division', m.division, 'gap', m.gap) ORDER BY m.division, m.organization_id)
              FROM cluster_member m WHERE m.cluster_id = c.id), '[]') AS members
       FROM cluster_proposal c WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids
      .map((id) => byId.get(id))
      .filter((r) => r != null)
      .map((r) => ({
        id: r.id,
        valueChain: r.value_chain,
        divisions: r.divisions,
        missingDivisions: r.missing_divisions,
        country: r.country.trim(),
        regionCode: r.region_code,
        supportInstitutionId: r.support_institution_id,
        supportEvidence: r.support_evidence,
        financierId: r.financier_id,
        financierEvidence: r.financier_evidence,
        cohesion: r.cohesion,
        evidence: r.evidence,
        computedAt: r.computed_at,
        members: r.members,
      }));
  }
}
