import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Subcontracting requests say what is wished for beside what is required: certifications and wilayas. */
export class OpportunityPreferences1796608243537 implements MigrationInterface {
  name = 'OpportunityPreferences1796608243537';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE opportunity
        ADD COLUMN preferred_certifications text[] NOT NULL DEFAULT '{}',
        ADD COLUMN preferred_region_codes text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE opportunity DROP COLUMN preferred_certifications, DROP COLUMN preferred_region_codes`,
    );
  }
}
