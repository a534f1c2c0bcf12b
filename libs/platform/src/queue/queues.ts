import type { JobsOptions } from 'bullmq';

/** Queue names; every job name has exactly one processor in apps/worker. */
export const QUEUES = {
  searchSync: 'search-sync',
} as const;

export const JOBS = {
  drainOutbox: 'drain-outbox',
  sweepSearch: 'sweep-search',
} as const;

export interface DrainOutboxJobData {
  requestId?: string;
}

/**
 * One waiting drain is enough: wake-ups are folded into it, and one that arrives while a drain
 * runs queues exactly one more, so a row committed during a drain is never left waiting.
 */
export const DRAIN_DEDUPLICATION_ID = 'drain-outbox';

export const JOB_OPTIONS: Record<string, JobsOptions> = {
  drain: {
    deduplication: { id: DRAIN_DEDUPLICATION_ID, keepLastIfActive: true },
    attempts: 10,
    backoff: { type: 'exponential', delay: 500 },
    removeOnComplete: true,
    removeOnFail: { count: 100 },
  },
  sweep: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { count: 10 },
    removeOnFail: { count: 50 },
  },
};

/** BullMQ connection options from a redis:// URL. */
export function redisConnection(redisUrl: string): {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db?: number;
  tls?: object;
  maxRetriesPerRequest: null;
} {
  const u = new URL(redisUrl);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : undefined,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}
