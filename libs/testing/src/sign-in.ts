import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { REDACTED, SecretBox } from '#notifications';
import type { SqlClient } from './factories.js';
import type { TestApp } from './test-app.js';

export interface TestUser {
  userId: string;
  email: string;
  password: string;
  /** `{ authorization: 'Bearer …' }`, to pass as the headers of `app.gql`. */
  headers: Record<string, string>;
  refreshToken: string;
}

export interface SignInOptions {
  roles?: ('ORGANISER' | 'ADMIN')[];
  memberships?: { organizationId: string; role: 'OWNER' | 'MEMBER' }[];
  /** Whether the email address is verified (default true). */
  verified?: boolean;
  email?: string;
  displayName?: string;
}

/** A cheap argon2id hash: the api verifies whatever cost a stored hash names. */
const TEST_COST = { algorithm: 2, memoryCost: 8192, timeCost: 1, parallelism: 1 } as const;

/**
 * Creates an account directly in the test database (with roles and memberships as asked) and
 * signs it in through the api's real `login` mutation.
 */
export async function signIn(app: TestApp, opts: SignInOptions = {}): Promise<TestUser> {
  const email = opts.email ?? `user-${randomBytes(5).toString('hex')}@example.org`;
  const password = `pw-${randomBytes(12).toString('hex')}`;
  const { rows } = await app.db.query<{ id: string }>(
    `INSERT INTO user_account (email, password_hash, display_name, roles, email_verified_at, consent_version, consented_at)
     VALUES ($1, $2, $3, $4, CASE WHEN $5 THEN now() END, 'test', now()) RETURNING id`,
    [
      email,
      await hash(password, TEST_COST),
      opts.displayName ?? 'Test User',
      opts.roles ?? [],
      opts.verified ?? true,
    ],
  );
  const userId = rows[0].id;
  for (const m of opts.memberships ?? []) await insertMembership(app.db, userId, m.organizationId, m.role);
  const res = await app.gql<{ login: { accessToken: string; refreshToken: string } }>(
    `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }`,
    { e: email, p: password },
  );
  if (!res.data?.login) throw new Error(`test sign-in failed: ${JSON.stringify(res.errors)}`);
  return {
    userId,
    email,
    password,
    headers: { authorization: `Bearer ${res.data.login.accessToken}` },
    refreshToken: res.data.login.refreshToken,
  };
}

/** Makes an account a member of an organisation (OWNER unless asked), or changes its role there. */
export async function insertMembership(
  db: SqlClient,
  userId: string,
  organizationId: string,
  role: 'OWNER' | 'MEMBER' = 'OWNER',
): Promise<void> {
  await db.query(
    `INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, $3)
     ON CONFLICT (user_id, organization_id) DO UPDATE SET role = EXCLUDED.role`,
    [userId, organizationId, role],
  );
}

/** Adds a membership to an existing test user (for organisations created after sign-in). */
export function addMembership(
  app: TestApp,
  userId: string,
  organizationId: string,
  role: 'OWNER' | 'MEMBER' = 'OWNER',
): Promise<void> {
  return insertMembership(app.db, userId, organizationId, role);
}

/**
 * The last message queued for an address, as the recipient reads it: the stored copy (codes
 * hidden) with the codes put back from the row's sealed values, while the row still holds them
 * (until it is sent; tests run without SMTP_URL unless they start a server).
 */
export async function lastMail(
  app: TestApp,
  to: string,
  template?: string,
): Promise<{ subject: string; body: string; template: string; status: string } | null> {
  const { rows } = await app.db.query<{
    subject: string;
    body: string;
    template: string;
    status: string;
    secrets: string | null;
  }>(
    `SELECT subject, body, template, status, secrets FROM mail_outbox
      WHERE recipient = $1 AND ($2::text IS NULL OR template = $2)
      ORDER BY id DESC LIMIT 1`,
    [to, template ?? null],
  );
  const row = rows[0];
  if (!row) return null;
  const { secrets, ...mail } = row;
  if (!secrets) return mail;
  const { token } = new SecretBox(app.env.JWT_SECRET).open(secrets);
  return { ...mail, body: token ? mail.body.split(REDACTED).join(token) : mail.body };
}
