import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  CertificationEnum,
  InstrumentEnum,
  LocalizedText,
  OpportunityStatusEnum,
  OpportunityTypeEnum,
  OrganizationKindEnum,
  OrganizationSubtypeEnum,
  ProcessEnum,
  StageEnum,
} from '#directory';

export enum OrganizationSort {
  RELEVANCE = 'RELEVANCE',
  NAME = 'NAME',
  NEWEST = 'NEWEST',
  RECENTLY_UPDATED = 'RECENTLY_UPDATED',
  OLDEST_FOUNDED = 'OLDEST_FOUNDED',
  MOST_IP = 'MOST_IP',
}
export enum OpportunitySort {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
  DEADLINE = 'DEADLINE',
  AMOUNT_DESC = 'AMOUNT_DESC',
}
registerEnumType(OrganizationSort, {
  name: 'OrganizationSort',
  description: 'Order of organisation search hits (the default is RELEVANCE)',
  valuesMap: {
    RELEVANCE: { description: 'Best match for the query first; without a query, the index order' },
    NAME: { description: 'Alphabetical by name, accents and letter case ignored' },
    NEWEST: { description: 'Most recently registered on the platform first' },
    RECENTLY_UPDATED: { description: 'Most recently edited profile first' },
    OLDEST_FOUNDED: { description: 'Earliest founding year first; organisations without one last' },
    MOST_IP: {
      description: 'Most intellectual property assets first (patents, utility models, trademarks, designs)',
    },
  },
});
registerEnumType(OpportunitySort, {
  name: 'OpportunitySort',
  description: 'Order of opportunity search hits (the default is RELEVANCE)',
  valuesMap: {
    RELEVANCE: { description: 'Best match for the query first; without a query, the index order' },
    NEWEST: { description: 'Most recently published first' },
    DEADLINE: { description: 'Nearest deadline first; opportunities without a deadline last' },
    AMOUNT_DESC: { description: 'Largest amount first, whatever its currency; those without an amount last' },
  },
});

@InputType({
  description: 'Typed filters; values in one list are OR-ed, lists are AND-ed; at most 50 values per list',
})
export class OrganizationSearchFilter {
  @Field(() => [OrganizationKindEnum], { nullable: true, description: 'Any of these kinds' })
  kinds?: string[];
  @Field(() => [OrganizationSubtypeEnum], { nullable: true, description: 'Any of these subtypes' })
  subtypes?: string[];
  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 country codes, e.g. DZ' })
  countries?: string[];
  @Field(() => [String], { nullable: true, description: 'ISO 3166-2 region codes, e.g. DZ-16 (Algiers)' })
  regionCodes?: string[];
  @Field(() => [String], { nullable: true, description: 'ISIC sections or divisions' }) sectors?: string[];
  @Field(() => [ProcessEnum], { nullable: true, description: 'Offers any of these manufacturing processes' })
  processes?: string[];
  @Field(() => [CertificationEnum], { nullable: true, description: 'All of these' })
  certifications?: string[];
  @Field(() => [String], {
    nullable: true,
    description: 'Headcount bands: 1-9, 10-49, 50-249, 250-999 or 1000+',
  })
  employeeBands?: string[];
  @Field(() => [String], {
    nullable: true,
    description: 'Working languages, ISO 639 codes among ar, fr, en, es, it, de, tr, zh, ber',
  })
  languages?: string[];
  @Field(() => [InstrumentEnum], {
    nullable: true,
    description: 'Financiers offering any of these instruments',
  })
  instruments?: string[];
  @Field(() => [StageEnum], { nullable: true, description: 'Financiers investing at any of these stages' })
  stages?: string[];
  @Field({ nullable: true, description: 'True: declares research and development; false: does not' })
  rdActivity?: boolean;
  @Field({ nullable: true, description: 'Holds at least one patent, utility model, trademark or design' })
  hasIp?: boolean;
  @Field(() => Int, { nullable: true, description: 'Founded in this year or later' })
  foundedFrom?: number;
  @Field(() => Int, { nullable: true, description: 'Founded in this year or earlier' })
  foundedTo?: number;
  @Field(() => Float, { nullable: true, description: 'Financiers whose ticket range contains this amount' })
  ticketAmount?: number;
}

@InputType({
  description: 'Typed filters; values in one list are OR-ed, lists are AND-ed; at most 50 values per list',
})
export class OpportunitySearchFilter {
  @Field(() => [OpportunityTypeEnum], { nullable: true, description: 'Any of these types' })
  types?: string[];
  @Field(() => [OpportunityStatusEnum], { nullable: true, description: 'Defaults to OPEN' })
  statuses?: string[];
  @Field(() => [OrganizationKindEnum], {
    nullable: true,
    description: 'Published by an organisation of any of these kinds',
  })
  organizationKinds?: string[];
  @Field(() => [String], {
    nullable: true,
    description: "ISO 3166-1 alpha-2 codes of the publishing organisation's country",
  })
  countries?: string[];
  @Field(() => [String], {
    nullable: true,
    description: "ISO 3166-2 codes of the publishing organisation's region, e.g. DZ-16",
  })
  regionCodes?: string[];
  @Field(() => [String], { nullable: true, description: 'ISIC sections or divisions' })
  sectors?: string[];
  @Field(() => [ProcessEnum], {
    nullable: true,
    description: 'Concerns any of these manufacturing processes',
  })
  processes?: string[];
  @Field({ nullable: true, description: 'Include opportunities past their expiry date' })
  includeExpired?: boolean;
}

