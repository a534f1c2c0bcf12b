import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contact requests: a decline may carry a short message to the requester, and a pending request
 * expires (status EXPIRED) on its expiry date, CONTACT_REQUEST_EXPIRY_DAYS after it was sent.
 * Requests already pending get 30 days from when they were sent.
 */
export class ContactRequestExpiry1796621234178 implements MigrationInterface {
  name = 'ContactRequestExpiry1796621234178';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE contact_request ADD COLUMN decline_message text
         CONSTRAINT contact_request_decline_message_length CHECK (char_length(decline_message) <= 500),
       ADD COLUMN expires_at timestamptz`,
    );
    await q.query(`UPDATE contact_request SET expires_at = created_at + interval '30 days'`);
    await q.query(
      `ALTER TABLE contact_request ALTER COLUMN expires_at SET DEFAULT now() + interval '30 days',
       ALTER COLUMN expires_at SET NOT NULL`,
    );
    await q.query(`ALTER TABLE contact_request DROP CONSTRAINT contact_request_status_check`);
    await q.query(
      `ALTER TABLE contact_request ADD CONSTRAINT contact_request_status_check
         CHECK (status IN ('PENDING','ACCEPTED','DECLINED','CANCELLED','EXPIRED'))`,
    );
    await q.query(
      `CREATE INDEX contact_request_pending_expiry_idx ON contact_request (expires_at) WHERE status = 'PENDING'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX contact_request_pending_expiry_idx`);
    await q.query(`UPDATE contact_request SET status = 'CANCELLED' WHERE status = 'EXPIRED'`);
    await q.query(`ALTER TABLE contact_request DROP CONSTRAINT contact_request_status_check`);
    await q.query(
      `ALTER TABLE contact_request ADD CONSTRAINT contact_request_status_check
         CHECK (status IN ('PENDING','ACCEPTED','DECLINED','CANCELLED'))`,
    );
    await q.query(`ALTER TABLE contact_request DROP COLUMN decline_message, DROP COLUMN expires_at`);
  }
}
