import type { AppConfig } from '../config/config.js';
import { createDataSource } from './data-source.js';
import { runMigrations } from './migrate.js';

/** Applies pending migrations with a short-lived connection; returns the names applied. */
export async function migrateDatabase(config: Pick<AppConfig, 'databaseUrl'>): Promise<string[]> {
  const ds = createDataSource(config, []);
  await ds.initialize();
  try {
    return await runMigrations(ds);
  } finally {
    await ds.destroy();
  }
}
