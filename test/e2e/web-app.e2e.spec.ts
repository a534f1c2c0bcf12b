import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bootTestApp, createTestDatabase, startProcess, type TestApp } from '#testing';
import { generatedDocuments, webBreaks } from '../../apps/web/schemaBreaks.js';

/*
 * The api serves the web app's build: index.html (under a strict Content-Security-Policy) for the
 * app's own routes, hashed assets cached for good, and its own paths (/graphql, /health) as before.
 * And the schema the web app is checked against is the one the code builds.
 */

const SCHEMA_FILE = resolve('apps/web/schema.graphql');

describe('the web app, served by the api', () => {
  let app: TestApp;
  beforeAll(async () => {
    if (!existsSync(resolve('dist/web/index.html')))
      throw new Error('dist/web is missing: npm test builds it (npm run build:web)');
    app = await bootTestApp();
  });
  afterAll(() => app?.close());

  const page = (path: string, accept = 'text/html,application/xhtml+xml') =>
    fetch(`${app.url}${path}`, { headers: { accept } });

  it('answers the home page and any app route with index.html, under a policy with no inline script', async () => {
    for (const path of [
      '/',
      '/o/00000000-0000-4000-8000-000000000000',
      '/signin?next=%2F',
      '/verify-email',
    ]) {
      const res = await page(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const html = await res.text();
      expect(html).toContain('<div id="root"></div>');
      // Every script is a file of the app's own origin.
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });

  it('serves hashed assets for a year, and a missing asset as a 404, not as the page', async () => {
    const html = await (await page('/')).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const res = await page(asset, '*/*');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await page('/assets/missing-0000.js')).status).toBe(404);
  });

  it('leaves the api its own paths, and API clients their JSON 404', async () => {
    const health = await page('/health', 'application/json');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const gql = await app.gql<{ __typename: string }>('{ __typename }');
    expect(gql.data?.__typename).toBe('Query');
    // GraphQL's own landing page, not the web app, on a browser's GET /graphql.
    expect(await (await page('/graphql')).text()).not.toContain('<div id="root"></div>');
    // Without text/html in Accept (fetch, curl), an unknown path is the api's 404, not the app.
    expect((await page('/no-such-path', '*/*')).status).toBe(404);
    // A POST is never answered with the page.
    const post = await fetch(`${app.url}/signin`, { method: 'POST', headers: { accept: 'text/html' } });
    expect(post.status).toBe(404);
  });
});

describe('apps/web/schema.graphql', () => {
  it('is the schema the api builds (run `npm run schema` after changing the GraphQL API)', async () => {
    const database = await createTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'tashbik-schema-'));
    try {
      const out = join(dir, 'schema.graphql');
      const run = await startProcess(
        'cli',
        {
          NODE_ENV: 'test',
          DATABASE_URL: database.url,
          MEILI_HOST: process.env.MEILI_HOST ?? '',
          MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY ?? '',
          LOG_LEVEL: 'warn',
        },
        null,
        ['schema', '--out', out],
        50_000,
      );
      expect(run.child.exitCode).toBe(0);
      const built = readFileSync(out, 'utf8');
      expect(built).toContain('searchOrganizations(');
      const committed = readFileSync(SCHEMA_FILE, 'utf8');
      // What the code's schema breaks for the web's typed documents (GraphQL Inspector), said first.
      const documents = generatedDocuments(readFileSync(resolve('apps/web/src/gql/graphql.ts'), 'utf8'));
      const breaks = await webBreaks(committed, built, documents);
      const forWeb = [...breaks.invalid.map((d) => `${d.name}: ${d.errors.join('; ')}`), ...breaks.breaking];
      if (forWeb.length)
        throw new Error(`the api's schema breaks the web app's documents:\n  ${forWeb.join('\n  ')}`);
      if (built !== committed)
        throw new Error(
          'apps/web/schema.graphql differs from the schema the code builds: run `npm run schema` and commit the file ' +
            '(then `npm run codegen`; `npm run typecheck` and the web tests tell whether the web app still fits the api)' +
            (breaks.elsewhere.length
              ? `; breaking for other clients:\n  ${breaks.elsewhere.join('\n  ')}`
              : '.'),
        );
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await database.drop();
    }
  });
});
