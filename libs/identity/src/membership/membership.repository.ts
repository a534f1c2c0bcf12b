import { Injectable } from '@nestjs/common';
import type { Locale } from '../mail/mail.port.js';
import type { MembershipRole } from '../viewer.js';
import type { Runs } from '../runs.js';

/** A member of an organisation, as its members list shows them. */
export interface MemberRow {
  userId: string;
  displayName: string;
  email: string;
  role: MembershipRole;
  createdAt: Date;
}

/** One of an account's memberships. */
export interface AccountMembershipRow {
  organizationId: string;
  role: MembershipRole;
  createdAt: Date;
}

/** An organisation the account owns, with its head counts (what deleting the account depends on). */
export interface OwnedOrganizationRow {
  organizationId: string;
  members: number;
  owners: number;
}

/** An account to tell something, for one (organisation, asked account) pair. */
export interface AskedRecipientRow {
  organizationId: string;
  asked: string | null;
  id: string;
  email: string;
  locale: Locale;
}

/** The SQL of `membership`: who belongs to which organisation, with which role. */
@Injectable()
export class MembershipRepository {
  /**
   * For each (organisation, account) asked: that account while it is a member, otherwise the
   * organisation's owners; ordered by address.
   */
  async memberOrOwners(
    db: Runs,
    asks: readonly { organizationId: string; userId: string | null }[],
  ): Promise<AskedRecipientRow[]> {
    const rows = await db.query<
      { organization_id: string; asked: string | null; id: string; email: string; locale: Locale }[]
    >(
      `SELECT DISTINCT q.organization_id, q.asked, u.id, u.email, u.locale
       FROM unnest($1::uuid[], $2::uuid[]) AS q(organization_id, asked)
       JOIN membership ms ON ms.organization_id = q.organization_id
       JOIN user_account u ON u.id = ms.user_id
      WHERE u.id = q.asked
         OR (ms.role = 'OWNER' AND NOT EXISTS (
               SELECT 1 FROM membership c WHERE c.user_id = q.asked AND c.organization_id = q.organization_id))
      ORDER BY u.email`,
      [asks.map((a) => a.organizationId), asks.map((a) => a.userId)],
    );
    return rows.map((r) => ({
      organizationId: r.organization_id,
      asked: r.asked,
      id: r.id,
      email: r.email,
      locale: r.locale,
    }));
  }

  /** The organisations an account is a member of, by id. */
  async organizationIdsOf(db: Runs, userId: string): Promise<string[]> {
    const rows = await db.query<{ id: string }[]>(
      `SELECT organization_id::text AS id FROM membership WHERE user_id = $1 ORDER BY organization_id`,
      [userId],
    );
    return rows.map((r) => r.id);
  }

  /** An account's memberships with their roles (any order). */
  async rolesOf(db: Runs, userId: string): Promise<{ organizationId: string; role: MembershipRole }[]> {
    const rows = await db.query<{ organization_id: string; role: MembershipRole }[]>(
      `SELECT organization_id, role FROM membership WHERE user_id = $1`,
      [userId],
    );
    return rows.map((r) => ({ organizationId: r.organization_id, role: r.role }));
  }

