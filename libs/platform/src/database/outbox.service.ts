import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { JOB_OPTIONS, JOBS, QUEUES, type DrainOutboxJobData } from '../queue/queues.js';
import { currentRequestId } from '../logging/request-context.js';
import { OUTBOX_TOPICS, type OutboxEntityType } from './outbox.entity.js';

export interface Change {
  entityType: OutboxEntityType;
  entityId: string;
  op?: 'upsert' | 'delete';
}

/**
 * The write side of the transactional outbox: `record` inside the caller's transaction, `wake`
 * after it commits. A lost wake-up (Redis down, crash) only delays the drain: the worker also
 * drains on a timer, and the sweep repairs anything left behind.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

  constructor(@InjectQueue(QUEUES.searchSync) private readonly queue: Queue) {}

  async record(manager: EntityManager, changes: Change[]): Promise<void> {
    if (!changes.length) return;
    const requestId = currentRequestId() ?? null;
    // One row per consumer: search and matchmaking each mark their own rows done, so neither can lose the other's.
    const rows = OUTBOX_TOPICS.flatMap((topic) => changes.map((c) => ({ ...c, topic })));
    await manager.query(
      `INSERT INTO outbox (entity_type, entity_id, op, request_id, topic)
       SELECT unnest($1::text[]), unnest($2::uuid[]), unnest($3::text[]), $4, unnest($5::text[])`,
      [
        rows.map((c) => c.entityType),
        rows.map((c) => c.entityId),
        rows.map((c) => c.op ?? 'upsert'),
        requestId,
        rows.map((c) => c.topic),
      ],
    );
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
