import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  CertificationEnum,
  CurrencyEnum,
  LocalizedText,
  LocalizedTextInput,
  OpportunityStatusEnum,
  OpportunityTypeEnum,
  PageInfo,
  ProcessEnum,
} from '../graphql/common.types.js';

@ObjectType('Opportunity', { description: 'An offer or a need published by an organisation' })
export class OpportunityObject {
  @Field(() => ID) id: string;
  @Field(() => ID) organizationId: string;
  @Field(() => OpportunityTypeEnum) type: string;
  @Field(() => OpportunityStatusEnum) status: string;
  @Field(() => LocalizedText) title: LocalizedText;
  @Field(() => LocalizedText) description: LocalizedText;
  @Field(() => [String]) sectors: string[];
  @Field(() => [ProcessEnum]) processes: string[];
  @Field(() => Float, { nullable: true }) quantity: number | null;
  @Field(() => String, { nullable: true }) quantityUnit: string | null;
  @Field(() => Float, { nullable: true }) amount: number | null;
  @Field(() => CurrencyEnum, { nullable: true }) currency: string | null;
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
  @Field(() => String, { nullable: true }) deadline: string | null;
  @Field(() => String, { nullable: true, description: 'After this date it leaves search until renewed' })
  expiresAt: string | null;
  @Field() archived: boolean;
  @Field(() => Int) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType()
export class OpportunityEdge {
  @Field() cursor: string;
  @Field(() => OpportunityObject) node: OpportunityObject;
}

@ObjectType()
export class OpportunityConnection {
  @Field(() => [OpportunityEdge]) edges: OpportunityEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@InputType({ isAbstract: true })
class OpportunityFieldsInput {
  @Field(() => LocalizedTextInput, { nullable: true }) description?: LocalizedTextInput;
  @Field(() => [String], { nullable: true }) sectors?: string[];
  @Field(() => [ProcessEnum], { nullable: true }) processes?: string[];
  @Field(() => Float, { nullable: true }) quantity?: number;
  @Field(() => String, { nullable: true }) quantityUnit?: string;
  @Field(() => Float, { nullable: true }) amount?: number;
  @Field(() => CurrencyEnum, { nullable: true }) currency?: string;
  @Field(() => [String], { nullable: true }) countries?: string[];
  @Field(() => [CertificationEnum], { nullable: true }) requiredCertifications?: string[];
  @Field(() => [ProcessEnum], { nullable: true }) requiredProcesses?: string[];
  @Field(() => [String], { nullable: true }) materials?: string[];
  @Field(() => [String], { nullable: true, description: 'Wilaya codes (DZ-16)' }) regionCodes?: string[];
  @Field(() => [CertificationEnum], { nullable: true }) preferredCertifications?: string[];
  @Field(() => [String], { nullable: true, description: 'Wilaya codes (DZ-16)' })
  preferredRegionCodes?: string[];
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) deadline?: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) expiresAt?: string;
  @Field(() => OpportunityStatusEnum, { nullable: true }) status?: string;
}

@InputType()
export class CreateOpportunityInput extends OpportunityFieldsInput {
  @Field(() => ID) organizationId: string;
  @Field(() => OpportunityTypeEnum) type: string;
  @Field(() => LocalizedTextInput) title: LocalizedTextInput;
}

@InputType()
export class UpdateOpportunityInput extends OpportunityFieldsInput {
  @Field(() => ID) id: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number;
  @Field(() => LocalizedTextInput, { nullable: true }) title?: LocalizedTextInput;
}

@InputType()
export class OpportunityFilter {
  @Field(() => [OpportunityTypeEnum], { nullable: true }) types?: string[];
  @Field(() => [OpportunityStatusEnum], { nullable: true }) statuses?: string[];
  @Field(() => ID, { nullable: true }) organizationId?: string;
  @Field({ nullable: true }) includeArchived?: boolean;
}
