import type { DataSource } from 'typeorm';
import { memberOrOwners, type Locale, type MailPort, type Recipient } from '#identity';

type Text = { ar: string | null; fr: string | null; en: string | null } | null;

const nameIn = (t: Text, locale: Locale): string => (t && (t[locale] ?? t.fr ?? t.en ?? t.ar)) || '';

/** Alerts mailed per round; the rest wait for the next drain. */
const MAIL_BATCH = 200;

/**
 * Mails saved-search alerts: each alert once, to the member who saved the search (or, once that
 * person has left the organisation, to its owners), in their language; the alerts of one round for
 * the same person and search go out as one digest (`saved-search-digest`), shown in the app too. The alert is stamped
 * `mailed_at` in the transaction that writes the mail, so a crash sends it again or not at all, and
 * two drains never mail the same alert (rows are locked and skipped).
 */
export class SavedSearchMailer {
  constructor(
    private readonly db: DataSource,
    private readonly mail: MailPort,
  ) {}

  /** Mails the waiting alerts; returns how many alerts were stamped. */
  async sendPending(limit = MAIL_BATCH): Promise<number> {
    return this.db.transaction(async (m) => {
      const locked = await m.query<{ id: string }[]>(
        `SELECT id FROM saved_search_alert WHERE mailed_at IS NULL ORDER BY created_at, id LIMIT $1
         FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (!locked.length) return 0;
      const found = await m.query<
        {
          id: string;
          search_id: string;
          search: string;
          organization: Text;
          search_organization_id: string;
          created_by: string | null;
        }[]
      >(
        `SELECT a.id, s.id AS search_id, s.name AS search, o.name AS organization,
                s.organization_id AS search_organization_id, s.created_by
         FROM saved_search_alert a JOIN saved_search s ON s.id = a.saved_search_id
         JOIN organization o ON o.id = a.organization_id
         WHERE a.id = ANY($1::uuid[]) ORDER BY a.created_at, a.id`,
        [locked.map((l) => l.id)],
      );
      // The member who saved the search, or once they left, the organisation's owners.
      const told = await memberOrOwners(
        m,
        found.map((a) => ({ organizationId: a.search_organization_id, userId: a.created_by })),
      );
      const alerts = found.map((a) => ({
        ...a,
        recipients: told.get(`${a.search_organization_id}|${a.created_by ?? ''}`) ?? ([] as Recipient[]),
      }));
      // One mail per person and saved search for this round: the match itself, or a digest of them.
      const groups = new Map<
        string,
        { recipient: (typeof alerts)[number]['recipients'][number]; list: typeof alerts }
      >();
      for (const a of alerts)
        for (const r of a.recipients) {
          const key = `${r.id}|${a.search_id}`;
          const group = groups.get(key) ?? { recipient: r, list: [] };
          group.list.push(a);
          groups.set(key, group);
        }
      for (const { recipient: r, list } of groups.values()) {
        const single = list.length === 1;
        await this.mail.send(
          {
            to: r.email,
            userId: r.id,
            template: single ? 'saved-search-alert' : 'saved-search-digest',
            locale: r.locale,
            params: single
              ? { search: list[0].search, organization: nameIn(list[0].organization, r.locale) }
              : {
                  search: list[0].search,
                  count: list.length,
                  organizations: list
                    .slice(0, 20)
                    .map((a) => `• ${nameIn(a.organization, r.locale)}`)
                    .join('\n'),
                },
            ids: { savedSearchId: list[0].search_id },
          },
          m,
        );
      }
      await m.query(`UPDATE saved_search_alert SET mailed_at = now() WHERE id = ANY($1::uuid[])`, [
        locked.map((l) => l.id),
      ]);
      return locked.length;
    });
  }
}
