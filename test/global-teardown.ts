import { rmSync } from 'node:fs';
import pg from 'pg';

/** Stops the test Meilisearch and drops the template and any database a crashed test left behind. */
export default async function globalTeardown(): Promise<void> {
  const meili = globalThis.__tashbikMeili;
  if (meili) {
    await meili.stop();
    rmSync(meili.dir, { recursive: true, force: true });
  }
  const c = new pg.Client({
    connectionString: process.env.TASHBIK_TEST_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  await c.connect();
  const { rows } = await c.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $1 || '_')`,
    [globalThis.__tashbikTemplate ?? '-'],
  );
  for (const { datname } of rows)
    await c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
  await c.end();
}
