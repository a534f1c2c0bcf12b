import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#platform';
import type { MailPort, OutgoingMail } from '#identity';
import { SECRET_PARAMS } from './catalog.js';
import { renderText } from './layout.js';
import { SecretBox } from './secrets.js';
import { afterCommit } from './after-commit.js';
import { deliverJobOptions, MAIL_JOBS, MAIL_QUEUE } from './mail-queue.js';
import { NotificationService } from '../inapp/notification.service.js';
import { MailOutboxRepository } from './mail-outbox.repository.js';
import { NotificationPreferencesService } from '../preferences/notification-preferences.service.js';
import { UNSUBSCRIBABLE } from '../preferences/notification-kinds.js';
import { UnsubscribeTokens } from '../preferences/unsubscribe-token.js';

/**
 * The platform's mail port: writes a mail_outbox row in the caller's transaction (a rolled-back
 * change sends nothing) and, once that commits, queues its delivery. The row keeps a copy with
 * codes replaced; the codes themselves travel sealed until the message is sent.
 */
@Injectable()
export class OutboxMailer implements MailPort {
  private readonly logger = new Logger('Mail');
  private readonly box: SecretBox;
  private readonly unsubscribe: UnsubscribeTokens;
  private readonly prefs: NotificationPreferencesService;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @InjectQueue(MAIL_QUEUE) private readonly queue?: Queue,
    /** Writes the in-app notification of a notice addressed to an account (`userId`). */
    @Optional() private readonly inApp?: NotificationService,
    @Optional() prefs?: NotificationPreferencesService,
    @Optional() private readonly outbox: MailOutboxRepository = new MailOutboxRepository(),
  ) {
    this.box = new SecretBox(config.auth.jwtSecret);
    this.unsubscribe = new UnsubscribeTokens(config.auth.jwtSecret);
    this.prefs = prefs ?? new NotificationPreferencesService(db);
  }

  async send(mail: OutgoingMail, m?: EntityManager): Promise<void> {
    // The in-app notice is always written; the mail only when its kind is on for the recipient.
    if (mail.userId && this.inApp && mail.inApp !== false) {
      const shown: Record<string, string> = {};
      for (const [k, v] of Object.entries(mail.params))
        if (v !== undefined && v !== null) shown[k] = String(v);
      await this.inApp.add(m, mail.userId, mail.template, shown, mail.ids);
    }
    const choice = await this.prefs.emailChoice(m, mail.template, mail.userId, mail.to);
    if (!choice.send) {
      this.logger.log({ template: mail.template }, 'mail not queued: turned off by its recipient');
      return;
    }
    // The ids a notice is about also fill its link (e.g. `/agenda/:editionId`).
    const values: Record<string, string | number | undefined> = { ...mail.ids, ...mail.params };
    if (choice.kind && choice.userId && UNSUBSCRIBABLE.has(choice.kind))
      values.unsubscribe = this.unsubscribe.sign(choice.userId, choice.kind);
    const copy = renderText(mail.template, mail.locale, values, this.config.publicUrl, true);
    const params: Record<string, string> = {};
    const secrets: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined || v === null) continue;
      if ((SECRET_PARAMS as readonly string[]).includes(k)) secrets[k] = String(v);
      else params[k] = String(v);
    }
    const id = await this.outbox.add(m ?? this.db.manager, {
      recipient: mail.to,
      subject: copy.subject,
      body: copy.text,
      template: mail.template,
      locale: mail.locale,
      params,
      secrets: Object.keys(secrets).length ? this.box.seal(secrets) : null,
    });
    this.logger.log({ mailId: id, template: mail.template }, 'mail queued');
    afterCommit(m, () => void this.wake(id));
  }

  /** Queues the delivery; a lost wake-up only waits for the sweep. */
  private async wake(id: string): Promise<void> {
    if (!this.queue || !this.config.smtpUrl) return;
    const { attempts, retryMs } = this.config.mailDelivery;
    try {
      await Promise.race([
        this.queue.add(MAIL_JOBS.deliver, { id }, deliverJobOptions(id, attempts, retryMs)),
        new Promise((_, reject) => setTimeout(() => reject(new Error('Redis did not answer in 1 s')), 1000)),
      ]);
    } catch (e) {
      this.logger.warn({ mailId: id, err: (e as Error).message }, 'mail delivery not queued; the sweep will');
    }
  }
}
