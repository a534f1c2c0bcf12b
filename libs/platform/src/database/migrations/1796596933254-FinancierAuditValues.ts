import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A financier's screening criteria and saved searches are private to its members, and the audit
 * log's readers are admins: entries about them keep which fields changed, and lose their values.
 */
export class FinancierAuditValues1796596933254 implements MigrationInterface {
  name = 'FinancierAuditValues1796596933254';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE audit_log SET before = NULL, after = NULL
       WHERE entity_type IN ('financier_criteria', 'saved_search') AND (before IS NOT NULL OR after IS NOT NULL)`,
    );
  }

  async down(): Promise<void> {
    // The values are gone for good.
  }
}
