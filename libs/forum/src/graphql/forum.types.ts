import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalizedText, LocalizedTextInput } from '#directory';
import { EDITION_STATUSES, SESSION_KINDS } from '../edition/edition.entity.js';
import { DELEGATE_GOALS, DELEGATE_STATUSES } from '../registration/registration.entity.js';
import { REQUEST_SOURCES, REQUEST_STATUSES, SESSION_PREFERENCES } from '../request/request.entity.js';
import { MEETING_STATUSES } from '../meeting/meeting.entity.js';
import { RUN_RESULTS, RUN_STATES } from '../schedule/schedule-run.entity.js';

const asEnum = <T extends readonly string[]>(codes: T) =>
  Object.fromEntries(codes.map((c) => [c, c])) as { [K in T[number]]: K };

export const EditionStatusEnum = asEnum(EDITION_STATUSES);
export const SessionKindEnum = asEnum(SESSION_KINDS);
export const DelegateGoalEnum = asEnum(DELEGATE_GOALS);
export const DelegateStatusEnum = asEnum(DELEGATE_STATUSES);
export const RequestStatusEnum = asEnum(REQUEST_STATUSES);
export const SessionPreferenceEnum = asEnum(SESSION_PREFERENCES);
export const RequestSourceEnum = asEnum(REQUEST_SOURCES);
export const MeetingStatusEnum = asEnum(MEETING_STATUSES);
export const ScheduleRunStateEnum = asEnum(RUN_STATES);
export const ScheduleResultEnum = asEnum(RUN_RESULTS);
export const AgendaViewEnum = asEnum(['PUBLISHED', 'DRAFT'] as const);
export const RequestDirectionEnum = asEnum(['SENT', 'RECEIVED', 'ANY'] as const);

registerEnumType(EditionStatusEnum, { name: 'ForumEditionStatus' });
registerEnumType(SessionKindEnum, { name: 'ForumSessionKind' });
registerEnumType(DelegateGoalEnum, { name: 'DelegateGoal' });
registerEnumType(DelegateStatusEnum, { name: 'DelegateStatus' });
registerEnumType(RequestStatusEnum, { name: 'MeetingRequestStatus' });
registerEnumType(SessionPreferenceEnum, { name: 'SessionPreference' });
registerEnumType(RequestSourceEnum, { name: 'MeetingRequestSource' });
registerEnumType(MeetingStatusEnum, { name: 'MeetingStatus' });
registerEnumType(ScheduleRunStateEnum, { name: 'ScheduleRunState' });
registerEnumType(ScheduleResultEnum, {
  name: 'ScheduleResult',
  description: 'OPTIMAL: proven best; FEASIBLE: valid, not proven best; INFEASIBLE: no schedule (see reason)',
});
registerEnumType(AgendaViewEnum, { name: 'AgendaView' });
registerEnumType(RequestDirectionEnum, { name: 'RequestDirection' });

@ObjectType()
export class SessionBreakType {
  @Field() start: string;
  @Field() end: string;
}

@ObjectType('ForumSession')
export class ForumSessionType {
  @Field(() => ID) id: string;
  @Field() day: string;
  @Field(() => SessionKindEnum) kind: string;
  @Field() startsAt: string;
  @Field() endsAt: string;
  @Field(() => [SessionBreakType]) breaks: SessionBreakType[];
}

@ObjectType('ForumSlot')
export class ForumSlotType {
  @Field(() => ID) id: string;
  @Field(() => Int) position: number;
  @Field() day: string;
  @Field(() => SessionKindEnum) session: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field() isBreak: boolean;
}

@ObjectType('ForumEdition')
export class ForumEditionType {
  @Field(() => ID) id: string;
  @Field(() => LocalizedText) name: LocalizedText;
  @Field(() => String, { nullable: true }) venue: string | null;
  @Field() timezone: string;
  @Field() startsOn: string;
  @Field() endsOn: string;
  @Field(() => EditionStatusEnum) status: string;
  @Field(() => Int) slotMinutes: number;
  @Field(() => Int) requestExpiryHours: number;
  @Field(() => Int, { nullable: true }) maxMeetingsPerDelegate: number | null;
  @Field(() => Int, { nullable: true }) maxRequestsPerDelegate: number | null;
  @Field(() => Int) fairness: number;
  @Field(() => Int, { description: 'Minutes before a meeting its participants get a reminder (0: none)' })
  reminderMinutes: number;
  @Field(() => Int) publishedVersion: number;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field(() => Int) version: number;
}

