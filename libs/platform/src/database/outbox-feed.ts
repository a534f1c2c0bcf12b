import { OUTBOX_TOPICS, type OutboxEntityType, type OutboxTopic } from './outbox.entity.js';
import { returning } from './returning.js';

/** Anything that runs SQL: a DataSource, an EntityManager or a QueryRunner. */
interface Runs {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** A row waiting for its consumer. */
export interface OutboxRow {
  id: string;
  entity_type: OutboxEntityType;
  entity_id: string;
}

export interface PendingQuery {
  /** Rows after this id (exclusive), in id order. */
  after: string;
  limit: number;
  /** Only rows older than the oldest row still pending for this topic (a consumer that waits for another). */
  behind?: OutboxTopic;
  /**
   * Only the rows of one shard: those whose `key` (an SQL expression of the row, aliased `x`,
   * answering a uuid) hashes to `index` of `count`. The owner of the entity tables gives the key.
   */
  shard?: { key: string; index: number; count: number };
}

/**
 * The read side of the outbox, for its consumers (the search drain, the matchmaking drain, the
 * metrics): each reads its topic's pending rows and marks them processed or failed. Rows are
 * written only by OutboxService.record.
 */
export const outboxFeed = {
  pending(db: Runs, topic: OutboxTopic, q: PendingQuery): Promise<OutboxRow[]> {
    const params: unknown[] = [topic, q.after, q.limit];
    const where: string[] = [];
    if (q.behind) {
      params.push(q.behind);
      where.push(`x.id < coalesce((SELECT min(id) FROM outbox WHERE topic = $${params.length} AND processed_at IS NULL),
                             9223372036854775807)`);
    }
    if (q.shard) {
      params.push(q.shard.index, q.shard.count);
      where.push(`mod(abs(hashtext((${q.shard.key})::text)), $${params.length}) = $${params.length - 1}`);
    }
    return db.query(
      `SELECT x.id, x.entity_type, x.entity_id FROM outbox x
        WHERE x.topic = $1 AND x.processed_at IS NULL AND x.id > $2::bigint
          ${where.map((w) => `AND ${w}`).join('\n          ')}
        ORDER BY x.id LIMIT $3`,
      params,
    ) as Promise<OutboxRow[]>;
  },

  async markProcessed(db: Runs, ids: readonly string[]): Promise<void> {
    if (ids.length)
      await db.query(`UPDATE outbox SET processed_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
  },

  /** Counts a failed attempt on the rows; they stay pending and are read again by the next drain. */
  async markFailed(db: Runs, ids: readonly string[], error: string): Promise<void> {
    if (ids.length)
      await db.query(
        `UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[])`,
        [ids, error.slice(0, 1000)],
      );
  },

  /** Marks every pending row of the topic processed (a rebuild from the tables covers them); answers how many. */
  async skipPending(db: Runs, topic: OutboxTopic): Promise<number> {
    const rows = await returning<unknown>(
      db,
      `UPDATE outbox SET processed_at = now() WHERE topic = $1 AND processed_at IS NULL RETURNING id`,
      [topic],
    );
    return rows.length;
  },

  /** Deletes rows processed longer ago than `days` days. */
  async purgeProcessed(db: Runs, days = 1): Promise<void> {
    await db.query(`DELETE FROM outbox WHERE processed_at < now() - make_interval(days => $1)`, [days]);
  },

  /** The entities of one type with a row of the topic still pending. */
  async pendingEntities(db: Runs, topic: OutboxTopic, entityType: OutboxEntityType): Promise<string[]> {
    const rows = (await db.query(
      `SELECT DISTINCT entity_id AS id FROM outbox WHERE topic = $1 AND entity_type = $2 AND processed_at IS NULL`,
      [topic, entityType],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  },

  /** Of `ids`, those with a row of the topic pending, or processed at `since` or later. */
  async touchedSince(
    db: Runs,
    topic: OutboxTopic,
    entityType: OutboxEntityType,
    ids: readonly string[],
    since: Date,
  ): Promise<string[]> {
    if (!ids.length) return [];
    const rows = (await db.query(
      `SELECT DISTINCT entity_id AS id FROM outbox
        WHERE topic = $1 AND entity_type = $2 AND entity_id = ANY($3::uuid[])
          AND (processed_at IS NULL OR processed_at >= $4)`,
      [topic, entityType, ids, since],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  },

  /** Rows of the topic not yet processed. */
  async backlog(db: Runs, topic: OutboxTopic): Promise<number> {
    const [{ n }] = (await db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE topic = $1 AND processed_at IS NULL`,
      [topic],
    )) as { n: number }[];
    return n;
  },

  /** Per topic: rows not yet processed and the age in seconds of the oldest (0 when none). */
  stats(db: Runs): Promise<{ topic: OutboxTopic; n: number; age: number }[]> {
    return db.query(
      `SELECT t.topic, count(o.id)::int AS n,
              COALESCE(EXTRACT(EPOCH FROM now() - min(o.created_at)), 0)::float8 AS age
         FROM unnest($1::text[]) AS t(topic)
         LEFT JOIN outbox o ON o.topic = t.topic AND o.processed_at IS NULL
        GROUP BY t.topic`,
      [OUTBOX_TOPICS],
    ) as Promise<{ topic: OutboxTopic; n: number; age: number }[]>;
  },
};
