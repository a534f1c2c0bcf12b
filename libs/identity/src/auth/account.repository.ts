import { Injectable } from '@nestjs/common';
import { returning } from '#platform';
import type { Locale } from '../mail/mail.port.js';
import type { PlatformRole } from '../viewer.js';
import type { Runs } from '../runs.js';

/** What checking an access token needs of its account. */
export interface AccountSessionState {
  email: string;
  roles: PlatformRole[];
  emailVerifiedAt: Date | null;
  sessionEpoch: number;
}

/** What signing in needs of an account. */
export interface AccountCredentials {
  id: string;
  passwordHash: string;
  sessionEpoch: number;
}

/** An account as its owner sees it (`me`). */
export interface AccountProfile {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  roles: PlatformRole[];
  emailVerifiedAt: Date | null;
  consentVersion: string;
  consentedAt: Date;
}

/** An account with its platform roles, as the staff list shows it. */
export interface AccountRoles {
  userId: string;
  email: string;
  displayName: string;
  roles: PlatformRole[];
}

/** A new account as sign-up writes it. */
export interface NewAccount {
  email: string;
  passwordHash: string;
  displayName: string;
  locale: string;
  consentVersion: string;
}

/** A demo account, created verified or given its password again. */
export interface DemoAccountRow {
  email: string;
  passwordHash: string;
  displayName: string;
  roles: PlatformRole[];
  consentVersion: string;
}

/** The SQL of `user_account`. */
@Injectable()
export class AccountRepository {
  async sessionState(db: Runs, id: string): Promise<AccountSessionState | null> {
    const [row] = await db.query<
      { email: string; roles: PlatformRole[]; email_verified_at: Date | null; session_epoch: number }[]
    >(`SELECT email, roles, email_verified_at, session_epoch FROM user_account WHERE id = $1`, [id]);
    return row
      ? {
          email: row.email,
          roles: row.roles,
          emailVerifiedAt: row.email_verified_at,
          sessionEpoch: row.session_epoch,
        }
      : null;
  }

  /** Creates the account unless its address is taken: its id, or null when taken. */
  async insertIfNew(m: Runs, a: NewAccount): Promise<string | null> {
    const [created] = await m.query<{ id: string }[]>(
      `INSERT INTO user_account (email, password_hash, display_name, locale, consent_version, consented_at)
         VALUES ($1, $2, $3, $4, $5, now()) ON CONFLICT (email) DO NOTHING RETURNING id`,
      [a.email, a.passwordHash, a.displayName, a.locale, a.consentVersion],
    );
    return created?.id ?? null;
  }

  /** The language of the account registered with this address, or null. */
  async localeByEmail(m: Runs, email: string): Promise<Locale | null> {
    const [row] = await m.query<{ locale: Locale }[]>(`SELECT locale FROM user_account WHERE email = $1`, [
      email,
    ]);
    return row?.locale ?? null;
  }

  /** The account registered with this address while it is not verified, or null. */
  async findUnverifiedByEmail(
    m: Runs,
    email: string,
  ): Promise<{ id: string; displayName: string; locale: Locale } | null> {
    const [row] = await m.query<{ id: string; display_name: string; locale: Locale }[]>(
      `SELECT id, display_name, locale FROM user_account WHERE email = $1 AND email_verified_at IS NULL`,
      [email],
    );
    return row ? { id: row.id, displayName: row.display_name, locale: row.locale } : null;
  }

  /** The account registered with this address, or null. */
  async findByEmail(m: Runs, email: string): Promise<{ id: string; locale: Locale } | null> {
    const [row] = await m.query<{ id: string; locale: Locale }[]>(
      `SELECT id, locale FROM user_account WHERE email = $1`,
      [email],
    );
    return row ?? null;
  }

  async markEmailVerified(m: Runs, id: string): Promise<void> {
    await m.query(
      `UPDATE user_account SET email_verified_at = coalesce(email_verified_at, now()) WHERE id = $1`,
      [id],
    );
  }

