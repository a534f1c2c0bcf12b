import { Inject, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, FlowProducer, type Job, type Queue } from 'bullmq';
import { APP_CONFIG, redisConnection, requestContext, type AppConfig } from '#platform';
import {
  DEFAULT_SHARDS,
  FullRecomputeService,
  MATCH_DEBOUNCE_MS,
  MATCH_JOB_OPTIONS,
  MATCH_JOBS,
  MATCH_QUEUE,
  NIGHTLY_PATTERN,
  RecomputeService,
  recomputeJobOptions,
  ShardStoppedError,
  type FinishFullRecomputeJobData,
  type PlanFullRecomputeJobData,
  type RecomputeOrganizationJobData,
  type RecomputeShardJobData,
} from '#matchmaking';

/** First pause of the drain after Meilisearch was found unavailable; doubled after each failed try. */
export const DRAIN_PAUSE_FIRST_MS = 1000;
export const DRAIN_PAUSE_MAX_MS = 15_000;
/** A shard stopped by a worker's shutdown waits this long before a worker takes it again. */
export const SHARD_RESUME_DELAY_MS = 1000;

/** The job names this processor handles; start-up fails if the library defines one it does not. */
export const MATCH_HANDLED_JOBS: readonly string[] = [
  MATCH_JOBS.drainOutbox,
  MATCH_JOBS.recomputeOrganization,
  MATCH_JOBS.planFullRecompute,
  MATCH_JOBS.recomputeShard,
  MATCH_JOBS.finishFullRecompute,
];

