import {
  bootTestApp,
  eventually,
  freePort,
  insertOwnedOrganization,
  signIn,
  TestSmtp,
  type TestApp,
  type TestUser,
  ok,
} from '#testing';

/**
 * Notification preferences and one-click unsubscribe, through a real SMTP server: a kind turned
 * off is still shown in the app but not mailed, security mails always go out, and a digest's
 * List-Unsubscribe address turns its kind off with one POST and no session.
 */

const PUBLIC_URL = 'https://forum.tashbik.test';
const PREFS = `{ notificationPreferences { kind email inApp } }`;
const SET = `mutation($p: [NotificationPreferenceInput!]!) { setNotificationPreferences(preferences: $p) { kind email } }`;

let smtp: TestSmtp;
let app: TestApp;

beforeAll(async () => {
  smtp = new TestSmtp(await freePort());
  await smtp.start();
  app = await bootTestApp({
    worker: true,
    env: {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'Tashbik <no-reply@forum.tashbik.test>',
      MAIL_RETRY_MS: '250',
      OUTBOX_SWEEP_MS: '500',
      PUBLIC_URL,
      RATE_LIMIT_POINTS: '0',
    },
  });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await smtp?.kill();
});

/** A header as the message carries it (unfolded), or null. */
function rawHeader(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : null;
}

const organization = (owner: TestUser, name: string) =>
  insertOwnedOrganization(app.db, owner.userId, { name: { ar: name, fr: name, en: name }, status: 'ACTIVE' });

