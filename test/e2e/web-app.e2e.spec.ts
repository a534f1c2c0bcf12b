import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { bootTestApp, createTestDatabase, startProcess, type TestApp } from '#testing';
import { generatedDocuments, webBreaks } from '../../apps/web/schemaBreaks.js';
import { languageOf } from '../../apps/api/src/edge/web-app.js';

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
      // The header's static bar, painted before any script has run.
      expect(html).toContain('<div id="root">');
      expect(html).toContain('class="static-shell"');
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

  /** The raw answer (no decoding) to a GET with these headers. */
  const raw = (path: string, headers: Record<string, string>) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((done, fail) => {
      get(`${app.url}${path}`, { headers }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () =>
          done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }),
        );
      }).on('error', fail);
    });

  it('sends scripts and style sheets Brotli or gzip compressed to the browsers that accept it', async () => {
    const html = await (await page('/')).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const style = /href="(\/assets\/[^"]+\.css)"/.exec(html)![1];
    for (const asset of [script, style]) {
      const plain = readFileSync(resolve(`dist/web${asset}`));
      const identity = await raw(asset, { 'accept-encoding': 'identity' });
      expect(identity.headers['content-encoding']).toBeUndefined();
      expect(identity.body.equals(plain)).toBe(true);
      const br = await raw(asset, { 'accept-encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toMatch(/Accept-Encoding/i);
      expect(br.headers['content-type']).toMatch(asset.endsWith('.js') ? /javascript/ : /text\/css/);
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(brotliDecompressSync(br.body).equals(plain)).toBe(true);
      expect(br.body.length).toBeLessThan(plain.length / 2);
      const gz = await raw(asset, { 'accept-encoding': 'gzip' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.body).equals(plain)).toBe(true);
    }
  });

  it("names the agenda's and the search page's chunks in modulepreload links, in the browser's language", async () => {
    const links = (html: string) =>
      [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]);
    const agenda = await (
      await fetch(`${app.url}/agenda/00000000-0000-4000-8000-000000000000`, {
        headers: { accept: 'text/html', 'accept-language': 'de-DE, fr;q=0.8, ar;q=0.5' },
      })
    ).text();
    const preloaded = links(agenda);
    expect(preloaded.some((f) => /\/assets\/AgendaPage-[\w-]+\.js$/.test(f))).toBe(true);
    // French is the first language the app speaks in the header: its shared catalogue, not English.
    expect(preloaded.some((f) => /\/assets\/catalogue\.fr-[\w-]+\.js$/.test(f))).toBe(true);
    expect(preloaded.some((f) => /catalogue\.en-/.test(f))).toBe(false);
    // The entry chunk is not named again, and every file named is served.
    expect(preloaded).not.toContain(/src="(\/assets\/[^"]+\.js)"/.exec(agenda)![1]);
    for (const file of preloaded) expect([file, (await page(file, '*/*')).status]).toEqual([file, 200]);
    // The search page has its own; a page the build lists none for has none.
    const search = links(await (await page('/')).text());
    expect(search.some((f) => /\/assets\/SearchPage-[\w-]+\.js$/.test(f))).toBe(true);
    expect(search.some((f) => /AgendaPage-/.test(f))).toBe(false);
    expect(links(await (await page('/signin')).text())).toEqual([]);
  });

  it('leaves the api its own paths, and API clients their JSON 404', async () => {
    const health = await page('/health', 'application/json');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const gql = await app.gql<{ __typename: string }>('{ __typename }');
    expect(gql.data?.__typename).toBe('Query');
    // GraphQL's own landing page, not the web app, on a browser's GET /graphql.
    expect(await (await page('/graphql')).text()).not.toContain('<div id="root">');
    // Without text/html in Accept (fetch, curl), an unknown path is the api's 404, not the app.
    expect((await page('/no-such-path', '*/*')).status).toBe(404);
    // A POST is never answered with the page.
    const post = await fetch(`${app.url}/signin`, { method: 'POST', headers: { accept: 'text/html' } });
    expect(post.status).toBe(404);
  });
});

describe('the language of the preloaded messages', () => {
  it('is the first language of Accept-Language the app speaks, by preference, else Arabic', () => {
    expect(languageOf('fr-FR,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(languageOf('de;q=1, en;q=0.3, ar;q=0.7')).toBe('ar');
    expect(languageOf('en-GB, fr;q=0')).toBe('en');
    expect(languageOf('de, es')).toBe('ar');
    expect(languageOf(undefined)).toBe('ar');
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
