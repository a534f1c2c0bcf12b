import { Authorize, Public } from '#identity';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { SearchService } from './search.service.js';
import {
  OpportunitySearchFilter,
  OpportunitySearchResult,
  OpportunitySort,
  OrganizationSearchFilter,
  OrganizationSearchResult,
  OrganizationSort,
} from './search.types.js';

@Resolver()
export class SearchResolver {
  constructor(private readonly search: SearchService) {}

  @Authorize(Public)
  @Query(() => OrganizationSearchResult, {
    description: 'Full-text, faceted search over organisations in Arabic, French and English',
  })
  searchOrganizations(
    @Args('query', { type: () => String, nullable: true }) query: string | null,
    @Args('filter', { type: () => OrganizationSearchFilter, nullable: true })
    filter: OrganizationSearchFilter | null,
    @Args('sort', { type: () => OrganizationSort, nullable: true }) sort: OrganizationSort | null,
    @Args('facets', {
      type: () => [String],
      nullable: true,
      description: 'Facet fields to count, e.g. kind, country, sectors',
    })
    facets: string[] | null,
    @Args('limit', { type: () => Int, defaultValue: 20 }) limit: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<OrganizationSearchResult> {
    return this.search.organizations({ query, filter, sort, facets, limit, offset });
  }

  @Authorize(Public)
  @Query(() => OpportunitySearchResult, { description: 'Search over open, unexpired offers and needs' })
  searchOpportunities(
    @Args('query', { type: () => String, nullable: true }) query: string | null,
    @Args('filter', { type: () => OpportunitySearchFilter, nullable: true })
    filter: OpportunitySearchFilter | null,
    @Args('sort', { type: () => OpportunitySort, nullable: true }) sort: OpportunitySort | null,
    @Args('facets', { type: () => [String], nullable: true }) facets: string[] | null,
    @Args('limit', { type: () => Int, defaultValue: 20 }) limit: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<OpportunitySearchResult> {
    return this.search.opportunities({ query, filter, sort, facets, limit, offset });
  }
}
