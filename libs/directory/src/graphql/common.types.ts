import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  CERTIFICATIONS,
  COMPANY_STAGES,
  CURRENCIES,
  FINANCING_INSTRUMENTS,
  LANGS,
  OPPORTUNITY_STATUSES,
  OPPORTUNITY_TYPES,
  ORGANIZATION_KINDS,
  ORGANIZATION_STATUSES,
  ORGANIZATION_SUBTYPES,
  PROCESSES,
  SUPPORT_COSTS,
  SUPPORT_SERVICES,
} from '../taxonomy/codes.js';
import {
  CERTIFICATION_LABELS,
  INSTRUMENT_LABELS,
  KIND_LABELS,
  OPPORTUNITY_STATUS_LABELS,
  OPPORTUNITY_TYPE_LABELS,
  PROCESS_LABELS,
  STAGE_LABELS,
  SUBTYPE_LABELS,
} from '../taxonomy/labels.js';
import type { Labels } from '../taxonomy/taxonomy.js';

const asEnum = <T extends readonly string[]>(codes: T) =>
  Object.fromEntries(codes.map((c) => [c, c])) as { [K in T[number]]: K };

/** Enum value descriptions from a vocabulary's display labels: the English label, then the French. */
const labelled = (labels: Record<string, Labels>) =>
  Object.fromEntries(
    Object.entries(labels).map(([code, l]) => [code, { description: `${l.en} (fr: ${l.fr})` }]),
  );

export const LangEnum = asEnum(LANGS);
export const OrganizationKindEnum = asEnum(ORGANIZATION_KINDS);
export const OrganizationSubtypeEnum = asEnum(ORGANIZATION_SUBTYPES);
export const OrganizationStatusEnum = asEnum(ORGANIZATION_STATUSES);
export const ProcessEnum = asEnum(PROCESSES);
export const CertificationEnum = asEnum(CERTIFICATIONS);
export const InstrumentEnum = asEnum(FINANCING_INSTRUMENTS);
export const StageEnum = asEnum(COMPANY_STAGES);
export const OpportunityTypeEnum = asEnum(OPPORTUNITY_TYPES);
export const OpportunityStatusEnum = asEnum(OPPORTUNITY_STATUSES);
export const CurrencyEnum = asEnum(CURRENCIES);
export const SupportServiceEnum = asEnum(SUPPORT_SERVICES);
export const SupportCostEnum = asEnum(SUPPORT_COSTS);

