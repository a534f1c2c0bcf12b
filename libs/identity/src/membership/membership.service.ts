import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, badInput, notFound, returning } from '#platform';
import { AuditService } from '../audit/audit.service.js';
import { MAIL_PORT, type Locale, type MailPort } from '../mail/mail.port.js';
import { hashToken, opaqueToken } from '../auth/tokens.js';
import { emailSchema } from '../auth/auth.schema.js';
import type { MembershipRole, Viewer } from '../viewer.js';
import { requireUuid } from '../policy/rules.js';
import { SenderBudget } from '../mail/sender-budget.js';

const INVITATION_DAYS = 7;

interface MemberRow {
  user_id: string;
  display_name: string;
  email: string;
  role: MembershipRole;
  created_at: Date;
}

/** An account to tell something, with what a notice to it needs. */
export interface Recipient {
  id: string;
  email: string;
  locale: Locale;
}

/**
 * For each (organisation, account) asked: that account while it is a member of the organisation,
 * otherwise the organisation's owners (e.g. whom to tell about a saved search whose author left).
 * Keyed `organizationId|userId`; each list ordered by address. Runs on any connection or transaction.
 */
export async function memberOrOwners(
  db: Pick<EntityManager, 'query'>,
  asks: readonly { organizationId: string; userId: string | null }[],
): Promise<Map<string, Recipient[]>> {
  const out = new Map<string, Recipient[]>();
  if (!asks.length) return out;
  const rows = await db.query<(Recipient & { organization_id: string; asked: string | null })[]>(
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
  for (const r of rows) {
    const key = `${r.organization_id}|${r.asked ?? ''}`;
    (out.get(key) ?? out.set(key, []).get(key)!).push({ id: r.id, email: r.email, locale: r.locale });
  }
  return out;
}

/** Every member of an organisation (any role), to tell something: by address. Runs on any connection or transaction. */
export function membersOf(db: Pick<EntityManager, 'query'>, organizationId: string): Promise<Recipient[]> {
  return db.query<Recipient[]>(
    `SELECT u.id, u.email, u.locale FROM membership ms JOIN user_account u ON u.id = ms.user_id
      WHERE ms.organization_id = $1 ORDER BY u.email`,
    [organizationId],
  );
}

/** The organisations an account is a member of (any role). */
export async function organizationsOf(db: Pick<EntityManager, 'query'>, userId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }[]>(
    `SELECT organization_id::text AS id FROM membership WHERE user_id = $1 ORDER BY organization_id`,
    [userId],
  );
  return rows.map((r) => r.id);
}

export interface PendingInvitationRow {
  id: string;
  organization_id: string;
  email: string;
  role: MembershipRole;
  expires_at: Date;
  created_at: Date;
  invited_by: string | null;
}

const orgName = (name: Record<string, string | null>, locale: Locale) =>
  name[locale] ?? name.fr ?? name.en ?? name.ar ?? '';

