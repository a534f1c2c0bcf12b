import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions get an absolute lifetime: every refresh token of a family carries when its sign-in
 * happened, so refreshing cannot carry a session past SESSION_MAX_AGE_DAYS. Existing families
 * start from their oldest token still stored.
 */
export class SessionMaxAge1796596979290 implements MigrationInterface {
  name = 'SessionMaxAge1796596979290';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refresh_token ADD COLUMN session_started_at timestamptz`);
    await q.query(`
      UPDATE refresh_token r SET session_started_at = f.started
      FROM (SELECT family_id, min(created_at) AS started FROM refresh_token GROUP BY family_id) f
      WHERE f.family_id = r.family_id`);
    await q.query(
      `ALTER TABLE refresh_token ALTER COLUMN session_started_at SET DEFAULT now(), ALTER COLUMN session_started_at SET NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refresh_token DROP COLUMN session_started_at`);
  }
}
