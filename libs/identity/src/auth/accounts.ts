import type { EntityManager } from 'typeorm';
import type { Locale } from '../mail/mail.port.js';

/** Runs SQL: a DataSource, an EntityManager or a QueryRunner's manager. */
type Runs = Pick<EntityManager, 'query'>;

/** What other libraries may read of an account: where and in which language to tell it something. */
export interface AccountContact {
  id: string;
  email: string;
  locale: Locale;
  /** The address was proved by the account's owner. */
  verified: boolean;
}

/**
 * Read access to accounts for the libraries that tell people things (identity owns `user_account`).
 * Each takes the caller's connection or transaction.
 */
export const accounts = {
  /** Whether the account exists (an erased one does not). */
  async exists(db: Runs, userId: string): Promise<boolean> {
    const [row] = await db.query<unknown[]>(`SELECT 1 FROM user_account WHERE id = $1`, [userId]);
    return !!row;
  },

  /** The accounts among `ids` that exist, by id. */
  async contacts(db: Runs, ids: readonly string[]): Promise<Map<string, AccountContact>> {
    if (!ids.length) return new Map();
    const rows = await db.query<AccountContact[]>(
      `SELECT id::text AS id, email, locale, email_verified_at IS NOT NULL AS verified
         FROM user_account WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r]));
  },

  /**
   * The account a mail is about: `userId` when given (if it exists), else the account that proved
   * it owns the address `email`; null when none.
   */
  async find(db: Runs, userId: string | null, email: string): Promise<string | null> {
    const [row] = await db.query<{ id: string }[]>(
      `SELECT id::text AS id FROM user_account
        WHERE CASE WHEN $1::uuid IS NOT NULL THEN id = $1::uuid
                   ELSE email = $2 AND email_verified_at IS NOT NULL END
        LIMIT 1`,
      [userId, email],
    );
    return row?.id ?? null;
  },

  /**
   * The platform administrators, in id order, locked for the caller's transaction when `lock` (so
   * two reports to them run one after the other).
   */
  admins(db: Runs, lock = false): Promise<Omit<AccountContact, 'verified'>[]> {
    return db.query(
      `SELECT id::text AS id, email, locale FROM user_account
        WHERE 'ADMIN' = ANY(roles) ORDER BY id ${lock ? 'FOR UPDATE' : ''}`,
    );
  },
};
