import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { OrganizationService } from './organisation.service.js';
import { ContactPersonType, OrganizationConnection, OrganizationType } from './organisation.types.js';
import {
  CreateOrganizationInput,
  OrganizationFilter,
  UpdateOrganizationInput,
} from './organisation.inputs.js';
import { OpportunityObject } from '../opportunity/opportunity.types.js';
import { DirectoryLoaderFactory } from '../graphql/directory.loaders.js';
import type { OrganizationEntity } from './organisation.entity.js';
import type { OpportunityEntity } from '../opportunity/opportunity.entity.js';
import type { ContactPersonEntity } from './contact-person.entity.js';

@Resolver(() => OrganizationType)
export class OrganizationResolver {
  constructor(
    private readonly service: OrganizationService,
    private readonly loaders: DirectoryLoaderFactory,
  ) {}

  @Query(() => OrganizationType, { description: 'One organisation by id' })
  organization(@Args('id', { type: () => ID }) id: string): Promise<OrganizationEntity> {
    return this.service.get(id);
  }

  @Query(() => OrganizationConnection, { description: 'Organisations in creation order, a page at a time' })
  async organizations(
    @Args('filter', { type: () => OrganizationFilter, nullable: true })
    filter: OrganizationFilter | undefined,
    @Args('first', { type: () => Int, defaultValue: 20, description: '1 to 100' }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<OrganizationConnection> {
    const page = await this.service.list(filter, first, after);
    return {
      edges: page.items.map((node, i) => ({
        node: node as unknown as OrganizationType,
        cursor: page.cursors[i],
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
    };
  }

  @Mutation(() => OrganizationType)
  createOrganization(@Args('input') input: CreateOrganizationInput): Promise<OrganizationEntity> {
    return this.service.create(input);
  }

  @Mutation(() => OrganizationType)
  updateOrganization(@Args('input') input: UpdateOrganizationInput): Promise<OrganizationEntity> {
    return this.service.update({ ...input });
  }

  @Mutation(() => OrganizationType, { description: 'Takes the organisation out of search; its data is kept' })
  archiveOrganization(@Args('id', { type: () => ID }) id: string): Promise<OrganizationEntity> {
    return this.service.archive(id);
  }

  @ResolveField(() => [OpportunityObject], { description: 'Current (not archived) opportunities' })
  opportunities(@Parent() org: OrganizationEntity, @Context() ctx: object): Promise<OpportunityEntity[]> {
    return this.loaders.for(ctx).opportunitiesOf.load(org.id);
  }

  @ResolveField(() => [ContactPersonType])
  contacts(@Parent() org: OrganizationEntity, @Context() ctx: object): Promise<ContactPersonEntity[]> {
    return this.loaders.for(ctx).contactsOf.load(org.id);
  }
}