registerEnumType(LangEnum, {
  name: 'Lang',
  description: 'Language of text and labels',
  valuesMap: { ar: { description: 'Arabic' }, fr: { description: 'French' }, en: { description: 'English' } },
});
registerEnumType(OrganizationKindEnum, {
  name: 'OrganizationKind',
  description: 'What an organisation is; it decides which profile fields and suggestions apply',
  valuesMap: labelled(KIND_LABELS),
});
registerEnumType(OrganizationSubtypeEnum, {
  name: 'OrganizationSubtype',
  description: 'Finer kind of a support institution, financier or public body',
  valuesMap: labelled(SUBTYPE_LABELS),
});
registerEnumType(OrganizationStatusEnum, {
  name: 'OrganizationStatus',
  description: 'Where an organisation stands in review; only ACTIVE ones are public and searchable',
  valuesMap: {
    PENDING: { description: 'Waiting for review by organisers; seen by its members and organisers only' },
    ACTIVE: { description: 'Approved: public and searchable' },
    REJECTED: { description: 'Refused by organisers with a reason; its owners may correct and resubmit it' },
    ARCHIVED: { description: 'Withdrawn: no longer public, kept for history' },
  },
});
registerEnumType(ProcessEnum, {
  name: 'Process',
  description: 'Manufacturing process or service capability',
  valuesMap: labelled(PROCESS_LABELS),
});
registerEnumType(CertificationEnum, {
  name: 'Certification',
  description: 'Management system or product certification',
  valuesMap: labelled(CERTIFICATION_LABELS),
});
registerEnumType(InstrumentEnum, {
  name: 'FinancingInstrument',
  description: 'Kind of financing a financier offers',
  valuesMap: labelled(INSTRUMENT_LABELS),
});
registerEnumType(StageEnum, {
  name: 'CompanyStage',
  description: 'Stage of development of a company',
  valuesMap: labelled(STAGE_LABELS),
});
registerEnumType(OpportunityTypeEnum, {
  name: 'OpportunityType',
  description: 'What an opportunity offers or seeks',
  valuesMap: labelled(OPPORTUNITY_TYPE_LABELS),
});
registerEnumType(OpportunityStatusEnum, {
  name: 'OpportunityStatus',
  description: 'Lifecycle of an opportunity',
  valuesMap: labelled(OPPORTUNITY_STATUS_LABELS),
});
registerEnumType(SupportServiceEnum, {
  name: 'SupportService',
  description: 'A service a support institution offers SMEs through a programme',
  valuesMap: {
    TECHNICAL_ASSISTANCE: { description: 'Diagnosis and technical assistance on production' },
    TESTING: { description: 'Testing, analyses and measurement' },
    TRAINING: { description: 'Training of staff and managers' },
    QUALITY_CERTIFICATION: { description: 'Quality management and preparation for certification' },
    CLEANER_PRODUCTION: { description: 'Cleaner production, energy and resource efficiency' },
    INCUBATION: { description: 'Incubation of young firms and project holders' },
    IP_ADVICE: { description: 'Intellectual property advice: patents, designs, trademarks' },
    TECHNOLOGY_TRANSFER: { description: 'Technology transfer from laboratories and partners' },
  },
});
registerEnumType(SupportCostEnum, {
  name: 'SupportCost',
  description: 'What a programme costs the SME',
  valuesMap: {
    FREE: { description: 'Free of charge' },
    SUBSIDISED: { description: 'Part of the price is paid by the programme' },
    PAID: { description: 'The SME pays the full price' },
  },
});
registerEnumType(CurrencyEnum, {
  name: 'Currency',
  description: 'ISO 4217 currency code',
  valuesMap: {
    DZD: { description: 'Algerian dinar' },
    EUR: { description: 'Euro' },
    USD: { description: 'US dollar' },
    SAR: { description: 'Saudi riyal' },
    AED: { description: 'UAE dirham' },
    QAR: { description: 'Qatari riyal' },
    KWD: { description: 'Kuwaiti dinar' },
    BHD: { description: 'Bahraini dinar' },
    OMR: { description: 'Omani rial' },
    EGP: { description: 'Egyptian pound' },
    MAD: { description: 'Moroccan dirham' },
    TND: { description: 'Tunisian dinar' },
    LYD: { description: 'Libyan dinar' },
    JOD: { description: 'Jordanian dinar' },
    LBP: { description: 'Lebanese pound' },
    IQD: { description: 'Iraqi dinar' },
    SYP: { description: 'Syrian pound' },
    SDG: { description: 'Sudanese pound' },
    MRU: { description: 'Mauritanian ouguiya' },
    YER: { description: 'Yemeni rial' },
    SOS: { description: 'Somali shilling' },
    DJF: { description: 'Djiboutian franc' },
    KMF: { description: 'Comorian franc' },
  },
});

@ObjectType({ description: 'Text given in Arabic, French and/or English' })
export class LocalizedText {
  @Field(() => String, { nullable: true, description: 'Arabic text, or null' }) ar: string | null;
  @Field(() => String, { nullable: true, description: 'French text, or null' }) fr: string | null;
  @Field(() => String, { nullable: true, description: 'English text, or null' }) en: string | null;
}

@InputType({
  description: 'Text in Arabic, French and/or English; at least one language is usually required',
})
export class LocalizedTextInput {
  @Field(() => String, { nullable: true, description: 'Arabic text' }) ar?: string | null;
  @Field(() => String, { nullable: true, description: 'French text' }) fr?: string | null;
  @Field(() => String, { nullable: true, description: 'English text' }) en?: string | null;
}
