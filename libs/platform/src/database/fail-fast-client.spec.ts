import pg from 'pg';
import { adminUrl, TcpProxy } from '#testing';
import { freePort } from '../meili/embedded-meili.js';
import { isDatabaseTimeout, isDatabaseUnavailable, isStatementTimeout } from './database-outage.js';
import { poolLimits, READ_TIMEOUT_EVENT } from './fail-fast-client.js';

/*
 * A pool with statement limits in front of a path that freezes: a query on a pooled connection is
 * given up after the statement limit plus a second instead of waiting forever, the stuck connection
 * leaves the pool, and the pool works again once the path thaws. A slow statement on a live server
 * is cancelled by PostgreSQL itself and its connection stays usable.
 */

const LIMIT_MS = 400;
let proxy: TcpProxy;
let pool: pg.Pool;

beforeAll(async () => {
  const direct = new URL(adminUrl());
  proxy = new TcpProxy(await freePort(), { host: direct.hostname, port: Number(direct.port || 5432) });
  await proxy.open();
  const through = new URL(direct);
  through.hostname = '127.0.0.1';
  through.port = String(proxy.port);
  pool = new pg.Pool({
    connectionString: through.toString(),
    max: 2,
    connectionTimeoutMillis: 1500,
    ...poolLimits(LIMIT_MS),
  });
});

afterAll(async () => {
  proxy.thaw();
  await pool?.end();
  await proxy?.close();
});

it('gives up a frozen server, drops the stuck connection and reconnects once it answers', async () => {
  const client = await pool.connect();
  const timeouts: unknown[] = [];
  (client as unknown as NodeJS.EventEmitter).on(READ_TIMEOUT_EVENT, (e: unknown) => timeouts.push(e));
  expect((await client.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  const { rows } = await client.query<{ ms: string }>(
    `SELECT setting AS ms FROM pg_settings WHERE name = 'statement_timeout'`,
  );
  expect(Number(rows[0].ms)).toBe(LIMIT_MS);

  proxy.freeze();
  const started = performance.now();
  const error = await client.query('SELECT 1').then(
    () => null,
    (e: unknown) => e,
  );
  const waited = performance.now() - started;
  expect(error).toBeInstanceOf(Error);
  expect(isDatabaseUnavailable(error)).toBe(true);
  expect(isDatabaseTimeout(error)).toBe(true);
  expect(waited).toBeGreaterThanOrEqual(LIMIT_MS);
  expect(waited).toBeLessThan(LIMIT_MS + 1000 + 1000);
  expect(timeouts).toHaveLength(1);
  // The connection is closed: the next query on it fails at once instead of queueing behind the stuck one.
  const next = performance.now();
  await expect(client.query('SELECT 1')).rejects.toThrow();
  expect(performance.now() - next).toBeLessThan(200);
  client.release();
  await new Promise((r) => setTimeout(r, 50));
  expect(pool.totalCount).toBe(0);

  // Still frozen: a new connection is not opened, and says so within the connect timeout.
  await expect(pool.query('SELECT 1')).rejects.toThrow(/timeout/);

  proxy.thaw();
  expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
});

it('lets PostgreSQL cancel a slow statement and keeps that connection', async () => {
  const client = await pool.connect();
  try {
    const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    const error = await client.query('SELECT pg_sleep(5)').then(
      () => null,
      (e: unknown) => e,
    );
    expect(isStatementTimeout(error)).toBe(true);
    expect(isDatabaseUnavailable(error)).toBe(false);
    const again = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    expect(again.rows[0].pid).toBe(pid);
  } finally {
    client.release();
  }
});
