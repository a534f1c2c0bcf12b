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

registerEnumType(EditionStatusEnum, {
  name: 'ForumEditionStatus',
  description: 'Where a forum edition stands',
  valuesMap: {
    DRAFT: { description: "Organisers' work in progress; invisible to everyone else" },
    OPEN: { description: 'Visible; members register delegates and ask for meetings' },
    CLOSED: { description: 'Over: no new registrations or requests' },
  },
});
registerEnumType(SessionKindEnum, {
  name: 'ForumSessionKind',
  description: 'Half of a forum day',
  valuesMap: {
    MORNING: { description: 'Morning session' },
    AFTERNOON: { description: 'Afternoon session' },
  },
});
registerEnumType(DelegateGoalEnum, {
  name: 'DelegateGoal',
  description: 'What a delegate comes to the forum for; it steers meeting suggestions',
  valuesMap: {
    FIND_SUBCONTRACTORS: { description: 'Find subcontractors and suppliers' },
    FIND_CLIENTS: { description: 'Find clients' },
    FIND_FINANCING: { description: 'Find financing' },
    FIND_TECHNOLOGY: { description: 'Find technology or know-how' },
    JOIN_CLUSTER: { description: 'Join a cluster of complementary firms' },
  },
});
registerEnumType(DelegateStatusEnum, {
  name: 'DelegateStatus',
  description: 'Registration state of a delegate',
  valuesMap: {
    REGISTERED: { description: 'Registered for the edition' },
    WITHDRAWN: { description: 'Withdrawn; their meetings are cancelled' },
  },
});
registerEnumType(RequestStatusEnum, {
  name: 'MeetingRequestStatus',
  description: 'Where a meeting request stands; a meeting exists only for an ACCEPTED one',
  valuesMap: {
    PENDING: { description: 'Waiting for an answer until expiresAt' },
    ACCEPTED: { description: 'Accepted: the scheduler gives it a slot and a table' },
    DECLINED: { description: 'Declined by the requested side' },
    CANCELLED: { description: 'Withdrawn by a side or cancelled by organisers' },
    EXPIRED: { description: 'Not answered in time' },
  },
});
registerEnumType(SessionPreferenceEnum, {
  name: 'SessionPreference',
  description: 'When a requested meeting may take place',
  valuesMap: {
    ANY: { description: 'Morning or afternoon' },
    MORNING: { description: 'Morning sessions only' },
    AFTERNOON: { description: 'Afternoon sessions only' },
  },
});
registerEnumType(RequestSourceEnum, {
  name: 'MeetingRequestSource',
  description: 'How a meeting request was made',
  valuesMap: {
    MANUAL: { description: 'Asked by a member' },
    SUGGESTION: { description: 'From an accepted MEETING suggestion' },
    ORGANISER: { description: 'Made by organisers' },
    WALK_IN: { description: 'Booked on the day in a free slot' },
  },
});
registerEnumType(MeetingStatusEnum, {
  name: 'MeetingStatus',
  description: 'State of a meeting in the schedule',
  valuesMap: {
    DRAFT: { description: 'Placed by the scheduler or organisers, not yet published' },
    PUBLISHED: { description: 'In the published agendas' },
    CANCELLED: { description: 'Cancelled; kept so agendas and calendars can show it' },
  },
});
registerEnumType(ScheduleRunStateEnum, {
  name: 'ScheduleRunState',
  description: 'Where a scheduler run stands',
  valuesMap: {
    QUEUED: { description: 'Waiting for a worker' },
    RUNNING: { description: 'Searching' },
    RETRYING: { description: 'An attempt failed (see reason); another follows' },
    DONE: { description: 'Finished with a result' },
    FAILED: { description: 'Given up (see reason)' },
  },
});
registerEnumType(ScheduleResultEnum, {
  name: 'ScheduleResult',
  description: 'OPTIMAL: proven best; FEASIBLE: valid, not proven best; INFEASIBLE: no schedule (see reason)',
  valuesMap: {
    OPTIMAL: { description: 'A schedule proven best' },
    FEASIBLE: { description: 'A valid schedule, not proven best in the time allowed' },
    INFEASIBLE: { description: 'No schedule meets the hard constraints (see reason)' },
    UNKNOWN: { description: 'Neither a schedule nor a proof that none exists in the time allowed' },
  },
});
registerEnumType(AgendaViewEnum, {
  name: 'AgendaView',
  description: 'Which agenda to read',
  valuesMap: {
    PUBLISHED: { description: 'What delegates see: the last published schedule' },
    DRAFT: { description: 'Organisers: the schedule being prepared' },
  },
});
registerEnumType(RequestDirectionEnum, {
  name: 'RequestDirection',
  description: 'Which meeting requests of an organisation',
  valuesMap: {
    SENT: { description: 'Sent by its delegates' },
    RECEIVED: { description: 'Addressed to its delegates' },
    ANY: { description: 'Both' },
  },
});

