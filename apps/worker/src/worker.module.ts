import {
  type DynamicModule,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DiscoveryModule, ModuleRef } from '@nestjs/core';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { APP_CONFIG, JOB_OPTIONS, JOBS, PlatformModule, QUEUES, type AppConfig } from '#platform';
import { DIRECTORY_ENTITIES, DirectoryModule } from '#directory';
import { SearchIndexerService, SearchModule } from '#search';
import { IdentityJobsModule, IdentityModule } from '#identity';
import { IdentityProcessor } from './identity.processor.js';
import { HANDLED_JOBS, SearchSyncProcessor } from './search-sync.processor.js';
import { MatchmakingModule } from '#matchmaking';
import { MatchmakingProcessor } from './matchmaking.processor.js';
import { FORUM_ENTITIES, ForumModule } from '#forum';
import { ForumProcessor } from './forum.processor.js';
import { NotificationsJobsModule, NotificationsModule } from '#notifications';
import { MailProcessor } from './mail.processor.js';
import { WorkerMetrics } from './worker-metrics.js';

/** Providers that put their job schedules in Redis at start-up (idempotent upserts). */
const SCHEDULERS = [MatchmakingProcessor, ForumProcessor, IdentityProcessor, MailProcessor];

@Module({})
export class WorkerModule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WorkerModule.name);
  private watch: NodeJS.Timeout | null = null;
  private rescheduling = false;

  constructor(
    private readonly indexer: SearchIndexerService,
    @InjectQueue(QUEUES.searchSync) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly modules: ModuleRef,
  ) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(config, [...DIRECTORY_ENTITIES, ...FORUM_ENTITIES]),
        IdentityModule,
        IdentityJobsModule,
        DirectoryModule,
        NotificationsModule,
        NotificationsJobsModule,
        SearchModule,
        MatchmakingModule,
        ForumModule,
        DiscoveryModule,
      ],
      providers: [
        SearchSyncProcessor,
        MatchmakingProcessor,
        ForumProcessor,
        IdentityProcessor,
        MailProcessor,
        WorkerMetrics,
      ],
    };
  }

  /** Indexes exist before the first drain; the sweep (which also drains) runs on a timer. */
  async onApplicationBootstrap(): Promise<void> {
    const unhandled = Object.values(JOBS).filter((name) => !HANDLED_JOBS.includes(name));
    if (unhandled.length) throw new Error(`no processor handles job(s): ${unhandled.join(', ')}`);
    await this.indexer.ensureIndexes();
    await this.scheduleSearch();
    this.logger.log({ everyMs: this.config.outboxSweepMs }, 'search sync scheduled');
    this.watch = setInterval(() => void this.keepSchedules(), Math.max(1000, this.config.outboxSweepMs));
    this.watch.unref();
  }

  onModuleDestroy(): void {
    if (this.watch) clearInterval(this.watch);
    this.watch = null;
  }

  private async scheduleSearch(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'search-sweep',
      { every: this.config.outboxSweepMs },
      { name: JOBS.sweepSearch, data: {}, opts: JOB_OPTIONS.sweep },
    );
    await this.queue.add(JOBS.drainOutbox, {}, JOB_OPTIONS.drain);
  }

  /**
   * The periodic drains and sweeps live in Redis as job schedules. A Redis that comes back without
   * its data (no persistence, a fresh replica, a flush) would leave the outbox tables undrained
   * until the worker restarts: when the search sweep's schedule is gone, every schedule is put back.
   * A Redis that does not answer is left to BullMQ's reconnection.
   */
  private async keepSchedules(): Promise<void> {
    if (this.rescheduling) return;
    this.rescheduling = true;
    try {
      if (await this.queue.getJobScheduler('search-sweep')) return;
      this.logger.warn('Redis answers without the job schedules (its data was lost): scheduling them again');
      await this.scheduleSearch();
      for (const type of SCHEDULERS)
        await this.modules
          .get<{ onApplicationBootstrap(): Promise<void> }>(type, { strict: false })
          .onApplicationBootstrap();
      this.logger.log('job schedules restored: drains and sweeps run again');
    } catch {
      // Redis not answering: tried again at the next tick.
    } finally {
      this.rescheduling = false;
    }
  }
}
