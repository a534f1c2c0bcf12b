import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '#platform';

/** Most events one subscription keeps while its client reads slowly; older ones are dropped. */
const BUFFER = 100;

interface Listener {
  push(payload: unknown): void;
}

/**
 * Live events between api processes over Redis pub/sub: a process publishes on a topic (e.g.
 * `notification:<userId>`) and every process with a subscriber on that topic hands the event to
 * its local iterators. One publishing and one subscribing connection per process, opened on first
 * use; channels are subscribed while at least one local iterator listens. Channel names carry the
 * installation's QUEUE_PREFIX, so installations sharing a Redis never see each other's events.
 */
@Injectable()
export class EventBus implements OnModuleDestroy {
  private readonly logger = new Logger('EventBus');
  private pub: Redis | null = null;
  private sub: Redis | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private channel(topic: string): string {
    return `${this.config.queuePrefix}:events:${topic}`;
  }

  /** Publishes once; a lost event is logged, never thrown (the row it announces is committed). */
  async publish(topic: string, payload: unknown): Promise<void> {
    this.pub ??= new Redis(this.config.redisUrl, { maxRetriesPerRequest: 1, lazyConnect: false });
    try {
      await this.pub.publish(this.channel(topic), JSON.stringify(payload));
    } catch (e) {
      this.logger.warn({ topic, err: (e as Error).message }, 'live event not published');
    }
  }

  private subscriber(): Redis {
    if (this.sub) return this.sub;
    const sub = new Redis(this.config.redisUrl, { maxRetriesPerRequest: null });
    sub.on('message', (channel: string, message: string) => {
      const set = this.listeners.get(channel);
      if (!set) return;
      let payload: unknown;
      try {
        payload = JSON.parse(message);
      } catch {
        return;
      }
      for (const l of set) l.push(payload);
    });
    sub.on('error', (e: Error) => this.logger.warn({ err: e.message }, 'event subscriber connection'));
    this.sub = sub;
    return sub;
  }

  /**
   * Events of a topic from now on, as an async iterator (what a GraphQL subscription resolver
   * returns). Resolves once Redis has confirmed the subscription, so no event published after the
   * subscription started is missed.
   */
  async listen<T>(topic: string): Promise<AsyncIterableIterator<T>> {
    const channel = this.channel(topic);
    const queue: T[] = [];
    let wake: ((r: IteratorResult<T>) => void) | null = null;
    let done = false;
    const listener: Listener = {
      push: (payload) => {
        if (done) return;
        if (wake) {
          const w = wake;
          wake = null;
          w({ value: payload as T, done: false });
        } else {
          queue.push(payload as T);
          if (queue.length > BUFFER) queue.shift();
        }
      },
    };
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
    }
    set.add(listener);
    if (set.size === 1) await this.subscriber().subscribe(channel);
    const stop = async (): Promise<IteratorResult<T>> => {
      if (!done) {
        done = true;
        const s = this.listeners.get(channel);
        s?.delete(listener);
        if (s && s.size === 0) {
          this.listeners.delete(channel);
          await this.sub?.unsubscribe(channel).catch(() => undefined);
        }
        wake?.({ value: undefined, done: true });
        wake = null;
      }
      return { value: undefined, done: true };
    };
    const iterator: AsyncIterableIterator<T> = {
      next: () => {
        if (queue.length) return Promise.resolve({ value: queue.shift() as T, done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((r) => (wake = r));
      },
      return: stop,
      throw: async (e?: unknown) => {
        await stop();
        throw e;
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  async onModuleDestroy(): Promise<void> {
    this.listeners.clear();
    await Promise.all([this.pub?.quit().catch(() => undefined), this.sub?.quit().catch(() => undefined)]);
    this.pub = this.sub = null;
  }
}