@ObjectType({ description: 'A pause inside a session, in local time' })
export class SessionBreakType {
  @Field({ description: 'HH:MM local time' }) start: string;
  @Field({ description: 'HH:MM local time' }) end: string;
}

@ObjectType('ForumSession', { description: 'A morning or afternoon of meetings, cut into slots' })
export class ForumSessionType {
  @Field(() => ID, { description: 'Session id' }) id: string;
  @Field({ description: 'YYYY-MM-DD' }) day: string;
  @Field(() => SessionKindEnum, { description: 'Morning or afternoon' }) kind: string;
  @Field({ description: 'HH:MM local time' }) startsAt: string;
  @Field({ description: 'HH:MM local time' }) endsAt: string;
  @Field(() => [SessionBreakType], { description: 'Pauses without meetings' }) breaks: SessionBreakType[];
}

@ObjectType('ForumSlot', { description: 'A time slot of the edition, one meeting long' })
export class ForumSlotType {
  @Field(() => ID, { description: 'Slot id' }) id: string;
  @Field(() => Int, { description: 'Order of the slot in the edition' }) position: number;
  @Field({ description: 'YYYY-MM-DD' }) day: string;
  @Field(() => SessionKindEnum, { description: 'Its session' }) session: string;
  @Field({ description: 'Start instant' }) startsAt: Date;
  @Field({ description: 'End instant' }) endsAt: Date;
  @Field({ description: 'Inside a break: no meeting is placed there' }) isBreak: boolean;
}

@ObjectType('ForumEdition', {
  description: 'One edition of the forum and its B2B meeting rules; drafts are for organisers only',
})
export class ForumEditionType {
  @Field(() => ID, { description: 'Edition id' }) id: string;
  @Field(() => LocalizedText, { description: 'Name in each language given' }) name: LocalizedText;
  @Field(() => String, { nullable: true, description: 'Where it takes place' }) venue: string | null;
  @Field({ description: 'IANA time zone of its days and sessions, e.g. Africa/Algiers' }) timezone: string;
  @Field({ description: 'First day, YYYY-MM-DD' }) startsOn: string;
  @Field({ description: 'Last day, YYYY-MM-DD' }) endsOn: string;
  @Field(() => EditionStatusEnum, { description: 'Where it stands' }) status: string;
  @Field(() => Int, { description: 'Length of a meeting slot, in minutes' }) slotMinutes: number;
  @Field(() => Int, { description: 'Hours a meeting request waits for an answer before it expires' })
  requestExpiryHours: number;
  @Field(() => Int, { nullable: true, description: 'Most meetings a delegate may have; null for no limit' })
  maxMeetingsPerDelegate: number | null;
  @Field(() => Int, { nullable: true, description: 'Most requests a delegate may send; null for no limit' })
  maxRequestsPerDelegate: number | null;
  @Field(() => Int, { description: 'Most breaks one person may have more than another in the schedule' })
  fairness: number;
  @Field(() => Int, { description: 'Minutes before a meeting its participants get a reminder (0: none)' })
  reminderMinutes: number;
  @Field(() => Int, { description: 'Number of the last published schedule; 0 before the first' })
  publishedVersion: number;
  @Field(() => Date, { nullable: true, description: 'When the schedule was last published' })
  publishedAt: Date | null;
  @Field(() => Int, { description: 'Grows with each change of the edition' }) version: number;
}

@ObjectType('ForumTable', { description: 'A meeting table of the edition' })
export class ForumTableType {
  @Field(() => ID, { description: 'Table id' }) id: string;
  @Field(() => ID, { description: 'Its edition' }) editionId: string;
  @Field({ description: 'Label shown on agendas and signs, e.g. A12' }) label: string;
  @Field(() => Int, { description: 'Seats at the table' }) capacity: number;
  @Field(() => [String], { description: 'Languages spoken there, ISO 639 codes' }) languages: string[];
  @Field({ description: 'An interpreter is present' }) interpreter: boolean;
  @Field(() => ID, { nullable: true, description: 'The organisation whose stand this table is' })
  organizationId: string | null;
  @Field({ description: 'In use; an inactive table gets no meetings' }) active: boolean;
}

