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

@InputType({ description: 'A manufacturing process offered' })
export class CapabilityInput {
  @Field(() => ProcessEnum, { description: 'The process offered' }) process: string;
  @Field(() => [String], { nullable: true, description: 'Materials worked, in any language' })
  materials?: string[];
  @Field(() => [String], { nullable: true, description: 'Main machines, in any language' })
  machines?: string[];
  @Field(() => Float, { nullable: true, description: 'Output per month, in `capacityUnit`' })
  monthlyCapacity?: number;
  @Field(() => String, { nullable: true, description: 'Unit of `monthlyCapacity`, e.g. t, kg, pieces' })
  capacityUnit?: string;
}

@InputType({ description: 'Research, development and intellectual property' })
export class InnovationInput {
  @Field({ nullable: true, description: 'Declares research and development' }) rdActivity?: boolean;
  @Field(() => Int, { nullable: true, description: 'Patents held' }) patents?: number;
  @Field(() => Int, { nullable: true, description: 'Utility models held' }) utilityModels?: number;
  @Field(() => Int, { nullable: true, description: 'Registered trademarks' }) trademarks?: number;
  @Field(() => Int, { nullable: true, description: 'Registered industrial designs' })
  industrialDesigns?: number;
}

@InputType({ description: "A support institution's programme for SMEs" })
export class ProgrammeInput {
  @Field(() => LocalizedTextInput, { description: 'Name, at least one language' }) name: LocalizedTextInput;
  @Field(() => LocalizedTextInput, { nullable: true, description: 'Description in each language given' })
  description?: LocalizedTextInput;
  @Field(() => [String], { nullable: true, description: 'ISIC Rev.4 sections or divisions it serves' })
  sectors?: string[];
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

@InputType({ description: 'The financing terms a financier publishes' })
export class FinancierTermsInput {
  @Field(() => [InstrumentEnum], { nullable: true, description: 'Instruments offered' })
  instruments?: string[];
  @Field(() => Float, { nullable: true, description: 'Smallest ticket, in `currency`' }) ticketMin?: number;
  @Field(() => Float, { nullable: true, description: 'Largest ticket, in `currency`' }) ticketMax?: number;
  @Field(() => CurrencyEnum, { nullable: true, description: 'Currency of the ticket sizes' })
  currency?: string;
  @Field(() => [String], { nullable: true, description: 'ISIC Rev.4 sections or divisions invested in' })
  targetSectors?: string[];
  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes invested in' })
  targetCountries?: string[];
  @Field(() => [StageEnum], { nullable: true, description: 'Company stages invested in' }) stages?: string[];
}

@InputType({ description: 'A person to contact at the organisation' })
export class ContactPersonInput {
  @Field({ description: 'Full name' }) name: string;
  @Field(() => String, { nullable: true, description: 'Position in the organisation' }) role?: string;
  @Field(() => String, { nullable: true, description: 'Email address' }) email?: string;
  @Field(() => String, { nullable: true, description: 'Phone number, international format preferred' })
  phone?: string;
}

@InputType({ isAbstract: true })
class OrganizationFieldsInput {
  @Field(() => OrganizationSubtypeEnum, {
    nullable: true,
    description: 'Finer kind, for support institutions, financiers and public bodies',
  })
  subtype?: string;
  @Field(() => LocalizedTextInput, { nullable: true, description: 'Description in each language given' })
  description?: LocalizedTextInput;
  @Field(() => String, { nullable: true, description: 'ISO 3166-2 wilaya code (DZ-NN), for Algeria' })
  regionCode?: string;
  @Field(() => String, { nullable: true, description: 'Free-text region outside Algeria' }) region?: string;
  @Field(() => String, { nullable: true, description: 'City, as written by the organisation' }) city?: string;
  @Field(() => [String], { nullable: true, description: 'ISIC Rev.4 section letters or division codes' })
  sectors?: string[];
  @Field(() => String, { nullable: true, description: 'One of 1-9, 10-49, 50-249, 250-999, 1000+' })
  employeeBand?: string;
  @Field(() => Int, { nullable: true, description: 'Year founded' }) foundedYear?: number;
  @Field(() => String, { nullable: true, description: 'Web site address' }) website?: string;
  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes of spoken languages' })
  languages?: string[];
  @Field(() => [CertificationEnum], { nullable: true, description: 'Certifications held' })
  certifications?: string[];
  @Field(() => [CertificationEnum], { nullable: true, description: 'Certifications aimed for, not yet held' })
  targetCertifications?: string[];
  @Field(() => [CollaborationInput], {
    nullable: true,
    description: 'Past collaborations, partners named by their import ref',
  })
  collaborations?: CollaborationInput[];
  @Field(() => InnovationInput, {
    nullable: true,
    description: 'Research, development and intellectual property',
  })
  innovation?: InnovationInput;
  @Field(() => [CapabilityInput], {
    nullable: true,
    description: 'Processes offered, with materials, machines and capacity',
  })
  capabilities?: CapabilityInput[];
  @Field(() => [String], { nullable: true, description: 'What it buys, in any language' })
  purchasingCategories?: string[];
  @Field(() => [String], { nullable: true, description: 'Services it offers, in any language' })
  services?: string[];
  @Field(() => [ProgrammeInput], {
    nullable: true,
    description: 'Support institutions: their programmes for SMEs',
  })
  programmes?: ProgrammeInput[];
  @Field(() => FinancierTermsInput, { nullable: true, description: 'Financiers: the terms they publish' })
  financier?: FinancierTermsInput;
  @Field(() => [ContactPersonInput], {
    nullable: true,
    description: 'Contact persons; they replace the previous ones',
  })
  contacts?: ContactPersonInput[];
}

@InputType({ description: 'A new organisation; it waits for review before it is public' })
export class CreateOrganizationInput extends OrganizationFieldsInput {
  @Field(() => OrganizationKindEnum, { description: 'What the organisation is' }) kind: string;
  @Field(() => LocalizedTextInput, { description: 'Name, at least one language' }) name: LocalizedTextInput;
  @Field({ description: 'ISO 3166-1 alpha-2' }) country: string;
}

@InputType({ description: 'Changes to an organisation; omitted fields keep their value' })
export class UpdateOrganizationInput extends OrganizationFieldsInput {
  @Field(() => ID, { description: 'The organisation' }) id: string;
  @Field(() => Int, {
    nullable: true,
    description: 'The version you edited; a newer one in the store gives CONFLICT',
  })
  expectedVersion?: number;
  @Field(() => LocalizedTextInput, {
    nullable: true,
    description: 'New name; on an approved organisation it waits for an organiser',
  })
  name?: LocalizedTextInput;
  @Field({
    nullable: true,
    description: 'ISO 3166-1 alpha-2; on an approved organisation it waits for an organiser',
  })
  country?: string;
}

@InputType({ description: 'Narrows a listing of organisations; conditions are AND-ed' })
export class OrganizationFilter {
  @Field(() => [OrganizationKindEnum], { nullable: true, description: 'Any of these kinds' })
  kinds?: string[];
  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes' }) countries?: string[];
  @Field(() => [String], { nullable: true, description: 'ISO 3166-2 region codes, e.g. DZ-16' })
  regionCodes?: string[];
  @Field(() => [String], {
    nullable: true,
    description: 'ISIC section or division; a section matches its divisions',
  })
  sectors?: string[];
  @Field(() => [ProcessEnum], { nullable: true, description: 'Offers any of these processes' })
  processes?: string[];
  @Field(() => [CertificationEnum], { nullable: true, description: 'Certifications held' })
  certifications?: string[];
  @Field({ nullable: true, description: 'Include archived organisations' }) includeArchived?: boolean;
}
