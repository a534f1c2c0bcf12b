import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A scheduling run whose attempt failed while its job still has a retry left is RETRYING (with the
 * reason, and no finish time), not FAILED; `attempt` is the attempt running or last run, out of
 * `max_attempts`.
 */
export class ScheduleRunRetrying1796599815191 implements MigrationInterface {
  name = 'ScheduleRunRetrying1796599815191';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE forum_schedule_run
        DROP CONSTRAINT forum_schedule_run_state_check,
        ADD CONSTRAINT forum_schedule_run_state_check
          CHECK (state IN ('QUEUED','RUNNING','RETRYING','DONE','FAILED')),
        ADD COLUMN attempt int NOT NULL DEFAULT 0,
        ADD COLUMN max_attempts int NOT NULL DEFAULT 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE forum_schedule_run SET state = 'RUNNING' WHERE state = 'RETRYING'`);
    await q.query(`
      ALTER TABLE forum_schedule_run
        DROP COLUMN attempt,
        DROP COLUMN max_attempts,
        DROP CONSTRAINT forum_schedule_run_state_check,
        ADD CONSTRAINT forum_schedule_run_state_check
          CHECK (state IN ('QUEUED','RUNNING','DONE','FAILED'))`);
  }
}