@ObjectType('ForumGroup', {
  description: 'A group of delegates with its own quotas and who-may-meet-whom rules',
})
export class ForumGroupType {
  @Field(() => ID, { description: 'Group id' }) id: string;
  @Field(() => ID, { description: 'Its edition' }) editionId: string;
  @Field({ description: 'Short code, e.g. SME' }) code: string;
  @Field(() => LocalizedText, { description: 'Name in each language given' }) name: LocalizedText;
  @Field(() => Int, {
    nullable: true,
    description: "Most meetings per delegate of the group; null: the edition's",
  })
  maxMeetings: number | null;
  @Field(() => Int, {
    nullable: true,
    description: "Most requests per delegate of the group; null: the edition's",
  })
  maxRequests: number | null;
}

@ObjectType('ForumGroupRule', { description: 'Delegates of one group may meet delegates of another' })
export class ForumGroupRuleType {
  @Field(() => ID, { description: 'The group' }) groupId: string;
  @Field(() => ID, { description: 'A group its delegates may meet' }) mayMeetGroupId: string;
}

@ObjectType('ForumDelegate', {
  description:
    'A person registered by an organisation to meet others at an edition; for its members and organisers',
})
export class ForumDelegateType {
  @Field(() => ID, { description: 'Delegate id' }) id: string;
  @Field(() => ID, { description: 'Its edition' }) editionId: string;
  @Field(() => ID, { description: 'The organisation it represents' }) organizationId: string;
  @Field(() => ID, { nullable: true, description: 'The account linked to the delegate, if any' })
  userId: string | null;
  @Field({ description: 'Full name, as printed on the badge' }) name: string;
  @Field({
    description: "Email address for agenda mails; unique among its organisation's delegates of the edition",
  })
  email: string;
  @Field(() => [String], { description: 'Languages spoken, ISO 639 codes' }) languages: string[];
  @Field(() => [DelegateGoalEnum], { description: 'What the delegate comes for' }) goals: string[];
  @Field(() => ID, { nullable: true, description: 'Its group, if the edition has groups' }) groupId:
    string | null;
  @Field(() => DelegateStatusEnum, { description: 'Registered or withdrawn' }) status: string;
  @Field(() => Date, { nullable: true, description: 'When the delegate arrived at the venue' })
  checkedInAt: Date | null;
}

@ObjectType('ForumBadge', {
  description: "A delegate's badge: the signed code its QR code carries, and who it names",
})
export class ForumBadgeType {
  @Field({ description: 'Signed by the api (HMAC-SHA256); read back with forumBadge(code:)' }) code: string;
  @Field(() => ID, { description: 'The delegate' }) delegateId: string;
  @Field(() => ID, { description: 'Its edition' }) editionId: string;
  @Field({ description: "The delegate's name" }) delegateName: string;
  @Field(() => ID, { description: 'The organisation it represents' }) organizationId: string;
  @Field(() => LocalizedText, { description: "The organisation's name" }) organizationName: LocalizedText;
  @Field({ description: 'ISO 3166-1 alpha-2' }) organizationCountry: string;
  @Field(() => DelegateStatusEnum, { description: 'Registered or withdrawn' }) status: string;
  @Field(() => Date, { nullable: true, description: 'When the delegate arrived at the venue' })
  checkedInAt: Date | null;
}

@ObjectType('MeetingRequest', {
  description: 'A request for a B2B meeting between two delegates; for both organisations and organisers',
})
export class MeetingRequestType {
  @Field(() => ID, { description: 'Request id' }) id: string;
  @Field(() => ID, { description: 'Its edition' }) editionId: string;
  @Field(() => ID, { description: 'The requesting delegate' }) fromDelegateId: string;
  @Field(() => ID, { description: "The requesting delegate's organisation" }) fromOrganizationId: string;
  @Field(() => ID, { nullable: true, description: 'The delegate asked for' }) toDelegateId: string | null;
  @Field(() => ID, { description: 'The organisation asked' }) toOrganizationId: string;
  @Field(() => String, { nullable: true, description: 'Note from the requesting side' }) message:
    string | null;
  @Field(() => Int, { description: '1 (low) to 3 (high)' }) priority: number;
  @Field(() => SessionPreferenceEnum, { description: 'When the meeting may take place' }) session: string;
  @Field(() => RequestStatusEnum, { description: 'Where it stands' }) status: string;
  @Field(() => RequestSourceEnum, { description: 'How it was made' }) source: string;
  @Field({ description: 'A PENDING request expires at this instant' }) expiresAt: Date;
  @Field(() => Date, { nullable: true, description: 'When it was answered or withdrawn' })
  respondedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was declined or cancelled, if said' })
  reason: string | null;
  @Field({ description: 'When it was sent' }) createdAt: Date;
}

