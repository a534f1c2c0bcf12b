import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In, IsNull } from 'typeorm';
import { OpportunityEntity } from '../opportunity/opportunity.entity.js';
import { OrganizationEntity } from '../organisation/organisation.entity.js';
import { ContactPersonEntity } from '../organisation/contact-person.entity.js';

export interface DirectoryLoaders {
  organization: DataLoader<string, OrganizationEntity | null>;
  opportunitiesOf: DataLoader<string, OpportunityEntity[]>;
  contactsOf: DataLoader<string, ContactPersonEntity[]>;
}

const groupBy = <T>(rows: T[], key: (r: T) => string): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
};

/**
 * Per-request DataLoaders: a relation field asked on a whole page of organisations costs one
 * query, whatever the page size. Loaders live on the GraphQL context object of the request.
 */
@Injectable()
export class DirectoryLoaderFactory {
  private readonly perRequest = new WeakMap<object, DirectoryLoaders>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  for(context: object): DirectoryLoaders {
    let loaders = this.perRequest.get(context);
    if (!loaders) {
      loaders = this.create();
      this.perRequest.set(context, loaders);
    }
    return loaders;
  }

  private create(): DirectoryLoaders {
    return {
      organization: new DataLoader(async (ids) => {
        const rows = await this.db.getRepository(OrganizationEntity).findBy({ id: In([...ids]) });
        const byId = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
      opportunitiesOf: new DataLoader(async (orgIds) => {
        const rows = await this.db.getRepository(OpportunityEntity).find({
          where: { organizationId: In([...orgIds]), archivedAt: IsNull() },
          order: { createdAt: 'ASC', id: 'ASC' },
        });
        const byOrg = groupBy(rows, (r) => r.organizationId);
        return orgIds.map((id) => byOrg.get(id) ?? []);
      }),
      contactsOf: new DataLoader(async (orgIds) => {
        const rows = await this.db.getRepository(ContactPersonEntity).find({
          where: { organizationId: In([...orgIds]) },
          order: { position: 'ASC' },
        });
        const byOrg = groupBy(rows, (r) => r.organizationId);
        return orgIds.map((id) => byOrg.get(id) ?? []);
      }),
    };
  }
}
