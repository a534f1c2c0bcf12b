import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { publishAgendaChanges, type EventBus } from '#notifications';
import { AppError, notFound } from '#platform';
import { MeetingEntity } from './meeting.entity.js';
import type { MeetingRequestEntity } from '../request/request.entity.js';
import { ForumSlotEntity, ForumTableEntity } from '../edition/edition.entity.js';
import { EditionRepository, type EditionLockedBy } from '../edition/edition.repository.js';
import { MeetingRepository } from './meeting.repository.js';
import { AgendaChangeRepository } from './agenda-change.repository.js';

/*
 * The meeting writes several services share, on the caller's transaction. The repositories hold no
 * state (each call runs on the manager it is given), so these helpers use one instance of each.
 */
const editions = new EditionRepository();
const meetings = new MeetingRepository();
const agendaChanges = new AgendaChangeRepository();

/**
 * Takes the edition's row in share mode: the first lock of every write that changes meetings
 * (bookings, moves, pins, cancellations, outcomes, walk-ins, withdrawals). The scheduler's save and
 * the precedence checks take the same row exclusively, so they wait for these writes to finish
 * and these writes wait for them: with the edition always locked first, a write and a save can
 * never hold each other's rows (the agenda change a cancellation records needs the edition row,
 * which the save holds while it moves meetings), and a save never works from meetings a
 * concurrent cancellation is changing. Writes of different meetings do not wait for each other.
 */
export function lockEditionMeetings(m: EntityManager, of: EditionLockedBy, id: string): Promise<void> {
  return editions.lockForMeetingWrite(m, of, id);
}

/**
 * Cancels the live meetings of the given requests. Meetings delegates had already been shown get a
 * higher SEQUENCE (so calendars replace them with a cancelled event) and an agenda change row for
 * each participant. Returns the cancelled meeting ids.
 */
export async function cancelMeetingsOfRequests(
  m: EntityManager,
  requestIds: string[],
  events?: EventBus,
): Promise<string[]> {
  if (!requestIds.length) return [];
  const rows = await meetings.cancelForRequests(m, requestIds);
  await recordAgendaChanges(
    m,
    rows.filter((r) => r.announced).map((r) => r.id),
    events,
  );
  return rows.map((r) => r.id);
}

/**
 * One agenda change row per delegate of the given meetings, at their edition's current published
 * version; each delegate's `agendaChanged` subscribers hear of it once the transaction commits.
 */
export async function recordAgendaChanges(
  m: EntityManager,
  meetingIds: string[],
  events?: EventBus,
): Promise<number> {
  if (!meetingIds.length) return 0;
  const rows = await agendaChanges.recordForMeetings(m, meetingIds);
  publishAgendaChanges(events, m, rows);
  return rows.length;
}

/** iCalendar UID of a meeting: stable for its whole life. */
export const meetingUid = (id: string): string => `${id}@forum.tashbik`;

/**
 * Places an accepted request in a slot (and the table given, or the first free one), published at
 * once and pinned, inside the caller's transaction. Whatever else runs at the same time, the
 * database refuses a second meeting for a delegate or a table in that slot (SLOT_TAKEN once mapped).
 */
export async function placeMeeting(
  m: EntityManager,
  req: MeetingRequestEntity,
  slotId: string,
  tableId: string | null,
  events?: EventBus,
): Promise<MeetingEntity> {
  if (req.status !== 'ACCEPTED' || !req.toDelegateId)
    throw new AppError('CONFLICT', 'only an accepted request can be booked', { status: req.status });
  const slot = await m.findOneBy(ForumSlotEntity, { id: slotId });
  if (!slot || slot.editionId !== req.editionId) throw notFound('Slot', slotId);
  if (slot.isBreak) throw new AppError('CONFLICT', 'this slot is a break', { reason: 'BREAK' });
  if (req.session !== 'ANY' && req.session !== slot.session)
    throw new AppError('CONFLICT', `this meeting must take place in the ${req.session.toLowerCase()}`, {
      reason: 'SESSION',
    });
  const delegates = [req.fromDelegateId, req.toDelegateId];
  await refuseUnavailable(m, slot.id, delegates);
  const id = tableId
    ? await insertMeeting(m, req, slot.id, await chooseTable(m, req.editionId, slot.id, tableId))
    : await insertAtFreeTable(m, req, slot.id);
  await meetings.addPublishedParticipants(m, id, delegates, slot.id);
  await recordAgendaChanges(m, [id], events);
  return m.findOneByOrFail(MeetingEntity, { id });
}

