import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authorize, CurrentViewer, Organiser, type Viewer } from '#identity';
import { BadgeService, BADGE_PAGE_MAX, type ForumBadge } from '../badge/badge.service.js';
import { DeskService, type DeskCheckIn } from '../day/desk.service.js';
import type { MeetingParticipantEntity } from '../meeting/meeting.entity.js';
import { MeetingParticipantType } from './forum.types.js';
import { DeskCheckInType, ForumBadgePageType } from './desk.types.js';

/** The organisers' printing and venue desk: every badge of an edition, check-in by badge, no-shows. */
@Resolver()
export class ForumDeskResolver {
  constructor(
    private readonly badges: BadgeService,
    private readonly desk: DeskService,
  ) {}

  @Query(() => ForumBadgePageType, {
    description: `Badges of an edition's registered delegates, by name, to print (at most ${BADGE_PAGE_MAX} a page)`,
  })
  @Authorize(Organiser)
  editionBadges(
    @Args('editionId', { type: () => ID, description: 'The edition' }) editionId: string,
    @Args('after', {
      type: () => String,
      nullable: true,
      description: 'The endCursor of the page before; the first page when unset',
    })
    after: string | null,
    @Args('limit', { type: () => Int, defaultValue: 100, description: 'Badges in the page (1 to 500)' })
    limit: number,
  ): Promise<{ total: number; badges: ForumBadge[]; endCursor: string | null; hasNextPage: boolean }> {
    return this.badges.page(editionId, after ?? null, limit);
  }

  @Mutation(() => DeskCheckInType, {
    description:
      'Checks in the delegate a scanned badge code names, at the desk of editionId (idempotent). ' +
      'INVALID_TOKEN for a code the api did not sign; CONFLICT with extensions.reason OTHER_EDITION, ' +
      'WITHDRAWN or EXPIRED (the edition is over)',
  })
  @Authorize(Organiser)
  checkInBadge(
    @Args('editionId', { type: () => ID, description: 'The edition whose desk scans' }) editionId: string,
    @Args('code', { description: 'The code read from the badge' }) code: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<DeskCheckIn> {
    return this.desk.checkInBadge(editionId, code, viewer);
  }

  @Mutation(() => [MeetingParticipantType], {
    description:
      'Records that absentDelegateId did not come to the meeting: the side that came reports NO_SHOW ' +
      '(idempotent). CONFLICT with reason NOT_STARTED before the meeting starts',
  })
  @Authorize(Organiser)
  markNoShow(
    @Args('meetingId', { type: () => ID, description: 'A meeting that has started' }) meetingId: string,
    @Args('absentDelegateId', { type: () => ID, description: 'The side that did not come' })
    absentDelegateId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<MeetingParticipantEntity[]> {
    return this.desk.markNoShow(meetingId, absentDelegateId, viewer);
  }
}
