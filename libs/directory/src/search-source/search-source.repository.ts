import { Injectable } from '@nestjs/common';
import { In, IsNull, type EntityManager } from 'typeorm';
import { OrganizationEntity } from '../organisation/organisation.entity.js';
import { OpportunityEntity } from '../opportunity/opportunity.entity.js';

/** Runs SQL: a DataSource, an EntityManager or a QueryRunner's manager. */
type Runs = Pick<EntityManager, 'query'>;

/** Organisations and opportunities read together, for documents that hold both. */
export interface SearchSourceRows {
  /** Every organisation read, by id: the ones asked for and the owners of `opportunities`. */
  organizations: Map<string, OrganizationEntity>;
  opportunities: OpportunityEntity[];
}

/**
 * What the directory lets search read of its organisations and opportunities, in bulk: the rows
 * search documents are built from, and which of them are listed right now. An organisation is
 * listed while ACTIVE; an opportunity while it is not archived and its organisation is listed.
 */
@Injectable()
export class SearchSourceRepository {
  /**
   * The rows of one batch of changes: the organisations `orgIds` (whatever their status), the
   * opportunities `oppIds` and the current (not archived) ones of those organisations, and the
   * organisations owning them.
   */
  async changed(m: EntityManager, orgIds: string[], oppIds: string[]): Promise<SearchSourceRows> {
    const orgs = orgIds.length ? await m.find(OrganizationEntity, { where: { id: In(orgIds) } }) : [];
    // An organisation's name, place and status are part of its opportunities' documents.
    const opportunities = await m.find(OpportunityEntity, {
      where: [
        ...(oppIds.length ? [{ id: In(oppIds) }] : []),
        ...(orgIds.length ? [{ organizationId: In(orgIds), archivedAt: IsNull() }] : []),
      ],
    });
    const organizations = new Map(orgs.map((o) => [o.id, o]));
    const missingOwners = [...new Set(opportunities.map((p) => p.organizationId))].filter(
      (id) => !organizations.has(id),
    );
    if (missingOwners.length)
      for (const o of await m.find(OrganizationEntity, { where: { id: In(missingOwners) } }))
        organizations.set(o.id, o);
    return { organizations, opportunities };
  }

  /** How many organisations are listed. */
  async countListed(m: Runs): Promise<number> {
    const [{ n }] = await m.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM organization WHERE status = 'ACTIVE'`,
    );
    return n;
  }

  /**
   * A page of listed organisations by id after `after`, with their current opportunities: what a
   * rebuild of the index sends, page by page.
   */
  async listedPage(
    m: EntityManager,
    after: string,
    limit: number,
  ): Promise<{ organizations: OrganizationEntity[]; opportunities: OpportunityEntity[] }> {
    const organizations = await m
      .createQueryBuilder(OrganizationEntity, 'o')
      .where('o.status = :s AND o.id > :after', { s: 'ACTIVE', after })
      .orderBy('o.id')
      .limit(limit)
      .getMany();
    if (organizations.length === 0) return { organizations, opportunities: [] };
    const opportunities = await m.find(OpportunityEntity, {
      where: { organizationId: In(organizations.map((o) => o.id)), archivedAt: IsNull() },
    });
    return { organizations, opportunities };
  }

  /** The organisations among `ids` that are listed right now (one primary-key lookup for the batch). */
  async listedOrganizationIds(m: Runs, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await m.query<{ id: string }[]>(
      `SELECT id FROM organization WHERE id = ANY($1::uuid[]) AND status = 'ACTIVE'`,
      [[...new Set(ids)]],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The opportunities among `ids` that are listed right now. */
  async listedOpportunityIds(m: Runs, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await m.query<{ id: string }[]>(
      `SELECT p.id FROM opportunity p JOIN organization o ON o.id = p.organization_id
       WHERE p.id = ANY($1::uuid[]) AND p.archived_at IS NULL AND o.status = 'ACTIVE'`,
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }
}
