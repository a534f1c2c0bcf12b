import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { accounts, MAIL_PORT, organizationsOf, type Locale, type MailPort } from '#identity';
import { NotificationPreferenceRepository } from '../preferences/notification-preference.repository.js';
import { suggestionFeed } from './suggestion-feed.js';
import { NotificationDigestRepository } from './notification-digest.repository.js';

const KIND = 'SUGGESTIONS_DIGEST';
export const DIGEST_PERIOD_MS = 7 * 24 * 3_600_000;
/** The kinds of suggestion a digest names. */
const DIGEST_SUGGESTION_KINDS = ['SUBCONTRACTING', 'FINANCING'];
/** Partners named in one digest; the count says how many there are in all. */
const LISTED = 10;

type Text = { ar?: string | null; fr?: string | null; en?: string | null } | null;
const nameIn = (t: Text, locale: Locale): string => (t && (t[locale] || t.fr || t.en || t.ar)) || '';

interface NewSuggestion {
  item: string;
  organization: Text;
  counterpart: Text;
}

/**
 * The opt-in weekly digest of new suggestions: at most one mail per account and week, sent only
 * when the account's organisations have partners suggested that no earlier digest named. What a
 * digest named is recorded with it (`notification_digest_item`) in the same transaction, and the
 * account's digest row is locked while it is written, so a second run, a retry or a second worker
 * sends nothing more.
 */
@Injectable()
export class SuggestionsDigestService {
  private readonly logger = new Logger('SuggestionsDigest');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(MAIL_PORT) private readonly mail: MailPort,
    @Optional()
    private readonly preferences: NotificationPreferenceRepository = new NotificationPreferenceRepository(),
    @Optional() private readonly digests: NotificationDigestRepository = new NotificationDigestRepository(),
  ) {}

  /** One round over the accounts that asked for the digest and are due; returns the mails queued. */
  async run(now = new Date(), limit = 500): Promise<number> {
    // Only accounts with a verified address get the digest: those that asked for it, then checked.
    const asked = await this.preferences.emailOn(this.db, KIND);
    const verified = [...(await accounts.contacts(this.db, asked)).values()]
      .filter((a) => a.verified)
      .map((a) => a.id);
    const due = await this.digests.due(
      this.db,
      KIND,
      new Date(now.getTime() - DIGEST_PERIOD_MS),
      limit,
      verified,
    );
    let sent = 0;
    for (const id of due) if (await this.sendOne(id, now)) sent++;
    if (sent) this.logger.log({ sent }, 'suggestion digests queued');
    return sent;
  }

  private sendOne(userId: string, now: Date): Promise<boolean> {
    return this.db.transaction(async (m) => {
      // The account's digest row, created if need be and locked: one writer per account at a time.
      const lastSent = await this.digests.lock(m, userId, KIND);
      const account = (await accounts.contacts(m, [userId])).get(userId);
      if (!lastSent || !account || new Date(lastSent).getTime() > now.getTime() - DIGEST_PERIOD_MS)
        return false;
      const state = { email: account.email, locale: account.locale };
      // The partners suggested to the account's organisations now, less those an earlier digest named.
      const organizationIds = await organizationsOf(m, userId);
      const partners = organizationIds.length
        ? await suggestionFeed()(m, organizationIds, DIGEST_SUGGESTION_KINDS)
        : [];
      const named = await this.digests.named(m, userId, KIND);
      const fresh: NewSuggestion[] = partners
        .map((p) => ({
          item: `${p.organizationId}:${p.kind}:${p.counterpartId}`,
          organization: p.organization,
          counterpart: p.counterpart,
        }))
        .filter((f) => !named.has(f.item));
      const items = [...new Map(fresh.map((f) => [f.item, f])).values()];
      if (!items.length) return false;
      const locale = state.locale;
      const organizations = [...new Set(items.map((i) => nameIn(i.organization, locale)))];
      await this.mail.send(
        {
          to: state.email,
          userId,
          template: 'suggestions-digest',
          locale,
          params: {
            count: items.length,
            organization: organizations.join(', '),
            list: items
              .slice(0, LISTED)
              .map((i) => `• ${nameIn(i.counterpart, locale)}`)
              .join('\n'),
          },
        },
        m,
      );
      await this.digests.recordSent(
        m,
        userId,
        KIND,
        items.map((i) => i.item),
        now,
      );
      return true;
    });
  }
}
