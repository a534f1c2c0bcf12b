import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AnyOf,
  arg,
  Authorize,
  isOrganiser,
  MemberOf,
  Organiser,
  CurrentViewer,
  type Viewer,
} from '#identity';
import { RegistrationService } from '../registration/registration.service.js';
import type { ForumDelegateEntity } from '../registration/registration.entity.js';
import { ForumDelegateType, RegisterDelegateInput, UpdateDelegateInput } from './forum.types.js';

/** The organisation acted for: required of members (their rule checks it), optional for organisers. */
export const actingOrganization = (viewer: Viewer | null, organizationId: string | null | undefined) =>
  isOrganiser(viewer) ? (organizationId ?? null) : (organizationId ?? '');

/** Delegates organisations register for an edition. */
@Resolver(() => ForumDelegateType)
export class ForumRegistrationResolver {
  constructor(private readonly registrations: RegistrationService) {}

  @Query(() => [ForumDelegateType], {
    description: "An organisation's delegates (organisers: all, without organizationId)",
  })
  @Authorize(AnyOf(Organiser, MemberOf(arg('organizationId'))))
  forumDelegates(
    @Args('editionId', { type: () => ID, description: 'The forum edition' }) editionId: string,
    @Args('organizationId', {
      type: () => ID,
      nullable: true,
      description: 'Only its delegates; required of members',
    })
    organizationId: string | null,
  ): Promise<ForumDelegateEntity[]> {
    return this.registrations.list(editionId, organizationId);
  }

  @ResolveField(() => [ID], { description: 'Slots the delegate cannot attend' })
  async unavailableSlotIds(@Parent() delegate: ForumDelegateEntity): Promise<string[]> {
    return (await this.registrations.unavailableSlots([delegate.id])).get(delegate.id) ?? [];
  }

  @Mutation(() => ForumDelegateType, {
    description: "Registers one of your organisation's people for an edition",
  })
  @Authorize(AnyOf(Organiser, MemberOf(arg('input.organizationId'))))
  registerDelegate(
    @Args('input', { description: 'The delegate' }) input: RegisterDelegateInput,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ForumDelegateEntity> {
    return this.registrations.register({ ...input }, viewer);
  }

  @Mutation(() => ForumDelegateType, { description: 'Changes a delegate' })
  @Authorize(AnyOf(Organiser, MemberOf(arg('input.organizationId'))))
  updateDelegate(
    @Args('input', { description: 'The changes' }) input: UpdateDelegateInput,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ForumDelegateEntity> {
    return this.registrations.update(
      {
        ...input,
        organizationId: actingOrganization(viewer, input.organizationId),
      },
      viewer,
    );
  }

  @Mutation(() => ForumDelegateType, { description: 'Cancels the delegate’s requests and meetings' })
  @Authorize(AnyOf(Organiser, MemberOf(arg('organizationId'))))
  withdrawDelegate(
    @Args('delegateId', { type: () => ID, description: 'The delegate' }) delegateId: string,
    @Args('organizationId', {
      type: () => ID,
      nullable: true,
      description: 'The organisation you act for (optional for organisers)',
    })
    organizationId: string | null,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ForumDelegateEntity> {
    return this.registrations.withdraw(delegateId, actingOrganization(viewer, organizationId), viewer);
  }

  @Mutation(() => ForumDelegateType, {
    description: 'Puts a delegate in a group, or out of any (organisers)',
  })
  @Authorize(Organiser)
  assignDelegateGroup(
    @Args('delegateId', { type: () => ID, description: 'The delegate' }) delegateId: string,
    @Args('groupId', { type: () => ID, nullable: true, description: 'The group' }) groupId: string | null,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ForumDelegateEntity> {
    return this.registrations.assignGroup(delegateId, groupId, viewer);
  }

  @Mutation(() => ForumDelegateType, {
    description: 'Marks a delegate as arrived (organisers and floor staff)',
  })
  @Authorize(Organiser)
  checkIn(
    @Args('delegateId', { type: () => ID, description: 'The delegate' }) delegateId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ForumDelegateEntity> {
    return this.registrations.checkIn(delegateId, viewer);
  }
}
