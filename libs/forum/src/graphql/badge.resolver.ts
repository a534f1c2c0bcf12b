import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { AnyOf, Authorize, MemberOf, Organiser, ownerOfRecord } from '#identity';
import { BadgeService, type ForumBadge } from '../badge/badge.service.js';
import { DelegateSelf } from '../common/delegate-self.js';
import { ForumBadgeType } from './forum.types.js';

/** Delegates' badges: issued to the delegate and its organisation, read back by organisers at the venue. */
@Resolver(() => ForumBadgeType)
export class ForumBadgeResolver {
  constructor(private readonly badges: BadgeService) {}

  @Query(() => ForumBadgeType, {
    description:
      "A registered delegate's badge with its signed code (for its organisation's members and the delegate)",
  })
  @Authorize(
    AnyOf(Organiser, MemberOf(ownerOfRecord('forum_delegate', 'delegateId')), DelegateSelf('delegateId')),
  )
  delegateBadge(
    @Args('delegateId', { type: () => ID, description: 'The delegate' }) delegateId: string,
  ): Promise<ForumBadge> {
    return this.badges.issue(delegateId);
  }

  @Query(() => ForumBadgeType, {
    description:
      'The delegate a scanned badge code names (venue desk); INVALID_TOKEN for a code the api did not sign',
  })
  @Authorize(Organiser)
  forumBadge(
    @Args('code', { description: 'The code read from the badge QR code' }) code: string,
  ): Promise<ForumBadge> {
    return this.badges.read(code);
  }
}
