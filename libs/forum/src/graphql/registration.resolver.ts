import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { LocalizedText } from '#directory';
import type { TextByLang } from '../edition/edition.entity.js';
import { ForumLoaderFactory } from './forum.loaders.js';
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
import type { DelegateStatus, ForumDelegateEntity } from '../registration/registration.entity.js';
import { type Connection, ConnectionPageArgs } from '#platform';
import { ForumDelegateConnection } from './forum-connections.types.js';
import {
  DelegateStatusEnum,
  ForumDelegateType,
  RegisterDelegateInput,
  UpdateDelegateInput,
} from './forum.types.js';

/** The organisation acted for: required of members (their rule checks it), optional for organisers. */
export const actingOrganization = (viewer: Viewer | null, organizationId: string | null | undefined) =>
  isOrganiser(viewer) ? (organizationId ?? null) : (organizationId ?? '');

/** Delegates organisations register for an edition. */
@Resolver(() => ForumDelegateType)
export class ForumRegistrationResolver {
  constructor(
    private readonly registrations: RegistrationService,
    private readonly loaders: ForumLoaderFactory,
  ) {}

  @Query(() => ForumDelegateConnection, {
    description:
      "A page of an organisation's delegates (organisers: all, without organizationId), in registration order",
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
    @Args('groupId', { type: () => ID, nullable: true, description: 'Only the delegates of this group' })
    groupId: string | null,
    @Args('status', {
      type: () => DelegateStatusEnum,
      nullable: true,
      description: 'Only REGISTERED or only WITHDRAWN delegates',
    })
    status: DelegateStatus | null,
    @Args('checkedIn', {
      type: () => Boolean,
      nullable: true,
      description: 'true: only delegates checked in at the venue; false: only those not yet',
    })
    checkedIn: boolean | null,
    @Args('country', {
      type: () => String,
      nullable: true,
      description: 'Only delegates whose organisation is in this country (ISO 3166-1 alpha-2)',
    })
    country: string | null,
    @Args('search', {
      type: () => String,
      nullable: true,
      description:
        "Part of the delegate's name or of the organisation's name (any language), at most 100 characters",
    })
    search: string | null,
    @Args() page: ConnectionPageArgs,
  ): Promise<Connection<ForumDelegateEntity>> {
    return this.registrations.page(
      { editionId, organizationId, groupId, status, checkedIn, country, search },
      page,
    );
  }

  @ResolveField(() => LocalizedText, { description: "Its organisation's name (batched per request)" })
  async organizationName(
    @Parent() delegate: ForumDelegateEntity,
    @Context() ctx: object,
  ): Promise<TextByLang> {
    const o = await this.loaders.for(ctx).organization.load(delegate.organizationId);
    return o?.name ?? { ar: null, fr: null, en: null };
  }

  @ResolveField(() => String, {
    description: "Its organisation's country, ISO 3166-1 alpha-2 (batched per request)",
  })
  async organizationCountry(
    @Parent() delegate: ForumDelegateEntity,
    @Context() ctx: object,
  ): Promise<string> {
    return (await this.loaders.for(ctx).organization.load(delegate.organizationId))?.country ?? '';
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
