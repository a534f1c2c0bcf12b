import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  AnyOf,
  arg,
  Authorize,
  CurrentViewer,
  MemberOf,
  Organiser,
  ownerOfRecord,
  type Viewer,
} from '#identity';
import { APP_CONFIG, type AppConfig } from '#platform';
import { MeetingService } from '../meeting/meeting.service.js';
import type { MeetingOutcome, MeetingParticipantEntity } from '../meeting/meeting.entity.js';
import { WalkInService, type FreeSlot, type WalkInResult } from '../day/walk-in.service.js';
import { AgendaFeedService } from '../day/agenda-feed.service.js';
import { StatisticsService } from '../day/statistics.service.js';
import { PrecedenceService, type MeetingPrecedence } from '../schedule/precedence.service.js';
import type { ForumStatistics } from '../stats/statistics.js';
import {
  AgendaFeedType,
  ForumStatisticsType,
  FreeSlotType,
  MeetingOutcomeEnum,
  MeetingParticipantType,
  MeetingPrecedenceType,
  WalkInInput,
  WalkInResultType,
} from './forum.types.js';
import { actingOrganization } from './registration.resolver.js';
import { DelegateSelf } from '../common/delegate-self.js';

const delegateOwner = (path: string) => MemberOf(ownerOfRecord('forum_delegate', path));

/** The forum day: outcomes, walk-ins, calendar feeds, precedences and organiser statistics. */
@Resolver()
export class ForumDayResolver {
  constructor(
    private readonly meetings: MeetingService,
    private readonly walkIns: WalkInService,
    private readonly feeds: AgendaFeedService,
    private readonly stats: StatisticsService,
    private readonly precedences: PrecedenceService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Mutation(() => [MeetingParticipantType], {
    description: "Reports how a meeting went for the acting organisation's side (organisers: both sides)",
  })
  @Authorize(AnyOf(Organiser, MemberOf(arg('organizationId'))))
  reportMeetingOutcome(
    @Args('meetingId', { type: () => ID, description: 'The meeting' }) meetingId: string,
    @Args('organizationId', {
      type: () => ID,
      nullable: true,
      description: 'The side you report for (optional for organisers)',
    })
    organizationId: string | null,
    @Args('outcome', { type: () => MeetingOutcomeEnum, description: 'What happened' })
    outcome: MeetingOutcome,
    @Args('note', {
      type: () => String,
      nullable: true,
      description: 'Note on the outcome, for your organisation and organisers',
    })
    note: string | null,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<MeetingParticipantEntity[]> {
    return this.meetings.reportOutcome(
      meetingId,
      actingOrganization(viewer, organizationId),
      outcome,
      note,
      viewer,
    );
  }

  @Query(() => [FreeSlotType], {
    description:
      'Slots not yet started where both delegates are free and a table is free. delegateId is a delegate of ' +
      "the caller's organisation (organisers: any); members see only published meetings and their own " +
      "delegate's unavailability",
  })
  @Authorize(AnyOf(Organiser, delegateOwner('delegateId')))
  freeSlots(
    @Args('editionId', { type: () => ID, description: 'The forum edition' }) editionId: string,
    @Args('delegateId', { type: () => ID, description: 'The delegate' }) delegateId: string,
    @Args('withDelegateId', { type: () => ID, description: 'The other delegate' }) withDelegateId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<FreeSlot[]> {
    return this.walkIns.freeSlots(editionId, delegateId, withDelegateId, viewer);
  }

  @Mutation(() => WalkInResultType, {
    description:
      'A walk-in meeting in a free slot: booked at once by an organiser; by a member, proposed to the other ' +
      'side and booked when that side books the same slot back or accepts the request',
  })
  @Authorize(AnyOf(Organiser, MemberOf(arg('input.organizationId'))))
  bookWalkIn(
    @Args('input', { description: 'The walk-in meeting' }) input: WalkInInput,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<WalkInResult> {
    return this.walkIns.book({ ...input }, viewer);
  }

  @Mutation(() => AgendaFeedType, {
    description:
      'A new private calendar feed URL for the delegate (its organisation, or the delegate themselves); the ' +
      'previous one stops working. It also stops when its creator leaves the organisation, when the ' +
      "delegate withdraws and when the delegate's email changes",
  })
  @Authorize(AnyOf(delegateOwner('delegateId'), DelegateSelf('delegateId')))
  async agendaFeedUrl(
    @Args('delegateId', { type: () => ID, description: 'The delegate' }) delegateId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<{ delegateId: string; url: string; path: string }> {
    const feed = await this.feeds.rotate(delegateId, viewer);
    return { delegateId: feed.delegateId, path: feed.path, url: `${this.config.publicUrl}${feed.path}` };
  }

  @Query(() => ForumStatisticsType, {
    description: 'Request, meeting and table statistics of an edition (organisers)',
  })
  @Authorize(Organiser)
  forumStatistics(
    @Args('editionId', { type: () => ID, description: 'The forum edition' }) editionId: string,
  ): Promise<ForumStatistics> {
    return this.stats.statistics(editionId);
  }

  @Query(() => [MeetingPrecedenceType], {
    description: 'The "A before B" orders between meetings of an edition (organisers)',
  })
  @Authorize(Organiser)
  meetingPrecedences(
    @Args('editionId', { type: () => ID, description: 'The forum edition' }) editionId: string,
  ): Promise<MeetingPrecedence[]> {
    return this.precedences.list(editionId);
  }

  @Mutation(() => MeetingPrecedenceType, {
    description: 'The meeting of beforeRequestId must take an earlier slot than that of afterRequestId',
  })
  @Authorize(Organiser)
  addMeetingPrecedence(
    @Args('beforeRequestId', { type: () => ID, description: 'The meeting (by its request) that comes first' })
    beforeRequestId: string,
    @Args('afterRequestId', { type: () => ID, description: 'The meeting (by its request) that comes later' })
    afterRequestId: string,
    @Args('delegateId', { type: () => ID, nullable: true, description: 'The delegate' })
    delegateId: string | null,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<MeetingPrecedence> {
    return this.precedences.add(beforeRequestId, afterRequestId, delegateId, viewer);
  }

  @Mutation(() => Boolean, { description: 'Removes an "A before B" order (organisers)' })
  @Authorize(Organiser)
  removeMeetingPrecedence(
    @Args('beforeRequestId', { type: () => ID, description: 'The meeting (by its request) that comes first' })
    beforeRequestId: string,
    @Args('afterRequestId', { type: () => ID, description: 'The meeting (by its request) that comes later' })
    afterRequestId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<boolean> {
    return this.precedences.remove(beforeRequestId, afterRequestId, viewer);
  }
}
