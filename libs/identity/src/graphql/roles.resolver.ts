import { Args, Field, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { badInput, isUuid } from '#platform';
import { Authorize } from '../policy/authorize.js';
import { Admin } from '../policy/rules.js';
import { CurrentViewer } from './current-viewer.js';
import { PlatformRoleEnum } from './identity.types.js';
import { PlatformRolesService, type StaffAccount } from '../roles/platform-roles.service.js';
import type { Viewer } from '../viewer.js';

@ObjectType({ description: "A change of an account's platform roles" })
export class PlatformRolesChange {
  @Field(() => ID, { description: 'The account' }) userId: string;
  @Field({ description: 'Its email address' }) email: string;
  @Field(() => [PlatformRoleEnum], { description: 'Roles before the change' }) previousRoles: string[];
  @Field(() => [PlatformRoleEnum], { description: 'Roles after the change' }) roles: string[];
}

@ObjectType({ description: 'An account and its platform roles, for admins' })
export class StaffMember {
  @Field(() => ID, { description: 'The account' }) userId: string;
  @Field({ description: 'Its email address' }) email: string;
  @Field({ description: 'Its display name' }) displayName: string;
  @Field(() => [PlatformRoleEnum], { description: 'Its platform roles; empty for none' }) roles: string[];
}

@Resolver()
export class RolesResolver {
  constructor(private readonly roles: PlatformRolesService) {}

  @Authorize(Admin)
  @Query(() => [StaffMember], {
    description: 'Every account holding a platform role, by email (admins only)',
  })
  platformStaff(): Promise<StaffAccount[]> {
    return this.roles.staff();
  }

  @Authorize(Admin)
  @Query(() => StaffMember, {
    nullable: true,
    description: 'The account with this email, any case, or null (admins only): whom to appoint',
  })
  userByEmail(
    @Args('email', { description: 'Email address, any letter case' }) email: string,
  ): Promise<StaffAccount | null> {
    if (!email.trim() || email.length > 320)
      throw badInput([{ path: 'email', message: 'must be an email address' }]);
    return this.roles.findByEmail(email);
  }

  @Authorize(Admin)
  @Mutation(() => PlatformRolesChange, {
    description:
      "Sets a user's platform roles (admins only; audited). Removing ADMIN from the last admin is refused with CONFLICT (reason LAST_ADMIN)",
  })
  async setPlatformRoles(
    @CurrentViewer() viewer: Viewer,
    @Args('userId', { type: () => ID, description: 'The account' }) userId: string,
    @Args('roles', {
      type: () => [PlatformRoleEnum],
      description: 'Its roles from now on; empty removes all',
    })
    roles: string[],
  ): Promise<PlatformRolesChange> {
    if (!isUuid(userId)) throw badInput([{ path: 'userId', message: 'must be a UUID' }]);
    const c = await this.roles.setRoles(viewer, { userId }, roles);
    return { userId: c.userId, email: c.email, previousRoles: c.before, roles: c.after };
  }
}
