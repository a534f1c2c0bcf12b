import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A participant of a published meeting whose reminder is due. */
export interface DueReminder {
  meetingId: string;
  editionId: string;
  delegateId: string;
  slotId: string;
  email: string;
  /** The delegate's linked account, whose language the mail is in. */
  userId: string | null;
  startsAt: Date;
  timezone: string;
  tableLabel: string | null;
  /** The delegate met, and the organisation it represents. */
  counterpartName: string;
  counterpartOrganizationId: string;
}

/**
 * The SQL of meeting reminders (`forum_meeting_reminder`) and of the published meetings they are
 * due for. Stateless: each call runs on the manager given.
 */
@Injectable()
export class ReminderRepository {
  /**
   * Up to `limit` participants of published meetings starting within their edition's reminder
   * window after `now` who have not been reminded, by start, meeting and delegate.
   */
  async due(m: EntityManager, now: Date, limit: number): Promise<DueReminder[]> {
    const rows = await m.query<
      {
        meeting_id: string;
        edition_id: string;
        delegate_id: string;
        slot_id: string;
        email: string;
        user_id: string | null;
        starts_at: Date;
        timezone: string;
        table_label: string | null;
        counterpart_name: string;
        counterpart_organization_id: string;
      }[]
    >(
      `SELECT mt.id AS meeting_id, mt.edition_id, p.delegate_id, s.id AS slot_id, d.email, d.user_id, s.starts_at, e.timezone,
              t.label AS table_label, od.name AS counterpart_name, od.organization_id AS counterpart_organization_id
         FROM forum_meeting mt
         JOIN forum_edition e ON e.id = mt.edition_id
         JOIN forum_slot s ON s.id = mt.published_slot_id
         LEFT JOIN forum_table t ON t.id = mt.published_table_id
         JOIN forum_meeting_participant p ON p.meeting_id = mt.id
         JOIN forum_delegate d ON d.id = p.delegate_id AND d.status = 'REGISTERED'
         JOIN forum_meeting_participant op ON op.meeting_id = mt.id AND op.delegate_id <> p.delegate_id
         JOIN forum_delegate od ON od.id = op.delegate_id
        WHERE mt.status = 'PUBLISHED' AND e.reminder_minutes > 0
          AND s.starts_at > $1 AND s.starts_at <= $1 + make_interval(mins => e.reminder_minutes)
          AND NOT EXISTS (SELECT 1 FROM forum_meeting_reminder r
                           WHERE r.meeting_id = mt.id AND r.delegate_id = p.delegate_id)
        ORDER BY s.starts_at, mt.id, p.delegate_id
        LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => ({
      meetingId: r.meeting_id,
      editionId: r.edition_id,
      delegateId: r.delegate_id,
      slotId: r.slot_id,
      email: r.email,
      userId: r.user_id,
      startsAt: r.starts_at,
      timezone: r.timezone,
      tableLabel: r.table_label,
      counterpartName: r.counterpart_name,
      counterpartOrganizationId: r.counterpart_organization_id,
    }));
  }

  /**
   * Records the reminder of a meeting's participant in the caller's transaction; false when one
   * was recorded already (its primary key refuses a second).
   */
  async claim(
    m: EntityManager,
    r: { meetingId: string; delegateId: string; slotId: string },
  ): Promise<boolean> {
    const claimed = await m.query<{ meeting_id: string }[]>(
      `INSERT INTO forum_meeting_reminder (meeting_id, delegate_id, slot_id) VALUES ($1, $2, $3)
           ON CONFLICT (meeting_id, delegate_id) DO NOTHING RETURNING meeting_id`,
      [r.meetingId, r.delegateId, r.slotId],
    );
    return claimed.length > 0;
  }
}
