import { operation } from './client';
import type { LocalizedText } from './operations';

/*
 * The organisers' console, forum part: editions and their set-up, delegates, scheduling runs,
 * the draft grid and publication. Types are written beside each document; operations.test.ts
 * validates every document against apps/web/schema.graphql.
 */

export type EditionStatus = 'DRAFT' | 'OPEN' | 'CLOSED';
export const EDITION_STATUSES: EditionStatus[] = ['DRAFT', 'OPEN', 'CLOSED'];
export type SessionKind = 'MORNING' | 'AFTERNOON';

export interface ConsoleEdition {
  id: string;
  name: LocalizedText;
  status: EditionStatus;
  startsOn: string;
  endsOn: string;
  timezone: string;
  venue: string | null;
  slotMinutes: number;
  fairness: number;
  maxMeetingsPerDelegate: number | null;
  maxRequestsPerDelegate: number | null;
  requestExpiryHours: number;
  reminderMinutes: number;
  publishedAt: string | null;
  publishedVersion: number;
  version: number;
}

const EDITION_FIELDS = `id name { ar fr en } status startsOn endsOn timezone venue slotMinutes fairness
  maxMeetingsPerDelegate maxRequestsPerDelegate requestExpiryHours reminderMinutes publishedAt publishedVersion version`;

export const CONSOLE_EDITIONS = operation<{ forumEditions: ConsoleEdition[] }>(
  `query ConsoleEditions { forumEditions { ${EDITION_FIELDS} } }`,
);

export interface SessionBreak {
  start: string;
  end: string;
}

export interface ForumSession {
  id: string;
  day: string;
  kind: SessionKind;
  startsAt: string;
  endsAt: string;
  breaks: SessionBreak[];
}

export interface ForumTable {
  id: string;
  label: string;
  capacity: number;
  interpreter: boolean;
  languages: string[];
  active: boolean;
  organizationId: string | null;
}

export interface ForumGroup {
  id: string;
  code: string;
  name: LocalizedText;
  maxMeetings: number | null;
  maxRequests: number | null;
}

export interface ForumSlot {
  id: string;
  day: string;
  position: number;
  session: SessionKind;
  startsAt: string;
  endsAt: string;
  isBreak: boolean;
}

export interface EditionSetup {
  forumEdition: ConsoleEdition;
  forumSessions: ForumSession[];
  forumTables: ForumTable[];
  forumGroups: ForumGroup[];
  forumGroupRules: { groupId: string; mayMeetGroupId: string }[];
  forumSlots: ForumSlot[];
}

/** Everything the set-up screen shows, in one request. */
export const EDITION_SETUP = operation<EditionSetup, { id: string }>(`query EditionSetup($id: ID!) {
  forumEdition(id: $id) { ${EDITION_FIELDS} }
  forumSessions(editionId: $id) { id day kind startsAt endsAt breaks { start end } }
  forumTables(editionId: $id, includeInactive: true) { id label capacity interpreter languages active organizationId }
  forumGroups(editionId: $id) { id code name { ar fr en } maxMeetings maxRequests }
  forumGroupRules(editionId: $id) { groupId mayMeetGroupId }
  forumSlots(editionId: $id) { id day position session startsAt endsAt isBreak }
}`);

export interface SessionInput {
  day: string;
  kind: SessionKind;
  start: string;
  end: string;
  breaks: SessionBreak[];
}

export interface EditionInput {
  name: { ar?: string | null; fr?: string | null; en?: string | null };
  startsOn: string;
  endsOn: string;
  slotMinutes: number;
  timezone: string;
  venue: string | null;
  fairness: number | null;
  maxMeetingsPerDelegate: number | null;
  maxRequestsPerDelegate: number | null;
  requestExpiryHours: number | null;
  reminderMinutes: number | null;
  sessions: SessionInput[];
}

export const CREATE_EDITION = operation<
  { createForumEdition: ConsoleEdition },
  { input: EditionInput }
>(`mutation CreateForumEdition($input: CreateForumEditionInput!) {
  createForumEdition(input: $input) { ${EDITION_FIELDS} }
}`);

export const UPDATE_EDITION = operation<
  { updateForumEdition: ConsoleEdition },
  { input: EditionInput & { id: string } }
>(`mutation UpdateForumEdition($input: UpdateForumEditionInput!) {
  updateForumEdition(input: $input) { ${EDITION_FIELDS} }
}`);

export const SET_EDITION_STATUS = operation<
  { setForumEditionStatus: { id: string; status: EditionStatus } },
  { id: string; status: EditionStatus }
