import { operation } from './client';
import type { Connection } from './connection';
import type { RequestStatus } from './consoleForum';
import type { LocalizedText } from './operations';

/*
 * The organisers' console, delegates and requests: the edition's delegates and meeting requests as
 * the api's cursor connections (filtered and paged by the api), and the request matrix.
 */

export type DelegateStatus = 'REGISTERED' | 'WITHDRAWN';

export interface ConsoleDelegate {
  id: string;
  name: string;
  status: DelegateStatus;
  checkedInAt: string | null;
  groupId: string | null;
  organizationId: string;
  organizationName: LocalizedText;
  organizationCountry: string;
}

export type DelegateFilters = {
  search: string | null;
  country: string | null;
  groupId: string | null;
  status: DelegateStatus | null;
  checkedIn: boolean | null;
};

/** A page cursor: `after` reads forward with `first`, `before` backward with `last`. */
export type PageAt = {
  first: number | null;
  after: string | null;
  last: number | null;
  before: string | null;
};

/** One page of the edition's delegates, with the number matching the filters. */
export const CONSOLE_DELEGATES = operation<
  { forumDelegates: Connection<ConsoleDelegate> },
  { editionId: string } & DelegateFilters & PageAt
>(`query ConsoleForumDelegates($editionId: ID!, $search: String, $country: String, $groupId: ID,
  $status: DelegateStatus, $checkedIn: Boolean, $first: Int, $after: String, $last: Int, $before: String) {
  forumDelegates(editionId: $editionId, search: $search, country: $country, groupId: $groupId, status: $status,
    checkedIn: $checkedIn, first: $first, after: $after, last: $last, before: $before) {
    nodes { id name status checkedInAt groupId organizationId organizationName { ar fr en } organizationCountry }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    totalCount
  }
}`);

export type RequestDirection = 'ANY' | 'SENT' | 'RECEIVED';

export interface ConsoleRequest {
  id: string;
  status: RequestStatus;
  source: string;
  createdAt: string;
  respondedAt: string | null;
  fromDelegateId: string;
  fromDelegateName: string;
  fromOrganizationId: string;
  toDelegateId: string | null;
  toDelegateName: string | null;
  toOrganizationId: string;
}

export type RequestFilters = {
  organizationId: string | null;
  groupId: string | null;
  delegateId: string | null;
  direction: RequestDirection;
  statuses: RequestStatus[] | null;
};

/** One page of the edition's meeting requests, newest first, with the number matching. */
export const CONSOLE_REQUESTS = operation<
  { meetingRequests: Connection<ConsoleRequest> },
  { editionId: string } & RequestFilters & PageAt
>(`query ConsoleMeetingRequests($editionId: ID!, $organizationId: ID, $groupId: ID, $delegateId: ID,
  $direction: RequestDirection!, $statuses: [MeetingRequestStatus!], $first: Int, $after: String, $last: Int, $before: String) {
  meetingRequests(editionId: $editionId, organizationId: $organizationId, groupId: $groupId, delegateId: $delegateId,
    direction: $direction, statuses: $statuses, first: $first, after: $after, last: $last, before: $before) {
    nodes { id status source createdAt respondedAt fromDelegateId fromDelegateName fromOrganizationId
      toDelegateId toDelegateName toOrganizationId }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    totalCount
  }
}`);

export type MatrixGrouping = 'ORGANIZATION' | 'COUNTRY' | 'GROUP';
export const MATRIX_GROUPINGS: MatrixGrouping[] = ['ORGANIZATION', 'COUNTRY', 'GROUP'];

export interface MatrixCell {
  fromKey: string | null;
  fromLabel: LocalizedText | null;
  toKey: string | null;
  toLabel: LocalizedText | null;
  pending: number;
  accepted: number;
  total: number;
}

/** The edition's requests counted between organisations, countries or groups (largest first). */
export const REQUEST_MATRIX = operation<
  { meetingRequestMatrix: MatrixCell[] },
  { editionId: string; groupBy: MatrixGrouping }
>(`query ConsoleRequestMatrix($editionId: ID!, $groupBy: MeetingRequestMatrixGrouping!) {
  meetingRequestMatrix(editionId: $editionId, groupBy: $groupBy) {
    fromKey fromLabel { ar fr en } toKey toLabel { ar fr en } pending accepted total
  }
}`);
