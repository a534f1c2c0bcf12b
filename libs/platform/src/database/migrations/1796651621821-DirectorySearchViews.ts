import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models the directory publishes for search: the organisations it lists (status ACTIVE) and
 * the current (not archived) opportunities, each with whether its organisation is listed. Search
 * compares its index with them in one statement beside its own search_state.
 */
export class DirectorySearchViews1796651621821 implements MigrationInterface {
  name = 'DirectorySearchViews1796651621821';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE VIEW directory_listed_organization_v AS
         SELECT id, version FROM organization WHERE status = 'ACTIVE'`,
    );
    // A left join, so a query that does not read `listed` does not join organization at all.
    await q.query(
      `CREATE VIEW directory_current_opportunity_v AS
         SELECT p.id, p.version, p.organization_id, o.status = 'ACTIVE' AS listed
           FROM opportunity p LEFT JOIN organization o ON o.id = p.organization_id
          WHERE p.archived_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW directory_current_opportunity_v`);
    await q.query(`DROP VIEW directory_listed_organization_v`);
  }
}