  async credentialsByEmail(db: Runs, email: string): Promise<AccountCredentials | null> {
    const [row] = await db.query<{ id: string; password_hash: string; session_epoch: number }[]>(
      `SELECT id, password_hash, session_epoch FROM user_account WHERE email = $1`,
      [email],
    );
    return row ? { id: row.id, passwordHash: row.password_hash, sessionEpoch: row.session_epoch } : null;
  }

  async passwordHash(db: Runs, id: string): Promise<string | null> {
    const [row] = await db.query<{ password_hash: string }[]>(
      `SELECT password_hash FROM user_account WHERE id = $1`,
      [id],
    );
    return row?.password_hash ?? null;
  }

  /** The address and name of an account (what a new password must not resemble). */
  async nameAndEmail(db: Runs, id: string): Promise<{ email: string; displayName: string } | null> {
    const [row] = await db.query<{ email: string; display_name: string }[]>(
      `SELECT email, display_name FROM user_account WHERE id = $1`,
      [id],
    );
    return row ? { email: row.email, displayName: row.display_name } : null;
  }

  /**
   * Stores a new password hash; a reset (`verifies`) also proves the address. The account's address
   * and language, or null when it does not exist.
   */
  async setPasswordHash(
    m: Runs,
    id: string,
    hash: string,
    verifies: boolean,
  ): Promise<{ email: string; locale: Locale } | null> {
    const [row] = await returning<{ email: string; locale: Locale }>(
      m,
      `UPDATE user_account SET password_hash = $2, updated_at = now(),
         email_verified_at = coalesce(email_verified_at, CASE WHEN $3 THEN now() END)
       WHERE id = $1 RETURNING email, locale`,
      [id, hash, verifies],
    );
    return row ?? null;
  }