it('lists each kind with its default and changes only the caller’s own, all or nothing', async () => {
  const user = await signIn(app);
  const prefs = ok(
    await app.gql<{ notificationPreferences: Record<string, unknown>[] }>(PREFS, {}, user.headers),
  ).notificationPreferences;
  // Staff reports are not listed to others; the suggestions digest is opt-in.
  expect(prefs.map((p) => p.kind)).toEqual([
    'ORGANIZATION',
    'CONTACT_REQUESTS',
    'MEETING_REQUESTS',
    'AGENDA',
    'MEETING_REMINDERS',
    'SAVED_SEARCH_ALERTS',
    'SUGGESTIONS_DIGEST',
  ]);
  expect(prefs.filter((p) => !p.email).map((p) => p.kind)).toEqual(['SUGGESTIONS_DIGEST']);
  expect(prefs.every((p) => p.inApp === true)).toBe(true);

  const set = ok(
    await app.gql<{ setNotificationPreferences: { kind: string; email: boolean }[] }>(
      SET,
      {
        p: [
          { kind: 'AGENDA', email: false },
          { kind: 'SUGGESTIONS_DIGEST', email: true },
        ],
      },
      user.headers,
    ),
  ).setNotificationPreferences;
  expect(set.find((p) => p.kind === 'AGENDA')!.email).toBe(false);
  expect(set.find((p) => p.kind === 'SUGGESTIONS_DIGEST')!.email).toBe(true);

  // A kind given twice: refused with its path, nothing written.
  const dup = await app.gql(
    SET,
    {
      p: [
        { kind: 'CONTACT_REQUESTS', email: false },
        { kind: 'CONTACT_REQUESTS', email: true },
      ],
    },
    user.headers,
  );
  expect(dup.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect((await app.gql(SET, { p: [] }, user.headers)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  const { rows } = await app.db.query(
    `SELECT kind, email FROM notification_preference WHERE user_id = $1 ORDER BY kind`,
    [user.userId],
  );
  expect(rows).toEqual([
    { kind: 'AGENDA', email: false },
    { kind: 'SUGGESTIONS_DIGEST', email: true },
  ]);
  // Someone else's choices are untouched and unreadable: there is no argument naming a user.
  const other = await signIn(app);
  const theirs = ok(
    await app.gql<{ notificationPreferences: { email: boolean }[] }>(PREFS, {}, other.headers),
  );
  expect(theirs.notificationPreferences.filter((p) => !p.email)).toHaveLength(1);
  expect((await app.gql(PREFS, {}, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
});

it('shows a notice whose email is off in the app only, and still sends security mail', async () => {
  const asking = await signIn(app);
  const answering = await signIn(app);
  const from = await organization(asking, 'Atelier Demandeur');
  const to = await organization(answering, 'Forge Réservée');
  ok(await app.gql(SET, { p: [{ kind: 'CONTACT_REQUESTS', email: false }] }, answering.headers));

  ok(
    await app.gql(
      `mutation($f: ID!, $t: ID!) { requestContact(fromOrganizationId: $f, toOrganizationId: $t, message: "Bonjour") { id } }`,
      { f: from, t: to },
      asking.headers,
    ),
  );
  const notice = await eventually(async () => {
    const r = await app.gql<{ notifications: { edges: { node: { kind: string } }[] } }>(
      `{ notifications(first: 5) { edges { node { kind } } } }`,
      {},
      answering.headers,
    );
    return r.data?.notifications.edges.length ? r.data.notifications.edges : null;
  });
  expect(notice.map((e) => e.node.kind)).toEqual(['contact-request']);

  // A password reset is never turned off: it arrives, and nothing else did.
  ok(await app.gql(`mutation($e: String!) { requestPasswordReset(email: $e) }`, { e: answering.email }, {}));
  const [reset] = await eventually(async () =>
    smtp.to(answering.email).length ? smtp.to(answering.email) : null,
  );
  expect(reset.mail.headers.get('x-tashbik-mail')).toBe('reset-password');
  // A security mail has no unsubscribe header.
  expect(rawHeader(reset.raw, 'List-Unsubscribe')).toBeNull();
  const { rows } = await app.db.query(`SELECT template FROM mail_outbox WHERE recipient = $1 ORDER BY id`, [
    answering.email,
  ]);
  expect(rows).toEqual([{ template: 'reset-password' }]);
}, 60_000);

it('reports failed mail to admins with a one-click unsubscribe that needs no session', async () => {
  const admin = await signIn(app, { roles: ['ADMIN'] });
  for (const i of [1, 2, 3])
    ok(
      await app.gql(
        `mutation($input: RegisterInput!) { register(input: $input) }`,
        {
          input: {
            email: `bounce-${i}-${Date.now().toString(36)}@example.org`,
            password: 'Tashbik-mail-test-7Qx!pass',
            displayName: 'Bounce',
            locale: 'en',
            acceptTerms: true,
          },
        },
        {},
      ),
    );
  const [report] = await eventually(
    async () => (smtp.to(admin.email).length ? smtp.to(admin.email) : null),
    30_000,
  );
  const { mail } = report;
  expect(mail.headers.get('x-tashbik-mail')).toBe('mail-failures');
  expect(mail.subject).toMatch(/^E-mails non remis : \d+$/);
  expect(mail.text).toContain('550');
  const header = rawHeader(report.raw, 'List-Unsubscribe') ?? '';
  const match = /^<(https:\/\/forum\.tashbik\.test\/mail\/unsubscribe\?token=([^>]+))>$/.exec(header);
  expect(match).not.toBeNull();
  expect(rawHeader(report.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
  // The footer links to the web app's confirmation page with the same token.
  expect(mail.text).toContain(`${PUBLIC_URL}/unsubscribe?token=${match![2]}`);
  expect(mail.html).toContain(`${PUBLIC_URL}/unsubscribe?token=${match![2]}`);

  // Every failure reached the admin's notifications.
  await eventually(async () => {
    const { rows } = await app.db.query<{ n: number }>(
      `SELECT coalesce(sum((payload->>'count')::int), 0)::int AS n FROM notification WHERE user_id = $1 AND kind = 'mail-failures'`,
      [admin.userId],
    );
    return rows[0].n === 3;
  }, 30_000);

  const address = `${app.url}/mail/unsubscribe?token=${match![2]}`;
  // A GET changes nothing: it leads to the web app's page.
  const get = await fetch(address, { redirect: 'manual' });
  expect(get.status).toBe(303);
  expect(get.headers.get('location')).toBe(`/unsubscribe?token=${match![2]}`);
  const prefsOf = async () =>
    ok(
      await app.gql<{ notificationPreferences: { kind: string; email: boolean }[] }>(
        PREFS,
        {},
        admin.headers,
      ),
    ).notificationPreferences.find((p) => p.kind === 'MAIL_FAILURES')!.email;
  expect(await prefsOf()).toBe(true);

  // The mail client's one-click POST, without any session.
  const post = await fetch(address, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
  expect(post.status).toBe(200);
  expect(await post.json()).toEqual({ unsubscribed: 'MAIL_FAILURES' });
  expect(await prefsOf()).toBe(false);

  // A token altered or made up: refused, nothing changed.
  const forged = await fetch(`${app.url}/mail/unsubscribe?token=${match![2].slice(0, -2)}xx`, {
    method: 'POST',
  });
  expect(forged.status).toBe(400);
  expect(await forged.json()).toEqual({
    error: { code: 'BAD_USER_INPUT', reason: 'UNSUBSCRIBE_TOKEN_INVALID' },
  });
  const gqlForged = await app.gql(
    `mutation($t: String!) { unsubscribe(token: $t) { kind } }`,
    { t: 'nope' },
    {},
  );
  expect(gqlForged.errors?.[0].extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    reason: 'UNSUBSCRIBE_TOKEN_INVALID',
  });

  // The web page's mutation does the same, anonymously, and is idempotent.
  const again = ok(
    await app.gql<{ unsubscribe: { kind: string; email: boolean } }>(
      `mutation($t: String!) { unsubscribe(token: $t) { kind email } }`,
      { t: decodeURIComponent(match![2]) },
      {},
    ),
  );
  expect(again.unsubscribe).toEqual({ kind: 'MAIL_FAILURES', email: false });
}, 90_000);
