import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError, badInput } from '#platform';
import { similarityKey, type NotRelevantReason, type Verdict } from '../feedback/adjustments.js';

export interface SuggestionFeedbackInput {
  organizationId: string;
  suggestionId: string;
  verdict: Verdict;
  reason?: NotRelevantReason | null;
  comment?: string | null;
  /** On acceptance: open a contact request to the counterpart (default true). */
  openContactRequest?: boolean | null;
  message?: string | null;
}

export interface FeedbackResult {
  suggestionId: string;
  verdict: Verdict;
  contactRequestId: string | null;
}

/**
 * Accept, dismiss or "not relevant": one feedback row per pair (the latest verdict wins). A refusal
 * removes the suggestion at once and the pair is filtered from every later recompute; an acceptance
 * can open a contact request. A `match` outbox row has the organisation's ranking recomputed with
 * the new verdict, durably.
 */
@Injectable()
export class FeedbackService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async give(input: SuggestionFeedbackInput, userId: string | null): Promise<FeedbackResult> {
    if (input.verdict === 'NOT_RELEVANT' && !input.reason)
      throw badInput([{ path: 'reason', message: 'say why the suggestion is not relevant' }]);
    if ((input.comment ?? '').length > 1000)
      throw badInput([{ path: 'comment', message: 'at most 1000 characters' }]);
    if ((input.message ?? '').length > 2000)
      throw badInput([{ path: 'message', message: 'at most 2000 characters' }]);
    return this.db.transaction(async (m) => {
      const [s] = await m.query<
        {
          id: string;
          kind: string;
          counterpart: string | null;
          cluster_id: string | null;
          cluster_key: string | null;
          sectors: string[] | null;
          country: string | null;
          score: number;
        }[]
      >(
        `SELECT s.id, s.kind, s.counterpart_organization_id AS counterpart, s.cluster_id, c.key AS cluster_key,
                o.sectors, o.country, s.score
         FROM suggestion s
         LEFT JOIN cluster_proposal c ON c.id = s.cluster_id
         LEFT JOIN organization o ON o.id = s.counterpart_organization_id
         WHERE s.id = $1 AND s.organization_id = $2 FOR UPDATE OF s`,
        [input.suggestionId, input.organizationId],
      );
      if (!s)
        throw new AppError('NOT_FOUND', 'no such suggestion for this organisation', {
          id: input.suggestionId,
        });
      const similarity =
        s.sectors && s.country ? similarityKey({ sectors: s.sectors, country: s.country.trim() }) : null;
      const reason = input.verdict === 'NOT_RELEVANT' ? input.reason : null;
      let contactRequestId: string | null = null;
      if (input.verdict === 'ACCEPTED' && s.counterpart && input.openContactRequest !== false) {
        const inserted = await m.query<{ id: string }[]>(
          `INSERT INTO contact_request (from_organization_id, to_organization_id, requested_by, message)
           VALUES ($1, $2, $3, $4)
           ON CONFLICT (from_organization_id, to_organization_id) WHERE status = 'PENDING' DO NOTHING
           RETURNING id`,
          [input.organizationId, s.counterpart, userId, input.message ?? null],
        );
        contactRequestId =
          inserted[0]?.id ??
          (
            await m.query<{ id: string }[]>(
              `SELECT id FROM contact_request
               WHERE from_organization_id = $1 AND to_organization_id = $2 AND status = 'PENDING'`,
              [input.organizationId, s.counterpart],
            )
          )[0]?.id ??
          null;
      }
      await m.query(
        `INSERT INTO suggestion_feedback (organization_id, kind, counterpart_organization_id, cluster_key, verdict,
           reason, comment, snapshot, contact_request_id, user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (organization_id, kind, (coalesce(counterpart_organization_id::text, cluster_key)))
         DO UPDATE SET verdict = EXCLUDED.verdict, reason = EXCLUDED.reason, comment = EXCLUDED.comment,
           snapshot = EXCLUDED.snapshot,
           contact_request_id = coalesce(EXCLUDED.contact_request_id, suggestion_feedback.contact_request_id),
           user_id = EXCLUDED.user_id, created_at = now()`,
        [
          input.organizationId,
          s.kind,
          s.counterpart,
          s.counterpart ? null : s.cluster_key,
          input.verdict,
          reason,
          input.comment ?? null,
          JSON.stringify({ similarity, score: s.score, suggestionId: s.id }),
          contactRequestId,
          userId,
        ],
      );
      if (input.verdict !== 'ACCEPTED')
        await m.query(
          `DELETE FROM suggestion WHERE organization_id = $1 AND kind = $2
             AND (counterpart_organization_id = $3 OR cluster_id = $4)`,
          [input.organizationId, s.kind, s.counterpart, s.cluster_id],
        );
      await m.query(
        `INSERT INTO outbox (entity_type, entity_id, op, topic) VALUES ('organization', $1, 'upsert', 'match')`,
        [input.organizationId],
      );
      return { suggestionId: s.id, verdict: input.verdict, contactRequestId };
    });
  }
}
