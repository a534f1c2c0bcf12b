import type {
  ConsoleEditionsQuery,
  CreateForumEditionInput,
  DelegateActingQuery,
  DelegateNamesQuery,
  EditionMeetingsQuery,
  EditionSetupQuery,
  ForumEditionStatus,
  ForumSessionInput,
  ForumSessionKind,
  ForumTableInput,
  MeetingRequestStatus,
  MoveMeetingMutation,
  ScheduleChangeKind,
  ScheduleChangesQuery,
  ScheduleResult,
  ScheduleRunProgressSubscription,
  ScheduleRunsQuery,
  ScheduleRunState,
} from '../gql/graphql';
import { graphql } from './client';

/*
 * The organisers' console, forum part: editions and their set-up, delegates, scheduling runs,
 * the draft grid and publication. The result and variable types are generated from each document
 * (`npm run codegen`, src/gql/); operations.test.ts validates every document against
 * apps/web/schema.graphql. Subscriptions go over graphql-ws as `documentText(X)`.
 */

export type EditionStatus = ForumEditionStatus;
export const EDITION_STATUSES: EditionStatus[] = ['DRAFT', 'OPEN', 'CLOSED'];
export type SessionKind = ForumSessionKind;

export type ConsoleEdition = ConsoleEditionsQuery['forumEditions'][number];

export const CONSOLE_EDITIONS = graphql(`
  query ConsoleEditions {
    forumEditions {
      id
      name {
        ar
        fr
        en
      }
      status
      startsOn
      endsOn
      timezone
      venue
      slotMinutes
      fairness
      maxMeetingsPerDelegate
      maxRequestsPerDelegate
      requestExpiryHours
      reminderMinutes
      publishedAt
      publishedVersion
      version
    }
  }
`);

export type EditionSetup = EditionSetupQuery;
export type ForumSession = EditionSetup['forumSessions'][number];
export type SessionBreak = ForumSession['breaks'][number];
export type ForumTable = EditionSetup['forumTables'][number];
export type ForumGroup = EditionSetup['forumGroups'][number];
export type ForumSlot = EditionSetup['forumSlots'][number];

/** Everything the set-up screen shows, in one request. */
export const EDITION_SETUP = graphql(`
  query EditionSetup($id: ID!) {
    forumEdition(id: $id) {
      id
      name {
        ar
        fr
        en
      }
      status
      startsOn
      endsOn
      timezone
      venue
      slotMinutes
      fairness
      maxMeetingsPerDelegate
      maxRequestsPerDelegate
      requestExpiryHours
      reminderMinutes
      publishedAt
      publishedVersion
      version
    }
    forumSessions(editionId: $id) {
      id
      day
      kind
      startsAt
      endsAt
      breaks {
        start
        end
      }
    }
    forumTables(editionId: $id, includeInactive: true) {
      id
      label
      capacity
      interpreter
      languages
      active
      organizationId
    }
    forumGroups(editionId: $id) {
      id
      code
      name {
        ar
        fr
        en
      }
      maxMeetings
      maxRequests
    }
    forumGroupRules(editionId: $id) {
      groupId
      mayMeetGroupId
    }
    forumSlots(editionId: $id) {
      id
      day
      position
      session
      startsAt
      endsAt
      isBreak
    }
  }
`);

export type SessionInput = ForumSessionInput;
export type EditionInput = CreateForumEditionInput;

export const CREATE_EDITION = graphql(`
  mutation CreateForumEdition($input: CreateForumEditionInput!) {
    createForumEdition(input: $input) {
      id
      name {
        ar
        fr
        en
      }
      status
      startsOn
      endsOn
      timezone
      venue
      slotMinutes
      fairness
      maxMeetingsPerDelegate
      maxRequestsPerDelegate
      requestExpiryHours
      reminderMinutes
      publishedAt
      publishedVersion
      version
    }
  }
`);

export const UPDATE_EDITION = graphql(`
  mutation UpdateForumEdition($input: UpdateForumEditionInput!) {
    updateForumEdition(input: $input) {
      id
      name {
        ar
        fr
        en
      }
      status
      startsOn
      endsOn
      timezone
      venue
      slotMinutes
      fairness
      maxMeetingsPerDelegate
      maxRequestsPerDelegate
      requestExpiryHours
      reminderMinutes
      publishedAt
      publishedVersion
      version
    }
  }
`);

export const SET_EDITION_STATUS = graphql(`
  mutation SetForumEditionStatus($id: ID!, $status: ForumEditionStatus!) {
    setForumEditionStatus(id: $id, status: $status) {
      id
      status
    }
  }
`);

export type TableInput = ForumTableInput;