@ObjectType('Meeting', { description: 'A meeting placed in a slot at a table' })
export class MeetingType {
  @Field(() => ID, { description: 'Meeting id' }) id: string;
  @Field(() => ID, { description: 'Its edition' }) editionId: string;
  @Field(() => ID, { nullable: true, description: 'The accepted request behind it' }) requestId:
    string | null;
  @Field(() => ID, { description: 'Its slot in the schedule being prepared' }) slotId: string;
  @Field(() => ID, { nullable: true, description: 'Its table in the schedule being prepared' })
  tableId: string | null;
  @Field(() => MeetingStatusEnum, { description: 'Draft, published or cancelled' }) status: string;
  @Field({ description: 'Set by organisers: the scheduler keeps it where it is' }) pinned: boolean;
  @Field(() => ID, { nullable: true, description: 'Its slot as last published' })
  publishedSlotId: string | null;
  @Field(() => ID, { nullable: true, description: 'Its table as last published' })
  publishedTableId: string | null;
  @Field(() => Int, { description: 'iCalendar SEQUENCE: raised each time a publication changes it' })
  sequence: number;
  @Field({ description: 'iCalendar UID, stable for the life of the meeting' }) uid: string;
}

@ObjectType('AgendaMeeting', { description: 'A meeting as one participant sees it' })
export class AgendaMeetingType {
  @Field(() => ID, { description: 'The meeting' }) meetingId: string;
  @Field({ description: 'iCalendar UID, stable for the life of the meeting' }) uid: string;
  @Field(() => Int, { description: 'iCalendar SEQUENCE: raised each time a publication changes it' })
  sequence: number;
  @Field(() => MeetingStatusEnum, { description: 'Draft, published or cancelled' }) status: string;
  @Field({ description: 'Set by organisers: the scheduler keeps it where it is' }) pinned: boolean;
  @Field(() => ID, { nullable: true, description: 'The accepted request behind it' }) requestId:
    string | null;
  @Field(() => ID, { description: 'Its slot in the agenda read' }) slotId: string;
  @Field(() => Int, { description: 'Order of that slot in the edition' }) slotPosition: number;
  @Field({ description: 'Start instant' }) start: Date;
  @Field({ description: 'End instant' }) end: Date;
  @Field({ description: "The edition's IANA time zone, to show times locally" }) timezone: string;
  @Field(() => ID, { nullable: true, description: 'Its table' }) tableId: string | null;
  @Field(() => String, { nullable: true, description: 'Label of its table' }) tableLabel: string | null;
  @Field(() => ID, { description: 'The participant whose agenda this is' }) delegateId: string;
  @Field({ description: "That participant's name" }) delegateName: string;
  @Field(() => ID, { description: "That participant's organisation" }) organizationId: string;
  @Field({ description: 'Its name, in the first language given' }) organizationName: string;
  @Field(() => ID, { description: 'The delegate met' }) counterpartDelegateId: string;
  @Field({ description: "The delegate met's name" }) counterpartDelegateName: string;
  @Field(() => ID, { description: "The delegate met's organisation" }) counterpartOrganizationId: string;
  @Field({ description: 'Its name, in the first language given' }) counterpartOrganizationName: string;
}

@ObjectType({ description: 'An accepted request the run could not place' })
export class UnscheduledRequestType {
  @Field(() => ID, { description: 'The request' }) requestId: string;
  @Field({ description: 'Why it has no slot' }) reason: string;
}

@ObjectType('ScheduleRunSummary', {
  description:
    "What a scheduler run achieved; a break is a run of idle slots between two of a person's meetings",
})
export class ScheduleRunSummaryType {
  @Field(() => Int, { description: 'Accepted requests to place' }) requests: number;
  @Field(() => Int, { description: 'Requests placed' }) scheduled: number;
  @Field(() => [UnscheduledRequestType], { description: 'Requests left out, with why' })
  unscheduled: UnscheduledRequestType[];
  @Field(() => Int, { description: 'Breaks of all participants together' }) totalBreaks: number;
  @Field(() => Int, { description: 'Most breaks of one participant' }) maxBreaks: number;
  @Field(() => Int, { description: 'Fewest breaks of one participant' }) minBreaks: number;
  @Field(() => Int, { description: 'Times a participant changes table between meetings' })
  tableChanges: number;
  @Field(() => Int, { description: 'Published meetings moved (allowMoves runs only)' }) moved: number;
  @Field({ description: 'Priority weight of the meetings placed' }) scheduledWeight: number;
  @Field({ description: 'Priority weight of all accepted requests' }) totalWeight: number;
  @Field(() => Int, { nullable: true, description: 'Proven lower bound on the total breaks, when known' })
  lowerBound: number | null;
  @Field(() => Int, { description: 'Search time, in milliseconds' }) timeMs: number;
  @Field({ description: 'Which method found the schedule kept' }) method: string;
}

