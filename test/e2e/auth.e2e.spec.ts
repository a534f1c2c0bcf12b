import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { hash } from '@node-rs/argon2';
import { SignJWT } from 'jose';
import {
  bootTestApp,
  eventually,
  lastMail,
  signIn,
  type GqlResponse,
  type TestApp,
  type TestUser,
  ok,
  type Json,
} from '#testing';

/*
 * Accounts and sessions through the real api process: sign-up with email verification, sign-in,
 * rotating refresh tokens, sign-out, password change and reset, the sign-in throttle, and a
 * person's rights over their data (export, deletion).
 */

/** The key test apps sign access tokens with (bootTestApp's JWT_SECRET). */
const JWT_SECRET = 'test-only-secret-for-access-tokens-0123456789';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) }`;
const VERIFY = `mutation($t: String!) { verifyEmail(token: $t) }`;
const LOGIN = `mutation($e: String!, $p: String!) {
  login(email: $e, password: $p) { accessToken refreshToken accessTokenExpiresAt refreshTokenExpiresAt userId }
}`;
const REFRESH = `mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken refreshToken userId } }`;
const LOGOUT = `mutation($r: String!) { logout(refreshToken: $r) }`;
const ME = `{ me { id email displayName locale roles emailVerified consentVersion memberships { organizationId role } } }`;
const REQUEST_RESET = `mutation($e: String!) { requestPasswordReset(email: $e) }`;
const RESET = `mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }`;
const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;
const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id status } }`;

const errorOf = (r: GqlResponse<unknown>) => {
  expect(r.errors?.length).toBeGreaterThan(0);
  for (const e of r.errors!) expect(e.extensions ?? {}).not.toHaveProperty('stacktrace');
  return r.errors![0];
};
const codeOf = (r: GqlResponse<unknown>) => errorOf(r).extensions?.code;
const pathsOf = (r: GqlResponse<unknown>) =>
  ((errorOf(r).extensions?.fields as { path: string }[] | undefined) ?? []).map((f) => f.path);

const uniqueEmail = (tag: string) => `${tag}-${randomBytes(5).toString('hex')}@example.org`;
const strongPassword = () => `Tamazight-${randomBytes(6).toString('hex')}`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const tokenIn = (body: string) => /token=([A-Za-z0-9_-]+)/.exec(body)?.[1];

const smeInput = (name: string, contactEmail?: string) => ({
  kind: 'SME',
  name: { fr: name },
  country: 'DZ',
  regionCode: 'DZ-16',
  sectors: ['25'],
  ...(contactEmail ? { contacts: [{ name: 'Nadia Haddad', email: contactEmail }] } : {}),
});

/** Posts a raw request, for the HTTP status and headers the GraphQL client does not show. */
async function rawPost(app: TestApp, query: string, headers: Record<string, string>) {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as GqlResponse };
}

