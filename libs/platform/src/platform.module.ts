import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BullModule } from '@nestjs/bullmq';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { dataSourceOptions, type EntityList } from './database/data-source.js';
import { OutboxService } from './database/outbox.service.js';
import { DatabaseOutage } from './database/database-outage.js';
import {
  createMeiliClient,
  createMeiliQueryClient,
  MEILI_CLIENT,
  MEILI_QUERY_CLIENT,
} from './meili/meili.provider.js';
import { loggerParams } from './logging/logging.js';
import { QUEUES, redisConnection } from './queue/queues.js';
import { MeiliHealthIndicator, RedisHealthIndicator } from './health/health.indicators.js';

/**
 * Connections to Postgres, Redis and Meilisearch, logging and health indicators, built from one
 * validated AppConfig whose Meilisearch address is already resolved. `statements: 'request'` (the
 * api) limits each SQL statement to DATABASE_STATEMENT_TIMEOUT_MS, so a request fails fast when
 * PostgreSQL freezes; background work (worker, command line) gets the longer worker limit.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(
    config: AppConfig,
    entities: EntityList,
    opts: { statements?: 'request' | 'background' } = {},
  ): DynamicModule {
    const limit =
      opts.statements === 'request'
        ? config.database?.statementTimeoutMs
        : config.database?.workerStatementTimeoutMs;
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot(loggerParams(config)),
        TypeOrmModule.forRoot(dataSourceOptions(config, entities, limit)),
        BullModule.forRoot({ connection: redisConnection(config.redisUrl), prefix: config.queuePrefix }),
        BullModule.registerQueue({ name: QUEUES.searchSync }),
        TerminusModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: MEILI_CLIENT, useFactory: () => createMeiliClient(config) },
        { provide: MEILI_QUERY_CLIENT, useFactory: () => createMeiliQueryClient(config) },
        RedisHealthIndicator,
        MeiliHealthIndicator,
        OutboxService,
        DatabaseOutage,
      ],
      exports: [
        OutboxService,
        DatabaseOutage,
        APP_CONFIG,
        MEILI_CLIENT,
        MEILI_QUERY_CLIENT,
        TypeOrmModule,
        BullModule,
        TerminusModule,
        RedisHealthIndicator,
        MeiliHealthIndicator,
      ],
    };
  }
}
