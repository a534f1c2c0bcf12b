import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, badInput, OutboxService, parseInput, returning } from '#platform';
import { AuditService } from '#identity';
import { directoryProfiles } from '#directory';
import {
  criteriaSchema,
  savedSearchSchema,
  type CriteriaData,
  type SavedSearchData,
} from '../criteria/criteria.schema.js';

export interface CriteriaRecord extends CriteriaData {
  organizationId: string;
  updatedAt: Date;
}

export interface SavedSearchRecord extends SavedSearchData {
  id: string;
  organizationId: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface AlertRecord {
  id: string;
  savedSearchId: string;
  organizationId: string;
  score: number;
  createdAt: Date;
  seenAt: Date | null;
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

interface SavedSearchRow {
  id: string;
  organization_id: string;
  name: string;
  query: string | null;
  criteria: CriteriaData;
  min_score: number;
  alerts_enabled: boolean;
  created_at: Date;
  updated_at: Date;
}

const toSearch = (r: SavedSearchRow): SavedSearchRecord => ({
  id: r.id,
  organizationId: r.organization_id,
  name: r.name,
  query: r.query,
  criteria: r.criteria,
  minScore: r.min_score,
  alertsEnabled: r.alerts_enabled,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const MAX_SAVED_SEARCHES = 50;

/** The audited view of a saved search: what it looks for, not when (field names only reach the log). */
const searchSnapshot = (r: SavedSearchRecord): Record<string, unknown> => ({
  name: r.name,
  query: r.query,
  criteria: r.criteria,
  minScore: r.minScore,
  alertsEnabled: r.alertsEnabled,
});
const criteriaSnapshot = ({ organizationId: _o, updatedAt: _u, ...rest }: CriteriaRecord) => ({ ...rest });

/**
 * A financier's private screening criteria and its saved searches. Only a FINANCIER organisation has
 * them; every change also queues the financier for a recompute through the outbox. The audit log
 * records which fields changed, never their values: its readers are not the financier's members.
 */
@Injectable()
export class FinancierService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  private actor = (userId: string | null) => (userId ? { userId } : null);

  private async requireFinancier(m: EntityManager | DataSource, organizationId: string): Promise<void> {
    const o = (await directoryProfiles.places(m, [organizationId])).get(organizationId);
    if (!o) throw new AppError('NOT_FOUND', 'no such organisation', { id: organizationId });
    if (o.kind !== 'FINANCIER')
      throw badInput([
        { path: 'organizationId', message: 'only a financing organisation has screening criteria' },
      ]);
  }

  private async queueRecompute(m: EntityManager, organizationId: string): Promise<void> {
    await this.outbox.record(m, [{ entityType: 'organization', entityId: organizationId }], ['match']);
  }

  async criteria(organizationId: string): Promise<CriteriaRecord | null> {
    const [r] = await this.db.query<CriteriaRow[]>(
      `SELECT organization_id, ${CRITERIA_COLUMNS}, updated_at FROM financier_criteria WHERE organization_id = $1`,
      [organizationId],
    );
    return r ? toCriteria(r) : null;
  }

  async setCriteria(organizationId: string, input: unknown, userId: string | null): Promise<CriteriaRecord> {
    const c = parseInput(criteriaSchema, input);
    return this.db.transaction(async (m) => {
      await this.requireFinancier(m, organizationId);
      const [old] = await m.query<CriteriaRow[]>(
        `SELECT organization_id, ${CRITERIA_COLUMNS}, updated_at FROM financier_criteria
         WHERE organization_id = $1 FOR UPDATE`,
        [organizationId],
      );
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
      await this.queueRecompute(m, organizationId);
      const saved = toCriteria(r);
      await this.audit.record(m, {
        actor: this.actor(userId),
        valuesWithheld: true,
        action: old ? 'financier_criteria.update' : 'financier_criteria.create',
        entityType: 'financier_criteria',
        entityId: organizationId,
        before: old ? criteriaSnapshot(toCriteria(old)) : null,
        after: criteriaSnapshot(saved),
      });
      return saved;
    });
  }

  async deleteCriteria(organizationId: string, userId: string | null = null): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const rows = await returning<CriteriaRow>(
        m,
        `DELETE FROM financier_criteria WHERE organization_id = $1 RETURNING *`,
        [organizationId],
      );
      if (!rows.length) return false;
      await this.queueRecompute(m, organizationId);
      await this.audit.record(m, {
        actor: this.actor(userId),
        valuesWithheld: true,
        action: 'financier_criteria.delete',
        entityType: 'financier_criteria',
        entityId: organizationId,
        before: criteriaSnapshot(toCriteria(rows[0])),
      });
      return true;
    });
  }

