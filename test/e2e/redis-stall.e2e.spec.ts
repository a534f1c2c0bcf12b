import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from '#platform';
import { bootTestApp, eventually, signIn, type TestApp, type TestUser } from '#testing';

/*
 * A stalled Redis (SIGSTOP: the port accepts connections, nothing answers) must not hold requests
 * that do not need it: the rate limits and sign-in limits give Redis REDIS_REQUEST_TIMEOUT_MS, then
 * count in memory, per process, and say so once in the log; after SIGCONT they are shared again.
 * The api runs against a redis-server of its own, started and frozen here.
 */

const TIMEOUT_MS = 300;
/** Far longer than a request needs with the fallback; the old limiter waited for the whole stall. */
const ANSWER_BOUND_MS = 10_000;
const RATE_FALLBACK = 'Redis not answering: rate limits';
const SIGNIN_FALLBACK = 'Redis not answering: sign-in limits';

let redis: ChildProcess;
let redisUrl: string;
let app: TestApp;
let user: TestUser;
let frozen = false;

const logged = (msg: string) => app.api.output.filter((l) => l.includes(msg)).length;

/** A request raced against the bound: 'hung' when it has not answered by then. */
async function within<T>(request: Promise<T>): Promise<T | 'hung'> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<'hung'>((r) => (timer = setTimeout(() => r('hung'), ANSWER_BOUND_MS)));
  try {
    return await Promise.race([request, bound]);
  } finally {
    clearTimeout(timer);
  }
}

async function me(): Promise<{ status: number; email?: string; remaining: string | null }> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...user.headers },
    body: JSON.stringify({ query: '{ me { email } }' }),
  });
  const body = (await res.json()) as { data?: { me?: { email: string } } };
  return {
    status: res.status,
    email: body.data?.me?.email,
    remaining: res.headers.get('ratelimit-remaining'),
  };
}

const login = (password: string) =>
  app.gql<{ login: { accessToken: string } }>(
    `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
    { e: user.email, p: password },
  );

beforeAll(async () => {
  const port = await freePort();
  redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  redisUrl = `redis://127.0.0.1:${port}`;
  await eventually(async () => {
    const c = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0 });
    try {
      await c.connect();
      return (await c.ping()) === 'PONG';
    } finally {
      c.disconnect();
    }
  }, 10_000);
  app = await bootTestApp({
    env: {
      REDIS_URL: redisUrl,
      REDIS_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS),
      RATE_LIMIT_POINTS: '1000',
      LOG_LEVEL: 'info',
    },
    readyTimeoutMs: 120_000,
  });
  user = await signIn(app);
}, 120_000);

afterAll(async () => {
  if (frozen) redis.kill('SIGCONT');
  await app?.close();
  redis?.kill('SIGTERM');
});

describe('requests during a Redis stall', () => {
  it('answers reads and sign-ins while Redis is frozen, counting limits in memory, logged once', async () => {
    const before = await me();
    expect(before).toMatchObject({ status: 200, email: user.email });
    const shared = Number(before.remaining);

    redis.kill('SIGSTOP');
    frozen = true;

    // Reads answer while Redis is still frozen, each still counted against a budget (in memory).
    const during: Awaited<ReturnType<typeof within<Awaited<ReturnType<typeof me>>>>>[] = [];
    for (let i = 0; i < 5; i++) during.push(await within(me()));
    for (const r of during) expect(r).toMatchObject({ status: 200, email: user.email });
    const remaining = during.map((r) => (r === 'hung' ? NaN : Number(r.remaining)));
    expect(remaining.every((n) => Number.isInteger(n) && n < 1000)).toBe(true);
    expect(remaining[4]).toBeLessThan(remaining[0]);

    // Sign-in: the per-network budget and the account's wait are reserved in memory.
    const wrong = await within(login('not-the-password'));
    expect(wrong).not.toBe('hung');
    expect((wrong as Awaited<ReturnType<typeof login>>).errors?.[0]?.extensions?.code).toBe(
      'INVALID_CREDENTIALS',
    );
    const right = await within(login(user.password));
    expect(right).not.toBe('hung');
    expect((right as Awaited<ReturnType<typeof login>>).data?.login.accessToken).toEqual(expect.any(String));

    // Still frozen: every answer above came during the stall.
    expect(frozen).toBe(true);
    await eventually(async () => logged(RATE_FALLBACK) === 1 && logged(SIGNIN_FALLBACK) === 1, 5000);
    for (let i = 0; i < 3; i++) expect(await within(me())).toMatchObject({ status: 200 });
    expect(logged(RATE_FALLBACK)).toBe(1);
    expect(logged(SIGNIN_FALLBACK)).toBe(1);

    redis.kill('SIGCONT');
    frozen = false;
    // Shared again: a probe after the retry delay finds Redis answering, and the shared count goes on.
    await eventually(async () => {
      await me();
      return logged('Redis answers again: rate limits') === 1;
    }, 15_000);
    const after = await me();
    expect(after.status).toBe(200);
    expect(Number(after.remaining)).toBeLessThan(shared);
    expect(logged(RATE_FALLBACK)).toBe(1);
  }, 120_000);
});
