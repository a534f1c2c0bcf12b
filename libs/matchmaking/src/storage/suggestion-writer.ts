import type { ComputedSuggestion } from '../services/suggestion-computer.js';
import type { Sql, SuggestionKind } from './profile-store.js';

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
  await m.query(`DELETE FROM suggestion WHERE organization_id = $1 AND kind = ANY($2::text[])`, [
    organizationId,
    kinds,
  ]);
  const rows = suggestionRows(kinds, suggestions);
  if (!rows.length) return 0;
  const inserted = await m.query<{ id: string }[]>(
    `INSERT INTO suggestion (organization_id, kind, counterpart_organization_id, opportunity_id, cluster_id, role,
                             score, rank, forward, reverse, contributions, run_id, edition_id, delegate_id,
                             counterpart_delegate_id)
     SELECT $1, r.kind, r.counterpart, r.opportunity, r.cluster, r.role, r.score, r.rank, r.forward, r.reverse,
            r.contributions, $3, r.edition, r.delegate, r.counterpart_delegate
     FROM jsonb_to_recordset($2::jsonb) AS r(kind text, counterpart uuid, opportunity uuid, cluster uuid, role text,
          score float8, rank int, forward float8, reverse float8, contributions jsonb, edition uuid, delegate uuid,
          counterpart_delegate uuid)
     WHERE NOT EXISTS (
       SELECT 1 FROM suggestion_feedback f
       WHERE f.organization_id = $1 AND f.kind = r.kind AND f.verdict <> 'ACCEPTED'
         AND f.counterpart_organization_id = r.counterpart)
     RETURNING id`,
    [organizationId, JSON.stringify(rows), runId],
  );
  return inserted.length;
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
 * `replaceSuggestions` for many organisations in three statements, inside the caller's transaction:
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
  await m.query(`DELETE FROM suggestion WHERE organization_id = ANY($1::uuid[]) AND kind = ANY($2::text[])`, [
    active.map((i) => i.organizationId),
    kinds,
  ]);
  const rows = active.flatMap((i) =>
    suggestionRows(kinds, i.suggestions).map((r) => ({ org: i.organizationId, ...r })),
  );
  if (!rows.length) return written;
  const inserted = await m.query<{ organization_id: string }[]>(
    `INSERT INTO suggestion (organization_id, kind, counterpart_organization_id, opportunity_id, cluster_id, role,
                             score, rank, forward, reverse, contributions, run_id, edition_id, delegate_id,
                             counterpart_delegate_id)
     SELECT r.org, r.kind, r.counterpart, r.opportunity, r.cluster, r.role, r.score, r.rank, r.forward, r.reverse,
            r.contributions, $2, r.edition, r.delegate, r.counterpart_delegate
     FROM jsonb_to_recordset($1::jsonb) AS r(org uuid, kind text, counterpart uuid, opportunity uuid, cluster uuid,
          role text, score float8, rank int, forward float8, reverse float8, contributions jsonb, edition uuid,
          delegate uuid, counterpart_delegate uuid)
     WHERE NOT EXISTS (
       SELECT 1 FROM suggestion_feedback f
       WHERE f.organization_id = r.org AND f.kind = r.kind AND f.verdict <> 'ACCEPTED'
         AND f.counterpart_organization_id = r.counterpart)
     RETURNING organization_id`,
    [JSON.stringify(rows), runId],
  );
  for (const r of inserted) written.set(r.organization_id, (written.get(r.organization_id) ?? 0) + 1);
  return written;
}
