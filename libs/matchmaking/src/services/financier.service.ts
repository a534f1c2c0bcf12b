import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, badInput, OutboxService, parseInput } from '#platform';
import { AuditService } from '#identity';
import { directoryProfiles } from '#directory';
import { criteriaSchema, savedSearchSchema } from '../criteria/criteria.schema.js';
import {
  FinancierCriteriaRepository,
  type CriteriaRecord,
} from '../storage/financier-criteria.repository.js';
import {
  SavedSearchRepository,
  type AlertRecord,
  type SavedSearchRecord,
} from '../storage/saved-search.repository.js';

export type { CriteriaRecord } from '../storage/financier-criteria.repository.js';
export type { AlertRecord, SavedSearchRecord } from '../storage/saved-search.repository.js';

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
    private readonly criteriaRows: FinancierCriteriaRepository = new FinancierCriteriaRepository(),
    private readonly searches: SavedSearchRepository = new SavedSearchRepository(),
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
    return this.criteriaRows.find(this.db, organizationId);
  }

  async setCriteria(organizationId: string, input: unknown, userId: string | null): Promise<CriteriaRecord> {
    const c = parseInput(criteriaSchema, input);
    return this.db.transaction(async (m) => {
      await this.requireFinancier(m, organizationId);
      const old = await this.criteriaRows.findForUpdate(m, organizationId);
      const saved = await this.criteriaRows.save(m, organizationId, c, userId);
      await this.queueRecompute(m, organizationId);
      await this.audit.record(m, {
        actor: this.actor(userId),
        valuesWithheld: true,
        action: old ? 'financier_criteria.update' : 'financier_criteria.create',
        entityType: 'financier_criteria',
        entityId: organizationId,
        before: old ? criteriaSnapshot(old) : null,
        after: criteriaSnapshot(saved),
      });
      return saved;
    });
  }

  async deleteCriteria(organizationId: string, userId: string | null = null): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const deleted = await this.criteriaRows.delete(m, organizationId);
      if (!deleted) return false;
      await this.queueRecompute(m, organizationId);
      await this.audit.record(m, {
        actor: this.actor(userId),
        valuesWithheld: true,
        action: 'financier_criteria.delete',
        entityType: 'financier_criteria',
        entityId: organizationId,
        before: criteriaSnapshot(deleted),
      });
      return true;
    });
  }

  async savedSearches(organizationId: string): Promise<SavedSearchRecord[]> {
    return this.searches.listOf(this.db, organizationId);
  }

  async createSavedSearch(
    organizationId: string,
    input: unknown,
    userId: string | null,
  ): Promise<SavedSearchRecord> {
    const s = parseInput(savedSearchSchema, input);
    return this.db.transaction(async (m) => {
      await this.requireFinancier(m, organizationId);
      await this.searches.lockCreations(m, organizationId);
      if ((await this.searches.countOf(m, organizationId)) >= MAX_SAVED_SEARCHES)
        throw new AppError('QUOTA_EXCEEDED', `at most ${MAX_SAVED_SEARCHES} saved searches`, {
          limit: MAX_SAVED_SEARCHES,
        });
      const created = await this.searches.create(m, organizationId, s, userId);
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
      const old = await this.searches.findForUpdate(m, id, organizationId);
      if (!old) throw new AppError('NOT_FOUND', 'no such saved search for this organisation', { id });
      const updated = await this.searches.update(m, id, organizationId, s);
      await this.audit.record(m, {
        actor: this.actor(userId),
        valuesWithheld: true,
        action: 'saved_search.update',
        entityType: 'saved_search',
        entityId: id,
        before: searchSnapshot(old),
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
      const deleted = await this.searches.delete(m, id, organizationId);
      if (!deleted) throw new AppError('NOT_FOUND', 'no such saved search for this organisation', { id });
      await this.audit.record(m, {
        actor: this.actor(userId),
        valuesWithheld: true,
        action: 'saved_search.delete',
        entityType: 'saved_search',
        entityId: id,
        before: { organizationId, ...searchSnapshot(deleted) },
      });
      return true;
    });
  }

  /** Newest alerts of the organisation's saved searches. */
  async alerts(organizationId: string, savedSearchId: string | null, first: number): Promise<AlertRecord[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100)
      throw badInput([{ path: 'first', message: 'must be between 1 and 100' }]);
    return this.searches.alertsOf(this.db, organizationId, savedSearchId, first);
  }
}
