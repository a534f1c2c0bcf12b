import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { directoryFacts } from '#directory';
import type { TextByLang } from '../edition/edition.entity.js';
import { DelegateRepository } from '../registration/delegate.repository.js';

export interface OrganizationSummary {
  name: TextByLang;
  country: string;
}

export interface ForumLoaders {
  /** An organisation's name and country, by id. */
  organization: DataLoader<string, OrganizationSummary | null>;
  /** A delegate's name, by id. */
  delegateName: DataLoader<string, string | null>;
}

/**
 * Per-request DataLoaders for the forum's relation fields: a page of delegates or requests costs
 * one query per field, whatever its size. Loaders live on the request's GraphQL context.
 */
@Injectable()
export class ForumLoaderFactory {
  private readonly perRequest = new WeakMap<object, ForumLoaders>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly delegates: DelegateRepository,
  ) {}

  for(context: object): ForumLoaders {
    let loaders = this.perRequest.get(context);
    if (!loaders) {
      loaders = this.create();
      this.perRequest.set(context, loaders);
    }
    return loaders;
  }

  private create(): ForumLoaders {
    return {
      organization: new DataLoader(async (ids) => {
        const byId = await directoryFacts.organizations(this.db, ids);
        return ids.map((id) => {
          const o = byId.get(id);
          return o ? { name: o.name, country: o.country } : null;
        });
      }),
      delegateName: new DataLoader(async (ids) => {
        const byId = await this.delegates.names(this.db.manager, ids);
        return ids.map((id) => byId.get(id) ?? null);
      }),
    };
  }
}
