import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, badInput, notFound } from '#platform';
import { AuditService } from '../audit/audit.service.js';
import { MAIL_PORT, type Locale, type MailPort } from '../mail/mail.port.js';
import { hashToken, opaqueToken } from '../auth/tokens.js';
import { emailSchema } from '../auth/auth.schema.js';
import type { MembershipRole, Viewer } from '../viewer.js';
import { requireUuid } from '../policy/rules.js';
import { SenderBudget } from '../mail/sender-budget.js';
import { AccountRepository } from '../auth/account.repository.js';
import { organizationReads } from '../organization.port.js';
import type { Runs } from '../runs.js';
import { MembershipRepository, type MemberRow } from './membership.repository.js';
import { InvitationRepository, type PendingInvitation } from './invitation.repository.js';

const INVITATION_DAYS = 7;

/** The repository behind the plain reads below (stateless: each call takes the caller's connection). */
const memberships = new MembershipRepository();

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
  db: Runs,
  asks: readonly { organizationId: string; userId: string | null }[],
): Promise<Map<string, Recipient[]>> {
  const out = new Map<string, Recipient[]>();
  if (!asks.length) return out;
  const rows = await memberships.memberOrOwners(db, asks);
  for (const r of rows) {
    const key = `${r.organizationId}|${r.asked ?? ''}`;
    (out.get(key) ?? out.set(key, []).get(key)!).push({ id: r.id, email: r.email, locale: r.locale });
  }
  return out;
}

/** Every member of an organisation (any role), to tell something: by address. Runs on any connection or transaction. */
export function membersOf(db: Runs, organizationId: string): Promise<Recipient[]> {
  return memberships.recipients(db, organizationId);
}

/** The organisations an account is a member of (any role). */
export function organizationsOf(db: Runs, userId: string): Promise<string[]> {
  return memberships.organizationIdsOf(db, userId);
}

/** An invitation not accepted yet, as an organisation's owners see it. */
export type PendingInvitationRow = PendingInvitation;

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
    private readonly memberships: MembershipRepository,
    private readonly invitations: InvitationRepository,
    private readonly accounts: AccountRepository,
  ) {}

  members(organizationId: string): Promise<MemberRow[]> {
    return this.memberships.members(this.db, organizationId);
  }

  /** Invitations of an organisation not accepted yet (expired ones included, until housekeeping), newest first. */
  pendingInvitations(organizationId: string): Promise<PendingInvitationRow[]> {
    return this.invitations.pending(this.db, organizationId);
  }

  /** Withdraws an invitation not accepted yet: its emailed code stops working at once. */
  async revokeInvitation(viewer: Viewer, organizationId: string, invitationId: string): Promise<void> {
    requireUuid(invitationId, 'invitationId');
    await this.db.transaction(async (m) => {
      const gone = await this.invitations.deletePending(m, organizationId, invitationId);
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
        const [org] = (await organizationReads().organizations(m, [organizationId])).values();
        if (!org) throw notFound('Organization', organizationId);
        // Invitations mail strangers in the organisation's name: only once organisers approved it.
        if (org.status !== 'ACTIVE')
          throw new AppError('CONFLICT', 'your organisation must be approved before it invites members', {
            reason: 'ORGANIZATION_NOT_APPROVED',
          });
        if (await this.memberships.hasMemberWithEmail(m, organizationId, email))
          throw new AppError('CONFLICT', `${email} is already a member`);
        await spend();
        const { token, hash } = opaqueToken();
        const inv = await this.invitations.insert(m, {
          organizationId,
          email,
          role,
          tokenHash: hash,
          invitedBy: viewer.userId,
          days: INVITATION_DAYS,
        });
        const locale = (await this.accounts.localeByEmail(m, email)) ?? 'fr';
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
          expiresAt: inv.expiresAt,
          createdAt: inv.createdAt,
          email,
          invitedBy: inv.invitedBy,
        };
      }),
    );
  }

  /** Accepts an invitation sent to the signed-in user's own (verified) address. */
  async accept(viewer: Viewer, token: string): Promise<{ organizationId: string; role: MembershipRole }> {
    return this.db.transaction(async (m) => {
      // The invited address must be the accepting account's, verified (as stored now, not as the token saw it).
      const inv = await this.invitations.accept(m, hashToken(String(token ?? '')), viewer.userId);
      if (!inv)
        throw new AppError(
          'INVALID_TOKEN',
          'this invitation is unknown, used, expired, or was sent to another address',
        );
      await this.memberships.upsert(m, viewer.userId, inv.organizationId, inv.role);
      await this.audit.record(m, {
        actor: viewer,
        action: 'membership.join',
        entityType: 'organization',
        entityId: inv.organizationId,
        after: { member: viewer.userId, role: inv.role },
      });
      return { organizationId: inv.organizationId, role: inv.role };
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
    return this.memberships.withRole(m, organizationId, role);
  }

  /**
   * Makes a user an owner of an organisation inside the caller's transaction, without an audit
   * entry of its own: for the creator of a new organisation, whose creation is the audited change.
   */
  async addOwner(m: EntityManager, organizationId: string, userId: string): Promise<void> {
    await this.memberships.upsertOwner(m, organizationId, userId);
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
    const rows = await this.memberships.lockOrganization(m, organizationId);
    const target = rows.find((r) => r.userId === userId);
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
      await this.memberships.remove(m, organizationId, userId);
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
      await this.memberships.setRole(m, organizationId, userId, role);
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
