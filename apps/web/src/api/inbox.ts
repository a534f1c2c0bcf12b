import { call, operation } from './client';
import { CONNECTION_FIELDS, LARGEST_PAGE, readAllPages, type Connection } from './connection';
import { NOTIFICATION_FIELDS, type Notification } from './inboxLive';
import type { LocalizedText, OrganizationKind } from './operations';

export type { Notification };

/*
 * The inbox's operations: notifications, contact and meeting requests, suggestions, and the
 * financiers' screening criteria and saved searches. operations.test.ts validates each document
 * against apps/web/schema.graphql.
 */

export const NOTIFICATIONS = operation<
  {
    notifications: {
      edges: { node: Notification }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    unreadNotificationCount: number;
  },
  { first: number; after: string | null }
>(`query Notifications($first: Int!, $after: String) {
  notifications(first: $first, after: $after) {
    edges { node { ${NOTIFICATION_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
  unreadNotificationCount
}`);

export const MARK_READ = operation<
  { markNotificationsRead: { marked: number; unreadCount: number } },
  { input: { ids?: string[]; all?: boolean } }
>(`mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
  markNotificationsRead(input: $input) { marked unreadCount }
}`);

/** The signed-in user's organisations, for the pages that act in the name of one. */
export const MY_ORGANIZATIONS = operation<{
  myOrganizations: { id: string; kind: OrganizationKind; status: string; name: LocalizedText }[];
}>(`query InboxOrganizations { myOrganizations { id kind status name { ar fr en } } }`);

export interface OrganizationCard {
  id: string;
  kind: OrganizationKind;
  name: LocalizedText;
  country: string;
  city: string | null;
  contactsVisible: boolean;
  contacts: { id: string; name: string; role: string | null; email: string | null; phone: string | null }[];
}

export const ORGANIZATION_CARD = operation<{ organization: OrganizationCard }, { id: string }>(
  `query OrganizationCard($id: ID!) {
  organization(id: $id) { id kind name { ar fr en } country city contactsVisible contacts { id name role email phone } }
}`,
);

export type ContactRequestStatus = 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'CANCELLED' | 'EXPIRED';
/** Longest note a decline carries to the requester (the api refuses more). */
export const DECLINE_MESSAGE_MAX = 500;

export interface ContactRequest {
  id: string;
  fromOrganizationId: string;
  toOrganizationId: string;
  message: string | null;
  status: ContactRequestStatus;
  declineMessage: string | null;
  createdAt: string;
  expiresAt: string;
  respondedAt: string | null;
}

const CONTACT_FIELDS =
  'id fromOrganizationId toOrganizationId message status declineMessage createdAt expiresAt respondedAt';

/** Received (INCOMING) or sent (OUTGOING). */
export type ContactRequestDirection = 'INCOMING' | 'OUTGOING';

/** One page of an organisation's contact requests, newest first. */
export const CONTACT_REQUESTS = operation<
  { contactRequests: Connection<ContactRequest> },
  { organizationId: string; direction: ContactRequestDirection; first: number; after: string | null }
>(`query ContactRequests($organizationId: ID!, $direction: ContactRequestDirection!, $first: Int, $after: String) {
  contactRequests(organizationId: $organizationId, direction: $direction, first: $first, after: $after) {
    nodes { ${CONTACT_FIELDS} } ${CONNECTION_FIELDS}
  }
}`);

export const RESPOND_CONTACT = operation<
  { respondToContactRequest: ContactRequest },
  { id: string; accept: boolean; message?: string | null }
>(`mutation RespondToContactRequest($id: ID!, $accept: Boolean!, $message: String) {
  respondToContactRequest(id: $id, accept: $accept, message: $message) { ${CONTACT_FIELDS} }
}`);

/** Sends a contact request again (after the previous one expired). */
export const SEND_CONTACT_AGAIN = operation<
  { requestContact: ContactRequest },
  { fromOrganizationId: string; toOrganizationId: string; message: string | null }
>(`mutation SendContactRequestAgain($fromOrganizationId: ID!, $toOrganizationId: ID!, $message: String) {
  requestContact(fromOrganizationId: $fromOrganizationId, toOrganizationId: $toOrganizationId, message: $message) { ${CONTACT_FIELDS} }
}`);

export const CANCEL_CONTACT = operation<{ cancelContactRequest: ContactRequest }, { id: string }>(
  `mutation CancelContactRequest($id: ID!) { cancelContactRequest(id: $id) { ${CONTACT_FIELDS} } }`,
);

export type MeetingRequestStatus = 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'CANCELLED' | 'EXPIRED';

export interface MeetingRequest {
  id: string;
  editionId: string;
  fromOrganizationId: string;
  toOrganizationId: string;
  fromDelegateId: string;
  toDelegateId: string | null;
  message: string | null;
  reason: string | null;
  priority: number;
  status: MeetingRequestStatus;
  createdAt: string;
  expiresAt: string;
  respondedAt: string | null;
}

const MEETING_FIELDS =
  'id editionId fromOrganizationId toOrganizationId fromDelegateId toDelegateId message reason priority status createdAt expiresAt respondedAt';

export const FORUM_EDITION_LIST = operation<{
  forumEditions: { id: string; name: LocalizedText; startsOn: string; timezone: string }[];
}>(`query InboxEditions { forumEditions { id name { ar fr en } startsOn timezone } }`);

export const MEETING_REQUESTS = operation<
  { meetingRequests: Connection<MeetingRequest> },
  { editionId: string; organizationId: string; first: number; after: string | null }
>(`query MeetingRequests($editionId: ID!, $organizationId: ID!, $first: Int, $after: String) {
  meetingRequests(editionId: $editionId, organizationId: $organizationId, direction: ANY, first: $first, after: $after) {
    nodes { ${MEETING_FIELDS} } ${CONNECTION_FIELDS}
  }
}`);

/** Every meeting request an organisation sent or received at an edition, newest first. */
export const meetingRequestsAt = (editionId: string, organizationId: string): Promise<MeetingRequest[]> =>
  readAllPages(
    async (after) =>
      (await call(MEETING_REQUESTS, { editionId, organizationId, first: LARGEST_PAGE, after }))
        .meetingRequests,
  );

export const ACCEPT_MEETING = operation<
  { acceptMeetingRequest: MeetingRequest },
  { requestId: string; organizationId: string }
>(`mutation AcceptMeetingRequest($requestId: ID!, $organizationId: ID) {
  acceptMeetingRequest(requestId: $requestId, organizationId: $organizationId) { ${MEETING_FIELDS} }
}`);

export const DECLINE_MEETING = operation<
  { declineMeetingRequest: MeetingRequest },
  { requestId: string; organizationId: string; reason: string | null }
>(`mutation DeclineMeetingRequest($requestId: ID!, $organizationId: ID, $reason: String) {
  declineMeetingRequest(requestId: $requestId, organizationId: $organizationId, reason: $reason) { ${MEETING_FIELDS} }
}`);

export const CANCEL_MEETING = operation<
  { cancelMeetingRequest: MeetingRequest },
  { requestId: string; organizationId: string; reason: string | null }
>(`mutation CancelMeetingRequest($requestId: ID!, $organizationId: ID, $reason: String) {
  cancelMeetingRequest(requestId: $requestId, organizationId: $organizationId, reason: $reason) { ${MEETING_FIELDS} }
}`);

export type SuggestionKind = 'SUBCONTRACTING' | 'FINANCING' | 'SUPPORT' | 'MEETING' | 'CLUSTER';
export const SUGGESTION_KINDS: SuggestionKind[] = [
  'SUBCONTRACTING',
  'FINANCING',
  'SUPPORT',
  'MEETING',
  'CLUSTER',
];
/** Who the counterpart is to you; SUPPORT suggestions say which side of a programme you are on. */
export type SuggestionRole =
  | 'SUPPLIER'
  | 'REQUEST'
  | 'CANDIDATE'
  | 'FINANCIER'
  | 'CLUSTER'
  | 'DELEGATE'
  | 'SUPPORT_PROVIDER'
  | 'BENEFICIARY';
export type SuggestionVerdict = 'ACCEPTED' | 'DISMISSED' | 'NOT_RELEVANT';
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
] as const;
export type NotRelevantReason = (typeof NOT_RELEVANT_REASONS)[number];