@ObjectType('ScheduleRun', {
  description: 'A scheduler run of an edition, queued by scheduleEdition (organisers)',
})
export class ScheduleRunType {
  @Field(() => ID, { description: 'The job id' }) id: string;
  @Field(() => ID, { description: 'The edition scheduled' }) editionId: string;
  @Field({ description: 'Whether published meetings may move' }) allowMoves: boolean;
  @Field(() => ScheduleRunStateEnum, { description: 'Where the run stands' }) state: string;
  @Field(() => ScheduleResultEnum, { nullable: true, description: 'Its result, once DONE' }) result:
    string | null;
  @Field({ description: 'Share of the time budget used, 0..1' }) progress: number;
  @Field(() => String, { nullable: true, description: 'analysis, construct, search, exact, tables or done' })
  phase: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why the run failed, or why its last attempt failed while RETRYING',
  })
  reason: string | null;
  @Field(() => Int, { description: 'The attempt running, or the last one run (0 while queued)' })
  attempt: number;
  @Field(() => Int, { description: 'How many attempts the run may make' }) maxAttempts: number;
  @Field(() => ScheduleRunSummaryType, { nullable: true, description: 'What it achieved, once DONE' })
  summary: ScheduleRunSummaryType | null;
  @Field({ description: 'When it was queued' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When its first attempt started' })
  startedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it ended, DONE or FAILED' })
  finishedAt: Date | null;
}

@ObjectType('PublishScheduleResult', { description: 'What publishing the schedule changed' })
export class PublishResultType {
  @Field(() => ID, { description: 'The edition' }) editionId: string;
  @Field(() => Int, { description: 'Number of the schedule now published' }) publishedVersion: number;
  @Field(() => Int, { description: 'Meetings added, moved or cancelled since the last publication' })
  changedMeetings: number;
  @Field(() => [ID], { description: 'Delegates whose agenda changed; each gets a mail' })
  changedDelegates: string[];
}

@InputType({ description: 'A pause inside a session' })
export class SessionBreakInput {
  @Field({ description: 'HH:MM local time' }) start: string;
  @Field({ description: 'HH:MM local time' }) end: string;
}

@InputType({ description: 'A morning or afternoon of meetings on one day' })
export class ForumSessionInput {
  @Field({ description: 'YYYY-MM-DD' }) day: string;
  @Field(() => SessionKindEnum, { description: 'Morning or afternoon' }) kind: string;
  @Field({ description: 'HH:MM local time' }) start: string;
  @Field({ description: 'HH:MM local time' }) end: string;
  @Field(() => [SessionBreakInput], { nullable: true, description: 'Pauses without meetings' }) breaks?:
    SessionBreakInput[] | null;
}

@InputType({ description: 'A new forum edition, created as DRAFT (organisers)' })
export class CreateForumEditionInput {
  @Field(() => LocalizedTextInput, { description: 'Name, at least one language' }) name: LocalizedTextInput;
  @Field(() => String, { nullable: true, description: 'Where it takes place' }) venue?: string | null;
  @Field(() => String, { nullable: true, description: 'IANA zone, Africa/Algiers by default' })
  timezone?: string | null;
  @Field({ description: 'First day, YYYY-MM-DD' }) startsOn: string;
  @Field({ description: 'Last day, YYYY-MM-DD' }) endsOn: string;
  @Field(() => Int, { description: 'Length of a meeting slot, in minutes' }) slotMinutes: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Hours a meeting request waits for an answer before it expires',
  })
  requestExpiryHours?: number | null;
  @Field(() => Int, { nullable: true, description: 'Most meetings a delegate may have; null for no limit' })
  maxMeetingsPerDelegate?: number | null;
  @Field(() => Int, { nullable: true, description: 'Most requests a delegate may send; null for no limit' })
  maxRequestsPerDelegate?: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Most breaks one person may have more than another (2 by default)',
  })
  fairness?: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Reminder lead time in minutes, 15 by default; 0 for none',
  })
  reminderMinutes?: number | null;
  @Field(() => [ForumSessionInput], {
    nullable: true,
    description: 'The sessions of each day; they replace the previous ones',
  })
  sessions?: ForumSessionInput[] | null;
}

