import { bootTestApp, signIn, type TestApp, type TestUser } from '#testing';

/*
 * The job queues dashboard (bull-board) at /admin/queues: opened by an admin through the
 * `openJobQueues` mutation, which scopes the request's access token to that path in an HttpOnly
 * cookie; refused to everyone else, and closed as soon as the account stops being an admin.
 */

const OPEN = `mutation { openJobQueues }`;

let app: TestApp;
let admin: TestUser;
let organiser: TestUser;

async function openAs(
  user: TestUser,
): Promise<{ body: { data?: unknown; errors?: unknown[] }; cookie: string }> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...user.headers },
    body: JSON.stringify({ query: OPEN }),
  });
  return {
    body: (await res.json()) as { data?: unknown; errors?: unknown[] },
    cookie: res.headers.get('set-cookie') ?? '',
  };
}

const get = (path: string, cookie?: string) =>
  fetch(`${app.url}${path}`, { headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } });

beforeAll(async () => {
  app = await bootTestApp({ env: { RATE_LIMIT_POINTS: '0' } });
  admin = await signIn(app, { roles: ['ADMIN'] });
  organiser = await signIn(app, { roles: ['ORGANISER'] });
});
afterAll(() => app?.close());

it('opens the dashboard for an admin only, with a cookie scoped to its path', async () => {
  const refused = await openAs(organiser);
  expect((refused.body.errors?.[0] as { extensions: { code: string } }).extensions.code).toBe('FORBIDDEN');
  expect(refused.cookie).toBe('');

  const opened = await openAs(admin);
  expect(opened.body.data).toEqual({ openJobQueues: '/admin/queues' });
  expect(opened.cookie).toMatch(
    /^tashbik_queues=[\w.~-]+; Path=\/admin\/queues; Max-Age=\d+; HttpOnly; SameSite=Strict$/,
  );
  const cookie = opened.cookie.split(';')[0];

  // Without the cookie: a page pointing back to the console, not the dashboard nor the web app.
  const anonymous = await get('/admin/queues');
  expect(anonymous.status).toBe(401);
  expect(await anonymous.text()).toContain('/console/operations');

  const page = await get('/admin/queues', cookie);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('__UI_CONFIG__');
  // Its own policy: its scripts from this origin, nothing inline, nothing from elsewhere.
  const csp = page.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  // Its scripts resolve against its <base href>, which the policy must let apply.
  expect(csp).toContain("base-uri 'self'");
  const base = /<base href="([^"]+)"/.exec(html)?.[1];
  expect(base).toBe('/admin/queues/');
  const scripts = [...html.matchAll(/<script defer src="([^"]+)"/g)].map((m) => m[1]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const src of scripts) {
    const asset = await fetch(`${app.url}${base}${src}`, { headers: { cookie } });
    expect([src, asset.status]).toEqual([src, 200]);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  }

  const api = await fetch(`${app.url}/admin/queues/api/queues?activeQueue=mail&page=1`, {
    headers: { cookie },
  });
  expect(api.status).toBe(200);
  const names = ((await api.json()) as { queues: { name: string }[] }).queues.map((q) => q.name).sort();
  expect(names).toEqual(['forum', 'identity', 'mail', 'matchmaking', 'search-sync']);
});

it('refuses a forged cookie, and closes when the admin role is revoked', async () => {
  expect((await get('/admin/queues', 'tashbik_queues=not.a.token')).status).toBe(401);
  const other = await signIn(app, { roles: ['ADMIN'] });
  const { cookie } = await openAs(other);
  const value = cookie.split(';')[0];
  expect((await get('/admin/queues', value)).status).toBe(200);
  await app.db.query(`UPDATE user_account SET roles = '{}' WHERE id = $1`, [other.userId]);
  expect((await get('/admin/queues', value)).status).toBe(403);
  const api = await fetch(`${app.url}/admin/queues/api/queues`, { headers: { cookie: value } });
  expect(api.status).toBe(403);
});
