import { Injectable } from '@nestjs/common';
import type { Sql } from './profile.repository.js';

/** Full recompute runs (`match_run`). */
@Injectable()
export class MatchRunRepository {
  /** Opens (or reopens) the run named by `key`; the id is derived from the key. */
  async open(db: Sql, key: string): Promise<string> {
    const [{ id }] = await db.query<{ id: string }[]>(
      `INSERT INTO match_run (id, kind) VALUES (md5($1)::uuid, 'FULL')
       ON CONFLICT (id) DO UPDATE SET status = 'RUNNING', finished_at = NULL RETURNING id`,
      [`full:${key}`],
    );
    return id;
  }

  /** Adds a shard's organisations and suggestions to the run's counts. */
  async addCounts(db: Sql, runId: string, organizations: number, suggestions: number): Promise<void> {
    await db.query(
      `UPDATE match_run SET organizations = organizations + $2, suggestions = suggestions + $3 WHERE id = $1`,
      [runId, organizations, suggestions],
    );
  }

  async finish(db: Sql, runId: string): Promise<void> {
    await db.query(`UPDATE match_run SET status = 'DONE', finished_at = now() WHERE id = $1`, [runId]);
  }
}
