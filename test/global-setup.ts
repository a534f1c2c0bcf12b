import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import {
  createDataSource,
  ensurePostgres,
  runMigrations,
  startEmbeddedMeili,
  type EmbeddedMeili,
} from '#platform';
import { DIRECTORY_ENTITIES } from '#directory';

declare global {
  var __tashbikMeili: EmbeddedMeili | undefined;
  var __tashbikTemplate: string | undefined;
}

const ADMIN_URL = process.env.TASHBIK_TEST_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Starts what the tests need once: a Meilisearch on a free port with a temporary folder, and a
 * migrated template database that each test file clones.
 */
export default async function globalSetup(): Promise<void> {
  const template = `tashbik_test_tpl_${process.pid}`;
  const templateUrl = new URL(ADMIN_URL);
  templateUrl.pathname = `/${template}`;
  await ensurePostgres(templateUrl.toString());
  const ds = createDataSource({ databaseUrl: templateUrl.toString() }, DIRECTORY_ENTITIES);
  await ds.initialize();
  await runMigrations(ds);
  await ds.destroy();
  // Templates must have no open connections when cloned.
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  await c.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [template],
  );
  await c.end();
  globalThis.__tashbikTemplate = template;
  process.env.TASHBIK_TEST_TEMPLATE = template;
  process.env.TASHBIK_TEST_ADMIN_URL = ADMIN_URL;

  if (!process.env.MEILI_HOST) {
    const meili = await startEmbeddedMeili({
      dir: mkdtempSync(join(tmpdir(), 'tashbik-meili-')),
      binDir: resolve('.data/bin'),
    });
    globalThis.__tashbikMeili = meili;
    process.env.MEILI_HOST = meili.host;
    process.env.MEILI_MASTER_KEY = meili.masterKey;
  }
}
