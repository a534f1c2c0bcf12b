import pg from 'pg';
import { QueryFailedError } from 'typeorm';
import { adminUrl } from '#testing';
import { freePort } from '../meili/embedded-meili.js';
import { isDatabaseUnavailable } from './database-outage.js';

/** The error node-postgres gives for a query that `run` makes fail. */
async function errorOf(url: string, run: (c: pg.Client) => Promise<unknown>): Promise<unknown> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  // A server-ended session is also reported as an event; the failed query says it too.
  c.on('error', () => undefined);
  try {
    await c.connect();
    await run(c);
  } catch (e) {
    return e;
  } finally {
    await c.end().catch(() => undefined);
  }
  throw new Error('expected a failure');
}

it('tells a refused or cut connection from a query PostgreSQL refused', async () => {
  const closed = new URL(adminUrl());
  closed.port = String(await freePort());
  const refused = await errorOf(closed.toString(), async () => undefined);
  expect(isDatabaseUnavailable(refused)).toBe(true);
  expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], refused as Error))).toBe(true);

  // A session ended by the server (pg_terminate_backend): 57P01.
  const terminated = await errorOf(adminUrl(), async (c) => {
    const killer = new pg.Client({ connectionString: adminUrl() });
    await killer.connect();
    const {
      rows: [{ pid }],
    } = await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await killer.query('SELECT pg_terminate_backend($1)', [pid]);
    await killer.end();
    await c.query('SELECT 1');
  });
  expect(isDatabaseUnavailable(terminated)).toBe(true);

  const syntax = await errorOf(adminUrl(), (c) => c.query('SELEC 1'));
  expect(isDatabaseUnavailable(syntax)).toBe(false);
  expect(isDatabaseUnavailable(new QueryFailedError('SELEC 1', [], syntax as Error))).toBe(false);
  const division = await errorOf(adminUrl(), (c) => c.query('SELECT 1/0'));
  expect(isDatabaseUnavailable(division)).toBe(false);
  expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  expect(isDatabaseUnavailable(null)).toBe(false);
});
