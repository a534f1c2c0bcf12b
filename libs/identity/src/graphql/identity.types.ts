import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MEMBERSHIP_ROLES, PLATFORM_ROLES } from '../viewer.js';

export const PlatformRoleEnum = Object.fromEntries(PLATFORM_ROLES.map((r) => [r, r]));
registerEnumType(PlatformRoleEnum, {
  name: 'PlatformRole',
  description: 'ADMIN holds every ORGANISER right',
  valuesMap: {
    ORGANISER: { description: 'Runs the platform: reviews organisations and claims, runs forum editions' },
    ADMIN: { description: 'Every ORGANISER right, plus roles, audit log and mail deliveries' },
  },
});
export const MembershipRoleEnum = Object.fromEntries(MEMBERSHIP_ROLES.map((r) => [r, r]));
registerEnumType(MembershipRoleEnum, {
  name: 'MembershipRole',
  description: "A user's place in an organisation",
  valuesMap: {
    OWNER: {
      description:
        'What a MEMBER does, plus managing members and sending a rejected organisation back to review; an organisation keeps at least one',
    },
    MEMBER: { description: 'Edits the organisation and acts for it (requests, opportunities, forum)' },
  },
});
export const LocaleEnum = { ar: 'ar', fr: 'fr', en: 'en' };
registerEnumType(LocaleEnum, {
  name: 'Locale',
  description: 'Language of the emails and notices a user receives',
  valuesMap: {
    ar: { description: 'Arabic' },
    fr: { description: 'French' },
    en: { description: 'English' },
  },
});

@InputType({
  description: 'A new account; it must verify its email address before acting for an organisation',
})
export class RegisterInput {
  @Field({ description: 'Email address, at most 254 characters; stored lower-cased' }) email: string;
  @Field({ description: '10 to 128 characters, not a commonly leaked password' }) password: string;
  @Field({ description: 'Name shown to other users, 1 to 120 characters' }) displayName: string;
  @Field(() => LocaleEnum, { nullable: true, description: 'Language of emails; defaults to French' })
  locale?: string;
  @Field({ description: 'Acceptance of the terms and privacy notice; must be true' }) acceptTerms: boolean;
}

@ObjectType({ description: 'A signed-in session: an access token and the refresh token that renews it' })
export class AuthPayload {
  @Field({ description: 'Bearer token for the Authorization header; short-lived' }) accessToken: string;
  @Field({ description: 'When the access token stops working' }) accessTokenExpiresAt: Date;
  @Field({ description: 'Works once: exchange it with refreshSession for a new pair' }) refreshToken: string;
  @Field({ description: 'When the session ends unless refreshed before' }) refreshTokenExpiresAt: Date;
  @Field(() => ID, { description: 'The signed-in account' }) userId: string;
}

@ObjectType({ description: "The signed-in user's membership of one organisation" })
export class MembershipType {
  @Field(() => ID, { description: 'The organisation' }) organizationId: string;
  @Field(() => MembershipRoleEnum, { description: 'Role in it' }) role: string;
  @Field({ description: 'When the membership began' }) since: Date;
}

@ObjectType('Me', { description: 'The signed-in account, seen by itself only' })
export class MeType {
  @Field(() => ID, { description: 'Account id' }) id: string;
  @Field({ description: 'Sign-in and contact address' }) email: string;
  @Field({ description: 'Name shown to other users' }) displayName: string;
  @Field(() => LocaleEnum, { description: 'Language of emails and notices' }) locale: string;
  @Field(() => [PlatformRoleEnum], { description: 'Platform roles; empty for most users' }) roles: string[];
  @Field({ description: 'Whether the address was confirmed with the emailed code' }) emailVerified: boolean;
  @Field({ description: 'Version of the terms and privacy notice accepted, e.g. 2026-11' })
  consentVersion: string;
  @Field({ description: 'When that version was accepted' }) consentedAt: Date;
  @Field(() => [MembershipType], { description: 'Organisations the account belongs to' })
  memberships: MembershipType[];
}

@ObjectType({ description: 'A member of an organisation, as its members and organisers see them' })
export class MemberType {
  @Field(() => ID, { description: "The member's account" }) userId: string;
  @Field({ description: "The member's display name" }) displayName: string;
  @Field({ description: "The member's email address" }) email: string;
  @Field(() => MembershipRoleEnum, { description: 'Role in the organisation' }) role: string;
  @Field({ description: 'When they joined' }) since: Date;
}

@ObjectType({ description: 'An invitation emailed to join an organisation; its token is only in the email' })
export class InvitationType {
  @Field(() => ID, { description: 'Invitation id' }) id: string;
  @Field(() => ID, { description: 'The organisation to join' }) organizationId: string;
  @Field({ description: 'The invited address; only an account with it may accept' }) email: string;
  @Field(() => MembershipRoleEnum, { description: 'Role given on acceptance' }) role: string;
  @Field({ description: 'After this the invitation can no longer be accepted' }) expiresAt: Date;
  @Field({ description: 'When the invitation was sent' }) createdAt: Date;
  @Field(() => String, {
    nullable: true,
    description: 'Display name of the member or organiser who sent it; null once that account is gone',
  })
  invitedBy: string | null;
}

@ObjectType({ description: 'One recorded change: who changed what, when, and the fields before and after' })
export class AuditEntryType {
  @Field(() => ID, { description: 'Entry id' }) id: string;
  @Field({ description: 'When the change was committed' }) at: Date;
  @Field(() => ID, { nullable: true, description: 'Null for the system or a deleted account' }) actorId:
    string | null;
  @Field({ description: 'What was done, <table>.<verb>, e.g. organization.update, membership.invite' })
  action: string;
  @Field({ description: 'Kind of record changed, e.g. organization, membership, user' }) entityType: string;
  @Field({ description: 'Id of the record changed' }) entityId: string;
  @Field(() => [String], { description: 'Names of the fields that changed' }) fields: string[];
  @Field(() => String, { nullable: true, description: 'JSON of the changed fields before' }) before:
    string | null;
  @Field(() => String, { nullable: true, description: 'JSON of the changed fields after' }) after:
    string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Id of the API request that made the change, as in the logs',
  })
  requestId: string | null;
}

@ObjectType({ description: 'A page of the audit log, newest first' })
export class AuditPage {
  @Field(() => [AuditEntryType], { description: 'Entries of this page' }) entries: AuditEntryType[];
  @Field(() => String, { nullable: true, description: 'Pass as `before` for the next (older) page' })
  nextCursor: string | null;
}

@ObjectType({ description: 'What deleting the account did' })
export class AccountDeletion {
  @Field({ description: 'Always true: the account and its personal data are gone' }) deleted: boolean;
  @Field(() => [ID], { description: 'Organisations archived because the account was their only member' })
  archivedOrganizationIds: string[];
}
