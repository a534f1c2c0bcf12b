import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The later stages of a meeting a forum follows months afterwards (negotiation started, agreement or
 * MoU signed, contract or order signed), reported by either side as its outcome, and the follow-up
 * requests mailed 3 and 6 months after an edition's last day: one row per delegate and round, whose
 * primary key refuses a second mail.
 */
export class MeetingFollowUp1796618451234 implements MigrationInterface {
  name = 'MeetingFollowUp1796618451234';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE forum_meeting_participant
        DROP CONSTRAINT forum_meeting_participant_outcome_check,
        ADD CONSTRAINT forum_meeting_participant_outcome_check CHECK (outcome IN
          ('HELD','NO_SHOW','FOLLOW_UP','NEGOTIATION_STARTED','AGREEMENT_SIGNED','CONTRACT_SIGNED'))`);
    await q.query(`
      CREATE TABLE forum_follow_up_mail (
        edition_id uuid NOT NULL REFERENCES forum_edition(id) ON DELETE CASCADE,
        delegate_id uuid NOT NULL REFERENCES forum_delegate(id) ON DELETE CASCADE,
        months int NOT NULL CHECK (months IN (3, 6)),
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (edition_id, delegate_id, months)
      )`);
    await q.query(`CREATE INDEX forum_edition_ends_on_idx ON forum_edition (ends_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX forum_edition_ends_on_idx`);
    await q.query(`DROP TABLE forum_follow_up_mail`);
    await q.query(`
      UPDATE forum_meeting_participant SET outcome = 'FOLLOW_UP'
       WHERE outcome IN ('NEGOTIATION_STARTED','AGREEMENT_SIGNED','CONTRACT_SIGNED')`);
    await q.query(`
      ALTER TABLE forum_meeting_participant
        DROP CONSTRAINT forum_meeting_participant_outcome_check,
        ADD CONSTRAINT forum_meeting_participant_outcome_check CHECK (outcome IN ('HELD','NO_SHOW','FOLLOW_UP'))`);
  }
}
