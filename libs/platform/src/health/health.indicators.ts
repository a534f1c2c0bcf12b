import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { Meilisearch } from 'meilisearch';
import { MEILI_CLIENT } from '../meili/meili.provider.js';
import { QUEUES } from '../queue/queues.js';

const TIMEOUT_MS = 2000;

function withTimeout<T>(p: Promise<T>): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer in ${TIMEOUT_MS} ms`)), TIMEOUT_MS),
    ),
  ]);
}

@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(getQueueToken(QUEUES.searchSync)) private readonly queue: Queue,
  ) {}

  async check(key = 'redis'): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    try {
      // A cheap command on the queue's own connection proves Redis answers.
      await withTimeout(this.queue.count());
      return indicator.up();
    } catch (e) {
      return indicator.down({ message: (e as Error).message });
    }
  }
}

@Injectable()
export class MeiliHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(MEILI_CLIENT) private readonly meili: Meilisearch,
  ) {}

  async check(key = 'meilisearch'): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    try {
      const h = await withTimeout(this.meili.health());
      return h.status === 'available' ? indicator.up() : indicator.down({ status: h.status });
    } catch (e) {
      return indicator.down({ message: (e as Error).message });
    }
  }
}
