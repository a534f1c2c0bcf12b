import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { hashPassword, type Argon2Cost } from './auth/passwords.js';
import { CONSENT_VERSION } from './auth/auth.schema.js';
import { AccountRepository } from './auth/account.repository.js';
import { MembershipRepository } from './membership/membership.repository.js';
import { organizationReads } from './organization.port.js';

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
  const users = new AccountRepository();
  const existing = await users.emailsTaken(
    db,
    accounts.map((a) => a.email),
  );
  if (saved && existing.length === accounts.length) return accounts;
  // The demo import writes its firms in one transaction, so they share created_at: the import
  // reference breaks the tie, so every fresh demo gives the owner the same firm.
  const sme = await organizationReads().firstActiveSme(db);
  for (const [i, a] of accounts.entries()) {
    const id = await users.upsertDemo(db, {
      email: a.email,
      passwordHash: await hashPassword(a.password, cost),
      displayName: i === 0 ? 'Forum organiser' : 'SME owner',
      roles: i === 0 ? ['ORGANISER', 'ADMIN'] : [],
      consentVersion: CONSENT_VERSION,
    });
    if (i === 1 && sme) await new MembershipRepository().addOwnerIfAbsent(db, id, sme);
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(accounts, null, 2) + '\n');
  chmodSync(file, 0o600);
  return accounts;
}
