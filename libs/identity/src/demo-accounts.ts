import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { hashPassword, type Argon2Cost } from './auth/passwords.js';
import { CONSENT_VERSION } from './auth/auth.schema.js';

export interface DemoAccount {
  email: string;
  password: string;
  role: string;
}

const FILE = 'demo-accounts.json';

/**
 * Accounts to try the demo with: an organiser (also admin) and the owner of the first demo SME.
 * Created once, with random passwords kept in `<dataDir>/demo-accounts.json` (readable by the
 * owner only), so each start can print them. Never called outside the demo.
 */
export async function ensureDemoAccounts(
  db: DataSource,
  dataDir: string,
  cost: Argon2Cost,
): Promise<DemoAccount[]> {
  const file = join(dataDir, FILE);
  const saved = existsSync(file);
  const accounts: DemoAccount[] = saved
    ? (JSON.parse(readFileSync(file, 'utf8')) as DemoAccount[])
    : [
        {
          email: 'organiser@tashbik.test',
          password: randomBytes(9).toString('base64url'),
          role: 'organiser and admin',
        },
        {
          email: 'owner@tashbik.test',
          password: randomBytes(9).toString('base64url'),
          role: 'owner of a demo SME',
        },
      ];
  const existing = await db.query<{ email: string }[]>(
    `SELECT email FROM user_account WHERE email = ANY($1)`,
    [accounts.map((a) => a.email)],
  );
  if (saved && existing.length === accounts.length) return accounts;
  // The demo import writes its firms in one transaction, so they share created_at: the import
  // reference breaks the tie, so every fresh demo gives the owner the same firm.
  const [sme] = await db.query<{ id: string }[]>(
    `SELECT id FROM organization WHERE kind = 'SME' AND status = 'ACTIVE'
      ORDER BY created_at, external_ref NULLS LAST, id LIMIT 1`,
  );
  for (const [i, a] of accounts.entries()) {
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO user_account (email, password_hash, display_name, roles, locale, email_verified_at, consent_version,
         consented_at)
       VALUES ($1, $2, $3, $4, 'ar', now(), $5, now())
       ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash RETURNING id`,
      [
        a.email,
        await hashPassword(a.password, cost),
        i === 0 ? 'Forum organiser' : 'SME owner',
        i === 0 ? ['ORGANISER', 'ADMIN'] : [],
        CONSENT_VERSION,
      ],
    );
    if (i === 1 && sme)
      await db.query(
        `INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, 'OWNER') ON CONFLICT DO NOTHING`,
        [row.id, sme.id],
      );
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(accounts, null, 2) + '\n');
  chmodSync(file, 0o600);
  return accounts;
}
