import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import {
  CertificationEnum,
  CurrencyEnum,
  InstrumentEnum,
  LocalizedTextInput,
  OrganizationKindEnum,
  OrganizationSubtypeEnum,
  ProcessEnum,
  StageEnum,
  SupportCostEnum,
  SupportServiceEnum,
} from '../graphql/common.types.js';

/* Shapes only: bounds, codes and cross-field rules are checked by organisation.schema.ts. */

@InputType()
export class CapabilityInput {
  @Field(() => ProcessEnum) process: string;
  @Field(() => [String], { nullable: true }) materials?: string[];
  @Field(() => [String], { nullable: true }) machines?: string[];
  @Field(() => Float, { nullable: true }) monthlyCapacity?: number;
  @Field(() => String, { nullable: true }) capacityUnit?: string;
}

@InputType()
export class InnovationInput {
  @Field({ nullable: true }) rdActivity?: boolean;
  @Field(() => Int, { nullable: true }) patents?: number;
  @Field(() => Int, { nullable: true }) utilityModels?: number;
  @Field(() => Int, { nullable: true }) trademarks?: number;
  @Field(() => Int, { nullable: true }) industrialDesigns?: number;
}

@InputType()
export class ProgrammeInput {
  @Field(() => LocalizedTextInput) name: LocalizedTextInput;
  @Field(() => LocalizedTextInput, { nullable: true }) description?: LocalizedTextInput;
  @Field(() => [String], { nullable: true }) sectors?: string[];
  @Field(() => [SupportServiceEnum], { nullable: true, description: 'Services the programme offers SMEs' })
  services?: string[];
  @Field(() => [StageEnum], { nullable: true, description: 'Stages admitted; empty admits every stage' })
  stages?: string[];
  @Field(() => [String], { nullable: true, description: 'Algerian wilayas targeted (DZ-NN)' })
  regionCodes?: string[];
  @Field({ nullable: true, description: 'Only SMEs of regionCodes are eligible; needs regionCodes' })
  reserved?: boolean;
  @Field(() => SupportCostEnum, { nullable: true, description: 'What it costs the SME' }) cost?: string;
  @Field(() => [CertificationEnum], { nullable: true, description: 'Schemes the programme prepares for' })
  certifications?: string[];
}

@InputType({ description: 'A past collaboration: the partner by its import ref, and the year' })
export class CollaborationInput {
  @Field({ description: "The partner's import ref" }) ref: string;
  @Field(() => Int, { description: 'Year of the collaboration' }) year: number;
}

@InputType()
export class FinancierTermsInput {
  @Field(() => [InstrumentEnum], { nullable: true }) instruments?: string[];
  @Field(() => Float, { nullable: true }) ticketMin?: number;
  @Field(() => Float, { nullable: true }) ticketMax?: number;
  @Field(() => CurrencyEnum, { nullable: true }) currency?: string;
  @Field(() => [String], { nullable: true }) targetSectors?: string[];
  @Field(() => [String], { nullable: true }) targetCountries?: string[];
  @Field(() => [StageEnum], { nullable: true }) stages?: string[];
}

@InputType()
export class ContactPersonInput {
  @Field() name: string;
  @Field(() => String, { nullable: true }) role?: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => String, { nullable: true }) phone?: string;
}

@InputType({ isAbstract: true })
class OrganizationFieldsInput {
  @Field(() => OrganizationSubtypeEnum, { nullable: true }) subtype?: string;
  @Field(() => LocalizedTextInput, { nullable: true }) description?: LocalizedTextInput;
  @Field(() => String, { nullable: true, description: 'ISO 3166-2 wilaya code (DZ-NN), for Algeria' })
  regionCode?: string;
  @Field(() => String, { nullable: true, description: 'Free-text region outside Algeria' }) region?: string;
  @Field(() => String, { nullable: true }) city?: string;
  @Field(() => [String], { nullable: true, description: 'ISIC Rev.4 section letters or division codes' })
  sectors?: string[];
  @Field(() => String, { nullable: true, description: 'One of 1-9, 10-49, 50-249, 250-999, 1000+' })
  employeeBand?: string;
  @Field(() => Int, { nullable: true }) foundedYear?: number;
  @Field(() => String, { nullable: true }) website?: string;
  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes of spoken languages' })
  languages?: string[];
  @Field(() => [CertificationEnum], { nullable: true }) certifications?: string[];
  @Field(() => [CertificationEnum], { nullable: true, description: 'Certifications aimed for, not yet held' })
  targetCertifications?: string[];
  @Field(() => [CollaborationInput], {
    nullable: true,
    description: 'Past collaborations, partners named by their import ref',
  })
  collaborations?: CollaborationInput[];
  @Field(() => InnovationInput, { nullable: true }) innovation?: InnovationInput;
  @Field(() => [CapabilityInput], { nullable: true }) capabilities?: CapabilityInput[];
  @Field(() => [String], { nullable: true }) purchasingCategories?: string[];
  @Field(() => [String], { nullable: true }) services?: string[];
  @Field(() => [ProgrammeInput], { nullable: true }) programmes?: ProgrammeInput[];
  @Field(() => FinancierTermsInput, { nullable: true }) financier?: FinancierTermsInput;
  @Field(() => [ContactPersonInput], { nullable: true }) contacts?: ContactPersonInput[];
}

@InputType()
export class CreateOrganizationInput extends OrganizationFieldsInput {
  @Field(() => OrganizationKindEnum) kind: string;
  @Field(() => LocalizedTextInput) name: LocalizedTextInput;
  @Field({ description: 'ISO 3166-1 alpha-2' }) country: string;
}

@InputType()
export class UpdateOrganizationInput extends OrganizationFieldsInput {
  @Field(() => ID) id: string;
  @Field(() => Int, {
    nullable: true,
    description: 'The version you edited; a newer one in the store gives CONFLICT',
  })
  expectedVersion?: number;
  @Field(() => LocalizedTextInput, { nullable: true }) name?: LocalizedTextInput;
  @Field({ nullable: true }) country?: string;
}

@InputType()
export class OrganizationFilter {
  @Field(() => [OrganizationKindEnum], { nullable: true }) kinds?: string[];
  @Field(() => [String], { nullable: true }) countries?: string[];
  @Field(() => [String], { nullable: true }) regionCodes?: string[];
  @Field(() => [String], {
    nullable: true,
    description: 'ISIC section or division; a section matches its divisions',
  })
  sectors?: string[];
  @Field(() => [ProcessEnum], { nullable: true }) processes?: string[];
  @Field(() => [CertificationEnum], { nullable: true }) certifications?: string[];
  @Field({ nullable: true, description: 'Include archived organisations' }) includeArchived?: boolean;
}
