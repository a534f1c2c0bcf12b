import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The forum day: private calendar feeds (only a hash of each token is kept), meeting outcomes per
 * participant, walk-in requests that carry the slot they propose, reminders sent at most once per
 * meeting and participant, organisers' "A before B" precedences between requests, and the
 * edition's reminder lead time.
 */
export class ForumDay1764750000000 implements MigrationInterface {
  name = 'ForumDay1764750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE forum_edition
        ADD COLUMN reminder_minutes int NOT NULL DEFAULT 15 CHECK (reminder_minutes BETWEEN 0 AND 1440)`);
    // One feed per delegate; rotating it replaces the hash, so the old URL stops working at once.
    await q.query(`
      CREATE TABLE forum_agenda_feed (
        delegate_id uuid PRIMARY KEY REFERENCES forum_delegate(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_by uuid REFERENCES user_account(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz
      )`);
    await q.query(`
      ALTER TABLE forum_meeting_participant
        ADD COLUMN outcome_note text,
        ADD COLUMN outcome_reported_by uuid REFERENCES user_account(id) ON DELETE SET NULL,
        ADD COLUMN outcome_reported_at timestamptz`);
    await q.query(`ALTER TABLE forum_meeting_request DROP CONSTRAINT forum_meeting_request_source_check`);
    await q.query(`
      ALTER TABLE forum_meeting_request
        ADD CONSTRAINT forum_meeting_request_source_check
          CHECK (source IN ('MANUAL','SUGGESTION','ORGANISER','WALK_IN')),
        ADD COLUMN proposed_slot_id uuid REFERENCES forum_slot(id) ON DELETE SET NULL,
        ADD COLUMN proposed_table_id uuid REFERENCES forum_table(id) ON DELETE SET NULL,
        ADD CONSTRAINT forum_request_walk_in_slot CHECK (source <> 'WALK_IN' OR proposed_slot_id IS NOT NULL)`);
    // A row per reminder sent: the primary key makes a second send for the same person impossible.
    await q.query(`
      CREATE TABLE forum_meeting_reminder (
        meeting_id uuid NOT NULL REFERENCES forum_meeting(id) ON DELETE CASCADE,
        delegate_id uuid NOT NULL REFERENCES forum_delegate(id) ON DELETE CASCADE,
        slot_id uuid NOT NULL REFERENCES forum_slot(id) ON DELETE CASCADE,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (meeting_id, delegate_id)
      )`);
    await q.query(`
      CREATE TABLE forum_request_precedence (
        edition_id uuid NOT NULL REFERENCES forum_edition(id) ON DELETE CASCADE,
        delegate_id uuid NOT NULL REFERENCES forum_delegate(id) ON DELETE CASCADE,
        before_request_id uuid NOT NULL REFERENCES forum_meeting_request(id) ON DELETE CASCADE,
        after_request_id uuid NOT NULL REFERENCES forum_meeting_request(id) ON DELETE CASCADE,
        created_by uuid REFERENCES user_account(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (before_request_id, after_request_id),
        CHECK (before_request_id <> after_request_id)
      )`);
    await q.query(`CREATE INDEX forum_precedence_edition_idx ON forum_request_precedence (edition_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE forum_request_precedence`);
    await q.query(`DROP TABLE forum_meeting_reminder`);
    await q.query(`
      ALTER TABLE forum_meeting_request
        DROP CONSTRAINT forum_request_walk_in_slot,
        DROP COLUMN proposed_table_id,
        DROP COLUMN proposed_slot_id,
        DROP CONSTRAINT forum_meeting_request_source_check`);
    await q.query(`DELETE FROM forum_meeting_request WHERE source = 'WALK_IN'`);
    await q.query(`
      ALTER TABLE forum_meeting_request ADD CONSTRAINT forum_meeting_request_source_check
        CHECK (source IN ('MANUAL','SUGGESTION','ORGANISER'))`);
    await q.query(`
      ALTER TABLE forum_meeting_participant
        DROP COLUMN outcome_reported_at, DROP COLUMN outcome_reported_by, DROP COLUMN outcome_note`);
    await q.query(`DROP TABLE forum_agenda_feed`);
    await q.query(`ALTER TABLE forum_edition DROP COLUMN reminder_minutes`);
  }
}
