import { call, operation } from './client';
import { CONNECTION_FIELDS, LARGEST_PAGE, readAllPages, type Connection } from './connection';
import type { LocalizedText } from './operations';

/*
 * The organisers' printing and venue desk: every badge of an edition, the edition's delegates,
 * check-in (from a badge code or by hand), no-shows and walk-in meetings. operations.test.ts
 * validates every document against apps/web/schema.graphql.
 */

export interface PrintBadge {
  code: string;
  delegateId: string;
  delegateName: string;
  organizationName: LocalizedText;
  organizationCountry: string;
  checkedInAt: string | null;
}

const BADGE_FIELDS = `code delegateId delegateName organizationName { ar fr en } organizationCountry checkedInAt`;

/** The api's largest page of badges. */
export const BADGE_PAGE = 500;

/** A page of an edition's badges; the next one starts after endCursor. */
export interface BadgePage {
  total: number;
  endCursor: string | null;
  hasNextPage: boolean;
  badges: PrintBadge[];
}

export const EDITION_BADGES = operation<
  { editionBadges: BadgePage },
  { editionId: string; after: string | null; limit: number }
>(`query EditionBadges($editionId: ID!, $after: String, $limit: Int!) {
  editionBadges(editionId: $editionId, after: $after, limit: $limit) {
    total endCursor hasNextPage badges { ${BADGE_FIELDS} }
  }
}`);

export interface DeskDelegate {
  id: string;
  name: string;
  organizationId: string;
  status: 'REGISTERED' | 'WITHDRAWN';
  checkedInAt: string | null;
}

export const DESK_DELEGATES = operation<
  { forumDelegates: Connection<DeskDelegate> },
  { editionId: string; first: number; after: string | null }
>(`query DeskDelegates($editionId: ID!, $first: Int, $after: String) {
  forumDelegates(editionId: $editionId, first: $first, after: $after) {
    nodes { id name organizationId status checkedInAt } ${CONNECTION_FIELDS}
  }
}`);

/** Every delegate of the edition: the desk looks badges and names up among all of them. */
export const deskDelegates = async (editionId: string): Promise<{ forumDelegates: DeskDelegate[] }> => ({
  forumDelegates: await readAllPages(
    async (after) => (await call(DESK_DELEGATES, { editionId, first: LARGEST_PAGE, after })).forumDelegates,
  ),
});

export const CHECK_IN_BADGE = operation<
  { checkInBadge: { alreadyCheckedIn: boolean; badge: PrintBadge } },
  { editionId: string; code: string }
>(`mutation CheckInBadge($editionId: ID!, $code: String!) {
  checkInBadge(editionId: $editionId, code: $code) { alreadyCheckedIn badge { ${BADGE_FIELDS} } }
}`);

export const CHECK_IN = operation<
  { checkIn: { id: string; name: string; checkedInAt: string | null } },
  { delegateId: string }
>(`mutation CheckInDelegate($delegateId: ID!) {
  checkIn(delegateId: $delegateId) { id name checkedInAt }
}`);

export const MARK_NO_SHOW = operation<
  { markNoShow: { delegateId: string; outcome: string | null }[] },
  { meetingId: string; absentDelegateId: string }
>(`mutation MarkNoShow($meetingId: ID!, $absentDelegateId: ID!) {
  markNoShow(meetingId: $meetingId, absentDelegateId: $absentDelegateId) { delegateId outcome }
}`);

export interface DeskFreeSlot {
  slotId: string;
  startsAt: string;
  endsAt: string;
  freeTables: number;
}

export const FREE_SLOTS = operation<
  { freeSlots: DeskFreeSlot[] },
  { editionId: string; delegateId: string; withDelegateId: string }
>(`query DeskFreeSlots($editionId: ID!, $delegateId: ID!, $withDelegateId: ID!) {
  freeSlots(editionId: $editionId, delegateId: $delegateId, withDelegateId: $withDelegateId) { slotId startsAt endsAt freeTables }
}`);

export const BOOK_WALK_IN = operation<
  { bookWalkIn: { meeting: { id: string; slotId: string; tableId: string | null } | null } },
  { input: { editionId: string; fromDelegateId: string; toDelegateId: string; slotId: string } }
>(`mutation DeskWalkIn($input: WalkInInput!) {
  bookWalkIn(input: $input) { meeting { id slotId tableId } }
}`);

/** Sent over graphql-ws: every request of the edition as it changes (walk-ins, cancellations). */
export const DESK_REQUEST_CHANGED = operation<
  { meetingRequestChanged: { requestId: string; action: string; status: string } },
  { editionId: string }
>(`subscription DeskRequestChanged($editionId: ID!) {
  meetingRequestChanged(editionId: $editionId) { requestId action status }
}`);

/** Sent over graphql-ws: a delegate's published agenda as it changes (publication, cancellation). */
export const DESK_AGENDA_CHANGED = operation<
  { agendaChanged: { delegateId: string; meetingIds: string[] } },
  { delegateId: string }
>(`subscription DeskAgendaChanged($delegateId: ID!) {
  agendaChanged(delegateId: $delegateId) { delegateId meetingIds }
}`);
