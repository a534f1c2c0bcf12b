import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { Hit, Meilisearch, SearchParams, SearchResponse } from 'meilisearch';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  AppError,
  APP_CONFIG,
  badInput,
  isMeiliUnavailable,
  meiliApiError,
  MEILI_CLIENT,
  type AppConfig,
} from '#platform';
import { SearchSourceRepository } from '#directory';
import { indexNames } from '../indexing/index-names.js';
import type { OpportunityDocument, OrganizationDocument } from '../indexing/documents.js';
import { OPPORTUNITY_FACETS, ORGANIZATION_FACETS } from '../indexing/index-settings.js';
import { normaliseQuery } from '../text/index.js';
import { opportunityFilter, organizationFilter } from './filters.js';
import { SearchCircuit, SearchCircuitOpenError } from './search-circuit.js';
import {
  OpportunitySort,
  OrganizationSort,
  type Facet,
  type Highlight,
  type OpportunityHit,
  type OpportunitySearchFilter,
  type OpportunitySearchResult,
  type OrganizationHit,
  type OrganizationSearchFilter,
  type OrganizationSearchResult,
} from './search.types.js';

export const MAX_LIMIT = 100;
export const MAX_OFFSET = 1000;
const MAX_QUERY = 200;

export interface SearchArgs<F, S> {
  query?: string | null;
  filter?: F | null;
  sort?: S | null;
  limit?: number | null;
  offset?: number | null;
  facets?: string[] | null;
}

const ORG_SORT: Record<OrganizationSort, string[] | undefined> = {
  RELEVANCE: undefined,
  NAME: ['sort_name:asc'],
  NEWEST: ['created_at:desc'],
  RECENTLY_UPDATED: ['updated_at:desc'],
  OLDEST_FOUNDED: ['founded_year:asc'],
  MOST_IP: ['ip_assets:desc'],
};
const OPP_SORT: Record<OpportunitySort, string[] | undefined> = {
  RELEVANCE: undefined,
  NEWEST: ['created_at:desc'],
  DEADLINE: ['deadline:asc'],
  AMOUNT_DESC: ['amount:desc'],
};

const HIGHLIGHTED = [
  'name_ar',
  'name_fr',
  'name_en',
  'title_ar',
  'title_fr',
  'title_en',
  'description_ar',
  'description_fr',
  'description_en',
];
const date = (s: number | null) => (s == null ? null : new Date(s * 1000).toISOString().slice(0, 10));

function highlights(hit: Hit<Record<string, unknown>>): Highlight[] {
  const formatted = (hit._formatted ?? {}) as Record<string, unknown>;
  return HIGHLIGHTED.filter(
    (f) => typeof formatted[f] === 'string' && (formatted[f] as string).includes('<mark>'),
  ).map((f) => ({ field: f, snippet: formatted[f] as string }));
}

function facetsOf(distribution: Record<string, Record<string, number>> | undefined): Facet[] {
  return Object.entries(distribution ?? {}).map(([field, values]) => ({
    field,
    values: Object.entries(values)
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
  }));
}

/** Translates typed search inputs into Meilisearch queries; the index is the only thing read. */
@Injectable()
export class SearchService {
  private readonly logger = new Logger(SearchService.name);
  private readonly names: { organizations: string; opportunities: string };
  /** Fails searches fast (timeout, then at once) while Meilisearch is down or frozen. */
  readonly circuit: SearchCircuit;

  constructor(
    @Inject(MEILI_CLIENT) private readonly meili: Meilisearch,
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    @Optional() private readonly source: SearchSourceRepository = new SearchSourceRepository(),
  ) {
    this.names = indexNames(config.meiliIndexPrefix);
    this.circuit = new SearchCircuit(
      { timeoutMs: config.search.timeoutMs, cooldownMs: config.search.circuitOpenMs },
      this.logger,
    );
  }

  /**
   * Ids among `ids` whose organisation is public right now. The index follows Postgres within
   * seconds; this check closes that gap, so an organisation archived or sent back to review a
   * moment ago never shows in a hit. One primary-key lookup per page of hits.
   */
  private publicOrganizations(ids: string[]): Promise<Set<string>> {
    return this.source.listedOrganizationIds(this.db, ids);
  }

  private liveOpportunities(ids: string[]): Promise<Set<string>> {
    return this.source.listedOpportunityIds(this.db, ids);
  }

