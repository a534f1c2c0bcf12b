import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CertificationEnum, CurrencyEnum, InstrumentEnum, StageEnum } from '#directory';
import { EMPLOYEE_BANDS } from '#directory/taxonomy';
import { NOT_RELEVANT_REASONS, VERDICTS } from '../feedback/adjustments.js';
import { PageInfo } from '#platform';

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

registerEnumType(SuggestionKindEnum, {
  name: 'SuggestionKind',
  description: 'What a suggestion proposes',
  valuesMap: {
    SUBCONTRACTING: {
      description: 'A supplier for a subcontracting request, or a request a supplier can serve',
    },
    CLUSTER: { description: 'A group of complementary SMEs along a value chain, with support and financing' },
    FINANCING: { description: 'An SME fitting a financier, or a financier whose terms fit an SME' },
    MEETING: { description: 'A delegate of the same forum edition to meet' },
    SUPPORT: { description: 'A support programme meeting an SME, or an SME a programme fits' },
  },
});
registerEnumType(SuggestionRoleEnum, {
  name: 'SuggestionRole',
  description:
    "SUPPLIER: the counterpart can serve your request; REQUEST: you can serve the counterpart's request; " +
    'CANDIDATE: an SME fitting your screening criteria; FINANCIER: a financier whose terms fit you; CLUSTER: a proposed group; ' +
    'DELEGATE: a delegate of the same forum edition for one of your delegates to meet; ' +
    'SUPPORT_PROVIDER: a support institution whose programme meets your needs; BENEFICIARY: an SME your programme fits',
  valuesMap: {
    SUPPLIER: { description: 'The counterpart can serve your request' },
    REQUEST: { description: "You can serve the counterpart's request" },
    CANDIDATE: { description: 'An SME fitting your screening criteria' },
    FINANCIER: { description: 'A financier whose terms fit you' },
    CLUSTER: { description: 'A proposed group' },
    DELEGATE: { description: 'A delegate of the same forum edition for one of your delegates to meet' },
    SUPPORT_PROVIDER: { description: 'A support institution whose programme meets your needs' },
    BENEFICIARY: { description: 'An SME your programme fits' },
  },
});
registerEnumType(VerdictEnum, {
  name: 'SuggestionVerdict',
  description: "An organisation's answer to a suggestion; it changes that organisation's lists only",
  valuesMap: {
    ACCEPTED: { description: 'Accepted: a contact request (or, for MEETING, a meeting request) was opened' },
    DISMISSED: { description: 'Not now: the pair is not suggested again to this organisation' },
    NOT_RELEVANT: { description: 'Wrong fit: the criteria behind the reason weigh more from now on' },
  },
});
registerEnumType(NotRelevantReasonEnum, {
  name: 'NotRelevantReason',
  description:
    'Why a suggestion does not fit; the matching criteria weigh more for the organisation afterwards',
  valuesMap: {
    DISTANCE: { description: 'Too far away' },
    SECTOR: { description: 'Wrong sector or investment focus' },
    PROCESS: { description: 'Wrong manufacturing processes' },
    CAPACITY: { description: 'Capacity does not match the volume' },
    SIZE: { description: 'Too small or too large' },
    CERTIFICATION: { description: 'Missing certifications' },
    LANGUAGE: { description: 'No working language in common' },
    FINANCING_TERMS: { description: 'Ticket size, instrument or stage do not fit' },
    OTHER: { description: 'Another reason; no criterion is reweighed' },
  },
});

@ObjectType({
  description: 'One criterion behind a score, with its share and a sentence in the requested language',
})
export class MatchReason {
  @Field({ description: 'The engine criterion, e.g. process, distance, certifications, ticket' })
  criterion: string;
  @Field({ description: 'forward: the counterpart suits you; reverse: you suit the counterpart' })
  direction: string;
  @Field(() => Float, { description: 'How well the criterion is met, 0..1' }) score: number;
  @Field(() => Float, { description: "The criterion's weight in its direction's score" }) weight: number;
  @Field(() => Float, { description: "The criterion's share of its direction's score" }) contribution: number;
  @Field({ description: 'Stable reason code' }) code: string;
  @Field({ description: 'The reason as a sentence, in the requested language' }) text: string;
}

@ObjectType({ description: 'An SME of a proposed cluster and its role in it' })
export class ClusterMemberObject {
  @Field(() => ID, { description: 'The member SME' }) organizationId: string;
  @Field({ description: 'ISIC division this member plays in the group' }) division: string;
  @Field({ description: 'The gap it fills: whom it supplies and buys from in the group' }) gap: string;
}

