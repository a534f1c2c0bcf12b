import { Injectable } from '@nestjs/common';
import type { Sql } from './profile.repository.js';

/**
 * With a shard number, names the lock a drain holds on one shard of organisations while it
 * recomputes them, so two drains (in one worker or in several) never recompute the same one.
 */
const MATCH_DRAIN_LOCK = 727_245_101;

/**
 * The locks and clock of the match drain: the shard locks and the clock on the drain's own
 * connection, the per-organisation lock of a recompute request in the caller's transaction.
 */
@Injectable()
export class MatchDrainRepository {
  /** The database's clock: when the drain started, as the outbox rows' timestamps read it. */
  async now(runner: Sql): Promise<Date> {
    const [{ started }] = await runner.query<{ started: Date }[]>(`SELECT now() AS started`);
    return started;
  }

  /** Takes the lock of one shard if no other session holds it; true when taken. */
  async tryLockShard(runner: Sql, shard: number): Promise<boolean> {
    const [{ ok }] = await runner.query<{ ok: boolean }[]>(
      'SELECT pg_try_advisory_lock($1::int, $2::int) AS ok',
      [MATCH_DRAIN_LOCK, shard],
    );
    return ok;
  }

  /** Serialises the recompute requests of one organisation until the caller's transaction ends. */
  async lockRecomputeRequest(m: Sql, organizationId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('match-recompute:' || $1, 0))`, [
      organizationId,
    ]);
  }

  async unlockShard(runner: Sql, shard: number): Promise<void> {
    await runner.query('SELECT pg_advisory_unlock($1::int, $2::int)', [MATCH_DRAIN_LOCK, shard]);
  }
}