  /** Moves the account to a new session epoch: every access token issued before stops working. */
  async bumpSessionEpoch(m: Runs, id: string): Promise<void> {
    await m.query(
      `UPDATE user_account SET session_epoch = session_epoch + 1, updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  async setLocale(db: Runs, id: string, locale: Locale): Promise<void> {
    await db.query(`UPDATE user_account SET locale = $2, updated_at = now() WHERE id = $1`, [id, locale]);
  }

  async profile(db: Runs, id: string): Promise<AccountProfile | null> {
    const [row] = await db.query<
      {
        id: string;
        email: string;
        display_name: string;
        locale: Locale;
        roles: PlatformRole[];
        email_verified_at: Date | null;
        consent_version: string;
        consented_at: Date;
      }[]
    >(
      `SELECT id, email, display_name, locale, roles, email_verified_at, consent_version, consented_at
       FROM user_account WHERE id = $1`,
      [id],
    );
    return row
      ? {
          id: row.id,
          email: row.email,
          displayName: row.display_name,
          locale: row.locale,
          roles: row.roles,
          emailVerifiedAt: row.email_verified_at,
          consentVersion: row.consent_version,
          consentedAt: row.consented_at,
        }
      : null;
  }

  /** The address of an account and whether it is verified, locked for the caller's transaction when `lock`. */
  async emailOf(
    db: Runs,
    id: string,
    lock = false,
  ): Promise<{ email: string; emailVerifiedAt: Date | null } | null> {
    const [row] = await db.query<{ email: string; email_verified_at: Date | null }[]>(
      `SELECT email, email_verified_at FROM user_account WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row ? { email: row.email, emailVerifiedAt: row.email_verified_at } : null;
  }

  /** Deletes the account row; foreign keys to it cascade or set NULL. */
  async delete(m: Runs, id: string): Promise<void> {
    await m.query(`DELETE FROM user_account WHERE id = $1`, [id]);
  }

  // Read access for other libraries (`accounts`).

  async exists(db: Runs, id: string): Promise<boolean> {
    const [row] = await db.query<unknown[]>(`SELECT 1 FROM user_account WHERE id = $1`, [id]);
    return !!row;
  }

  contacts(
    db: Runs,
    ids: readonly string[],
  ): Promise<{ id: string; email: string; locale: Locale; verified: boolean }[]> {
    return db.query(
      `SELECT id::text AS id, email, locale, email_verified_at IS NOT NULL AS verified
         FROM user_account WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** `userId` when it exists, else the account that proved it owns `email`; null when none. */
  async find(db: Runs, userId: string | null, email: string): Promise<string | null> {
    const [row] = await db.query<{ id: string }[]>(
      `SELECT id::text AS id FROM user_account
        WHERE CASE WHEN $1::uuid IS NOT NULL THEN id = $1::uuid
                   ELSE email = $2 AND email_verified_at IS NOT NULL END
        LIMIT 1`,
      [userId, email],
    );
    return row?.id ?? null;
  }

  /** The administrators in id order, locked for the caller's transaction when `lock`. */
  admins(db: Runs, lock = false): Promise<{ id: string; email: string; locale: Locale }[]> {
    return db.query(
      `SELECT id::text AS id, email, locale FROM user_account
        WHERE 'ADMIN' = ANY(roles) ORDER BY id ${lock ? 'FOR UPDATE' : ''}`,
    );
  }

  // Platform roles.

  /** Serialises every change of roles (a transaction-scoped advisory lock). */
  async lockRoles(m: Runs, key: number): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock($1)`, [key]);
  }

  /** The account by id or address with its roles, locked for the caller's transaction. */
  async lockForRoles(
    m: Runs,
    who: { userId?: string; email?: string },
    key: string,
  ): Promise<{ id: string; email: string; roles: PlatformRole[] } | null> {
    const [row] = await m.query<{ id: string; email: string; roles: PlatformRole[] }[]>(
      `SELECT id, email, roles FROM user_account WHERE ${who.userId ? 'id = $1' : 'email = $1'} FOR UPDATE`,
      [key],
    );
    return row ?? null;
  }

  async otherAdminCount(m: Runs, id: string): Promise<number> {
    const [{ n }] = await m.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM user_account WHERE 'ADMIN' = ANY(roles) AND id <> $1`,
      [id],
    );
    return n;
  }

  async setRoles(m: Runs, id: string, roles: PlatformRole[]): Promise<void> {
    await m.query(`UPDATE user_account SET roles = $2 WHERE id = $1`, [id, roles]);
  }

  /** Every account holding a platform role, by email. */
  staff(db: Runs): Promise<AccountRoles[]> {
    return db.query<AccountRoles[]>(
      `SELECT id AS "userId", email, display_name AS "displayName", roles
         FROM user_account WHERE cardinality(roles) > 0 ORDER BY email`,
    );
  }

  async withRolesByEmail(db: Runs, email: string): Promise<AccountRoles | null> {
    const [user] = await db.query<AccountRoles[]>(
      `SELECT id AS "userId", email, display_name AS "displayName", roles FROM user_account WHERE email = $1`,
      [email],
    );
    return user ?? null;
  }

  async adminCount(db: Runs): Promise<number> {
    const [{ n }] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM user_account WHERE 'ADMIN' = ANY(roles)`,
    );
    return n;
  }

  // Demo accounts.

  /** The addresses among `emails` that have an account. */
  async emailsTaken(db: Runs, emails: readonly string[]): Promise<string[]> {
    const rows = await db.query<{ email: string }[]>(`SELECT email FROM user_account WHERE email = ANY($1)`, [
      emails,
    ]);
    return rows.map((r) => r.email);
  }

  /** Creates a verified demo account in Arabic, or sets its password when it exists: its id. */
  async upsertDemo(db: Runs, a: DemoAccountRow): Promise<string> {
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO user_account (email, password_hash, display_name, roles, locale, email_verified_at, consent_version,
         consented_at)
       VALUES ($1, $2, $3, $4, 'ar', now(), $5, now())
       ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash RETURNING id`,
      [a.email, a.passwordHash, a.displayName, a.roles, a.consentVersion],
    );
    return row.id;
  }
}
