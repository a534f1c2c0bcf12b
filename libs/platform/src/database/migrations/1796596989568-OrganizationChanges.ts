import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Changes to an approved organisation's identity (name, kind, country, website) wait for an
 * organiser: each request holds the approved values (before) and the proposed ones (after), one
 * open request per organisation, until it is approved, rejected with a note, or withdrawn.
 */
export class OrganizationChanges1796596989568 implements MigrationInterface {
  name = 'OrganizationChanges1796596989568';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'PENDING'
          CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
        fields text[] NOT NULL,
        before jsonb NOT NULL,
        after jsonb NOT NULL,
        requested_by uuid REFERENCES user_account(id) ON DELETE SET NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        reviewed_by uuid REFERENCES user_account(id) ON DELETE SET NULL,
        reviewed_at timestamptz,
        review_note text CHECK (length(review_note) <= 2000),
        CHECK ((status = 'PENDING') = (reviewed_at IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX organization_change_open_idx ON organization_change (organization_id) WHERE status = 'PENDING'`,
    );
    await q.query(
      `CREATE INDEX organization_change_queue_idx ON organization_change (requested_at, id) WHERE status = 'PENDING'`,
    );
    await q.query(
      `CREATE INDEX organization_change_org_idx ON organization_change (organization_id, requested_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organization_change`);
  }
}
