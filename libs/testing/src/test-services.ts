import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Set by test/global-setup.ts for every test file. */
export const TEST_ENV = {
  template: 'TASHBIK_TEST_TEMPLATE',
  adminUrl: 'TASHBIK_TEST_ADMIN_URL',
} as const;

export function adminUrl(): string {
  return process.env[TEST_ENV.adminUrl] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrl(name: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A fresh database cloned from the migrated template; cheap (a file copy inside Postgres). */
export async function createTestDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const template = process.env[TEST_ENV.template];
  if (!template)
    throw new Error('the test template database is missing: run tests through jest (global setup)');
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  await admin((c) =>
    c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`),
  );
  return {
    name,
    url: databaseUrl(name),
    drop: () =>
      admin((c) => c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