  /** An account's memberships, oldest first. */
  async ofAccount(db: Runs, userId: string): Promise<AccountMembershipRow[]> {
    const rows = await db.query<{ organization_id: string; role: MembershipRole; created_at: Date }[]>(
      `SELECT organization_id, role, created_at FROM membership WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
    return rows.map((r) => ({ organizationId: r.organization_id, role: r.role, createdAt: r.created_at }));
  }

  /** The members of an organisation with their names and addresses, oldest first. */
  async members(db: Runs, organizationId: string): Promise<MemberRow[]> {
    const rows = await db.query<
      { user_id: string; display_name: string; email: string; role: MembershipRole; created_at: Date }[]
    >(
      `SELECT m.user_id, u.display_name, u.email, m.role, m.created_at
       FROM membership m JOIN user_account u ON u.id = m.user_id
       WHERE m.organization_id = $1 ORDER BY m.created_at, m.user_id`,
      [organizationId],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      displayName: r.display_name,
      email: r.email,
      role: r.role,
      createdAt: r.created_at,
    }));
  }

  /** Every member of an organisation (any role) with what a notice to them needs, by address. */
  recipients(db: Runs, organizationId: string): Promise<{ id: string; email: string; locale: Locale }[]> {
    return db.query(
      `SELECT u.id, u.email, u.locale FROM membership ms JOIN user_account u ON u.id = ms.user_id
      WHERE ms.organization_id = $1 ORDER BY u.email`,
      [organizationId],
    );
  }

  /** Whether the account registered with this address is a member of the organisation. */
  async hasMemberWithEmail(m: Runs, organizationId: string, email: string): Promise<boolean> {
    const [already] = await m.query<unknown[]>(
      `SELECT 1 FROM membership m JOIN user_account u ON u.id = m.user_id
         WHERE m.organization_id = $1 AND u.email = $2`,
      [organizationId, email],
    );
    return !!already;
  }

  /** The accounts holding a role in an organisation, with what a notice to them needs. */
  withRole(
    m: Runs,
    organizationId: string,
    role: MembershipRole,
  ): Promise<{ id: string; email: string; locale: Locale }[]> {
    return m.query(
      `SELECT u.id, u.email, u.locale FROM membership ms JOIN user_account u ON u.id = ms.user_id
       WHERE ms.organization_id = $1 AND ms.role = $2`,
      [organizationId, role],
    );
  }

  /** Makes the account a member with this role, or gives an existing member this role. */
  async upsert(m: Runs, userId: string, organizationId: string, role: MembershipRole): Promise<void> {
    await m.query(
      `INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, organization_id) DO UPDATE SET role = EXCLUDED.role`,
      [userId, organizationId, role],
    );
  }

  /** Makes the account an owner (a member already made owner). */
  async upsertOwner(m: Runs, organizationId: string, userId: string): Promise<void> {
    await m.query(
      `INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, 'OWNER')
       ON CONFLICT (user_id, organization_id) DO UPDATE SET role = 'OWNER'`,
      [userId, organizationId],
    );
  }

  /** Makes the account an owner unless it is already a member (whatever its role). */
  async addOwnerIfAbsent(db: Runs, userId: string, organizationId: string): Promise<void> {
    await db.query(
      `INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, 'OWNER') ON CONFLICT DO NOTHING`,
      [userId, organizationId],
    );
  }

  /** Every membership of an organisation, locked for the caller's transaction. */
  async lockOrganization(
    m: Runs,
    organizationId: string,
  ): Promise<{ userId: string; role: MembershipRole }[]> {
    const rows = await m.query<{ user_id: string; role: MembershipRole }[]>(
      `SELECT user_id, role FROM membership WHERE organization_id = $1 FOR UPDATE`,
      [organizationId],
    );
    return rows.map((r) => ({ userId: r.user_id, role: r.role }));
  }

  async remove(m: Runs, organizationId: string, userId: string): Promise<void> {
    await m.query(`DELETE FROM membership WHERE organization_id = $1 AND user_id = $2`, [
      organizationId,
      userId,
    ]);
  }

  async setRole(m: Runs, organizationId: string, userId: string, role: MembershipRole): Promise<void> {
    await m.query(`UPDATE membership SET role = $3 WHERE organization_id = $1 AND user_id = $2`, [
      organizationId,
      userId,
      role,
    ]);
  }

  /** The organisations the account owns with their head counts, its memberships locked. */
  async lockOwnedWithCounts(m: Runs, userId: string): Promise<OwnedOrganizationRow[]> {
    const rows = await m.query<{ organization_id: string; members: number; owners: number }[]>(
      `SELECT m.organization_id,
                (SELECT count(*)::int FROM membership x WHERE x.organization_id = m.organization_id) AS members,
                (SELECT count(*)::int FROM membership x WHERE x.organization_id = m.organization_id AND x.role = 'OWNER') AS owners
         FROM membership m WHERE m.user_id = $1 AND m.role = 'OWNER' FOR UPDATE`,
      [userId],
    );
    return rows.map((r) => ({ organizationId: r.organization_id, members: r.members, owners: r.owners }));
  }
}
