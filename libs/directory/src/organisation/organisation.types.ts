import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  CertificationEnum,
  CurrencyEnum,
  InstrumentEnum,
  LocalizedText,
  OrganizationKindEnum,
  OrganizationStatusEnum,
  OrganizationSubtypeEnum,
  ProcessEnum,
  StageEnum,
  SupportCostEnum,
  SupportServiceEnum,
} from '../graphql/common.types.js';
import { PageInfo } from '#platform';

@ObjectType({ description: 'A manufacturing process an organisation offers' })
export class CapabilityType {
  @Field(() => ProcessEnum, { description: 'The process offered' }) process: string;
  @Field(() => [String], { description: 'Materials worked, in any language' }) materials: string[];
  @Field(() => [String], { description: 'Main machines, in any language' }) machines: string[];
  @Field(() => Float, { nullable: true, description: 'Output per month, in `capacityUnit`' })
  monthlyCapacity: number | null;
  @Field(() => String, { nullable: true, description: 'Unit of `monthlyCapacity`, e.g. t, kg, pieces' })
  capacityUnit: string | null;
}

@ObjectType({ description: 'Research, development and intellectual property of an organisation' })
export class InnovationType {
  @Field({ description: 'Declares research and development' }) rdActivity: boolean;
  @Field(() => Int, { description: 'Patents held' }) patents: number;
  @Field(() => Int, { description: 'Utility models held' }) utilityModels: number;
  @Field(() => Int, { description: 'Registered trademarks' }) trademarks: number;
  @Field(() => Int, { description: 'Registered industrial designs' }) industrialDesigns: number;
}

@ObjectType({ description: "A support institution's programme for SMEs" })
export class ProgrammeType {
  @Field(() => LocalizedText, { description: 'Name in each language given' }) name: LocalizedText;
  @Field(() => LocalizedText, { description: 'Description in each language given' })
  description: LocalizedText;
  @Field(() => [String], { description: 'ISIC Rev.4 sections or divisions it serves' }) sectors: string[];
  @Field(() => [SupportServiceEnum], { description: 'Services the programme offers SMEs' })
  services: string[];
  @Field(() => [StageEnum], { description: 'Stages admitted; empty admits every stage' }) stages: string[];
  @Field(() => [String], { description: 'Wilayas targeted' }) regionCodes: string[];
  @Field({ description: 'Only SMEs of regionCodes are eligible' }) reserved: boolean;
  @Field(() => SupportCostEnum, {
    nullable: true,
    description: 'What it costs the SME; null when not stated',
  })
  cost: string | null;
  @Field(() => [CertificationEnum], { description: 'Schemes the programme prepares for' })
  certifications: string[];
}

@ObjectType({ description: 'A past collaboration: the partner by its import ref, and the year' })
export class CollaborationType {
  @Field({ description: "The partner's import ref" }) ref: string;
  @Field(() => Int, { description: 'Year of the collaboration' }) year: number;
}

@ObjectType({ description: 'The financing terms a financier publishes' })
export class FinancierTermsType {
  @Field(() => [InstrumentEnum], { description: 'Instruments offered' }) instruments: string[];
  @Field(() => Float, { nullable: true, description: 'Smallest ticket, in `currency`' }) ticketMin:
    number | null;
  @Field(() => Float, { nullable: true, description: 'Largest ticket, in `currency`' }) ticketMax:
    number | null;
  @Field(() => CurrencyEnum, { nullable: true, description: 'Currency of the ticket sizes' }) currency:
    string | null;
  @Field(() => [String], { description: 'ISIC Rev.4 sections or divisions invested in' })
  targetSectors: string[];
  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes invested in' }) targetCountries: string[];
  @Field(() => [StageEnum], { description: 'Company stages invested in' }) stages: string[];
}

@ObjectType({ description: 'A person to contact at an organisation (private data)' })
export class ContactPersonType {
  @Field(() => ID, { description: 'Contact person id' }) id: string;
  @Field({ description: 'Full name' }) name: string;
  @Field(() => String, { nullable: true, description: 'Position in the organisation' }) role: string | null;
  @Field(() => String, { nullable: true, description: 'Email address' }) email: string | null;
  @Field(() => String, { nullable: true, description: 'Phone number, international format preferred' })
  phone: string | null;
}

