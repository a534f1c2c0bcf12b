import type { JobsOptions } from 'bullmq';

/** The mail queue; its processor is apps/worker's MailProcessor. */
export const MAIL_QUEUE = 'mail';

export const MAIL_JOBS = {
  /** Sends one mail_outbox row. */
  deliver: 'deliver-mail',
  /** Re-queues rows left pending (a lost wake-up, Redis down at commit) and closes interrupted sends. */
  sweep: 'sweep-mail',
  /** Queues the weekly new-suggestions digests that are due (hourly; each account at most weekly). */
  suggestionsDigest: 'suggestions-digest',
} as const;

/** How often the worker looks for digests that are due. */
export const DIGEST_CHECK_MS = 3_600_000;

export interface DeliverMailJobData {
  id: string;
}

/** One job per row (its id names the row), so a sweep never queues a row twice. */
export const deliverJobId = (id: string) => `mail-${id}`;

/** How often the sweep runs. */
export const MAIL_SWEEP_MS = 30_000;

export function deliverJobOptions(id: string, attempts: number, retryMs: number): JobsOptions {
  return {
    jobId: deliverJobId(id),
    attempts,
    backoff: { type: 'exponential', delay: retryMs },
    removeOnComplete: true,
    removeOnFail: true,
  };
}

export const SWEEP_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: { count: 10 },
  removeOnFail: { count: 20 },
};
