import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MEMBERSHIP_ROLES, PLATFORM_ROLES } from '../viewer.js';

export const PlatformRoleEnum = Object.fromEntries(PLATFORM_ROLES.map((r) => [r, r]));
registerEnumType(PlatformRoleEnum, {
  name: 'PlatformRole',
  description: 'ADMIN holds every ORGANISER right',
});
export const MembershipRoleEnum = Object.fromEntries(MEMBERSHIP_ROLES.map((r) => [r, r]));
registerEnumType(MembershipRoleEnum, { name: 'MembershipRole' });
export const LocaleEnum = { ar: 'ar', fr: 'fr', en: 'en' };
registerEnumType(LocaleEnum, { name: 'Locale' });

@InputType()
export class RegisterInput {
  @Field() email: string;
  @Field({ description: '10 to 128 characters, not a commonly leaked password' }) password: string;
  @Field() displayName: string;
  @Field(() => LocaleEnum, { nullable: true }) locale?: string;
  @Field({ description: 'Acceptance of the terms and privacy notice; must be true' }) acceptTerms: boolean;
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Bearer token for the Authorization header; short-lived' }) accessToken: string;
  @Field() accessTokenExpiresAt: Date;
  @Field({ description: 'Works once: exchange it with refreshSession for a new pair' }) refreshToken: string;
  @Field() refreshTokenExpiresAt: Date;
  @Field(() => ID) userId: string;
}

@ObjectType()
export class MembershipType {
  @Field(() => ID) organizationId: string;
  @Field(() => MembershipRoleEnum) role: string;
  @Field() since: Date;
}

@ObjectType('Me')
export class MeType {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() displayName: string;
  @Field(() => LocaleEnum) locale: string;
  @Field(() => [PlatformRoleEnum]) roles: string[];
  @Field() emailVerified: boolean;
  @Field() consentVersion: string;
  @Field() consentedAt: Date;
  @Field(() => [MembershipType]) memberships: MembershipType[];
}

@ObjectType()
export class MemberType {
  @Field(() => ID) userId: string;
  @Field() displayName: string;
  @Field() email: string;
  @Field(() => MembershipRoleEnum) role: string;
  @Field() since: Date;
}

@ObjectType()
export class InvitationType {
  @Field(() => ID) id: string;
  @Field(() => ID) organizationId: string;
  @Field() email: string;
  @Field(() => MembershipRoleEnum) role: string;
  @Field() expiresAt: Date;
}

@ObjectType()
export class AuditEntryType {
  @Field(() => ID) id: string;
  @Field() at: Date;
  @Field(() => ID, { nullable: true, description: 'Null for the system or a deleted account' }) actorId:
    string | null;
  @Field() action: string;
  @Field() entityType: string;
  @Field() entityId: string;
  @Field(() => [String]) fields: string[];
  @Field(() => String, { nullable: true, description: 'JSON of the changed fields before' }) before:
    string | null;
  @Field(() => String, { nullable: true, description: 'JSON of the changed fields after' }) after:
    string | null;
  @Field(() => String, { nullable: true }) requestId: string | null;
}

@ObjectType()
export class AuditPage {
  @Field(() => [AuditEntryType]) entries: AuditEntryType[];
  @Field(() => String, { nullable: true, description: 'Pass as `before` for the next (older) page' })
  nextCursor: string | null;
}

@ObjectType()
export class ContactRequestType {
  @Field(() => ID) id: string;
  @Field(() => ID) fromOrganizationId: string;
  @Field(() => ID) toOrganizationId: string;
  @Field(() => String, { nullable: true }) message: string | null;
  @Field() status: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) respondedAt: Date | null;
}

@ObjectType()
export class AccountDeletion {
  @Field() deleted: boolean;
  @Field(() => [ID], { description: 'Organisations archived because the account was their only member' })
  archivedOrganizationIds: string[];
}
