import { Injectable } from '@nestjs/common';
import type {
  ComputedSuggestion,
  StoredContribution,
  SuggestionRole,
} from '../services/suggestion-computer.js';
import type { Sql, SuggestionKind } from './profile.repository.js';

/**
 * Replaces an organisation's suggestions of the given kinds, inside the caller's transaction.
 * A transaction-scoped advisory lock per organisation serialises two recomputes of the same one;
 * pairs refused in the meantime are filtered again here, so a dismissal racing a recompute still wins.
 */
export async function replaceSuggestions(
  m: Sql,
  organizationId: string,
  kinds: readonly SuggestionKind[],
  suggestions: readonly ComputedSuggestion[],
  runId: string | null,
): Promise<number> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('suggestions:' || $1))`, [organizationId]);
  const previous = deleted(
    await m.query<unknown[]>(
      `DELETE FROM suggestion WHERE organization_id = $1 AND kind = ANY($2::text[]) RETURNING ${PREVIOUS_COLUMNS}`,
      [organizationId, kinds],
    ),
  );
  const rows = keepIds(
    previous,
    suggestionRows(kinds, suggestions).map((r) => ({ org: organizationId, ...r })),
  );
  if (!rows.length) return 0;
  const inserted = await m.query<{ id: string }[]>(
    `INSERT INTO suggestion (id, organization_id, kind, counterpart_organization_id, opportunity_id, cluster_id, role,
                             score, rank, forward, reverse, contributions, run_id, edition_id, delegate_id,
                             counterpart_delegate_id)
     SELECT COALESCE(r.id, gen_random_uuid()), $1, r.kind, r.counterpart, r.opportunity, r.cluster, r.role, r.score,
            r.rank, r.forward, r.reverse, r.contributions, $3, r.edition, r.delegate, r.counterpart_delegate
     FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, kind text, counterpart uuid, opportunity uuid, cluster uuid,
          role text, score float8, rank int, forward float8, reverse float8, contributions jsonb, edition uuid,
          delegate uuid, counterpart_delegate uuid)
     WHERE NOT EXISTS (
       SELECT 1 FROM suggestion_feedback f
       WHERE f.organization_id = $1 AND f.kind = r.kind AND f.verdict <> 'ACCEPTED'
         AND f.counterpart_organization_id = r.counterpart)
     RETURNING id`,
    [organizationId, JSON.stringify(rows), runId],
  );
  return inserted.length;
}

/** What identifies a suggestion across recomputes: who it is for, of which kind, about whom or what. */
const PREVIOUS_COLUMNS = `id, organization_id, kind, counterpart_organization_id, opportunity_id, cluster_id, role,
  edition_id, delegate_id, counterpart_delegate_id`;

interface PreviousRow {
  id: string;
  organization_id: string;
  kind: string;
  counterpart_organization_id: string | null;
  opportunity_id: string | null;
  cluster_id: string | null;
  role: string | null;
  edition_id: string | null;
  delegate_id: string | null;
  counterpart_delegate_id: string | null;
}

/** The rows a DELETE … RETURNING gave back (TypeORM answers `[rows, count]` for a DELETE, pg the rows). */
function deleted(result: unknown[]): PreviousRow[] {
  return (Array.isArray(result[0]) ? result[0] : result) as PreviousRow[];
}

const identity = (...parts: (string | null | undefined)[]) => parts.map((p) => p ?? '').join('|');

/**
 * A suggestion computed again keeps the id it had, so a page showing it (and a verdict or an
 * acceptance sent from that page) still names it after a recompute; only new pairs get new ids.
 */
function keepIds<R extends ReturnType<typeof suggestionRows>[number] & { org: string }>(
  previous: readonly PreviousRow[],
  rows: readonly R[],
): (R & { id: string | null })[] {
  const ids = new Map(
    previous.map((p) => [
      identity(
        p.organization_id,
        p.kind,
        p.counterpart_organization_id,
        p.opportunity_id,
        p.cluster_id,
        p.role,
        p.edition_id,
        p.delegate_id,
        p.counterpart_delegate_id,
      ),
      p.id,
    ]),
  );
  return rows.map((r) => {
    const key = identity(
      r.org,
      r.kind,
      r.counterpart,
      r.opportunity,
      r.cluster,
      r.role,
      r.edition,
      r.delegate,
      r.counterpart_delegate,
    );
    const id = ids.get(key) ?? null;
    ids.delete(key);
    return { ...r, id };
  });
}

/** Rows to insert for one organisation's suggestions, ranked per kind (and per delegate for MEETING). */
function suggestionRows(kinds: readonly SuggestionKind[], suggestions: readonly ComputedSuggestion[]) {
  const next = new Map<string, number>();
  return kinds.flatMap((kind) =>
    suggestions
      .filter((s) => s.kind === kind)
      .map((s) => {
        const list = `${kind}|${s.delegateId ?? ''}`;
        const rank = (next.get(list) ?? 0) + 1;
        next.set(list, rank);
        return {
          kind,
          counterpart: s.counterpartId,
          opportunity: s.opportunityId,
          cluster: s.clusterId,
          role: s.role,
          score: Math.max(0, Math.min(1, s.score)),
          rank,
          forward: s.forward,
          reverse: s.reverse,
          contributions: s.contributions,
          edition: s.editionId ?? null,
          delegate: s.delegateId ?? null,
          counterpart_delegate: s.counterpartDelegateId ?? null,
        };
      }),
  );
}

/** One organisation's recompute: its suggestions, or none at all when it is no longer active. */
export interface OrganizationSuggestions {
  organizationId: string;
  active: boolean;
  suggestions: readonly ComputedSuggestion[];
}

/**
 * `replaceSuggestions` for many organisations in three statements (the rows sent as one array per column), inside the caller's transaction:
 * the same per-organisation advisory locks (taken in id order, so two writers cannot deadlock), the
 * same deletion and ranks, and the same filter on pairs refused meanwhile. An organisation no longer
 * active loses all its suggestions. Returns the rows written per organisation.
 */
export async function replaceManySuggestions(
  m: Sql,
  kinds: readonly SuggestionKind[],
  items: readonly OrganizationSuggestions[],
  runId: string | null,
): Promise<Map<string, number>> {
  const written = new Map(items.map((i) => [i.organizationId, 0]));
  if (!items.length) return written;
  await m.query(
    `SELECT count(pg_advisory_xact_lock(hashtext('suggestions:' || s.id)))
     FROM (SELECT DISTINCT unnest($1::text[]) AS id ORDER BY 1) s`,
    [items.map((i) => i.organizationId)],
  );
  const inactive = items.filter((i) => !i.active).map((i) => i.organizationId);
  const active = items.filter((i) => i.active);
  if (inactive.length)
    await m.query(`DELETE FROM suggestion WHERE organization_id = ANY($1::uuid[])`, [inactive]);
  if (!active.length) return written;
  const previous = deleted(
    await m.query<unknown[]>(
      `DELETE FROM suggestion WHERE organization_id = ANY($1::uuid[]) AND kind = ANY($2::text[])
       RETURNING ${PREVIOUS_COLUMNS}`,
      [active.map((i) => i.organizationId), kinds],
    ),
  );
  const rows = keepIds(
    previous,
    active.flatMap((i) => suggestionRows(kinds, i.suggestions).map((r) => ({ org: i.organizationId, ...r }))),
  );
  if (!rows.length) return written;
  // One array per column, the contribution lists as one JSON array: Postgres reads each list once
  // (jsonb_to_recordset would parse the whole document, then every nested value again, ten times the
  // work), and a JSON text costs Node far less to build and send than a text[] of the same lists.
  const column = <T>(pick: (r: (typeof rows)[number]) => T) => rows.map(pick);
  const inserted = await m.query<{ organization_id: string }[]>(
    `INSERT INTO suggestion (id, organization_id, kind, counterpart_organization_id, opportunity_id, cluster_id, role,
                             score, rank, forward, reverse, contributions, run_id, edition_id, delegate_id,
                             counterpart_delegate_id)
     SELECT COALESCE(r.id, gen_random_uuid()), r.org, r.kind, r.counterpart, r.opportunity, r.cluster, r.role,
            r.score, r.rank, r.forward, r.reverse, r.contributions::jsonb, $16, r.edition, r.delegate,
            r.counterpart_delegate
     FROM ROWS FROM (unnest($1::uuid[]), unnest($2::uuid[]), unnest($3::text[]), unnest($4::uuid[]),
                     unnest($5::uuid[]), unnest($6::uuid[]), unnest($7::text[]), unnest($8::float8[]),
                     unnest($9::int[]), unnest($10::float8[]), unnest($11::float8[]), json_array_elements($12::json),
                     unnest($13::uuid[]), unnest($14::uuid[]), unnest($15::uuid[]))
          AS r(id, org, kind, counterpart, opportunity, cluster, role, score, rank, forward, reverse, contributions,
               edition, delegate, counterpart_delegate)
     WHERE NOT EXISTS (
       SELECT 1 FROM suggestion_feedback f
       WHERE f.organization_id = r.org AND f.kind = r.kind AND f.verdict <> 'ACCEPTED'
         AND f.counterpart_organization_id = r.counterpart)
     RETURNING organization_id`,
    [
      column((r) => r.id),
      column((r) => r.org),
      column((r) => r.kind),
      column((r) => r.counterpart),
      column((r) => r.opportunity),
      column((r) => r.cluster),
      column((r) => r.role),
      column((r) => r.score),
      column((r) => r.rank),
      column((r) => r.forward),
      column((r) => r.reverse),
      JSON.stringify(column((r) => r.contributions)),
      column((r) => r.edition),
      column((r) => r.delegate),
      column((r) => r.counterpart_delegate),
      runId,
    ],
  );
  for (const r of inserted) written.set(r.organization_id, (written.get(r.organization_id) ?? 0) + 1);
  return written;
}

/** A partner suggested to an organisation, as the suggestions digest reads it. */
export interface SuggestedCounterpart {
  organizationId: string;
  kind: string;
  counterpartId: string;
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

/** The `suggestion` table: who is suggested to whom, written by the recomputes and read by the pages. */
@Injectable()
export class SuggestionRepository {
  /** Removes every suggestion of an organisation (no longer active). */
  async deleteAllOf(m: Sql, organizationId: string): Promise<void> {
    await m.query(`DELETE FROM suggestion WHERE organization_id = $1`, [organizationId]);
  }

  /** Removes every suggestion, whoever it is for, about the opportunities `opportunityIds`. */
  async deleteAboutOpportunities(m: Sql, opportunityIds: readonly string[]): Promise<void> {
    if (!opportunityIds.length) return;
    await m.query(`DELETE FROM suggestion WHERE opportunity_id = ANY($1::uuid[])`, [opportunityIds]);
  }

  /**
   * A page of an organisation's suggestions of a kind (of one delegate's when `delegateId` is set),
   * after (rank, id) `after` in that order, with the organisation's verdict on each pair. A
   * counterpart that is no longer active drops out at once, before the next recompute removes it.
   */
  async pageOf(
    db: Sql,
    q: {
      organizationId: string;
      kind: SuggestionKind;
      after: { rank: number; id: string };
      limit: number;
      delegateId: string | null;
    },
  ): Promise<SuggestionView[]> {
    const rows = await db.query<
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
      [q.organizationId, q.kind, q.after.rank, q.after.id, q.limit, q.delegateId],
    );
    return rows.map((r) => ({
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
  }

  /** One suggestion of an organisation, locked until the caller's transaction ends, with its cluster's key. */
  async findForVerdict(
    m: Sql,
    id: string,
    organizationId: string,
  ): Promise<{
    id: string;
    kind: string;
    counterpartId: string | null;
    clusterId: string | null;
    clusterKey: string | null;
    score: number;
  } | null> {
    const [s] = await m.query<
      {
        id: string;
        kind: string;
        counterpartId: string | null;
        clusterId: string | null;
        clusterKey: string | null;
        score: number;
      }[]
    >(
      `SELECT s.id, s.kind, s.counterpart_organization_id AS "counterpartId", s.cluster_id AS "clusterId",
              c.key AS "clusterKey", s.score
       FROM suggestion s
       LEFT JOIN cluster_proposal c ON c.id = s.cluster_id
       WHERE s.id = $1 AND s.organization_id = $2 FOR UPDATE OF s`,
      [id, organizationId],
    );
    return s ?? null;
  }

  /** The delegates and edition of one of an organisation's suggestions (a MEETING one names them). */
  async meetingSide(
    db: Sql,
    id: string,
    organizationId: string,
  ): Promise<{
    kind: string;
    editionId: string;
    delegateId: string;
    counterpartDelegateId: string;
    counterpartId: string;
  } | null> {
    const [s] = await db.query<
      {
        kind: string;
        editionId: string;
        delegateId: string;
        counterpartDelegateId: string;
        counterpartId: string;
      }[]
    >(
      `SELECT kind, edition_id AS "editionId", delegate_id AS "delegateId",
              counterpart_delegate_id AS "counterpartDelegateId", counterpart_organization_id AS "counterpartId"
       FROM suggestion WHERE id = $1 AND organization_id = $2`,
      [id, organizationId],
    );
    return s ?? null;
  }

  /** Removes an organisation's suggestions of a kind about a counterpart or a cluster (refused). */
  async deleteRefused(
    m: Sql,
    organizationId: string,
    kind: string,
    counterpartId: string | null,
    clusterId: string | null,
  ): Promise<void> {
    await m.query(
      `DELETE FROM suggestion WHERE organization_id = $1 AND kind = $2
         AND (counterpart_organization_id = $3 OR cluster_id = $4)`,
      [organizationId, kind, counterpartId, clusterId],
    );
  }

  /**
   * Replaces every CLUSTER suggestion: one per member of each proposal, scored by its cohesion
   * against `maxCohesion`, except where the member refused the proposal's key or a proposal with
   * the same core (`refusedPairs`).
   */
  async replaceClusterSuggestions(
    m: Sql,
    maxCohesion: number,
    runId: string | null,
    refusedPairs: readonly { org: string; key: string }[],
  ): Promise<void> {
    await m.query(`DELETE FROM suggestion WHERE kind = 'CLUSTER'`);
    await m.query(
      `INSERT INTO suggestion (organization_id, kind, cluster_id, role, score, rank, contributions, run_id)
       SELECT cm.organization_id, 'CLUSTER', c.id, 'CLUSTER', least(1, c.cohesion / $1),
              row_number() OVER (PARTITION BY cm.organization_id ORDER BY c.cohesion DESC, c.id),
              jsonb_build_array(
                jsonb_build_object('criterion', 'cluster', 'direction', 'forward', 'weight', 1,
                  'score', least(1, c.cohesion / $1), 'contribution', 1, 'applicable', true, 'evidence', c.evidence),
                jsonb_build_object('criterion', 'role', 'direction', 'forward', 'weight', 0, 'score', 1,
                  'contribution', 0, 'applicable', true, 'evidence', cm.gap)),
              $2
       FROM cluster_member cm JOIN cluster_proposal c ON c.id = cm.cluster_id
       WHERE NOT EXISTS (
         SELECT 1 FROM suggestion_feedback f WHERE f.organization_id = cm.organization_id
           AND f.kind = 'CLUSTER' AND f.cluster_key = c.key AND f.verdict <> 'ACCEPTED')
         AND NOT EXISTS (
           SELECT 1 FROM jsonb_to_recordset($3::jsonb) AS k(org uuid, key text)
           WHERE k.org = cm.organization_id AND k.key = c.key)`,
      [maxCohesion, runId, JSON.stringify(refusedPairs)],
    );
  }

  /**
   * The counterparts currently suggested to `organizationIds` in the suggestion kinds `kinds`, by
   * organisation, best score first.
   */
  async counterpartsOf(
    db: { query(sql: string, params?: unknown[]): Promise<unknown> },
    organizationIds: readonly string[],
    kinds: readonly string[],
  ): Promise<SuggestedCounterpart[]> {
    return (await db.query(
      `SELECT s.organization_id AS "organizationId", s.kind, s.counterpart_organization_id AS "counterpartId"
         FROM suggestion s
        WHERE s.organization_id = ANY($1::uuid[]) AND s.kind = ANY($2::text[])
          AND s.counterpart_organization_id IS NOT NULL
        ORDER BY s.organization_id, s.score DESC, s.id`,
      [organizationIds, kinds],
    )) as SuggestedCounterpart[];
  }
}