  private params(
    args: SearchArgs<unknown, unknown>,
    allowedFacets: readonly string[],
    filter: string[],
    sort?: string[],
  ): SearchParams & { q: string } {
    const limit = args.limit ?? 20;
    const offset = args.offset ?? 0;
    const problems = [];
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      problems.push({ path: 'limit', message: `must be between 1 and ${MAX_LIMIT}` });
    if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET)
      problems.push({ path: 'offset', message: `must be between 0 and ${MAX_OFFSET}` });
    if ((args.query ?? '').length > MAX_QUERY)
      problems.push({ path: 'query', message: `at most ${MAX_QUERY} characters` });
    const facets = args.facets ?? [];
    const unknown = facets.filter((f) => !allowedFacets.includes(f));
    if (unknown.length)
      problems.push({ path: 'facets', message: `unknown facet(s): ${unknown.slice(0, 5).join(', ')}` });
    if (problems.length) throw badInput(problems);
    return {
      q: normaliseQuery(args.query ?? ''),
      filter,
      sort,
      limit,
      offset,
      facets: facets.length ? facets : undefined,
      attributesToHighlight: HIGHLIGHTED,
      highlightPreTag: '<mark>',
      highlightPostTag: '</mark>',
      attributesToCrop: ['description_ar', 'description_fr', 'description_en'],
      cropLength: 30,
    };
  }

  private async run<T extends Record<string, unknown>>(
    uid: string,
    p: SearchParams & { q: string },
  ): Promise<SearchResponse<T>> {
    const { q, ...rest } = p;
    try {
      return await this.circuit.run((signal) => this.meili.index<T>(uid).search(q, rest, { signal }));
    } catch (e) {
      const unavailable = new AppError(
        'SEARCH_UNAVAILABLE',
        'Search is temporarily unavailable; the directory itself still works.',
      );
      // The circuit's own refusals are logged once, when it opens.
      if (e instanceof SearchCircuitOpenError) throw unavailable;
      const err = e as Error;
      this.logger.warn(
        {
          err: err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message,
          index: uid,
        },
        'search failed',
      );
      // Meilisearch down, frozen or failing; or the index not there yet (a fresh install before
      // the worker's first run). Any other refusal is a bug of this service: masked and logged.
      if (isMeiliUnavailable(e) || meiliApiError(e)?.cause?.code === 'index_not_found') throw unavailable;
      throw e;
    }
  }

  /** The exact Meilisearch request an organisation search sends (benchmarks compare against it). */
  organizationRequest(args: SearchArgs<OrganizationSearchFilter, OrganizationSort>): {
    uid: string;
    params: SearchParams & { q: string };
  } {
    return {
      uid: this.names.organizations,
      params: this.params(
        args,
        ORGANIZATION_FACETS,
        organizationFilter(args.filter),
        ORG_SORT[args.sort ?? OrganizationSort.RELEVANCE],
      ),
    };
  }

  async organizations(
    args: SearchArgs<OrganizationSearchFilter, OrganizationSort>,
  ): Promise<OrganizationSearchResult> {
    const { uid, params: p } = this.organizationRequest(args);
    const res = await this.run<OrganizationDocument & Record<string, unknown>>(uid, p);
    const live = await this.publicOrganizations(res.hits.map((h) => h.id));
    return {
      hits: res.hits
        .filter((h) => live.has(h.id))
        .map((h): OrganizationHit => ({
          id: h.id,
          kind: h.kind,
          subtype: h.subtype,
          name: { ar: h.name_ar, fr: h.name_fr, en: h.name_en },
          country: h.country,
          regionCode: h.region_code,
          city: h.city,
          sectors: h.sectors,
          processes: h.processes,
          certifications: h.certifications,
          highlights: highlights(h),
        })),
      facets: facetsOf(res.facetDistribution),
      estimatedTotal: res.estimatedTotalHits ?? res.hits.length,
      offset: p.offset ?? 0,
      limit: p.limit ?? 20,
    };
  }

  async opportunities(
    args: SearchArgs<OpportunitySearchFilter, OpportunitySort>,
  ): Promise<OpportunitySearchResult> {
    const today = Math.floor(
      Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) / 1000,
    );
    const p = this.params(
      args,
      OPPORTUNITY_FACETS,
      opportunityFilter(args.filter, today),
      OPP_SORT[args.sort ?? OpportunitySort.RELEVANCE],
    );
    const res = await this.run<OpportunityDocument & Record<string, unknown>>(this.names.opportunities, p);
    const live = await this.liveOpportunities(res.hits.map((h) => h.id));
    return {
      hits: res.hits
        .filter((h) => live.has(h.id))
        .map((h): OpportunityHit => ({
          id: h.id,
          organizationId: h.organization_id,
          organizationName: h.organization_name,
          type: h.type,
          status: h.status,
          title: { ar: h.title_ar, fr: h.title_fr, en: h.title_en },
          country: h.country,
          sectors: h.sectors,
          processes: h.processes,
          deadline: date(h.deadline),
          expiresAt: date(h.expires_at),
          highlights: highlights(h),
        })),
      facets: facetsOf(res.facetDistribution),
      estimatedTotal: res.estimatedTotalHits ?? res.hits.length,
      offset: p.offset ?? 0,
      limit: p.limit ?? 20,
    };
  }
}
