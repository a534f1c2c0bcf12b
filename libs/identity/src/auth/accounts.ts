import type { Locale } from '../mail/mail.port.js';
import type { Runs } from '../runs.js';
import { AccountRepository } from './account.repository.js';

/** The repository behind these reads (stateless: each call takes the caller's connection). */
const repository = new AccountRepository();

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
  exists(db: Runs, userId: string): Promise<boolean> {
    return repository.exists(db, userId);
  },

  /** The accounts among `ids` that exist, by id. */
  async contacts(db: Runs, ids: readonly string[]): Promise<Map<string, AccountContact>> {
    if (!ids.length) return new Map();
    const rows = await repository.contacts(db, ids);
    return new Map(rows.map((r) => [r.id, r]));
  },

  /**
   * The account a mail is about: `userId` when given (if it exists), else the account that proved
   * it owns the address `email`; null when none.
   */
  find(db: Runs, userId: string | null, email: string): Promise<string | null> {
    return repository.find(db, userId, email);
  },

  /**
   * The platform administrators, in id order, locked for the caller's transaction when `lock` (so
   * two reports to them run one after the other).
   */
  admins(db: Runs, lock = false): Promise<Omit<AccountContact, 'verified'>[]> {
    return repository.admins(db, lock);
  },
};
