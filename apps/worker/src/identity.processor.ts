import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import {
  CONTACT_EXPIRY_EVERY_MS,
  HousekeepingService,
  IDENTITY_JOBS,
  IDENTITY_QUEUE,
  PURGE_EVERY_MS,
} from '#identity';
import { ContactRequestService } from '#directory';

/**
 * Retention: expired sessions, used codes, old invitations and mail copies are purged every few
 * hours. Contact requests left unanswered past their date expire every hour, their senders told.
 */
@Processor(IDENTITY_QUEUE, { concurrency: 1 })
export class IdentityProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(IdentityProcessor.name);

  constructor(
    private readonly housekeeping: HousekeepingService,
    private readonly contactRequests: ContactRequestService,
    @InjectQueue(IDENTITY_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'identity-contact-expiry',
      { every: CONTACT_EXPIRY_EVERY_MS },
      {
        name: IDENTITY_JOBS.expireContactRequests,
        data: {},
        opts: {
          attempts: 3,
          backoff: { type: 'exponential', delay: 60_000 },
          removeOnComplete: { count: 10 },
          removeOnFail: { count: 20 },
        },
      },
    );
    await this.queue.upsertJobScheduler(
      'identity-purge',
      { every: PURGE_EVERY_MS },
      {
        name: IDENTITY_JOBS.purgeExpired,
        data: {},
        opts: {
          attempts: 3,
          backoff: { type: 'exponential', delay: 60_000 },
          removeOnComplete: { count: 10 },
          removeOnFail: { count: 20 },
        },
      },
    );
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === IDENTITY_JOBS.expireContactRequests)
      return { expired: await this.contactRequests.expireDue() };
    if (job.name !== IDENTITY_JOBS.purgeExpired) throw new Error(`no handler for identity job ${job.name}`);
    const counts = await this.housekeeping.purge();
    this.logger.log(counts, 'expired credentials and old messages purged');
    return counts;
  }
}
