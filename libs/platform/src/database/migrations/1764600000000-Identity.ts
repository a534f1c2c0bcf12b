import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, sessions, memberships, the review of new organisations, contact grants between
 * organisations, the development mail table and the audit log.
 */
export class Identity1764600000000 implements MigrationInterface {
  name = 'Identity1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS citext`);
    await q.query(`
      CREATE TABLE user_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email citext NOT NULL UNIQUE,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        locale text NOT NULL DEFAULT 'fr' CHECK (locale IN ('ar','fr','en')),
        roles text[] NOT NULL DEFAULT '{}' CHECK (roles <@ ARRAY['ORGANISER','ADMIN']::text[]),
        email_verified_at timestamptz,
        consent_version text NOT NULL,
        consented_at timestamptz NOT NULL,
        -- raised to end every session at once (password change, reset, deletion)
        session_epoch int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE membership (
        user_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('OWNER','MEMBER')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, organization_id)
      )`);
    await q.query(`CREATE INDEX membership_org_idx ON membership (organization_id)`);
    await q.query(`
      CREATE TABLE organization_invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        email citext NOT NULL,
        role text NOT NULL CHECK (role IN ('OWNER','MEMBER')),
        token_hash text NOT NULL UNIQUE,
        invited_by uuid REFERENCES user_account(id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        user_agent text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_token_family_idx ON refresh_token (family_id)`);
    await q.query(`CREATE INDEX refresh_token_user_idx ON refresh_token (user_id)`);
    await q.query(`
      CREATE TABLE email_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('VERIFY_EMAIL','RESET_PASSWORD')),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE mail_message (
        id bigserial PRIMARY KEY,
        recipient citext NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        template text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX mail_message_recipient_idx ON mail_message (recipient, id)`);
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_label text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        fields text[] NOT NULL DEFAULT '{}',
        before jsonb,
        after jsonb,
        request_id text
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, id)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id)`);
    await q.query(`
      CREATE TABLE contact_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        from_organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        to_organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        requested_by uuid REFERENCES user_account(id) ON DELETE SET NULL,
        message text,
        status text NOT NULL DEFAULT 'PENDING'
          CHECK (status IN ('PENDING','ACCEPTED','DECLINED','CANCELLED')),
        responded_by uuid REFERENCES user_account(id) ON DELETE SET NULL,
        responded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (from_organization_id <> to_organization_id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX contact_request_open_idx ON contact_request (from_organization_id, to_organization_id)
       WHERE status = 'PENDING'`,
    );
    await q.query(`CREATE INDEX contact_request_to_idx ON contact_request (to_organization_id, status)`);
    await q.query(`
      CREATE TABLE contact_grant (
        org_low uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        org_high uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        source text NOT NULL CHECK (source IN ('CONTACT_REQUEST','MEETING_REQUEST')),
        source_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (org_low, org_high),
        CHECK (org_low < org_high)
      )`);
    await q.query(`CREATE INDEX contact_grant_high_idx ON contact_grant (org_high)`);
    // New organisations wait for an organiser's review; imported and seeded ones are ACTIVE.
    await q.query(`ALTER TABLE organization DROP CONSTRAINT organization_status_check`);
    await q.query(
      `ALTER TABLE organization ADD CONSTRAINT organization_status_check
       CHECK (status IN ('PENDING','ACTIVE','REJECTED','ARCHIVED'))`,
    );
    await q.query(
      `ALTER TABLE organization ADD COLUMN created_by uuid REFERENCES user_account(id) ON DELETE SET NULL`,
    );
    await q.query(
      `ALTER TABLE organization ADD COLUMN reviewed_by uuid REFERENCES user_account(id) ON DELETE SET NULL`,
    );
    await q.query(`ALTER TABLE organization ADD COLUMN reviewed_at timestamptz`);
    await q.query(`ALTER TABLE organization ADD COLUMN review_note text`);
    await q.query(
      `CREATE INDEX organization_pending_idx ON organization (created_at, id) WHERE status = 'PENDING'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX organization_pending_idx`);
    for (const c of ['review_note', 'reviewed_at', 'reviewed_by', 'created_by'])
      await q.query(`ALTER TABLE organization DROP COLUMN ${c}`);
    await q.query(`ALTER TABLE organization DROP CONSTRAINT organization_status_check`);
    await q.query(
      `ALTER TABLE organization ADD CONSTRAINT organization_status_check CHECK (status IN ('ACTIVE','ARCHIVED'))`,
    );
    for (const t of [
      'contact_grant',
      'contact_request',
      'audit_log',
      'mail_message',
      'email_token',
      'refresh_token',
      'organization_invitation',
      'membership',
      'user_account',
    ])
      await q.query(`DROP TABLE ${t}`);
  }
}
