import type { EntityManager } from 'typeorm';
import { changedRows } from '../common/sql.js';

/**
 * Cancels the live meetings of the given requests. Meetings delegates had already been shown get a
 * higher SEQUENCE (so calendars replace them with a cancelled event) and an agenda change row for
 * each participant. Returns the cancelled meeting ids.
 */
export async function cancelMeetingsOfRequests(m: EntityManager, requestIds: string[]): Promise<string[]> {
  if (!requestIds.length) return [];
  const rows = await changedRows<{ id: string; edition_id: string; announced: boolean }>(
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
