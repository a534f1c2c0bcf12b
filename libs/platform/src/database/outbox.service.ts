import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { JOB_OPTIONS, JOBS, QUEUES, type DrainOutboxJobData } from '../queue/queues.js';
import { currentRequestId } from '../logging/request-context.js';
import { OUTBOX_TOPICS, type OutboxEntityType, type OutboxTopic } from './outbox.entity.js';

export interface Change {
  entityType: OutboxEntityType;
  entityId: string;
  op?: 'upsert' | 'delete';
}

export interface RecordOptions {
  /**
   * Skip a change that already has a row of the same topic waiting (not yet processed): the
   * pending row covers it. Parallel callers wanting one row per entity serialise themselves
   * (an advisory lock), since the check cannot see rows of a transaction not yet committed.
   */
  unlessPending?: boolean;
}

/**
 * Writes one row per change and topic (every topic unless told), topic by topic in the order of
 * OUTBOX_TOPICS so a change's search row precedes its match row, in the order of the changes
 * within a topic. Answers how many rows it wrote. The one statement that writes outbox rows:
 * `OutboxService.record` in the application, and the benchmarks that queue a backlog as an import
 * leaves it.
 */
export async function recordChanges(
  manager: Pick<EntityManager, 'query'>,
  changes: Change[],
  topics: readonly OutboxTopic[] = OUTBOX_TOPICS,
  options: RecordOptions = {},
): Promise<number> {
  if (!changes.length || !topics.length) return 0;
  const requestId = currentRequestId() ?? null;
  // One row per consumer: search and matchmaking each mark their own rows done, so neither can lose the other's.
  const ordered = OUTBOX_TOPICS.filter((t) => topics.includes(t));
  const rows = ordered.flatMap((topic) => changes.map((c) => ({ ...c, topic })));
  const written = await manager.query<unknown[]>(
    `INSERT INTO outbox (entity_type, entity_id, op, request_id, topic)
     SELECT c.entity_type, c.entity_id, c.op, $4, c.topic
       FROM unnest($1::text[], $2::uuid[], $3::text[], $5::text[]) WITH ORDINALITY
            AS c(entity_type, entity_id, op, topic, n)
      WHERE NOT $6::boolean OR NOT EXISTS (
        SELECT 1 FROM outbox p
         WHERE p.topic = c.topic AND p.entity_type = c.entity_type AND p.entity_id = c.entity_id
           AND p.processed_at IS NULL)
      ORDER BY c.n
     RETURNING id`,
    [
      rows.map((c) => c.entityType),
      rows.map((c) => c.entityId),
      rows.map((c) => c.op ?? 'upsert'),
      requestId,
      rows.map((c) => c.topic),
      options.unlessPending ?? false,
    ],
  );
  return written.length;
}

/**
 * The write side of the transactional outbox, and its only writer: `record` inside the caller's
 * transaction, `wake` after it commits. A lost wake-up (Redis down, crash) only delays the drain:
 * the worker also drains on a timer, and the sweep repairs anything left behind. The consumers
 * read and acknowledge their rows through `outboxFeed`.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

  constructor(@InjectQueue(QUEUES.searchSync) private readonly queue: Queue) {}

  /** Writes the changes' rows in the caller's transaction (`recordChanges`). */
  async record(
    manager: Pick<EntityManager, 'query'>,
    changes: Change[],
    topics: readonly OutboxTopic[] = OUTBOX_TOPICS,
    options: RecordOptions = {},
  ): Promise<number> {
    return recordChanges(manager, changes, topics, options);
  }

  async wake(): Promise<void> {
    const data: DrainOutboxJobData = { requestId: currentRequestId() };
    try {
      await Promise.race([
        this.queue.add(JOBS.drainOutbox, data, JOB_OPTIONS.drain),
        new Promise((_, reject) => setTimeout(() => reject(new Error('Redis did not answer in 1 s')), 1000)),
      ]);
    } catch (e) {
      this.logger.warn(
        { err: (e as Error).message },
        'could not wake the outbox drain; the periodic drain will pick the change up',
      );
    }
  }
}
