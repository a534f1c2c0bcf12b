import { Injectable } from '@nestjs/common';
import { returning } from '#platform';
import type { Runs } from '../runs.js';

/** Runs the retention statements other libraries register (`registerRetention`), each on its own tables. */
@Injectable()
export class RetentionRepository {
  /** Runs a registered `deleteSql` with the purge's moment and the rule's days: how many records went. */
  async purge(db: Runs, deleteSql: string, now: Date, days: number): Promise<number> {
    return (await returning<unknown>(db, deleteSql, [now, days])).length;
  }
}
