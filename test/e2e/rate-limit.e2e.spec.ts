import { bootTestApp, startProcess, type RunningProcess, type TestApp } from '#testing';

/*
 * The request budget per client, counted in Redis: a low limit through the environment, two api
 * processes sharing it, refusals with 429, Retry-After and RATE_LIMITED, health never limited.
 */

const POINTS = 6;
const WINDOW_S = 120;

interface Reply {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

async function post(url: string, query: string, variables?: Record<string, unknown>): Promise<Reply> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:5173' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Reply['body'] };
}

describe('rate limiting', () => {
  let app: TestApp;
  let second: RunningProcess;
  let secondUrl: string;

  beforeAll(async () => {
    app = await bootTestApp({
      env: { RATE_LIMIT_POINTS: String(POINTS), RATE_LIMIT_WINDOW_S: String(WINDOW_S) },
    });
    // Same database, Redis and key prefix: another replica of the same installation.
    second = await startProcess('api', app.env, /"msg":"api listening"/);
    const port = /"port":(\d+)/.exec(second.output.find((l) => l.includes('api listening')) ?? '')?.[1];
    secondUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await second?.stop();
    await app?.close();
  });

  it('shares one budget between api processes, then refuses with 429, Retry-After and RATE_LIMITED', async () => {
    const urls = [app.url, secondUrl];
    const remaining: number[] = [];
    for (let i = 0; i < POINTS; i++) {
      const r = await post(urls[i % 2], '{ __typename }');
      expect(r.status).toBe(200);
      expect(r.body.data).toEqual({ __typename: 'Query' });
      remaining.push(Number(r.headers.get('ratelimit-remaining')));
    }
    // One counter: each process sees what the other consumed.
    expect(remaining).toEqual(Array.from({ length: POINTS }, (_, i) => POINTS - 1 - i));

    for (const url of urls) {
      const r = await post(url, '{ __typename }');
      expect(r.status).toBe(429);
      const retryAfter = Number(r.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(WINDOW_S);
      expect(r.headers.get('content-type')).toMatch(/application\/json/);
      expect(r.body.errors).toEqual([
        {
          message: expect.stringMatching(new RegExp(`at most ${POINTS} every ${WINDOW_S} s`)),
          extensions: { code: 'RATE_LIMITED', retryAfter },
        },
      ]);
      expect(r.body.data).toBeUndefined();
      // A browser app on an allowed origin can read the refusal and when to come back.
      expect(r.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(r.headers.get('access-control-expose-headers')).toMatch(/retry-after/);
    }
  });

  it('refuses a write over the limit before it runs', async () => {
    const before = await app.db.query(`SELECT count(*)::int AS n FROM organization`);
    const r = await post(
      app.url,
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      { input: { kind: 'SME', name: { fr: 'Trop tard' }, country: 'DZ' } },
    );
    expect(r.status).toBe(429);
    expect(r.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    const after = await app.db.query(`SELECT count(*)::int AS n FROM organization`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('never limits the health endpoints', async () => {
    for (const url of [app.url, secondUrl])
      for (const path of ['/health', '/health/ready']) {
        const res = await fetch(`${url}${path}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('ratelimit-limit')).toBeNull();
      }
    // The budget is still spent for GraphQL.
    expect((await post(secondUrl, '{ __typename }')).status).toBe(429);
  });
});
