import { randomBytes } from 'node:crypto';
import {
  addMembership,
  bootTestApp,
  lastMail,
  signIn,
  type GqlResponse,
  type TestApp,
  type TestUser,
  ok,
  codeOf,
  type Json,
} from '#testing';

/*
 * Abuse through the api process as an outsider would try it: parallel guessing of one account's
 * password, budgets keyed so that an IPv6 /64 counts once, strangers' failures locking out the
 * owner, mail sent in bulk on a user's behalf, recompute requests piling up, reset codes that
 * outlive a password change, and sessions refreshed forever. Client addresses are chosen through
 * X-Forwarded-For, which the api trusts here (TRUST_PROXY=1) as it would behind one proxy.
 */

const LOGIN = `mutation($e: String!, $p: String!) {
  login(email: $e, password: $p) { accessToken refreshToken refreshTokenExpiresAt userId }
}`;
const REFRESH = `mutation($r: String!) { refreshSession(refreshToken: $r) { refreshToken refreshTokenExpiresAt } }`;
const REQUEST_RESET = `mutation($e: String!) { requestPasswordReset(email: $e) }`;
const RESET = `mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }`;
const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;
const INVITE = `mutation($o: ID!, $e: String!) { inviteMember(organizationId: $o, email: $e) { id } }`;
const CONTACT = `mutation($f: ID!, $t: ID!) { requestContact(fromOrganizationId: $f, toOrganizationId: $t) { id } }`;
const RECOMPUTE = `mutation($o: ID!) { requestSuggestionRecompute(organizationId: $o) }`;

/** The sign-in throttle's constants (libs/identity/src/auth/login-throttle.ts). */
const FREE_FAILURES = 3;
const ACCOUNT_FREE_FAILURES = 10;
const ACCOUNT_MAX_DELAY_S = 60;

const from = (address: string) => ({ 'x-forwarded-for': address });
const uniqueEmail = (tag: string) => `${tag}-${randomBytes(5).toString('hex')}@example.org`;
const strongPassword = () => `Tamazight-${randomBytes(6).toString('hex')}`;
const tokenIn = (body: string) => /token=([A-Za-z0-9_-]+)/.exec(body)?.[1];

/**
 * Waits that can have run out during a burst of `ms`: after the free checks each wait lasts 1, 2,
 * 4 … seconds, and one more check may pass each time one ends.
 */
const windowsIn = (ms: number) => Math.floor(Math.log2(ms / 1000 + 1));

/** How many answers of a burst reached the password check, and that the rest were throttled. */
function checkedIn(replies: GqlResponse<unknown>[]): number {
  const codes = replies.map(codeOf);
  expect(codes.filter((c) => c !== 'INVALID_CREDENTIALS' && c !== 'RATE_LIMITED')).toEqual([]);
  return codes.filter((c) => c === 'INVALID_CREDENTIALS').length;
}

