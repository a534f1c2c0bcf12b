import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notification preferences and digests. `notification_preference`: a person's choice of email per
 * kind (a missing row means the kind's default; security mails have no kind and are always sent).
 * `notification_digest`: when a person last received a digest of a kind, so a weekly or hourly
 * digest is sent at most once per period. `notification_digest_item`: what a digest already told
 * the person (e.g. a suggested partner), so the next one lists only what is new.
 * `mail_outbox.reported_at`: when a FAILED mail was reported to admins, so each is reported once.
 */
export class NotificationPreference1796607699662 implements MigrationInterface {
  name = 'NotificationPreference1796607699662';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_preference (
        user_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind ~ '^[A-Z][A-Z_]{0,63}$'),
        email boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind)
      )`);
    await q.query(`
      CREATE TABLE notification_digest (
        user_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind ~ '^[A-Z][A-Z_]{0,63}$'),
        sent_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, kind)
      )`);
    await q.query(`
      CREATE TABLE notification_digest_item (
        user_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind ~ '^[A-Z][A-Z_]{0,63}$'),
        item text NOT NULL CHECK (length(item) <= 200),
        sent_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, kind, item)
      )`);
    await q.query(`ALTER TABLE mail_outbox ADD COLUMN reported_at timestamptz`);
    // Failures from before reports existed are not reported now.
    await q.query(`UPDATE mail_outbox SET reported_at = updated_at WHERE status = 'FAILED'`);
    await q.query(
      `CREATE INDEX mail_outbox_unreported_idx ON mail_outbox (id) WHERE status = 'FAILED' AND reported_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX mail_outbox_unreported_idx`);
    await q.query(`ALTER TABLE mail_outbox DROP COLUMN reported_at`);
    await q.query(`DROP TABLE notification_digest_item`);
    await q.query(`DROP TABLE notification_digest`);
    await q.query(`DROP TABLE notification_preference`);
  }
}