@ObjectType('ForumTable')
export class ForumTableType {
  @Field(() => ID) id: string;
  @Field(() => ID) editionId: string;
  @Field() label: string;
  @Field(() => Int) capacity: number;
  @Field(() => [String]) languages: string[];
  @Field() interpreter: boolean;
  @Field(() => ID, { nullable: true, description: 'The organisation whose stand this table is' })
  organizationId: string | null;
  @Field() active: boolean;
}

@ObjectType('ForumGroup')
export class ForumGroupType {
  @Field(() => ID) id: string;
  @Field(() => ID) editionId: string;
  @Field() code: string;
  @Field(() => LocalizedText) name: LocalizedText;
  @Field(() => Int, { nullable: true }) maxMeetings: number | null;
  @Field(() => Int, { nullable: true }) maxRequests: number | null;
}

@ObjectType('ForumGroupRule')
export class ForumGroupRuleType {
  @Field(() => ID) groupId: string;
  @Field(() => ID) mayMeetGroupId: string;
}

@ObjectType('ForumDelegate')
export class ForumDelegateType {
  @Field(() => ID) id: string;
  @Field(() => ID) editionId: string;
  @Field(() => ID) organizationId: string;
  @Field(() => ID, { nullable: true }) userId: string | null;
  @Field() name: string;
  @Field() email: string;
  @Field(() => [String]) languages: string[];
  @Field(() => [DelegateGoalEnum]) goals: string[];
  @Field(() => ID, { nullable: true }) groupId: string | null;
  @Field(() => DelegateStatusEnum) status: string;
  @Field(() => Date, { nullable: true }) checkedInAt: Date | null;
}

@ObjectType('ForumBadge', {
  description: "A delegate's badge: the signed code its QR code carries, and who it names",
})
export class ForumBadgeType {
  @Field({ description: 'Signed by the api (HMAC-SHA256); read back with forumBadge(code:)' }) code: string;
  @Field(() => ID) delegateId: string;
  @Field(() => ID) editionId: string;
  @Field() delegateName: string;
  @Field(() => ID) organizationId: string;
  @Field(() => LocalizedText) organizationName: LocalizedText;
  @Field({ description: 'ISO 3166-1 alpha-2' }) organizationCountry: string;
  @Field(() => DelegateStatusEnum) status: string;
  @Field(() => Date, { nullable: true }) checkedInAt: Date | null;
}

@ObjectType('MeetingRequest')
export class MeetingRequestType {
  @Field(() => ID) id: string;
  @Field(() => ID) editionId: string;
  @Field(() => ID) fromDelegateId: string;
  @Field(() => ID) fromOrganizationId: string;
  @Field(() => ID, { nullable: true }) toDelegateId: string | null;
  @Field(() => ID) toOrganizationId: string;
  @Field(() => String, { nullable: true }) message: string | null;
  @Field(() => Int, { description: '1 (low) to 3 (high)' }) priority: number;
  @Field(() => SessionPreferenceEnum) session: string;
  @Field(() => RequestStatusEnum) status: string;
  @Field(() => RequestSourceEnum) source: string;
  @Field() expiresAt: Date;
  @Field(() => Date, { nullable: true }) respondedAt: Date | null;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field() createdAt: Date;
}

@ObjectType('Meeting')
export class MeetingType {
  @Field(() => ID) id: string;
  @Field(() => ID) editionId: string;
  @Field(() => ID, { nullable: true }) requestId: string | null;
  @Field(() => ID) slotId: string;
  @Field(() => ID, { nullable: true }) tableId: string | null;
  @Field(() => MeetingStatusEnum) status: string;
  @Field() pinned: boolean;
  @Field(() => ID, { nullable: true }) publishedSlotId: string | null;
  @Field(() => ID, { nullable: true }) publishedTableId: string | null;
  @Field(() => Int) sequence: number;
  @Field() uid: string;
}

