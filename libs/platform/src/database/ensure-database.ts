import pg from 'pg';
import { redactUrl, ServiceUnavailableError } from '../services/service-unavailable.error.js';
import { reason, TIMEOUT_MS } from '../services/preflight.js';

const START_POSTGRES =
  'Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';

/** Connects to the server's maintenance database and creates the application database when missing. */
export async function ensurePostgres(databaseUrl: string): Promise<void> {
  const target = new URL(databaseUrl);
  const dbName = decodeURIComponent(target.pathname.replace(/^\//, '')) || 'postgres';
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: TIMEOUT_MS });
  try {
    await client.connect();
  } catch (e) {
    throw new ServiceUnavailableError('PostgreSQL', redactUrl(databaseUrl), reason(e), START_POSTGRES);
  }
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(dbName)}`).catch((e: { code?: string }) => {
        // Another process created it between the check and the create: 42P04 once its create has
        // committed, 23505 (on pg_database's name index) when both creates ran at the same time.
        if (e.code !== '42P04' && e.code !== '23505') throw e;
      });
    }
  } finally {
    await client.end();
  }
}
