import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import type { TextByLang } from '../edition/edition.entity.js';

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

  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
        const rows = await this.db.query<{ id: string; name: TextByLang; country: string }[]>(
          `SELECT id::text AS id, name, country FROM organization WHERE id = ANY($1::uuid[])`,
          [[...ids]],
        );
        const byId = new Map(rows.map((r) => [r.id, { name: r.name, country: r.country }]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
      delegateName: new DataLoader(async (ids) => {
        const rows = await this.db.query<{ id: string; name: string }[]>(
          `SELECT id::text AS id, name FROM forum_delegate WHERE id = ANY($1::uuid[])`,
          [[...ids]],
        );
        const byId = new Map(rows.map((r) => [r.id, r.name]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    };
  }
}