@ObjectType('AgendaMeeting', { description: 'A meeting as one participant sees it' })
export class AgendaMeetingType {
  @Field(() => ID) meetingId: string;
  @Field() uid: string;
  @Field(() => Int) sequence: number;
  @Field(() => MeetingStatusEnum) status: string;
  @Field() pinned: boolean;
  @Field(() => ID, { nullable: true }) requestId: string | null;
  @Field(() => ID) slotId: string;
  @Field(() => Int) slotPosition: number;
  @Field() start: Date;
  @Field() end: Date;
  @Field() timezone: string;
  @Field(() => ID, { nullable: true }) tableId: string | null;
  @Field(() => String, { nullable: true }) tableLabel: string | null;
  @Field(() => ID) delegateId: string;
  @Field() delegateName: string;
  @Field(() => ID) organizationId: string;
  @Field() organizationName: string;
  @Field(() => ID) counterpartDelegateId: string;
  @Field() counterpartDelegateName: string;
  @Field(() => ID) counterpartOrganizationId: string;
  @Field() counterpartOrganizationName: string;
}

@ObjectType()
export class UnscheduledRequestType {
  @Field(() => ID) requestId: string;
  @Field() reason: string;
}

@ObjectType('ScheduleRunSummary')
export class ScheduleRunSummaryType {
  @Field(() => Int) requests: number;
  @Field(() => Int) scheduled: number;
  @Field(() => [UnscheduledRequestType]) unscheduled: UnscheduledRequestType[];
  @Field(() => Int) totalBreaks: number;
  @Field(() => Int) maxBreaks: number;
  @Field(() => Int) minBreaks: number;
  @Field(() => Int) tableChanges: number;
  @Field(() => Int) moved: number;
  @Field() scheduledWeight: number;
  @Field() totalWeight: number;
  @Field(() => Int, { nullable: true }) lowerBound: number | null;
  @Field(() => Int) timeMs: number;
  @Field() method: string;
}

@ObjectType('ScheduleRun')
export class ScheduleRunType {
  @Field(() => ID, { description: 'The job id' }) id: string;
  @Field(() => ID) editionId: string;
  @Field() allowMoves: boolean;
  @Field(() => ScheduleRunStateEnum) state: string;
  @Field(() => ScheduleResultEnum, { nullable: true }) result: string | null;
  @Field({ description: 'Share of the time budget used, 0..1' }) progress: number;
  @Field(() => String, { nullable: true }) phase: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why the run failed, or why its last attempt failed while RETRYING',
  })
  reason: string | null;
  @Field(() => Int, { description: 'The attempt running, or the last one run (0 while queued)' })
  attempt: number;
  @Field(() => Int, { description: 'How many attempts the run may make' }) maxAttempts: number;
  @Field(() => ScheduleRunSummaryType, { nullable: true }) summary: ScheduleRunSummaryType | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
}

@ObjectType('PublishScheduleResult')
export class PublishResultType {
  @Field(() => ID) editionId: string;
  @Field(() => Int) publishedVersion: number;
  @Field(() => Int) changedMeetings: number;
  @Field(() => [ID]) changedDelegates: string[];
}

@InputType()
export class SessionBreakInput {
  @Field({ description: 'HH:MM local time' }) start: string;
  @Field() end: string;
}

@InputType()
export class ForumSessionInput {
  @Field({ description: 'YYYY-MM-DD' }) day: string;
  @Field(() => SessionKindEnum) kind: string;
  @Field({ description: 'HH:MM local time' }) start: string;
  @Field() end: string;
  @Field(() => [SessionBreakInput], { nullable: true }) breaks?: SessionBreakInput[] | null;
}

@InputType()
export class CreateForumEditionInput {
  @Field(() => LocalizedTextInput) name: LocalizedTextInput;
  @Field(() => String, { nullable: true }) venue?: string | null;
  @Field(() => String, { nullable: true, description: 'IANA zone, Africa/Algiers by default' })
  timezone?: string | null;
  @Field() startsOn: string;
  @Field() endsOn: string;
  @Field(() => Int) slotMinutes: number;
  @Field(() => Int, { nullable: true }) requestExpiryHours?: number | null;
  @Field(() => Int, { nullable: true }) maxMeetingsPerDelegate?: number | null;
  @Field(() => Int, { nullable: true }) maxRequestsPerDelegate?: number | null;
  @Field(() => Int, { nullable: true }) fairness?: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Reminder lead time in minutes, 15 by default; 0 for none',
  })
  reminderMinutes?: number | null;
  @Field(() => [ForumSessionInput], { nullable: true }) sessions?: ForumSessionInput[] | null;
}