@ObjectType({ description: 'One value of a facet and how many hits carry it' })
export class FacetValue {
  @Field({ description: 'The value as indexed, e.g. a country code or an enum value' }) value: string;
  @Field(() => Int, { description: 'Hits matching the query and filters that carry this value' })
  count: number;
}

@ObjectType({ description: 'Counts per value of one facet field, most frequent value first' })
export class Facet {
  @Field({ description: 'The facet field asked for in `facets`, e.g. country' }) field: string;
  @Field(() => [FacetValue], { description: 'Values by descending count, then alphabetically' })
  values: FacetValue[];
}

@ObjectType({ description: 'Matched text with the matching words wrapped in <mark>' })
export class Highlight {
  @Field({ description: 'Indexed field and language, e.g. name_fr, title_ar, description_en' })
  field: string;
  @Field({ description: 'The field text with each matching word wrapped in <mark>…</mark>' })
  snippet: string;
}

@ObjectType({
  description: 'An active organisation found by search, as indexed (seconds behind edits at most)',
})
export class OrganizationHit {
  @Field(() => ID, { description: "The organisation's id, for `organization(id:)`" }) id: string;
  @Field(() => OrganizationKindEnum, { description: 'Kind of organisation' }) kind: string;
  @Field(() => OrganizationSubtypeEnum, { nullable: true, description: 'Subtype within the kind, if given' })
  subtype: string | null;
  @Field(() => LocalizedText, { description: 'Name in each language given' }) name: LocalizedText;
  @Field({ description: 'ISO 3166-1 alpha-2 country code' }) country: string;
  @Field(() => String, { nullable: true, description: 'ISO 3166-2 region code, e.g. DZ-16' })
  regionCode: string | null;
  @Field(() => String, { nullable: true, description: 'City, as written by the organisation' })
  city: string | null;
  @Field(() => [String], { description: 'ISIC sections or divisions it works in' }) sectors: string[];
  @Field(() => [ProcessEnum], { description: 'Manufacturing processes it offers' }) processes: string[];
  @Field(() => [CertificationEnum], { description: 'Certifications it holds' }) certifications: string[];
  @Field(() => [Highlight], { description: 'Name and description passages matching the query' })
  highlights: Highlight[];
}

@ObjectType({ description: 'An opportunity found by search, as indexed (seconds behind edits at most)' })
export class OpportunityHit {
  @Field(() => ID, { description: "The opportunity's id, for `opportunity(id:)`" }) id: string;
  @Field(() => ID, { description: 'The publishing organisation' }) organizationId: string;
  @Field({ description: "The publishing organisation's name, in French if given, else English, else Arabic" })
  organizationName: string;
  @Field(() => OpportunityTypeEnum, { description: 'What is offered or sought' }) type: string;
  @Field(() => OpportunityStatusEnum, { description: 'Lifecycle status' }) status: string;
  @Field(() => LocalizedText, { description: 'Title in each language given' }) title: LocalizedText;
  @Field({ description: "ISO 3166-1 alpha-2 code of the publishing organisation's country" })
  country: string;
  @Field(() => [String], { description: 'ISIC sections or divisions concerned' }) sectors: string[];
  @Field(() => [ProcessEnum], { description: 'Manufacturing processes concerned' }) processes: string[];
  @Field(() => String, { nullable: true, description: 'Deadline for answers, YYYY-MM-DD (UTC)' })
  deadline: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Leaves search after this date, YYYY-MM-DD (UTC); null never expires',
  })
  expiresAt: string | null;
  @Field(() => [Highlight], { description: 'Title and description passages matching the query' })
  highlights: Highlight[];
}

@ObjectType({ description: 'A page of organisation search hits with the facet counts asked for' })
export class OrganizationSearchResult {
  @Field(() => [OrganizationHit], { description: 'Hits of this page, in the requested order' })
  hits: OrganizationHit[];
  @Field(() => [Facet], {
    description: 'Counts for each facet asked for in `facets`, over all matching hits',
  })
  facets: Facet[];
  @Field(() => Int, { description: 'Approximate number of matching hits (at most 5,000)' })
  estimatedTotal: number;
  @Field(() => Int, { description: 'Hits skipped before this page' }) offset: number;
  @Field(() => Int, { description: 'Page size asked for; `hits` may be shorter' }) limit: number;
}

@ObjectType({ description: 'A page of opportunity search hits with the facet counts asked for' })
export class OpportunitySearchResult {
  @Field(() => [OpportunityHit], { description: 'Hits of this page, in the requested order' })
  hits: OpportunityHit[];
  @Field(() => [Facet], {
    description: 'Counts for each facet asked for in `facets`, over all matching hits',
  })
  facets: Facet[];
  @Field(() => Int, { description: 'Approximate number of matching hits (at most 5,000)' })
  estimatedTotal: number;
  @Field(() => Int, { description: 'Hits skipped before this page' }) offset: number;
  @Field(() => Int, { description: 'Page size asked for; `hits` may be shorter' }) limit: number;
}
