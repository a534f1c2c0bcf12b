import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The development mail table becomes the mail outbox: each row is written in the transaction of
 * the change that causes it and delivered over SMTP by a job. `subject` and `body` are the copy
 * kept for the record, with codes and links that carry a token replaced by a placeholder; the real
 * values travel encrypted in `secrets` until the message is sent or has failed, then are erased.
 * `smtp_id` is the Message-ID the message is sent with; `smtp_response` what the server answered.
 */
export class MailOutbox1796597085596 implements MigrationInterface {
  name = 'MailOutbox1796597085596';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mail_message RENAME TO mail_outbox`);
    await q.query(`ALTER INDEX mail_message_recipient_idx RENAME TO mail_outbox_recipient_idx`);
    await q.query(`ALTER SEQUENCE mail_message_id_seq RENAME TO mail_outbox_id_seq`);
    await q.query(`ALTER INDEX mail_message_pkey RENAME TO mail_outbox_pkey`);
    // Copies stored before this migration were never delivered and may hold codes: they are dropped.
    await q.query(`DELETE FROM mail_outbox`);
    await q.query(`
      ALTER TABLE mail_outbox
        ADD COLUMN locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('ar', 'fr', 'en')),
        ADD COLUMN params jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN secrets text,
        ADD COLUMN status text NOT NULL DEFAULT 'PENDING'
          CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
        ADD COLUMN attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN last_error text,
        ADD COLUMN smtp_id text,
        ADD COLUMN smtp_response text,
        ADD COLUMN lease_until timestamptz,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN sent_at timestamptz`);
    await q.query(`ALTER TABLE mail_outbox ALTER COLUMN locale DROP DEFAULT`);
    // The sweep looks for rows still to deliver; admins list by status, newest first.
    await q.query(
      `CREATE INDEX mail_outbox_due_idx ON mail_outbox (id) WHERE status IN ('PENDING', 'SENDING')`,
    );
    await q.query(`CREATE INDEX mail_outbox_status_idx ON mail_outbox (status, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX mail_outbox_status_idx`);
    await q.query(`DROP INDEX mail_outbox_due_idx`);
    await q.query(`
      ALTER TABLE mail_outbox
        DROP COLUMN locale, DROP COLUMN params, DROP COLUMN secrets, DROP COLUMN status,
        DROP COLUMN attempts, DROP COLUMN last_error, DROP COLUMN smtp_id, DROP COLUMN smtp_response,
        DROP COLUMN lease_until, DROP COLUMN updated_at, DROP COLUMN sent_at`);
    await q.query(`ALTER INDEX mail_outbox_pkey RENAME TO mail_message_pkey`);
    await q.query(`ALTER SEQUENCE mail_outbox_id_seq RENAME TO mail_message_id_seq`);
    await q.query(`ALTER INDEX mail_outbox_recipient_idx RENAME TO mail_message_recipient_idx`);
    await q.query(`ALTER TABLE mail_outbox RENAME TO mail_message`);
  }
}
