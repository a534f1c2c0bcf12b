import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#platform';
import { renderMail, type MailTemplate, type MailParams } from './templates.js';

export type Locale = 'ar' | 'fr' | 'en';

export interface OutgoingMail {
  to: string;
  template: MailTemplate;
  locale: Locale;
  params: MailParams;
}

/** The one way the platform sends email. */
export interface MailPort {
  /** Sends inside the caller's transaction when one is given, so a rolled-back change sends nothing. */
  send(mail: OutgoingMail, m?: EntityManager): Promise<void>;
}

export const MAIL_PORT = Symbol('MAIL_PORT');

/**
 * Development and test delivery: every message is logged and stored in `mail_message`, where a
 * developer or a test reads it. A production SMTP adapter implements the same port.
 */
@Injectable()
export class TableMailAdapter implements MailPort {
  private readonly logger = new Logger('Mail');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(mail: OutgoingMail, m?: EntityManager): Promise<void> {
    const { subject, body } = renderMail(mail.template, mail.locale, {
      ...mail.params,
      publicUrl: this.config.publicUrl,
    });
    await (m ?? this.db.manager).query(
      `INSERT INTO mail_message (recipient, subject, body, template) VALUES ($1, $2, $3, $4)`,
      [mail.to, subject, body, mail.template],
    );
    // Bodies carry codes and links that are credentials: the log says only that a mail went out.
    this.logger.log({ to: mail.to, template: mail.template, subject }, 'mail');
  }
}
