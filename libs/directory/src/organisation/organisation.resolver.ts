import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AccessService,
  Admin,
  AnyOf,
  arg,
  Authorize,
  CurrentViewer,
  MemberOf,
  OwnerOf,
  Public,
  Verified,
  Authenticated,
  Organiser,
  isOrganiser,
  type Viewer,
} from '#identity';
import { OrganizationService } from './organisation.service.js';
import { ReviewService } from './review.service.js';
import { ContactPersonType, OrganizationConnection, OrganizationType } from './organisation.types.js';
import {
  CreateOrganizationInput,
  OrganizationFilter,
  UpdateOrganizationInput,
} from './organisation.inputs.js';
import { OpportunityObject } from '../opportunity/opportunity.types.js';
import { DirectoryLoaderFactory } from '../graphql/directory.loaders.js';
import type { GqlContext } from '#identity';
import type { OrganizationEntity } from './organisation.entity.js';
import type { OpportunityEntity } from '../opportunity/opportunity.entity.js';
import type { ContactPersonEntity } from './contact-person.entity.js';

const connection = (page: { items: OrganizationEntity[]; cursors: string[]; hasNextPage: boolean }) => ({
  edges: page.items.map((node, i) => ({
    node: node as unknown as OrganizationType,
    cursor: page.cursors[i],
  })),
  pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
});

@Resolver(() => OrganizationType)
export class OrganizationResolver {
  constructor(
    private readonly service: OrganizationService,
    private readonly loaders: DirectoryLoaderFactory,
    private readonly access: AccessService,
    private readonly review: ReviewService,
  ) {}

  @Authorize(Organiser)
  @Query(() => OrganizationConnection, {
    description: 'Organisations awaiting review, oldest first (organisers)',
  })
  async reviewQueue(
    @Args('first', { type: () => Int, defaultValue: 20, description: '1 to 100' }) first: number,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page' })
    after: string | null,
  ): Promise<OrganizationConnection> {
    return connection(await this.service.pending(first, after));
  }

  @Authorize(Organiser)
  @Mutation(() => OrganizationType, {
    description: 'Approves an organisation: it becomes public and searchable',
  })
  async approveOrganization(
    @Args('id', { type: () => ID, description: 'The organisation' }) id: string,
    @Args('note', { type: () => String, nullable: true, description: 'Note kept with the decision' })
    note: string | null,
    @CurrentViewer() viewer: Viewer,
  ): Promise<OrganizationEntity> {
    await this.review.decide(viewer, id, 'APPROVE', note);
    return this.service.get(id, async () => true);
  }

  @Authorize(Organiser)
  @Mutation(() => OrganizationType, { description: 'Rejects an organisation, telling its owners why' })
  async rejectOrganization(
    @Args('id', { type: () => ID, description: 'The organisation' }) id: string,
    @Args('note', { description: 'Why, sent to its owners; they may correct and resubmit' }) note: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<OrganizationEntity> {
    await this.review.decide(viewer, id, 'REJECT', note);
    return this.service.get(id, async () => true);
  }

  @Authorize(OwnerOf(arg('id')))
  @Mutation(() => OrganizationType, {
    description: 'Sends a rejected, corrected organisation back to review',
  })
  async resubmitOrganization(
    @Args('id', { type: () => ID, description: 'The organisation' }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<OrganizationEntity> {
    await this.review.resubmit(viewer, id);
    return this.service.get(id, async () => true);
  }

  @Authorize(Public)
  @Query(() => OrganizationType, {
    description:
      'One organisation by id. Organisations awaiting review, rejected or archived exist only for their members and organisers.',
  })
  organization(
    @Args('id', { type: () => ID, description: 'The organisation' }) id: string,
    @Context() ctx: GqlContext,
  ): Promise<OrganizationEntity> {
    return this.service.get(id, (org) => this.access.for(ctx).canSeeOrganization(org));
  }

  @Authorize(Public)
  @Query(() => OrganizationConnection, {
    description: 'Public organisations in creation order, a page at a time',
  })
  async organizations(
    @Args('filter', { type: () => OrganizationFilter, nullable: true, description: 'Narrows the list' })
    filter: OrganizationFilter | undefined,
    @Args('first', { type: () => Int, defaultValue: 20, description: '1 to 100' }) first: number,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page' })
    after: string | null,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<OrganizationConnection> {
    return connection(await this.service.list(filter, first, after, viewer));
  }

  @Authorize(Authenticated)
  @Query(() => [OrganizationType], {
    description: 'The organisations the signed-in user belongs to, in any status',
  })
  async myOrganizations(@Context() ctx: GqlContext): Promise<OrganizationEntity[]> {
    const ids = await this.access.for(ctx).organizations();
    const found = await Promise.all(ids.map((id) => this.loaders.for(ctx).organization.load(id)));
    return found.filter((o): o is OrganizationEntity => !!o);
  }

  @Authorize(Verified)
  @Mutation(() => OrganizationType, {
    description:
      'Creates an organisation owned by the signed-in user; it is PENDING until an organiser approves it',
  })
  createOrganization(
    @Args('input', { description: 'The organisation' }) input: CreateOrganizationInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<OrganizationEntity> {
    return this.service.create(input, viewer);
  }

  @Authorize(MemberOf(arg('input.id')))
  @Mutation(() => OrganizationType, { description: 'Changes an organisation (its members only)' })
  updateOrganization(
    @Args('input', { description: 'The changes' }) input: UpdateOrganizationInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<OrganizationEntity> {
    return this.service.update({ ...input }, viewer);
  }

  @Authorize(AnyOf(OwnerOf(arg('id')), Admin))
  @Mutation(() => OrganizationType, {
    description: 'Takes the organisation out of search at once (its owners, or an admin); its data is kept',
  })
  archiveOrganization(
    @Args('id', { type: () => ID, description: 'The organisation' }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<OrganizationEntity> {
    return this.service.archive(id, viewer);
  }

  @ResolveField(() => [OpportunityObject], { description: 'Current (not archived) opportunities' })
  opportunities(@Parent() org: OrganizationEntity, @Context() ctx: object): Promise<OpportunityEntity[]> {
    return this.loaders.for(ctx).opportunitiesOf.load(org.id);
  }

  @ResolveField(() => [ContactPersonType], {
    description:
      'The people to contact. Empty unless the viewer is a member, an organiser, or a member of an organisation whose contact or meeting request with this one was accepted (see contactsVisible).',
  })
  async contacts(
    @Parent() org: OrganizationEntity,
    @Context() ctx: GqlContext,
  ): Promise<ContactPersonEntity[]> {
    if (!(await this.access.for(ctx).canSeeContacts(org.id))) return [];
    return this.loaders.for(ctx).contactsOf.load(org.id);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: "The organiser's note on approval or rejection (organisers only; null for anyone else)",
  })
  reviewNote(@Parent() org: OrganizationEntity, @CurrentViewer() viewer: Viewer | null): string | null {
    return isOrganiser(viewer) ? org.reviewNote : null;
  }

  @ResolveField(() => Boolean, {
    description: "Whether the viewer may see this organisation's contact persons",
  })
  contactsVisible(@Parent() org: OrganizationEntity, @Context() ctx: GqlContext): Promise<boolean> {
    return this.access.for(ctx).canSeeContacts(org.id);
  }
}