@InputType({ description: 'Changes to an edition; omitted fields keep their value' })
export class UpdateForumEditionInput {
  @Field(() => ID, { description: 'The edition' }) id: string;
  @Field(() => LocalizedTextInput, { nullable: true, description: 'New name' }) name?: LocalizedTextInput;
  @Field(() => String, { nullable: true, description: 'Where it takes place' }) venue?: string | null;
  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Africa/Algiers' }) timezone?:
    string | null;
  @Field(() => String, { nullable: true, description: 'First day, YYYY-MM-DD' }) startsOn?: string;
  @Field(() => String, { nullable: true, description: 'Last day, YYYY-MM-DD' }) endsOn?: string;
  @Field(() => Int, { nullable: true, description: 'Length of a meeting slot, in minutes' })
  slotMinutes?: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Hours a meeting request waits for an answer before it expires',
  })
  requestExpiryHours?: number | null;
  @Field(() => Int, { nullable: true, description: 'Most meetings a delegate may have; null for no limit' })
  maxMeetingsPerDelegate?: number | null;
  @Field(() => Int, { nullable: true, description: 'Most requests a delegate may send; null for no limit' })
  maxRequestsPerDelegate?: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Most breaks one person may have more than another (2 by default)',
  })
  fairness?: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Reminder lead time in minutes, 15 by default; 0 for none',
  })
  reminderMinutes?: number | null;
  @Field(() => [ForumSessionInput], {
    nullable: true,
    description: 'The sessions of each day; they replace the previous ones',
  })
  sessions?: ForumSessionInput[] | null;
}

@InputType({ description: 'A meeting table to add' })
export class ForumTableInput {
  @Field({ description: 'Label shown on agendas and signs, e.g. A12' }) label: string;
  @Field(() => Int, { nullable: true, description: 'Seats at the table' }) capacity?: number | null;
  @Field(() => [String], { nullable: true, description: 'Languages spoken there, ISO 639 codes' })
  languages?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'An interpreter is present' }) interpreter?:
    boolean | null;
  @Field(() => ID, { nullable: true, description: 'The organisation whose stand this table is' })
  organizationId?: string | null;
}

@InputType({ description: 'Changes to a table; omitted fields keep their value' })
export class UpdateForumTableInput {
  @Field(() => ID, { description: 'The table' }) id: string;
  @Field(() => String, { nullable: true, description: 'Label shown on agendas and signs, e.g. A12' })
  label?: string;
  @Field(() => Int, { nullable: true, description: 'Seats at the table' }) capacity?: number | null;
  @Field(() => [String], { nullable: true, description: 'Languages spoken there, ISO 639 codes' })
  languages?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'An interpreter is present' }) interpreter?:
    boolean | null;
  @Field(() => ID, { nullable: true, description: 'The organisation whose stand this table is' })
  organizationId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'In use; an inactive table gets no meetings' })
  active?: boolean | null;
}

@InputType({ description: 'A group of delegates to create' })
export class ForumGroupInput {
  @Field({ description: 'Short code, e.g. SME' }) code: string;
  @Field(() => LocalizedTextInput, { description: 'Name, at least one language' }) name: LocalizedTextInput;
  @Field(() => Int, {
    nullable: true,
    description: "Most meetings per delegate of the group; null: the edition's",
  })
  maxMeetings?: number | null;
  @Field(() => Int, {
    nullable: true,
    description: "Most requests per delegate of the group; null: the edition's",
  })
  maxRequests?: number | null;
}

@InputType({ description: 'Changes to a group; omitted fields keep their value' })
export class UpdateForumGroupInput {
  @Field(() => ID, { description: 'The group' }) id: string;
  @Field(() => String, { nullable: true, description: 'Short code, e.g. SME' }) code?: string;
  @Field(() => LocalizedTextInput, { nullable: true, description: 'New name' }) name?: LocalizedTextInput;
  @Field(() => Int, {
    nullable: true,
    description: "Most meetings per delegate of the group; null: the edition's",
  })
  maxMeetings?: number | null;
  @Field(() => Int, {
    nullable: true,
    description: "Most requests per delegate of the group; null: the edition's",
  })
  maxRequests?: number | null;
}

@InputType({ description: 'A delegate to register for an edition' })
export class RegisterDelegateInput {
  @Field(() => ID, { description: 'An open edition (organisers: also a draft)' }) editionId: string;
  @Field(() => ID, { description: 'Your organisation' }) organizationId: string;
  @Field({ description: 'Full name, as printed on the badge' }) name: string;
  @Field({
    description: "Address for agenda mails; unique among the organisation's delegates of the edition",
  })
  email: string;
  @Field(() => ID, { nullable: true, description: 'Account to link: your own (organisers: any)' }) userId?:
    string | null;
  @Field(() => [String], { nullable: true, description: 'Languages spoken, ISO 639 codes' }) languages?:
    string[] | null;
  @Field(() => [DelegateGoalEnum], { nullable: true, description: 'What the delegate comes for' }) goals?:
    string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Slots the delegate cannot meet in' })
  unavailableSlotIds?: string[] | null;
}

