import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The organisation directory, its private contacts, opportunities and the transactional outbox. */
export class Directory1764480000000 implements MigrationInterface {
  name = 'Directory1764480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        external_ref text UNIQUE,
        kind text NOT NULL CHECK (kind IN ('SME','LARGE_FIRM','SUPPORT_INSTITUTION','FINANCIER','PUBLIC_BODY')),
        subtype text,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','ARCHIVED')),
        name jsonb NOT NULL,
        description jsonb NOT NULL,
        country char(2) NOT NULL,
        region_code text,
        region text,
        city text,
        sectors text[] NOT NULL DEFAULT '{}',
        employee_band text,
        founded_year int,
        website text,
        languages text[] NOT NULL DEFAULT '{}',
        certifications text[] NOT NULL DEFAULT '{}',
        innovation jsonb NOT NULL,
        capabilities jsonb NOT NULL DEFAULT '[]',
        processes text[] NOT NULL DEFAULT '{}',
        purchasing_categories text[] NOT NULL DEFAULT '{}',
        services text[] NOT NULL DEFAULT '{}',
        programmes jsonb NOT NULL DEFAULT '[]',
        financier jsonb,
        version int NOT NULL DEFAULT 1,
        -- millisecond precision, so a cursor (a JavaScript Date) compares exactly
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        archived_at timestamptz,
        CONSTRAINT organization_name_present CHECK (
          coalesce(name->>'ar', name->>'fr', name->>'en') IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX organization_list_idx ON organization (created_at, id)`);
    await q.query(`CREATE INDEX organization_kind_country_idx ON organization (kind, country)`);
    await q.query(`CREATE INDEX organization_sectors_idx ON organization USING gin (sectors)`);
    await q.query(`CREATE INDEX organization_updated_idx ON organization (updated_at)`);
    await q.query(`
      CREATE TABLE contact_person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        position int NOT NULL,
        name text NOT NULL,
        role text,
        email text,
        phone text
      )`);
    await q.query(`CREATE INDEX contact_person_org_idx ON contact_person (organization_id, position)`);
    await q.query(`
      CREATE TABLE opportunity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('CAPABILITY_OFFER','SUBCONTRACTING_REQUEST','TECHNOLOGY_OFFER',
          'TECHNOLOGY_REQUEST','FINANCING_NEED','FINANCING_PROGRAMME','PARTNERSHIP_REQUEST')),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','IN_PROGRESS','FULFILLED','CANCELLED')),
        title jsonb NOT NULL,
        description jsonb NOT NULL,
        sectors text[] NOT NULL DEFAULT '{}',
        processes text[] NOT NULL DEFAULT '{}',
        quantity numeric,
        quantity_unit text,
        amount numeric,
        currency text,
        countries text[] NOT NULL DEFAULT '{}',
        deadline date,
        expires_at date,
        version int NOT NULL DEFAULT 1,
        -- millisecond precision, so a cursor (a JavaScript Date) compares exactly
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        archived_at timestamptz
      )`);
    await q.query(`CREATE INDEX opportunity_org_idx ON opportunity (organization_id, created_at)`);
    await q.query(
      `CREATE INDEX opportunity_expiry_idx ON opportunity (expires_at) WHERE archived_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        entity_type text NOT NULL CHECK (entity_type IN ('organization','opportunity')),
        entity_id uuid NOT NULL,
        op text NOT NULL CHECK (op IN ('upsert','delete')),
        request_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        attempts int NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (id) WHERE processed_at IS NULL`);
    // What the index last received, per document: the sweep compares it with the rows.
    await q.query(`
      CREATE TABLE search_state (
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        version int NOT NULL,
        indexed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (entity_type, entity_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE search_state`);
    await q.query(`DROP TABLE outbox`);
    await q.query(`DROP TABLE opportunity`);
    await q.query(`DROP TABLE contact_person`);
    await q.query(`DROP TABLE organization`);
  }
}