  async savedSearches(organizationId: string): Promise<SavedSearchRecord[]> {
    const rows = await this.db.query<SavedSearchRow[]>(
      `SELECT * FROM saved_search WHERE organization_id = $1 ORDER BY created_at, id`,
      [organizationId],
    );
    return rows.map(toSearch);
  }

  async createSavedSearch(
    organizationId: string,
    input: unknown,
    userId: string | null,
  ): Promise<SavedSearchRecord> {
    const s = parseInput(savedSearchSchema, input);
    return this.db.transaction(async (m) => {
      await this.requireFinancier(m, organizationId);
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('saved_search:' || $1))`, [organizationId]);
      const [{ n }] = await m.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM saved_search WHERE organization_id = $1`,
        [organizationId],
      );
      if (n >= MAX_SAVED_SEARCHES)
        throw new AppError('QUOTA_EXCEEDED', `at most ${MAX_SAVED_SEARCHES} saved searches`, {
          limit: MAX_SAVED_SEARCHES,
        });
      const [r] = await m.query<SavedSearchRow[]>(
        `INSERT INTO saved_search (organization_id, name, query, criteria, min_score, alerts_enabled, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [organizationId, s.name, s.query, JSON.stringify(s.criteria), s.minScore, s.alertsEnabled, userId],
      );
      const created = toSearch(r);
      await this.audit.record(m, {
        actor: this.actor(userId),
        valuesWithheld: true,
        action: 'saved_search.create',
        entityType: 'saved_search',
        entityId: created.id,
        after: { organizationId, ...searchSnapshot(created) },
      });
      return created;
    });
  }

  async updateSavedSearch(
    organizationId: string,
    id: string,
    input: unknown,
    userId: string | null = null,
  ): Promise<SavedSearchRecord> {
    const s = parseInput(savedSearchSchema, input);
    return this.db.transaction(async (m) => {
      const [old] = await m.query<SavedSearchRow[]>(
        `SELECT * FROM saved_search WHERE id = $1 AND organization_id = $2 FOR UPDATE`,
        [id, organizationId],
      );
      if (!old) throw new AppError('NOT_FOUND', 'no such saved search for this organisation', { id });
      const [r] = await returning<SavedSearchRow>(
        m,
        `UPDATE saved_search SET name = $3, query = $4, criteria = $5, min_score = $6, alerts_enabled = $7,
           updated_at = now()
         WHERE id = $1 AND organization_id = $2 RETURNING *`,
        [id, organizationId, s.name, s.query, JSON.stringify(s.criteria), s.minScore, s.alertsEnabled],
      );
      const updated = toSearch(r);
      await this.audit.record(m, {
        actor: this.actor(userId),
        valuesWithheld: true,
        action: 'saved_search.update',
        entityType: 'saved_search',
        entityId: id,
        before: searchSnapshot(toSearch(old)),
        after: searchSnapshot(updated),
      });
      return updated;
    });
  }

  async deleteSavedSearch(
    organizationId: string,
    id: string,
    userId: string | null = null,
  ): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const rows = await returning<SavedSearchRow>(
        m,
        `DELETE FROM saved_search WHERE id = $1 AND organization_id = $2 RETURNING *`,
        [id, organizationId],
      );
      if (!rows.length) throw new AppError('NOT_FOUND', 'no such saved search for this organisation', { id });
      await this.audit.record(m, {
        actor: this.actor(userId),
        valuesWithheld: true,
        action: 'saved_search.delete',
        entityType: 'saved_search',
        entityId: id,
        before: { organizationId, ...searchSnapshot(toSearch(rows[0])) },
      });
      return true;
    });
  }

  /** Newest alerts of the organisation's saved searches. */
  async alerts(organizationId: string, savedSearchId: string | null, first: number): Promise<AlertRecord[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100)
      throw badInput([{ path: 'first', message: 'must be between 1 and 100' }]);
    const rows = await this.db.query<
      {
        id: string;
        saved_search_id: string;
        organization_id: string;
        score: number;
        created_at: Date;
        seen_at: Date | null;
      }[]
    >(
      `SELECT a.id, a.saved_search_id, a.organization_id, a.score, a.created_at, a.seen_at
       FROM saved_search_alert a JOIN saved_search s ON s.id = a.saved_search_id
       WHERE s.organization_id = $1 AND ($2::uuid IS NULL OR s.id = $2)
       ORDER BY a.created_at DESC, a.id LIMIT $3`,
      [organizationId, savedSearchId, first],
    );
    return rows.map((r) => ({
      id: r.id,
      savedSearchId: r.saved_search_id,
      organizationId: r.organization_id,
      score: r.score,
      createdAt: r.created_at,
      seenAt: r.seen_at,
    }));
  }
}
