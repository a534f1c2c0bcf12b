import type {
  AcceptSuggestionMutation,
  CompanyStage,
  ContactRequestDirection,
  Currency,
  ContactRequestsQuery,
  FinancierCriteriaInput,
  FinancierDeskQuery,
  FinancingInstrument,
  MeetingRequestsQuery,
  NotRelevantReason,
  OrganizationCardQuery,
  SavedSearchInput,
  SuggestionKind,
  SuggestionRole,
  SuggestionsQuery,
  SuggestionVerdict,
} from '../gql/graphql';
import { call, graphql } from './client';
import { LARGEST_PAGE, readAllPages } from './connection';
import type { Notification } from './inboxLive';

export type { Notification };
export type {
  CompanyStage,
  ContactRequestDirection,
  Currency,
  FinancierCriteriaInput,
  FinancingInstrument,
  NotRelevantReason,
  SavedSearchInput,
  SuggestionKind,
  SuggestionRole,
  SuggestionVerdict,
};

/*
 * The inbox's operations: notifications, contact and meeting requests, suggestions, and the
 * financiers' screening criteria and saved searches. operations.test.ts validates each document
 * against apps/web/schema.graphql; their result and variable types are generated (`npm run codegen`,
 * src/gql/), and the types below name parts of them for the screens.
 */

export const NOTIFICATIONS = graphql(`
  query Notifications($first: Int!, $after: String) {
    notifications(first: $first, after: $after) {
      edges {
        node {
          id
          kind
          createdAt
          readAt
          payload {
            name
            value
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    unreadNotificationCount
  }
`);

export const MARK_READ = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      marked
      unreadCount
    }
  }
`);

/** The signed-in user's organisations, for the pages that act in the name of one. */
export const MY_ORGANIZATIONS = graphql(`
  query InboxOrganizations {
    myOrganizations {
      id
      kind
      status
      name {
        ar
        fr
        en
      }
    }
  }
`);

export type OrganizationCard = NonNullable<OrganizationCardQuery['organization']>;

export const ORGANIZATION_CARD = graphql(`
  query OrganizationCard($id: ID!) {
    organization(id: $id) {
      id
      kind
      name {
        ar
        fr
        en
      }
      country
      city
      contactsVisible
      contacts {
        id
        name
        role
        email
        phone
      }
    }
  }