@InputType({ description: 'Changes to a delegate; omitted fields keep their value' })
export class UpdateDelegateInput {
  @Field(() => ID, { description: 'The delegate' }) id: string;
  @Field(() => ID, { nullable: true, description: 'The organisation acted for (required for members)' })
  organizationId?: string | null;
  @Field(() => String, { nullable: true, description: 'Full name, as printed on the badge' }) name?: string;
  @Field(() => String, {
    nullable: true,
    description: "Address for agenda mails; unique among the organisation's delegates of the edition",
  })
  email?: string;
  @Field(() => ID, { nullable: true, description: 'Account to link: your own (organisers: any)' }) userId?:
    string | null;
  @Field(() => [String], { nullable: true, description: 'Languages spoken, ISO 639 codes' }) languages?:
    string[] | null;
  @Field(() => [DelegateGoalEnum], { nullable: true, description: 'What the delegate comes for' }) goals?:
    string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Slots the delegate cannot meet in' })
  unavailableSlotIds?: string[] | null;
}

@InputType({ description: 'A meeting request from one of your delegates' })
export class MeetingRequestInput {
  @Field(() => ID, { description: 'The edition' }) editionId: string;
  @Field(() => ID, { description: 'The organisation of the requesting delegate' }) organizationId: string;
  @Field(() => ID, { description: 'Your delegate, asking' }) fromDelegateId: string;
  @Field(() => ID, { nullable: true, description: 'The delegate asked for; or give toOrganizationId' })
  toDelegateId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The organisation asked, when no delegate is named' })
  toOrganizationId?: string | null;
  @Field(() => String, { nullable: true, description: 'Note to the other side' }) message?: string | null;
  @Field(() => Int, { nullable: true, description: '1 (low) to 3 (high), 2 by default' }) priority?:
    number | null;
  @Field(() => SessionPreferenceEnum, {
    nullable: true,
    description: 'When the meeting may take place (ANY by default)',
  })
  session?: string | null;
  @Field(() => RequestSourceEnum, {
    nullable: true,
    description: 'How it is made (MANUAL by default; ORGANISER for organisers only)',
  })
  source?: string | null;
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
    HELD: { description: 'The meeting took place' },
    NO_SHOW: { description: 'The other side did not come' },
    FOLLOW_UP_PLANNED: { description: 'Held, and a follow-up is planned' },
    NEGOTIATION_STARTED: { description: 'Later: the two sides started negotiating' },
    AGREEMENT_SIGNED: { description: 'Later: an agreement or memorandum of understanding was signed' },
    CONTRACT_SIGNED: { description: 'Later: a contract was signed or an order placed' },
  },
});

@ObjectType('MeetingParticipant', { description: "One side's view of a meeting and the outcome it reported" })
export class MeetingParticipantType {
  @Field(() => ID, { description: 'The meeting' }) meetingId: string;
  @Field(() => ID, { description: 'The side this row is for' }) delegateId: string;
  @Field(() => MeetingStatusEnum, { description: 'Draft, published or cancelled' }) status: string;
  @Field(() => MeetingOutcomeEnum, {
    nullable: true,
    description: 'What this side reported; null until reported',
  })
  outcome: string | null;
  @Field(() => String, {
    nullable: true,
    description: "This side's note on the outcome, for its organisation and organisers",
  })
  outcomeNote: string | null;
  @Field(() => Date, { nullable: true, description: 'When this side reported' })
  outcomeReportedAt: Date | null;
}

@ObjectType('FreeSlot', {
  description: 'A slot where two delegates are both free, as their published agendas show',
})
export class FreeSlotType {
  @Field(() => ID, { description: 'The slot' }) slotId: string;
  @Field(() => Int, { description: 'Order of the slot in the edition' }) position: number;
  @Field({ description: 'YYYY-MM-DD' }) day: string;
  @Field(() => SessionKindEnum, { description: 'Its session' }) session: string;
  @Field({ description: 'Start instant' }) startsAt: Date;
  @Field({ description: 'End instant' }) endsAt: Date;
  @Field(() => Int, { description: 'Active tables free in the slot (0 when the edition has none)' })
  freeTables: number;
}

