import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The collaborations an organisation declares or imports: partners named by their import ref, with
 * the year. Public like the rest of the profile; matchmaking reads them as network links.
 */
export class CollaborationHistory1796620499853 implements MigrationInterface {
  name = 'CollaborationHistory1796620499853';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organization ADD COLUMN collaborations jsonb NOT NULL DEFAULT '[]'`);
    // Who lists a given partner: `collaborations @> '[{"ref": ...}]'` through this index.
    await q.query(
      `CREATE INDEX organization_collaborations_idx ON organization USING gin (collaborations jsonb_path_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organization DROP COLUMN collaborations`);
  }
}
