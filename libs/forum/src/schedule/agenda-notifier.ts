import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { accounts, MAIL_PORT, type Locale, type MailPort } from '#identity';
import { AgendaChangeRepository } from '../meeting/agenda-change.repository.js';

/** Most delegates told per call; a later call (the next publication or the periodic sweep) sends the rest. */
const BATCH = 500;

/**
 * Tells delegates their published agenda changed: one 'agenda-changed' mail per delegate for all of
 * their pending forum_agenda_change rows, sent in the transaction that stamps the rows' notified_at,
 * so a crash sends nothing twice and loses nothing (the rows stay pending). Rows are claimed with
 * SKIP LOCKED, so a publication and the periodic sweep never mail the same change twice.
 */
@Injectable()
export class AgendaNotifier {
  private readonly logger = new Logger(AgendaNotifier.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: AgendaChangeRepository,
    @Inject(MAIL_PORT) private readonly mail: MailPort,
  ) {}

  /** Called after a publication commits, with the delegates whose agenda changed. */
  async agendasChanged(editionId: string, publishedVersion: number, delegateIds: string[]): Promise<void> {
    const sent = await this.notifyPending(editionId);
    this.logger.log(
      { editionId, publishedVersion, delegates: delegateIds.length, mails: sent },
      'agendas changed',
    );
  }

  /** Sends every pending change (of one edition, or all); returns the number of mails sent. */
  async notifyPending(editionId?: string): Promise<number> {
    return this.db.transaction(async (m) => {
      const rows = await this.changes.claimPending(m, editionId ?? null, BATCH);
      const contacts = await accounts.contacts(m, [
        ...new Set(rows.map((r) => r.userId).filter((id): id is string => id !== null)),
      ]);
      for (const r of rows) {
        const locale: Locale = (r.userId && contacts.get(r.userId)?.locale) || 'fr';
        const edition =
          r.editionName[locale] || r.editionName.fr || r.editionName.en || r.editionName.ar || '';
        await this.mail.send(
          {
            to: r.email,
            userId: r.userId,
            ids: { editionId: r.editionId, delegateId: r.delegateId },
            template: 'agenda-changed',
            locale,
            params: { edition },
          },
          m,
        );
      }
      // Changes of withdrawn delegates are closed without a mail.
      await this.changes.markNotified(
        m,
        rows.flatMap((r) => r.ids),
        editionId ?? null,
      );
      if (rows.length) this.logger.log({ editionId, mails: rows.length }, 'agenda change mails sent');
      return rows.length;
    });
  }
}
