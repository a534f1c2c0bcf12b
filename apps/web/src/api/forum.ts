import { call, operation } from './client';
import { CONNECTION_FIELDS, LARGEST_PAGE, readAllPages, type Connection } from './connection';
import type { LocalizedText, OrganizationKind } from './operations';

/*
 * The forum, participants' side: the edition's page, delegates and their unavailable slots, the
 * participant directory, meeting requests, badges and meeting outcomes. Validated against
 * schema.graphql by operations.test.ts.
 */

export type ForumEditionStatus = 'DRAFT' | 'OPEN' | 'CLOSED';
export type SessionKind = 'MORNING' | 'AFTERNOON';
export type DelegateGoal =
  'FIND_CLIENTS' | 'FIND_FINANCING' | 'FIND_SUBCONTRACTORS' | 'FIND_TECHNOLOGY' | 'JOIN_CLUSTER';
export type MeetingRequestStatus = 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'CANCELLED' | 'EXPIRED';
export type MeetingOutcome =
  'HELD' | 'NO_SHOW' | 'FOLLOW_UP_PLANNED' | 'NEGOTIATION_STARTED' | 'AGREEMENT_SIGNED' | 'CONTRACT_SIGNED';
/** On the day, then the later stages a side reports months afterwards (the follow-up mails ask for them). */
export const MEETING_OUTCOMES: MeetingOutcome[] = [
  'HELD',
  'FOLLOW_UP_PLANNED',
  'NO_SHOW',
  'NEGOTIATION_STARTED',
  'AGREEMENT_SIGNED',
  'CONTRACT_SIGNED',
];

export interface ForumEditionDetail {
  id: string;
  name: LocalizedText;
  timezone: string;
  startsOn: string;
  endsOn: string;
  venue: string | null;
  status: ForumEditionStatus;
  publishedAt: string | null;
  slotMinutes: number;
  maxRequestsPerDelegate: number | null;
  requestExpiryHours: number;
}

export interface ForumSession {
  id: string;
  day: string;
  kind: SessionKind;
  startsAt: string;
  endsAt: string;
}

export interface ForumSlot {
  id: string;
  day: string;
  startsAt: string;
  endsAt: string;
  isBreak: boolean;
  session: SessionKind;
}

export interface MyOrganization {
  id: string;
  name: LocalizedText;
  kind: OrganizationKind;
  status: string;
}

const EDITION_FIELDS = `id name { ar fr en } timezone startsOn endsOn venue status publishedAt slotMinutes
    maxRequestsPerDelegate requestExpiryHours`;

export const FORUM_EDITION_LIST = operation<{ forumEditions: ForumEditionDetail[] }>(
  `query ForumEditionList { forumEditions { ${EDITION_FIELDS} } }`,
);

/** The edition, its days (sessions and slots); public. */
export const FORUM_EDITION_PAGE = operation<
  { forumEdition: ForumEditionDetail; forumSessions: ForumSession[]; forumSlots: ForumSlot[] },
  { editionId: string }
>(`query ForumEditionPage($editionId: ID!) {
  forumEdition(id: $editionId) { ${EDITION_FIELDS} }
  forumSessions(editionId: $editionId) { id day kind startsAt endsAt }
  forumSlots(editionId: $editionId) { id day startsAt endsAt isBreak session }
}`);

export const MY_FORUM_ORGANIZATIONS = operation<{ myOrganizations: MyOrganization[] }>(
  `query MyForumOrganizations { myOrganizations { id name { ar fr en } kind status } }`,
);

export interface ForumDelegate {
  id: string;
  organizationId: string;
  userId: string | null;
  name: string;
  email: string;
  status: 'REGISTERED' | 'WITHDRAWN';
  unavailableSlotIds: string[];
}

const DELEGATE_FIELDS = 'id organizationId userId name email status unavailableSlotIds';

export const FORUM_DELEGATES = operation<
  { forumDelegates: Connection<ForumDelegate> },
  { editionId: string; organizationId: string; first: number; after: string | null }
>(`query ForumDelegates($editionId: ID!, $organizationId: ID!, $first: Int, $after: String) {
  forumDelegates(editionId: $editionId, organizationId: $organizationId, first: $first, after: $after) {
    nodes { ${DELEGATE_FIELDS} } ${CONNECTION_FIELDS}
  }
}`);

/** Every delegate an organisation registered for an edition. */
export const delegatesOf = (editionId: string, organizationId: string): Promise<ForumDelegate[]> =>
  readAllPages(
    async (after) =>
      (await call(FORUM_DELEGATES, { editionId, organizationId, first: LARGEST_PAGE, after })).forumDelegates,
  );

export const REGISTER_DELEGATE = operation<
  { registerDelegate: ForumDelegate },
  { input: { editionId: string; organizationId: string; name: string; email: string } }
