import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createDataSource, type AppConfig } from '#platform';
import { createTestDatabase } from '#testing';
import { OutboxMailer } from './outbox-mailer.js';
import { MailFailureReporter, summariseErrors } from './mail-failure-reporter.js';
import { NotificationService } from '../inapp/notification.service.js';
import type { EventBus } from '../inapp/event-bus.js';
import { NotificationPreferencesService } from '../preferences/notification-preferences.service.js';

/*
 * Failed mail reported to admins against a real database: every failure once in the app, the mail
 * a digest at most once per window, never about the reports themselves, and never when the admin
 * turned the kind off.
 */

const HOUR = 3_600_000;
const config = {
  publicUrl: 'https://tashbik.test',
  auth: { jwtSecret: 'failure-report-test-secret-0123456789' },
  mailDelivery: { attempts: 3, retryMs: 100, failureReportMs: HOUR },
} as AppConfig;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: DataSource;
let reporter: MailFailureReporter;
let prefs: NotificationPreferencesService;
let admins: string[];

async function user(roles: string[], locale = 'fr'): Promise<string> {
  const [row] = await db.query<{ id: string }[]>(
    `INSERT INTO user_account (email, password_hash, display_name, locale, roles, email_verified_at, consent_version, consented_at)
     VALUES ($1, 'x', 'Admin', $2, $3, now(), '1', now()) RETURNING id::text AS id`,
    [`admin-${randomBytes(4).toString('hex')}@example.org`, locale, roles],
  );
  return row.id;
}

/** A mail that failed for good, written as the worker leaves it. */
async function failed(
  n: number,
  error = '550 mailbox unavailable',
  template = 'verify-email',
): Promise<void> {
  await db.query(
    `INSERT INTO mail_outbox (recipient, subject, body, template, locale, params, status, attempts, last_error)
     SELECT 'bounce-' || g || '@example.org', 's', 'b', $2, 'en', '{}', 'FAILED', 1, $3 FROM generate_series(1, $1) g`,
    [n, template, error],
  );
}

const reports = async (userId: string) =>
  (
    await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM mail_outbox o JOIN user_account u ON u.email = o.recipient
        WHERE u.id = $1 AND o.template = 'mail-failures'`,
      [userId],
    )
  )[0].n;
const notices = async (userId: string) =>
  db.query<{ payload: { count: string } }[]>(
    `SELECT payload FROM notification WHERE user_id = $1 AND kind = 'mail-failures' ORDER BY id`,
    [userId],
  );

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDataSource({ databaseUrl: database.url }, []);
  await db.initialize();
  const bus = { publish: () => Promise.resolve() } as unknown as EventBus;
  const inApp = new NotificationService(db, bus);
  prefs = new NotificationPreferencesService(db);
  const mail = new OutboxMailer(db, config, undefined, inApp, prefs);
  reporter = new MailFailureReporter(db, config, mail, inApp);
  admins = [await user(['ADMIN'], 'ar'), await user(['ADMIN', 'ORGANISER'])];
  await user(['ORGANISER']);
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

it('reports a storm of failures in one mail per admin, and each failure once in the app', async () => {
  const t0 = new Date('2031-01-01T10:00:00Z');
  await failed(40);
  await failed(2, '421 try later');
  expect(await reporter.report(t0)).toEqual({ reported: 42, mailed: 2 });
  // More failures within the hour: in the app, not by mail.
  await failed(25);
  expect(await reporter.report(new Date(t0.getTime() + 10 * 60_000))).toEqual({ reported: 25, mailed: 0 });
  // Nothing new: nothing at all.
  expect(await reporter.report(new Date(t0.getTime() + 20 * 60_000))).toEqual({ reported: 0, mailed: 0 });
  for (const a of admins) {
    expect(await reports(a)).toBe(1);
    expect((await notices(a)).map((n) => n.payload.count)).toEqual(['42', '25']);
  }
  const organisers = await db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM notification n JOIN user_account u ON u.id = n.user_id
      WHERE n.kind = 'mail-failures' AND NOT 'ADMIN' = ANY(u.roles)`,
  );
  expect(organisers[0].n).toBe(0);

  // The report: in the admin's language, the count, the most frequent error first.
  const [mail] = await db.query<{ subject: string; body: string; locale: string }[]>(
    `SELECT o.subject, o.body, o.locale FROM mail_outbox o JOIN user_account u ON u.email = o.recipient
      WHERE u.id = $1 AND o.template = 'mail-failures'`,
    [admins[0]],
  );
  expect(mail.locale).toBe('ar');
  expect(mail.subject).toBe('رسائل تعذّر تسليمها: 42');
  expect(mail.body.indexOf('40 × 550 mailbox unavailable')).toBeLessThan(
    mail.body.indexOf('2 × 421 try later'),
  );
  // Its unsubscribe link is in the copy, the token hidden.
  expect(mail.body).toContain('https://tashbik.test/unsubscribe?token=[hidden]');

  // After the hour, the next mail counts what failed since the last one.
  await failed(3);
  expect(await reporter.report(new Date(t0.getTime() + HOUR + 1000))).toEqual({ reported: 3, mailed: 2 });
  const [latest] = await db.query<{ subject: string }[]>(
    `SELECT o.subject FROM mail_outbox o JOIN user_account u ON u.email = o.recipient
      WHERE u.id = $1 AND o.template = 'mail-failures' ORDER BY o.id DESC LIMIT 1`,
    [admins[1]],
  );
  expect(latest.subject).toBe('E-mails non remis : 28');
});

it('never reports the failure of a report, and mails no admin who turned reports off', async () => {
  const t = new Date('2031-02-01T10:00:00Z');
  await failed(5, '550 no such user', 'mail-failures');
  expect(await reporter.report(t)).toEqual({ reported: 0, mailed: 0 });

  await prefs.set(admins[0], [{ kind: 'MAIL_FAILURES', email: false }]);
  const before = await reports(admins[0]);
  await failed(1);
  expect(await reporter.report(new Date(t.getTime() + 1000))).toEqual({ reported: 1, mailed: 2 });
  // The digest is counted as done for both, but only the other admin's mail was written.
  expect(await reports(admins[0])).toBe(before);
  expect((await notices(admins[0])).at(-1)!.payload.count).toBe('1');
  expect(await reports(admins[1])).toBe(3);
});

it('summarises errors most frequent first, at most five lines', () => {
  const s = summariseErrors(['b', 'a', 'b', null, 'c', 'd', 'e', 'f', 'b', 'a']);
  expect(s.split('\n')).toEqual(['3 × b', '2 × a', '1 × c', '1 × d', '1 × e']);
});
