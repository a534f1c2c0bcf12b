import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MAIL_PORT, type Locale, type MailPort } from '#identity';

interface PendingChange {
  ids: string[];
  delegate_id: string;
  email: string;
  user_id: string | null;
  edition_id: string;
  locale: Locale | null;
  edition_name: Record<string, string | null>;
}

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
      const rows = await m.query<PendingChange[]>(
        `WITH pending AS (
           SELECT c.id, c.delegate_id FROM forum_agenda_change c
            WHERE c.notified_at IS NULL AND ($1::uuid IS NULL OR c.edition_id = $1)
            ORDER BY c.id LIMIT ${BATCH * 4}
            FOR UPDATE SKIP LOCKED)
         SELECT array_agg(p.id::text ORDER BY p.id) AS ids, d.id AS delegate_id, d.email, d.user_id,
                d.edition_id,
                u.locale, e.name AS edition_name
           FROM pending p
           JOIN forum_delegate d ON d.id = p.delegate_id
           JOIN forum_edition e ON e.id = d.edition_id
           LEFT JOIN user_account u ON u.id = d.user_id
          WHERE d.status = 'REGISTERED'
          GROUP BY d.id, d.email, d.user_id, d.edition_id, u.locale, e.name
          LIMIT ${BATCH}`,
        [editionId ?? null],
      );
      for (const r of rows) {
        const locale: Locale = r.locale ?? 'fr';
        const edition =
          r.edition_name[locale] || r.edition_name.fr || r.edition_name.en || r.edition_name.ar || '';
        await this.mail.send(
          {
            to: r.email,
            userId: r.user_id,
            ids: { editionId: r.edition_id, delegateId: r.delegate_id },
            template: 'agenda-changed',
            locale,
            params: { edition },
          },
          m,
        );
      }
      // Changes of withdrawn delegates are closed without a mail.
      await m.query(
        `UPDATE forum_agenda_change c SET notified_at = now()
          WHERE c.notified_at IS NULL AND (c.id = ANY($1::bigint[])
             OR (($2::uuid IS NULL OR c.edition_id = $2)
                 AND EXISTS (SELECT 1 FROM forum_delegate d WHERE d.id = c.delegate_id AND d.status <> 'REGISTERED')))`,
        [rows.flatMap((r) => r.ids), editionId ?? null],
      );
      if (rows.length) this.logger.log({ editionId, mails: rows.length }, 'agenda change mails sent');
      return rows.length;
    });
  }
}