export const ADD_TABLES = graphql(`
  mutation AddForumTables($editionId: ID!, $tables: [ForumTableInput!]!) {
    addForumTables(editionId: $editionId, tables: $tables) {
      id
      label
      capacity
      interpreter
      languages
      active
      organizationId
    }
  }
`);

export const UPDATE_TABLE = graphql(`
  mutation UpdateForumTable($input: UpdateForumTableInput!) {
    updateForumTable(input: $input) {
      id
      label
      capacity
      interpreter
      languages
      active
      organizationId
    }
  }
`);

export const CREATE_GROUP = graphql(`
  mutation CreateForumGroup($editionId: ID!, $input: ForumGroupInput!) {
    createForumGroup(editionId: $editionId, input: $input) {
      id
      code
      name {
        ar
        fr
        en
      }
      maxMeetings
      maxRequests
    }
  }
`);

export const SET_GROUP_RULES = graphql(`
  mutation SetForumGroupRules($groupId: ID!, $mayMeetGroupIds: [ID!]!) {
    setForumGroupRules(groupId: $groupId, mayMeetGroupIds: $mayMeetGroupIds) {
      groupId
      mayMeetGroupId
    }
  }
`);

export const REGISTER_DELEGATE = graphql(`
  mutation ConsoleRegisterDelegate($input: RegisterDelegateInput!) {
    registerDelegate(input: $input) {
      id
    }
  }
`);

export const ASSIGN_GROUP = graphql(`
  mutation AssignDelegateGroup($delegateId: ID!, $groupId: ID) {
    assignDelegateGroup(delegateId: $delegateId, groupId: $groupId) {
      id
      groupId
    }
  }
`);

export type RunState = ScheduleRunState;
export type RunResult = ScheduleResult;

export type ScheduleRun = ScheduleRunsQuery['scheduleRuns'][number];

export const SCHEDULE_EDITION = graphql(`
  mutation ScheduleEdition($editionId: ID!, $timeLimitSeconds: Int!, $allowMoves: Boolean!) {
    scheduleEdition(editionId: $editionId, timeLimitSeconds: $timeLimitSeconds, allowMoves: $allowMoves) {
      id
      state
      result
      phase
      progress
      reason
      createdAt
      finishedAt
      summary {
        requests
        scheduled
        totalBreaks
        maxBreaks
        minBreaks
        lowerBound
        tableChanges
        moved
        timeMs
        method
        unscheduled {
          requestId
          reason
        }
      }
    }
  }
`);

export const SCHEDULE_RUN = graphql(`
  query ScheduleRun($jobId: ID!) {
    scheduleRun(jobId: $jobId) {
      id
      state
      result
      phase
      progress
      reason
      createdAt
      finishedAt
      summary {
        requests
        scheduled
        totalBreaks
        maxBreaks
        minBreaks
        lowerBound
        tableChanges
        moved
        timeMs
        method
        unscheduled {
          requestId
          reason
        }
      }
    }
  }
`);

export const SCHEDULE_RUNS = graphql(`
  query ScheduleRuns($editionId: ID!) {
    scheduleRuns(editionId: $editionId) {
      id
      state
      result
      phase
      progress
      reason
      createdAt
      finishedAt
      summary {
        requests
        scheduled
        totalBreaks
        maxBreaks
        minBreaks
        lowerBound
        tableChanges
        moved
        timeMs
        method
        unscheduled {
          requestId
          reason
        }
      }
    }
  }
`);

export type RunProgress = ScheduleRunProgressSubscription['scheduleRunProgress'];

export const SCHEDULE_RUN_PROGRESS = graphql(`
  subscription ScheduleRunProgress($runId: ID!) {
    scheduleRunProgress(runId: $runId) {
      runId
      phase
      bestBreaks
      lowerBound
      elapsedMs
      fraction
      unscheduledWeight
    }
  }
`);

export type GridMeeting = EditionMeetingsQuery['editionMeetings'][number];

export const EDITION_MEETINGS = graphql(`
  query EditionMeetings($editionId: ID!, $view: AgendaView!) {
    editionMeetings(editionId: $editionId, view: $view) {
      meetingId
      status
      pinned
      requestId
      slotId
      tableId
      tableLabel
      delegateId
      delegateName
      organizationName
      counterpartDelegateId
      counterpartDelegateName
      counterpartOrganizationName
    }
  }
`);

export type MeetingRow = MoveMeetingMutation['moveMeeting'];

export const MOVE_MEETING = graphql(`
  mutation MoveMeeting($meetingId: ID!, $slotId: ID!, $tableId: ID) {
    moveMeeting(meetingId: $meetingId, slotId: $slotId, tableId: $tableId) {
      id
      slotId
      tableId
      pinned
      status
    }
  }
`);

