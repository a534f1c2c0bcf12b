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
registerEnumType(OrganizationSort, { name: 'OrganizationSort' });
registerEnumType(OpportunitySort, { name: 'OpportunitySort' });

@InputType({ description: 'Typed filters; values in one list are OR-ed, lists are AND-ed' })
export class OrganizationSearchFilter {
  @Field(() => [OrganizationKindEnum], { nullable: true }) kinds?: string[];
  @Field(() => [OrganizationSubtypeEnum], { nullable: true }) subtypes?: string[];
  @Field(() => [String], { nullable: true }) countries?: string[];
  @Field(() => [String], { nullable: true }) regionCodes?: string[];
  @Field(() => [String], { nullable: true, description: 'ISIC sections or divisions' }) sectors?: string[];
  @Field(() => [ProcessEnum], { nullable: true }) processes?: string[];
  @Field(() => [CertificationEnum], { nullable: true, description: 'All of these' })
  certifications?: string[];
  @Field(() => [String], { nullable: true }) employeeBands?: string[];
  @Field(() => [String], { nullable: true }) languages?: string[];
  @Field(() => [InstrumentEnum], { nullable: true }) instruments?: string[];
  @Field(() => [StageEnum], { nullable: true }) stages?: string[];
  @Field({ nullable: true }) rdActivity?: boolean;
  @Field({ nullable: true, description: 'Holds at least one patent, utility model, trademark or design' })
  hasIp?: boolean;
  @Field(() => Int, { nullable: true }) foundedFrom?: number;
  @Field(() => Int, { nullable: true }) foundedTo?: number;
  @Field(() => Float, { nullable: true, description: 'Financiers whose ticket range contains this amount' })
  ticketAmount?: number;
}

@InputType()
export class OpportunitySearchFilter {
  @Field(() => [OpportunityTypeEnum], { nullable: true }) types?: string[];
  @Field(() => [OpportunityStatusEnum], { nullable: true, description: 'Defaults to OPEN' })
  statuses?: string[];
  @Field(() => [OrganizationKindEnum], { nullable: true }) organizationKinds?: string[];
  @Field(() => [String], { nullable: true }) countries?: string[];
  @Field(() => [String], { nullable: true }) regionCodes?: string[];
  @Field(() => [String], { nullable: true }) sectors?: string[];
  @Field(() => [ProcessEnum], { nullable: true }) processes?: string[];
  @Field({ nullable: true, description: 'Include opportunities past their expiry date' })
  includeExpired?: boolean;
}

@ObjectType()
export class FacetValue {
  @Field() value: string;
  @Field(() => Int) count: number;
}

@ObjectType()
export class Facet {
  @Field() field: string;
  @Field(() => [FacetValue]) values: FacetValue[];
}

@ObjectType({ description: 'Matched text with the matching words wrapped in <mark>' })
export class Highlight {
  @Field() field: string;
  @Field() snippet: string;
}

@ObjectType()
export class OrganizationHit {
  @Field(() => ID) id: string;
  @Field(() => OrganizationKindEnum) kind: string;
  @Field(() => OrganizationSubtypeEnum, { nullable: true }) subtype: string | null;
  @Field(() => LocalizedText) name: LocalizedText;
  @Field() country: string;
  @Field(() => String, { nullable: true }) regionCode: string | null;
  @Field(() => String, { nullable: true }) city: string | null;
  @Field(() => [String]) sectors: string[];
  @Field(() => [ProcessEnum]) processes: string[];
  @Field(() => [CertificationEnum]) certifications: string[];
  @Field(() => [Highlight]) highlights: Highlight[];
}

@ObjectType()
export class OpportunityHit {
  @Field(() => ID) id: string;
  @Field(() => ID) organizationId: string;
  @Field() organizationName: string;
  @Field(() => OpportunityTypeEnum) type: string;
  @Field(() => OpportunityStatusEnum) status: string;
  @Field(() => LocalizedText) title: LocalizedText;
  @Field() country: string;
  @Field(() => [String]) sectors: string[];
  @Field(() => [ProcessEnum]) processes: string[];
  @Field(() => String, { nullable: true }) deadline: string | null;
  @Field(() => String, { nullable: true }) expiresAt: string | null;
  @Field(() => [Highlight]) highlights: Highlight[];
}

@ObjectType()
export class OrganizationSearchResult {
  @Field(() => [OrganizationHit]) hits: OrganizationHit[];
  @Field(() => [Facet]) facets: Facet[];
  @Field(() => Int) estimatedTotal: number;
  @Field(() => Int) offset: number;
  @Field(() => Int) limit: number;
}

@ObjectType()
export class OpportunitySearchResult {
  @Field(() => [OpportunityHit]) hits: OpportunityHit[];
  @Field(() => [Facet]) facets: Facet[];
  @Field(() => Int) estimatedTotal: number;
  @Field(() => Int) offset: number;
  @Field(() => Int) limit: number;
}
