import type { DeskDelegatesQuery, DeskFreeSlotsQuery, EditionBadgesQuery } from '../gql/graphql';
import { call, graphql } from './client';
import { LARGEST_PAGE, readAllPages } from './connection';

/*
 * The organisers' printing and venue desk: every badge of an edition, the edition's delegates,
 * check-in (from a badge code or by hand), no-shows and walk-in meetings. operations.test.ts
 * validates every document against apps/web/schema.graphql; their types are generated (`npm run
 * codegen`, src/gql/). Subscriptions go over graphql-ws as `documentText(X)`.
 */

export type PrintBadge = EditionBadgesQuery['editionBadges']['badges'][number];

/** The api's largest page of badges. */
export const BADGE_PAGE = 500;

/** A page of an edition's badges; the next one starts after endCursor. */
export type BadgePage = EditionBadgesQuery['editionBadges'];

export const EDITION_BADGES = graphql(`
  query EditionBadges($editionId: ID!, $after: String, $limit: Int!) {
    editionBadges(editionId: $editionId, after: $after, limit: $limit) {
      total
      endCursor
      hasNextPage
      badges {
        code
        delegateId
        delegateName
        organizationName {
          ar
          fr
          en
        }
        organizationCountry
        checkedInAt
      }
    }
  }
`);

export type DeskDelegate = DeskDelegatesQuery['forumDelegates']['nodes'][number];

export const DESK_DELEGATES = graphql(`
  query DeskDelegates($editionId: ID!, $first: Int, $after: String) {
    forumDelegates(editionId: $editionId, first: $first, after: $after) {
      nodes {
        id
        name
        organizationId
        status
        checkedInAt
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

/** Every delegate of the edition: the desk looks badges and names up among all of them. */
export const deskDelegates = async (editionId: string): Promise<{ forumDelegates: DeskDelegate[] }> => ({
  forumDelegates: await readAllPages(
    async (after) => (await call(DESK_DELEGATES, { editionId, first: LARGEST_PAGE, after })).forumDelegates,
  ),
});

export const CHECK_IN_BADGE = graphql(`
  mutation CheckInBadge($editionId: ID!, $code: String!) {
    checkInBadge(editionId: $editionId, code: $code) {
      alreadyCheckedIn
      badge {
        code
        delegateId
        delegateName
        organizationName {
          ar
          fr
          en
        }
        organizationCountry
        checkedInAt
      }
    }
  }
`);

export const CHECK_IN = graphql(`
  mutation CheckInDelegate($delegateId: ID!) {
    checkIn(delegateId: $delegateId) {
      id
      name
      checkedInAt
    }
  }
`);

export const MARK_NO_SHOW = graphql(`
  mutation MarkNoShow($meetingId: ID!, $absentDelegateId: ID!) {
    markNoShow(meetingId: $meetingId, absentDelegateId: $absentDelegateId) {
      delegateId
      outcome
    }
  }
`);

export type DeskFreeSlot = DeskFreeSlotsQuery['freeSlots'][number];

export const FREE_SLOTS = graphql(`
  query DeskFreeSlots($editionId: ID!, $delegateId: ID!, $withDelegateId: ID!) {
    freeSlots(editionId: $editionId, delegateId: $delegateId, withDelegateId: $withDelegateId) {
      slotId
      startsAt
      endsAt
      freeTables
    }
  }
`);

export const BOOK_WALK_IN = graphql(`
  mutation DeskWalkIn($input: WalkInInput!) {
    bookWalkIn(input: $input) {
      meeting {
        id
        slotId
        tableId
      }
    }
  }
`);

/** Sent over graphql-ws: every request of the edition as it changes (walk-ins, cancellations). */
export const DESK_REQUEST_CHANGED = graphql(`
  subscription DeskRequestChanged($editionId: ID!) {
    meetingRequestChanged(editionId: $editionId) {
      requestId
      action
      status
    }
  }
`);

/** Sent over graphql-ws: a delegate's published agenda as it changes (publication, cancellation). */
export const DESK_AGENDA_CHANGED = graphql(`
  subscription DeskAgendaChanged($delegateId: ID!) {
    agendaChanged(delegateId: $delegateId) {
      delegateId
      meetingIds
    }
  }
`);
