import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { publishAgendaChanges, type EventBus } from '#notifications';
import { AppError, notFound, returning } from '#platform';
import { MeetingEntity } from './meeting.entity.js';
import type { MeetingRequestEntity } from '../request/request.entity.js';
import { ForumSlotEntity, ForumTableEntity } from '../edition/edition.entity.js';
import { pgError } from '../common/db-errors.js';

/** The rows whose edition `lockEditionMeetings` can find from their id. */
const EDITION_OF = {
  edition: 'SELECT $1::uuid',
  meeting: 'SELECT edition_id FROM forum_meeting WHERE id = $1',
  request: 'SELECT edition_id FROM forum_meeting_request WHERE id = $1',
  delegate: 'SELECT edition_id FROM forum_delegate WHERE id = $1',
} as const;

/**
 * Takes the edition's row in share mode: the first lock of every write that changes meetings
 * (bookings, moves, pins, cancellations, outcomes, walk-ins, withdrawals). The scheduler's save and
 * the precedence checks take the same row exclusively, so they wait for these writes to finish
 * and these writes wait for them: with the edition always locked first, a write and a save can
 * never hold each other's rows (the agenda change a cancellation records needs the edition row,
 * which the save holds while it moves meetings), and a save never works from meetings a
 * concurrent cancellation is changing. Writes of different meetings do not wait for each other.
 */
export async function lockEditionMeetings(
  m: EntityManager,
  of: keyof typeof EDITION_OF,
  id: string,
): Promise<void> {
  await m.query(`SELECT 1 FROM forum_edition WHERE id = (${EDITION_OF[of]}) FOR SHARE`, [id]);
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
  const rows = await returning<{ id: string; edition_id: string; announced: boolean }>(
    m,
    `UPDATE forum_meeting
        SET status = 'CANCELLED', updated_at = now(),
            sequence = sequence + CASE WHEN published_slot_id IS NOT NULL THEN 1 ELSE 0 END
      WHERE request_id = ANY($1::uuid[]) AND status <> 'CANCELLED'
      RETURNING id, edition_id, published_slot_id IS NOT NULL AS announced`,
    [requestIds],
  );
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
  const rows = await m.query<
    { delegate_id: string; edition_id: string; published_version: number; meeting_ids: string[] }[]
  >(
    `INSERT INTO forum_agenda_change (edition_id, delegate_id, published_version, meeting_ids)
     SELECT mt.edition_id, p.delegate_id, e.published_version, array_agg(mt.id ORDER BY mt.id)
       FROM forum_meeting mt
       JOIN forum_meeting_participant p ON p.meeting_id = mt.id
       JOIN forum_edition e ON e.id = mt.edition_id
      WHERE mt.id = ANY($1::uuid[])
      GROUP BY mt.edition_id, p.delegate_id, e.published_version
     RETURNING delegate_id, edition_id, published_version, meeting_ids::text[] AS meeting_ids`,
    [meetingIds],
  );
  publishAgendaChanges(
    events,
    m,
    rows.map((r) => ({
      delegateId: r.delegate_id,
      editionId: r.edition_id,
      publishedVersion: Number(r.published_version),
      meetingIds: r.meeting_ids,
    })),
  );
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
  await m.query(
    `INSERT INTO forum_meeting_participant (meeting_id, delegate_id, slot_id, status)
     SELECT $1, unnest($2::uuid[]), $3, 'PUBLISHED'`,
    [id, delegates, slot.id],
  );
  await recordAgendaChanges(m, [id], events);
  return m.findOneByOrFail(MeetingEntity, { id });
}

