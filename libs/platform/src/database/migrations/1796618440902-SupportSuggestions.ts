import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = `'SUBCONTRACTING','CLUSTER','FINANCING','MEETING'`;
const KINDS = `${KINDS_BEFORE},'SUPPORT'`;

/**
 * Support suggestions: a fourth kind of suggestion and feedback (SMEs matched with the services and
 * programmes of incubators and technical centres), and the certifications an organisation aims for.
 * Programmes stay in the `programmes` jsonb column; their new fields (services, stages, wilayas,
 * reserved, cost, certifications) need no column.
 */
export class SupportSuggestions1796618440902 implements MigrationInterface {
  name = 'SupportSuggestions1796618440902';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organization ADD COLUMN target_certifications text[] NOT NULL DEFAULT '{}'`);
    // Programmes stated before get the new fields with their empty values.
    await q.query(`
      UPDATE organization SET programmes = (
        SELECT jsonb_agg(jsonb_build_object('services', '[]'::jsonb, 'stages', '[]'::jsonb, 'regionCodes', '[]'::jsonb,
                 'reserved', false, 'cost', null, 'certifications', '[]'::jsonb) || p ORDER BY i)
        FROM jsonb_array_elements(programmes) WITH ORDINALITY AS e(p, i))
      WHERE jsonb_array_length(programmes) > 0`);
    for (const table of ['suggestion', 'suggestion_feedback'])
      await q.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${table}_kind_check,
           ADD CONSTRAINT ${table}_kind_check CHECK (kind IN (${KINDS}))`,
      );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['suggestion', 'suggestion_feedback']) {
      await q.query(`DELETE FROM ${table} WHERE kind = 'SUPPORT'`);
      await q.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${table}_kind_check,
           ADD CONSTRAINT ${table}_kind_check CHECK (kind IN (${KINDS_BEFORE}))`,
      );
    }
    await q.query(`ALTER TABLE organization DROP COLUMN target_certifications`);
  }
}
