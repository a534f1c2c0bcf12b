import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claims on organisations without an owner (imported or seeded): the claimant proves control of a
 * contact-person address or an address at the website's domain with a code mailed there (stored as
 * a hash, expiring, a few tries). CODE_SENT until confirmed; APPROVED when the claimant became
 * owner; CONTESTED when organisers must decide (another open claim, or an owner appeared);
 * REJECTED by organisers; EXPIRED when replaced, out of tries or past its time.
 */
export class OrganizationClaim1796602252834 implements MigrationInterface {
  name = 'OrganizationClaim1796602252834';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization_claim (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        email text NOT NULL,
        code_hash text,
        attempts int NOT NULL DEFAULT 0,
        status text NOT NULL DEFAULT 'CODE_SENT'
          CHECK (status IN ('CODE_SENT','CONTESTED','APPROVED','REJECTED','EXPIRED')),
        contest_reason text CHECK (contest_reason IN ('OTHER_CLAIMANT','HAS_OWNER')),
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        resolved_at timestamptz,
        resolved_by uuid REFERENCES user_account(id) ON DELETE SET NULL,
        note text
      )`);
    await q.query(`CREATE INDEX organization_claim_org_idx ON organization_claim (organization_id, status)`);
    await q.query(`CREATE INDEX organization_claim_status_idx ON organization_claim (status, created_at)`);
    await q.query(`CREATE INDEX organization_claim_user_idx ON organization_claim (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organization_claim`);
  }
}
