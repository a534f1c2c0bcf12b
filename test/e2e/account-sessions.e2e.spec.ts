import { bootTestApp, signIn, type TestApp, type TestUser, ok, codeOf, type Json } from '#testing';

/*
 * A user's own sessions (list, end one) and the interface language remembered on the account,
 * through the real api process.
 */

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }`;
const REFRESH = `mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken refreshToken } }`;
const SESSIONS = `{ mySessions { id startedAt lastActiveAt expiresAt userAgent current } }`;
const END = `mutation($id: ID!) { endSession(id: $id) }`;
const SET_LOCALE = `mutation($l: Locale!) { setMyLocale(locale: $l) }`;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('my sessions and language', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootTestApp({ env: { RATE_LIMIT_POINTS: '0' } });
  }, 120_000);
  afterAll(() => app?.close());

  /** Signs in again from a named browser; answers that session's tokens. */
  async function loginFrom(user: TestUser, userAgent: string) {
    return ok(
      await app.gql<{ login: Json }>(LOGIN, { e: user.email, p: user.password }, { 'user-agent': userAgent }),
    ).login as { accessToken: string; refreshToken: string };
  }

  it('lists open sessions with their browser, marks the cookie session current, and ends one', async () => {
    const user = await signIn(app);
    const phone = await loginFrom(user, 'PhoneBrowser/1.0');
    const laptop = await loginFrom(user, 'LaptopBrowser/2.0');
    // The laptop session refreshes: its family stays one session, active later than the phone's.
    await new Promise((r) => setTimeout(r, 20));
    const rotated = ok(
      await app.gql<{ refreshSession: Json }>(
        REFRESH,
        { r: laptop.refreshToken },
        { 'user-agent': 'LaptopBrowser/2.0' },
      ),
    ).refreshSession as { accessToken: string; refreshToken: string };

    const cookieHeaders = {
      ...bearer(rotated.accessToken),
      'x-tashbik-session': 'cookie',
      cookie: `tashbik_refresh=${rotated.refreshToken}`,
    };
    const list = ok(await app.gql<{ mySessions: Json[] }>(SESSIONS, {}, cookieHeaders)).mySessions;
    // signIn's own session, the phone and the laptop.
    expect(list).toHaveLength(3);
    const agents = list.map((s) => s.userAgent);
    expect(agents.slice(0, 2)).toEqual(['LaptopBrowser/2.0', 'PhoneBrowser/1.0']);
    expect(list.filter((s) => s.current).map((s) => s.userAgent)).toEqual(['LaptopBrowser/2.0']);
    expect(new Date(list[0].lastActiveAt).getTime()).toBeGreaterThan(new Date(list[0].startedAt).getTime());
    // Without the cookie no session is known to be the current one.
    const plain = ok(
      await app.gql<{ mySessions: Json[] }>(SESSIONS, {}, bearer(phone.accessToken)),
    ).mySessions;
    expect(plain.some((s) => s.current)).toBe(false);

    const phoneSession = list.find((s) => s.userAgent === 'PhoneBrowser/1.0')!;
    expect(ok(await app.gql(END, { id: phoneSession.id }, cookieHeaders))).toEqual({ endSession: true });
    expect(codeOf(await app.gql(REFRESH, { r: phone.refreshToken }, {}))).toBe('INVALID_TOKEN');
    const after = ok(await app.gql<{ mySessions: Json[] }>(SESSIONS, {}, cookieHeaders)).mySessions;
    expect(after.map((s) => s.userAgent)).not.toContain('PhoneBrowser/1.0');
    expect(after).toHaveLength(2);
    // Ended once, it is gone: a second call is NOT_FOUND.
    expect(codeOf(await app.gql(END, { id: phoneSession.id }, cookieHeaders))).toBe('NOT_FOUND');
    // The laptop still refreshes.
    expect(
      ok(await app.gql<{ refreshSession: Json }>(REFRESH, { r: rotated.refreshToken }, {})).refreshSession,
    ).toHaveProperty('accessToken');
    const { rows } = await app.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'session.end'`,
      [user.userId],
    );
    expect(rows).toHaveLength(1);
  });

  it("refuses to end another user's session or a malformed id with NOT_FOUND, changing nothing", async () => {
    const owner = await signIn(app);
    const intruder = await signIn(app);
    const [target] = ok(await app.gql<{ mySessions: Json[] }>(SESSIONS, {}, owner.headers)).mySessions;
    expect(codeOf(await app.gql(END, { id: target.id }, intruder.headers))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(END, { id: 'not-a-session' }, intruder.headers))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(END, { id: target.id }, {}))).toBe('UNAUTHENTICATED');
    expect(ok(await app.gql<{ mySessions: Json[] }>(SESSIONS, {}, owner.headers)).mySessions).toHaveLength(1);
    expect(ok(await app.gql(REFRESH, { r: owner.refreshToken }, {}))).toHaveProperty('refreshSession');
  });

  it('remembers the interface language on the account; a bad one is a validation error', async () => {
    const user = await signIn(app);
    const localeOf = async () =>
      ok(await app.gql<{ me: Json }>(`{ me { locale } }`, {}, user.headers)).me.locale;
    const before = await localeOf();
    const next = before === 'fr' ? 'en' : 'fr';
    expect(ok(await app.gql(SET_LOCALE, { l: next }, user.headers))).toEqual({ setMyLocale: true });
    expect(await localeOf()).toBe(next);
    expect(codeOf(await app.gql(SET_LOCALE, { l: 'de' }, user.headers))).toBe('BAD_USER_INPUT');
    expect(await localeOf()).toBe(next);
    expect(codeOf(await app.gql(SET_LOCALE, { l: 'ar' }, {}))).toBe('UNAUTHENTICATED');
  });
});
