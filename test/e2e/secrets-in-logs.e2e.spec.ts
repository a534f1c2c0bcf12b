import { randomBytes } from 'node:crypto';
import {
  bootTestApp,
  lastMail,
  signIn,
  startProcess,
  type TestApp,
  type TestUser,
  openForumEdition,
  ok,
  type Json,
} from '#testing';

/*
 * What the api and the worker write to their logs, at the most verbose level and with every SQL
 * statement logged: a sign-up, email verification, sign-in, session refresh, password reset, an
 * invitation and its acceptance, a calendar feed and its fetch, with Authorization and Cookie
 * headers on the way. No code, token, password or header value issued or sent may appear in any
 * line. A failing query is logged as class, message, code and SQL state, without its parameters.
 * The public development key that signs tokens without JWT_SECRET never serves another machine.
 */

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) }`;
const VERIFY = `mutation($t: String!) { verifyEmail(token: $t) }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }`;
const REFRESH = `mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken refreshToken } }`;
const REQUEST_RESET = `mutation($e: String!) { requestPasswordReset(email: $e) }`;
const RESET = `mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }`;
const INVITE = `mutation($o: ID!, $e: String!) { inviteMember(organizationId: $o, email: $e) { id } }`;
const ACCEPT = `mutation($t: String!) { acceptInvitation(token: $t) { organizationId role } }`;
const FEED = `mutation($d: ID!) { agendaFeedUrl(delegateId: $d) { url path } }`;

const hex = (n = 6) => randomBytes(n).toString('hex');
const password = () => `Kasbah-${hex(8)}`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

let app: TestApp;
let organiser: TestUser;

/** Every line both processes wrote so far. */
const logLines = () => [...app.api.output, ...(app.worker?.output ?? [])];

/** The one-time code a message carries (43 base64url characters, as a code and in its link). */
async function codeMailed(to: string, template: string): Promise<string> {
  const mail = await lastMail(app, to, template);
  const code = /[A-Za-z0-9_-]{43}/.exec(mail?.body ?? '')?.[0];
  if (!code) throw new Error(`no ${template} code mailed to ${to}`);
  return code;
}

/** A JWT is also betrayed by its signature alone. */
const partsOf = (secret: string) =>
  secret.split('.').length === 3 ? [secret, secret.split('.')[2]] : [secret];

beforeAll(async () => {
  app = await bootTestApp({
    worker: true,
    env: { LOG_LEVEL: 'trace', LOG_SQL: 'true', RATE_LIMIT_POINTS: '0' },
  });
  organiser = await signIn(app, { roles: ['ORGANISER'] });
}, 120_000);
afterAll(() => app?.close());

it('logs no code, token, password or credential header of a whole account and forum journey', async () => {
  const secrets = new Map<string, string>();
  const keep = (what: string, value: string) => {
    for (const part of partsOf(value)) secrets.set(part, what);
    return value;
  };
  keep('organiser password', organiser.password);
  keep('organiser access token', organiser.headers.authorization.slice('Bearer '.length));
  keep('organiser refresh token', organiser.refreshToken);
  const cookie = keep('cookie value', `sid-${hex(16)}`);
  const headers = (token: string) => ({ ...bearer(token), cookie: `session=${cookie}` });

  // Sign-up, a wrong code, the real code, sign-in with a wrong then the right password, refresh.
  const email = `owner-${hex()}@example.org`;
  const firstPassword = keep('sign-up password', password());
  ok(
    await app.gql(REGISTER, {
      input: { email, password: firstPassword, displayName: 'Amina Belkacem', acceptTerms: true },
    }),
  );
  const guessed = keep('guessed verification code', randomBytes(32).toString('base64url'));
  expect((await app.gql(VERIFY, { t: guessed })).errors?.[0]?.extensions?.code).toBe('INVALID_TOKEN');
  const verification = keep('verification code', await codeMailed(email, 'verify-email'));
  expect(ok(await app.gql(VERIFY, { t: verification })).verifyEmail).toBe(true);
  const wrong = keep('wrong password', password());
  expect((await app.gql(LOGIN, { e: email, p: wrong })).errors?.[0]?.extensions?.code).toBe(
    'INVALID_CREDENTIALS',
  );
  const first = ok(await app.gql(LOGIN, { e: email, p: firstPassword })).login as Json;
  keep('access token', first.accessToken);
  keep('refresh token', first.refreshToken);
  const refreshed = ok(await app.gql(REFRESH, { r: first.refreshToken }, headers(first.accessToken)))
    .refreshSession as Json;
  keep('refreshed access token', refreshed.accessToken);
  keep('refreshed refresh token', refreshed.refreshToken);

  // Password reset, then sign-in with the new password.
  ok(await app.gql(REQUEST_RESET, { e: email }));
  const reset = keep('reset code', await codeMailed(email, 'reset-password'));
  const newPassword = keep('new password', password());
  expect(ok(await app.gql(RESET, { t: reset, p: newPassword })).resetPassword).toBe(true);
  const owner = ok(await app.gql(LOGIN, { e: email, p: newPassword })).login as Json;
  keep('access token after reset', owner.accessToken);
  keep('refresh token after reset', owner.refreshToken);

  // The owner's organisation invites a colleague, who signs up and accepts.
  const { rows } = await app.db.query<{ id: string; user_id: string }>(
    `WITH o AS (
       INSERT INTO organization (kind, name, description, country, innovation)
       VALUES ('SME', $1, '{}'::jsonb, 'DZ', '{}'::jsonb) RETURNING id)
     INSERT INTO membership (user_id, organization_id, role)
     SELECT u.id, o.id, 'OWNER' FROM o, user_account u WHERE u.email = $2 RETURNING organization_id AS id, user_id`,
    [JSON.stringify({ ar: null, fr: 'Atelier Belkacem', en: null }), email],
  );
  const organizationId = rows[0].id;
  const colleague = `colleague-${hex()}@example.org`;
  ok(await app.gql(INVITE, { o: organizationId, e: colleague }, headers(owner.accessToken)));
  const invitation = keep('invitation code', await codeMailed(colleague, 'invitation'));
  const colleaguePassword = keep('colleague password', password());
  ok(
    await app.gql(REGISTER, {
      input: {
        email: colleague,
        password: colleaguePassword,
        displayName: 'Yacine Mansouri',
        acceptTerms: true,
      },
    }),
  );
  ok(
    await app.gql(VERIFY, {
      t: keep('colleague verification code', await codeMailed(colleague, 'verify-email')),
    }),
  );
  const member = ok(await app.gql(LOGIN, { e: colleague, p: colleaguePassword })).login as Json;
  keep('colleague access token', member.accessToken);
  keep('colleague refresh token', member.refreshToken);
  expect(
    ok(await app.gql(ACCEPT, { t: invitation }, headers(member.accessToken))).acceptInvitation,
  ).toMatchObject({ organizationId, role: 'MEMBER' });

  // A forum edition, the owner as delegate, the delegate's private calendar feed and its fetch.
  const editionId = await openForumEdition(app, organiser.headers, {
    name: { fr: 'Forum des secrets', en: 'Secrets forum' },
    startsOn: '2030-06-10',
    endsOn: '2030-06-10',
    sessions: [{ day: '2030-06-10', kind: 'MORNING', start: '09:00', end: '11:00' }],
  });
  const delegateId = ok(
    await app.gql(
      `mutation($input: RegisterDelegateInput!) { registerDelegate(input: $input) { id } }`,
      { input: { editionId, organizationId, name: 'Amina Belkacem', email, userId: rows[0].user_id } },
      headers(owner.accessToken),
    ),
  ).registerDelegate.id as string;
  const feed = ok(await app.gql(FEED, { d: delegateId }, headers(owner.accessToken))).agendaFeedUrl as Json;
  const feedToken = keep('calendar feed token', /\/forum\/feeds\/([A-Za-z0-9_-]+)\.ics$/.exec(feed.path)![1]);
  const ics = await fetch(`${app.url}${feed.path}?lang=fr`, { headers: { cookie: `session=${cookie}` } });
  expect(ics.status).toBe(200);
  expect(await ics.text()).toContain('BEGIN:VCALENDAR');
  // A mistyped feed address and a printable agenda with an Authorization header.
  expect((await fetch(`${app.url}/forum/feeds/${feedToken.slice(0, -1)}x.ics`)).status).toBe(404);
  const agenda = await fetch(`${app.url}/forum/agendas/delegates/${delegateId}.html`, {
    headers: headers(owner.accessToken),
  });
  expect(agenda.status).toBe(200);
  // Variables in a GraphQL GET's query string.
  const inUrl = keep('token in a query string', randomBytes(32).toString('base64url'));
  await fetch(
    `${app.url}/graphql?query=${encodeURIComponent('query($t: String) { __typename }')}&variables=${encodeURIComponent(
      JSON.stringify({ t: inUrl }),
    )}`,
    { headers: { 'apollo-require-preflight': 'true' } },
  );

  await new Promise((r) => setTimeout(r, 300));
  const lines = logLines();
  const leaks: string[] = [];
  for (const [secret, what] of secrets)
    for (const line of lines) if (line.includes(secret)) leaks.push(`${what}: ${line.slice(0, 300)}`);
  expect(leaks).toEqual([]);
  expect(secrets.size).toBeGreaterThan(25);

  // The log was written at trace level, requests and SQL included (so the search above meant something).
  const parsed = lines.flatMap((l) => {
    try {
      return [JSON.parse(l) as Json];
    } catch {
      return [];
    }
  });
  expect(
    parsed.some((l) => l.req?.url === '/forum/feeds/:token.ics?lang=[redacted]' && l.res?.statusCode === 200),
  ).toBe(true);
  expect(parsed.some((l) => l.req?.url === '/graphql' && l.req?.method === 'POST')).toBe(true);
  expect(parsed.some((l) => l.msg === 'sql' && /refresh_token/.test(l.query))).toBe(true);
}, 120_000);

it('logs a failed query as class, message, code and SQL state, never its parameters', async () => {
  // Postgres refuses this one display name; the row it was given holds the values below.
  await app.db.query(
    `ALTER TABLE user_account ADD CONSTRAINT no_poison_names CHECK (display_name NOT LIKE 'Poison-%')`,
  );
  try {
    const name = `Poison-${hex()}`;
    const email = `poisoned-${hex()}@example.org`;
    const secret = password();
    const res = await app.gql(REGISTER, {
      input: { email, password: secret, displayName: name, acceptTerms: true },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const requestId = res.errors![0].extensions!.requestId as string;
    expect(requestId).toBeTruthy();
    await new Promise((r) => setTimeout(r, 300));

    const lines = logLines();
    const logged = lines
      .filter((l) => l.includes(requestId) && l.includes('unhandled error in GraphQL operation'))
      .map((l) => JSON.parse(l) as Json);
    expect(logged).toHaveLength(1);
    // No line of either process holds a value the failed statement was given.
    for (const value of [name, email, secret]) expect(lines.filter((l) => l.includes(value))).toEqual([]);
    expect(logged[0].err).toMatchObject({
      type: 'QueryFailedError',
      sqlState: '23514',
      constraint: 'no_poison_names',
    });
    expect(logged[0].err.message).toContain('violates check constraint');
    for (const key of ['query', 'parameters', 'detail', 'driverError'])
      expect(logged[0].err).not.toHaveProperty(key);
  } finally {
    await app.db.query(`ALTER TABLE user_account DROP CONSTRAINT no_poison_names`);
  }
}, 60_000);

it('stops start-up on a non-loopback HOST without JWT_SECRET, whatever NODE_ENV says', async () => {
  for (const NODE_ENV of ['development', 'test']) {
    const api = await startProcess('api', { ...app.env, NODE_ENV, HOST: '0.0.0.0', JWT_SECRET: '' }, null);
    expect(await api.stop()).toBe(1);
    expect(api.output.join('\n')).toMatch(
      /JWT_SECRET="": is required when HOST=0\.0\.0\.0 is not a loopback address/,
    );
  }
}, 60_000);
