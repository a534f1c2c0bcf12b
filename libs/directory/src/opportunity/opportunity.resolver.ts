import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { OpportunityService } from './opportunity.service.js';
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
  ) {}

  @Query(() => OpportunityObject)
  opportunity(@Args('id', { type: () => ID }) id: string): Promise<OpportunityEntity> {
    return this.service.get(id);
  }

  @Query(() => OpportunityConnection)
  async opportunities(
    @Args('filter', { type: () => OpportunityFilter, nullable: true }) filter: OpportunityFilter | undefined,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<OpportunityConnection> {
    const page = await this.service.list(filter, first, after);
    return {
      edges: page.items.map((node, i) => ({
        node: node as unknown as OpportunityObject,
        cursor: page.cursors[i],
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
    };
  }

  @Mutation(() => OpportunityObject)
  createOpportunity(@Args('input') input: CreateOpportunityInput): Promise<OpportunityEntity> {
    return this.service.create({ ...input });
  }

  @Mutation(() => OpportunityObject)
  updateOpportunity(@Args('input') input: UpdateOpportunityInput): Promise<OpportunityEntity> {
    return this.service.update({ ...input });
  }

  @Mutation(() => OpportunityObject, {
    description: 'Puts an expired opportunity back in search until the new date',
  })
  renewOpportunity(
    @Args('id', { type: () => ID }) id: string,
    @Args('expiresAt', { description: 'YYYY-MM-DD' }) expiresAt: string,
  ): Promise<OpportunityEntity> {
    return this.service.update({ id, expiresAt }, '');
  }

  @Mutation(() => OpportunityObject)
  archiveOpportunity(@Args('id', { type: () => ID }) id: string): Promise<OpportunityEntity> {
    return this.service.archive(id);
  }

  @ResolveField(() => Boolean)
  archived(@Parent() opp: OpportunityEntity): boolean {
    return opp.archivedAt != null;
  }

  @ResolveField(() => OrganizationType)
  async organization(
    @Parent() opp: OpportunityEntity,
    @Context() ctx: object,
  ): Promise<OrganizationEntity | null> {
    return this.loaders.for(ctx).organization.load(opp.organizationId);
  }
}
