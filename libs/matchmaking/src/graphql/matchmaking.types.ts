import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CertificationEnum, CurrencyEnum, InstrumentEnum, PageInfo, StageEnum } from '#directory';
import { EMPLOYEE_BANDS } from '#directory/taxonomy';
import { NOT_RELEVANT_REASONS, VERDICTS } from '../feedback/adjustments.js';

const asEnum = <T extends readonly string[]>(codes: T) =>
  Object.fromEntries(codes.map((c) => [c, c])) as { [K in T[number]]: K };

export const SuggestionKindEnum = asEnum([
  'SUBCONTRACTING',
  'CLUSTER',
  'FINANCING',
  'MEETING',
  'SUPPORT',
] as const);
export const SuggestionRoleEnum = asEnum([
  'SUPPLIER',
  'REQUEST',
  'CANDIDATE',
  'FINANCIER',
  'CLUSTER',
  'DELEGATE',
  'SUPPORT_PROVIDER',
  'BENEFICIARY',
] as const);
export const VerdictEnum = asEnum(VERDICTS);
export const NotRelevantReasonEnum = asEnum(NOT_RELEVANT_REASONS);

registerEnumType(SuggestionKindEnum, { name: 'SuggestionKind' });
registerEnumType(SuggestionRoleEnum, {
  name: 'SuggestionRole',
  description:
    "SUPPLIER: the counterpart can serve your request; REQUEST: you can serve the counterpart's request; " +
    'CANDIDATE: an SME fitting your screening criteria; FINANCIER: a financier whose terms fit you; CLUSTER: a proposed group; ' +
    'DELEGATE: a delegate of the same forum edition for one of your delegates to meet; ' +
    'SUPPORT_PROVIDER: a support institution whose programme meets your needs; BENEFICIARY: an SME your programme fits',
});
registerEnumType(VerdictEnum, { name: 'SuggestionVerdict' });
registerEnumType(NotRelevantReasonEnum, { name: 'NotRelevantReason' });

@ObjectType({
  description: 'One criterion behind a score, with its share and a sentence in the requested language',
})
export class MatchReason {
  @Field() criterion: string;
  @Field({ description: 'forward: the counterpart suits you; reverse: you suit the counterpart' })
  direction: string;
  @Field(() => Float, { description: 'How well the criterion is met, 0..1' }) score: number;
  @Field(() => Float) weight: number;
  @Field(() => Float, { description: "The criterion's share of its direction's score" }) contribution: number;
  @Field({ description: 'Stable reason code' }) code: string;
  @Field() text: string;
}

@ObjectType()
export class ClusterMemberObject {
  @Field(() => ID) organizationId: string;
  @Field({ description: 'ISIC division this member plays in the group' }) division: string;
  @Field({ description: 'The gap it fills: whom it supplies and buys from in the group' }) gap: string;
}

@ObjectType('ClusterProposal')
export class ClusterProposalObject {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) valueChain: string | null;
  @Field(() => [String]) divisions: string[];
  @Field(() => [String]) missingDivisions: string[];
  @Field() country: string;
  @Field(() => String, { nullable: true }) regionCode: string | null;
  @Field(() => ID, { nullable: true }) supportInstitutionId: string | null;
  @Field(() => String, { nullable: true }) supportInstitutionReason: string | null;
  @Field(() => ID, { nullable: true }) financierId: string | null;
  @Field(() => String, { nullable: true }) financierReason: string | null;
  @Field(() => Float) cohesion: number;
  @Field() summary: string;
  @Field(() => [ClusterMemberObject]) members: ClusterMemberObject[];
  @Field() computedAt: Date;
}

@ObjectType('Suggestion')
export class SuggestionObject {
  @Field(() => ID) id: string;
  @Field(() => ID) organizationId: string;
  @Field(() => SuggestionKindEnum) kind: string;
  @Field(() => SuggestionRoleEnum, { nullable: true }) role: string | null;
  @Field(() => ID, { nullable: true }) counterpartId: string | null;
  @Field(() => ID, { nullable: true, description: 'The subcontracting request the suggestion is about' })
  opportunityId: string | null;
  @Field(() => ID, { nullable: true }) clusterId: string | null;
  @Field(() => Float) score: number;
  @Field(() => Int) rank: number;
  @Field(() => [MatchReason], {
    description:
      "Why, strongest first. Empty for a financier's candidates unless you are its member: they quote its private criteria",
  })
  reasons: MatchReason[];
  @Field() computedAt: Date;
  @Field(() => VerdictEnum, { nullable: true, description: 'Your verdict, once given' }) verdict:
    string | null;
  @Field(() => ID, { nullable: true }) contactRequestId: string | null;
  @Field(() => ID, { nullable: true, description: 'MEETING: the forum edition' }) editionId: string | null;
  @Field(() => ID, { nullable: true, description: 'MEETING: your delegate the suggestion is for' })
  delegateId: string | null;
  @Field(() => ID, { nullable: true, description: 'MEETING: the delegate to meet' })
  counterpartDelegateId: string | null;
  @Field(() => ID, { nullable: true, description: 'MEETING: the meeting request opened on acceptance' })
  meetingRequestId: string | null;
}

