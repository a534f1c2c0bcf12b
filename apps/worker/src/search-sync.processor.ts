import { Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JOBS, QUEUES, requestContext, type DrainOutboxJobData } from '#platform';
import { SearchIndexerService } from '#search';

/** The job names this processor handles; the worker refuses to start if a job name has none. */
export const HANDLED_JOBS: readonly string[] = [JOBS.drainOutbox, JOBS.sweepSearch];

/** Every job name of the search-sync queue has its handler here; an unknown name fails loudly. */
@Processor(QUEUES.searchSync, { concurrency: 1 })
export class SearchSyncProcessor extends WorkerHost {
  private readonly logger = new Logger(SearchSyncProcessor.name);

  constructor(private readonly indexer: SearchIndexerService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    const requestId = (job.data as DrainOutboxJobData | undefined)?.requestId ?? `job:${job.id}`;
    return requestContext.run({ requestId }, async () => {
      switch (job.name) {
        case JOBS.drainOutbox: {
          const started = Date.now();
          const res = await this.indexer.drain((done) => void job.updateProgress({ rows: done }));
          if (res.rows) this.logger.log({ requestId, ...res, ms: Date.now() - started }, 'outbox drained');
          return res;
        }
        case JOBS.sweepSearch: {
          const swept = await this.indexer.sweep();
          if (swept.queued) this.logger.warn({ queued: swept.queued }, 'sweep found index drift; repairing');
          return { swept, drained: await this.indexer.drain() };
        }
        default:
          throw new Error(`no handler for job ${job.name} on queue ${QUEUES.searchSync}`);
      }
    });
  }
}
