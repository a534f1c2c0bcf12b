import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  CertificationEnum,
  CurrencyEnum,
  LocalizedText,
  LocalizedTextInput,
  OpportunityStatusEnum,
  OpportunityTypeEnum,
  ProcessEnum,
} from '../graphql/common.types.js';
import { PageInfo } from '#platform';

@ObjectType('Opportunity', { description: 'An offer or a need published by an organisation' })
export class OpportunityObject {
  @Field(() => ID, { description: 'Opportunity id' }) id: string;
  @Field(() => ID, { description: 'The publishing organisation' }) organizationId: string;
  @Field(() => OpportunityTypeEnum, { description: 'What is offered or sought' }) type: string;
  @Field(() => OpportunityStatusEnum, { description: 'Lifecycle status' }) status: string;
  @Field(() => LocalizedText, { description: 'Title in each language given' }) title: LocalizedText;
  @Field(() => LocalizedText, { description: 'Description in each language given' })
  description: LocalizedText;
  @Field(() => [String], { description: 'ISIC Rev.4 sections or divisions concerned' }) sectors: string[];
  @Field(() => [ProcessEnum], { description: 'Manufacturing processes concerned' }) processes: string[];
  @Field(() => Float, { nullable: true, description: 'Volume offered or needed, in `quantityUnit`' })
  quantity: number | null;
  @Field(() => String, { nullable: true, description: 'Unit of `quantity`, e.g. t, kg, pieces, per month' })
  quantityUnit: string | null;
  @Field(() => Float, { nullable: true, description: 'Budget or value, in `currency`' }) amount:
    number | null;
  @Field(() => CurrencyEnum, { nullable: true, description: 'Currency of `amount`' }) currency: string | null;
  @Field(() => [String], { description: 'Countries the opportunity is limited to; empty means any' })
  countries: string[];
  @Field(() => [CertificationEnum], { description: 'Subcontracting: certifications a supplier must hold' })
  requiredCertifications: string[];
  @Field(() => [ProcessEnum], { description: 'Subcontracting: processes a supplier must master' })
  requiredProcesses: string[];
  @Field(() => [String], { description: 'Subcontracting: materials to work, in any language' })
  materials: string[];
  @Field(() => [String], { description: 'Subcontracting: wilayas a supplier must be in; empty means any' })
  regionCodes: string[];
  @Field(() => [CertificationEnum], {
    description:
      'Subcontracting: certifications wished for; they raise a supplier in the ranking, never exclude one',
  })
  preferredCertifications: string[];
  @Field(() => [String], {
    description:
      'Subcontracting: wilayas wished for (DZ-16); a supplier there ranks as a neighbour, others stay in',
  })
  preferredRegionCodes: string[];
  @Field(() => String, { nullable: true, description: 'Deadline for answers, YYYY-MM-DD' }) deadline:
    string | null;
  @Field(() => String, { nullable: true, description: 'After this date it leaves search until renewed' })
  expiresAt: string | null;
  @Field({ description: 'Withdrawn by its organisation; no longer searchable' }) archived: boolean;
  @Field(() => Int, { description: 'Grows with each change; pass it as expectedVersion to update safely' })
  version: number;
  @Field({ description: 'When it was published' }) createdAt: Date;
  @Field({ description: 'When it last changed' }) updatedAt: Date;
}

@ObjectType({ description: 'An opportunity in a page of opportunities' })
export class OpportunityEdge {
  @Field({ description: 'Opaque position of this opportunity, for `after`' }) cursor: string;
  @Field(() => OpportunityObject, { description: 'The opportunity' }) node: OpportunityObject;
}

@ObjectType({ description: 'A page of opportunities, newest first' })
export class OpportunityConnection {
  @Field(() => [OpportunityEdge], { description: 'The opportunities of this page' }) edges: OpportunityEdge[];
  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to ask for them' })
  pageInfo: PageInfo;
}

@InputType({ isAbstract: true })
class OpportunityFieldsInput {
  @Field(() => LocalizedTextInput, { nullable: true, description: 'At most 5,000 characters per language' })
  description?: LocalizedTextInput;
  @Field(() => [String], { nullable: true, description: 'ISIC Rev.4 sections or divisions, at most 10' })
  sectors?: string[];
  @Field(() => [ProcessEnum], { nullable: true, description: 'Processes concerned, at most 10' })
  processes?: string[];
  @Field(() => Float, { nullable: true, description: 'Volume offered or needed, in `quantityUnit`' })
  quantity?: number;
  @Field(() => String, { nullable: true, description: 'Unit of `quantity`, at most 30 characters, e.g. t' })
  quantityUnit?: string;
  @Field(() => Float, { nullable: true, description: 'Budget or value, in `currency`' }) amount?: number;
  @Field(() => CurrencyEnum, { nullable: true, description: 'Currency of `amount`' }) currency?: string;
  @Field(() => [String], {
    nullable: true,
    description: 'ISO 3166-1 alpha-2 codes it is limited to; empty means any',
  })
  countries?: string[];
  @Field(() => [CertificationEnum], {
    nullable: true,
    description: 'Subcontracting: certifications a supplier must hold (never relaxed)',
  })
  requiredCertifications?: string[];
  @Field(() => [ProcessEnum], {
    nullable: true,
    description: 'Subcontracting: processes a supplier must master (never relaxed)',
  })
  requiredProcesses?: string[];
  @Field(() => [String], { nullable: true, description: 'Subcontracting: materials to work, at most 30' })
  materials?: string[];
  @Field(() => [String], { nullable: true, description: 'Wilaya codes (DZ-16)' }) regionCodes?: string[];
  @Field(() => [CertificationEnum], {
    nullable: true,
    description: 'Subcontracting: certifications wished for; they rank, never exclude',
  })
  preferredCertifications?: string[];
  @Field(() => [String], { nullable: true, description: 'Wilaya codes (DZ-16)' })
  preferredRegionCodes?: string[];
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) deadline?: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) expiresAt?: string;
  @Field(() => OpportunityStatusEnum, { nullable: true, description: 'Lifecycle status; new ones are OPEN' })
  status?: string;
}

@InputType({ description: 'A new opportunity, published at once by a member of the organisation' })
export class CreateOpportunityInput extends OpportunityFieldsInput {
  @Field(() => ID, { description: 'Your organisation, publishing it' }) organizationId: string;
  @Field(() => OpportunityTypeEnum, { description: 'What is offered or sought' }) type: string;
  @Field(() => LocalizedTextInput, { description: 'At least one language, at most 200 characters each' })
  title: LocalizedTextInput;
}

@InputType({ description: 'Changes to an opportunity; omitted fields keep their value' })
export class UpdateOpportunityInput extends OpportunityFieldsInput {
  @Field(() => ID, { description: 'The opportunity' }) id: string;
  @Field(() => Int, {
    nullable: true,
    description: 'The version you edited; CONFLICT (with currentVersion) when it changed since',
  })
  expectedVersion?: number;
  @Field(() => LocalizedTextInput, { nullable: true, description: 'At most 200 characters per language' })
  title?: LocalizedTextInput;
}

@InputType({ description: 'Narrows a listing of opportunities; conditions are AND-ed' })
export class OpportunityFilter {
  @Field(() => [OpportunityTypeEnum], { nullable: true, description: 'Any of these types' }) types?: string[];
  @Field(() => [OpportunityStatusEnum], { nullable: true, description: 'Any of these statuses' })
  statuses?: string[];
  @Field(() => ID, { nullable: true, description: 'Only this organisation' }) organizationId?: string;
  @Field({ nullable: true, description: 'Include archived ones (default false)' }) includeArchived?: boolean;
}