@InputType({ description: 'A meeting booked on the day in a slot free for both' })
export class WalkInInput {
  @Field(() => ID, { description: 'The edition' }) editionId: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The organisation of fromDelegateId (required for members)',
  })
  organizationId?: string | null;
  @Field(() => ID, { description: 'Your delegate' }) fromDelegateId: string;
  @Field(() => ID, { description: 'The delegate to meet' }) toDelegateId: string;
  @Field(() => ID, { description: 'A slot free for both' }) slotId: string;
  @Field(() => ID, { nullable: true, description: 'A free table; the first free one when omitted' })
  tableId?: string | null;
  @Field(() => String, { nullable: true, description: 'Note to the other side' }) message?: string | null;
}

@ObjectType('WalkInResult', { description: 'A walk-in booking: its accepted request and its meeting' })
export class WalkInResultType {
  @Field(() => MeetingRequestType, { description: 'The accepted request recorded for the walk-in' })
  request: MeetingRequestType;
  @Field(() => MeetingType, { nullable: true, description: 'Null until the other side agrees' })
  meeting: MeetingType | null;
}

@ObjectType('AgendaFeed', {
  description: 'A private calendar feed URL: keep it secret, anyone with it reads the agenda',
})
export class AgendaFeedType {
  @Field(() => ID, { description: 'The delegate' }) delegateId: string;
  @Field({ description: 'Full address of the calendar feed, to subscribe to' }) url: string;
  @Field({ description: 'The same address without scheme and host' }) path: string;
}

@ObjectType('MeetingPrecedence', {
  description: 'An order between two meetings of a delegate, kept by the scheduler',
})
export class MeetingPrecedenceType {
  @Field(() => ID, { description: 'The edition' }) editionId: string;
  @Field(() => ID, { description: 'The delegate whose meetings are ordered' }) delegateId: string;
  @Field(() => ID, { description: 'The meeting (by its request) that comes first' }) beforeRequestId: string;
  @Field(() => ID, { description: 'The meeting (by its request) that comes later' }) afterRequestId: string;
  @Field({ description: 'When it was added' }) createdAt: Date;
}

@ObjectType('ForumStatsCounts', { description: 'Request and meeting counts of an edition or a part of it' })
export class StatsCountsType {
  @Field(() => Int, { description: 'Registered delegates' }) delegates: number;
  @Field(() => Int, { description: 'Meeting requests sent' }) requestsSent: number;
  @Field(() => Int, { description: 'Meeting requests received' }) requestsReceived: number;
  @Field(() => Int, { description: 'Requests still pending' }) pending: number;
  @Field(() => Int, { description: 'Requests accepted' }) accepted: number;
  @Field(() => Int, { description: 'Requests declined' }) declined: number;
  @Field(() => Int, { description: 'Requests expired' }) expired: number;
  @Field(() => Int, { description: 'Requests cancelled' }) cancelled: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Accepted out of accepted, declined and expired requests, 0 to 1; null when there are none',
  })
  acceptanceRate: number | null;
  @Field(() => Int, { description: 'Live meetings in the schedule' }) meetingsScheduled: number;
  @Field(() => Int, { description: 'Meetings reported held' }) meetingsHeld: number;
  @Field(() => Int, { description: 'Meetings where a side did not come' }) noShows: number;
  @Field(() => Int, { description: 'Meetings with a follow-up or later stage reported' })
  followUpsPlanned: number;
}

@ObjectType('ForumStatsGroup', { description: 'Counts for one country, organisation kind or sector' })
export class StatsGroupType extends StatsCountsType {
  @Field({ description: 'The group: a country code, an organisation kind or an ISIC section' }) key: string;
}

@ObjectType('ForumTableUtilisation', { description: 'How full the meeting tables are' })
export class TableUtilisationType {
  @Field(() => Int, { description: 'Slot-table pairs holding a meeting' }) usedSlotTables: number;
  @Field(() => Int, { description: 'Slot-table pairs available for meetings' })
  availableSlotTables: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Used out of available, 0 to 1; null when none is available',
  })
  rate: number | null;
}

@ObjectType('ForumStatistics', { description: 'Statistics of an edition (organisers)' })
export class ForumStatisticsType {
  @Field(() => StatsCountsType, { description: 'Counts for the whole edition' }) totals: StatsCountsType;
  @Field(() => TableUtilisationType, { description: 'How full the tables are' })
  tableUtilisation: TableUtilisationType;
  @Field(() => [StatsGroupType], { description: 'Counts per organisation country' })
  byCountry: StatsGroupType[];
  @Field(() => [StatsGroupType], { description: 'Counts per organisation kind' }) byKind: StatsGroupType[];
  @Field(() => [StatsGroupType], { description: 'Counts per ISIC section' }) bySector: StatsGroupType[];
}
