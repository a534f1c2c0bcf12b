import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MAIL_PORT, type Locale, type MailPort } from '#identity';
import { clock } from '../agenda/zone.js';

interface Due {
  meeting_id: string;
  edition_id: string;
  delegate_id: string;
  slot_id: string;
  email: string;
  locale: Locale | null;
  starts_at: Date;
  timezone: string;
  table_label: string | null;
  counterpart: string;
}

/** Most reminders sent per run; the next run (a minute later) sends the rest. */
const BATCH = 2000;

/**
 * 'meeting-reminder' mails shortly before each published meeting (the edition's reminder_minutes
 * ahead, 0 for none), once per meeting and participant. Each reminder is sent in the transaction
 * that inserts its forum_meeting_reminder row: the row's primary key refuses a second one, so a
 * retried or concurrent run sends nothing twice, and a failed run leaves no row behind.
 */
@Injectable()
export class ReminderService {
  private readonly logger = new Logger(ReminderService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(MAIL_PORT) private readonly mail: MailPort,
  ) {}

  async sendDue(now = new Date()): Promise<number> {
    const due = await this.db.query<Due[]>(
      `SELECT mt.id AS meeting_id, mt.edition_id, p.delegate_id, s.id AS slot_id, d.email, u.locale, s.starts_at, e.timezone,
              t.label AS table_label,
              od.name || ' (' || coalesce(o.name->>coalesce(u.locale, 'fr'), o.name->>'fr', o.name->>'en', o.name->>'ar') || ')'
                AS counterpart
         FROM forum_meeting mt
         JOIN forum_edition e ON e.id = mt.edition_id
         JOIN forum_slot s ON s.id = mt.published_slot_id
         LEFT JOIN forum_table t ON t.id = mt.published_table_id
         JOIN forum_meeting_participant p ON p.meeting_id = mt.id
         JOIN forum_delegate d ON d.id = p.delegate_id AND d.status = 'REGISTERED'
         LEFT JOIN user_account u ON u.id = d.user_id
         JOIN forum_meeting_participant op ON op.meeting_id = mt.id AND op.delegate_id <> p.delegate_id
         JOIN forum_delegate od ON od.id = op.delegate_id
         JOIN organization o ON o.id = od.organization_id
        WHERE mt.status = 'PUBLISHED' AND e.reminder_minutes > 0
          AND s.starts_at > $1 AND s.starts_at <= $1 + make_interval(mins => e.reminder_minutes)
          AND NOT EXISTS (SELECT 1 FROM forum_meeting_reminder r
                           WHERE r.meeting_id = mt.id AND r.delegate_id = p.delegate_id)
        ORDER BY s.starts_at, mt.id, p.delegate_id
        LIMIT ${BATCH}`,
      [now],
    );
    let sent = 0;
    for (const r of due) {
      const done = await this.db.transaction(async (m) => {
        const claimed = await m.query<{ meeting_id: string }[]>(
          `INSERT INTO forum_meeting_reminder (meeting_id, delegate_id, slot_id) VALUES ($1, $2, $3)
           ON CONFLICT (meeting_id, delegate_id) DO NOTHING RETURNING meeting_id`,
          [r.meeting_id, r.delegate_id, r.slot_id],
        );
        if (!claimed.length) return false;
        const locale: Locale = r.locale ?? 'fr';
        await this.mail.send(
          {
            to: r.email,
            template: 'meeting-reminder',
            locale,
            // The button opens the delegate's agenda of this edition.
            ids: { editionId: r.edition_id },
            params: {
              time: clock(new Date(r.starts_at), r.timezone),
              table: r.table_label ?? '—',
              counterpart: r.counterpart,
            },
          },
          m,
        );
        return true;
      });
      if (done) sent++;
    }
    if (sent) this.logger.log({ sent }, 'meeting reminders sent');
    return sent;
  }
}
