import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, Optional, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '#platform';
import { renderMail } from './layout.js';
import { SecretBox } from './secrets.js';
import { describeError, isPermanent, smtpTransport } from './smtp.js';
import { AcceptedMail, type Acceptance } from './accepted-mail.js';
import { MailOutboxRepository } from './mail-outbox.repository.js';

/** How long a claimed row may stay SENDING before the sweep calls the attempt interrupted. */
export const SENDING_LEASE_S = 120;

export type DeliveryOutcome = 'sent' | 'skipped' | 'failed';

/** A delivery that may succeed later: the job retries it with backoff. */
export class RetryableMailError extends Error {
  override name = 'RetryableMailError';
}

/**
 * One-click unsubscribe (RFC 8058) for digests and alerts: the api's address that turns the kind
 * off on a POST. No mailto: the platform reads no incoming mail.
 */
export function unsubscribeHeaders(publicUrl: string, token: string | undefined): Record<string, string> {
  if (!token) return {};
  return {
    'List-Unsubscribe': `<${publicUrl}/mail/unsubscribe?token=${encodeURIComponent(token)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

/**
 * Sends mail_outbox rows over SMTP, each at most once: a row is claimed (PENDING to SENDING, with
 * its Message-ID fixed) in one statement before the server is contacted, and marked SENT with the
 * server's answer once accepted, so a retried or duplicated job finds nothing left to send. A
 * failed attempt returns the row to PENDING with its error, or marks it FAILED after the last
 * attempt or on a permanent (5xx) refusal. An accepted mail is remembered (AcceptedMail) before the
 * database is asked to record it: if PostgreSQL does not answer then, a retry of the job or the
 * sweep records it SENT once it does, and it is neither sent again nor marked FAILED.
 */
@Injectable()
export class MailDeliveryService implements OnModuleDestroy {
  private readonly logger = new Logger('MailDelivery');
  private readonly box: SecretBox;
  private transport: Transporter | null = null;
  private readonly domain: string;
  private readonly accepted: AcceptedMail;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly outbox: MailOutboxRepository = new MailOutboxRepository(),
  ) {
    this.box = new SecretBox(config.auth.jwtSecret);
    this.domain = /@([^>\s]+)/.exec(config.mailFrom)?.[1] ?? 'tashbik.invalid';
    this.accepted = new AcceptedMail(config.redisUrl, config.queuePrefix);
  }

  get enabled(): boolean {
    return !!this.config.smtpUrl;
  }

  private smtp(): Transporter {
    this.transport ??= smtpTransport(this.config.smtpUrl!);
    return this.transport;
  }

  async deliver(id: string): Promise<DeliveryOutcome> {
    if (!this.enabled) return 'skipped';
    const row = await this.outbox.claim(
      this.db,
      id,
      `<mail-${id}.${randomBytes(6).toString('hex')}@${this.domain}>`,
      SENDING_LEASE_S,
    );
    if (!row) return this.recordKnown(id);
    let mail;
    let secrets: Record<string, string> = {};
    try {
      secrets = row.secrets ? this.box.open(row.secrets) : {};
      mail = await renderMail(row.template, row.locale, { ...row.params, ...secrets }, this.config.publicUrl);
    } catch (e) {
      await this.fail(row.id, `cannot be prepared: ${(e as Error).message}`);
      return 'failed';
    }
    let info: { response?: string };
    try {
      info = (await this.smtp().sendMail({
        from: this.config.mailFrom,
        to: row.recipient,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: row.smtpId,
        headers: {
          'Content-Language': row.locale,
          'X-Tashbik-Mail': `${row.template}`,
          ...unsubscribeHeaders(this.config.publicUrl, secrets.unsubscribe),
        },
      })) as { response?: string };
    } catch (e) {
      const error = describeError(e);
      if (isPermanent(e) || row.attempts >= this.config.mailDelivery.attempts) {
        await this.fail(row.id, error);
        return 'failed';
      }
      await this.outbox.retryLater(this.db, row.id, error);
      this.logger.warn({ mailId: row.id, attempts: row.attempts, err: error }, 'mail not sent; will retry');
      throw new RetryableMailError(error);
    }
    // Accepted: from here on the mail is never sent again, whatever the database does.
    const acceptance = { smtpId: row.smtpId, response: String(info.response ?? '').slice(0, 500) };
    const inRedis = await this.accepted.remember(row.id, acceptance);
    try {
      await this.recordSent(row.id, acceptance);
    } catch (e) {
      const error = describeError(e);
      this.logger.warn(
        { mailId: row.id, inRedis, err: error },
        'mail accepted by the SMTP server but not recorded: recorded once PostgreSQL answers',
      );
      throw new RetryableMailError(`accepted by the server, not recorded yet: ${error}`);
    }
    await this.accepted.forget([row.id]);
    this.logger.log({ mailId: row.id, template: row.template, attempts: row.attempts }, 'mail sent');
    return 'sent';
  }

  /** Marks a row SENT with the server's answer, if it is still the send of that Message-ID. */
  private async recordSent(id: string, acceptance: Acceptance): Promise<void> {
    await this.outbox.markSent(this.db, id, acceptance.smtpId, acceptance.response);
  }

  /** A row no longer PENDING: records it SENT when its acceptance is known and not yet recorded. */
  private async recordKnown(id: string): Promise<DeliveryOutcome> {
    const acceptance = await this.accepted.get(id);
    if (!acceptance) return 'skipped';
    await this.recordSent(id, acceptance);
    await this.accepted.forget([id]);
    this.logger.log({ mailId: id }, 'mail sent: acceptance recorded after PostgreSQL answered again');
    return 'sent';
  }

  private async fail(id: string, error: string): Promise<void> {
    await this.outbox.markFailed(this.db, id, error.slice(0, 1000));
    this.logger.error({ mailId: id, err: error }, 'mail failed');
  }

  /**
   * Rows a sweep must act on: SENDING rows whose acceptance by the server is known are recorded
   * SENT; SENDING past its lease with no known acceptance is FAILED (the process stopped while the
   * server had the message, so whether it was accepted is unknown and it is not sent twice; none
   * is marked while Redis cannot be asked); and the ids of PENDING rows older than `minAgeMs`, to
   * queue again (a queued one is not duplicated).
   */
  async sweep(
    minAgeMs = 10_000,
    limit = 1000,
  ): Promise<{ interrupted: number; recorded: number; pending: string[] }> {
    const sending = await this.outbox.sending(this.db, limit);
    const { known, complete } = this.enabled
      ? await this.accepted.find(sending.map((r) => r.id))
      : { known: new Map<string, Acceptance>(), complete: true };
    const recorded: string[] = [];
    for (const r of sending) {
      const acceptance = known.get(r.id);
      if (!acceptance || acceptance.smtpId !== r.smtpId) continue;
      await this.recordSent(r.id, acceptance);
      recorded.push(r.id);
    }
    await this.accepted.forget(recorded);
    if (recorded.length)
      this.logger.log({ recorded: recorded.length }, 'mail sweep: accepted mail recorded as sent');
    const expired = sending.filter((r) => r.expired && !known.has(r.id)).map((r) => r.id);
    const interrupted = complete && expired.length ? await this.outbox.failInterrupted(this.db, expired) : [];
    if (!this.enabled) return { interrupted: interrupted.length, recorded: 0, pending: [] };
    const pending = await this.outbox.pendingSince(this.db, minAgeMs, limit);
    return { interrupted: interrupted.length, recorded: recorded.length, pending };
  }

  onModuleDestroy(): void {
    this.transport?.close();
    this.accepted.close();
  }
}