export interface Suggestion {
  id: string;
  kind: SuggestionKind;
  role: SuggestionRole | null;
  rank: number;
  score: number;
  verdict: SuggestionVerdict | null;
  counterpartId: string | null;
  counterpartDelegateId: string | null;
  counterpart: {
    id: string;
    kind: OrganizationKind;
    name: LocalizedText;
    country: string;
    city: string | null;
  } | null;
  contactRequestId: string | null;
  meetingRequestId: string | null;
  editionId: string | null;
  reasons: { code: string; text: string; score: number; direction: string }[];
  clusterProposal: {
    id: string;
    summary: string;
    valueChain: string | null;
    members: { organizationId: string; division: string; gap: string }[];
  } | null;
}

export const SUGGESTIONS = operation<
  {
    suggestions: {
      edges: { node: Suggestion }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  },
  { organizationId: string; kind: SuggestionKind; lang: string; first: number; after: string | null }
>(`query Suggestions($organizationId: ID!, $kind: SuggestionKind!, $lang: Lang, $first: Int!, $after: String) {
  suggestions(organizationId: $organizationId, kind: $kind, lang: $lang, first: $first, after: $after) {
    edges { node {
      id kind role rank score verdict counterpartId counterpartDelegateId contactRequestId meetingRequestId editionId
      counterpart { id kind name { ar fr en } country city }
      reasons { code text score direction }
      clusterProposal { id summary valueChain members { organizationId division gap } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`);

export interface SuggestionFeedback {
  suggestionId: string;
  verdict: SuggestionVerdict;
  contactRequestId: string | null;
  meetingRequestId: string | null;
}
const FEEDBACK_FIELDS = 'suggestionId verdict contactRequestId meetingRequestId';

export const ACCEPT_SUGGESTION = operation<
  { acceptSuggestion: SuggestionFeedback },
  { organizationId: string; suggestionId: string; message: string | null }
>(`mutation AcceptSuggestion($organizationId: ID!, $suggestionId: ID!, $message: String) {
  acceptSuggestion(organizationId: $organizationId, suggestionId: $suggestionId, message: $message) { ${FEEDBACK_FIELDS} }
}`);

export const DISMISS_SUGGESTION = operation<
  { dismissSuggestion: SuggestionFeedback },
  { organizationId: string; suggestionId: string }
>(`mutation DismissSuggestion($organizationId: ID!, $suggestionId: ID!) {
  dismissSuggestion(organizationId: $organizationId, suggestionId: $suggestionId) { ${FEEDBACK_FIELDS} }
}`);

export const NOT_RELEVANT = operation<
  { markSuggestionNotRelevant: SuggestionFeedback },
  { organizationId: string; suggestionId: string; reason: NotRelevantReason; comment: string | null }
>(`mutation MarkSuggestionNotRelevant($organizationId: ID!, $suggestionId: ID!, $reason: NotRelevantReason!, $comment: String) {
  markSuggestionNotRelevant(organizationId: $organizationId, suggestionId: $suggestionId, reason: $reason, comment: $comment) { ${FEEDBACK_FIELDS} }
}`);

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

export interface FinancierCriteria {
  sectors: string[];
  countries: string[];
  stages: string[];
  instruments: string[];
  ticketMin: number | null;
  ticketMax: number | null;
  currency: string | null;
  minAgeYears: number | null;
  minEmployeeBand: string | null;
  minPatents: number | null;
  innovationWanted: boolean | null;
  requiredCertifications: string[];
  preferredCertifications: string[];
}
const CRITERIA_FIELDS =
  'sectors countries stages instruments ticketMin ticketMax currency minAgeYears minEmployeeBand minPatents innovationWanted requiredCertifications preferredCertifications';

export interface SavedSearch {
  id: string;
  name: string;
  query: string | null;
  minScore: number;
  alertsEnabled: boolean;
  criteria: FinancierCriteria;
}

export interface SavedSearchAlert {
  id: string;
  savedSearchId: string;
  organizationId: string;
  score: number;
  createdAt: string;
  seenAt: string | null;
}

export const FINANCIER_DESK = operation<
  {
    financierCriteria: (FinancierCriteria & { updatedAt: string }) | null;
    savedSearches: SavedSearch[];
    savedSearchAlerts: SavedSearchAlert[];
    sectors: { code: string; label: string }[];
  },
  { organizationId: string; lang: string }
>(`query FinancierDesk($organizationId: ID!, $lang: Lang) {
  financierCriteria(organizationId: $organizationId) { ${CRITERIA_FIELDS} updatedAt }
  savedSearches(organizationId: $organizationId) { id name query minScore alertsEnabled criteria { ${CRITERIA_FIELDS} } }
  savedSearchAlerts(organizationId: $organizationId, first: 50) { id savedSearchId organizationId score createdAt seenAt }
  sectors(lang: $lang) { code label }
}`);

export type FinancierCriteriaInput = Partial<FinancierCriteria>;

export const SET_CRITERIA = operation<
  { setFinancierCriteria: { organizationId: string; updatedAt: string } },
  { organizationId: string; input: FinancierCriteriaInput }
>(`mutation SetFinancierCriteria($organizationId: ID!, $input: FinancierCriteriaInput!) {
  setFinancierCriteria(organizationId: $organizationId, input: $input) { organizationId updatedAt }
}`);

export interface SavedSearchInput {
  name: string;
  query: string | null;
  minScore: number;
  alertsEnabled: boolean;
  criteria: FinancierCriteriaInput;
}

export const CREATE_SAVED_SEARCH = operation<
  { createSavedSearch: { id: string } },
  { organizationId: string; input: SavedSearchInput }
>(`mutation CreateSavedSearch($organizationId: ID!, $input: SavedSearchInput!) {
  createSavedSearch(organizationId: $organizationId, input: $input) { id }
}`);

export const UPDATE_SAVED_SEARCH = operation<
  { updateSavedSearch: { id: string } },
  { id: string; organizationId: string; input: SavedSearchInput }
>(`mutation UpdateSavedSearch($id: ID!, $organizationId: ID!, $input: SavedSearchInput!) {
  updateSavedSearch(id: $id, organizationId: $organizationId, input: $input) { id }
}`);

export const DELETE_SAVED_SEARCH = operation<
  { deleteSavedSearch: boolean },
  { id: string; organizationId: string }
>(`mutation DeleteSavedSearch($id: ID!, $organizationId: ID!) {
  deleteSavedSearch(id: $id, organizationId: $organizationId)
}`);
