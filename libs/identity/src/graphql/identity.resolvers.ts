import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { clientInfo } from './client-info.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { badInput } from '#platform';
import { Authorize } from '../policy/authorize.js';
import { Admin, AnyOf, arg, Authenticated, MemberOf, Organiser, OwnerOf, Verified } from '../policy/rules.js';
import { CurrentViewer } from './current-viewer.js';
import { MembershipService } from '../membership/membership.service.js';
import { PrivacyService } from '../privacy/privacy.service.js';
import { AuditService } from '../audit/audit.service.js';
import {
  AccountDeletion,
  AuditPage,
  InvitationType,
  MemberType,
  MembershipRoleEnum,
  MembershipType,
} from './identity.types.js';
import type { MembershipRole, Viewer } from '../viewer.js';

@Resolver()
export class MembershipResolver {
  constructor(private readonly members: MembershipService) {}

  @Authorize(AnyOf(MemberOf(arg('organizationId')), Organiser))
  @Query(() => [MemberType], { description: "An organisation's members (its members and organisers only)" })
  async organizationMembers(
    @Args('organizationId', { type: () => ID, description: 'The organisation' }) organizationId: string,
  ): Promise<MemberType[]> {
    return (await this.members.members(organizationId)).map((r) => ({
      userId: r.userId,
      displayName: r.displayName,
      email: r.email,
      role: r.role,
      since: r.createdAt,
    }));
  }

  @Authorize(AnyOf(OwnerOf(arg('organizationId')), Organiser))
  @Mutation(() => InvitationType, {
    description:
      'Emails an invitation to join the organisation (its owners, and organisers: e.g. a first owner for an organisation without members)',
  })
  async inviteMember(
    @CurrentViewer() viewer: Viewer,
    @Args('organizationId', { type: () => ID, description: 'The organisation to join' })
    organizationId: string,
    @Args('email', { description: 'Address to invite; the invitation is emailed there' }) email: string,
    @Args('role', {
      type: () => MembershipRoleEnum,
      defaultValue: 'MEMBER',
      description: 'Role given on acceptance',
    })
    role: MembershipRole,
  ): Promise<InvitationType> {
    const inv = await this.members.invite(viewer, organizationId, email, role);
    return {
      id: inv.id,
      organizationId,
      email: inv.email,
      role,
      expiresAt: inv.expiresAt,
      createdAt: inv.createdAt,
      invitedBy: inv.invitedBy,
    };
  }

  @Authorize(AnyOf(OwnerOf(arg('organizationId')), Organiser))
  @Query(() => [InvitationType], {
    description:
      'Invitations of an organisation not accepted yet, newest first, expired ones included until they are cleared (its owners and organisers)',
  })
  async organizationInvitations(
    @Args('organizationId', { type: () => ID, description: 'The organisation' }) organizationId: string,
  ): Promise<InvitationType[]> {
    return (await this.members.pendingInvitations(organizationId)).map((r) => ({
      id: r.id,
      organizationId: r.organizationId,
      email: r.email,
      role: r.role,
      expiresAt: r.expiresAt,
      createdAt: r.createdAt,
      invitedBy: r.invitedBy,
    }));
  }

  @Authorize(AnyOf(OwnerOf(arg('organizationId')), Organiser))
  @Mutation(() => Boolean, {
    description:
      'Withdraws an invitation not accepted yet (its owners and organisers): its emailed code stops working. NOT_FOUND when it was accepted, withdrawn or cleared',
  })
  async revokeInvitation(
    @CurrentViewer() viewer: Viewer,
    @Args('organizationId', { type: () => ID, description: 'The organisation that sent it' })
    organizationId: string,
    @Args('invitationId', { type: () => ID, description: 'The invitation to withdraw' }) invitationId: string,
  ): Promise<boolean> {
    await this.members.revokeInvitation(viewer, organizationId, invitationId);
    return true;
  }

  @Authorize(Verified)
  @Mutation(() => MembershipType, {
    description: "Accepts an invitation sent to the signed-in user's address",
  })
  async acceptInvitation(
    @CurrentViewer() viewer: Viewer,
    @Args('token', { description: 'The token from the invitation email' }) token: string,
  ): Promise<MembershipType> {
    const r = await this.members.accept(viewer, token);
    return { organizationId: r.organizationId, role: r.role, since: new Date() };
  }