describe('accounts and sessions', () => {
  let app: TestApp;
  let organiser: TestUser;

  beforeAll(async () => {
    // A first wait of 30 s rather than 1 s after the free failures: the tests below expect the next
    // attempt to land inside it, which a busy machine could otherwise take longer than a second to make.
    app = await bootTestApp({ worker: true, env: { RATE_LIMIT_POINTS: '0', AUTH_FIRST_DELAY_S: '30' } });
    organiser = await signIn(app, { roles: ['ORGANISER'] });
  }, 120_000);
  afterAll(() => app?.close());

  const register = (input: Json) => app.gql<{ register: boolean }>(REGISTER, { input }, {});
  const login = (e: string, p: string) => app.gql<{ login: Json }>(LOGIN, { e, p }, {});

  /** Registers, verifies through the mailed code, and signs in. */
  async function newAccount(opts: { verify?: boolean } = {}) {
    const email = uniqueEmail('acct');
    const password = strongPassword();
    ok(await register({ email, password, displayName: 'Amina Test', locale: 'en', acceptTerms: true }));
    if (opts.verify !== false) {
      const token = tokenIn((await lastMail(app, email, 'verify-email'))!.body)!;
      ok(await app.gql(VERIFY, { t: token }, {}));
    }
    const session = ok(await login(email, password)).login;
    return { email, password, session, headers: bearer(session.accessToken as string) };
  }

  describe('registration', () => {
    it('registers, mails a verification code, verifies, signs in and answers me', async () => {
      const email = uniqueEmail('Amina.New').replace('amina', 'Amina');
      const password = strongPassword();
      const r = await register({
        email: `  ${email.toUpperCase()} `,
        password,
        displayName: 'Amina Benali',
        locale: 'ar',
        acceptTerms: true,
      });
      expect(ok(r).register).toBe(true);
      const normalised = email.toLowerCase();
      const mail = await lastMail(app, normalised, 'verify-email');
      expect(mail).not.toBeNull();
      expect(mail!.subject).toBe('تأكيد بريدك الإلكتروني');
      const token = tokenIn(mail!.body)!;
      expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      // The code is stored hashed, never as sent.
      const { rows: stored } = await app.db.query<{ token_hash: string }>(
        `SELECT t.token_hash FROM email_token t JOIN user_account u ON u.id = t.user_id WHERE u.email = $1`,
        [normalised],
      );
      expect(stored).toHaveLength(1);
      expect(stored[0].token_hash).not.toBe(token);

      const before = ok(await login(normalised, password)).login;
      const me1 = ok(await app.gql<{ me: Json }>(ME, {}, bearer(before.accessToken))).me;
      expect(me1).toMatchObject({ email: normalised, emailVerified: false, locale: 'ar', roles: [] });

      expect(ok(await app.gql(VERIFY, { t: token }, {})).verifyEmail).toBe(true);
      // The code works once.
      expect(codeOf(await app.gql(VERIFY, { t: token }, {}))).toBe('INVALID_TOKEN');

      const s = ok(await login(normalised, password)).login;
      expect(s.accessToken).toEqual(expect.any(String));
      expect(s.refreshToken).toEqual(expect.any(String));
      expect(new Date(s.accessTokenExpiresAt).getTime()).toBeLessThan(
        new Date(s.refreshTokenExpiresAt).getTime(),
      );
      const me = ok(await app.gql<{ me: Json }>(ME, {}, bearer(s.accessToken))).me;
      expect(me).toMatchObject({
        id: s.userId,
        email: normalised,
        displayName: 'Amina Benali',
        emailVerified: true,
        memberships: [],
      });
      expect(me.consentVersion).toEqual(expect.any(String));
      // Anonymous: no one.
      expect(ok(await app.gql<{ me: Json }>(ME, {}, {})).me).toBeNull();
      // The password is stored as an argon2id hash.
      const { rows } = await app.db.query<{ password_hash: string; consented_at: Date }>(
        `SELECT password_hash, consented_at FROM user_account WHERE email = $1`,
        [normalised],
      );
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
      expect(rows[0].consented_at).toBeInstanceOf(Date);
    });

    it.each([
      ['too short', 'Sh0rt!x', 'input.password'],
      ['too long', 'x'.repeat(100) + randomBytes(20).toString('hex'), 'input.password'],
      ['common', 'password123', 'input.password'],
      ['common, other case', 'QwertyUIOP', 'input.password'],
      ['one repeated character', 'zzzzzzzzzzzzzz', 'input.password'],
    ])('refuses a %s password with BAD_USER_INPUT at input.password', async (_, password, path) => {
      const email = uniqueEmail('weak');
      const r = await register({ email, password, displayName: 'Weak Pw', acceptTerms: true });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(pathsOf(r)).toEqual([path]);
      const { rows } = await app.db.query(`SELECT 1 FROM user_account WHERE email = $1`, [email]);
      expect(rows).toHaveLength(0);
      expect(await lastMail(app, email)).toBeNull();
    });

    it('refuses a password containing the email or name, an unaccepted consent, a bad email', async () => {
      const email = uniqueEmail('kamelzitouni');
      const mine = await register({
        email,
        password: `${email.split('@')[0]}!`,
        displayName: 'K Z',
        acceptTerms: true,
      });
      expect(codeOf(mine)).toBe('BAD_USER_INPUT');
      expect(pathsOf(mine)).toEqual(['input.password']);

      const terms = await register({
        email,
        password: strongPassword(),
        displayName: 'K Z',
        acceptTerms: false,
      });
      expect(codeOf(terms)).toBe('BAD_USER_INPUT');
      expect(pathsOf(terms)).toEqual(['input.acceptTerms']);

      // Left out entirely, the variable itself is refused before anything runs.
      const missing = await register({ email, password: strongPassword(), displayName: 'K Z' });
      expect(codeOf(missing)).toBe('BAD_USER_INPUT');
      expect(errorOf(missing).message).toMatch(/acceptTerms/);

      const several = await register({
        email: 'not-an-email',
        password: 'short',
        displayName: ' ',
        acceptTerms: false,
      });
      expect(codeOf(several)).toBe('BAD_USER_INPUT');
      expect(pathsOf(several).sort()).toEqual(
        ['input.acceptTerms', 'input.displayName', 'input.email', 'input.password'].sort(),
      );
      const { rows } = await app.db.query(`SELECT 1 FROM user_account WHERE email = $1`, [email]);
      expect(rows).toHaveLength(0);
    });

    it('answers a registration of a taken address exactly like a new one, and mails its owner', async () => {
      const taken = await newAccount();
      const fresh = uniqueEmail('fresh');
      const input = (email: string) => ({
        email,
        password: strongPassword(),
        displayName: 'Someone Else',
        acceptTerms: true,
      });
      const rNew = await register(input(fresh));
      const rTaken = await register(input(taken.email));
      expect(rTaken).toEqual(rNew);
      expect(rTaken).toEqual({ status: 200, data: { register: true } });
      expect((await lastMail(app, taken.email))!.template).toBe('already-registered');
      expect((await lastMail(app, fresh))!.template).toBe('verify-email');
      // The original account and its password are untouched.
      ok(await login(taken.email, taken.password));
      const { rows } = await app.db.query(`SELECT 1 FROM user_account WHERE email = $1`, [taken.email]);
      expect(rows).toHaveLength(1);
    });

    it('lets an unverified user sign in, but not create an organisation until verified', async () => {
      const email = uniqueEmail('unverified');
      const password = strongPassword();
      ok(await register({ email, password, displayName: 'Not Yet', acceptTerms: true }));
      const s = ok(await login(email, password)).login;
      const refused = await app.gql(
        CREATE_ORG,
        { input: smeInput('Atelier Pas Encore') },
        bearer(s.accessToken),
      );
      expect(codeOf(refused)).toBe('FORBIDDEN');
      const { rows: none } = await app.db.query(
        `SELECT 1 FROM membership m JOIN user_account u ON u.id = m.user_id WHERE u.email = $1`,
        [email],
      );
      expect(none).toHaveLength(0);

      ok(await app.gql(VERIFY, { t: tokenIn((await lastMail(app, email, 'verify-email'))!.body) }, {}));
      // The same access token now carries the verified account (the account is read per request).
      const created = ok(
        await app.gql<{ createOrganization: Json }>(
          CREATE_ORG,
          { input: smeInput('Atelier Vérifié') },
          bearer(s.accessToken),
        ),
      ).createOrganization;
      expect(created.status).toBe('PENDING');
    });
  });

  describe('sign-in', () => {
    it('gives the same INVALID_CREDENTIALS for an unknown email and a wrong password', async () => {
      const acct = await newAccount();
      const unknown = await login(uniqueEmail('nobody'), 'Whatever-12345');
      const wrong = await login(acct.email, 'Whatever-12345');
      expect(codeOf(unknown)).toBe('INVALID_CREDENTIALS');
      const strip = (r: GqlResponse<unknown>) => ({
        status: r.status,
        data: r.data,
        errors: r.errors!.map(({ message, extensions }) => ({
          message,
          extensions: { ...extensions, requestId: undefined },
        })),
      });
      expect(strip(wrong)).toEqual(strip(unknown));
    });

    it('rotates refresh tokens; a reused one fails and revokes the whole family', async () => {
      const acct = await newAccount();
      const r1 = acct.session.refreshToken as string;
      const second = ok(await app.gql<{ refreshSession: Json }>(REFRESH, { r: r1 }, {})).refreshSession;
      expect(second.refreshToken).not.toBe(r1);
      expect(second.accessToken).not.toBe(acct.session.accessToken);
      expect(second.userId).toBe(acct.session.userId);
      const me = ok(await app.gql<{ me: Json }>(ME, {}, bearer(second.accessToken))).me;
      expect(me.email).toBe(acct.email);

      // The old token again: refused, and the newer one dies with it.
      const reuse = await app.gql(REFRESH, { r: r1 }, {});
      expect(codeOf(reuse)).toBe('INVALID_TOKEN');
      expect(codeOf(await app.gql(REFRESH, { r: second.refreshToken }, {}))).toBe('INVALID_TOKEN');
      const { rows } = await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM refresh_token WHERE user_id = $1 AND revoked_at IS NULL`,
        [acct.session.userId],
      );
      expect(rows[0].n).toBe(0);
      const { rows: audit } = await app.db.query(
        `SELECT 1 FROM audit_log WHERE action = 'session.reuse-revoked' AND entity_id = $1`,
        [acct.session.userId],
      );
      expect(audit).toHaveLength(1);

      // Another session of the same user (another family) is not affected.
      const other = ok(await login(acct.email, acct.password)).login;
      ok(await app.gql(REFRESH, { r: other.refreshToken }, {}));
      // Unknown tokens are refused the same way.
      expect(codeOf(await app.gql(REFRESH, { r: 'x'.repeat(43) }, {}))).toBe('INVALID_TOKEN');
    });

    it('logout ends the session of its refresh token', async () => {
      const acct = await newAccount();
      expect(ok(await app.gql(LOGOUT, { r: acct.session.refreshToken }, {})).logout).toBe(true);
      expect(codeOf(await app.gql(REFRESH, { r: acct.session.refreshToken }, {}))).toBe('INVALID_TOKEN');
    });

    describe('cookie mode (the web app)', () => {
      const COOKIE_MODE = { 'x-tashbik-session': 'cookie' };
      const LOGIN_C = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken userId } }`;
      const REFRESH_C = `mutation { refreshSession { accessToken refreshToken userId } }`;

      /** Posts with raw headers and answers the body and the session cookie set, if any. */
      async function post(query: string, variables: Json, headers: Record<string, string>) {
        const res = await fetch(`${app.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query, variables }),
        });
        const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('tashbik_refresh='));
        return { body: (await res.json()) as GqlResponse<Json>, setCookie };
      }
      const valueOf = (setCookie: string | undefined) =>
        /^tashbik_refresh=([^;]*)/.exec(setCookie ?? '')?.[1];

      it('sets an HttpOnly SameSite=Strict cookie on the GraphQL path, refreshes and rotates from it alone, logout clears it', async () => {
        const acct = await newAccount();
        const signedIn = await post(LOGIN_C, { e: acct.email, p: acct.password }, COOKIE_MODE);
        const payload = ok(signedIn.body).login;
        // The token is in the cookie only, never in the body a script reads.
        expect(payload.refreshToken).toBe('');
        const attrs = signedIn.setCookie!.split(';').map((a) => a.trim());
        expect(attrs).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/graphql']));
        // A loopback host (the test app's 127.0.0.1) has no HTTPS: no Secure there.
        expect(attrs).not.toContain('Secure');
        expect(Number(/Max-Age=(\d+)/.exec(signedIn.setCookie!)?.[1])).toBeGreaterThan(3600);
        const first = valueOf(signedIn.setCookie)!;
        expect(first.length).toBeGreaterThan(20);

        // Refresh from the cookie alone: a new access token, and the cookie is rotated.
        const refreshed = await post(REFRESH_C, {}, { ...COOKIE_MODE, cookie: `tashbik_refresh=${first}` });
        const next = ok(refreshed.body).refreshSession;
        expect(next.userId).toBe(acct.session.userId);
        expect(next.refreshToken).toBe('');
        expect(ok(await app.gql<{ me: Json }>(ME, {}, bearer(next.accessToken))).me.email).toBe(acct.email);
        const second = valueOf(refreshed.setCookie)!;
        expect(second).toBeTruthy();
        expect(second).not.toBe(first);
        // The old cookie works once only.
        const reused = await post(REFRESH_C, {}, { ...COOKIE_MODE, cookie: `tashbik_refresh=${first}` });
        expect(codeOf(reused.body)).toBe('INVALID_TOKEN');
        expect(reused.setCookie).toMatch(/^tashbik_refresh=;.*Max-Age=0/);

        // A fresh session, then logout clears the cookie and ends the session.
        const again = valueOf(
          (await post(LOGIN_C, { e: acct.email, p: acct.password }, COOKIE_MODE)).setCookie,
        )!;
        const out = await post(
          `mutation { logout }`,
          {},
          { ...COOKIE_MODE, cookie: `tashbik_refresh=${again}` },
        );
        expect(ok(out.body).logout).toBe(true);
        expect(out.setCookie).toMatch(/^tashbik_refresh=;.*Max-Age=0/);
        const after = await post(REFRESH_C, {}, { ...COOKIE_MODE, cookie: `tashbik_refresh=${again}` });
        expect(codeOf(after.body)).toBe('INVALID_TOKEN');
      });

      it('is Secure outside loopback', async () => {
        const acct = await newAccount();
        // fetch will not send another Host header: node:http does.
        const setCookie = await new Promise<string[]>((resolve, reject) => {
          const body = JSON.stringify({ query: LOGIN_C, variables: { e: acct.email, p: acct.password } });
          const req = httpRequest(
            `${app.url}/graphql`,
            {
              method: 'POST',
              headers: { 'content-type': 'application/json', host: 'tashbik.example.org', ...COOKIE_MODE },
            },
            (res) => {
              res.resume();
              res.on('end', () => resolve(res.headers['set-cookie'] ?? []));
            },
          );
          req.on('error', reject);
          req.end(body);
        });
        const cookie = setCookie.find((c) => c.startsWith('tashbik_refresh='));
        expect(cookie!.split(';').map((a) => a.trim())).toEqual(
          expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Strict', 'Path=/graphql']),
        );
      });

      it('leaves the argument flow of API clients unchanged: no cookie, tokens in the body', async () => {
        const acct = await newAccount();
        const plain = await post(LOGIN_C, { e: acct.email, p: acct.password }, {});
        expect(plain.setCookie).toBeUndefined();
        const r1 = ok(plain.body).login.refreshToken as string;
        expect(r1.length).toBeGreaterThan(20);
        const next = await post(REFRESH, { r: r1 }, {});
        expect(next.setCookie).toBeUndefined();
        const r2 = ok(next.body).refreshSession.refreshToken as string;
        expect(r2).not.toBe(r1);
        // Without the header a cookie is ignored (and not spent): the argument is what counts.
        const cookieOnly = await post(REFRESH_C, {}, { cookie: `tashbik_refresh=${r2}` });
        expect(codeOf(cookieOnly.body)).toBe('INVALID_TOKEN');
        expect(ok((await post(REFRESH, { r: r2 }, {})).body).refreshSession.userId).toBe(acct.session.userId);
        expect(ok((await post(LOGOUT, { r: r2 }, {})).body).logout).toBe(true);
      });
    });

    const sessionEnded = (r: GqlResponse<unknown>) => {
      const e = errorOf(r);
      expect(e.extensions?.code).toBe('UNAUTHENTICATED');
      expect(e.extensions?.reason).toBe('SESSION_ENDED');
      expect(r.status).toBe(401);
    };

    it('logoutEverywhere ends every access and refresh token of the user', async () => {
      const acct = await newAccount();
      const other = ok(await login(acct.email, acct.password)).login;
      ok(await app.gql(`mutation { logoutEverywhere }`, {}, acct.headers));
      sessionEnded(await app.gql(ME, {}, acct.headers));
      sessionEnded(await app.gql(ME, {}, bearer(other.accessToken)));
      expect(codeOf(await app.gql(REFRESH, { r: other.refreshToken }, {}))).toBe('INVALID_TOKEN');
      // Signing in again works.
      const again = ok(await login(acct.email, acct.password)).login;
      expect(ok(await app.gql<{ me: Json }>(ME, {}, bearer(again.accessToken))).me.email).toBe(acct.email);
    });

    it('changePassword checks the current one, refuses weak ones, then ends every session', async () => {
      const acct = await newAccount();
      const next = strongPassword();
      expect(codeOf(await app.gql(CHANGE, { c: 'Wrong-password-1', n: next }, acct.headers))).toBe(
        'INVALID_CREDENTIALS',
      );
      const weak = await app.gql(CHANGE, { c: acct.password, n: 'password123' }, acct.headers);
      expect(codeOf(weak)).toBe('BAD_USER_INPUT');
      expect(pathsOf(weak)).toEqual(['newPassword']);
      ok(await app.gql(CHANGE, { c: acct.password, n: next }, acct.headers));
      sessionEnded(await app.gql(ME, {}, acct.headers));
      expect(codeOf(await app.gql(REFRESH, { r: acct.session.refreshToken }, {}))).toBe('INVALID_TOKEN');
      expect(codeOf(await login(acct.email, acct.password))).toBe('INVALID_CREDENTIALS');
      ok(await login(acct.email, next));
      expect((await lastMail(app, acct.email))!.template).toBe('password-changed');
    });

    it('refuses an expired access token with TOKEN_EXPIRED and HTTP 401', async () => {
      const acct = await newAccount();
      const now = Math.floor(Date.now() / 1000);
      const sign = (exp: number, secret = JWT_SECRET) =>
        new SignJWT({ ep: 0 })
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
          .setSubject(acct.session.userId as string)
          .setIssuer('tashbik')
          .setAudience('tashbik-api')
          .setIssuedAt(exp - 900)
          .setExpirationTime(exp)
          .sign(new TextEncoder().encode(secret));
      // The crafted token is otherwise right: while unexpired it is accepted.
      const fresh = await sign(now + 600);
      expect(ok(await app.gql<{ me: Json }>(ME, {}, bearer(fresh))).me.email).toBe(acct.email);

      const expired = await rawPost(app, ME, bearer(await sign(now - 60)));
      expect(expired.status).toBe(401);
      expect(expired.body.errors![0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'TOKEN_EXPIRED',
      });
      expect(expired.body.data ?? null).toBeNull();

      // Signed with another key: invalid, not expired.
      const forged = await rawPost(
        app,
        ME,
        bearer(await sign(now + 600, 'another-secret-of-at-least-32-characters!!')),
      );
      expect(forged.status).toBe(401);
      expect(forged.body.errors![0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'TOKEN_INVALID',
      });
    });

    it.each([
      ['a Basic header', 'Basic dXNlcjpwYXNz'],
      ['a bare token', 'eyJhbGciOiJIUzI1NiJ9.e30.abc'],
      ['Bearer with no token', 'Bearer '],
      ['Bearer with a non-JWT token', 'Bearer not-a-jwt-at-all-0123456789'],
      ['Bearer with forbidden characters', 'Bearer abc<script>defghijk'],
    ])('refuses %s as UNAUTHENTICATED', async (_, header) => {
      const r = await rawPost(app, ME, { authorization: header });
      expect(r.status).toBe(401);
      expect(r.body.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(r.body.errors![0].extensions).not.toHaveProperty('stacktrace');
    });
  });

  describe('password reset', () => {
    it('answers true for unknown addresses without mailing anyone', async () => {
      const unknown = uniqueEmail('ghost');
      const { rows: before } = await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM mail_outbox`,
      );
      const r = await app.gql(REQUEST_RESET, { e: unknown }, {});
      expect(r).toEqual({ status: 200, data: { requestPasswordReset: true } });
      expect(await lastMail(app, unknown)).toBeNull();
      const { rows: after } = await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM mail_outbox`);
      expect(after[0].n).toBe(before[0].n);
      // The same answer for a registered address.
      const acct = await newAccount();
      expect(await app.gql(REQUEST_RESET, { e: acct.email }, {})).toEqual(r);
      expect((await lastMail(app, acct.email))!.template).toBe('reset-password');
    });

    it('resets with a code that works once, ends sessions; used and expired codes are INVALID_TOKEN', async () => {
      const acct = await newAccount();
      ok(await app.gql(REQUEST_RESET, { e: acct.email }, {}));
      const token = tokenIn((await lastMail(app, acct.email, 'reset-password'))!.body)!;
      expect(token).toBeTruthy();

      const weak = await app.gql(RESET, { t: token, p: '1234567890' }, {});
      expect(codeOf(weak)).toBe('BAD_USER_INPUT');
      expect(pathsOf(weak)).toEqual(['newPassword']);

      const next = strongPassword();
      ok(await app.gql(RESET, { t: token, p: next }, {}));
      expect(errorOf(await app.gql(ME, {}, acct.headers)).extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'SESSION_ENDED',
      });
      expect(codeOf(await login(acct.email, acct.password))).toBe('INVALID_CREDENTIALS');
      ok(await login(acct.email, next));
      // Used: refused.
      expect(codeOf(await app.gql(RESET, { t: token, p: strongPassword() }, {}))).toBe('INVALID_TOKEN');

      // Expired: refused, and the password stays.
      ok(await app.gql(REQUEST_RESET, { e: acct.email }, {}));
      const late = tokenIn((await lastMail(app, acct.email, 'reset-password'))!.body)!;
      expect(late).not.toBe(token);
      await app.db.query(
        `UPDATE email_token SET expires_at = now() - interval '1 minute'
         WHERE purpose = 'RESET_PASSWORD' AND used_at IS NULL
           AND user_id = (SELECT id FROM user_account WHERE email = $1)`,
        [acct.email],
      );
      expect(codeOf(await app.gql(RESET, { t: late, p: strongPassword() }, {}))).toBe('INVALID_TOKEN');
      ok(await login(acct.email, next));
      expect(codeOf(await app.gql(RESET, { t: 'made-up-token', p: strongPassword() }, {}))).toBe(
        'INVALID_TOKEN',
      );
    });
  });

  describe('per-account sign-in delay', () => {
    it('after 3 failures refuses the next attempt on that account, even with the right password', async () => {
      const victim = await newAccount();
      const bystander = await newAccount();
      for (let i = 0; i < 3; i++)
        expect(codeOf(await login(victim.email, 'Wrong-password-1'))).toBe('INVALID_CREDENTIALS');
      const limited = await login(victim.email, victim.password);
      expect(codeOf(limited)).toBe('RATE_LIMITED');
      expect(errorOf(limited).extensions?.retryAfterSeconds).toEqual(expect.any(Number));
      // The wait is the configured first one (30 s), less the time the attempts took.
      expect(errorOf(limited).extensions?.retryAfterSeconds as number).toBeGreaterThan(15);
      expect(errorOf(limited).extensions?.retryAfterSeconds as number).toBeLessThanOrEqual(30);
      // The same refusal whether or not the password is right, so it tells nothing.
      expect(codeOf(await login(victim.email, 'Wrong-password-1'))).toBe('RATE_LIMITED');
      // Another account from the same address is not held back.
      ok(await login(bystander.email, bystander.password));
      // Nor is the address: the delay counts against the account (case-insensitively).
      expect(codeOf(await login(victim.email.toUpperCase(), victim.password))).toBe('RATE_LIMITED');
    });

    it('counts wrong current passwords of a signed-in user too, so a stolen token cannot guess the password', async () => {
      const acct = await newAccount();
      const next = strongPassword();
      for (let i = 0; i < 3; i++)
        expect(codeOf(await app.gql(CHANGE, { c: 'Wrong-password-1', n: next }, acct.headers))).toBe(
          'INVALID_CREDENTIALS',
        );
      expect(codeOf(await app.gql(CHANGE, { c: acct.password, n: next }, acct.headers))).toBe('RATE_LIMITED');
      expect(
        codeOf(
          await app.gql(
            `mutation($p: String!) { deleteMyAccount(password: $p) { deleted } }`,
            { p: acct.password },
            acct.headers,
          ),
        ),
      ).toBe('RATE_LIMITED');
      expect(codeOf(await login(acct.email, acct.password))).toBe('RATE_LIMITED');
    });

    it('an unknown address is delayed the same way, so the delay tells nothing', async () => {
      const ghost = uniqueEmail('ghost');
      for (let i = 0; i < 3; i++)
        expect(codeOf(await login(ghost, 'Wrong-password-1'))).toBe('INVALID_CREDENTIALS');
      expect(codeOf(await login(ghost, 'Wrong-password-1'))).toBe('RATE_LIMITED');
    });

    it('a successful sign-in clears the failures', async () => {
      const acct = await newAccount();
      for (let i = 0; i < 2; i++)
        expect(codeOf(await login(acct.email, 'Wrong-password-1'))).toBe('INVALID_CREDENTIALS');
      ok(await login(acct.email, acct.password));
      // Two more failures: had the first two still counted, this would be the fourth and the next refused.
      for (let i = 0; i < 2; i++)
        expect(codeOf(await login(acct.email, 'Wrong-password-1'))).toBe('INVALID_CREDENTIALS');
      ok(await login(acct.email, acct.password));
    });
  });

  describe('privacy', () => {
    const EXPORT = `{ exportMyData }`;
    const DELETE = `mutation($p: String!) { deleteMyAccount(password: $p) { deleted archivedOrganizationIds } }`;
    const SEARCH = `query($q: String) { searchOrganizations(query: $q) { hits { id } } }`;

    async function approved(owner: Record<string, string>, name: string, contactEmail?: string) {
      const org = ok(
        await app.gql<{ createOrganization: Json }>(
          CREATE_ORG,
          { input: smeInput(name, contactEmail) },
          owner,
        ),
      ).createOrganization;
      ok(
        await app.gql(
          `mutation($id: ID!) { approveOrganization(id: $id) { status } }`,
          { id: org.id },
          organiser.headers,
        ),
      );
      return org.id as string;
    }

    it('exports the account, memberships, sessions, changes made and contact entries as JSON', async () => {
      const acct = await newAccount();
      const orgId = await approved(acct.headers, 'Tissage Export', acct.email);
      const data = ok(await app.gql<{ exportMyData: string }>(EXPORT, {}, acct.headers)).exportMyData;
      const doc = JSON.parse(data) as Json;
      expect(doc.account).toMatchObject({
        id: acct.session.userId,
        email: acct.email,
        display_name: 'Amina Test',
      });
      expect(doc.account).not.toHaveProperty('password_hash');
      expect(doc.account.consent_version).toEqual(expect.any(String));
      expect(doc.memberships).toEqual([expect.objectContaining({ organization_id: orgId, role: 'OWNER' })]);
      expect(doc.sessions.length).toBeGreaterThanOrEqual(1);
      for (const s of doc.sessions) expect(s).not.toHaveProperty('token_hash');
      const actions = (doc.changesMade as Json[]).map((c) => c.action);
      expect(actions).toEqual(
        expect.arrayContaining(['user.register', 'user.verify-email', 'organization.create']),
      );
      expect((doc.accountHistory as Json[]).map((c) => c.action)).toEqual(
        expect.arrayContaining(['user.register', 'user.verify-email']),
      );
      expect(doc.contactPersonEntries).toEqual([
        expect.objectContaining({ organization_id: orgId, name: 'Nadia Haddad', email: acct.email }),
      ]);
      expect((doc.emails as Json[]).map((m) => m.template)).toEqual(
        expect.arrayContaining(['verify-email', 'organization-approved']),
      );
      expect(JSON.stringify(doc)).not.toMatch(/argon2|token_hash|password_hash/);
      // Nobody else's data: anonymous is refused.
      expect(codeOf(await app.gql(EXPORT, {}, {}))).toBe('UNAUTHENTICATED');
    });

    it('deletes an account: wrong password refused; sole-member organisations archived and out of search at once', async () => {
      const acct = await newAccount();
      const name = `Menuiserie Zeralda ${randomBytes(3).toString('hex')}`;
      const orgId = await approved(acct.headers, name, acct.email);
      await eventually(async () => {
        const r = ok(
          await app.gql<{ searchOrganizations: { hits: { id: string }[] } }>(SEARCH, { q: name }, {}),
        );
        return r.searchOrganizations.hits.some((h) => h.id === orgId);
      });
      const { rows: before } = await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE actor_id = $1`,
        [acct.session.userId],
      );
      expect(before[0].n).toBeGreaterThanOrEqual(3);

      expect(codeOf(await app.gql(DELETE, { p: 'Wrong-password-1' }, acct.headers))).toBe(
        'INVALID_CREDENTIALS',
      );
      const { rows: still } = await app.db.query(`SELECT 1 FROM user_account WHERE id = $1`, [
        acct.session.userId,
      ]);
      expect(still).toHaveLength(1);

      const r = ok(
        await app.gql<{ deleteMyAccount: Json }>(DELETE, { p: acct.password }, acct.headers),
      ).deleteMyAccount;
      expect(r).toEqual({ deleted: true, archivedOrganizationIds: [orgId] });

      // Out of search at once: no waiting for the index.
      const hits = ok(
        await app.gql<{ searchOrganizations: { hits: { id: string }[] } }>(SEARCH, { q: name }, {}),
      ).searchOrganizations.hits;
      expect(hits.map((h) => h.id)).not.toContain(orgId);
      expect(
        codeOf(await app.gql(`query($id: ID!) { organization(id: $id) { id } }`, { id: orgId }, {})),
      ).toBe('NOT_FOUND');

      const { rows: user } = await app.db.query(`SELECT 1 FROM user_account WHERE id = $1 OR email = $2`, [
        acct.session.userId,
        acct.email,
      ]);
      expect(user).toHaveLength(0);
      const { rows: org } = await app.db.query<{ status: string }>(
        `SELECT status FROM organization WHERE id = $1`,
        [orgId],
      );
      expect(org[0].status).toBe('ARCHIVED');
      const { rows: contacts } = await app.db.query(`SELECT 1 FROM contact_person WHERE lower(email) = $1`, [
        acct.email,
      ]);
      expect(contacts).toHaveLength(0);
      const { rows: mails } = await app.db.query(`SELECT 1 FROM mail_outbox WHERE recipient = $1`, [
        acct.email,
      ]);
      expect(mails).toHaveLength(0);
      // The log keeps what happened, not who did it.
      const { rows: mine } = await app.db.query(`SELECT 1 FROM audit_log WHERE actor_id = $1`, [
        acct.session.userId,
      ]);
      expect(mine).toHaveLength(0);
      const { rows: kept } = await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE actor_id IS NULL AND entity_id IN ($1, $2)
           AND action IN ('user.register', 'user.verify-email', 'organization.create')`,
        [acct.session.userId, orgId],
      );
      expect(kept[0].n).toBe(3);
      // Archiving the organisation is in the log too, without its actor.
      const { rows: archived } = await app.db.query(
        `SELECT actor_id, before, after FROM audit_log WHERE action = 'organization.archive' AND entity_id = $1`,
        [orgId],
      );
      expect(archived).toEqual([
        {
          actor_id: null,
          before: { status: 'ACTIVE' },
          after: { status: 'ARCHIVED', reason: 'owner account deleted' },
        },
      ]);
      // And no entry still holds the address or the name.
      const { rows: traces } = await app.db.query(
        `SELECT action FROM audit_log
         WHERE before::text ILIKE '%' || $1 || '%' OR after::text ILIKE '%' || $1 || '%'
            OR (entity_id = $2 AND (before::text LIKE '%Amina Test%' OR after::text LIKE '%Amina Test%'))`,
        [acct.email, acct.session.userId],
      );
      expect(traces).toEqual([]);
      const { rows: deletion } = await app.db.query(
        `SELECT 1 FROM audit_log WHERE action = 'user.delete' AND entity_id = $1`,
        [acct.session.userId],
      );
      expect(deletion).toHaveLength(1);
      // The old access token ends with the account.
      expect(errorOf(await app.gql(ME, {}, acct.headers)).extensions?.code).toBe('UNAUTHENTICATED');
      expect(codeOf(await login(acct.email, acct.password))).toBe('INVALID_CREDENTIALS');
    });

    it('refuses to delete the sole owner of an organisation with other members, listing them', async () => {
      const acct = await newAccount();
      const shared = await approved(acct.headers, 'Fonderie Partagée');
      const alone = await approved(acct.headers, 'Atelier Solo');
      const colleague = await signIn(app, { memberships: [{ organizationId: shared, role: 'MEMBER' }] });
      const r = await app.gql(DELETE, { p: acct.password }, acct.headers);
      expect(codeOf(r)).toBe('CONFLICT');
      expect(errorOf(r).extensions?.organizationIds).toEqual([shared]);
      // Nothing changed.
      const { rows } = await app.db.query<{ id: string; status: string }>(
        `SELECT id, status FROM organization WHERE id = ANY($1::uuid[]) ORDER BY id`,
        [[shared, alone]],
      );
      expect(rows.map((o) => o.status)).toEqual(['ACTIVE', 'ACTIVE']);
      ok(await app.gql(ME, {}, acct.headers));
      expect(colleague.userId).toEqual(expect.any(String));
    });
  });
});

describe('sign-in budget per client address', () => {
  const BUDGET = 8;
  let app: TestApp;

  beforeAll(async () => {
    app = await bootTestApp({ env: { AUTH_ATTEMPTS_PER_ADDRESS: String(BUDGET), RATE_LIMIT_POINTS: '0' } });
  }, 60_000);
  afterAll(() => app?.close());

  it('refuses sign-ins past the budget with RATE_LIMITED and retryAfterSeconds, whatever the account', async () => {
    for (let i = 0; i < BUDGET; i++) {
      const r = await app.gql(LOGIN, { e: uniqueEmail(`spray${i}`), p: 'Wrong-password-1' }, {});
      expect(codeOf(r)).toBe('INVALID_CREDENTIALS');
    }
    const r = await app.gql(LOGIN, { e: uniqueEmail('next'), p: 'Wrong-password-1' }, {});
    expect(codeOf(r)).toBe('RATE_LIMITED');
    const retry = errorOf(r).extensions?.retryAfterSeconds as number;
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(900);
    // A real account with the right password is held back too: the budget is the address's.
    const email = uniqueEmail('real');
    await app.db.query(
      `INSERT INTO user_account (email, password_hash, display_name, consent_version, consented_at)
       VALUES ($1, $2, 'Real One', 'test', now())`,
      [email, await hash('Right-password-1', { algorithm: 2, memoryCost: 8192, timeCost: 1 })],
    );
    expect(codeOf(await app.gql(LOGIN, { e: email, p: 'Right-password-1' }, {}))).toBe('RATE_LIMITED');
    // Password reset has its own budget from the same address, and is still open.
    expect(await app.gql(REQUEST_RESET, { e: uniqueEmail('reset') }, {})).toEqual({
      status: 200,
      data: { requestPasswordReset: true },
    });
  });

  it('limits password-reset requests per address too', async () => {
    let last: GqlResponse<unknown> | undefined;
    // One reset was spent above.
    for (let i = 0; i < BUDGET; i++) last = await app.gql(REQUEST_RESET, { e: uniqueEmail(`r${i}`) }, {});
    expect(codeOf(last!)).toBe('RATE_LIMITED');
    expect(errorOf(last!).extensions?.retryAfterSeconds).toEqual(expect.any(Number));
  });
});
