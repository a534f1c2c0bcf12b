import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  CertificationEnum,
  CurrencyEnum,
  InstrumentEnum,
  LocalizedText,
  OrganizationKindEnum,
  OrganizationStatusEnum,
  OrganizationSubtypeEnum,
  PageInfo,
  ProcessEnum,
  StageEnum,
  SupportCostEnum,
  SupportServiceEnum,
} from '../graphql/common.types.js';

@ObjectType()
export class CapabilityType {
  @Field(() => ProcessEnum) process: string;
  @Field(() => [String]) materials: string[];
  @Field(() => [String]) machines: string[];
  @Field(() => Float, { nullable: true }) monthlyCapacity: number | null;
  @Field(() => String, { nullable: true }) capacityUnit: string | null;
}

@ObjectType()
export class InnovationType {
  @Field() rdActivity: boolean;
  @Field(() => Int) patents: number;
  @Field(() => Int) utilityModels: number;
  @Field(() => Int) trademarks: number;
  @Field(() => Int) industrialDesigns: number;
}

@ObjectType()
export class ProgrammeType {
  @Field(() => LocalizedText) name: LocalizedText;
  @Field(() => LocalizedText) description: LocalizedText;
  @Field(() => [String]) sectors: string[];
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

@ObjectType()
export class FinancierTermsType {
  @Field(() => [InstrumentEnum]) instruments: string[];
  @Field(() => Float, { nullable: true }) ticketMin: number | null;
  @Field(() => Float, { nullable: true }) ticketMax: number | null;
  @Field(() => CurrencyEnum, { nullable: true }) currency: string | null;
  @Field(() => [String]) targetSectors: string[];
  @Field(() => [String]) targetCountries: string[];
  @Field(() => [StageEnum]) stages: string[];
}

@ObjectType({ description: 'A person to contact at an organisation (private data)' })
export class ContactPersonType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) role: string | null;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => String, { nullable: true }) phone: string | null;
}

@ObjectType('Organization')
export class OrganizationType {
  @Field(() => ID) id: string;
  @Field(() => OrganizationKindEnum) kind: string;
  @Field(() => OrganizationSubtypeEnum, { nullable: true }) subtype: string | null;
  @Field(() => OrganizationStatusEnum) status: string;
  @Field(() => LocalizedText) name: LocalizedText;
  @Field(() => LocalizedText) description: LocalizedText;
  @Field({ description: 'ISO 3166-1 alpha-2' }) country: string;
  @Field(() => String, { nullable: true, description: 'ISO 3166-2 code, for Algeria DZ-NN' }) regionCode:
    string | null;
  @Field(() => String, { nullable: true }) region: string | null;
  @Field(() => String, { nullable: true }) city: string | null;
  @Field(() => [String], { description: 'ISIC Rev.4 sections and divisions' }) sectors: string[];
  @Field(() => String, { nullable: true }) employeeBand: string | null;
  @Field(() => Int, { nullable: true }) foundedYear: number | null;
  @Field(() => String, { nullable: true }) website: string | null;
  @Field(() => [String]) languages: string[];
  @Field(() => [CertificationEnum]) certifications: string[];
  @Field(() => [CertificationEnum], { description: 'Certifications aimed for, not yet held' })
  targetCertifications: string[];
  @Field(() => [CollaborationType], {
    description: 'Past collaborations, partners named by their import ref',
  })
  collaborations: CollaborationType[];
  @Field(() => InnovationType) innovation: InnovationType;
  @Field(() => [CapabilityType]) capabilities: CapabilityType[];
  @Field(() => [String]) purchasingCategories: string[];
  @Field(() => [String]) services: string[];
  @Field(() => [ProgrammeType]) programmes: ProgrammeType[];
  @Field(() => FinancierTermsType, { nullable: true }) financier: FinancierTermsType | null;
  @Field(() => Int, { description: 'Increases with every change; send it back to detect concurrent edits' })
  version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Date, { nullable: true, description: 'When an organiser approved or rejected it' })
  reviewedAt: Date | null;
  @Field(() => String, {
    nullable: true,
    description: "The organiser's note on approval or rejection (organisers only; null for anyone else)",
  })
  reviewNote: string | null;
}

@ObjectType()
export class OrganizationEdge {
  @Field() cursor: string;
  @Field(() => OrganizationType) node: OrganizationType;
}

@ObjectType()
export class OrganizationConnection {
  @Field(() => [OrganizationEdge]) edges: OrganizationEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}