  @Authorize(OwnerOf(arg('organizationId')))
  @Mutation(() => Boolean, { description: 'Removes a member (owners only); the last owner stays' })
  async removeMember(
    @CurrentViewer() viewer: Viewer,
    @Args('organizationId', { type: () => ID, description: 'The organisation' }) organizationId: string,
    @Args('userId', { type: () => ID, description: 'The member to remove' }) userId: string,
  ): Promise<boolean> {
    await this.members.remove(viewer, organizationId, userId);
    return true;
  }

  @Authorize(OwnerOf(arg('organizationId')))
  @Mutation(() => Boolean, { description: "Changes a member's role (owners only)" })
  async setMemberRole(
    @CurrentViewer() viewer: Viewer,
    @Args('organizationId', { type: () => ID, description: 'The organisation' }) organizationId: string,
    @Args('userId', { type: () => ID, description: 'The member' }) userId: string,
    @Args('role', { type: () => MembershipRoleEnum, description: 'The new role' }) role: MembershipRole,
  ): Promise<boolean> {
    await this.members.setRole(viewer, organizationId, userId, role);
    return true;
  }

  @Authorize(MemberOf(arg('organizationId')))
  @Mutation(() => Boolean, { description: 'Leaves an organisation' })
  async leaveOrganization(
    @CurrentViewer() viewer: Viewer,
    @Args('organizationId', { type: () => ID, description: 'The organisation to leave' })
    organizationId: string,
  ): Promise<boolean> {
    await this.members.remove(viewer, organizationId, viewer.userId);
    return true;
  }
}

@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Authorize(Authenticated)
  @Query(() => String, {
    description: 'Everything Tashbik holds about the signed-in user, as a JSON document',
  })
  async exportMyData(@CurrentViewer() viewer: Viewer): Promise<string> {
    return JSON.stringify(await this.privacy.export(viewer), null, 2);
  }

  @Authorize(Authenticated)
  @Mutation(() => AccountDeletion, {
    description:
      'Deletes the account and the personal data tied to it; organisations it alone belonged to are archived',
  })
  async deleteMyAccount(
    @CurrentViewer() viewer: Viewer,
    @Args('password', { description: "The account's current password, to confirm" }) password: string,
    @Context() ctx: object,
  ): Promise<AccountDeletion> {
    const r = await this.privacy.deleteAccount(viewer, password, clientInfo(ctx));
    return { deleted: true, archivedOrganizationIds: r.archivedOrganizationIds };
  }

  @Authorize(Admin)
  @Query(() => AuditPage, { description: 'The audit log, newest first (admins only)' })
  async auditLog(
    @Args('entityType', {
      type: () => String,
      nullable: true,
      description: 'Only this kind of record, e.g. organization',
    })
    entityType: string | null,
    @Args('entityId', { type: () => String, nullable: true, description: 'Only this record' })
    entityId: string | null,
    @Args('actorId', { type: () => ID, nullable: true, description: 'Only changes by this account' })
    actorId: string | null,
    @Args('first', { type: () => Int, defaultValue: 50, description: '1 to 500' }) first: number,
    @Args('before', { type: () => String, nullable: true, description: 'nextCursor of the previous page' })
    before: string | null,
  ): Promise<AuditPage> {
    if (first < 1 || first > 500) throw badInput([{ path: 'first', message: 'must be from 1 to 500' }]);
    if (before != null && !/^\d{1,18}$/.test(before))
      throw badInput([{ path: 'before', message: 'not a cursor' }]);
    if (actorId != null && !/^[0-9a-f-]{36}$/i.test(actorId))
      throw badInput([{ path: 'actorId', message: 'must be a UUID' }]);
    for (const [name, v] of [
      ['entityType', entityType],
      ['entityId', entityId],
    ] as const)
      if (v != null && v.length > 100)
        throw badInput([{ path: name, message: 'must be at most 100 characters' }]);
    const rows = await this.audit.page(
      this.db,
      {
        entityType: entityType ?? null,
        entityId: entityId ?? null,
        actorId: actorId ?? null,
        before: before ?? null,
      },
      first + 1,
    );
    const page = rows.slice(0, first);
    return {
      entries: page.map((r) => ({
        id: String(r.id),
        at: r.at,
        actorId: r.actorId,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        fields: r.fields,
        before: r.before == null ? null : JSON.stringify(r.before),
        after: r.after == null ? null : JSON.stringify(r.after),
        requestId: r.requestId,
      })),
      nextCursor: rows.length > first ? String(page.at(-1)!.id) : null,
    };
  }
}
