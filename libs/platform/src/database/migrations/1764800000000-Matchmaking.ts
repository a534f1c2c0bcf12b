import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matchmaking: stored suggestions with the contribution of every criterion, cluster proposals and
 * their members, feedback, financiers' private screening criteria, saved searches with alerts, and
 * a `topic` on the outbox so matchmaking reads its own durable change feed beside search's.
 */
export class Matchmaking1764800000000 implements MigrationInterface {
  name = 'Matchmaking1764800000000';

  async up(q: QueryRunner): Promise<void> {
    // One outbox, several consumers: each change is written once per topic and each drain marks its own rows.
    await q.query(
      `ALTER TABLE outbox ADD COLUMN topic text NOT NULL DEFAULT 'search' CHECK (topic IN ('search','match'))`,
    );
    await q.query(`DROP INDEX outbox_pending_idx`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (topic, id) WHERE processed_at IS NULL`);

    await q.query(`
      CREATE TABLE match_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('ORGANIZATION','FULL')),
        status text NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING','DONE','FAILED')),
        organizations int NOT NULL DEFAULT 0,
        suggestions int NOT NULL DEFAULT 0,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE cluster_proposal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- stable key from the member set, so a recompute that finds the same group keeps its id
        key text NOT NULL UNIQUE,
        value_chain text,
        divisions text[] NOT NULL DEFAULT '{}',
        missing_divisions text[] NOT NULL DEFAULT '{}',
        country char(2) NOT NULL,
        region_code text,
        support_institution_id uuid REFERENCES organization(id) ON DELETE SET NULL,
        support_evidence jsonb,
        financier_id uuid REFERENCES organization(id) ON DELETE SET NULL,
        financier_evidence jsonb,
        cohesion double precision NOT NULL,
        evidence jsonb NOT NULL,
        run_id uuid REFERENCES match_run(id) ON DELETE SET NULL,
        computed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE cluster_member (
        cluster_id uuid NOT NULL REFERENCES cluster_proposal(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        division text NOT NULL,
        gap jsonb NOT NULL,
        PRIMARY KEY (cluster_id, organization_id)
      )`);
    await q.query(`CREATE INDEX cluster_member_org_idx ON cluster_member (organization_id)`);
    await q.query(`
      CREATE TABLE suggestion (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('SUBCONTRACTING','CLUSTER','FINANCING','MEETING')),
        counterpart_organization_id uuid REFERENCES organization(id) ON DELETE CASCADE,
        opportunity_id uuid REFERENCES opportunity(id) ON DELETE CASCADE,
        cluster_id uuid REFERENCES cluster_proposal(id) ON DELETE CASCADE,
        -- SUPPLIER: the counterpart can serve this organisation's request; REQUEST: this organisation can serve it
        role text,
        score double precision NOT NULL CHECK (score >= 0 AND score <= 1),
        rank int NOT NULL CHECK (rank >= 1),
        forward double precision,
        reverse double precision,
        contributions jsonb NOT NULL DEFAULT '[]',
        run_id uuid REFERENCES match_run(id) ON DELETE SET NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        CHECK (counterpart_organization_id IS NOT NULL OR cluster_id IS NOT NULL),
        CHECK (counterpart_organization_id IS DISTINCT FROM organization_id),
        UNIQUE (organization_id, kind, rank)
      )`);
    await q.query(`CREATE INDEX suggestion_counterpart_idx ON suggestion (counterpart_organization_id)`);
    await q.query(`CREATE INDEX suggestion_opportunity_idx ON suggestion (opportunity_id)`);
    await q.query(`
      CREATE TABLE suggestion_feedback (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('SUBCONTRACTING','CLUSTER','FINANCING','MEETING')),
        counterpart_organization_id uuid REFERENCES organization(id) ON DELETE CASCADE,
        cluster_key text,
        verdict text NOT NULL CHECK (verdict IN ('ACCEPTED','DISMISSED','NOT_RELEVANT')),
        reason text CHECK (reason IN ('DISTANCE','SECTOR','PROCESS','CAPACITY','SIZE','CERTIFICATION',
          'LANGUAGE','FINANCING_TERMS','OTHER')),
        comment text CHECK (length(comment) <= 1000),
        -- what the suggestion looked like when judged: similar counterparts are penalised later
        snapshot jsonb,
        contact_request_id uuid REFERENCES contact_request(id) ON DELETE SET NULL,
        user_id uuid REFERENCES user_account(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (counterpart_organization_id IS NOT NULL OR cluster_key IS NOT NULL),
        CHECK (verdict <> 'NOT_RELEVANT' OR reason IS NOT NULL)
      )`);
    // The latest verdict per pair wins; one row per pair and kind keeps "never comes back" a simple lookup.
    await q.query(
      `CREATE UNIQUE INDEX suggestion_feedback_pair_idx ON suggestion_feedback
       (organization_id, kind, coalesce(counterpart_organization_id::text, cluster_key))`,
    );
    await q.query(
      `CREATE INDEX suggestion_feedback_counterpart_idx ON suggestion_feedback (counterpart_organization_id)`,
    );
    await q.query(`
      CREATE TABLE financier_criteria (
        organization_id uuid PRIMARY KEY REFERENCES organization(id) ON DELETE CASCADE,
        sectors text[] NOT NULL DEFAULT '{}',
        countries text[] NOT NULL DEFAULT '{}',
        stages text[] NOT NULL DEFAULT '{}',
        ticket_min numeric,
        ticket_max numeric,
        currency text,
        instruments text[] NOT NULL DEFAULT '{}',
        min_age_years int CHECK (min_age_years >= 0),
        min_employee_band text,
        required_certifications text[] NOT NULL DEFAULT '{}',
        preferred_certifications text[] NOT NULL DEFAULT '{}',
        innovation_wanted boolean,
        min_patents int CHECK (min_patents >= 0),
        version int NOT NULL DEFAULT 1,
        updated_by uuid REFERENCES user_account(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ticket_min IS NULL OR ticket_max IS NULL OR ticket_min <= ticket_max)
      )`);
    await q.query(`
      CREATE TABLE saved_search (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        query text CHECK (length(query) <= 200),
        criteria jsonb NOT NULL,
        min_score double precision NOT NULL DEFAULT 0.5 CHECK (min_score >= 0 AND min_score <= 1),
        alerts_enabled boolean NOT NULL DEFAULT true,
        created_by uuid REFERENCES user_account(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX saved_search_org_idx ON saved_search (organization_id, created_at)`);
    await q.query(`
      CREATE TABLE saved_search_alert (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        saved_search_id uuid NOT NULL REFERENCES saved_search(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        -- the version of the matching profile: one alert per new or updated profile, replays add nothing
        organization_version int NOT NULL,
        score double precision NOT NULL,
        contributions jsonb NOT NULL DEFAULT '[]',
        mailed_at timestamptz,
        seen_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        UNIQUE (saved_search_id, organization_id, organization_version)
      )`);
    await q.query(
      `CREATE INDEX saved_search_alert_list_idx ON saved_search_alert (saved_search_id, created_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'saved_search_alert',
      'saved_search',
      'financier_criteria',
      'suggestion_feedback',
      'suggestion',
      'cluster_member',
      'cluster_proposal',
      'match_run',
    ])
      await q.query(`DROP TABLE ${t}`);
    await q.query(`DELETE FROM outbox WHERE topic <> 'search'`);
    await q.query(`DROP INDEX outbox_pending_idx`);
    await q.query(`ALTER TABLE outbox DROP COLUMN topic`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (id) WHERE processed_at IS NULL`);
  }
}