const pinnedMeeting = (id: string, req: MeetingRequestEntity, slotId: string) => ({
  id,
  editionId: req.editionId,
  requestId: req.id,
  slotId,
  uid: meetingUid(id),
});

/** Inserts the published, pinned meeting of `req` in a slot at a given table (or none). */
async function insertMeeting(
  m: EntityManager,
  req: MeetingRequestEntity,
  slotId: string,
  tableId: string | null,
): Promise<string> {
  const id = randomUUID();
  await meetings.insertPinned(m, pinnedMeeting(id, req, slotId), tableId);
  return id;
}

/**
 * Inserts the meeting of `req` at the first table free in the slot, chosen by the insert itself:
 * when a concurrent booking took that table first (the unique index on slot and table, waited on
 * until that booking commits or rolls back), the next free table is tried, so bookings fired
 * together fill the free tables instead of all losing the first one. SLOT_TAKEN only when no
 * table is free; no table at all when the edition has none.
 */
async function insertAtFreeTable(
  m: EntityManager,
  req: MeetingRequestEntity,
  slotId: string,
): Promise<string> {
  const lost: string[] = [];
  for (;;) {
    const id = randomUUID();
    const row = await meetings.insertPinnedAtFreeTable(m, pinnedMeeting(id, req, slotId), lost);
    if (row.placed) return id;
    if (row.picked) {
      lost.push(row.picked);
      continue;
    }
    // No free table left (or none at all): the same answer as for a table given.
    return insertMeeting(m, req, slotId, await chooseTable(m, req.editionId, slotId, null));
  }
}

/**
 * Moves a live meeting to the first table free in a slot. When a concurrent booking or move took
 * that table first (the unique index on slot and table, waited on until the other transaction
 * ends), the update is undone to a savepoint and the next free table is tried, so moves fired
 * together fill the free tables like bookings do. SLOT_TAKEN only when no table is free; no table
 * at all when the edition has none.
 */
export async function moveToFreeTable(
  m: EntityManager,
  meetingId: string,
  editionId: string,
  slotId: string,
): Promise<void> {
  const lost: string[] = [];
  for (;;) {
    const table =
      (await meetings.firstFreeTableExcept(m, editionId, slotId, lost)) ??
      (await chooseTable(m, editionId, slotId, null));
    if (await meetings.moveUnlessTableTaken(m, meetingId, slotId, table)) return;
    lost.push(table!);
  }
}

/** Refuses a slot that one of the delegates declared they cannot attend. */
export async function refuseUnavailable(
  m: EntityManager,
  slotId: string,
  delegateIds: string[],
): Promise<void> {
  const away = await meetings.unavailableIn(m, slotId, delegateIds);
  if (away.length)
    throw new AppError('CONFLICT', 'a participant cannot attend this slot', {
      reason: 'UNAVAILABLE',
      delegateId: away[0],
    });
}

/**
 * The table for a meeting in a slot: the one given (an active table of the edition), else the first
 * free one; null when the edition has no tables. SLOT_TAKEN when every table is taken.
 */
export async function chooseTable(
  m: EntityManager,
  editionId: string,
  slotId: string,
  tableId: string | null,
): Promise<string | null> {
  if (tableId) {
    const t = await m.findOneBy(ForumTableEntity, { id: tableId });
    if (!t || t.editionId !== editionId || !t.active) throw notFound('Table', tableId);
    return t.id;
  }
  const free = await meetings.firstFreeTable(m, editionId, slotId);
  if (free) return free;
  if (await meetings.hasActiveTable(m, editionId))
    throw new AppError('SLOT_TAKEN', 'no table is free in this slot', { reason: 'TABLE_BUSY' });
  return null;
}
