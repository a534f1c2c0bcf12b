import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { Meilisearch } from 'meilisearch';
import {
  meiliClient,
  migrateDatabase,
  prepareServices,
  type AppConfig,
  type RunningServices,
} from '#platform';
import { CliModule } from '../cli.module.js';
import { startProcess, type RunningProcess } from '#testing';

/** Names of a throw-away installation; benchmarks that may run side by side use different ones. */
export interface BenchNames {
  database: string;
  dataDir: string;
  indexPrefix: string;
  queuePrefix: string;
}

/** BENCH_NAME (a-z, 0-9) gives a run names of its own, so two checkouts can benchmark on one machine. */
const suffix = /^[a-z0-9]{1,20}$/.test(process.env.BENCH_NAME ?? '') ? `_${process.env.BENCH_NAME}` : '';
const DEFAULT_NAMES: BenchNames = {
  database: `tashbik_bench${suffix}`,
  dataDir: `bench${suffix}`,
  indexPrefix: 'bench_',
  queuePrefix: `tashbik-bench${suffix}`,
};

/** A throw-away installation for benchmarks: its own database, data folder, index and queue prefixes. */
export class BenchEnv {
  config!: AppConfig;
  services!: RunningServices;
  pool!: pg.Pool;
  meili!: Meilisearch;
  cli: INestApplicationContext | null = null;
  worker: RunningProcess | null = null;
  api: RunningProcess | null = null;
  apiUrl = '';

  static async create(base: AppConfig, names: BenchNames = DEFAULT_NAMES): Promise<BenchEnv> {
    const env = new BenchEnv();
    const db = new URL(base.databaseUrl);
    db.pathname = `/${names.database}`;
    const dataDir = join(base.dataDir, names.dataDir);
    mkdirSync(dataDir, { recursive: true });
    env.services = await prepareServices({
      ...base,
      databaseUrl: db.toString(),
      dataDir,
      meiliIndexPrefix: names.indexPrefix,
      queuePrefix: names.queuePrefix,
      logLevel: 'warn',
      outboxSweepMs: 2000,
    });
    env.config = env.services.config;
    env.meili = meiliClient(env.config.meiliHost!, env.config.meiliMasterKey);
    return env;
  }

  /** Empty database (migrated) and no bench indexes. */
  async reset(): Promise<void> {
    await this.stopApps();
    await this.pool?.end();
    const admin = new URL(this.config.databaseUrl);
    const name = admin.pathname.slice(1);
    admin.pathname = '/postgres';
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    await c.end();
    await migrateDatabase(this.config);
    this.pool = new pg.Pool({ connectionString: this.config.databaseUrl, max: 4 });
    const { results } = await this.meili.getIndexes({ limit: 1000 });
    for (const idx of results.filter((i) => i.uid.startsWith(this.config.meiliIndexPrefix)))
      await this.meili.deleteIndexIfExists(idx.uid);
  }

  async startCli(): Promise<INestApplicationContext> {
    this.cli ??= await NestFactory.createApplicationContext(CliModule.forRoot(this.config), {
      logger: ['error'],
    });
    return this.cli;
  }

  /** The deployables' environment for this installation. */
  private processEnv(): Record<string, string> {
    const c = this.config;
    return {
      DATABASE_URL: c.databaseUrl,
      REDIS_URL: c.redisUrl,
      MEILI_HOST: c.meiliHost ?? '',
      MEILI_MASTER_KEY: c.meiliMasterKey ?? '',
      MEILI_INDEX_PREFIX: c.meiliIndexPrefix,
      QUEUE_PREFIX: c.queuePrefix,
      OUTBOX_SWEEP_MS: String(c.outboxSweepMs),
      LOG_LEVEL: 'warn',
      PORT: '0',
      // The load generator is a single client on one address: a per-client budget would measure the limit.
      RATE_LIMIT_POINTS: '0',
      AUTH_ATTEMPTS_PER_ADDRESS: '100000',
      ARGON2_MEMORY_KIB: String(c.auth.argon2.memoryKib),
      ARGON2_TIME_COST: String(c.auth.argon2.timeCost),
    };
  }

  /** The worker runs as its own process, as deployed, so it never shares an event loop with the load. */
  async startWorker(): Promise<void> {
    this.worker ??= await startProcess('worker', this.processEnv(), /"msg":"worker ready"/, [], 120_000);
  }

  /** The api runs as its own process too: latencies then include HTTP and nothing of the load generator. */
  async startApi(): Promise<string> {
    if (!this.api) {
      this.api = await startProcess('api', this.processEnv(), /"msg":"api listening"/, [], 120_000);
      const port = /"port":(\d+)/.exec(this.api.output.find((l) => l.includes('api listening')) ?? '')?.[1];
      this.apiUrl = `http://127.0.0.1:${port}/graphql`;
    }
    return this.apiUrl;
  }

  async stopApps(): Promise<void> {
    await this.api?.stop();
    await this.worker?.stop();
    await this.cli?.close();
    this.api = this.worker = null;
    this.cli = null;
  }

  async close(): Promise<void> {
    await this.stopApps();
    await this.pool?.end();
    await this.services.stop();
  }

  /** Resolves once the outbox is drained and the index holds `expected` organisations. */
  async waitIndexed(expected: number, timeoutMs = 30 * 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [{ n }] = (
        await this.pool.query(
          `SELECT count(*)::int AS n FROM outbox WHERE topic = 'search' AND processed_at IS NULL`,
        )
      ).rows;
      if (n === 0) {
        const stats = await this.meili.index(`${this.config.meiliIndexPrefix}organizations`).getStats();
        if (stats.numberOfDocuments === expected && !stats.isIndexing) return;
      }
      if (Date.now() > deadline) throw new Error(`index did not reach ${expected} documents in time`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
