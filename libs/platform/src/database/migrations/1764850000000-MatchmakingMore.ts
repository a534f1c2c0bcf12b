import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matchmaking, continued: hard criteria a subcontracting request may set (certifications, processes a
 * supplier must hold, materials, wilayas), meeting suggestions between delegates of a forum edition
 * (each belongs to one delegate, so ranks are per delegate), and the meeting request opened when
 * such a suggestion is accepted.
 */
export class MatchmakingMore1764850000000 implements MigrationInterface {
  name = 'MatchmakingMore1764850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE opportunity
        ADD COLUMN required_certifications text[] NOT NULL DEFAULT '{}',
        ADD COLUMN required_processes text[] NOT NULL DEFAULT '{}',
        ADD COLUMN materials text[] NOT NULL DEFAULT '{}',
        ADD COLUMN region_codes text[] NOT NULL DEFAULT '{}'`);

    await q.query(`
      ALTER TABLE suggestion
        ADD COLUMN edition_id uuid REFERENCES forum_edition(id) ON DELETE CASCADE,
        ADD COLUMN delegate_id uuid REFERENCES forum_delegate(id) ON DELETE CASCADE,
        ADD COLUMN counterpart_delegate_id uuid REFERENCES forum_delegate(id) ON DELETE CASCADE,
        ADD CONSTRAINT suggestion_meeting_delegates CHECK (
          (kind = 'MEETING') = (delegate_id IS NOT NULL AND counterpart_delegate_id IS NOT NULL
                                AND edition_id IS NOT NULL))`);
    // A MEETING suggestion is ranked within its delegate's list; the others within the organisation's.
    await q.query(`ALTER TABLE suggestion DROP CONSTRAINT suggestion_organization_id_kind_rank_key`);
    await q.query(
      `CREATE UNIQUE INDEX suggestion_rank_idx ON suggestion
       (organization_id, kind, coalesce(delegate_id, '00000000-0000-0000-0000-000000000000'::uuid), rank)`,
    );
    await q.query(
      `CREATE INDEX suggestion_delegate_idx ON suggestion (delegate_id) WHERE delegate_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX suggestion_counterpart_delegate_idx ON suggestion (counterpart_delegate_id)
       WHERE counterpart_delegate_id IS NOT NULL`,
    );
    await q.query(`
      ALTER TABLE suggestion_feedback
        ADD COLUMN meeting_request_id uuid REFERENCES forum_meeting_request(id) ON DELETE SET NULL`);
    // Alerts waiting for their mail.
    await q.query(
      `CREATE INDEX saved_search_alert_unmailed_idx ON saved_search_alert (created_at) WHERE mailed_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX saved_search_alert_unmailed_idx`);
    await q.query(`ALTER TABLE suggestion_feedback DROP COLUMN meeting_request_id`);
    await q.query(`DELETE FROM suggestion WHERE kind = 'MEETING'`);
    await q.query(`DROP INDEX suggestion_rank_idx`);
    await q.query(`ALTER TABLE suggestion DROP CONSTRAINT suggestion_meeting_delegates`);
    await q.query(
      `ALTER TABLE suggestion DROP COLUMN counterpart_delegate_id, DROP COLUMN delegate_id, DROP COLUMN edition_id`,
    );
    await q.query(
      `ALTER TABLE suggestion ADD CONSTRAINT suggestion_organization_id_kind_rank_key UNIQUE (organization_id, kind, rank)`,
    );
    await q.query(`
      ALTER TABLE opportunity DROP COLUMN required_certifications, DROP COLUMN required_processes,
        DROP COLUMN materials, DROP COLUMN region_codes`);
  }
}
