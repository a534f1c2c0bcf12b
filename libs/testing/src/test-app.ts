import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import pg from 'pg';
import type { Meilisearch } from 'meilisearch';
import { meiliClient } from '#platform';
import { indexNames } from '#search';
import { createTestDatabase } from './test-services.js';
import { randomBytes } from 'node:crypto';
import { signIn, type TestUser } from './sign-in.js';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface RunningProcess {
  child: ChildProcess;
  /** Everything the process wrote, for assertions on logs and error messages. */
  output: string[];
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Where `npm test` builds the apps before Jest starts. */
export const DIST = resolve('dist/apps');

/**
 * Starts a deployable from the build as a real process; resolves once it prints `ready` (a JSON
 * log line whose msg matches), rejects if it exits first.
 */
export function startProcess(
  entry: 'api' | 'worker' | 'cli',
  env: Record<string, string>,
  ready: RegExp | null,
  args: string[] = [],
  timeoutMs = 60_000,
): Promise<RunningProcess> {
  const child = spawn(process.execPath, [resolve(DIST, entry, 'src/main.js'), ...args], {
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  // 'close', not 'exit': only then has everything the process wrote been read into `output`.
  const exited = new Promise<number | null>((r) => child.once('close', (code) => r(code)));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      fail(new Error(`${entry} not ready in ${timeoutMs} ms:\n${output.join('\n')}`));
    }, timeoutMs);
    const onLine = (line: string) => {
      output.push(line);
      if (ready && ready.test(line)) {
        clearTimeout(timer);
        ok({ child, output, stop });
      }
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', onLine);
    void exited.then((code) => {
      clearTimeout(timer);
      if (ready) fail(new Error(`${entry} exited with ${code} before it was ready:\n${output.join('\n')}`));
      else ok({ child, output, stop });
    });
  });
}

export interface TestApp {
  url: string;
  env: Record<string, string>;
  api: RunningProcess;
  worker: RunningProcess | null;
  /** Direct access to the test's own database, for assertions. */
  db: pg.Pool;
  meili: Meilisearch;
  indexes: { organizations: string; opportunities: string };
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GqlResponse<T>>;
  /** Headers sent with every `gql` call unless the call gives its own (e.g. a signed-in user's). */
  defaultHeaders: Record<string, string>;
  /** The user `signedIn` created, when asked. */
  user: TestUser | null;
  startWorker(extraEnv?: Record<string, string>): Promise<RunningProcess>;
  close(): Promise<void>;
}

/** Boots the real api (and optionally the worker) as processes, on a fresh database and the test Meilisearch. */
export async function bootTestApp(
  opts: {
    worker?: boolean;
    env?: Record<string, string>;
    /** Signs in a user with this platform role and sends its token with every call by default. */
    signedIn?: 'ORGANISER' | 'ADMIN';
    /** How long the api, and the worker, may take to start (default 60 s: a busy machine, with the browser journeys beside the suite, can take that long). */
    readyTimeoutMs?: number;
    /** The address the processes reach the test database at, e.g. through a proxy a test can cut. */
    databaseUrl?: (direct: string) => string;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const prefix = `t${randomBytes(4).toString('hex')}_`;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: opts.databaseUrl ? opts.databaseUrl(database.url) : database.url,
    MEILI_HOST: process.env.MEILI_HOST ?? '',
    MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY ?? '',
    MEILI_INDEX_PREFIX: prefix,
    QUEUE_PREFIX: `tashbik-${prefix}`,
    PORT: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    OUTBOX_SWEEP_MS: '1000',
    // Tests sign in many users from one address; the throttle's own tests set a low budget.
    AUTH_ATTEMPTS_PER_ADDRESS: '100000',
    JWT_SECRET: 'test-only-secret-for-access-tokens-0123456789',
    ...opts.env,
  };
  const api = await startProcess('api', env, /"msg":"api listening"/, [], opts.readyTimeoutMs);
  const port = Number(/"port":(\d+)/.exec(api.output.find((l) => l.includes('api listening')) ?? '')?.[1]);
  const url = `http://127.0.0.1:${port}`;
  const db = new pg.Pool({ connectionString: database.url, max: 4 });
  const meili = meiliClient(env.MEILI_HOST, env.MEILI_MASTER_KEY);
  const app: TestApp = {
    url,
    env,
    api,
    worker: null,
    db,
    meili,
    indexes: indexNames(prefix),
    defaultHeaders: {},
    user: null,
    async gql(query, variables, headers) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(headers ?? app.defaultHeaders) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GqlResponse;
      return { ...body, status: res.status } as never;
    },
    async startWorker(extraEnv = {}) {
      app.worker = await startProcess(
        'worker',
        { ...env, ...extraEnv },
        /"msg":"worker ready"/,
        [],
        opts.readyTimeoutMs,
      );
      return app.worker;
    },
    async close() {
      await app.worker?.stop();
      await api.stop();
      await db.end();
      await meili.deleteIndexIfExists(app.indexes.organizations).catch(() => undefined);
      await meili.deleteIndexIfExists(app.indexes.opportunities).catch(() => undefined);
      await database.drop();
    },
  };
  if (opts.worker) await app.startWorker();
  if (opts.signedIn) {
    app.user = await signIn(app, { roles: [opts.signedIn] });
    app.defaultHeaders = app.user.headers;
  }
  return app;
}

/** Polls until `check` returns a truthy value or the time runs out (for eventually-consistent search). */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`condition not met in ${timeoutMs} ms${last ? `: ${(last as Error).message}` : ''}`);
}