>(`mutation SetForumEditionStatus($id: ID!, $status: ForumEditionStatus!) {
  setForumEditionStatus(id: $id, status: $status) { id status }
}`);

export interface TableInput {
  label: string;
  capacity?: number | null;
  interpreter?: boolean | null;
  languages?: string[] | null;
}

export const ADD_TABLES = operation<
  { addForumTables: ForumTable[] },
  { editionId: string; tables: TableInput[] }
>(`mutation AddForumTables($editionId: ID!, $tables: [ForumTableInput!]!) {
  addForumTables(editionId: $editionId, tables: $tables) { id label capacity interpreter languages active organizationId }
}`);

export const UPDATE_TABLE = operation<
  { updateForumTable: ForumTable },
  { input: { id: string; label?: string; interpreter?: boolean; languages?: string[]; active?: boolean } }
>(`mutation UpdateForumTable($input: UpdateForumTableInput!) {
  updateForumTable(input: $input) { id label capacity interpreter languages active organizationId }
}`);

export const CREATE_GROUP = operation<
  { createForumGroup: ForumGroup },
  {
    editionId: string;
    input: {
      code: string;
      name: { ar?: string; fr?: string; en?: string };
      maxMeetings: number | null;
      maxRequests: number | null;
    };
  }
>(`mutation CreateForumGroup($editionId: ID!, $input: ForumGroupInput!) {
  createForumGroup(editionId: $editionId, input: $input) { id code name { ar fr en } maxMeetings maxRequests }
}`);

export const SET_GROUP_RULES = operation<
  { setForumGroupRules: { groupId: string; mayMeetGroupId: string }[] },
  { groupId: string; mayMeetGroupIds: string[] }
>(`mutation SetForumGroupRules($groupId: ID!, $mayMeetGroupIds: [ID!]!) {
  setForumGroupRules(groupId: $groupId, mayMeetGroupIds: $mayMeetGroupIds) { groupId mayMeetGroupId }
}`);

export const REGISTER_DELEGATE = operation<
  { registerDelegate: { id: string } },
  {
    input: {
      editionId: string;
      organizationId: string;
      name: string;
      email: string;
      languages: string[] | null;
    };
  }
>(`mutation ConsoleRegisterDelegate($input: RegisterDelegateInput!) {
  registerDelegate(input: $input) { id }
}`);

export const ASSIGN_GROUP = operation<
  { assignDelegateGroup: { id: string; groupId: string | null } },
  { delegateId: string; groupId: string | null }
>(`mutation AssignDelegateGroup($delegateId: ID!, $groupId: ID) {
  assignDelegateGroup(delegateId: $delegateId, groupId: $groupId) { id groupId }
}`);

export type RunState = 'QUEUED' | 'RUNNING' | 'RETRYING' | 'DONE' | 'FAILED';
export type RunResult = 'OPTIMAL' | 'FEASIBLE' | 'INFEASIBLE' | 'UNKNOWN';

export interface ScheduleRun {
  id: string;
  state: RunState;
  result: RunResult | null;
  phase: string | null;
  progress: number;
  reason: string | null;
  createdAt: string;
  finishedAt: string | null;
  summary: {
    requests: number;
    scheduled: number;
    totalBreaks: number;
    maxBreaks: number;
    minBreaks: number;
    lowerBound: number | null;
    tableChanges: number;
    moved: number;
    timeMs: number;
    method: string;
    unscheduled: { requestId: string; reason: string }[];
  } | null;
}

const RUN_FIELDS = `id state result phase progress reason createdAt finishedAt
  summary { requests scheduled totalBreaks maxBreaks minBreaks lowerBound tableChanges moved timeMs method unscheduled { requestId reason } }`;

export const SCHEDULE_EDITION = operation<
  { scheduleEdition: ScheduleRun },
  { editionId: string; timeLimitSeconds: number; allowMoves: boolean }
>(`mutation ScheduleEdition($editionId: ID!, $timeLimitSeconds: Int!, $allowMoves: Boolean!) {
  scheduleEdition(editionId: $editionId, timeLimitSeconds: $timeLimitSeconds, allowMoves: $allowMoves) { ${RUN_FIELDS} }
}`);

export const SCHEDULE_RUN = operation<{ scheduleRun: ScheduleRun }, { jobId: string }>(
  `query ScheduleRun($jobId: ID!) { scheduleRun(jobId: $jobId) { ${RUN_FIELDS} } }`,
);

