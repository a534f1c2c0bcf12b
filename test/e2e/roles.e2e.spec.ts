import { bootTestApp, eventually, signIn, startProcess, type TestApp } from '#testing';

/*
 * Staff and the first admin: the roles command line, setPlatformRoles, and the start-up notice of
 * a deployment without an admin.
 */

const SET_ROLES = `mutation($u: ID!, $r: [PlatformRole!]!) {
  setPlatformRoles(userId: $u, roles: $r) { userId email previousRoles roles }
}`;

let app: TestApp;

beforeAll(async () => {
  app = await bootTestApp();
}, 120_000);
afterAll(() => app?.close());

async function cli(...args: string[]) {
  const p = await startProcess('cli', app.env, null, args, 50_000);
  return { code: p.child.exitCode, text: p.output.join('\n') };
}

const rolesOf = async (email: string) =>
  (await app.db.query<{ roles: string[] }>(`SELECT roles FROM user_account WHERE email = $1`, [email]))
    .rows[0].roles;

const auditOf = async (userId: string) =>
  (
    await app.db.query<{ actor_id: string | null; before: unknown; after: unknown }>(
      `SELECT actor_id, before, after FROM audit_log WHERE action = 'user.roles' AND entity_id = $1 ORDER BY id`,
      [userId],
    )
  ).rows;

it('says at start-up that there is no admin, with the command that makes one, until there is one', async () => {
  const notice = (lines: string[]) => lines.find((l) => l.includes('no administrator yet'));
  // The logger writes asynchronously: the line may follow the one that says the api listens.
  const line = await eventually(async () => notice(app.api.output), 10_000);
  expect(line).toBeDefined();
  expect(line).toContain('npm run cli -- grant-role EMAIL ADMIN');
  expect(line).toContain(
    'docker compose -f docker/compose.yaml run --rm api node dist/apps/cli/src/main.js grant-role',
  );

  const first = await signIn(app, { email: `first-admin-${Date.now()}@example.org` });
  const granted = await cli('grant-role', first.email, 'admin');
  expect(granted.code).toBe(0);
  expect(granted.text).toContain(`${first.email}: roles none -> ADMIN`);
  const again = await startProcess('api', app.env, /"msg":"api listening"/);
  try {
    expect(notice(again.output)).toBeUndefined();
  } finally {
    await again.stop();
  }
}, 90_000);

it('grants and revokes roles at the command line, prints what changed, audits it, keeps the last admin', async () => {
  const user = await signIn(app, { email: `staff-${Date.now()}@example.org` });
  const grant = await cli('grant-role', user.email.toUpperCase(), 'ORGANISER');
  expect(grant).toMatchObject({ code: 0 });
  expect(grant.text).toContain(`${user.email}: roles none -> ORGANISER`);
  expect(await rolesOf(user.email)).toEqual(['ORGANISER']);
  expect((await cli('grant-role', user.email, 'ADMIN')).text).toContain(
    'roles ORGANISER -> ORGANISER, ADMIN',
  );

  const revoke = await cli('revoke-role', user.email, 'ORGANISER');
  expect(revoke.code).toBe(0);
  expect(revoke.text).toContain('roles ORGANISER, ADMIN -> ADMIN');
  // Audited, without an actor (an operator at the command line), with the roles before and after.
  expect(await auditOf(user.userId)).toEqual([
    { actor_id: null, before: { roles: [] }, after: { roles: ['ORGANISER'] } },
    { actor_id: null, before: { roles: ['ORGANISER'] }, after: { roles: ['ORGANISER', 'ADMIN'] } },
    { actor_id: null, before: { roles: ['ORGANISER', 'ADMIN'] }, after: { roles: ['ADMIN'] } },
  ]);

  // Every admin but this one goes; then this one cannot.
  await app.db.query(`UPDATE user_account SET roles = '{}' WHERE email <> $1`, [user.email]);
  const last = await cli('revoke-role', user.email, 'ADMIN');
  expect(last.code).toBe(1);
  expect(last.text).toContain('last admin');
  expect(await rolesOf(user.email)).toEqual(['ADMIN']);

  const nobody = await cli('grant-role', 'nobody@example.org', 'ADMIN');
  expect(nobody.code).toBe(1);
  expect(nobody.text).toContain('does not exist');
  const badRole = await cli('grant-role', user.email, 'OWNER');
  expect(badRole.code).toBe(1);
  expect(badRole.text).toContain('unknown role');
  expect(await rolesOf(user.email)).toEqual(['ADMIN']);
}, 240_000);

it('lets admins set roles through GraphQL, audited, never removing the last admin', async () => {
  await app.db.query(`UPDATE user_account SET roles = '{}'`);
  const admin = await signIn(app, { roles: ['ADMIN'] });
  const organiser = await signIn(app, { roles: ['ORGANISER'] });
  const user = await signIn(app);

  const set = await app.gql(SET_ROLES, { u: user.userId, r: ['ORGANISER'] }, admin.headers);
  expect(set.data).toEqual({
    setPlatformRoles: { userId: user.userId, email: user.email, previousRoles: [], roles: ['ORGANISER'] },
  });
  expect(await auditOf(user.userId)).toEqual([
    { actor_id: admin.userId, before: { roles: [] }, after: { roles: ['ORGANISER'] } },
  ]);

  // Organisers and members cannot.
  for (const who of [organiser, user]) {
    const refused = await app.gql(SET_ROLES, { u: who.userId, r: ['ADMIN'] }, who.headers);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  }
  expect(await rolesOf(organiser.email)).toEqual(['ORGANISER']);

  // The only admin cannot step down; once another admin exists, it can.
  const alone = await app.gql(SET_ROLES, { u: admin.userId, r: ['ORGANISER'] }, admin.headers);
  expect(alone.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_ADMIN' });
  expect(await rolesOf(admin.email)).toEqual(['ADMIN']);
  await app.gql(SET_ROLES, { u: user.userId, r: ['ADMIN'] }, admin.headers);
  const stepDown = await app.gql(SET_ROLES, { u: admin.userId, r: [] }, admin.headers);
  expect(stepDown.data).toMatchObject({ setPlatformRoles: { previousRoles: ['ADMIN'], roles: [] } });

  // Two admins removing each other at once: one of them stays.
  const other = await signIn(app, { roles: ['ADMIN'] });
  const [a, b] = await Promise.all([
    app.gql(SET_ROLES, { u: other.userId, r: [] }, user.headers),
    app.gql(SET_ROLES, { u: user.userId, r: [] }, other.headers),
  ]);
  // (The loser is refused as the last admin, or as no longer an admin if the winner committed first.)
  expect([a, b].filter((r) => r.errors)).toHaveLength(1);
  const { rows } = await app.db.query<{ id: string }>(
    `SELECT id FROM user_account WHERE 'ADMIN' = ANY(roles)`,
  );
  expect(rows).toHaveLength(1);
  const remaining = a.errors ? other : user;
  expect(rows[0].id).toBe(remaining.userId);

  const bad = await app.gql(SET_ROLES, { u: 'not-a-uuid', r: [] }, remaining.headers);
  expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  const missing = await app.gql(
    SET_ROLES,
    { u: '00000000-0000-4000-8000-000000000000', r: [] },
    remaining.headers,
  );
  expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
}, 120_000);
