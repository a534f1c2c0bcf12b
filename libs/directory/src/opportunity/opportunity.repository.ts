import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { paginate, type Page } from '#platform';
import { OpportunityEntity } from './opportunity.entity.js';

/** The filters of the opportunity list, checked already. Each null filter is left out. */
export interface OpportunityCriteria {
  /** Opportunities of public organisations plus those of these organisations; 'all' for every one. */
  visibleWith: string[] | 'all';
  includeArchived: boolean;
  types: string[] | null;
  statuses: string[] | null;
  organizationId: string | null;
}

/** The SQL of `opportunity` that its entity's repository does not cover. */
@Injectable()
export class OpportunityRepository {
  /** The organisation owning an opportunity; null for an unknown opportunity. */
  async organizationOf(m: Pick<EntityManager, 'query'>, id: string): Promise<string | null> {
    const [row] = await m.query<{ organization_id: string }[]>(
      `SELECT organization_id FROM opportunity WHERE id = $1`,
      [id],
    );
    return row?.organization_id ?? null;
  }

  /** A page of opportunities, by (created_at, id). */
  listPage(
    db: DataSource,
    c: OpportunityCriteria,
    first: number,
    after?: string | null,
  ): Promise<Page<OpportunityEntity>> {
    const qb = db.getRepository(OpportunityEntity).createQueryBuilder('p');
    if (c.visibleWith !== 'all')
      qb.andWhere(
        `(EXISTS (SELECT 1 FROM organization o WHERE o.id = p.organization_id AND o.status = 'ACTIVE')
          OR p.organization_id = ANY(:own))`,
        { own: c.visibleWith },
      );
    if (!c.includeArchived) qb.andWhere('p.archived_at IS NULL');
    if (c.types) qb.andWhere('p.type IN (:...types)', { types: c.types });
    if (c.statuses) qb.andWhere('p.status IN (:...statuses)', { statuses: c.statuses });
    if (c.organizationId) qb.andWhere('p.organization_id = :org', { org: c.organizationId });
    return paginate(qb, first, after);
  }
}
