import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import { getQueueToken, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { Counter, Gauge } from 'prom-client';
import { METRICS_PREFIX, metricsRegistry, outboxFeed } from '#platform';
import { scheduleRunCountsByState } from '#forum';
import { mailCountsByStatus } from '#notifications';

/** Job states whose sizes are reported; completed jobs are removed or capped, so not counted. */
const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed'] as const;
/** A scrape never waits longer than this for Postgres or Redis; the previous values stay. */
const COLLECT_TIMEOUT_MS = 2000;

const within = <T>(p: Promise<T>): Promise<T> =>
  Promise.race([
    p,
    new Promise<T>((_, reject) =>
      setTimeout(
        () => reject(new Error(`no answer in ${COLLECT_TIMEOUT_MS} ms`)),
        COLLECT_TIMEOUT_MS,
      ).unref(),
    ),
  ]);

/**
 * What an operator watches on the worker, read at each scrape: BullMQ queue sizes per state, jobs
 * failed and completed by this process, outbox backlog and the age of its oldest row per topic
 * (for `search`, the index lag), mails waiting or failed, and scheduling runs per state.
 */
@Injectable()
export class WorkerMetrics implements OnApplicationBootstrap {
  private readonly logger = new Logger(WorkerMetrics.name);
  private queues: Queue[] = [];
  private warned = false;
  private outboxRead: { at: number; rows: Promise<{ topic: string; n: number; age: number }[]> } | null =
    null;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly moduleRef: ModuleRef,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    const failed = metric(
      () =>
        new Counter({
          name: `${METRICS_PREFIX}queue_jobs_failed_total`,
          help: 'Job attempts that failed in this worker, by queue (retried ones included)',
          labelNames: ['queue'],
          registers: [metricsRegistry],
        }),
    );
    const completed = metric(
      () =>
        new Counter({
          name: `${METRICS_PREFIX}queue_jobs_completed_total`,
          help: 'Jobs completed by this worker, by queue',
          labelNames: ['queue'],
          registers: [metricsRegistry],
        }),
    );
    for (const wrapper of this.discovery.getProviders()) {
      const host: unknown = wrapper.instance;
      if (!(host instanceof WorkerHost)) continue;
      const worker = host.worker;
      worker.on('failed', () => failed.inc({ queue: worker.name }));
      worker.on('completed', () => completed.inc({ queue: worker.name }));
      failed.inc({ queue: worker.name }, 0);
      completed.inc({ queue: worker.name }, 0);
      this.queues.push(this.moduleRef.get<Queue>(getQueueToken(worker.name), { strict: false }));
    }
    this.register();
  }

  private register(): void {
    const jobs: Gauge<'queue' | 'state'> = metric(
      () =>
        new Gauge({
          name: `${METRICS_PREFIX}queue_jobs`,
          help: 'Jobs in each BullMQ queue, by state',
          labelNames: ['queue', 'state'],
          registers: [metricsRegistry],
          collect: () =>
            this.guard(async () => {
              for (const queue of this.queues) {
                const counts = await within(queue.getJobCounts(...STATES));
                for (const state of STATES) jobs.set({ queue: queue.name, state }, counts[state] ?? 0);
              }
            }),
        }),
    );
    const pending: Gauge<'topic'> = metric(
      () =>
        new Gauge({
          name: `${METRICS_PREFIX}outbox_pending`,
          help: 'Outbox rows not yet processed, by topic (search: Meilisearch, match: matchmaking)',
          labelNames: ['topic'],
          registers: [metricsRegistry],
          collect: () =>
            this.guard(async () => {
              for (const r of await this.outbox()) pending.set({ topic: r.topic }, r.n);
            }),
        }),
    );
    const oldest: Gauge<'topic'> = metric(
      () =>
        new Gauge({
          name: `${METRICS_PREFIX}outbox_oldest_pending_seconds`,
          help: 'Age of the oldest outbox row not yet processed, by topic (0 when none)',
          labelNames: ['topic'],
          registers: [metricsRegistry],
          collect: () =>
            this.guard(async () => {
              for (const r of await this.outbox()) oldest.set({ topic: r.topic }, r.age);
            }),
        }),
    );
    const lag: Gauge = metric(
      () =>
        new Gauge({
          name: `${METRICS_PREFIX}index_lag_seconds`,
          help: 'How far the search index is behind PostgreSQL: age of the oldest change not yet indexed',
          registers: [metricsRegistry],
          collect: () =>
            this.guard(async () => {
              lag.set((await this.outbox()).find((r) => r.topic === 'search')?.age ?? 0);
            }),
        }),
    );
    const mails: Gauge<'status'> = metric(
      () =>
        new Gauge({
          name: `${METRICS_PREFIX}mail_outbox`,
          help: 'Mails waiting to be sent (PENDING, SENDING) or given up on (FAILED)',
          labelNames: ['status'],
          registers: [metricsRegistry],
          collect: () =>
            this.guard(async () => {
              const rows = await within(mailCountsByStatus(this.db));
              for (const r of rows) mails.set({ status: r.status }, r.n);
            }),
        }),
    );
    const runs: Gauge<'state'> = metric(
      () =>
        new Gauge({
          name: `${METRICS_PREFIX}schedule_runs`,
          help: 'Scheduling runs of the forum, by state',
          labelNames: ['state'],
          registers: [metricsRegistry],
          collect: () =>
            this.guard(async () => {
              const rows = await within(scheduleRunCountsByState(this.db));
              for (const r of rows) runs.set({ state: r.state }, r.n);
            }),
        }),
    );
  }

  /** Backlog and oldest row per topic: one query serves the three gauges of a scrape. */
  private outbox(): Promise<{ topic: string; n: number; age: number }[]> {
    if (this.outboxRead && Date.now() - this.outboxRead.at < 1000) return this.outboxRead.rows;
    const rows = within(outboxFeed.stats(this.db));
    this.outboxRead = { at: Date.now(), rows };
    rows.catch(() => (this.outboxRead = null));
    return rows;
  }

  /** A scrape during an outage answers with the values it has, and says so once in the log. */
  private async guard(read: () => Promise<void>): Promise<void> {
    try {
      await read();
      this.warned = false;
    } catch (e) {
      if (!this.warned)
        this.logger.warn(
          { err: (e as Error).message },
          'metrics: a backing service did not answer the scrape',
        );
      this.warned = true;
    }
  }
}

/** A metric registered once per process: a second worker module in the same process reuses it. */
function metric<T>(make: () => T): T {
  try {
    return make();
  } catch (e) {
    const name = /metric with the name (\S+)/.exec((e as Error).message)?.[1];
    if (!name) throw e;
    return metricsRegistry.getSingleMetric(name) as T;
  }
}