/** Who belongs to an organisation: invitations by email, acceptance, removal, leaving. */
@Injectable()
export class MembershipService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(MAIL_PORT) private readonly mail: MailPort,
    private readonly audit: AuditService,
    private readonly budget: SenderBudget,
  ) {}

  members(organizationId: string): Promise<MemberRow[]> {
    return this.db.query<MemberRow[]>(
      `SELECT m.user_id, u.display_name, u.email, m.role, m.created_at
       FROM membership m JOIN user_account u ON u.id = m.user_id
       WHERE m.organization_id = $1 ORDER BY m.created_at, m.user_id`,
      [organizationId],
    );
  }

  /** Invitations of an organisation not accepted yet (expired ones included, until housekeeping), newest first. */
  pendingInvitations(organizationId: string): Promise<PendingInvitationRow[]> {
    return this.db.query<PendingInvitationRow[]>(
      `SELECT i.id, i.organization_id, i.email, i.role, i.expires_at, i.created_at, u.display_name AS invited_by
       FROM organization_invitation i LEFT JOIN user_account u ON u.id = i.invited_by
       WHERE i.organization_id = $1 AND i.accepted_at IS NULL
       ORDER BY i.created_at DESC, i.id`,
      [organizationId],
    );
  }

  /** Withdraws an invitation not accepted yet: its emailed code stops working at once. */
  async revokeInvitation(viewer: Viewer, organizationId: string, invitationId: string): Promise<void> {
    requireUuid(invitationId, 'invitationId');
    await this.db.transaction(async (m) => {
      const [gone] = await returning<{ email: string; role: MembershipRole }>(
        m,
        `DELETE FROM organization_invitation
         WHERE id = $1 AND organization_id = $2 AND accepted_at IS NULL
         RETURNING email, role`,
        [invitationId, organizationId],
      );
      if (!gone) throw notFound('Invitation', invitationId);
      await this.audit.record(m, {
        actor: viewer,
        action: 'membership.revoke-invitation',
        entityType: 'organization',
        entityId: organizationId,
        before: { invited: gone.email, role: gone.role },
      });
    });
  }

  /** Emails an invitation code; whoever signs in with that address may accept it. */
  async invite(
    viewer: Viewer,
    organizationId: string,
    rawEmail: string,
    role: MembershipRole,
  ): Promise<{ id: string; expiresAt: Date; createdAt: Date; email: string; invitedBy: string | null }> {
    const parsed = emailSchema.safeParse(rawEmail);
    if (!parsed.success) throw badInput([{ path: 'email', message: parsed.error.issues[0].message }]);
    const email = parsed.data;
    return this.budget.sending(viewer.userId, (spend) =>
      this.db.transaction(async (m) => {
        const [org] = await m.query<{ name: Record<string, string | null>; status: string }[]>(
          `SELECT name, status FROM organization WHERE id = $1`,
          [organizationId],
        );
        if (!org) throw notFound('Organization', organizationId);
        // Invitations mail strangers in the organisation's name: only once organisers approved it.
        if (org.status !== 'ACTIVE')
          throw new AppError('CONFLICT', 'your organisation must be approved before it invites members', {
            reason: 'ORGANIZATION_NOT_APPROVED',
          });
        const [already] = await m.query<unknown[]>(
          `SELECT 1 FROM membership m JOIN user_account u ON u.id = m.user_id
         WHERE m.organization_id = $1 AND u.email = $2`,
          [organizationId, email],
        );
        if (already) throw new AppError('CONFLICT', `${email} is already a member`);
        await spend();
        const { token, hash } = opaqueToken();
        const [inv] = await m.query<
          { id: string; expires_at: Date; created_at: Date; invited_by: string | null }[]
        >(
          `INSERT INTO organization_invitation (organization_id, email, role, token_hash, invited_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6))
         RETURNING id, expires_at, created_at,
                   (SELECT display_name FROM user_account WHERE id = invited_by) AS invited_by`,
          [organizationId, email, role, hash, viewer.userId, INVITATION_DAYS],
        );
        const [invitee] = await m.query<{ locale: Locale }[]>(
          `SELECT locale FROM user_account WHERE email = $1`,
          [email],
        );
        const locale = invitee?.locale ?? 'fr';
        await this.mail.send(
          {
            to: email,
            template: 'invitation',
            locale,
            params: {
              organization: orgName(org.name, locale),
              inviter: viewer.email,
              role,
              token,
              invitationId: inv.id,
            },
          },
          m,
        );
        await this.audit.record(m, {
          actor: viewer,
          action: 'membership.invite',
          entityType: 'organization',
          entityId: organizationId,
          after: { invited: email, role },
        });
        return {
          id: inv.id,
          expiresAt: inv.expires_at,
          createdAt: inv.created_at,
          email,
          invitedBy: inv.invited_by,
        };
      }),
    );
  }

  /** Accepts an invitation sent to the signed-in user's own (verified) address. */
  async accept(viewer: Viewer, token: string): Promise<{ organizationId: string; role: MembershipRole }> {
    return this.db.transaction(async (m) => {
      const [inv] = await returning<{
        id: string;
        organization_id: string;
        role: MembershipRole;
        email: string;
      }>(
        m,
        // The invited address must be the accepting account's, verified (as stored now, not as the token saw it).
        `UPDATE organization_invitation i SET accepted_at = now()
           FROM user_account u
          WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.expires_at > now()
            AND u.id = $2 AND u.email_verified_at IS NOT NULL AND i.email = u.email
         RETURNING i.id, i.organization_id, i.role, i.email`,
        [hashToken(String(token ?? '')), viewer.userId],
      );
      if (!inv)
        throw new AppError(
          'INVALID_TOKEN',
          'this invitation is unknown, used, expired, or was sent to another address',
        );
      await m.query(
        `INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, organization_id) DO UPDATE SET role = EXCLUDED.role`,
        [viewer.userId, inv.organization_id, inv.role],
      );
      await this.audit.record(m, {
        actor: viewer,
        action: 'membership.join',
        entityType: 'organization',
        entityId: inv.organization_id,
        after: { member: viewer.userId, role: inv.role },
      });
      return { organizationId: inv.organization_id, role: inv.role };
    });
  }

  /**
   * Makes a user an owner of an organisation inside the caller's transaction (a confirmed or
   * approved claim), audited with how the ownership came (`via`).
   */
  async grantOwner(
    m: EntityManager,
    actor: Viewer,
    organizationId: string,
    userId: string,
    via: string,
  ): Promise<void> {
    await this.addOwner(m, organizationId, userId);
    await this.audit.record(m, {
      actor,
      action: 'membership.join',
      entityType: 'organization',
      entityId: organizationId,
      after: { member: userId, role: 'OWNER', via },
    });
  }

  /** The accounts holding a role in an organisation (its owners by default), with what a notice to them needs. */
  owners(
    m: EntityManager,
    organizationId: string,
    role: MembershipRole = 'OWNER',
  ): Promise<{ id: string; email: string; locale: Locale }[]> {
    return m.query(
      `SELECT u.id, u.email, u.locale FROM membership ms JOIN user_account u ON u.id = ms.user_id
       WHERE ms.organization_id = $1 AND ms.role = $2`,
      [organizationId, role],
    );
  }

  /**
   * Makes a user an owner of an organisation inside the caller's transaction, without an audit
   * entry of its own: for the creator of a new organisation, whose creation is the audited change.
   */
  async addOwner(m: EntityManager, organizationId: string, userId: string): Promise<void> {
    await m.query(
      `INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, 'OWNER')
       ON CONFLICT (user_id, organization_id) DO UPDATE SET role = 'OWNER'`,
      [userId, organizationId],
    );
  }

  /**
   * Locks an organisation's memberships (so two owners cannot demote or remove each other at once)
   * and finds one member, saying whether they are its only owner.
   */
  private async lockMember(
    m: EntityManager,
    organizationId: string,
    userId: string,
  ): Promise<{ target: { role: MembershipRole }; lastOwner: boolean }> {
    const rows = await m.query<{ user_id: string; role: MembershipRole }[]>(
      `SELECT user_id, role FROM membership WHERE organization_id = $1 FOR UPDATE`,
      [organizationId],
    );
    const target = rows.find((r) => r.user_id === userId);
    if (!target) throw new AppError('NOT_FOUND', 'this user is not a member of the organisation');
    const lastOwner = target.role === 'OWNER' && rows.filter((r) => r.role === 'OWNER').length === 1;
    return { target, lastOwner };
  }

  /** Removes a member (owners), or the viewer themself (leaving). The last owner cannot go. */
  async remove(viewer: Viewer, organizationId: string, userId: string): Promise<void> {
    requireUuid(userId, 'userId');
    await this.db.transaction(async (m) => {
      const { target, lastOwner } = await this.lockMember(m, organizationId, userId);
      if (lastOwner)
        throw new AppError(
          'CONFLICT',
          'the last owner cannot leave or be removed; make another member owner first, or archive the organisation',
        );
      await m.query(`DELETE FROM membership WHERE organization_id = $1 AND user_id = $2`, [
        organizationId,
        userId,
      ]);
      await this.audit.record(m, {
        actor: viewer,
        action: userId === viewer.userId ? 'membership.leave' : 'membership.remove',
        entityType: 'organization',
        entityId: organizationId,
        before: { member: userId, role: target.role },
        after: null,
      });
    });
  }

  /** Changes a member's role (owners only). The last owner cannot be demoted. */
  async setRole(viewer: Viewer, organizationId: string, userId: string, role: MembershipRole): Promise<void> {
    requireUuid(userId, 'userId');
    await this.db.transaction(async (m) => {
      const { target, lastOwner } = await this.lockMember(m, organizationId, userId);
      if (lastOwner && role !== 'OWNER')
        throw new AppError('CONFLICT', 'the last owner cannot be demoted; make another member owner first');
      await m.query(`UPDATE membership SET role = $3 WHERE organization_id = $1 AND user_id = $2`, [
        organizationId,
        userId,
        role,
      ]);
      await this.audit.record(m, {
        actor: viewer,
        action: 'membership.role',
        entityType: 'organization',
        entityId: organizationId,
        before: { member: userId, role: target.role },
        after: { member: userId, role },
      });
    });
  }
}
