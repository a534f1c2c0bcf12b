import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A read model identity publishes of its audit log, for libraries whose personal-data statements
 * read the history of their own records (the forum exports a delegate registration's history and
 * finds the meeting requests an account cancelled). Read-only: entries are written and erased by
 * identity alone (AuditService, registerAuditedRecords).
 */
export class IdentityAuditEntryView1796651651957 implements MigrationInterface {
  name = 'IdentityAuditEntryView1796651651957';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE VIEW identity_audit_entry_v AS
         SELECT id, at, actor_id, action, entity_type, entity_id, fields, before, after FROM audit_log`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW identity_audit_entry_v`);
  }
}
