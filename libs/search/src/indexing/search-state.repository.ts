import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Runs SQL: a DataSource, an EntityManager or a QueryRunner's manager. */
type Runs = Pick<EntityManager, 'query'>;

/** Held by whoever writes to the search indexes, so drains and a rebuild never interleave. */
const SEARCH_WRITER_LOCK = 727_245_002;

export type SearchEntityType = 'organization' | 'opportunity';

/**
 * The rows search must hold, per entity type: what the sweep compares the index with, read from
 * the views the directory publishes (its rule of what is listed).
 */
const LIVE = {
  organization: `SELECT id, version FROM directory_listed_organization_v`,
  opportunity: `SELECT id, version, organization_id FROM directory_current_opportunity_v WHERE listed`,
} as const;

/**
 * The SQL of `search_state` (the version of each document the index last received) and of the
 * search writer's lock. Takes the writer's connection (a QueryRunner's manager): the lock is a
 * session lock, held on that connection.
 */
@Injectable()
export class SearchStateRepository {
  /** Waits for the writer lock. */
  async lock(m: Runs): Promise<void> {
    await m.query('SELECT pg_advisory_lock($1)', [SEARCH_WRITER_LOCK]);
  }

  /** Takes the writer lock unless another session holds it; whether it was taken. */
  async tryLock(m: Runs): Promise<boolean> {
    const [{ ok }] = await m.query<{ ok: boolean }[]>('SELECT pg_try_advisory_lock($1) AS ok', [
      SEARCH_WRITER_LOCK,
    ]);
    return ok;
  }

  async unlock(m: Runs): Promise<void> {
    await m.query('SELECT pg_advisory_unlock($1)', [SEARCH_WRITER_LOCK]);
  }

  /** Notes the versions the index now holds (`present`) and the documents it no longer holds (`gone`). */
  async record(
    m: Runs,
    type: SearchEntityType,
    present: { id: string; version: number }[],
    gone: string[],
  ): Promise<void> {
    if (present.length)
      await m.query(
        `INSERT INTO search_state (entity_type, entity_id, version)
         SELECT $1, unnest($2::uuid[]), unnest($3::int[])
         ON CONFLICT (entity_type, entity_id) DO UPDATE SET version = EXCLUDED.version, indexed_at = now()`,
        [type, present.map((p) => p.id), present.map((p) => p.version)],
      );
    if (gone.length)
      await m.query(`DELETE FROM search_state WHERE entity_type = $1 AND entity_id = ANY($2::uuid[])`, [
        type,
        gone,
      ]);
  }

  /** How many documents of a type the index should hold, by what it last received. */
  async count(m: Runs, type: SearchEntityType): Promise<number> {
    const [{ n }] = await m.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM search_state WHERE entity_type = $1`,
      [type],
    );
    return n;
  }

  /** Forgets what the index received, of one type or of every type. */
  async clear(m: Runs, type?: SearchEntityType): Promise<void> {
    if (type) await m.query(`DELETE FROM search_state WHERE entity_type = $1`, [type]);
    else await m.query(`DELETE FROM search_state`);
  }

  /** The ids of the entities of a type the index must hold. */
  async liveIds(m: Runs, type: SearchEntityType): Promise<Set<string>> {
    return new Set((await m.query<{ id: string }[]>(LIVE[type])).map((r) => r.id));
  }

  /**
   * Entities whose document is missing, stale or orphaned, by what the index last received.
   * Current opportunities of the organisations `pendingOrgs` are left out: draining those
   * organisations' rows rewrites them.
   */
  drift(m: Runs, pendingOrgs: string[]): Promise<{ t: SearchEntityType; id: string }[]> {
    return m.query(
      `WITH live_org AS (${LIVE.organization}), live_opp AS (${LIVE.opportunity}),
        pending_org AS (SELECT unnest($1::uuid[]) AS id)
        SELECT 'organization' AS t, l.id FROM live_org l
          LEFT JOIN search_state s ON s.entity_type = 'organization' AND s.entity_id = l.id
          WHERE s.version IS DISTINCT FROM l.version
        UNION ALL
        SELECT 'organization', s.entity_id FROM search_state s
          WHERE s.entity_type = 'organization' AND NOT EXISTS (SELECT 1 FROM live_org l WHERE l.id = s.entity_id)
        UNION ALL
        SELECT 'opportunity', l.id FROM live_opp l
          LEFT JOIN search_state s ON s.entity_type = 'opportunity' AND s.entity_id = l.id
          WHERE s.version IS DISTINCT FROM l.version
            AND NOT EXISTS (SELECT 1 FROM pending_org o WHERE o.id = l.organization_id)
        UNION ALL
        SELECT 'opportunity', s.entity_id FROM search_state s
          WHERE s.entity_type = 'opportunity' AND NOT EXISTS (SELECT 1 FROM live_opp l WHERE l.id = s.entity_id)
            AND NOT EXISTS (SELECT 1 FROM directory_current_opportunity_v p JOIN pending_org o ON o.id = p.organization_id
                             WHERE p.id = s.entity_id)`,
      [pendingOrgs],
    );
  }
}
