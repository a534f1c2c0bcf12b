import type { JobsOptions } from 'bullmq';

/** The forum's BullMQ queue; every job name below has its handler in the worker's ForumProcessor. */
export const FORUM_QUEUE = 'forum';

export const FORUM_JOBS = {
  scheduleEdition: 'schedule-edition',
  expireRequests: 'expire-requests',
  /** Every minute: meeting reminders that are due, and agenda change mails still pending. */
  sendReminders: 'send-reminders',
  /** Every hour: follow-up requests due 3 and 6 months after an edition. */
  sendFollowUps: 'send-follow-ups',
} as const;

export interface ScheduleEditionJobData {
  editionId: string;
  /** Also the forum_schedule_run id. */
  runId: string;
  allowMoves: boolean;
  timeLimitMs: number;
}

/** Which attempt of its job a scheduling run is, out of how many the job may make. */
export interface RunAttempt {
  attempt: number;
  of: number;
}

/** The attempt a BullMQ job is making now: `attemptsMade` counts the attempts that already failed. */
export function attemptOf(job: { attemptsMade: number; opts: { attempts?: number } }): RunAttempt {
  return { attempt: job.attemptsMade + 1, of: Math.max(1, job.opts.attempts ?? 1) };
}

export const FORUM_JOB_OPTIONS: Record<'schedule' | 'expire' | 'remind', JobsOptions> = {
  // A booking that wins a race against the run's write makes it fail with SLOT_TAKEN: the retry reloads.
  schedule: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { count: 100 },
    removeOnFail: { count: 100 },
  },
  expire: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { count: 10 },
    removeOnFail: { count: 50 },
  },
  // Retries are safe: a reminder row is written in the transaction that sends its mail.
  remind: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { count: 10 },
    removeOnFail: { count: 50 },
  },
};

/** How often due follow-up requests are looked for (a row per delegate and round keeps each to one mail). */
export const FOLLOW_UP_EVERY_MS = 3_600_000;

/** How often due meeting reminders are looked for. */
export const REMIND_EVERY_MS = 60_000;

/** How often pending requests past their date are marked expired (they are also treated as expired when read). */
export const EXPIRE_EVERY_MS = 60_000;
