import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#platform';
import {
  deliverJobOptions,
  DIGEST_CHECK_MS,
  MAIL_JOBS,
  MAIL_QUEUE,
  MailDeliveryService,
  MailFailureReporter,
  SuggestionsDigestService,
  SWEEP_JOB_OPTIONS,
  type DeliverMailJobData,
} from '#notifications';

/**
 * Mail delivery: one job per mail_outbox row (retried with exponential backoff by BullMQ), and a
 * periodic sweep that queues rows left pending, closes sends interrupted by a crash and reports
 * failed mail to admins (MailFailureReporter), and an hourly look for weekly suggestion digests
 * that are due. Several rows go out at once over the transport's pooled connections.
 */
@Processor(MAIL_QUEUE, { concurrency: 5 })
export class MailProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(MailProcessor.name);

  constructor(
    private readonly delivery: MailDeliveryService,
    private readonly failures: MailFailureReporter,
    private readonly digests: SuggestionsDigestService,
    @InjectQueue(MAIL_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.delivery.enabled)
      this.logger.warn(
        'SMTP_URL is not set: mail is kept in the mail_outbox table and not sent (npm start runs a local mail catcher)',
      );
    await this.queue.upsertJobScheduler(
      'mail-sweep',
      { every: this.config.outboxSweepMs },
      { name: MAIL_JOBS.sweep, data: {}, opts: SWEEP_JOB_OPTIONS },
    );
    await this.queue.upsertJobScheduler(
      'mail-suggestions-digest',
      { every: DIGEST_CHECK_MS },
      { name: MAIL_JOBS.suggestionsDigest, data: {}, opts: SWEEP_JOB_OPTIONS },
    );
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === MAIL_JOBS.deliver) return this.delivery.deliver((job.data as DeliverMailJobData).id);
    if (job.name === MAIL_JOBS.suggestionsDigest) return { queued: await this.digests.run() };
    if (job.name !== MAIL_JOBS.sweep) throw new Error(`no handler for mail job ${job.name}`);
    const { interrupted, recorded, pending } = await this.delivery.sweep(
      Math.min(5000, this.config.outboxSweepMs),
    );
    const { attempts, retryMs } = this.config.mailDelivery;
    if (pending.length)
      await this.queue.addBulk(
        pending.map((id) => ({
          name: MAIL_JOBS.deliver,
          data: { id },
          opts: deliverJobOptions(id, attempts, retryMs),
        })),
      );
    if (interrupted || recorded || pending.length)
      this.logger.log({ interrupted, recorded, queued: pending.length }, 'mail sweep');
    const { reported } = await this.failures.report();
    return { interrupted, recorded, queued: pending.length, reported };
  }
}
