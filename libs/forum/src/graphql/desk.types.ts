import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ForumBadgeType } from './forum.types.js';

@ObjectType('ForumBadgePage', { description: "A page of an edition's badges, by delegate name" })
export class ForumBadgePageType {
  @Field(() => Int, { description: 'Registered delegates of the edition' }) total: number;
  @Field(() => [ForumBadgeType], { description: 'This page of badges' }) badges: ForumBadgeType[];
  @Field(() => String, {
    nullable: true,
    description: "Where the next page starts (pass it as editionBadges' after); null on an empty page",
  })
  endCursor: string | null;
  @Field({ description: 'More badges follow this page' }) hasNextPage: boolean;
}

@ObjectType('DeskCheckIn', { description: 'A check-in at the venue desk' })
export class DeskCheckInType {
  @Field(() => ForumBadgeType, { description: 'The delegate checked in, with the arrival time' })
  badge: ForumBadgeType;
  @Field({ description: 'The delegate had already been checked in (the first arrival time is kept)' })
  alreadyCheckedIn: boolean;
}
