import { Injectable } from '@nestjs/common';
import type { ClusterCore } from '../engine/cluster-core.js';
import type { NotRelevantReason, Verdict } from '../feedback/adjustments.js';
import type { Sql } from './profile.repository.js';

/** A verdict as recorded: one per organisation, kind and counterpart (or cluster key). */
export interface VerdictRecord {
  organizationId: string;
  kind: string;
  counterpartId: string | null;
  clusterKey: string | null;
  verdict: Verdict;
  reason: NotRelevantReason | null;
  comment: string | null;
  snapshot: unknown;
  contactRequestId: string | null;
  userId: string | null;
  meetingRequestId: string | null;
}

/** Verdicts organisations gave on their suggestions (`suggestion_feedback`). */
@Injectable()
export class FeedbackRepository {
  /** The contact request an earlier acceptance of the same counterpart opened, if any. */
  async contactRequestOfEarlier(
    m: Sql,
    organizationId: string,
    kind: string,
    counterpartId: string,
  ): Promise<string | null> {
    const [earlier] = await m.query<{ id: string }[]>(
      `SELECT contact_request_id AS id FROM suggestion_feedback
        WHERE organization_id = $1 AND kind = $2 AND counterpart_organization_id = $3
          AND contact_request_id IS NOT NULL`,
      [organizationId, kind, counterpartId],
    );
    return earlier?.id ?? null;
  }

  /**
   * Records a verdict, replacing an earlier one on the same pair; an earlier contact or meeting
   * request stays linked when this verdict opens none.
   */
  async record(m: Sql, v: VerdictRecord): Promise<void> {
    await m.query(
      `INSERT INTO suggestion_feedback (organization_id, kind, counterpart_organization_id, cluster_key, verdict,
         reason, comment, snapshot, contact_request_id, user_id, meeting_request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (organization_id, kind, (coalesce(counterpart_organization_id::text, cluster_key)))
       DO UPDATE SET verdict = EXCLUDED.verdict, reason = EXCLUDED.reason, comment = EXCLUDED.comment,
         snapshot = EXCLUDED.snapshot,
         contact_request_id = coalesce(EXCLUDED.contact_request_id, suggestion_feedback.contact_request_id),
         meeting_request_id = coalesce(EXCLUDED.meeting_request_id, suggestion_feedback.meeting_request_id),
         user_id = EXCLUDED.user_id, created_at = now()`,
      [
        v.organizationId,
        v.kind,
        v.counterpartId,
        v.clusterKey,
        v.verdict,
        v.reason,
        v.comment,
        JSON.stringify(v.snapshot),
        v.contactRequestId,
        v.userId,
        v.meetingRequestId,
      ],
    );
  }

  /** The cores of the cluster proposals organisations refused. */
  async refusedClusterCores(m: Sql): Promise<{ organizationId: string; core: ClusterCore }[]> {
    return m.query<{ organizationId: string; core: ClusterCore }[]>(
      `SELECT organization_id AS "organizationId", snapshot->'cluster' AS core FROM suggestion_feedback
        WHERE kind = 'CLUSTER' AND verdict <> 'ACCEPTED' AND snapshot ? 'cluster'`,
    );
  }
}
