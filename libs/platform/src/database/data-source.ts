import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { MIGRATIONS } from './migrations/index.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function | string | EntitySchema>;

/** The one way to build a DataSource: migrations only, never `synchronize`. */
export function createDataSource(config: Pick<AppConfig, 'databaseUrl'>, entities: EntityList): DataSource {
  return new DataSource({
    type: 'postgres',
    url: config.databaseUrl,
    entities,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    extra: { max: 10, connectionTimeoutMillis: 5000 },
    logging: false,
  });
}
