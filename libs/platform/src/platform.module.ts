import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BullModule } from '@nestjs/bullmq';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { MIGRATIONS } from './database/migrations/index.js';
import type { EntityList } from './database/data-source.js';
import { OutboxEntity } from './database/outbox.entity.js';
import { OutboxService } from './database/outbox.service.js';
import { createMeiliClient, MEILI_CLIENT } from './meili/meili.provider.js';
import { loggerParams } from './logging/logging.js';
import { SqlLogger } from './logging/sql-logger.js';
import { QUEUES, redisConnection } from './queue/queues.js';
import { MeiliHealthIndicator, RedisHealthIndicator } from './health/health.indicators.js';

/**
 * Connections to Postgres, Redis and Meilisearch, logging and health indicators, built from one
 * validated AppConfig whose Meilisearch address is already resolved.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, entities: EntityList): DynamicModule {
    const all = [OutboxEntity, ...(Array.isArray(entities) ? entities : Object.values(entities))];
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot(loggerParams(config)),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: config.databaseUrl,
          entities: all,
          migrations: MIGRATIONS,
          synchronize: false,
          migrationsRun: false,
          migrationsTableName: 'migrations',
          extra: { max: 10, connectionTimeoutMillis: 5000 },
          logging: config.logSql ? ['query'] : false,
          logger: config.logSql ? new SqlLogger() : undefined,
        }),
        TypeOrmModule.forFeature([OutboxEntity]),
        BullModule.forRoot({ connection: redisConnection(config.redisUrl), prefix: config.queuePrefix }),
        BullModule.registerQueue({ name: QUEUES.searchSync }),
        TerminusModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: MEILI_CLIENT, useFactory: () => createMeiliClient(config) },
        RedisHealthIndicator,
        MeiliHealthIndicator,
        OutboxService,
      ],
      exports: [
        OutboxService,
        APP_CONFIG,
        MEILI_CLIENT,
        TypeOrmModule,
        BullModule,
        TerminusModule,
        RedisHealthIndicator,
        MeiliHealthIndicator,
      ],
    };
  }
}