@ObjectType()
export class SuggestionEdge {
  @Field() cursor: string;
  @Field(() => SuggestionObject) node: SuggestionObject;
}

@ObjectType()
export class SuggestionConnection {
  @Field(() => [SuggestionEdge]) edges: SuggestionEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@ObjectType()
export class SuggestionFeedbackResult {
  @Field(() => ID) suggestionId: string;
  @Field(() => VerdictEnum) verdict: string;
  @Field(() => ID, { nullable: true, description: 'The contact request opened on acceptance' })
  contactRequestId: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The meeting request opened on accepting a MEETING suggestion',
  })
  meetingRequestId: string | null;
}

@InputType()
export class FinancierCriteriaInput {
  @Field(() => [String], { nullable: true, description: 'ISIC Rev.4 sections or divisions' })
  sectors?: string[];
  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2; empty means anywhere' })
  countries?: string[];
  @Field(() => [StageEnum], { nullable: true }) stages?: string[];
  @Field(() => Float, { nullable: true }) ticketMin?: number;
  @Field(() => Float, { nullable: true }) ticketMax?: number;
  @Field(() => CurrencyEnum, { nullable: true }) currency?: string;
  @Field(() => [InstrumentEnum], { nullable: true }) instruments?: string[];
  @Field(() => Int, { nullable: true }) minAgeYears?: number;
  @Field(() => String, { nullable: true, description: `One of ${EMPLOYEE_BANDS.join(', ')}` })
  minEmployeeBand?: string;
  @Field(() => [CertificationEnum], { nullable: true }) requiredCertifications?: string[];
  @Field(() => [CertificationEnum], { nullable: true }) preferredCertifications?: string[];
  @Field(() => Boolean, { nullable: true, description: 'Weigh R&D and intellectual property' })
  innovationWanted?: boolean;
  @Field(() => Int, { nullable: true }) minPatents?: number;
}

@ObjectType('FinancierCriteria')
export class FinancierCriteriaObject {
  @Field(() => [String]) sectors: string[];
  @Field(() => [String]) countries: string[];
  @Field(() => [StageEnum]) stages: string[];
  @Field(() => Float, { nullable: true }) ticketMin: number | null;
  @Field(() => Float, { nullable: true }) ticketMax: number | null;
  @Field(() => CurrencyEnum, { nullable: true }) currency: string | null;
  @Field(() => [InstrumentEnum]) instruments: string[];
  @Field(() => Int, { nullable: true }) minAgeYears: number | null;
  @Field(() => String, { nullable: true }) minEmployeeBand: string | null;
  @Field(() => [CertificationEnum]) requiredCertifications: string[];
  @Field(() => [CertificationEnum]) preferredCertifications: string[];
  @Field(() => Boolean, { nullable: true }) innovationWanted: boolean | null;
  @Field(() => Int, { nullable: true }) minPatents: number | null;
}

@ObjectType('FinancierScreening')
export class FinancierScreeningObject extends FinancierCriteriaObject {
  @Field(() => ID) organizationId: string;
  @Field() updatedAt: Date;
}

@InputType()
export class SavedSearchInput {
  @Field() name: string;
  @Field(() => String, { nullable: true, description: 'Words the SME profile must contain' }) query?: string;
  @Field(() => FinancierCriteriaInput) criteria: FinancierCriteriaInput;
  @Field(() => Float, { nullable: true, description: 'Alert only above this score (0..1, default 0.5)' })
  minScore?: number;
  @Field(() => Boolean, { nullable: true }) alertsEnabled?: boolean;
}

@ObjectType('SavedSearch')
export class SavedSearchObject {
  @Field(() => ID) id: string;
  @Field(() => ID) organizationId: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) query: string | null;
  @Field(() => FinancierCriteriaObject) criteria: FinancierCriteriaObject;
  @Field(() => Float) minScore: number;
  @Field() alertsEnabled: boolean;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('SavedSearchAlert')
export class SavedSearchAlertObject {
  @Field(() => ID) id: string;
  @Field(() => ID) savedSearchId: string;
  @Field(() => ID, { description: 'The SME that matched' }) organizationId: string;
  @Field(() => Float) score: number;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) seenAt: Date | null;
}
