import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ScheduleChangeKindEnum {
  NEW = 'NEW',
  MOVED = 'MOVED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ScheduleChangeKindEnum, {
  name: 'ScheduleChangeKind',
  description: 'How a meeting of the draft differs from the published schedule',
  valuesMap: {
    NEW: { description: 'In the draft, never published' },
    MOVED: { description: 'Published, now at another slot or table in the draft' },
    CANCELLED: { description: 'Published, then cancelled since the last publication' },
  },
});

@ObjectType('ScheduleChange', { description: 'A meeting whose draft place differs from the published one' })
export class ScheduleChangeType {
  @Field(() => ID, { description: 'The meeting' }) meetingId: string;
  @Field(() => ScheduleChangeKindEnum, { description: 'New, moved or cancelled' }) kind: string;
  @Field(() => ID, { nullable: true, description: 'The accepted request behind it' }) requestId:
    string | null;
  @Field(() => ID, { description: 'Its slot in the draft (cancelled: where it was)' }) slotId: string;
  @Field({ description: 'Start instant of that slot' }) start: Date;
  @Field(() => ID, { nullable: true, description: 'Its table in the draft' }) tableId: string | null;
  @Field(() => String, { nullable: true, description: 'Label of that table' }) tableLabel: string | null;
  @Field(() => ID, { nullable: true, description: 'Its slot as last published; null when new' })
  publishedSlotId: string | null;
  @Field(() => Date, { nullable: true, description: 'Start instant of the published slot' })
  publishedStart: Date | null;
  @Field(() => ID, { nullable: true, description: 'Its table as last published' })
  publishedTableId: string | null;
  @Field(() => String, { nullable: true, description: 'Label of the published table' })
  publishedTableLabel: string | null;
  @Field(() => ID, { description: 'The requesting delegate' }) delegateId: string;
  @Field({ description: "The requesting delegate's name" }) delegateName: string;
  @Field({ description: "The requesting delegate's organisation, by name" }) organizationName: string;
  @Field(() => ID, { description: 'The delegate met' }) counterpartDelegateId: string;
  @Field({ description: "The delegate met's name" }) counterpartDelegateName: string;
  @Field({ description: "The delegate met's organisation, by name" }) counterpartOrganizationName: string;
}

@ObjectType('ScheduleChangeDelegate', { description: 'A delegate whose agenda the draft changes' })
export class ScheduleChangeDelegateType {
  @Field(() => ID, { description: 'The delegate' }) delegateId: string;
  @Field({ description: 'Display name' }) name: string;
  @Field({ description: 'Its organisation, by name' }) organizationName: string;
  @Field(() => Int, { description: 'Changed meetings of this delegate' }) changes: number;
}

@ObjectType('ScheduleComparison', {
  description: 'The draft schedule against the one last published: counts, one page of changes, delegates',
})
export class ScheduleComparisonType {
  @Field(() => ID, { description: 'The edition' }) editionId: string;
  @Field(() => Int, { description: 'Number of the last published schedule; 0 before the first' })
  publishedVersion: number;
  @Field(() => Date, { nullable: true, description: 'When the schedule was last published' })
  publishedAt: Date | null;
  @Field(() => Int, { description: 'New meetings (within the delegate filter)' }) newMeetings: number;
  @Field(() => Int, { description: 'Moved meetings (within the delegate filter)' }) moved: number;
  @Field(() => Int, { description: 'Cancelled meetings (within the delegate filter)' }) cancelled: number;
  @Field(() => Int, { description: 'Delegates with a change (within the delegate filter)' })
  delegates: number;
  @Field(() => [ScheduleChangeType], {
    description: 'One page of changes in slot order, within the delegate and kind filters',
  })
  changes: ScheduleChangeType[];
  @Field(() => String, { nullable: true, description: 'Cursor of the last change of the page' })
  endCursor: string | null;
  @Field({ description: 'Whether more changes follow' }) hasNextPage: boolean;
  @Field(() => [ScheduleChangeDelegateType], {
    description: 'Every delegate with a change, by name, whatever the filters',
  })
  changedDelegates: ScheduleChangeDelegateType[];
}