>(`mutation ForumRegisterDelegate($input: RegisterDelegateInput!) {
  registerDelegate(input: $input) { ${DELEGATE_FIELDS} }
}`);

export const SET_UNAVAILABLE = operation<
  { updateDelegate: ForumDelegate },
  { input: { id: string; organizationId: string; unavailableSlotIds: string[] } }
>(`mutation ForumSetUnavailable($input: UpdateDelegateInput!) {
  updateDelegate(input: $input) { ${DELEGATE_FIELDS} }
}`);

export interface ForumParticipant {
  id: string;
  name: string;
  languages: string[];
  goals: DelegateGoal[];
  ownOrganization: boolean;
  requestId: string | null;
  requestStatus: MeetingRequestStatus | null;
  organization: {
    id: string;
    name: LocalizedText;
    kind: OrganizationKind;
    country: string;
    sectors: string[];
  };
}

export interface ParticipantFilter {
  query?: string;
  countries?: string[];
  kinds?: OrganizationKind[];
  sectors?: string[];
}

export interface ForumParticipantConnection {
  edges: { node: ForumParticipant }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

export const FORUM_PARTICIPANTS = operation<
  { forumParticipants: ForumParticipantConnection },
  { editionId: string; filter: ParticipantFilter | null; first: number; after: string | null }
>(`query ForumParticipants($editionId: ID!, $filter: ForumParticipantFilter, $first: Int!, $after: String) {
  forumParticipants(editionId: $editionId, filter: $filter, first: $first, after: $after) {
    edges { node { id name languages goals ownOrganization requestId requestStatus
      organization { id name { ar fr en } kind country sectors } } }
    pageInfo { endCursor hasNextPage }
  }
}`);

/** Sector labels in the interface language, for the directory's filter. */
export const FORUM_SECTORS = operation<{ sectors: { code: string; label: string }[] }, { lang: string }>(
  `query ForumSectors($lang: Lang) { sectors(lang: $lang) { code label } }`,
);

export interface ForumMeetingRequest {
  id: string;
  fromOrganizationId: string;
  toOrganizationId: string;
  fromDelegateId: string;
  toDelegateId: string | null;
  message: string | null;
  status: MeetingRequestStatus;
  createdAt: string;
  expiresAt: string;
}

const REQUEST_FIELDS =
  'id fromOrganizationId toOrganizationId fromDelegateId toDelegateId message status createdAt expiresAt';

export const REQUEST_MEETING = operation<
  { requestMeeting: ForumMeetingRequest },
  {
    input: {
      editionId: string;
      organizationId: string;
      fromDelegateId: string;
      toDelegateId: string;
      message: string | null;
    };
  }
>(`mutation ForumRequestMeeting($input: MeetingRequestInput!) {
  requestMeeting(input: $input) { ${REQUEST_FIELDS} }
}`);

export const MY_MEETING_REQUESTS = operation<
  { meetingRequests: Connection<ForumMeetingRequest> },
  { editionId: string; organizationId: string; first: number; after: string | null }
>(`query ForumMyMeetingRequests($editionId: ID!, $organizationId: ID!, $first: Int, $after: String) {
  meetingRequests(editionId: $editionId, organizationId: $organizationId, direction: ANY, first: $first, after: $after) {
    nodes { ${REQUEST_FIELDS} } ${CONNECTION_FIELDS}
  }
}`);

/** Every request an organisation sent or received at an edition, newest first. */
export const meetingRequestsOf = (
  editionId: string,
  organizationId: string,
): Promise<ForumMeetingRequest[]> =>
  readAllPages(
    async (after) =>
      (await call(MY_MEETING_REQUESTS, { editionId, organizationId, first: LARGEST_PAGE, after }))
        .meetingRequests,
  );

export interface ForumBadge {
  code: string;
  delegateId: string;
  editionId: string;
  delegateName: string;
  organizationName: LocalizedText;
}

export const DELEGATE_BADGE = operation<{ delegateBadge: ForumBadge }, { delegateId: string }>(
  `query ForumDelegateBadge($delegateId: ID!) {
  delegateBadge(delegateId: $delegateId) { code delegateId editionId delegateName organizationName { ar fr en } }
}`,
);

export const REPORT_OUTCOME = operation<
  { reportMeetingOutcome: { delegateId: string; outcome: MeetingOutcome | null }[] },
  { meetingId: string; organizationId: string; outcome: MeetingOutcome; note: string | null }
>(`mutation ForumReportOutcome($meetingId: ID!, $organizationId: ID, $outcome: MeetingOutcome!, $note: String) {
  reportMeetingOutcome(meetingId: $meetingId, organizationId: $organizationId, outcome: $outcome, note: $note) {
    delegateId outcome
  }
}`);
