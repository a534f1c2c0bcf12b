import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { accounts, MAIL_PORT, type Locale, type MailPort } from '#identity';
import { directoryFacts } from '#directory';
import { clock } from '../agenda/zone.js';
import { ReminderRepository } from './reminder.repository.js';

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
    private readonly reminders: ReminderRepository,
  ) {}

  async sendDue(now = new Date()): Promise<number> {
    const due = await this.reminders.due(this.db.manager, now, BATCH);
    const [people, organizations] = await Promise.all([
      accounts.contacts(this.db.manager, [...new Set(due.flatMap((r) => (r.userId ? [r.userId] : [])))]),
      directoryFacts.organizations(this.db.manager, [
        ...new Set(due.map((r) => r.counterpartOrganizationId)),
      ]),
    ]);
    let sent = 0;
    for (const r of due) {
      const done = await this.db.transaction(async (m) => {
        if (!(await this.reminders.claim(m, r))) return false;
        const locale: Locale = (r.userId && people.get(r.userId)?.locale) || 'fr';
        // The organisation's name in the delegate's language, else French, English or Arabic.
        const n = organizations.get(r.counterpartOrganizationId)?.name;
        const organization = n && (n[locale] ?? n.fr ?? n.en ?? n.ar);
        await this.mail.send(
          {
            to: r.email,
            template: 'meeting-reminder',
            locale,
            // The button opens the delegate's agenda of this edition.
            ids: { editionId: r.editionId },
            params: {
              time: clock(new Date(r.startsAt), r.timezone),
              table: r.tableLabel ?? '—',
              counterpart: organization == null ? undefined : `${r.counterpartName} (${organization})`,
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
