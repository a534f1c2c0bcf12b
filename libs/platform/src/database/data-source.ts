import { DataSource, type DataSourceOptions, type EntitySchema, type MixedList } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { SqlLogger } from '../logging/sql-logger.js';
import { MIGRATIONS } from './migrations/index.js';
import { poolLimits } from './fail-fast-client.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function | string | EntitySchema>;

/**
 * The one set of TypeORM options, for Nest and for plain data sources: migrations only, never
 * `synchronize`. With `statementTimeoutMs`, PostgreSQL cancels a longer statement and a server
 * that does not answer at all is given up a second later (FailFastClient); without it (migrations,
 * tests) statements have no limit.
 */
export function dataSourceOptions(
  config: Pick<AppConfig, 'databaseUrl'> & Partial<Pick<AppConfig, 'logSql'>>,
  entities: EntityList,
  statementTimeoutMs?: number,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    entities,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    extra: {
      max: 10,
      connectionTimeoutMillis: 5000,
      // Idle connections to a host that vanished are found by TCP keepalive, not by the next query.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      ...(statementTimeoutMs ? poolLimits(statementTimeoutMs) : {}),
    },
    logging: config.logSql ? ['query'] : false,
    logger: config.logSql ? new SqlLogger() : undefined,
  };
}

export function createDataSource(config: Pick<AppConfig, 'databaseUrl'>, entities: EntityList): DataSource {
  return new DataSource(dataSourceOptions(config, entities));
}
