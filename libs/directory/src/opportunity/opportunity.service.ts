import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, notFound, OutboxService } from '#platform';
import { OpportunityEntity } from './opportunity.entity.js';
import { OrganizationEntity } from '../organisation/organisation.entity.js';
import {
  createOpportunitySchema,
  updateOpportunitySchema,
  type CreateOpportunityData,
} from './opportunity.schema.js';
import { parseId, parseInput } from '../graphql/validation.js';
import { paginate, type Page } from '../graphql/pagination.js';
import type { OpportunityFilter } from './opportunity.types.js';

@Injectable()
export class OpportunityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async get(id: string): Promise<OpportunityEntity> {
    const opp = await this.db.getRepository(OpportunityEntity).findOneBy({ id: parseId(id) });
    if (!opp) throw notFound('Opportunity', id);
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

  async create(input: { organizationId: string } & Record<string, unknown>): Promise<OpportunityEntity> {
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
      if (owner.status !== 'ACTIVE')
        throw new AppError('CONFLICT', `Organization ${organizationId} is archived`);
      return this.insert(m, organizationId, data);
    });
    await this.outbox.wake();
    return opp;
  }

  /** `root` is where the fields sit in the operation's arguments ('' when they are arguments themselves). */
  async update(
    input: { id: string; expectedVersion?: number | null } & Record<string, unknown>,
    root = 'input',
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
          deadline: current.deadline,
          expiresAt: current.expiresAt,
          status: current.status,
          ...defined,
        },
        root,
      );
      m.merge(OpportunityEntity, current, merged);
      const saved = await m.save(OpportunityEntity, current);
      await this.outbox.record(m, [{ entityType: 'opportunity', entityId: id }]);
      return saved;
    });
    await this.outbox.wake();
    return opp;
  }

  async archive(rawId: string): Promise<OpportunityEntity> {
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
      await this.outbox.record(m, [{ entityType: 'opportunity', entityId: id }]);
      return saved;
    });
    await this.outbox.wake();
    return opp;
  }

  async list(
    filter: OpportunityFilter | undefined,
    first = 20,
    after?: string | null,
  ): Promise<Page<OpportunityEntity>> {
    const f = filter ?? {};
    const qb = this.db.getRepository(OpportunityEntity).createQueryBuilder('p');
    if (!f.includeArchived) qb.andWhere('p.archived_at IS NULL');
    if (f.types?.length) qb.andWhere('p.type IN (:...types)', { types: f.types });
    if (f.statuses?.length) qb.andWhere('p.status IN (:...statuses)', { statuses: f.statuses });
    if (f.organizationId)
      qb.andWhere('p.organization_id = :org', { org: parseId(f.organizationId, 'filter.organizationId') });
    return paginate(qb, first, after);
  }
}
