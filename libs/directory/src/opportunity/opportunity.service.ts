import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, notFound, OutboxService, type Page, parseId, parseInput } from '#platform';
import { AuditService, type Viewer } from '#identity';
import { OpportunityEntity } from './opportunity.entity.js';
import { OrganizationEntity } from '../organisation/organisation.entity.js';
import {
  createOpportunitySchema,
  updateOpportunitySchema,
  type CreateOpportunityData,
} from './opportunity.schema.js';
import type { OpportunityFilter } from './opportunity.types.js';
import { OpportunityRepository } from './opportunity.repository.js';

/** The audited view of an opportunity. */
function snapshot(o: OpportunityEntity): Record<string, unknown> {
  const { version: _v, createdAt: _c, updatedAt: _u, ...rest } = o;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}

@Injectable()
export class OpportunityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    @Optional() private readonly rows: OpportunityRepository = new OpportunityRepository(),
  ) {}

  /** One opportunity; those of organisations that are not public exist only for whom `canSeeOwner` allows. */
  async get(
    id: string,
    canSeeOwner: (org: { id: string; status: string }) => Promise<boolean> = async (o) =>
      o.status === 'ACTIVE',
  ): Promise<OpportunityEntity> {
    const opp = await this.db.getRepository(OpportunityEntity).findOneBy({ id: parseId(id) });
    const owner = opp
      ? await this.db.getRepository(OrganizationEntity).findOne({
          where: { id: opp.organizationId },
          select: { id: true, status: true },
        })
      : null;
    if (!opp || !owner || !(await canSeeOwner(owner))) throw notFound('Opportunity', id);
    return opp;
  }

  async insert(
    m: EntityManager,
    organizationId: string,
    data: CreateOpportunityData,
  ): Promise<OpportunityEntity> {
    const opp = await m.save(OpportunityEntity, m.create(OpportunityEntity, { ...data, organizationId }));
    await this.outbox.record(m, [{ entityType: 'opportunity', entityId: opp.id }]);
    return opp;
  }

  async create(
    input: { organizationId: string } & Record<string, unknown>,
    actor: Viewer | null = null,
  ): Promise<OpportunityEntity> {
    const { organizationId: rawOrg, ...rest } = input;
    const organizationId = parseId(rawOrg, 'input.organizationId');
    const data = parseInput(createOpportunitySchema, rest);
    const opp = await this.db.transaction(async (m) => {
      // Locks the owner so it cannot be archived while its new opportunity is written.
      const owner = await m.findOne(OrganizationEntity, {
        where: { id: organizationId },
        lock: { mode: 'pessimistic_read' },
      });
      if (!owner) throw notFound('Organization', organizationId);
      if (owner.status !== 'ACTIVE' && owner.status !== 'PENDING')
        throw new AppError('CONFLICT', `Organization ${organizationId} is ${owner.status.toLowerCase()}`);
      const opp = await this.insert(m, organizationId, data);
      await this.audit.record(m, {
        actor,
        action: 'opportunity.create',
        entityType: 'opportunity',
        entityId: opp.id,
        after: snapshot(opp),
      });
      return opp;
    });
    await this.outbox.wake();
    return opp;
  }

  /** `root` is where the fields sit in the operation's arguments ('' when they are arguments themselves). */
  async update(
    input: { id: string; expectedVersion?: number | null } & Record<string, unknown>,
    root = 'input',
    actor: Viewer | null = null,
  ): Promise<OpportunityEntity> {
    const { id: rawId, expectedVersion, ...changes } = input;
    const id = parseId(rawId, root ? `${root}.id` : 'id');
    const patch = parseInput(updateOpportunitySchema, changes, root);
    const opp = await this.db.transaction(async (m) => {
      const current = await m.findOne(OpportunityEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw notFound('Opportunity', id);
      if (current.archivedAt) throw new AppError('CONFLICT', `Opportunity ${id} is archived`);
      if (expectedVersion != null && expectedVersion !== current.version)
        throw new AppError('CONFLICT', `Opportunity ${id} changed since version ${expectedVersion}`, {
          currentVersion: current.version,
        });
      const before = snapshot(current);
      const defined = Object.fromEntries(Object.entries(patch).filter(([k]) => changes[k] !== undefined));
      const merged = parseInput(
        createOpportunitySchema,
        {
          type: current.type,
          title: current.title,
          description: current.description,
          sectors: current.sectors,
          processes: current.processes,
          quantity: current.quantity,
          quantityUnit: current.quantityUnit,
          amount: current.amount,
          currency: current.currency,
          countries: current.countries,
          requiredCertifications: current.requiredCertifications,
          requiredProcesses: current.requiredProcesses,
          materials: current.materials,
          regionCodes: current.regionCodes,
          preferredCertifications: current.preferredCertifications,
          preferredRegionCodes: current.preferredRegionCodes,
          deadline: current.deadline,
          expiresAt: current.expiresAt,
          status: current.status,
          ...defined,
        },
        root,
      );
      m.merge(OpportunityEntity, current, merged);
      const saved = await m.save(OpportunityEntity, current);
      await this.audit.record(m, {
        actor,
        action: 'opportunity.update',
        entityType: 'opportunity',
        entityId: id,
        before,
        after: snapshot(saved),
      });
      await this.outbox.record(m, [{ entityType: 'opportunity', entityId: id }]);
      return saved;
    });
    await this.outbox.wake();
    return opp;
  }

  async archive(rawId: string, actor: Viewer | null = null): Promise<OpportunityEntity> {
    const id = parseId(rawId);
    const opp = await this.db.transaction(async (m) => {
      const current = await m.findOne(OpportunityEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw notFound('Opportunity', id);
      if (current.archivedAt) return current;
      current.archivedAt = new Date();
      const saved = await m.save(OpportunityEntity, current);
      await this.audit.record(m, {
        actor,
        action: 'opportunity.archive',
        entityType: 'opportunity',
        entityId: id,
        before: { archived: false },
        after: { archived: true },
      });
      await this.outbox.record(m, [{ entityType: 'opportunity', entityId: id }]);
      return saved;
    });
    await this.outbox.wake();
    return opp;
  }

  /**
   * Opportunities of public organisations, plus those of `ownOrganizations` (the viewer's, in any
   * status); `'all'` for organisers.
   */
  async list(
    filter: OpportunityFilter | undefined,
    first = 20,
    after?: string | null,
    ownOrganizations: string[] | 'all' = [],
  ): Promise<Page<OpportunityEntity>> {
    const f = filter ?? {};
    return this.rows.listPage(
      this.db,
      {
        visibleWith: ownOrganizations,
        includeArchived: !!f.includeArchived,
        types: f.types?.length ? f.types : null,
        statuses: f.statuses?.length ? f.statuses : null,
        organizationId: f.organizationId ? parseId(f.organizationId, 'filter.organizationId') : null,
      },
      first,
      after,
    );
  }
}
