import { type DynamicModule, Inject, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { APP_CONFIG, JOB_OPTIONS, JOBS, PlatformModule, QUEUES, type AppConfig } from '#platform';
import { DIRECTORY_ENTITIES } from '#directory';
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

@Module({})
export class WorkerModule implements OnApplicationBootstrap {
  private readonly logger = new Logger(WorkerModule.name);

  constructor(
    private readonly indexer: SearchIndexerService,
    @InjectQueue(QUEUES.searchSync) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(config, [...DIRECTORY_ENTITIES, ...FORUM_ENTITIES]),
        IdentityModule,
        IdentityJobsModule,
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
    await this.queue.upsertJobScheduler(
      'search-sweep',
      { every: this.config.outboxSweepMs },
      { name: JOBS.sweepSearch, data: {}, opts: JOB_OPTIONS.sweep },
    );
    await this.queue.add(JOBS.drainOutbox, {}, JOB_OPTIONS.drain);
    this.logger.log({ everyMs: this.config.outboxSweepMs }, 'search sync scheduled');
  }
}
