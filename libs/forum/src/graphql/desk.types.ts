import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ForumBadgeType } from './forum.types.js';

@ObjectType('ForumBadgePage', { description: "A page of an edition's badges, by delegate name" })
export class ForumBadgePageType {
  @Field(() => Int, { description: 'Registered delegates of the edition' }) total: number;
  @Field(() => [ForumBadgeType], { description: 'This page of badges' }) badges: ForumBadgeType[];
}

@ObjectType('DeskCheckIn', { description: 'A check-in at the venue desk' })
export class DeskCheckInType {
  @Field(() => ForumBadgeType, { description: 'The delegate checked in, with the arrival time' })
  badge: ForumBadgeType;
  @Field({ description: 'The delegate had already been checked in (the first arrival time is kept)' })
  alreadyCheckedIn: boolean;
}