`);

export type ContactRequest = ContactRequestsQuery['contactRequests']['nodes'][number];
export type ContactRequestStatus = ContactRequest['status'];
/** Longest note a decline carries to the requester (the api refuses more). */
export const DECLINE_MESSAGE_MAX = 500;

/** One page of an organisation's contact requests, newest first. */
export const CONTACT_REQUESTS = graphql(`
  query ContactRequests(
    $organizationId: ID!
    $direction: ContactRequestDirection!
    $first: Int
    $after: String
  ) {
    contactRequests(organizationId: $organizationId, direction: $direction, first: $first, after: $after) {
      nodes {
        id
        fromOrganizationId
        toOrganizationId
        message
        status
        declineMessage
        createdAt
        expiresAt
        respondedAt
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

export const RESPOND_CONTACT = graphql(`
  mutation RespondToContactRequest($id: ID!, $accept: Boolean!, $message: String) {
    respondToContactRequest(id: $id, accept: $accept, message: $message) {
      id
      fromOrganizationId
      toOrganizationId
      message
      status
      declineMessage
      createdAt
      expiresAt
      respondedAt
    }
  }
`);

/** Sends a contact request again (after the previous one expired). */
export const SEND_CONTACT_AGAIN = graphql(`
  mutation SendContactRequestAgain($fromOrganizationId: ID!, $toOrganizationId: ID!, $message: String) {
    requestContact(
      fromOrganizationId: $fromOrganizationId
      toOrganizationId: $toOrganizationId
      message: $message
    ) {
      id
      fromOrganizationId
      toOrganizationId
      message
      status
      declineMessage
      createdAt
      expiresAt
      respondedAt
    }
  }
`);

export const CANCEL_CONTACT = graphql(`
  mutation CancelContactRequest($id: ID!) {
    cancelContactRequest(id: $id) {
      id
      fromOrganizationId
      toOrganizationId
      message
      status
      declineMessage
      createdAt
      expiresAt
      respondedAt
    }
  }
`);

export type MeetingRequest = MeetingRequestsQuery['meetingRequests']['nodes'][number];
export type MeetingRequestStatus = MeetingRequest['status'];

export const FORUM_EDITION_LIST = graphql(`
  query InboxEditions {
    forumEditions {
      id
      name {
        ar
        fr
        en
      }
      startsOn
      timezone
    }
  }
`);

export const MEETING_REQUESTS = graphql(`
  query MeetingRequests($editionId: ID!, $organizationId: ID!, $first: Int, $after: String) {
    meetingRequests(
      editionId: $editionId
      organizationId: $organizationId
      direction: ANY
      first: $first
      after: $after
    ) {
      nodes {
        id
        editionId
        fromOrganizationId
        toOrganizationId
        fromDelegateId
        toDelegateId
        message
        reason
        priority
        status
        createdAt
        expiresAt
        respondedAt
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

/** Every meeting request an organisation sent or received at an edition, newest first. */
export const meetingRequestsAt = (editionId: string, organizationId: string): Promise<MeetingRequest[]> =>
  readAllPages(
    async (after) =>
      (await call(MEETING_REQUESTS, { editionId, organizationId, first: LARGEST_PAGE, after }))
        .meetingRequests,
  );

export const ACCEPT_MEETING = graphql(`
  mutation AcceptMeetingRequest($requestId: ID!, $organizationId: ID) {
    acceptMeetingRequest(requestId: $requestId, organizationId: $organizationId) {
      id
      editionId
      fromOrganizationId
      toOrganizationId
      fromDelegateId
      toDelegateId
      message
      reason
      priority
      status
      createdAt
      expiresAt
      respondedAt
    }
  }
`);

export const DECLINE_MEETING = graphql(`
  mutation DeclineMeetingRequest($requestId: ID!, $organizationId: ID, $reason: String) {
    declineMeetingRequest(requestId: $requestId, organizationId: $organizationId, reason: $reason) {
      id
      editionId
      fromOrganizationId
      toOrganizationId
      fromDelegateId
      toDelegateId
      message
      reason
      priority
      status
      createdAt
      expiresAt
      respondedAt
    }
  }
`);

export const CANCEL_MEETING = graphql(`
  mutation CancelMeetingRequest($requestId: ID!, $organizationId: ID, $reason: String) {
    cancelMeetingRequest(requestId: $requestId, organizationId: $organizationId, reason: $reason) {
      id
      editionId
      fromOrganizationId
      toOrganizationId
      fromDelegateId
      toDelegateId
      message
      reason
      priority
      status
      createdAt
      expiresAt
      respondedAt
    }
  }
`);

export const SUGGESTION_KINDS: SuggestionKind[] = [
  'SUBCONTRACTING',
  'FINANCING',
  'SUPPORT',
  'MEETING',
  'CLUSTER',
];
export const NOT_RELEVANT_REASONS = [
  'SECTOR',
  'PROCESS',
  'CERTIFICATION',
  'CAPACITY',
  'DISTANCE',
  'SIZE',
  'LANGUAGE',
  'FINANCING_TERMS',
  'OTHER',
] as const satisfies readonly NotRelevantReason[];

export type Suggestion = SuggestionsQuery['suggestions']['edges'][number]['node'];

export const SUGGESTIONS = graphql(`
  query Suggestions($organizationId: ID!, $kind: SuggestionKind!, $lang: Lang, $first: Int!, $after: String) {
    suggestions(organizationId: $organizationId, kind: $kind, lang: $lang, first: $first, after: $after) {
      edges {
        node {
          id
          kind
          role
          rank
          score
          verdict
          counterpartId
          counterpartDelegateId
          contactRequestId
          meetingRequestId
          editionId
          counterpart {
            id
            kind
            name {
              ar
              fr
              en
            }
            country
            city
          }
          reasons {
            code
            text
            score
            direction
          }
          clusterProposal {
            id
            summary
            valueChain
            members {
              organizationId
              division
              gap
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export type SuggestionFeedback = AcceptSuggestionMutation['acceptSuggestion'];

export const ACCEPT_SUGGESTION = graphql(`
  mutation AcceptSuggestion($organizationId: ID!, $suggestionId: ID!, $message: String) {
    acceptSuggestion(organizationId: $organizationId, suggestionId: $suggestionId, message: $message) {
      suggestionId
      verdict
      contactRequestId
      meetingRequestId
    }
  }
`);

export const DISMISS_SUGGESTION = graphql(`
  mutation DismissSuggestion($organizationId: ID!, $suggestionId: ID!) {
    dismissSuggestion(organizationId: $organizationId, suggestionId: $suggestionId) {
      suggestionId
      verdict
      contactRequestId
      meetingRequestId
    }
  }
`);

export const NOT_RELEVANT = graphql(`
  mutation MarkSuggestionNotRelevant(
    $organizationId: ID!
    $suggestionId: ID!
    $reason: NotRelevantReason!
    $comment: String
  ) {
    markSuggestionNotRelevant(
      organizationId: $organizationId
      suggestionId: $suggestionId
      reason: $reason
      comment: $comment
    ) {
      suggestionId
      verdict
      contactRequestId
      meetingRequestId
    }
  }
`);

export const INSTRUMENTS = [
  'LOAN',
  'GRANT',
  'EQUITY',
  'GUARANTEE',
  'LEASING',
  'MURABAHA',
  'MUSHARAKA',
  'MUDARABA',
  'IJARA',
  'ISTISNA',
  'SALAM',
] as const;
export const STAGES = ['IDEA', 'STARTUP', 'GROWTH', 'MATURE', 'TURNAROUND'] as const;

export type FinancierDesk = FinancierDeskQuery;
export type FinancierCriteria = Omit<NonNullable<FinancierDeskQuery['financierCriteria']>, 'updatedAt'>;
export type SavedSearch = FinancierDeskQuery['savedSearches'][number];
export type SavedSearchAlert = FinancierDeskQuery['savedSearchAlerts'][number];

export const FINANCIER_DESK = graphql(`
  query FinancierDesk($organizationId: ID!, $lang: Lang) {
    financierCriteria(organizationId: $organizationId) {
      sectors
      countries
      stages
      instruments
      ticketMin
      ticketMax
      currency
      minAgeYears
      minEmployeeBand
      minPatents
      innovationWanted
      requiredCertifications
      preferredCertifications
      updatedAt
    }
    savedSearches(organizationId: $organizationId) {
      id
      name
      query
      minScore
      alertsEnabled
      criteria {
        sectors
        countries
        stages
        instruments
        ticketMin
        ticketMax
        currency
        minAgeYears
        minEmployeeBand
        minPatents
        innovationWanted
        requiredCertifications
        preferredCertifications
      }
    }
    savedSearchAlerts(organizationId: $organizationId, first: 50) {
      id
      savedSearchId
      organizationId
      score
      createdAt
      seenAt
    }
    sectors(lang: $lang) {
      code
      label
    }
  }
`);

export const SET_CRITERIA = graphql(`
  mutation SetFinancierCriteria($organizationId: ID!, $input: FinancierCriteriaInput!) {
    setFinancierCriteria(organizationId: $organizationId, input: $input) {
      organizationId
      updatedAt
    }
  }
`);

export const CREATE_SAVED_SEARCH = graphql(`
  mutation CreateSavedSearch($organizationId: ID!, $input: SavedSearchInput!) {
    createSavedSearch(organizationId: $organizationId, input: $input) {
      id
    }
  }
`);

export const UPDATE_SAVED_SEARCH = graphql(`
  mutation UpdateSavedSearch($id: ID!, $organizationId: ID!, $input: SavedSearchInput!) {
    updateSavedSearch(id: $id, organizationId: $organizationId, input: $input) {
      id
    }
  }
`);

export const DELETE_SAVED_SEARCH = graphql(`
  mutation DeleteSavedSearch($id: ID!, $organizationId: ID!) {
    deleteSavedSearch(id: $id, organizationId: $organizationId)
  }
`);