describe('abuse', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootTestApp({
      env: {
        RATE_LIMIT_POINTS: '0',
        TRUST_PROXY: '1',
        SESSION_MAX_AGE_DAYS: '1',
        REFRESH_TOKEN_TTL_DAYS: '30',
        SENDER_MAILS_PER_HOUR: '3',
      },
    });
  }, 120_000);
  afterAll(() => app?.close());

  const login = (email: string, password: string, address: string) =>
    app.gql<{ login: Json }>(LOGIN, { e: email, p: password }, from(address));

  /** An organisation written directly, owned by `owner`. */
  async function org(owner: TestUser, status: 'ACTIVE' | 'PENDING' = 'ACTIVE'): Promise<string> {
    const { rows } = await app.db.query<{ id: string }>(
      `INSERT INTO organization (kind, name, description, country, innovation, status)
       VALUES ('SME', $1, '{}'::jsonb, 'DZ', '{}'::jsonb, $2) RETURNING id`,
      [JSON.stringify({ ar: null, fr: `Atelier ${randomBytes(3).toString('hex')}`, en: null }), status],
    );
    await addMembership(app, owner.userId, rows[0].id, 'OWNER');
    return rows[0].id;
  }

  describe('sign-in throttle', () => {
    it('lets a parallel burst of 20 wrong passwords check at most the free attempts, and keeps the owner in', async () => {
      // signIn signs the owner in once from 127.0.0.1.
      const owner = await signIn(app);
      const started = Date.now();
      const burst = await Promise.all(
        Array.from({ length: 20 }, () => login(owner.email, 'Wrong-password-1', '203.0.113.7')),
      );
      const checked = checkedIn(burst);
      expect(checked).toBeGreaterThanOrEqual(FREE_FAILURES);
      // Three, and one more only for each wait that ran out while the burst lasted (on a loaded machine).
      expect(checked).toBeLessThanOrEqual(FREE_FAILURES + windowsIn(Date.now() - started));
      const refused = burst.find((r) => codeOf(r) === 'RATE_LIMITED')!;
      expect(refused.errors![0].extensions?.retryAfterSeconds).toEqual(expect.any(Number));

      // The owner, elsewhere, is not locked out by them: not even from a network never used before.
      ok(await login(owner.email, owner.password, '198.51.100.20'));
      ok(await login(owner.email, owner.password, '127.0.0.1'));
    });

    it('holds guessing spread over many networks to the account-wide allowance, without locking the owner out', async () => {
      const owner = await signIn(app);
      const started = Date.now();
      const burst = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          login(owner.email, 'Wrong-password-1', `10.${20 + (i % 8)}.0.${1 + Math.floor(i / 8)}`),
        ),
      );
      const checked = checkedIn(burst);
      // Ten free across networks, then one more for each account-wide wait that ran out.
      expect(checked).toBeGreaterThanOrEqual(FREE_FAILURES);
      expect(checked).toBeLessThanOrEqual(ACCOUNT_FREE_FAILURES + windowsIn(Date.now() - started));

      // From the network the owner signed in from before, the account-wide wait does not apply.
      ok(await login(owner.email, owner.password, '127.0.0.1'));
      // From a new network the owner waits at most the account-wide cap, never 15 minutes.
      const elsewhere = await login(owner.email, owner.password, '192.0.2.99');
      if (elsewhere.errors) {
        expect(codeOf(elsewhere)).toBe('RATE_LIMITED');
        expect(elsewhere.errors[0].extensions?.retryAfterSeconds as number).toBeLessThanOrEqual(
          ACCOUNT_MAX_DELAY_S,
        );
      }
    });

    it('reserves the check of a signed-in user’s current password the same way', async () => {
      const user = await signIn(app);
      const started = Date.now();
      const burst = await Promise.all(
        Array.from({ length: 12 }, () =>
          app.gql(
            CHANGE,
            { c: 'Wrong-password-1', n: strongPassword() },
            { ...user.headers, ...from('203.0.113.9') },
          ),
        ),
      );
      expect(checkedIn(burst)).toBeLessThanOrEqual(FREE_FAILURES + windowsIn(Date.now() - started));
    });
  });

  describe('reset codes and session lifetime', () => {
    it('kills every outstanding reset code when the password is reset with one of them', async () => {
      const user = await signIn(app);
      ok(await app.gql(REQUEST_RESET, { e: user.email }, {}));
      const first = tokenIn((await lastMail(app, user.email, 'reset-password'))!.body)!;
      ok(await app.gql(REQUEST_RESET, { e: user.email }, {}));
      const second = tokenIn((await lastMail(app, user.email, 'reset-password'))!.body)!;
      expect(second).not.toBe(first);

      const next = strongPassword();
      ok(await app.gql(RESET, { t: second, p: next }, {}));
      expect(codeOf(await app.gql(RESET, { t: first, p: strongPassword() }, {}))).toBe('INVALID_TOKEN');
      ok(await login(user.email, next, '127.0.0.1'));
    });

    it('kills outstanding reset codes when the password is changed while signed in', async () => {
      const user = await signIn(app);
      ok(await app.gql(REQUEST_RESET, { e: user.email }, {}));
      const code = tokenIn((await lastMail(app, user.email, 'reset-password'))!.body)!;
      const next = strongPassword();
      ok(await app.gql(CHANGE, { c: user.password, n: next }, user.headers));
      // Whoever read the old mail cannot take the account back with it.
      expect(codeOf(await app.gql(RESET, { t: code, p: strongPassword() }, {}))).toBe('INVALID_TOKEN');
      ok(await login(user.email, next, '127.0.0.1'));
    });

    it('ends a session SESSION_MAX_AGE_DAYS after sign-in, however often it is refreshed', async () => {
      const user = await signIn(app);
      const signedIn = Date.now();
      const session = ok(await login(user.email, user.password, '127.0.0.1')).login;
      const end = new Date(session.refreshTokenExpiresAt as string).getTime();
      // One day (the limit set here), not the 30 days a refresh token lives.
      expect(end).toBeLessThanOrEqual(signedIn + 86_400_000 + 5_000);
      expect(end).toBeGreaterThan(signedIn + 86_400_000 - 60_000);

      let refreshToken = session.refreshToken as string;
      for (let i = 0; i < 3; i++) {
        const next = ok(
          await app.gql<{ refreshSession: Json }>(REFRESH, { r: refreshToken }, {}),
        ).refreshSession;
        expect(Math.abs(new Date(next.refreshTokenExpiresAt as string).getTime() - end)).toBeLessThan(1000);
        refreshToken = next.refreshToken as string;
      }

      // A day and a minute later (the session's start moved back), the latest token no longer works.
      await app.db.query(
        `UPDATE refresh_token SET session_started_at = session_started_at - interval '1 day 1 minute'
         WHERE user_id = $1`,
        [user.userId],
      );
      expect(codeOf(await app.gql(REFRESH, { r: refreshToken }, {}))).toBe('INVALID_TOKEN');
    });
  });

  describe('mail sent on a user’s behalf', () => {
    it('spends one budget per sender on invitations and contact requests, parallel or not, then refuses', async () => {
      const sender = await signIn(app);
      const orgA = await org(sender);
      const orgB = await org(await signIn(app));
      const invitees = Array.from({ length: 10 }, (_, i) => uniqueEmail(`invitee${i}`));
      const replies = await Promise.all(invitees.map((e) => app.gql(INVITE, { o: orgA, e }, sender.headers)));
      const refused = replies.filter((r) => r.errors);
      expect(replies.length - refused.length).toBe(3);
      for (const r of refused)
        expect(r.errors![0].extensions).toMatchObject({
          code: 'RATE_LIMITED',
          reason: 'SENDER_BUDGET',
          retryAfterSeconds: expect.any(Number),
        });
      // Nothing half-written: three invitations stored, three messages sent.
      const { rows } = await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM organization_invitation WHERE organization_id = $1`,
        [orgA],
      );
      expect(rows[0].n).toBe(3);
      const { rows: mails } = await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM mail_outbox WHERE recipient = ANY($1)`,
        [invitees],
      );
      expect(mails[0].n).toBe(3);
      // Contact requests draw on the same budget.
      expect(codeOf(await app.gql(CONTACT, { f: orgA, t: orgB }, sender.headers))).toBe('RATE_LIMITED');
      const { rows: requests } = await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM contact_request WHERE from_organization_id = $1`,
        [orgA],
      );
      expect(requests[0].n).toBe(0);
    });

    it('does not spend the budget on refused requests, and counts each sender apart', async () => {
      const sender = await signIn(app);
      const orgA = await org(sender);
      const orgB = await org(await signIn(app));
      // Inviting an existing member is a conflict, and costs nothing.
      for (let i = 0; i < 4; i++)
        expect(codeOf(await app.gql(INVITE, { o: orgA, e: sender.email }, sender.headers))).toBe('CONFLICT');
      ok(await app.gql(CONTACT, { f: orgA, t: orgB }, sender.headers));
      // A second request to the same organisation is a conflict too.
      expect(codeOf(await app.gql(CONTACT, { f: orgA, t: orgB }, sender.headers))).toBe('CONFLICT');
      ok(await app.gql(INVITE, { o: orgA, e: uniqueEmail('one') }, sender.headers));
      ok(await app.gql(INVITE, { o: orgA, e: uniqueEmail('two') }, sender.headers));
      expect(codeOf(await app.gql(INVITE, { o: orgA, e: uniqueEmail('three') }, sender.headers))).toBe(
        'RATE_LIMITED',
      );
      // A co-owner has a budget of their own.
      const coOwner = await signIn(app, { memberships: [{ organizationId: orgA, role: 'OWNER' }] });
      ok(await app.gql(INVITE, { o: orgA, e: uniqueEmail('four') }, coOwner.headers));
    });

    it('refuses invitations from an organisation that is not approved yet, sending nothing', async () => {
      const owner = await signIn(app);
      const pending = await org(owner, 'PENDING');
      const invitee = uniqueEmail('pending-invitee');
      const r = await app.gql(INVITE, { o: pending, e: invitee }, owner.headers);
      expect(codeOf(r)).toBe('CONFLICT');
      expect(r.errors![0].message).toMatch(/approved/);
      const { rows } = await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM organization_invitation WHERE organization_id = $1`,
        [pending],
      );
      expect(rows[0].n).toBe(0);
      expect(await lastMail(app, invitee)).toBeNull();
    });

    it('keeps one pending suggestion recompute per organisation, however many are requested', async () => {
      const owner = await signIn(app);
      const orgA = await org(owner);
      const replies = await Promise.all(
        Array.from({ length: 10 }, () => app.gql(RECOMPUTE, { o: orgA }, owner.headers)),
      );
      for (const r of replies) expect(ok(r)).toEqual({ requestSuggestionRecompute: true });
      const { rows } = await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox WHERE topic = 'match' AND entity_id = $1 AND processed_at IS NULL`,
        [orgA],
      );
      expect(rows[0].n).toBe(1);
      // Once that one is done, the next request queues a new one.
      await app.db.query(`UPDATE outbox SET processed_at = now() WHERE topic = 'match' AND entity_id = $1`, [
        orgA,
      ]);
      ok(await app.gql(RECOMPUTE, { o: orgA }, owner.headers));
      const { rows: after } = await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox WHERE topic = 'match' AND entity_id = $1 AND processed_at IS NULL`,
        [orgA],
      );
      expect(after[0].n).toBe(1);
    });
  });
});

describe('sign-in budget per client network', () => {
  const BUDGET = 4;
  let app: TestApp;

  beforeAll(async () => {
    app = await bootTestApp({
      env: { AUTH_ATTEMPTS_PER_ADDRESS: String(BUDGET), RATE_LIMIT_POINTS: '0', TRUST_PROXY: '1' },
    });
  }, 120_000);
  afterAll(() => app?.close());

  const attempt = (address: string) =>
    app.gql(LOGIN, { e: uniqueEmail('spray'), p: 'Wrong-password-1' }, from(address));

  it('counts every address of an IPv6 /64 as one client', async () => {
    for (let i = 1; i <= BUDGET; i++)
      expect(codeOf(await attempt(`2001:db8:7:9::${i.toString(16)}`))).toBe('INVALID_CREDENTIALS');
    // A fresh address of the same /64 draws on the same, spent budget.
    expect(codeOf(await attempt('2001:db8:7:9:ffff:ffff:ffff:fffe'))).toBe('RATE_LIMITED');
    // The next /64 is another client.
    expect(codeOf(await attempt('2001:db8:7:a::1'))).toBe('INVALID_CREDENTIALS');
  });
});
