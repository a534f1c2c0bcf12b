import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError, badInput, OutboxService, parseInput, text } from '#platform';
import { AuditService } from '#identity';
import { ContactRequestService, directoryProfiles } from '#directory';
import { forumFacts, RequestService } from '#forum';
import { similarityKey, type NotRelevantReason, type Verdict } from '../feedback/adjustments.js';
import type { ClusterCore } from '../engine/cluster-core.js';

export interface SuggestionFeedbackInput {
  organizationId: string;
  suggestionId: string;
  verdict: Verdict;
  reason?: NotRelevantReason | null;
  comment?: string | null;
  /**
   * On acceptance: open a contact request to the counterpart (default true), or for a MEETING
   * suggestion a meeting request from the delegate to the suggested delegate.
   */
  openContactRequest?: boolean | null;
  message?: string | null;
}

export interface FeedbackResult {
  suggestionId: string;
  verdict: Verdict;
  contactRequestId: string | null;
  meetingRequestId: string | null;
}

/** Free text written to another organisation or kept with the feedback: bounded, without control or bidi characters. */
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => v || null);

interface MeetingSide {
  edition_id: string;
  delegate_id: string;
  counterpart_delegate_id: string;
  counterpart: string;
}

/**
 * Accept, dismiss or "not relevant": one feedback row per pair (the latest verdict wins). A refusal
 * removes the suggestion at once and the pair is filtered from every later recompute; an acceptance
 * can open a contact request. A `match` outbox row has the organisation's ranking recomputed with
 * the new verdict, durably.
 */
