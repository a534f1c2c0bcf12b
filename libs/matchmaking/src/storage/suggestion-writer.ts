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
  // Ranks run per kind, and per delegate for MEETING suggestions (each delegate has its own list).
  const next = new Map<string, number>();
  const rows = kinds.flatMap((kind) =>
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
