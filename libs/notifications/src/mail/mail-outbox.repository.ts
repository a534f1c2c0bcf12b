import { Injectable } from '@nestjs/common';
import { returning } from '#platform';
import type { Locale, MailTemplate } from '#identity';
import type { Runs } from '../runs.js';

export const MAIL_STATUSES = ['PENDING', 'SENDING', 'SENT', 'FAILED'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** Mail states worth watching: waiting to be sent (PENDING, SENDING) or given up on (FAILED). */
export const WATCHED_MAIL_STATES = ['PENDING', 'SENDING', 'FAILED'] as const;

/** A stored mail as admins see it: the copy with codes hidden, and its delivery. */
export interface MailDeliveryRow {
  id: string;
  recipient: string;
  template: string;
  locale: string;
  subject: string;
  body: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  smtpId: string | null;
  smtpResponse: string | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
}

/** A mail queued: the recipient, the copy kept, and what the message is rendered from. */
export interface NewMail {
  recipient: string;
  subject: string;
  body: string;
  template: MailTemplate;
  locale: Locale;
  params: Record<string, string>;
  /** The sealed codes, or null. */
  secrets: string | null;
}

/** A mail claimed for one attempt to send it. */
export interface ClaimedMail {
  id: string;
  recipient: string;
  template: MailTemplate;
  locale: Locale;
  params: Record<string, string>;
  secrets: string | null;
  attempts: number;
  smtpId: string;
}

/** The SQL of `mail_outbox`: every mail, from queued to sent or failed. */
@Injectable()
export class MailOutboxRepository {
  /** Queues a mail in the caller's transaction; its id. */
  async add(m: Runs, mail: NewMail): Promise<string> {
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO mail_outbox (recipient, subject, body, template, locale, params, secrets)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::text AS id`,
      [mail.recipient, mail.subject, mail.body, mail.template, mail.locale, mail.params, mail.secrets],
    );
    return row.id;
  }

  /**
   * Claims a PENDING mail for one attempt (SENDING for `leaseS` seconds), fixing its Message-ID
   * to `smtpId` unless it has one; null when the mail is not PENDING.
   */
  async claim(m: Runs, id: string, smtpId: string, leaseS: number): Promise<ClaimedMail | null> {
    const [row] = await returning<ClaimedMail>(
      m,
      `UPDATE mail_outbox SET status = 'SENDING', attempts = attempts + 1, updated_at = now(),
              lease_until = now() + make_interval(secs => $3), smtp_id = coalesce(smtp_id, $2)
        WHERE id = $1 AND status = 'PENDING'
        RETURNING id::text AS id, recipient, template, locale, params, secrets, attempts, smtp_id AS "smtpId"`,
      [id, smtpId, leaseS],
    );
    return row ?? null;
  }

  /** Returns a mail being sent to PENDING after a failed attempt, with its error. */
  async retryLater(m: Runs, id: string, error: string): Promise<void> {
    await m.query(
      `UPDATE mail_outbox SET status = 'PENDING', last_error = $2, lease_until = NULL, updated_at = now()
        WHERE id = $1 AND status = 'SENDING'`,
      [id, error],
    );
  }

  /** Marks a mail SENT with the server's answer, if it is still the send of that Message-ID. */
  async markSent(m: Runs, id: string, smtpId: string, response: string): Promise<void> {
    await m.query(
      `UPDATE mail_outbox SET status = 'SENT', sent_at = now(), updated_at = now(), smtp_response = $2,
              secrets = NULL, last_error = NULL, lease_until = NULL
        WHERE id = $1 AND status = 'SENDING' AND smtp_id = $3`,
      [id, response, smtpId],
    );
  }

  /** Gives a mail up (FAILED) with its error; its codes are dropped. */
  async markFailed(m: Runs, id: string, error: string): Promise<void> {
    await m.query(
      `UPDATE mail_outbox SET status = 'FAILED', last_error = $2, secrets = NULL, lease_until = NULL, updated_at = now()
        WHERE id = $1`,
      [id, error],
    );
  }

  /** Mails being sent, oldest first, and whether their lease ran out. */
  async sending(m: Runs, limit: number): Promise<{ id: string; smtpId: string | null; expired: boolean }[]> {
    const rows = await m.query<{ id: string; smtp_id: string | null; expired: boolean }[]>(
      `SELECT id::text AS id, smtp_id, lease_until < now() AS expired FROM mail_outbox
        WHERE status = 'SENDING' ORDER BY id LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({ id: r.id, smtpId: r.smtp_id, expired: r.expired }));
  }

  /** Marks FAILED the mails among `ids` still SENDING past their lease; the ids marked. */
  async failInterrupted(m: Runs, ids: string[]): Promise<string[]> {
    const rows = await returning<{ id: string }>(
      m,
      `UPDATE mail_outbox SET status = 'FAILED', secrets = NULL, lease_until = NULL, updated_at = now(),
                    last_error = 'interrupted while sending: whether the server accepted it is unknown, so it is not sent again'
              WHERE id = ANY($1::bigint[]) AND status = 'SENDING' AND lease_until < now() RETURNING id::text AS id`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  /** PENDING mails unchanged for at least `minAgeMs`, oldest first. */
  async pendingSince(m: Runs, minAgeMs: number, limit: number): Promise<string[]> {
    const rows = await m.query<{ id: string }[]>(
      `SELECT id::text AS id FROM mail_outbox
        WHERE status = 'PENDING' AND updated_at < now() - make_interval(secs => $1::float8 / 1000)
        ORDER BY id LIMIT $2`,
      [minAgeMs, limit],
    );
    return rows.map((r) => r.id);
  }

  /** A page of mails, newest first, `limit` of them from before the id `beforeId`. */
  async page(
    m: Runs,
    filter: { status: MailStatus | null; to: string | null; beforeId: string | null; limit: number },
  ): Promise<MailDeliveryRow[]> {
    const rows = await m.query<
      (Omit<
        MailDeliveryRow,
        'lastError' | 'smtpId' | 'smtpResponse' | 'createdAt' | 'updatedAt' | 'sentAt'
      > & {
        last_error: string | null;
        smtp_id: string | null;
        smtp_response: string | null;
        created_at: Date;
        updated_at: Date;
        sent_at: Date | null;
      })[]
    >(
      `SELECT id::text AS id, recipient, template, locale, subject, body, status, attempts, last_error,
              smtp_id, smtp_response, created_at, updated_at, sent_at
         FROM mail_outbox
        WHERE ($1::text IS NULL OR status = $1) AND ($2::citext IS NULL OR recipient = $2)
          AND ($3::bigint IS NULL OR id < $3)
        ORDER BY id DESC LIMIT $4`,
      [filter.status, filter.to, filter.beforeId, filter.limit],
    );
    return rows.map((r) => ({
      id: r.id,
      recipient: r.recipient,
      template: r.template,
      locale: r.locale,
      subject: r.subject,
      body: r.body,
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      smtpId: r.smtp_id,
      smtpResponse: r.smtp_response,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      sentAt: r.sent_at,
    }));
  }

  /** How many mails are in each watched state (0 for a state with none). */
  countsByStatus(m: Runs): Promise<{ status: (typeof WATCHED_MAIL_STATES)[number]; n: number }[]> {
    return m.query(
      `SELECT s.status, count(m.id)::int AS n
         FROM unnest($1::text[]) AS s(status)
         LEFT JOIN mail_outbox m ON m.status = s.status
        GROUP BY s.status`,
      [WATCHED_MAIL_STATES],
    );
  }

  /**
   * Marks reported (at `now`) up to 10,000 FAILED mails not reported yet, other than those of the
   * template `except`, skipping rows another transaction holds; the errors of those marked.
   */
  async reportFailures(m: Runs, now: Date, except: string): Promise<(string | null)[]> {
    const rows = await returning<{ last_error: string | null }>(
      m,
      `UPDATE mail_outbox SET reported_at = $1
          WHERE id IN (SELECT id FROM mail_outbox WHERE status = 'FAILED' AND reported_at IS NULL
                          AND template <> $2 ORDER BY id LIMIT 10000 FOR UPDATE SKIP LOCKED)
          RETURNING last_error`,
      [now, except],
    );
    return rows.map((r) => r.last_error);
  }

  /** The errors of the FAILED mails (other than the template `except`) reported in (since, until]. */
  async failuresReported(m: Runs, except: string, since: Date, until: Date): Promise<(string | null)[]> {
    const rows = await m.query<{ last_error: string | null }[]>(
      `SELECT last_error FROM mail_outbox
            WHERE status = 'FAILED' AND template <> $1 AND reported_at > $2 AND reported_at <= $3`,
      [except, since, until],
    );
    return rows.map((r) => r.last_error);
  }
}