@Injectable()
export class FeedbackService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly requests: RequestService,
    private readonly contacts: ContactRequestService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * The meeting request an accepted MEETING suggestion opens, through the forum's request service
   * (its quotas, group rules and edition state apply). An open request from the same delegate to that
   * organisation is reused, so accepting twice, or retrying after a failure, opens only one.
   */
  private async meetingRequest(
    input: SuggestionFeedbackInput,
    userId: string | null,
  ): Promise<string | null> {
    const [s] = await this.db.query<(MeetingSide & { kind: string })[]>(
      `SELECT kind, edition_id, delegate_id, counterpart_delegate_id, counterpart_organization_id AS counterpart
       FROM suggestion WHERE id = $1 AND organization_id = $2`,
      [input.suggestionId, input.organizationId],
    );
    if (!s || s.kind !== 'MEETING' || input.openContactRequest === false) return null;
    const open = await forumFacts.openRequestFrom(this.db, s.delegate_id, s.counterpart);
    if (open) return open;
    const created = await this.requests.request(
      {
        editionId: s.edition_id,
        organizationId: input.organizationId,
        fromDelegateId: s.delegate_id,
        toDelegateId: s.counterpart_delegate_id,
        message: input.message ?? null,
        source: 'SUGGESTION',
      },
      userId,
    );
    return created.id;
  }

  async give(input: SuggestionFeedbackInput, userId: string | null): Promise<FeedbackResult> {
    if (input.verdict === 'NOT_RELEVANT' && !input.reason)
      throw badInput([{ path: 'reason', message: 'say why the suggestion is not relevant' }]);
    input = {
      ...input,
      comment: parseInput(optionalText(1000), input.comment, 'comment'),
      message: parseInput(optionalText(2000), input.message, 'message'),
    };
    // The request service runs its own transaction; the feedback below then records its id.
    const meetingRequestId = input.verdict === 'ACCEPTED' ? await this.meetingRequest(input, userId) : null;
    return this.db.transaction(async (m) => {
      const [s] = await m.query<
        {
          id: string;
          kind: string;
          counterpart: string | null;
          cluster_id: string | null;
          cluster_key: string | null;
          score: number;
        }[]
      >(
        `SELECT s.id, s.kind, s.counterpart_organization_id AS counterpart, s.cluster_id, c.key AS cluster_key,
                s.score
         FROM suggestion s
         LEFT JOIN cluster_proposal c ON c.id = s.cluster_id
         WHERE s.id = $1 AND s.organization_id = $2 FOR UPDATE OF s`,
        [input.suggestionId, input.organizationId],
      );
      if (!s)
        throw new AppError('NOT_FOUND', 'no such suggestion for this organisation', {
          id: input.suggestionId,
        });
      const counterpart = s.counterpart
        ? (await directoryProfiles.places(m, [s.counterpart])).get(s.counterpart)
        : undefined;
      const similarity =
        counterpart?.sectors && counterpart.country
          ? similarityKey({ sectors: counterpart.sectors, country: counterpart.country.trim() })
          : null;
      // A verdict on a cluster proposal is kept on its core (engine/cluster-core.ts), so that a later
      // proposal differing by a member or two carries it.
      const [cluster] = s.cluster_id
        ? await m.query<ClusterCore[]>(
            `SELECT c.value_chain AS "valueChain", c.country, c.region_code AS "regionCode",
                    coalesce(array_agg(cm.organization_id::text ORDER BY cm.organization_id)
                             FILTER (WHERE cm.organization_id IS NOT NULL), '{}') AS members
               FROM cluster_proposal c LEFT JOIN cluster_member cm ON cm.cluster_id = c.id
              WHERE c.id = $1 GROUP BY c.id`,
            [s.cluster_id],
          )
        : [];
      const reason = input.verdict === 'NOT_RELEVANT' ? input.reason : null;
      let contactRequestId: string | null = null;
      if (
        input.verdict === 'ACCEPTED' &&
        s.kind !== 'MEETING' &&
        s.counterpart &&
        input.openContactRequest !== false
      ) {
        // Accepting again keeps the request this acceptance opened while it is pending; any other
        // request is opened by the contact-request service, with requestContact's checks and notice
        // (a pending request opened another way is refused there as a duplicate).
        const [earlier] = await m.query<{ id: string }[]>(
          `SELECT contact_request_id AS id FROM suggestion_feedback
            WHERE organization_id = $1 AND kind = $2 AND counterpart_organization_id = $3
              AND contact_request_id IS NOT NULL`,
          [input.organizationId, s.kind, s.counterpart],
        );
        if (earlier && (await this.contacts.isPending(earlier.id, m))) contactRequestId = earlier.id;
        else {
          if (!userId) throw new AppError('UNAUTHENTICATED', 'sign in to open a contact request');
          const opened = await this.contacts.request(
            { userId },
            input.organizationId,
            s.counterpart,
            input.message ?? null,
            m,
          );
          contactRequestId = opened.id;
        }
      }
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
          input.organizationId,
          s.kind,
          s.counterpart,
          s.counterpart ? null : s.cluster_key,
          input.verdict,
          reason,
          input.comment ?? null,
          JSON.stringify({
            similarity,
            score: s.score,
            suggestionId: s.id,
            ...(cluster ? { cluster: { ...cluster, country: cluster.country.trim() } } : {}),
          }),
          contactRequestId,
          userId,
          meetingRequestId,
        ],
      );
      await this.audit.record(m, {
        actor: userId ? { userId } : null,
        action: `suggestion.${input.verdict.toLowerCase()}`,
        entityType: 'suggestion',
        entityId: s.id,
        after: {
          organizationId: input.organizationId,
          kind: s.kind,
          counterpartId: s.counterpart,
          clusterKey: s.counterpart ? null : s.cluster_key,
          verdict: input.verdict,
          reason,
          contactRequestId,
          meetingRequestId,
        },
      });
      if (input.verdict !== 'ACCEPTED')
        await m.query(
          `DELETE FROM suggestion WHERE organization_id = $1 AND kind = $2
             AND (counterpart_organization_id = $3 OR cluster_id = $4)`,
          [input.organizationId, s.kind, s.counterpart, s.cluster_id],
        );
      await this.outbox.record(
        m,
        [{ entityType: 'organization', entityId: input.organizationId }],
        ['match'],
      );
      return { suggestionId: s.id, verdict: input.verdict, contactRequestId, meetingRequestId };
    });
  }
}