@InputType()
export class UpdateForumEditionInput {
  @Field(() => ID) id: string;
  @Field(() => LocalizedTextInput, { nullable: true }) name?: LocalizedTextInput;
  @Field(() => String, { nullable: true }) venue?: string | null;
  @Field(() => String, { nullable: true }) timezone?: string | null;
  @Field(() => String, { nullable: true }) startsOn?: string;
  @Field(() => String, { nullable: true }) endsOn?: string;
  @Field(() => Int, { nullable: true }) slotMinutes?: number;
  @Field(() => Int, { nullable: true }) requestExpiryHours?: number | null;
  @Field(() => Int, { nullable: true }) maxMeetingsPerDelegate?: number | null;
  @Field(() => Int, { nullable: true }) maxRequestsPerDelegate?: number | null;
  @Field(() => Int, { nullable: true }) fairness?: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Reminder lead time in minutes, 15 by default; 0 for none',
  })
  reminderMinutes?: number | null;
  @Field(() => [ForumSessionInput], { nullable: true }) sessions?: ForumSessionInput[] | null;
}

@InputType()
export class ForumTableInput {
  @Field() label: string;
  @Field(() => Int, { nullable: true }) capacity?: number | null;
  @Field(() => [String], { nullable: true }) languages?: string[] | null;
  @Field(() => Boolean, { nullable: true }) interpreter?: boolean | null;
  @Field(() => ID, { nullable: true }) organizationId?: string | null;
}

@InputType()
export class UpdateForumTableInput {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) label?: string;
  @Field(() => Int, { nullable: true }) capacity?: number | null;
  @Field(() => [String], { nullable: true }) languages?: string[] | null;
  @Field(() => Boolean, { nullable: true }) interpreter?: boolean | null;
  @Field(() => ID, { nullable: true }) organizationId?: string | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}

@InputType()
export class ForumGroupInput {
  @Field() code: string;
  @Field(() => LocalizedTextInput) name: LocalizedTextInput;
  @Field(() => Int, { nullable: true }) maxMeetings?: number | null;
  @Field(() => Int, { nullable: true }) maxRequests?: number | null;
}

@InputType()
export class UpdateForumGroupInput {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) code?: string;
  @Field(() => LocalizedTextInput, { nullable: true }) name?: LocalizedTextInput;
  @Field(() => Int, { nullable: true }) maxMeetings?: number | null;
  @Field(() => Int, { nullable: true }) maxRequests?: number | null;
}

@InputType()
export class RegisterDelegateInput {
  @Field(() => ID) editionId: string;
  @Field(() => ID) organizationId: string;
  @Field() name: string;
  @Field() email: string;
  @Field(() => ID, { nullable: true }) userId?: string | null;
  @Field(() => [String], { nullable: true }) languages?: string[] | null;
  @Field(() => [DelegateGoalEnum], { nullable: true }) goals?: string[] | null;
  @Field(() => [ID], { nullable: true }) unavailableSlotIds?: string[] | null;
}

@InputType()
export class UpdateDelegateInput {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true, description: 'The organisation acted for (required for members)' })
  organizationId?: string | null;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => ID, { nullable: true }) userId?: string | null;
  @Field(() => [String], { nullable: true }) languages?: string[] | null;
  @Field(() => [DelegateGoalEnum], { nullable: true }) goals?: string[] | null;
  @Field(() => [ID], { nullable: true }) unavailableSlotIds?: string[] | null;
}

@InputType()
export class MeetingRequestInput {
  @Field(() => ID) editionId: string;
  @Field(() => ID, { description: 'The organisation of the requesting delegate' }) organizationId: string;
  @Field(() => ID) fromDelegateId: string;
  @Field(() => ID, { nullable: true }) toDelegateId?: string | null;
  @Field(() => ID, { nullable: true }) toOrganizationId?: string | null;
  @Field(() => String, { nullable: true }) message?: string | null;
  @Field(() => Int, { nullable: true, description: '1 (low) to 3 (high), 2 by default' }) priority?:
    number | null;
  @Field(() => SessionPreferenceEnum, { nullable: true }) session?: string | null;
  @Field(() => RequestSourceEnum, { nullable: true }) source?: string | null;
}