@ObjectType('ClusterProposal', {
  description: 'A proposed group of 3 to 12 complementary SMEs of one region along a value chain',
})
export class ClusterProposalObject {
  @Field(() => ID, { description: 'Proposal id; it changes when the members change' }) id: string;
  @Field(() => String, { nullable: true, description: 'The value chain the members form, if one fits' })
  valueChain: string | null;
  @Field(() => [String], { description: 'ISIC divisions the members cover' }) divisions: string[];
  @Field(() => [String], { description: 'ISIC divisions of the value chain no member covers yet' })
  missingDivisions: string[];
  @Field({ description: "ISO 3166-1 alpha-2 code of the members' country" }) country: string;
  @Field(() => String, { nullable: true, description: "ISO 3166-2 code of the members' region" })
  regionCode: string | null;
  @Field(() => ID, { nullable: true, description: "A support institution serving the members' sectors" })
  supportInstitutionId: string | null;
  @Field(() => String, { nullable: true, description: 'Why that institution, as a sentence' })
  supportInstitutionReason: string | null;
  @Field(() => ID, { nullable: true, description: 'A financier whose programmes fit the members' })
  financierId: string | null;
  @Field(() => String, { nullable: true, description: 'Why that financier, as a sentence' })
  financierReason: string | null;
  @Field(() => Float, { description: 'How tightly the members are linked, 0 to 1' }) cohesion: number;
  @Field({ description: 'The proposal in one sentence, in the requested language' }) summary: string;
  @Field(() => [ClusterMemberObject], { description: 'The members and the gap each fills' })
  members: ClusterMemberObject[];
  @Field({ description: 'When the proposal was computed' }) computedAt: Date;
}

@ObjectType('Suggestion', {
  description: "A ranked counterpart for an organisation, seen by that organisation's members and organisers",
})
export class SuggestionObject {
  @Field(() => ID, { description: 'Suggestion id, for the verdict mutations' }) id: string;
  @Field(() => ID, { description: 'The organisation the suggestion is for' }) organizationId: string;
  @Field(() => SuggestionKindEnum, { description: 'What it proposes' }) kind: string;
  @Field(() => SuggestionRoleEnum, { nullable: true, description: 'What the counterpart is to you' })
  role: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The organisation suggested; null for a cluster (see clusterId)',
  })
  counterpartId: string | null;
  @Field(() => ID, { nullable: true, description: 'The subcontracting request the suggestion is about' })
  opportunityId: string | null;
  @Field(() => ID, { nullable: true, description: 'CLUSTER: the proposal, see clusterProposals' })
  clusterId: string | null;
  @Field(() => Float, { description: 'Overall fit, 0 to 1' }) score: number;
  @Field(() => Int, { description: 'Position in the list, 1 for the best' }) rank: number;
  @Field(() => [MatchReason], {
    description:
      "Why, strongest first. Empty for a financier's candidates unless you are its member: they quote its private criteria",
  })
  reasons: MatchReason[];
  @Field({ description: 'When it was computed' }) computedAt: Date;
  @Field(() => VerdictEnum, { nullable: true, description: 'Your verdict, once given' }) verdict:
    string | null;
  @Field(() => ID, { nullable: true, description: 'The contact request opened on acceptance' })
  contactRequestId: string | null;
  @Field(() => ID, { nullable: true, description: 'MEETING: the forum edition' }) editionId: string | null;
  @Field(() => ID, { nullable: true, description: 'MEETING: your delegate the suggestion is for' })
  delegateId: string | null;
  @Field(() => ID, { nullable: true, description: 'MEETING: the delegate to meet' })
  counterpartDelegateId: string | null;
  @Field(() => ID, { nullable: true, description: 'MEETING: the meeting request opened on acceptance' })
  meetingRequestId: string | null;
}

@ObjectType({ description: 'A suggestion in a page of suggestions' })
export class SuggestionEdge {
  @Field({ description: 'Opaque position of this suggestion, for `after`' }) cursor: string;
  @Field(() => SuggestionObject, { description: 'The suggestion' }) node: SuggestionObject;
}

@ObjectType({ description: 'A page of suggestions, best first' })
export class SuggestionConnection {
  @Field(() => [SuggestionEdge], { description: 'The suggestions of this page' }) edges: SuggestionEdge[];
  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to ask for them' })
  pageInfo: PageInfo;
}

@ObjectType({ description: 'A verdict recorded on a suggestion' })
export class SuggestionFeedbackResult {
  @Field(() => ID, { description: 'The suggestion' }) suggestionId: string;
  @Field(() => VerdictEnum, { description: 'The verdict recorded' }) verdict: string;
  @Field(() => ID, { nullable: true, description: 'The contact request opened on acceptance' })
  contactRequestId: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The meeting request opened on accepting a MEETING suggestion',
  })
  meetingRequestId: string | null;
}

@InputType({ description: "A financier's private screening criteria; an omitted field sets no condition" })
export class FinancierCriteriaInput {
  @Field(() => [String], { nullable: true, description: 'ISIC Rev.4 sections or divisions' })
  sectors?: string[];
  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2; empty means anywhere' })
  countries?: string[];
  @Field(() => [StageEnum], { nullable: true, description: 'Company stages invested in' }) stages?: string[];
  @Field(() => Float, { nullable: true, description: 'Smallest ticket, in `currency`' }) ticketMin?: number;
  @Field(() => Float, { nullable: true, description: 'Largest ticket, in `currency`' }) ticketMax?: number;
  @Field(() => CurrencyEnum, { nullable: true, description: 'Currency of the ticket sizes' })
  currency?: string;
  @Field(() => [InstrumentEnum], { nullable: true, description: 'Instruments offered' })
  instruments?: string[];
  @Field(() => Int, { nullable: true, description: 'Minimum years since founding' }) minAgeYears?: number;
  @Field(() => String, { nullable: true, description: `One of ${EMPLOYEE_BANDS.join(', ')}` })
  minEmployeeBand?: string;
  @Field(() => [CertificationEnum], { nullable: true, description: 'An SME must hold all of these' })
  requiredCertifications?: string[];
  @Field(() => [CertificationEnum], { nullable: true, description: 'Count in the score; exclude nobody' })
  preferredCertifications?: string[];
  @Field(() => Boolean, { nullable: true, description: 'Weigh R&D and intellectual property' })
  innovationWanted?: boolean;
  @Field(() => Int, { nullable: true, description: 'Minimum patents held' }) minPatents?: number;
}

