import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AppError, notFound, returning } from '#platform';
import { MeetingEntity } from './meeting.entity.js';
import type { MeetingRequestEntity } from '../request/request.entity.js';
import { ForumSlotEntity, ForumTableEntity } from '../edition/edition.entity.js';

/**
 * Cancels the live meetings of the given requests. Meetings delegates had already been shown get a
 * higher SEQUENCE (so calendars replace them with a cancelled event) and an agenda change row for
 * each participant. Returns the cancelled meeting ids.
 */
export async function cancelMeetingsOfRequests(m: EntityManager, requestIds: string[]): Promise<string[]> {
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
  );
  return rows.map((r) => r.id);
}

/** One agenda change row per delegate of the given meetings, at their edition's current published version. */
export async function recordAgendaChanges(m: EntityManager, meetingIds: string[]): Promise<number> {
  if (!meetingIds.length) return 0;
  const rows = await m.query<{ delegate_id: string }[]>(
    `INSERT INTO forum_agenda_change (edition_id, delegate_id, published_version, meeting_ids)
     SELECT mt.edition_id, p.delegate_id, e.published_version, array_agg(mt.id ORDER BY mt.id)
       FROM forum_meeting mt
       JOIN forum_meeting_participant p ON p.meeting_id = mt.id
       JOIN forum_edition e ON e.id = mt.edition_id
      WHERE mt.id = ANY($1::uuid[])
      GROUP BY mt.edition_id, p.delegate_id, e.published_version
     RETURNING delegate_id`,
    [meetingIds],
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
  const table = await chooseTable(m, req.editionId, slot.id, tableId);
  const id = randomUUID();
  await m.query(
    `INSERT INTO forum_meeting (id, edition_id, request_id, slot_id, table_id, status, pinned,
                                published_slot_id, published_table_id, uid)
     VALUES ($1, $2, $3, $4, $5, 'PUBLISHED', true, $4, $5, $6)`,
    [id, req.editionId, req.id, slot.id, table, meetingUid(id)],
  );
  await m.query(
    `INSERT INTO forum_meeting_participant (meeting_id, delegate_id, slot_id, status)
     SELECT $1, unnest($2::uuid[]), $3, 'PUBLISHED'`,
    [id, delegates, slot.id],
  );
  await recordAgendaChanges(m, [id]);
  return m.findOneByOrFail(MeetingEntity, { id });
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
