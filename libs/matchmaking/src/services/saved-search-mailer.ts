import type { DataSource } from 'typeorm';
import { directoryProfiles } from '#directory';
import { memberOrOwners, type Locale, type MailPort, type Recipient } from '#identity';
import { SavedSearchRepository } from '../storage/saved-search.repository.js';

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
  private readonly searches = new SavedSearchRepository();

  constructor(
    private readonly db: DataSource,
    private readonly mail: MailPort,
  ) {}

  /** Mails the waiting alerts; returns how many alerts were stamped. */
  async sendPending(limit = MAIL_BATCH): Promise<number> {
    return this.db.transaction(async (m) => {
      const locked = await this.searches.lockUnmailed(m, limit);
      if (!locked.length) return 0;
      const toMail = await this.searches.toMail(m, locked);
      const names = await directoryProfiles.names(
        m,
        toMail.map((a) => a.organizationId),
      );
      const found = toMail.flatMap((a) => {
        const organization = names.get(a.organizationId);
        return organization
          ? [
              {
                id: a.id,
                search_id: a.searchId,
                search: a.search,
                organization: organization as Text,
                search_organization_id: a.searchOrganizationId,
                created_by: a.createdBy,
              },
            ]
          : [];
      });
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
      await this.searches.markMailed(m, locked);
      return locked.length;
    });
  }
}
