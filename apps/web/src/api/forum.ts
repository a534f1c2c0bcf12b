import type {
  DelegateGoal,
  ForumDelegateBadgeQuery,
  ForumDelegatesQuery,
  ForumEditionListQuery,
  ForumEditionPageQuery,
  ForumEditionStatus,
  ForumMyMeetingRequestsQuery,
  ForumParticipantFilter,
  ForumParticipantsQuery,
  MeetingOutcome,
  MeetingRequestStatus,
  MyForumOrganizationsQuery,
} from '../gql/graphql';
import { call, graphql } from './client';
import { LARGEST_PAGE, readAllPages } from './connection';

/*
 * The forum, participants' side: the edition's page, delegates and their unavailable slots, the
 * participant directory, meeting requests, badges and meeting outcomes. Typed documents (`npm run
 * codegen`, src/gql/): the types below are the generated ones, named for the screens.
 */

export type { DelegateGoal, ForumEditionStatus, MeetingOutcome, MeetingRequestStatus };
export type SessionKind = ForumEditionPageQuery['forumSessions'][number]['kind'];

/** On the day, then the later stages a side reports months afterwards (the follow-up mails ask for them). */
export const MEETING_OUTCOMES: MeetingOutcome[] = [
  'HELD',
  'FOLLOW_UP_PLANNED',
  'NO_SHOW',
  'NEGOTIATION_STARTED',
  'AGREEMENT_SIGNED',
  'CONTRACT_SIGNED',
];

export type ForumEditionDetail = ForumEditionListQuery['forumEditions'][number];
export type ForumSession = ForumEditionPageQuery['forumSessions'][number];
export type ForumSlot = ForumEditionPageQuery['forumSlots'][number];
export type MyOrganization = MyForumOrganizationsQuery['myOrganizations'][number];

export const FORUM_EDITION_LIST = graphql(`
  query ForumEditionList {
    forumEditions {
      id
      name {
        ar
        fr
        en
      }
      timezone
      startsOn
      endsOn
      venue
      status
      publishedAt
      slotMinutes
      maxRequestsPerDelegate
      requestExpiryHours
    }
  }
`);

/** The edition, its days (sessions and slots); public. */
export const FORUM_EDITION_PAGE = graphql(`
  query ForumEditionPage($editionId: ID!) {
    forumEdition(id: $editionId) {
      id
      name {
        ar
        fr
        en
      }
      timezone
      startsOn
      endsOn
      venue
      status
      publishedAt
      slotMinutes
      maxRequestsPerDelegate
      requestExpiryHours
    }
    forumSessions(editionId: $editionId) {
      id
      day
      kind
      startsAt
      endsAt
    }
    forumSlots(editionId: $editionId) {
      id
      day
      startsAt
      endsAt
      isBreak
      session
    }
  }
`);

export const MY_FORUM_ORGANIZATIONS = graphql(`
  query MyForumOrganizations {
    myOrganizations {
      id
      name {
        ar
        fr
        en
      }
      kind
      status
    }
  }
`);

export type ForumDelegate = ForumDelegatesQuery['forumDelegates']['nodes'][number];

export const FORUM_DELEGATES = graphql(`
  query ForumDelegates($editionId: ID!, $organizationId: ID!, $first: Int, $after: String) {
    forumDelegates(editionId: $editionId, organizationId: $organizationId, first: $first, after: $after) {
      nodes {
        id
        organizationId
        userId
        name
        email
        status
        unavailableSlotIds
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      totalCount
    }
  }
`);

/** Every delegate an organisation registered for an edition. */
export const delegatesOf = (editionId: string, organizationId: string): Promise<ForumDelegate[]> =>
  readAllPages(
    async (after) =>
      (await call(FORUM_DELEGATES, { editionId, organizationId, first: LARGEST_PAGE, after })).forumDelegates,
  );

export const REGISTER_DELEGATE = graphql(`
  mutation ForumRegisterDelegate($input: RegisterDelegateInput!) {
    registerDelegate(input: $input) {
      id
      organizationId
      userId
      name
      email
      status
      unavailableSlotIds
    }
  }
`);

export const SET_UNAVAILABLE = graphql(`
  mutation ForumSetUnavailable($input: UpdateDelegateInput!) {
    updateDelegate(input: $input) {
      id
      organizationId
      userId
      name
      email
      status
      unavailableSlotIds
    }
  }
`);

export type ForumParticipantConnection = ForumParticipantsQuery['forumParticipants'];
export type ForumParticipant = ForumParticipantConnection['edges'][number]['node'];
export type ParticipantFilter = ForumParticipantFilter;

export const FORUM_PARTICIPANTS = graphql(`
  query ForumParticipants($editionId: ID!, $filter: ForumParticipantFilter, $first: Int!, $after: String) {
    forumParticipants(editionId: $editionId, filter: $filter, first: $first, after: $after) {
      edges {
        node {
          id
          name
          languages
          goals
          ownOrganization
          requestId
          requestStatus
          organization {
            id
            name {
              ar
              fr
              en
            }
            kind
            country
            sectors
          }
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

/** Sector labels in the interface language, for the directory's filter. */
export const FORUM_SECTORS = graphql(`
  query ForumSectors($lang: Lang) {
    sectors(lang: $lang) {
      code
      label
    }
  }
`);

export type ForumMeetingRequest = ForumMyMeetingRequestsQuery['meetingRequests']['nodes'][number];

export const REQUEST_MEETING = graphql(`
  mutation ForumRequestMeeting($input: MeetingRequestInput!) {
    requestMeeting(input: $input) {
      id
      fromOrganizationId
      toOrganizationId
      fromDelegateId
      toDelegateId
      message
      status
      createdAt
      expiresAt
    }
  }
`);

export const MY_MEETING_REQUESTS = graphql(`
  query ForumMyMeetingRequests($editionId: ID!, $organizationId: ID!, $first: Int, $after: String) {
    meetingRequests(
      editionId: $editionId
      organizationId: $organizationId
      direction: ANY
      first: $first
      after: $after
    ) {
      nodes {
        id
        fromOrganizationId
        toOrganizationId
        fromDelegateId
        toDelegateId
        message
        status
        createdAt
        expiresAt
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      totalCount
    }
  }
`);

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

export type ForumBadge = ForumDelegateBadgeQuery['delegateBadge'];

export const DELEGATE_BADGE = graphql(`
  query ForumDelegateBadge($delegateId: ID!) {
    delegateBadge(delegateId: $delegateId) {
      code
      delegateId
      editionId
      delegateName
      organizationName {
        ar
        fr
        en
      }
    }
  }
`);

export const REPORT_OUTCOME = graphql(`
  mutation ForumReportOutcome(
    $meetingId: ID!
    $organizationId: ID
    $outcome: MeetingOutcome!
    $note: String
  ) {
    reportMeetingOutcome(
      meetingId: $meetingId
      organizationId: $organizationId
      outcome: $outcome
      note: $note
    ) {
      delegateId
      outcome
    }
  }
`);