/** Inserts the published, pinned meeting of `req` in a slot at a given table (or none). */
async function insertMeeting(
  m: EntityManager,
  req: MeetingRequestEntity,
  slotId: string,
  tableId: string | null,
): Promise<string> {
  const id = randomUUID();
  await m.query(
    `INSERT INTO forum_meeting (id, edition_id, request_id, slot_id, table_id, status, pinned,
                                published_slot_id, published_table_id, uid)
     VALUES ($1, $2, $3, $4, $5, 'PUBLISHED', true, $4, $5, $6)`,
    [id, req.editionId, req.id, slotId, tableId, meetingUid(id)],
  );
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
    const [row] = await m.query<{ picked: string | null; placed: string | null }[]>(
      `WITH pick AS (
         SELECT t.id FROM forum_table t
          WHERE t.edition_id = $2 AND t.active AND t.id <> ALL($6::uuid[])
            AND NOT EXISTS (SELECT 1 FROM forum_meeting mt
                             WHERE mt.slot_id = $4 AND mt.table_id = t.id AND mt.status <> 'CANCELLED')
          ORDER BY t.label LIMIT 1),
       ins AS (
         INSERT INTO forum_meeting (id, edition_id, request_id, slot_id, table_id, status, pinned,
                                    published_slot_id, published_table_id, uid)
         SELECT $1, $2, $3, $4, pick.id, 'PUBLISHED', true, $4, pick.id, $5 FROM pick
         ON CONFLICT (slot_id, table_id) WHERE status <> 'CANCELLED' AND table_id IS NOT NULL DO NOTHING
         RETURNING table_id)
       SELECT (SELECT id FROM pick) AS picked, (SELECT table_id FROM ins) AS placed`,
      [id, req.editionId, req.id, slotId, meetingUid(id), lost],
    );
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
    const [pick] = await m.query<{ id: string }[]>(
      `SELECT t.id FROM forum_table t
        WHERE t.edition_id = $1 AND t.active AND t.id <> ALL($3::uuid[])
          AND NOT EXISTS (SELECT 1 FROM forum_meeting mt
                           WHERE mt.slot_id = $2 AND mt.table_id = t.id AND mt.status <> 'CANCELLED')
        ORDER BY t.label LIMIT 1`,
      [editionId, slotId, lost],
    );
    const table = pick ? pick.id : await chooseTable(m, editionId, slotId, null);
    await m.query('SAVEPOINT move_to_free_table');
    try {
      await m.query(
        `UPDATE forum_meeting SET slot_id = $2, table_id = $3, pinned = true, updated_at = now() WHERE id = $1`,
        [meetingId, slotId, table],
      );
      await m.query('RELEASE SAVEPOINT move_to_free_table');
      return;
    } catch (e) {
      const pg = pgError(e);
      if (!table || pg?.code !== '23505' || pg.constraint !== 'forum_meeting_table_slot_idx') throw e;
      await m.query('ROLLBACK TO SAVEPOINT move_to_free_table');
      lost.push(table);
    }
  }
}

/** Refuses a slot that one of the delegates declared they cannot attend. */
export async function refuseUnavailable(
  m: EntityManager,
  slotId: string,
  delegateIds: string[],
): Promise<void> {
  const away = await m.query<{ delegate_id: string }[]>(
    `SELECT delegate_id FROM forum_delegate_unavailable WHERE slot_id = $1 AND delegate_id = ANY($2::uuid[])`,
    [slotId, delegateIds],
  );
  if (away.length)
    throw new AppError('CONFLICT', 'a participant cannot attend this slot', {
      reason: 'UNAVAILABLE',
      delegateId: away[0].delegate_id,
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
  const free = await m.query<{ id: string }[]>(
    `SELECT t.id FROM forum_table t
      WHERE t.edition_id = $1 AND t.active
        AND NOT EXISTS (SELECT 1 FROM forum_meeting mt
                         WHERE mt.slot_id = $2 AND mt.table_id = t.id AND mt.status <> 'CANCELLED')
      ORDER BY t.label LIMIT 1`,
    [editionId, slotId],
  );
  if (free.length) return free[0].id;
  const [{ any }] = await m.query<{ any: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM forum_table WHERE edition_id = $1 AND active) AS any`,
    [editionId],
  );
  if (any) throw new AppError('SLOT_TAKEN', 'no table is free in this slot', { reason: 'TABLE_BUSY' });
  return null;
}