@ObjectType('FinancierCriteria', {
  description:
    "A financier's screening criteria, visible to its members only; empty or null sets no condition",
})
export class FinancierCriteriaObject {
  @Field(() => [String], { description: 'ISIC Rev.4 sections or divisions' }) sectors: string[];
  @Field(() => [String], { description: 'ISO 3166-1 alpha-2; empty means anywhere' }) countries: string[];
  @Field(() => [StageEnum], { description: 'Company stages invested in' }) stages: string[];
  @Field(() => Float, { nullable: true, description: 'Smallest ticket, in `currency`' }) ticketMin:
    number | null;
  @Field(() => Float, { nullable: true, description: 'Largest ticket, in `currency`' }) ticketMax:
    number | null;
  @Field(() => CurrencyEnum, { nullable: true, description: 'Currency of the ticket sizes' })
  currency: string | null;
  @Field(() => [InstrumentEnum], { description: 'Instruments offered' }) instruments: string[];
  @Field(() => Int, { nullable: true, description: 'Minimum years since founding' }) minAgeYears:
    number | null;
  @Field(() => String, { nullable: true, description: `One of ${EMPLOYEE_BANDS.join(', ')}` })
  minEmployeeBand: string | null;
  @Field(() => [CertificationEnum], { description: 'An SME must hold all of these' })
  requiredCertifications: string[];
  @Field(() => [CertificationEnum], { description: 'Count in the score; exclude nobody' })
  preferredCertifications: string[];
  @Field(() => Boolean, { nullable: true, description: 'Weigh R&D and intellectual property' })
  innovationWanted: boolean | null;
  @Field(() => Int, { nullable: true, description: 'Minimum patents held' }) minPatents: number | null;
}

@ObjectType('FinancierScreening', {
  description: "A financier's screening criteria, visible to its members only",
})
export class FinancierScreeningObject extends FinancierCriteriaObject {
  @Field(() => ID, { description: 'The financier' }) organizationId: string;
  @Field({ description: 'When the criteria last changed' }) updatedAt: Date;
}

@InputType({ description: 'A saved search of a financier: criteria that raise an alert when an SME matches' })
export class SavedSearchInput {
  @Field({ description: 'Name shown to the financier' }) name: string;
  @Field(() => String, { nullable: true, description: 'Words the SME profile must contain' }) query?: string;
  @Field(() => FinancierCriteriaInput, { description: 'What a matching SME must meet' })
  criteria: FinancierCriteriaInput;
  @Field(() => Float, { nullable: true, description: 'Alert only above this score (0..1, default 0.5)' })
  minScore?: number;
  @Field(() => Boolean, { nullable: true, description: 'Alerts and their mails on (the default) or off' })
  alertsEnabled?: boolean;
}

@ObjectType('SavedSearch', { description: "A financier's saved search, visible to its members only" })
export class SavedSearchObject {
  @Field(() => ID, { description: 'Saved search id' }) id: string;
  @Field(() => ID, { description: 'The financier' }) organizationId: string;
  @Field({ description: 'Name shown to the financier' }) name: string;
  @Field(() => String, { nullable: true, description: 'Words the SME profile must contain' })
  query: string | null;
  @Field(() => FinancierCriteriaObject, { description: 'What a matching SME must meet' })
  criteria: FinancierCriteriaObject;
  @Field(() => Float, { description: 'Alert only above this score, 0 to 1' }) minScore: number;
  @Field({ description: 'Whether matches raise alerts and mails' }) alertsEnabled: boolean;
  @Field({ description: 'When it was saved' }) createdAt: Date;
  @Field({ description: 'When it last changed' }) updatedAt: Date;
}

@ObjectType('SavedSearchAlert', { description: 'An SME that newly matched a saved search' })
export class SavedSearchAlertObject {
  @Field(() => ID, { description: 'Alert id' }) id: string;
  @Field(() => ID, { description: 'The saved search matched' }) savedSearchId: string;
  @Field(() => ID, { description: 'The SME that matched' }) organizationId: string;
  @Field(() => Float, { description: 'How well it matched, 0 to 1' }) score: number;
  @Field({ description: 'When it matched' }) createdAt: Date;
  @Field(() => Date, {
    nullable: true,
    description: 'When the alert was marked seen; nothing marks it yet, so null',
  })
  seenAt: Date | null;
}
