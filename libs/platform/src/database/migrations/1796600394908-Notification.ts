import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications: one row per recipient and event, written in the transaction of the change
 * that causes it (beside its mail). `kind` is the mail template's name; `payload` holds the ids the
 * notice is about and the parameters its text is rendered from (never codes, never free text a
 * user wrote). `read_at` is set by markNotificationsRead. Rows go with the recipient's account.
 */
export class Notification1796600394908 implements MigrationInterface {
  name = 'Notification1796600394908';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind ~ '^[a-z][a-z-]{0,63}$'),
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    // A user's list, newest first, and the unread count.
    await q.query(`CREATE INDEX notification_user_idx ON notification (user_id, id DESC)`);
    await q.query(`CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification`);
  }
}
