import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#platform';
import { accounts, MAIL_PORT, type MailPort } from '#identity';
import { NotificationService } from '../inapp/notification.service.js';
import { NotificationDigestRepository } from '../digest/notification-digest.repository.js';
import { MailOutboxRepository } from './mail-outbox.repository.js';

/** The template of the report itself: its own failures are never reported (no loop). */
const REPORT = 'mail-failures';
const DIGEST_KIND = 'MAIL_FAILURES';

/** The most frequent errors of a set of failures, one line each, most frequent first. */
export function summariseErrors(errors: (string | null)[], max = 5): string {
  const counts = new Map<string, number>();
  for (const e of errors) {
    const key = (e ?? 'unknown').replace(/\s+/g, ' ').slice(0, 120);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([e, n]) => `${n} × ${e}`)
    .join('\n');
}

/**
 * Tells admins about mail that reached FAILED. Each failure is reported once (`reported_at`): every
 * admin gets one in-app notice per round with the count; the mail is a digest, at most one per
 * admin per `MAIL_FAILURE_REPORT_MS`, counting every failure since that admin's previous one, so a
 * storm of failures makes one mail. The report's own failures are left out, so a broken SMTP server
 * cannot make reports about reports.
 */
@Injectable()
export class MailFailureReporter {
  private readonly logger = new Logger('MailFailures');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MAIL_PORT) private readonly mail: MailPort,
    @Optional() private readonly inApp?: NotificationService,
    @Optional() private readonly outbox: MailOutboxRepository = new MailOutboxRepository(),
    @Optional() private readonly digests: NotificationDigestRepository = new NotificationDigestRepository(),
  ) {}

  /** One round: returns how many failures were newly reported and how many report mails were queued. */
  async report(now = new Date()): Promise<{ reported: number; mailed: number }> {
    return this.db.transaction(async (m) => {
      const fresh = await this.outbox.reportFailures(m, now, REPORT);
      const locked = await accounts.admins(m, true);
      const lastSent = await this.digests.lastSent(
        m,
        DIGEST_KIND,
        locked.map((a) => a.id),
      );
      const admins = locked.map((a) => ({ ...a, last: lastSent.get(a.id) ?? null }));
      if (fresh.length && this.inApp)
        for (const a of admins)
          await this.inApp.add(m, a.id, REPORT, {
            count: fresh.length,
            errors: summariseErrors(fresh),
          });
      let mailed = 0;
      const window = this.config.mailDelivery.failureReportMs;
      for (const a of admins) {
        if (a.last && now.getTime() - new Date(a.last).getTime() < window) continue;
        // Every failure since this admin's last report, reported to the app already or just now.
        const since = a.last ?? new Date(now.getTime() - window);
        const failures = await this.outbox.failuresReported(m, REPORT, since, now);
        if (!failures.length) continue;
        await this.mail.send(
          {
            to: a.email,
            userId: a.id,
            inApp: false,
            template: REPORT,
            locale: a.locale,
            params: {
              count: failures.length,
              since: since.toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
              errors: summariseErrors(failures),
            },
          },
          m,
        );
        await this.digests.markSent(m, a.id, DIGEST_KIND, now);
        mailed++;
      }
      if (fresh.length || mailed)
        this.logger.warn({ failures: fresh.length, mailed }, 'mail failures reported');
      return { reported: fresh.length, mailed };
    });
  }
}
