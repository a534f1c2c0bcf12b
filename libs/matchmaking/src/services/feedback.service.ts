import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError, badInput, OutboxService, parseInput, text } from '#platform';
import { AuditService } from '#identity';
import { ContactRequestService, directoryProfiles } from '#directory';
import { forumFacts, RequestService } from '#forum';
import { similarityKey, type NotRelevantReason, type Verdict } from '../feedback/adjustments.js';
import { ClusterRepository } from '../storage/cluster.repository.js';
import { FeedbackRepository } from '../storage/feedback.repository.js';
import { SuggestionRepository } from '../storage/suggestion.repository.js';

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
    private readonly suggestions: SuggestionRepository = new SuggestionRepository(),
    private readonly feedback: FeedbackRepository = new FeedbackRepository(),
    private readonly clusters: ClusterRepository = new ClusterRepository(),
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
    const s = await this.suggestions.meetingSide(this.db, input.suggestionId, input.organizationId);
    if (!s || s.kind !== 'MEETING' || input.openContactRequest === false) return null;
    const open = await forumFacts.openRequestFrom(this.db, s.delegateId, s.counterpartId);
    if (open) return open;
    const created = await this.requests.request(
      {
        editionId: s.editionId,
        organizationId: input.organizationId,
        fromDelegateId: s.delegateId,
        toDelegateId: s.counterpartDelegateId,
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
      const s = await this.suggestions.findForVerdict(m, input.suggestionId, input.organizationId);
      if (!s)
        throw new AppError('NOT_FOUND', 'no such suggestion for this organisation', {
          id: input.suggestionId,
        });
      const counterpart = s.counterpartId
        ? (await directoryProfiles.places(m, [s.counterpartId])).get(s.counterpartId)
        : undefined;
      const similarity =
        counterpart?.sectors && counterpart.country
          ? similarityKey({ sectors: counterpart.sectors, country: counterpart.country.trim() })
          : null;
      // A verdict on a cluster proposal is kept on its core (engine/cluster-core.ts), so that a later
      // proposal differing by a member or two carries it.
      const cluster = s.clusterId ? await this.clusters.coreOf(m, s.clusterId) : null;
      const reason = input.verdict === 'NOT_RELEVANT' ? input.reason : null;
      let contactRequestId: string | null = null;
      if (
        input.verdict === 'ACCEPTED' &&
        s.kind !== 'MEETING' &&
        s.counterpartId &&
        input.openContactRequest !== false
      ) {
        // Accepting again keeps the request this acceptance opened while it is pending; any other
        // request is opened by the contact-request service, with requestContact's checks and notice
        // (a pending request opened another way is refused there as a duplicate).
        const earlier = await this.feedback.contactRequestOfEarlier(
          m,
          input.organizationId,
          s.kind,
          s.counterpartId,
        );
        if (earlier && (await this.contacts.isPending(earlier, m))) contactRequestId = earlier;
        else {
          if (!userId) throw new AppError('UNAUTHENTICATED', 'sign in to open a contact request');
          const opened = await this.contacts.request(
            { userId },
            input.organizationId,
            s.counterpartId,
            input.message ?? null,
            m,
          );
          contactRequestId = opened.id;
        }
      }
      await this.feedback.record(m, {
        organizationId: input.organizationId,
        kind: s.kind,
        counterpartId: s.counterpartId,
        clusterKey: s.counterpartId ? null : s.clusterKey,
        verdict: input.verdict,
        reason: reason ?? null,
        comment: input.comment ?? null,
        snapshot: {
          similarity,
          score: s.score,
          suggestionId: s.id,
          ...(cluster ? { cluster: { ...cluster, country: cluster.country.trim() } } : {}),
        },
        contactRequestId,
        userId,
        meetingRequestId,
      });
      await this.audit.record(m, {
        actor: userId ? { userId } : null,
        action: `suggestion.${input.verdict.toLowerCase()}`,
        entityType: 'suggestion',
        entityId: s.id,
        after: {
          organizationId: input.organizationId,
          kind: s.kind,
          counterpartId: s.counterpartId,
          clusterKey: s.counterpartId ? null : s.clusterKey,
          verdict: input.verdict,
          reason,
          contactRequestId,
          meetingRequestId,
        },
      });
      if (input.verdict !== 'ACCEPTED')
        await this.suggestions.deleteRefused(m, input.organizationId, s.kind, s.counterpartId, s.clusterId);
      await this.outbox.record(
        m,
        [{ entityType: 'organization', entityId: input.organizationId }],
        ['match'],
      );
      return { suggestionId: s.id, verdict: input.verdict, contactRequestId, meetingRequestId };
    });
  }
}
