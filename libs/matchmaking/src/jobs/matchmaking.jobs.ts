import type { JobsOptions } from 'bullmq';

/** The matchmaking queue; every job name below has its handler in apps/worker's matchmaking processor. */
export const MATCH_QUEUE = 'matchmaking';

export const MATCH_JOBS = {
  /** Reads the outbox's `match` rows, recomputes the organisations they touch, then marks them done. */
  drainOutbox: 'drain-match-outbox',
  /** Recomputes one organisation's suggestions (fan-out after a change, or on request). */
  recomputeOrganization: 'recompute-organization',
  /** Nightly: opens a run and adds the full-recompute flow (a parent waiting for its shards). */
  planFullRecompute: 'plan-full-recompute',
  /** One shard of organisations of a full recompute. */
  recomputeShard: 'recompute-shard',
  /** Parent of the shards: runs once they have all succeeded; recomputes clusters and closes the run. */
  finishFullRecompute: 'finish-full-recompute',
} as const;
export type MatchJobName = (typeof MATCH_JOBS)[keyof typeof MATCH_JOBS];

export interface RecomputeOrganizationJobData {
  organizationId: string;
}

export interface PlanFullRecomputeJobData {
  /** Shards of organisations processed in parallel by the workers. */
  shards?: number;
  /** Names the run; the same key gives the same job ids, so a replayed plan adds nothing. */
  key?: string;
}

export interface RecomputeShardJobData {
  runId: string;
  shard: number;
  shards: number;
}

export interface FinishFullRecomputeJobData {
  runId: string;
}

/** Changes are folded for this long before the drain runs: one recompute per burst of edits. */
export const MATCH_DEBOUNCE_MS = 2000;
export const MATCH_DRAIN_DEDUPLICATION_ID = 'drain-match-outbox';
export const DEFAULT_SHARDS = 8;

export const MATCH_JOB_OPTIONS = {
  drain: {
    delay: MATCH_DEBOUNCE_MS,
    deduplication: { id: MATCH_DRAIN_DEDUPLICATION_ID, ttl: MATCH_DEBOUNCE_MS },
    attempts: 10,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: true,
    removeOnFail: { count: 100 },
  },
  recompute: {
    delay: MATCH_DEBOUNCE_MS,
    attempts: 5,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: true,
    removeOnFail: { count: 100 },
  },
  shard: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { count: 50 },
    removeOnFail: { count: 50 },
  },
  plan: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: { count: 10 },
    removeOnFail: { count: 10 },
  },
} satisfies Record<string, JobsOptions>;

/** Debounced recompute of one organisation: repeated requests within the delay fold into one job. */
export const recomputeJobOptions = (organizationId: string): JobsOptions => ({
  ...MATCH_JOB_OPTIONS.recompute,
  deduplication: { id: `recompute:${organizationId}`, ttl: MATCH_DEBOUNCE_MS },
});

/** Nightly full recompute (cron, server time). */
export const NIGHTLY_PATTERN = '0 3 * * *';
