import { Authorize, Public } from '#identity';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { OPPORTUNITY_FACETS, ORGANIZATION_FACETS } from '../indexing/index-settings.js';
import { MAX_LIMIT, MAX_OFFSET, SearchService } from './search.service.js';
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
    @Args('query', {
      type: () => String,
      nullable: true,
      description:
        'Words in Arabic, French or English (at most 200 characters); typos tolerated; empty or null lists all',
    })
    query: string | null,
    @Args('filter', { type: () => OrganizationSearchFilter, nullable: true, description: 'Narrows the hits' })
    filter: OrganizationSearchFilter | null,
    @Args('sort', { type: () => OrganizationSort, nullable: true, description: 'Defaults to RELEVANCE' })
    sort: OrganizationSort | null,
    @Args('facets', {
      type: () => [String],
      nullable: true,
      description: `Facet fields to count: ${ORGANIZATION_FACETS.join(', ')}`,
    })
    facets: string[] | null,
    @Args('limit', { type: () => Int, defaultValue: 20, description: `Hits per page, 1 to ${MAX_LIMIT}` })
    limit: number,
    @Args('offset', { type: () => Int, defaultValue: 0, description: `Hits to skip, 0 to ${MAX_OFFSET}` })
    offset: number,
  ): Promise<OrganizationSearchResult> {
    return this.search.organizations({ query, filter, sort, facets, limit, offset });
  }

  @Authorize(Public)
  @Query(() => OpportunitySearchResult, { description: 'Search over open, unexpired offers and needs' })
  searchOpportunities(
    @Args('query', {
      type: () => String,
      nullable: true,
      description:
        'Words in Arabic, French or English (at most 200 characters); typos tolerated; empty or null lists all',
    })
    query: string | null,
    @Args('filter', {
      type: () => OpportunitySearchFilter,
      nullable: true,
      description: 'Narrows the hits; only OPEN and unexpired ones by default',
    })
    filter: OpportunitySearchFilter | null,
    @Args('sort', { type: () => OpportunitySort, nullable: true, description: 'Defaults to RELEVANCE' })
    sort: OpportunitySort | null,
    @Args('facets', {
      type: () => [String],
      nullable: true,
      description: `Facet fields to count: ${OPPORTUNITY_FACETS.join(', ')}`,
    })
    facets: string[] | null,
    @Args('limit', { type: () => Int, defaultValue: 20, description: `Hits per page, 1 to ${MAX_LIMIT}` })
    limit: number,
    @Args('offset', { type: () => Int, defaultValue: 0, description: `Hits to skip, 0 to ${MAX_OFFSET}` })
    offset: number,
  ): Promise<OpportunitySearchResult> {
    return this.search.opportunities({ query, filter, sort, facets, limit, offset });
  }
}