export const SCHEDULE_RUNS = operation<{ scheduleRuns: ScheduleRun[] }, { editionId: string }>(
  `query ScheduleRuns($editionId: ID!) { scheduleRuns(editionId: $editionId) { ${RUN_FIELDS} } }`,
);

export interface RunProgress {
  runId: string;
  phase: string;
  bestBreaks: number | null;
  lowerBound: number | null;
  elapsedMs: number;
  fraction: number;
  unscheduledWeight: number | null;
}

export const SCHEDULE_RUN_PROGRESS = `subscription ScheduleRunProgress($runId: ID!) {
  scheduleRunProgress(runId: $runId) { runId phase bestBreaks lowerBound elapsedMs fraction unscheduledWeight }
}`;

export interface GridMeeting {
  meetingId: string;
  status: 'DRAFT' | 'PUBLISHED' | 'CANCELLED';
  pinned: boolean;
  requestId: string | null;
  slotId: string;
  tableId: string | null;
  tableLabel: string | null;
  delegateId: string;
  delegateName: string;
  organizationName: string;
  counterpartDelegateId: string;
  counterpartDelegateName: string;
  counterpartOrganizationName: string;
}

const GRID_FIELDS = `meetingId status pinned requestId slotId tableId tableLabel delegateId delegateName organizationName
  counterpartDelegateId counterpartDelegateName counterpartOrganizationName`;

export const EDITION_MEETINGS = operation<
  { editionMeetings: GridMeeting[] },
  { editionId: string; view: 'DRAFT' | 'PUBLISHED' }
>(`query EditionMeetings($editionId: ID!, $view: AgendaView!) {
  editionMeetings(editionId: $editionId, view: $view) { ${GRID_FIELDS} }
}`);

const MEETING_FIELDS = `id slotId tableId pinned status`;
export interface MeetingRow {
  id: string;
  slotId: string;
  tableId: string | null;
  pinned: boolean;
  status: string;
}

export const MOVE_MEETING = operation<
  { moveMeeting: MeetingRow },
  { meetingId: string; slotId: string; tableId: string | null }
>(`mutation MoveMeeting($meetingId: ID!, $slotId: ID!, $tableId: ID) {
  moveMeeting(meetingId: $meetingId, slotId: $slotId, tableId: $tableId) { ${MEETING_FIELDS} }
}`);

export const PIN_MEETING = operation<{ pinMeeting: MeetingRow }, { meetingId: string; pinned: boolean }>(
  `mutation PinMeeting($meetingId: ID!, $pinned: Boolean!) { pinMeeting(meetingId: $meetingId, pinned: $pinned) { ${MEETING_FIELDS} } }`,
);

export const CANCEL_MEETING = operation<{ cancelMeeting: MeetingRow }, { meetingId: string }>(
  `mutation CancelMeeting($meetingId: ID!) { cancelMeeting(meetingId: $meetingId) { ${MEETING_FIELDS} } }`,
);

export const PUBLISH_SCHEDULE = operation<
  { publishSchedule: { changedMeetings: number; changedDelegates: string[]; publishedVersion: number } },
  { editionId: string }
>(`mutation PublishSchedule($editionId: ID!) {
  publishSchedule(editionId: $editionId) { changedMeetings changedDelegates publishedVersion }
}`);

export const COUNTRY_LIST = operation<{ countries: { code: string; label: string }[] }>(
  `query ConsoleCountries { countries { code label } }`,
);

export type ScheduleChangeKind = 'NEW' | 'MOVED' | 'CANCELLED';

export interface ScheduleChange {
  meetingId: string;
  kind: ScheduleChangeKind;
  slotId: string;
  tableLabel: string | null;
  publishedSlotId: string | null;
  publishedTableLabel: string | null;
  delegateId: string;
  delegateName: string;
  organizationName: string;
  counterpartDelegateId: string;
  counterpartDelegateName: string;
  counterpartOrganizationName: string;
}

export interface ScheduleComparison {
  publishedVersion: number;
  publishedAt: string | null;
  newMeetings: number;
  moved: number;
  cancelled: number;
  delegates: number;
  endCursor: string | null;
  hasNextPage: boolean;
  changes: ScheduleChange[];
  changedDelegates: { delegateId: string; name: string; organizationName: string; changes: number }[];
}

/** The draft against the published schedule: counts, one page of changes, the delegates concerned. */
export const SCHEDULE_CHANGES = operation<
  { scheduleChanges: ScheduleComparison },
  {
    editionId: string;
    delegateId: string | null;
    kind: ScheduleChangeKind | null;
    first: number;
    after: string | null;
  }
