import type { EntityManager } from 'typeorm';
import type { Lang } from '#platform';
import type { MailTemplate, MailParams } from './templates.js';

/** A mail's language: one of the platform's. */
export type Locale = Lang;

export interface OutgoingMail {
  to: string;
  template: MailTemplate;
  locale: Locale;
  params: MailParams;
  /**
   * The recipient's account, when the message is a notice a user also sees in the app: the port
   * then writes a notification row in the same transaction (kind = template, payload = `ids` and
   * the params, without codes or free text).
   */
  userId?: string | null;
  /** Ids of what the notice is about (e.g. `{ contactRequestId }`), for the in-app notification. */
  ids?: Record<string, string>;
  /** false: no in-app notification for this mail (the sender wrote its own, e.g. a digest's). */
  inApp?: boolean;
}

/** The one way the platform sends email. */
export interface MailPort {
  /** Sends inside the caller's transaction when one is given, so a rolled-back change sends nothing. */
  send(mail: OutgoingMail, m?: EntityManager): Promise<void>;
}

/**
 * Injection token of the mail port. The notifications library provides it (NotificationsModule):
 * a mail_outbox row in the caller's transaction, delivered over SMTP by the worker.
 */
export const MAIL_PORT = Symbol('MAIL_PORT');
