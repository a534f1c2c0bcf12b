import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { OutboxService } from '#platform';
import { directoryProfiles } from '#directory';
import { forumFacts } from '#forum';
import { MatchDrainRepository } from '../storage/match-drain.repository.js';
import { MATCH_JOB_OPTIONS, MATCH_JOBS, MATCH_QUEUE } from '../jobs/matchmaking.jobs.js';

/**
 * What the api asks of the matchmaking worker. A request is an outbox row first (durable), then a
 * debounced wake-up of the drain; a lost wake-up only waits for the drain's timer.
 */
@Injectable()
export class MatchmakingCommands {
  private readonly logger = new Logger(MatchmakingCommands.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(MATCH_QUEUE) private readonly queue: Queue,
    private readonly outbox: OutboxService,
    private readonly drainLocks: MatchDrainRepository = new MatchDrainRepository(),
  ) {}

  /**
   * Queues one recompute of the organisation. While one is pending (its outbox row not yet
   * drained) further requests fold into it: a lock per organisation makes parallel requests
   * queue one row, not one each.
   */
  async requestRecompute(organizationId: string): Promise<void> {
    const queued = await this.db.transaction(async (m) => {
      await this.drainLocks.lockRecomputeRequest(m, organizationId);
      const known = (await directoryProfiles.places(m, [organizationId])).has(organizationId);
      if (!known) return 0;
      return this.outbox.record(m, [{ entityType: 'organization', entityId: organizationId }], ['match'], {
        unlessPending: true,
      });
    });
    if (queued) await this.wake();
  }

  /** Every organisation with a registered delegate in the edition, for its meeting suggestions. */
  async requestEditionRecompute(editionId: string): Promise<number> {
    const organizations = await forumFacts.registeredOrganizations(this.db, editionId);
    const queued = await this.outbox.record(
      this.db,
      organizations.map((id) => ({ entityType: 'organization' as const, entityId: id })),
      ['match'],
    );
    if (queued) await this.wake();
    return queued;
  }

  async wake(): Promise<void> {
    try {
      await Promise.race([
        this.queue.add(MATCH_JOBS.drainOutbox, {}, MATCH_JOB_OPTIONS.drain),
        new Promise((_, reject) => setTimeout(() => reject(new Error('Redis did not answer in 1 s')), 1000)),
      ]);
    } catch (e) {
      this.logger.warn({ err: (e as Error).message }, 'could not wake the matchmaking drain; its timer will');
    }
  }
}