>(`query ScheduleChanges($editionId: ID!, $delegateId: ID, $kind: ScheduleChangeKind, $first: Int!, $after: String) {
  scheduleChanges(editionId: $editionId, delegateId: $delegateId, kind: $kind, first: $first, after: $after) {
    publishedVersion publishedAt newMeetings moved cancelled delegates endCursor hasNextPage
    changes { meetingId kind slotId tableLabel publishedSlotId publishedTableLabel delegateId delegateName
      organizationName counterpartDelegateId counterpartDelegateName counterpartOrganizationName }
    changedDelegates { delegateId name organizationName changes }
  }
}`);

export type RequestStatus = 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'CANCELLED' | 'EXPIRED';

export interface ActingRequest {
  id: string;
  fromDelegateId: string;
  fromDelegateName: string;
  fromOrganizationId: string;
  toDelegateId: string | null;
  toDelegateName: string | null;
  toOrganizationId: string;
  status: RequestStatus;
  source: string;
  createdAt: string;
}

/**
 * What acting for one delegate needs: the delegate's unavailable slots and its live requests (the
 * api's connections, one page: a delegate has at most the edition's request quota).
 */
export const DELEGATE_ACTING = operation<
  {
    own: { nodes: { id: string; unavailableSlotIds: string[] }[] };
    meetingRequests: { nodes: ActingRequest[] };
  },
  { editionId: string; organizationId: string; delegateId: string }
>(`query DelegateActing($editionId: ID!, $organizationId: ID!, $delegateId: ID!) {
  own: forumDelegates(editionId: $editionId, organizationId: $organizationId, first: 500) { nodes { id unavailableSlotIds } }
  meetingRequests(editionId: $editionId, delegateId: $delegateId, statuses: [PENDING, ACCEPTED], first: 500) {
    nodes { id fromDelegateId fromDelegateName fromOrganizationId toDelegateId toDelegateName toOrganizationId status source createdAt }
  }
}`);

export interface DelegateName {
  id: string;
  name: string;
  organizationId: string;
  status: string;
}

/** Delegates of an edition by name, a page at a time (500 at most), optionally matching a search. */
export const DELEGATE_NAMES = operation<
  { forumDelegates: { nodes: DelegateName[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } },
  { editionId: string; search: string | null; first: number; after: string | null }
>(`query DelegateNames($editionId: ID!, $search: String, $first: Int!, $after: String) {
  forumDelegates(editionId: $editionId, search: $search, status: REGISTERED, first: $first, after: $after) {
    nodes { id name organizationId status }
    pageInfo { hasNextPage endCursor }
  }
}`);

export const ACT_REQUEST = operation<
  { requestMeeting: { id: string; status: RequestStatus } },
  {
    input: {
      editionId: string;
      organizationId: string;
      fromDelegateId: string;
      toDelegateId: string;
      source: 'ORGANISER';
    };
  }
>(`mutation ActRequestMeeting($input: MeetingRequestInput!) { requestMeeting(input: $input) { id status } }`);

export const ACT_ACCEPT = operation<
  { acceptMeetingRequest: { id: string; status: RequestStatus } },
  { requestId: string; organizationId: string; delegateId: string }
>(`mutation ActAcceptRequest($requestId: ID!, $organizationId: ID, $delegateId: ID) {
  acceptMeetingRequest(requestId: $requestId, organizationId: $organizationId, delegateId: $delegateId) { id status }
}`);

export const ACT_DECLINE = operation<
  { declineMeetingRequest: { id: string; status: RequestStatus } },
  { requestId: string; organizationId: string }
>(`mutation ActDeclineRequest($requestId: ID!, $organizationId: ID) {
  declineMeetingRequest(requestId: $requestId, organizationId: $organizationId) { id status }
}`);

export const ACT_CANCEL = operation<
  { cancelMeetingRequest: { id: string; status: RequestStatus } },
  { requestId: string; organizationId: string }
>(`mutation ActCancelRequest($requestId: ID!, $organizationId: ID) {
  cancelMeetingRequest(requestId: $requestId, organizationId: $organizationId) { id status }
}`);

export const SET_UNAVAILABLE = operation<
  { updateDelegate: { id: string; unavailableSlotIds: string[] } },
  { input: { id: string; organizationId: string; unavailableSlotIds: string[] } }
>(
  `mutation ActSetUnavailable($input: UpdateDelegateInput!) { updateDelegate(input: $input) { id unavailableSlotIds } }`,
);
