import { Injectable } from '@nestjs/common';
import type { Runs } from '../runs.js';

/** Runs the owner lookups libraries register as SQL (`registerOwnerLookup`), each on its own table. */
@Injectable()
export class OwnerLookupRepository {
  /** The `organization_id` the lookup returns for the record `id`, or null. */
  async organizationOf(db: Runs, sql: string, id: string): Promise<string | null> {
    const rows = await db.query<{ organization_id: string }[]>(sql, [id]);
    return rows[0]?.organization_id ?? null;
  }
}
