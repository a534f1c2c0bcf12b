import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job, type Queue } from 'bullmq';
import { requestContext } from '#platform';
import {
  AgendaNotifier,
  attemptOf,
  EXPIRE_EVERY_MS,
  FOLLOW_UP_EVERY_MS,
  FollowUpService,
  FORUM_JOB_OPTIONS,
  FORUM_JOBS,
  FORUM_QUEUE,
  ReminderService,
  REMIND_EVERY_MS,
  RequestService,
  ScheduleRunner,
  type ScheduleEditionJobData,
} from '#forum';
import { SchedulerInputError } from '#forum/scheduler';

/** The job names this processor handles; the worker refuses to start if a forum job name has none. */
export const FORUM_HANDLED_JOBS: readonly string[] = [
  FORUM_JOBS.scheduleEdition,
  FORUM_JOBS.expireRequests,
  FORUM_JOBS.sendReminders,
  FORUM_JOBS.sendFollowUps,
];

/**
 * Scheduler runs, request expiry, meeting reminders and pending agenda change mails. One run at a time per worker: a run uses a core for its whole
 * time limit. The lock outlasts the longest allowed run, since the exact solver may hold the event loop.
 */
@Processor(FORUM_QUEUE, { concurrency: 1, lockDuration: 360_000 })
export class ForumProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ForumProcessor.name);

  constructor(
    private readonly runner: ScheduleRunner,
    private readonly requests: RequestService,
    private readonly reminders: ReminderService,
    private readonly notifier: AgendaNotifier,
    private readonly followUps: FollowUpService,
    @InjectQueue(FORUM_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    const unhandled = Object.values(FORUM_JOBS).filter((name) => !FORUM_HANDLED_JOBS.includes(name));
    if (unhandled.length) throw new Error(`no processor handles forum job(s): ${unhandled.join(', ')}`);
    await this.queue.upsertJobScheduler(
      'forum-expire-requests',
      { every: EXPIRE_EVERY_MS },
      { name: FORUM_JOBS.expireRequests, data: {}, opts: FORUM_JOB_OPTIONS.expire },
    );
    await this.queue.upsertJobScheduler(
      'forum-send-reminders',
      { every: REMIND_EVERY_MS },
      { name: FORUM_JOBS.sendReminders, data: {}, opts: FORUM_JOB_OPTIONS.remind },
    );
    await this.queue.upsertJobScheduler(
      'forum-send-follow-ups',
      { every: FOLLOW_UP_EVERY_MS },
      { name: FORUM_JOBS.sendFollowUps, data: {}, opts: FORUM_JOB_OPTIONS.remind },
    );
  }

  async process(job: Job): Promise<unknown> {
    return requestContext.run({ requestId: `job:${job.id}` }, async () => {
      switch (job.name) {
        case FORUM_JOBS.scheduleEdition: {
          const data = job.data as ScheduleEditionJobData;
          try {
            const run = await this.runner.run(
              data.runId,
              data.editionId,
              data.allowMoves,
              data.timeLimitMs,
              (p) => {
                void job.updateProgress({ fraction: p.fraction, phase: p.phase, bestBreaks: p.bestBreaks });
              },
              attemptOf(job),
            );
            return { state: run.state, result: run.result };
          } catch (e) {
            // Malformed input will not get better with a retry; a lost race (SLOT_TAKEN) will.
            if (e instanceof SchedulerInputError) throw new UnrecoverableError(e.message);
            throw e;
          }
        }
        case FORUM_JOBS.expireRequests:
          return { expired: await this.requests.expireDue() };
        case FORUM_JOBS.sendReminders:
          return {
            reminders: await this.reminders.sendDue(),
            agendaMails: await this.notifier.notifyPending(),
          };
        case FORUM_JOBS.sendFollowUps:
          return { followUps: await this.followUps.sendDue() };
        default:
          throw new Error(`no handler for job ${job.name} on queue ${FORUM_QUEUE}`);
      }
    });
  }
}
