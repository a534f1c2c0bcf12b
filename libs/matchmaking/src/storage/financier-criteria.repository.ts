import { Injectable } from '@nestjs/common';
import { returning } from '#platform';
import type { CriteriaData } from '../criteria/criteria.schema.js';
import type { Sql } from './profile.repository.js';

export interface CriteriaRecord extends CriteriaData {
  organizationId: string;
  updatedAt: Date;
}

const CRITERIA_COLUMNS = `sectors, countries, stages, ticket_min, ticket_max, currency, instruments, min_age_years,
  min_employee_band, required_certifications, preferred_certifications, innovation_wanted, min_patents`;

interface CriteriaRow {
  organization_id: string;
  sectors: string[];
  countries: string[];
  stages: CriteriaData['stages'];
  ticket_min: string | null;
  ticket_max: string | null;
  currency: CriteriaData['currency'];
  instruments: CriteriaData['instruments'];
  min_age_years: number | null;
  min_employee_band: CriteriaData['minEmployeeBand'];
  required_certifications: CriteriaData['requiredCertifications'];
  preferred_certifications: CriteriaData['preferredCertifications'];
  innovation_wanted: boolean | null;
  min_patents: number | null;
  updated_at: Date;
}

const toCriteria = (r: CriteriaRow): CriteriaRecord => ({
  organizationId: r.organization_id,
  sectors: r.sectors,
  countries: r.countries,
  stages: r.stages,
  ticketMin: r.ticket_min == null ? null : Number(r.ticket_min),
  ticketMax: r.ticket_max == null ? null : Number(r.ticket_max),
  currency: r.currency,
  instruments: r.instruments,
  minAgeYears: r.min_age_years,
  minEmployeeBand: r.min_employee_band,
  requiredCertifications: r.required_certifications,
  preferredCertifications: r.preferred_certifications,
  innovationWanted: r.innovation_wanted,
  minPatents: r.min_patents,
  updatedAt: r.updated_at,
});

/** A financier's private screening criteria (`financier_criteria`, one row per financier). */
@Injectable()
export class FinancierCriteriaRepository {
  async find(db: Sql, organizationId: string): Promise<CriteriaRecord | null> {
    const [r] = await db.query<CriteriaRow[]>(
      `SELECT organization_id, ${CRITERIA_COLUMNS}, updated_at FROM financier_criteria WHERE organization_id = $1`,
      [organizationId],
    );
    return r ? toCriteria(r) : null;
  }

  /** The criteria, locked until the caller's transaction ends. */
  async findForUpdate(m: Sql, organizationId: string): Promise<CriteriaRecord | null> {
    const [r] = await m.query<CriteriaRow[]>(
      `SELECT organization_id, ${CRITERIA_COLUMNS}, updated_at FROM financier_criteria
         WHERE organization_id = $1 FOR UPDATE`,
      [organizationId],
    );
    return r ? toCriteria(r) : null;
  }

  /** Writes the criteria (creating or replacing them), bumping their version. */
  async save(
    m: Sql,
    organizationId: string,
    c: CriteriaData,
    userId: string | null,
  ): Promise<CriteriaRecord> {
    const [r] = await m.query<CriteriaRow[]>(
      `INSERT INTO financier_criteria (organization_id, ${CRITERIA_COLUMNS}, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (organization_id) DO UPDATE SET sectors = EXCLUDED.sectors, countries = EXCLUDED.countries,
         stages = EXCLUDED.stages, ticket_min = EXCLUDED.ticket_min, ticket_max = EXCLUDED.ticket_max,
         currency = EXCLUDED.currency, instruments = EXCLUDED.instruments, min_age_years = EXCLUDED.min_age_years,
         min_employee_band = EXCLUDED.min_employee_band, required_certifications = EXCLUDED.required_certifications,
         preferred_certifications = EXCLUDED.preferred_certifications,
         innovation_wanted = EXCLUDED.innovation_wanted, min_patents = EXCLUDED.min_patents,
         updated_by = EXCLUDED.updated_by, version = financier_criteria.version + 1, updated_at = now()
       RETURNING organization_id, ${CRITERIA_COLUMNS}, updated_at`,
      [
        organizationId,
        c.sectors,
        c.countries,
        c.stages,
        c.ticketMin,
        c.ticketMax,
        c.currency,
        c.instruments,
        c.minAgeYears,
        c.minEmployeeBand,
        c.requiredCertifications,
        c.preferredCertifications,
        c.innovationWanted,
        c.minPatents,
        userId,
      ],
    );
    return toCriteria(r);
  }

  /** Deletes the criteria; what they were, or null when there were none. */
  async delete(m: Sql, organizationId: string): Promise<CriteriaRecord | null> {
    const rows = await returning<CriteriaRow>(
      m,
      `DELETE FROM financier_criteria WHERE organization_id = $1 RETURNING *`,
      [organizationId],
    );
    return rows.length ? toCriteria(rows[0]) : null;
  }
}
