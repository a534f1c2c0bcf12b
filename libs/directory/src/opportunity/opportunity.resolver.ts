import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AccessService,
  arg,
  Authorize,
  CurrentViewer,
  isOrganiser,
  MemberOf,
  ownerOfRecord,
  Public,
  type Viewer,
} from '#identity';
import { OpportunityService } from './opportunity.service.js';
import type { GqlContext } from '#identity';
import {
  CreateOpportunityInput,
  OpportunityConnection,
  OpportunityFilter,
  OpportunityObject,
  UpdateOpportunityInput,
} from './opportunity.types.js';
import { OrganizationType } from '../organisation/organisation.types.js';
import { DirectoryLoaderFactory } from '../graphql/directory.loaders.js';
import type { OpportunityEntity } from './opportunity.entity.js';
import type { OrganizationEntity } from '../organisation/organisation.entity.js';

@Resolver(() => OpportunityObject)
export class OpportunityResolver {
  constructor(
    private readonly service: OpportunityService,
    private readonly loaders: DirectoryLoaderFactory,
    private readonly access: AccessService,
  ) {}

  @Authorize(Public)
  @Query(() => OpportunityObject, {
    description:
      "An opportunity of a public organisation, or of one of the viewer's own; NOT_FOUND otherwise",
  })
  opportunity(
    @Args('id', { type: () => ID, description: 'The opportunity' }) id: string,
    @Context() ctx: GqlContext,
  ): Promise<OpportunityEntity> {
    return this.service.get(id, (org) => this.access.for(ctx).canSeeOrganization(org));
  }

  @Authorize(Public)
  @Query(() => OpportunityConnection, {
    description: "Opportunities of public organisations, and of the viewer's own organisations",
  })
  async opportunities(
    @Args('filter', { type: () => OpportunityFilter, nullable: true, description: 'Narrows the list' })
    filter: OpportunityFilter | undefined,
    @Args('first', { type: () => Int, defaultValue: 20, description: '1 to 100' }) first: number,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page' })
    after: string | null,
    @Context() ctx: GqlContext,
  ): Promise<OpportunityConnection> {
    const own = isOrganiser(ctx.viewer) ? 'all' : await this.access.for(ctx).organizations();
    const page = await this.service.list(filter, first, after, own);
    return {
      edges: page.items.map((node, i) => ({
        node: node as unknown as OpportunityObject,
        cursor: page.cursors[i],
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
    };
  }

  @Authorize(MemberOf(arg('input.organizationId')))
  @Mutation(() => OpportunityObject, {
    description: "Publishes an offer or need (the organisation's members only)",
  })
  createOpportunity(
    @Args('input', { description: 'The opportunity to publish' }) input: CreateOpportunityInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<OpportunityEntity> {
    return this.service.create({ ...input }, viewer);
  }

  @Authorize(MemberOf(ownerOfRecord('opportunity', 'input.id')))
  @Mutation(() => OpportunityObject, {
    description: "Changes an opportunity (its organisation's members only)",
  })
  updateOpportunity(
    @Args('input', { description: 'The changes' }) input: UpdateOpportunityInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<OpportunityEntity> {
    return this.service.update({ ...input }, 'input', viewer);
  }

  @Mutation(() => OpportunityObject, {
    description: 'Puts an expired opportunity back in search until the new date',
  })
  @Authorize(MemberOf(ownerOfRecord('opportunity', 'id')))
  renewOpportunity(
    @Args('id', { type: () => ID, description: 'The opportunity' }) id: string,
    @Args('expiresAt', { description: 'YYYY-MM-DD' }) expiresAt: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<OpportunityEntity> {
    return this.service.update({ id, expiresAt }, '', viewer);
  }

  @Authorize(MemberOf(ownerOfRecord('opportunity', 'id')))
  @Mutation(() => OpportunityObject, {
    description: "Withdraws an opportunity from search for good (its organisation's members only)",
  })
  archiveOpportunity(
    @Args('id', { type: () => ID, description: 'The opportunity' }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<OpportunityEntity> {
    return this.service.archive(id, viewer);
  }

  @ResolveField(() => Boolean, { description: 'Withdrawn by its organisation; no longer searchable' })
  archived(@Parent() opp: OpportunityEntity): boolean {
    return opp.archivedAt != null;
  }

  @ResolveField(() => OrganizationType, { description: 'The publishing organisation' })
  async organization(
    @Parent() opp: OpportunityEntity,
    @Context() ctx: object,
  ): Promise<OrganizationEntity | null> {
    return this.loaders.for(ctx).organization.load(opp.organizationId);
  }
}