/** GraphQL names of the stored outcomes (FOLLOW_UP is stored, FOLLOW_UP_PLANNED is shown). */
export const MeetingOutcomeEnum = {
  HELD: 'HELD',
  NO_SHOW: 'NO_SHOW',
  FOLLOW_UP_PLANNED: 'FOLLOW_UP',
  NEGOTIATION_STARTED: 'NEGOTIATION_STARTED',
  AGREEMENT_SIGNED: 'AGREEMENT_SIGNED',
  CONTRACT_SIGNED: 'CONTRACT_SIGNED',
} as const;
registerEnumType(MeetingOutcomeEnum, {
  name: 'MeetingOutcome',
  description:
    'HELD; NO_SHOW: the other side did not come; FOLLOW_UP_PLANNED: held, and a follow-up is planned; ' +
    'later stages, reported afterwards: NEGOTIATION_STARTED, AGREEMENT_SIGNED (an agreement or MoU), ' +
    'CONTRACT_SIGNED (a contract or order)',
  valuesMap: {
    NEGOTIATION_STARTED: { description: 'Later: the two sides started negotiating' },
    AGREEMENT_SIGNED: { description: 'Later: an agreement or memorandum of understanding was signed' },
    CONTRACT_SIGNED: { description: 'Later: a contract was signed or an order placed' },
  },
});

@ObjectType('MeetingParticipant')
export class MeetingParticipantType {
  @Field(() => ID) meetingId: string;
  @Field(() => ID) delegateId: string;
  @Field(() => MeetingStatusEnum) status: string;
  @Field(() => MeetingOutcomeEnum, { nullable: true }) outcome: string | null;
  @Field(() => String, { nullable: true }) outcomeNote: string | null;
  @Field(() => Date, { nullable: true }) outcomeReportedAt: Date | null;
}

@ObjectType('FreeSlot')
export class FreeSlotType {
  @Field(() => ID) slotId: string;
  @Field(() => Int) position: number;
  @Field() day: string;
  @Field(() => SessionKindEnum) session: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => Int, { description: 'Active tables free in the slot (0 when the edition has none)' })
  freeTables: number;
}

@InputType()
export class WalkInInput {
  @Field(() => ID) editionId: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The organisation of fromDelegateId (required for members)',
  })
  organizationId?: string | null;
  @Field(() => ID) fromDelegateId: string;
  @Field(() => ID) toDelegateId: string;
  @Field(() => ID) slotId: string;
  @Field(() => ID, { nullable: true }) tableId?: string | null;
  @Field(() => String, { nullable: true }) message?: string | null;
}

@ObjectType('WalkInResult')
export class WalkInResultType {
  @Field(() => MeetingRequestType) request: MeetingRequestType;
  @Field(() => MeetingType, { nullable: true, description: 'Null until the other side agrees' })
  meeting: MeetingType | null;
}

@ObjectType('AgendaFeed', {
  description: 'A private calendar feed URL: keep it secret, anyone with it reads the agenda',
})
export class AgendaFeedType {
  @Field(() => ID) delegateId: string;
  @Field() url: string;
  @Field() path: string;
}

@ObjectType('MeetingPrecedence')
export class MeetingPrecedenceType {
  @Field(() => ID) editionId: string;
  @Field(() => ID) delegateId: string;
  @Field(() => ID) beforeRequestId: string;
  @Field(() => ID) afterRequestId: string;
  @Field() createdAt: Date;
}

@ObjectType('ForumStatsCounts')
export class StatsCountsType {
  @Field(() => Int) delegates: number;
  @Field(() => Int) requestsSent: number;
  @Field(() => Int) requestsReceived: number;
  @Field(() => Int) pending: number;
  @Field(() => Int) accepted: number;
  @Field(() => Int) declined: number;
  @Field(() => Int) expired: number;
  @Field(() => Int) cancelled: number;
  @Field(() => Float, { nullable: true }) acceptanceRate: number | null;
  @Field(() => Int) meetingsScheduled: number;
  @Field(() => Int) meetingsHeld: number;
  @Field(() => Int) noShows: number;
  @Field(() => Int) followUpsPlanned: number;
}

@ObjectType('ForumStatsGroup')
export class StatsGroupType extends StatsCountsType {
  @Field() key: string;
}

@ObjectType('ForumTableUtilisation')
export class TableUtilisationType {
  @Field(() => Int) usedSlotTables: number;
  @Field(() => Int) availableSlotTables: number;
  @Field(() => Float, { nullable: true }) rate: number | null;
}

@ObjectType('ForumStatistics')
export class ForumStatisticsType {
  @Field(() => StatsCountsType) totals: StatsCountsType;
  @Field(() => TableUtilisationType) tableUtilisation: TableUtilisationType;
  @Field(() => [StatsGroupType]) byCountry: StatsGroupType[];
  @Field(() => [StatsGroupType]) byKind: StatsGroupType[];
  @Field(() => [StatsGroupType]) bySector: StatsGroupType[];
}
