import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A read model the directory publishes for libraries that filter, group or page on organisation
 * columns in one statement (the forum's participant directory, delegate pages, statistics and
 * follow-up, and its access lookups): every organisation with its names, kind, country, sectors
 * and status. `status` says whether it is listed (ACTIVE); readers keep their own rule on it.
 */
export class DirectoryOrganizationCardView1796651651857 implements MigrationInterface {
  name = 'DirectoryOrganizationCardView1796651651857';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE VIEW directory_organization_card_v AS
         SELECT id, name, kind, country, sectors, status FROM organization`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW directory_organization_card_v`);
  }
}
