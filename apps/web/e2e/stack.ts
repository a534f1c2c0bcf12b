import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const E2E_DATABASE = 'tashbik_web_e2e';
const ADMIN_URL = process.env.TASHBIK_E2E_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/*
 * One stack per Playwright worker, so journeys that change the demo data (the owner's language,
 * a published edition) never meet: stack i has its own database, data folder, port and queues.
 * A worker finds its own through TEST_PARALLEL_INDEX, which Playwright sets in each worker.
 */

/** How many stacks (and workers) a run uses; one against a stack already running. */
export const stackCount = (): number =>
  process.env.TASHBIK_WEB_URL ? 1 : Math.max(1, Number(process.env.TASHBIK_E2E_WORKERS ?? 2) || 1);

/** The stack of the calling worker (0 in the runner and with one worker). */
export const stackIndex = (): number => Number(process.env.TEST_PARALLEL_INDEX ?? 0) || 0;

const suffix = (i: number, sep: string) => (i ? `${sep}${i}` : '');

export const e2eDatabaseUrl = (i = stackIndex()): string => {
  const base = process.env.TASHBIK_E2E_DATABASE_URL ?? ADMIN_URL.replace(/\/[^/]*$/, `/${E2E_DATABASE}`);
  if (!i) return base;
  const url = new URL(base);
  url.pathname = `${url.pathname}${suffix(i, '_')}`;
  return url.toString();
};

/** The data folder of a stack, where its demo-accounts.json is written. */
export const e2eDataDir = (i = stackIndex()): string =>
  (process.env.TASHBIK_E2E_DATA_DIR ?? `${ROOT}/.data/web-e2e`).replace(/\/+$/, '') + suffix(i, '-');

/** The port of a stack's api and web app. */
export const e2ePort = (i = stackIndex()): number => Number(process.env.TASHBIK_WEB_PORT) + i;

/** Boots every stack side by side; the teardown stops them all. */
export default async function startStacks(): Promise<() => Promise<void>> {
  if (process.env.TASHBIK_WEB_URL) return async () => undefined;
  const started = await Promise.allSettled(Array.from({ length: stackCount() }, (_, i) => startStack(i)));
  const stops = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all(stops.map((stop) => stop()));
    throw failed.reason;
  }
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}

/**
 * Boots what `npm start` runs, from the build in dist/ (api + worker + bundled Meilisearch, demo
 * data seeded into a fresh database), waits until the demo firms are searchable, and returns the
 * teardown. Its output goes to reports/web-e2e-stack.log (stack 0) or
 * reports/web-e2e-stack-<i>.log.
 */
async function startStack(index: number): Promise<() => Promise<void>> {
  for (const file of ['dist/apps/cli/src/main.js', 'dist/web/index.html'])
    if (!existsSync(`${ROOT}/${file}`))
      throw new Error(`${file} is missing: run npm run build && npm run build:web first (npm test does)`);
  // The database, data folder and queue names are the run's own, so two runs side by side (with
  // TASHBIK_E2E_DATABASE_URL and TASHBIK_E2E_DATA_DIR set for one of them) leave each other alone.
  const database = new URL(e2eDatabaseUrl(index)).pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`unexpected e2e database name "${database}"`);
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
  const dataDir = e2eDataDir(index);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(`${ROOT}/reports`, { recursive: true });
  const log = createWriteStream(`${ROOT}/reports/web-e2e-stack${suffix(index, '-')}.log`);
  const port = String(e2ePort(index));
  const child = spawn(process.execPath, ['dist/apps/cli/src/main.js', 'start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      NODE_ENV: 'development',
      PORT: port,
      DATABASE_URL: e2eDatabaseUrl(index),
      TASHBIK_DATA_DIR: dataDir,
      MEILI_HOST: '',
      MEILI_INDEX_PREFIX: `webe2e_${port}_`,
      QUEUE_PREFIX: `tashbik-webe2e-${port}`,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_POINTS: '0',
      AUTH_ATTEMPTS_PER_ADDRESS: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so the teardown also ends what it started (Meilisearch, the mail catcher).
    detached: true,
  });
  let output = '';
  const exited = new Promise<number | null>((r) => child.once('close', r));
  for (const stream of [child.stdout!, child.stderr!])
    stream.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      log.write(chunk);
    });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group has already ended.
    }
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) signalGroup('SIGTERM');
    const timer = setTimeout(() => signalGroup('SIGKILL'), 60_000);
    await exited;
    clearTimeout(timer);
    // Anything of the group still running after the stack's own shutdown.
    signalGroup('SIGKILL');
    log.end();
  };
  const deadline = Date.now() + 6 * 60_000;
  while (!output.includes('Tashbik is running')) {
    if (child.exitCode !== null) throw new Error(`npm start's stack exited early:\n${output.slice(-3000)}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the stack did not start in 6 minutes:\n${output.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  // The worker indexes the seeded firms in the background: wait until search finds them.
  const url = `http://127.0.0.1:${port}/graphql`;
  for (;;) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ searchOrganizations(query: "ميكانيك") { estimatedTotal } }' }),
    }).then((r) => r.json() as Promise<{ data?: { searchOrganizations: { estimatedTotal: number } } }>);
    if ((res.data?.searchOrganizations.estimatedTotal ?? 0) > 0) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error('the demo firms were not searchable in time');
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return stop;
}
