import type { DataSource } from 'typeorm';

/** Arbitrary but fixed: every Tashbik process takes the same lock before migrating. */
const MIGRATION_LOCK_KEY = 727_245_001;

/**
 * Applies pending migrations under a session-level advisory lock, so replicas starting together
 * cannot race; the ones that wait find nothing left to do.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