export const PIN_MEETING = graphql(`
  mutation PinMeeting($meetingId: ID!, $pinned: Boolean!) {
    pinMeeting(meetingId: $meetingId, pinned: $pinned) {
      id
      slotId
      tableId
      pinned
      status
    }
  }
`);

export const CANCEL_MEETING = graphql(`
  mutation CancelMeeting($meetingId: ID!) {
    cancelMeeting(meetingId: $meetingId) {
      id
      slotId
      tableId
      pinned
      status
    }
  }
`);

export const PUBLISH_SCHEDULE = graphql(`
  mutation PublishSchedule($editionId: ID!) {
    publishSchedule(editionId: $editionId) {
      changedMeetings
      changedDelegates
      publishedVersion
    }
  }
`);

export const COUNTRY_LIST = graphql(`
  query ConsoleCountries {
    countries {
      code
      label
    }
  }
`);

export type { ScheduleChangeKind };

export type ScheduleComparison = ScheduleChangesQuery['scheduleChanges'];
export type ScheduleChange = ScheduleComparison['changes'][number];

/** The draft against the published schedule: counts, one page of changes, the delegates concerned. */
export const SCHEDULE_CHANGES = graphql(`
  query ScheduleChanges(
    $editionId: ID!
    $delegateId: ID
    $kind: ScheduleChangeKind
    $first: Int!
    $after: String
  ) {
    scheduleChanges(
      editionId: $editionId
      delegateId: $delegateId
      kind: $kind
      first: $first
      after: $after
    ) {
      publishedVersion
      publishedAt
      newMeetings
      moved
      cancelled
      delegates
      endCursor
      hasNextPage
      changes {
        meetingId
        kind
        slotId
        tableLabel
        publishedSlotId
        publishedTableLabel
        delegateId
        delegateName
        organizationName
        counterpartDelegateId
        counterpartDelegateName
        counterpartOrganizationName
      }
      changedDelegates {
        delegateId
        name
        organizationName
        changes
      }
    }
  }
`);

export type RequestStatus = MeetingRequestStatus;

export type ActingRequest = DelegateActingQuery['meetingRequests']['nodes'][number];

/**
 * What acting for one delegate needs: the delegate's unavailable slots and its live requests (the
 * api's connections, one page: a delegate has at most the edition's request quota).
 */
export const DELEGATE_ACTING = graphql(`
  query DelegateActing($editionId: ID!, $organizationId: ID!, $delegateId: ID!) {
    own: forumDelegates(editionId: $editionId, organizationId: $organizationId, first: 500) {
      nodes {
        id
        unavailableSlotIds
      }
    }
    meetingRequests(
      editionId: $editionId
      delegateId: $delegateId
      statuses: [PENDING, ACCEPTED]
      first: 500
    ) {
      nodes {
        id
        fromDelegateId
        fromDelegateName
        fromOrganizationId
        toDelegateId
        toDelegateName
        toOrganizationId
        status
        source
        createdAt
      }
    }
  }
`);

export type DelegateName = DelegateNamesQuery['forumDelegates']['nodes'][number];

/** Delegates of an edition by name, a page at a time (500 at most), optionally matching a search. */
export const DELEGATE_NAMES = graphql(`
  query DelegateNames($editionId: ID!, $search: String, $first: Int!, $after: String) {
    forumDelegates(editionId: $editionId, search: $search, status: REGISTERED, first: $first, after: $after) {
      nodes {
        id
        name
        organizationId
        status
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ACT_REQUEST = graphql(`
  mutation ActRequestMeeting($input: MeetingRequestInput!) {
    requestMeeting(input: $input) {
      id
      status
    }
  }
`);

export const ACT_ACCEPT = graphql(`
  mutation ActAcceptRequest($requestId: ID!, $organizationId: ID, $delegateId: ID) {
    acceptMeetingRequest(requestId: $requestId, organizationId: $organizationId, delegateId: $delegateId) {
      id
      status
    }
  }
`);

export const ACT_DECLINE = graphql(`
  mutation ActDeclineRequest($requestId: ID!, $organizationId: ID) {
    declineMeetingRequest(requestId: $requestId, organizationId: $organizationId) {
      id
      status
    }
  }
`);

export const ACT_CANCEL = graphql(`
  mutation ActCancelRequest($requestId: ID!, $organizationId: ID) {
    cancelMeetingRequest(requestId: $requestId, organizationId: $organizationId) {
      id
      status
    }
  }
`);

export const SET_UNAVAILABLE = graphql(`
  mutation ActSetUnavailable($input: UpdateDelegateInput!) {
    updateDelegate(input: $input) {
      id
      unavailableSlotIds
    }
  }
`);