/** Matchmaking jobs: the outbox drain, single recomputes and the sharded nightly recompute. */
@Processor(MATCH_QUEUE, { concurrency: 2 })
export class MatchmakingProcessor extends WorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MatchmakingProcessor.name);
  private readonly flows: FlowProducer;
  /** Aborted when the worker stops: a drain in progress finishes its chunk of organisations and returns. */
  private readonly stopping = new AbortController();
  /** Set while Meilisearch is known unavailable: drains wait until `until`, then one tries. */
  private outage: { since: number; pauseMs: number; until: number } | null = null;

  constructor(
    private readonly recompute: RecomputeService,
    private readonly full: FullRecomputeService,
    @InjectQueue(MATCH_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
    this.flows = new FlowProducer({
      connection: redisConnection(config.redisUrl),
      prefix: config.queuePrefix,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const unhandled = Object.values(MATCH_JOBS).filter((name) => !MATCH_HANDLED_JOBS.includes(name));
    if (unhandled.length) throw new Error(`no processor handles matchmaking job(s): ${unhandled.join(', ')}`);
    // The drain also runs on a timer, so a lost wake-up or a crash between commit and wake costs only delay.
    await this.queue.upsertJobScheduler(
      'match-drain',
      { every: Math.min(this.config.outboxSweepMs, MATCH_DEBOUNCE_MS) },
      {
        name: MATCH_JOBS.drainOutbox,
        data: {},
        opts: { removeOnComplete: true, removeOnFail: { count: 50 } },
      },
    );
    await this.queue.upsertJobScheduler(
      'match-nightly',
      { pattern: NIGHTLY_PATTERN },
      { name: MATCH_JOBS.planFullRecompute, data: {}, opts: MATCH_JOB_OPTIONS.plan },
    );
  }

  async onModuleDestroy(): Promise<void> {
    // Before the queue's worker closes and waits for its active jobs (onApplicationShutdown).
    this.stopping.abort();
    await this.flows.close();
  }

  async process(job: Job, token?: string): Promise<unknown> {
    return requestContext.run({ requestId: `job:${job.id}` }, async () => {
      switch (job.name) {
        case MATCH_JOBS.drainOutbox:
          return this.drain(job);
        case MATCH_JOBS.recomputeOrganization: {
          const { organizationId } = job.data as RecomputeOrganizationJobData;
          return this.recompute.recompute(organizationId);
        }
        case MATCH_JOBS.planFullRecompute:
          return this.plan(job.data as PlanFullRecomputeJobData);
        case MATCH_JOBS.recomputeShard: {
          const { runId, shard, shards } = job.data as RecomputeShardJobData;
          try {
            return await this.full.runShard(runId, shard, shards, {
              onProgress: (done, total) => job.updateProgress({ done, total }),
              signal: this.stopping.signal,
            });
          } catch (e) {
            if (!(e instanceof ShardStoppedError) || !token) throw e;
            // Back to the queue without spending an attempt: the next worker runs the shard again.
            this.logger.log({ runId, shard: e.shard, done: e.done, total: e.total }, e.message);
            await job.moveToDelayed(Date.now() + SHARD_RESUME_DELAY_MS, token);
            throw new DelayedError();
          }
        }
        case MATCH_JOBS.finishFullRecompute:
          return this.full.finish((job.data as FinishFullRecomputeJobData).runId);
        default:
          throw new Error(`no handler for job ${job.name} on queue ${MATCH_QUEUE}`);
      }
    });
  }

  private async drain(job: Job): Promise<unknown> {
    const started = Date.now();
    if (this.outage && started < this.outage.until) return { paused: true };
    const res = await this.recompute.drain((rows) => {
      void job.updateProgress({ rows });
      // A recompute went through: Meilisearch answers again (said at once, not after the backlog).
      if (this.outage) {
        this.logger.log(
          { pausedMs: Date.now() - this.outage.since },
          'Meilisearch answers again: matchmaking drain resumed',
        );
        this.outage = null;
      }
    }, this.stopping.signal);
    if (res.unavailable) {
      // One line per outage; the tries in between only lengthen the pause.
      const pauseMs = this.outage
        ? Math.min(this.outage.pauseMs * 2, DRAIN_PAUSE_MAX_MS)
        : DRAIN_PAUSE_FIRST_MS;
      if (!this.outage)
        this.logger.warn(
          { backlog: res.unavailable.backlog, err: res.unavailable.error, retryInMs: pauseMs },
          'Meilisearch unavailable: matchmaking drain paused, backlog left pending; retrying with back-off',
        );
      this.outage = { since: this.outage?.since ?? started, pauseMs, until: Date.now() + pauseMs };
    }
    if (res.related.length)
      await this.queue.addBulk(
        res.related.map((organizationId) => ({
          name: MATCH_JOBS.recomputeOrganization,
          data: { organizationId } satisfies RecomputeOrganizationJobData,
          opts: recomputeJobOptions(organizationId),
        })),
      );
    if (res.rows)
      this.logger.log(
        { ...res, related: res.related.length, ms: Date.now() - started },
        'match outbox drained',
      );
    // Failed organisations' rows are still pending: failing the job has the queue retry with backoff.
    if (res.failed.length) throw new Error(`recompute failed for ${res.failed.length} organisation(s)`);
    return { ...res, related: res.related.length };
  }

  /** Adds the flow: a parent that runs once every shard child has succeeded. Same key, same job ids. */
  private async plan(data: PlanFullRecomputeJobData): Promise<{ runId: string; shards: number }> {
    const shards = data.shards ?? DEFAULT_SHARDS;
    const key = data.key ?? new Date().toISOString().slice(0, 10);
    const runId = await this.full.openRun(key);
    await this.flows.add({
      name: MATCH_JOBS.finishFullRecompute,
      queueName: MATCH_QUEUE,
      data: { runId } satisfies FinishFullRecomputeJobData,
      opts: { ...MATCH_JOB_OPTIONS.shard, jobId: `full-${key}` },
      children: Array.from({ length: shards }, (_, shard) => ({
        name: MATCH_JOBS.recomputeShard,
        queueName: MATCH_QUEUE,
        data: { runId, shard, shards } satisfies RecomputeShardJobData,
        opts: { ...MATCH_JOB_OPTIONS.shard, jobId: `full-${key}-shard-${shard}` },
      })),
    });
    this.logger.log({ runId, shards, key }, 'full recompute planned');
    return { runId, shards };
  }
}
