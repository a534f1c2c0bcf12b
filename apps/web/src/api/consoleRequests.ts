import type {
  ConsoleForumDelegatesQuery,
  ConsoleMeetingRequestsQuery,
  ConsoleRequestMatrixQuery,
  DelegateStatus,
  MeetingRequestMatrixGrouping,
  RequestDirection,
} from '../gql/graphql';
import { graphql } from './client';
import type { RequestStatus } from './consoleForum';

/*
 * The organisers' console, delegates and requests: the edition's delegates and meeting requests as
 * the api's cursor connections (filtered and paged by the api), and the request matrix. Typed
 * documents (`npm run codegen`, src/gql/): the results are the generated types; the filters and page
 * cursors are the screens' state, which the generated variables accept.
 */

export type { DelegateStatus, RequestDirection };

export type ConsoleDelegate = ConsoleForumDelegatesQuery['forumDelegates']['nodes'][number];

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
export const CONSOLE_DELEGATES = graphql(`
  query ConsoleForumDelegates(
    $editionId: ID!
    $search: String
    $country: String
    $groupId: ID
    $status: DelegateStatus
    $checkedIn: Boolean
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    forumDelegates(
      editionId: $editionId
      search: $search
      country: $country
      groupId: $groupId
      status: $status
      checkedIn: $checkedIn
      first: $first
      after: $after
      last: $last
      before: $before
    ) {
      nodes {
        id
        name
        status
        checkedInAt
        groupId
        organizationId
        organizationName {
          ar
          fr
          en
        }
        organizationCountry
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

export type ConsoleRequest = ConsoleMeetingRequestsQuery['meetingRequests']['nodes'][number];

export type RequestFilters = {
  organizationId: string | null;
  groupId: string | null;
  delegateId: string | null;
  direction: RequestDirection;
  statuses: RequestStatus[] | null;
};

/** One page of the edition's meeting requests, newest first, with the number matching. */
export const CONSOLE_REQUESTS = graphql(`
  query ConsoleMeetingRequests(
    $editionId: ID!
    $organizationId: ID
    $groupId: ID
    $delegateId: ID
    $direction: RequestDirection!
    $statuses: [MeetingRequestStatus!]
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    meetingRequests(
      editionId: $editionId
      organizationId: $organizationId
      groupId: $groupId
      delegateId: $delegateId
      direction: $direction
      statuses: $statuses
      first: $first
      after: $after
      last: $last
      before: $before
    ) {
      nodes {
        id
        status
        source
        createdAt
        respondedAt
        fromDelegateId
        fromDelegateName
        fromOrganizationId
        toDelegateId
        toDelegateName
        toOrganizationId
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

export type MatrixGrouping = MeetingRequestMatrixGrouping;
export const MATRIX_GROUPINGS: MatrixGrouping[] = ['ORGANIZATION', 'COUNTRY', 'GROUP'];

export type MatrixCell = ConsoleRequestMatrixQuery['meetingRequestMatrix'][number];

/** The edition's requests counted between organisations, countries or groups (largest first). */
export const REQUEST_MATRIX = graphql(`
  query ConsoleRequestMatrix($editionId: ID!, $groupBy: MeetingRequestMatrixGrouping!) {
    meetingRequestMatrix(editionId: $editionId, groupBy: $groupBy) {
      fromKey
      fromLabel {
        ar
        fr
        en
      }
      toKey
      toLabel {
        ar
        fr
        en
      }
      pending
      accepted
      total
    }
  }
`);
