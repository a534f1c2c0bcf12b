import { bootTestApp, type TestApp } from '#testing';

/*
 * What the api shows the outside world, in production and in development settings: CORS allow-list,
 * security headers, introspection, the GraphiQL landing page and field suggestions.
 */

const ALLOWED = 'https://forum.example.org';
const INTROSPECTION = `{ __schema { queryType { name } } }`;

async function post(app: TestApp, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    res,
    body: (await res.json()) as {
      data?: unknown;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    },
  };
}

describe('edge in production', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootTestApp({ env: { NODE_ENV: 'production', CORS_ORIGINS: ALLOWED } });
  });
  afterAll(() => app?.close());

  it('answers CORS requests from the allow-list only', async () => {
    const allowed = await post(app, { query: '{ __typename }' }, { origin: ALLOWED });
    expect(allowed.res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.res.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);

    for (const origin of ['https://evil.example', 'http://localhost:5173', 'null']) {
      const other = await post(app, { query: '{ __typename }' }, { origin });
      expect(other.res.headers.get('access-control-allow-origin')).toBeNull();
    }

    const preflight = await fetch(`${app.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: ALLOWED,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/content-type/);
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/);
    const refused = await fetch(`${app.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends security headers on GraphQL, refusals and health, and no X-Powered-By', async () => {
    const responses = [
      (await post(app, { query: '{ __typename }' })).res,
      (await post(app, { query: '{ nope }' })).res,
      await fetch(`${app.url}/health`),
      await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } }),
    ];
    for (const res of responses) {
      expect(res.headers.get('content-security-policy')).toMatch(
        /default-src 'none'.*frame-ancestors 'none'/,
      );
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('refuses introspection, serves no landing page and hides field suggestions', async () => {
    const intro = await post(app, { query: INTROSPECTION });
    expect(intro.res.status).toBe(400);
    expect(intro.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(intro.body.errors?.[0].message).toMatch(/introspection/i);

    const page = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(await page.text()).not.toMatch(/graphiql/i);

    const typo = await post(app, { query: '{ organizationz { id } }' });
    expect(typo.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.body.errors?.[0].message).toMatch(/organizationz/);
    expect(typo.body.errors?.[0].message).not.toMatch(/Did you mean/);
  });
});

describe('edge in development settings', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootTestApp({ env: { GRAPHQL_MAX_DEPTH: '5', GRAPHQL_MAX_COST: '500' } });
  });
  afterAll(() => app?.close());

  it('allows introspection, field suggestions and browser apps on localhost', async () => {
    const intro = await post(app, { query: INTROSPECTION }, { origin: 'http://localhost:4200' });
    expect(intro.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    expect(intro.res.headers.get('access-control-allow-origin')).toBe('http://localhost:4200');
    const typo = await post(app, { query: '{ organizationz { id } }' });
    expect(typo.body.errors?.[0].message).toMatch(/Did you mean/);
  });

  it('serves GraphiQL with a policy that lets it load from its CDN, and nothing more', async () => {
    const page = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/graphiql/i);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'unsafe-inline' https:\/\/unpkg\.com/);
    expect(csp).toMatch(/connect-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    // JSON answers keep the strict policy.
    const json = await post(app, { query: '{ __typename }' });
    expect(json.res.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
  });

  it('applies the configured depth and cost limits, counting page sizes given as variables', async () => {
    const deep = await post(app, {
      query: `{ organizations { edges { node { opportunities { organization { id } } } } } }`,
    });
    expect(deep.res.status).toBe(400);
    expect(deep.body.errors?.[0]).toMatchObject({
      message: 'Query depth limit of 5 exceeded, found 6.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth', max: 5, found: 6 },
    });

    const page = `query($n: Int) { organizations(first: $n) { edges { cursor node { id name { ar fr en } } } } }`;
    // 1 + edges + n × (cursor + node + id + name + ar + fr + en) = 2 + 7n
    expect((await post(app, { query: page, variables: { n: 71 } })).body.errors).toBeUndefined();
    const costly = await post(app, { query: page, variables: { n: 72 } });
    expect(costly.res.status).toBe(400);
    expect(costly.body.errors?.[0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'cost',
      max: 500,
      found: 2 + 7 * 72,
    });
  });
});
