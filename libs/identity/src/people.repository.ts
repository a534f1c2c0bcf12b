import type { EntityManager } from 'typeorm';
import type { Locale } from './mail/mail.port.js';

/** Runs SQL: a DataSource, an EntityManager or a QueryRunner's manager. */
type Runs = Pick<EntityManager, 'query'>;

/** An account as another library may show and tell it: name, address and language. */
export interface PersonProfile {
  id: string;
  email: string;
  locale: Locale;
  displayName: string;
}

/**
 * Reads of accounts and memberships for the libraries that act on organisations on people's behalf
 * (the directory's organisation claims). Each takes the caller's connection or transaction.
 */
export const people = {
  /** The accounts among `ids` that exist, by id, with their display names. */
  async profiles(db: Runs, ids: readonly string[]): Promise<Map<string, PersonProfile>> {
    if (!ids.length) return new Map();
    const rows = await db.query<{ id: string; email: string; locale: Locale; display_name: string }[]>(
      `SELECT id::text AS id, email, locale, display_name FROM user_account WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(
      rows.map((r) => [r.id, { id: r.id, email: r.email, locale: r.locale, displayName: r.display_name }]),
    );
  },

  /** The organisers and administrators, in id order, with what a notice to them needs. */
  organisers(db: Runs): Promise<{ id: string; email: string; locale: Locale }[]> {
    return db.query<{ id: string; email: string; locale: Locale }[]>(
      `SELECT id::text AS id, email, locale FROM user_account
        WHERE roles && ARRAY['ORGANISER', 'ADMIN']::text[] ORDER BY id`,
    );
  },

  /** Whether the organisation has an owner. */
  async hasOwner(db: Runs, organizationId: string): Promise<boolean> {
    const [row] = await db.query<unknown[]>(
      `SELECT 1 FROM membership WHERE organization_id = $1 AND role = 'OWNER' LIMIT 1`,
      [organizationId],
    );
    return !!row;
  },
};
