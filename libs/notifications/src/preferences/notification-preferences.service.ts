import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { accounts, type MailTemplate } from '#identity';
import { NotificationPreferenceRepository } from './notification-preference.repository.js';
import { EMAIL_BY_DEFAULT, kindOf, NOTIFICATION_KINDS, type NotificationKind } from './notification-kinds.js';

export interface EmailChoice {
  /** The kind of the mail; null for a security mail (always sent). */
  kind: NotificationKind | null;
  /** Whether the mail goes out. */
  send: boolean;
  /** The recipient's account: the one named, or the verified account of the address; null for none. */
  userId: string | null;
}

/** Each person's choice of email per kind of notification (in the app everything is shown). */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Optional()
    private readonly preferences: NotificationPreferenceRepository = new NotificationPreferenceRepository(),
  ) {}

  /** Every kind with the person's choice, or its default. */
  async list(userId: string, m?: EntityManager): Promise<{ kind: NotificationKind; email: boolean }[]> {
    const rows = await this.preferences.chosenBy(m ?? this.db.manager, userId);
    const chosen = new Map(rows.map((r) => [r.kind, r.email]));
    return NOTIFICATION_KINDS.map((kind) => ({ kind, email: chosen.get(kind) ?? EMAIL_BY_DEFAULT[kind] }));
  }

  /** Records the choices in one statement (all or none). */
  async set(
    userId: string,
    prefs: { kind: NotificationKind; email: boolean }[],
    m?: EntityManager,
  ): Promise<void> {
    await this.preferences.choose(m ?? this.db.manager, userId, prefs);
  }

  /**
   * Whether a mail goes out: security mails always; others unless the recipient's account turned
   * their kind off. An address is matched to an account only once that account verified it.
   */
  async emailChoice(
    m: EntityManager | undefined,
    template: MailTemplate,
    userId: string | null | undefined,
    to: string,
  ): Promise<EmailChoice> {
    const kind = kindOf(template);
    if (!kind) return { kind, send: true, userId: userId ?? null };
    const db = m ?? this.db.manager;
    const account = await accounts.find(db, userId ?? null, to);
    const chosen = account ? await this.preferences.emailChosen(db, account, kind) : null;
    return { kind, send: chosen ?? EMAIL_BY_DEFAULT[kind], userId: account ?? userId ?? null };
  }
}
