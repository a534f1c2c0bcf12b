import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalizedText } from '#directory';
import { FOLLOW_UP_STAGES } from '../statistics/follow-up.js';

export const FollowUpStageEnum = Object.fromEntries(FOLLOW_UP_STAGES.map((s) => [s, s])) as {
  [K in (typeof FOLLOW_UP_STAGES)[number]]: K;
};
registerEnumType(FollowUpStageEnum, {
  name: 'FollowUpStage',
  description: 'How far a meeting went, as its sides reported, from nothing reported to a contract',
  valuesMap: {
    NOT_REPORTED: { description: 'Neither side reported anything yet' },
    NO_SHOW: { description: 'A side reported that the other did not come' },
    HELD: { description: 'The meeting took place' },
    FOLLOW_UP: { description: 'Held, and a follow-up is planned' },
    NEGOTIATION_STARTED: { description: 'The two sides started negotiating' },
    AGREEMENT_SIGNED: { description: 'An agreement or memorandum of understanding was signed' },
    CONTRACT_SIGNED: { description: 'A contract was signed or an order placed' },
  },
});

@ObjectType('EditionStatsRow', {
  description:
    'Counts for one country, ISIC section, group, or the whole edition: requests for the side that sent ' +
    'them, meetings once for each key either side has',
})
export class EditionStatsRowType {
  @Field({ description: "ISO country code, ISIC section letter, group code, 'all' (totals) or 'none'" })
  key: string;
  @Field(() => Int, { description: 'Registered delegates (withdrawn ones not counted)' }) delegates: number;
  @Field(() => Int, { description: 'Meeting requests sent, whatever became of them' }) requestsSent: number;
  @Field(() => Int, { description: 'Requests accepted' }) accepted: number;
  @Field(() => Int, { description: 'Requests declined' }) declined: number;
  @Field(() => Int, { description: 'Requests waiting for an answer and not past their date' })
  pending: number;
  @Field(() => Int, { description: 'Requests left unanswered past their date' }) expired: number;
  @Field(() => Int, { description: 'Requests their sender withdrew' }) cancelled: number;
  @Field(() => Float, {
    nullable: true,
    description: 'accepted / (accepted + declined + expired); null when none was answered or lapsed',
  })
  acceptanceRate: number | null;
  @Field(() => Int, { description: 'Meetings on the schedule (draft or published, not cancelled)' })
  meetingsScheduled: number;
  @Field(() => Int, { description: 'Meetings a side reported as held, or any later stage' })
  meetingsHeld: number;
  @Field(() => Int, { description: 'Meetings reported as a no-show and by no side as held' })
  noShows: number;
}

@ObjectType('RoundUtilisation', { description: 'Tables in use in one meeting round (slot)' })
export class RoundUtilisationType {
  @Field(() => ID, { description: 'The slot' }) slotId: string;
  @Field(() => Int, { description: "The slot's position in the edition" }) position: number;
  @Field({ description: 'Day of the slot (YYYY-MM-DD)' }) day: string;
  @Field({ description: 'MORNING or AFTERNOON' }) session: string;
  @Field({ description: 'When the slot starts' }) startsAt: Date;
  @Field(() => Int, { description: 'Meetings in the slot, cancelled ones left out' }) meetings: number;
  @Field(() => Int, { description: 'Tables holding a meeting in the slot' }) tablesUsed: number;
  @Field(() => Int, { description: 'Active tables of the edition' }) tablesAvailable: number;
  @Field(() => Float, { nullable: true, description: 'tablesUsed / tablesAvailable; null without tables' })
  utilisation: number | null;
}

@ObjectType('EditionStatistics', { description: "An edition's figures for its organisers" })
export class EditionStatisticsType {
  @Field(() => ID, { description: 'The edition' }) editionId: string;
  @Field(() => EditionStatsRowType, { description: 'The whole edition' }) totals: EditionStatsRowType;
  @Field(() => [EditionStatsRowType], { description: "By the organisation's country" })
  byCountry: EditionStatsRowType[];
  @Field(() => [EditionStatsRowType], {
    description: "By the ISIC section of the organisation's first sector",
  })
  bySector: EditionStatsRowType[];
  @Field(() => [EditionStatsRowType], { description: "By the delegate's group code" })
  byGroup: EditionStatsRowType[];
  @Field(() => [RoundUtilisationType], { description: 'Table use per round, in order' })
  rounds: RoundUtilisationType[];
}