@ObjectType('Organization', {
  description:
    'A company or institution of the directory; ACTIVE ones are public, its contact persons only to those an accepted contact or meeting request links it with',
})
export class OrganizationType {
  @Field(() => ID, { description: 'Organisation id' }) id: string;
  @Field(() => OrganizationKindEnum, { description: 'What the organisation is' }) kind: string;
  @Field(() => OrganizationSubtypeEnum, {
    nullable: true,
    description: 'Finer kind, for support institutions, financiers and public bodies',
  })
  subtype: string | null;
  @Field(() => OrganizationStatusEnum, { description: 'Where it stands in review' }) status: string;
  @Field(() => LocalizedText, { description: 'Name in each language given' }) name: LocalizedText;
  @Field(() => LocalizedText, { description: 'Description in each language given' })
  description: LocalizedText;
  @Field({ description: 'ISO 3166-1 alpha-2' }) country: string;
  @Field(() => String, { nullable: true, description: 'ISO 3166-2 code, for Algeria DZ-NN' }) regionCode:
    string | null;
  @Field(() => String, { nullable: true, description: 'Region name, as written by the organisation' })
  region: string | null;
  @Field(() => String, { nullable: true, description: 'City, as written by the organisation' }) city:
    string | null;
  @Field(() => [String], { description: 'ISIC Rev.4 sections and divisions' }) sectors: string[];
  @Field(() => String, {
    nullable: true,
    description: 'Headcount band: 1-9, 10-49, 50-249, 250-999 or 1000+',
  })
  employeeBand: string | null;
  @Field(() => Int, { nullable: true, description: 'Year founded' }) foundedYear: number | null;
  @Field(() => String, { nullable: true, description: 'Web site address' }) website: string | null;
  @Field(() => [String], { description: 'Working languages, ISO 639 codes' }) languages: string[];
  @Field(() => [CertificationEnum], { description: 'Certifications held' }) certifications: string[];
  @Field(() => [CertificationEnum], { description: 'Certifications aimed for, not yet held' })
  targetCertifications: string[];
  @Field(() => [CollaborationType], {
    description: 'Past collaborations, partners named by their import ref',
  })
  collaborations: CollaborationType[];
  @Field(() => InnovationType, { description: 'Research, development and intellectual property' })
  innovation: InnovationType;
  @Field(() => [CapabilityType], { description: 'Processes offered, with materials, machines and capacity' })
  capabilities: CapabilityType[];
  @Field(() => [String], { description: 'What it buys, in any language' }) purchasingCategories: string[];
  @Field(() => [String], { description: 'Services it offers, in any language' }) services: string[];
  @Field(() => [ProgrammeType], { description: 'Support institutions: their programmes for SMEs' })
  programmes: ProgrammeType[];
  @Field(() => FinancierTermsType, { nullable: true, description: 'Financiers: the terms they publish' })
  financier: FinancierTermsType | null;
  @Field(() => Int, { description: 'Increases with every change; send it back to detect concurrent edits' })
  version: number;
  @Field({ description: 'When it was registered' }) createdAt: Date;
  @Field({ description: 'When it last changed' }) updatedAt: Date;
  @Field(() => Date, { nullable: true, description: 'When an organiser approved or rejected it' })
  reviewedAt: Date | null;
  @Field(() => String, {
    nullable: true,
    description: "The organiser's note on approval or rejection (organisers only; null for anyone else)",
  })
  reviewNote: string | null;
}

@ObjectType({ description: 'An organisation in a page of organisations' })
export class OrganizationEdge {
  @Field({ description: 'Opaque position of this organisation, for `after`' }) cursor: string;
  @Field(() => OrganizationType, { description: 'The organisation' }) node: OrganizationType;
}

@ObjectType({ description: 'A page of organisations' })
export class OrganizationConnection {
  @Field(() => [OrganizationEdge], { description: 'The organisations of this page' })
  edges: OrganizationEdge[];
  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to ask for them' })
  pageInfo: PageInfo;
}