@ObjectType('FollowUpStageCount', { description: 'Meetings whose furthest stage is this one' })
export class FollowUpStageCountType {
  @Field(() => FollowUpStageEnum, { description: 'The stage' }) stage: string;
  @Field(() => Int, { description: 'Meetings whose furthest stage it is' }) meetings: number;
}

@ObjectType('FollowUpGroup', { description: 'The stages of the meetings one country or sector took part in' })
export class FollowUpGroupType {
  @Field({ description: "ISO country code, ISIC section letter or 'none'" }) key: string;
  @Field(() => Int, { description: 'Meetings with a side of this key' }) meetings: number;
  @Field(() => [FollowUpStageCountType], { description: 'Every stage, in order' })
  stages: FollowUpStageCountType[];
}

@ObjectType('FollowUpSide', { description: 'One side of a meeting and the stage it reported last' })
export class FollowUpSideType {
  @Field(() => ID, { description: 'The delegate' }) delegateId: string;
  @Field({ description: "The delegate's name" }) delegateName: string;
  @Field(() => ID, { description: "The delegate's organisation" }) organizationId: string;
  @Field(() => LocalizedText, { description: "The organisation's name" }) organizationName: LocalizedText;
  @Field(() => String, { nullable: true, description: "The organisation's country" })
  country: string | null;
  @Field(() => FollowUpStageEnum, { description: 'The stage this side reported last' }) stage: string;
  @Field(() => Date, { nullable: true, description: 'When this side reported it' })
  reportedAt: Date | null;
}

@ObjectType('FollowUpMeeting', { description: 'A meeting and how far it went' })
export class FollowUpMeetingType {
  @Field(() => ID, { description: 'The meeting' }) meetingId: string;
  @Field({ description: 'When its slot starts' }) startsAt: Date;
  @Field(() => String, { nullable: true, description: 'Its table' }) tableLabel: string | null;
  @Field(() => FollowUpStageEnum, { description: 'The furthest stage either side reported' }) stage: string;
  @Field(() => [FollowUpSideType], { description: 'Its two sides' }) sides: FollowUpSideType[];
}

@ObjectType('FollowUpReport', { description: "The follow-up of an edition's meetings" })
export class FollowUpReportType {
  @Field(() => ID, { description: 'The edition' }) editionId: string;
  @Field({ description: "The edition's last day (YYYY-MM-DD)" }) lastDay: string;
  @Field(() => [String], { description: 'Days the follow-up requests are mailed: 3 and 6 months after' })
  requestDates: string[];
  @Field(() => Int, { description: 'Follow-up requests mailed so far (one per delegate and round)' })
  requestsSent: number;
  @Field(() => Int, { description: 'Meetings not cancelled' }) meetings: number;
  @Field(() => [FollowUpStageCountType], { description: 'Every stage, in order, over all meetings' })
  stages: FollowUpStageCountType[];
  @Field(() => [FollowUpGroupType], { description: "By the organisation's country" })
  byCountry: FollowUpGroupType[];
  @Field(() => [FollowUpGroupType], { description: "By the ISIC section of the organisation's first sector" })
  bySector: FollowUpGroupType[];
  @Field(() => [FollowUpMeetingType], { description: 'Meetings, furthest stage first' })
  list: FollowUpMeetingType[];
  @Field(() => Int, { description: 'Meetings the list would hold without first and after' })
  listTotal: number;
  @Field(() => String, {
    nullable: true,
    description:
      "Where the next page of the list starts (pass it as followUpReport's after); null on an empty page",
  })
  endCursor: string | null;
  @Field({ description: 'More meetings follow this page of the list' }) hasNextPage: boolean;
}
