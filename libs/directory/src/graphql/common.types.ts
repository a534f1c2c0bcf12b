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

const asEnum = <T extends readonly string[]>(codes: T) =>
  Object.fromEntries(codes.map((c) => [c, c])) as { [K in T[number]]: K };

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

registerEnumType(LangEnum, { name: 'Lang', description: 'Language of text and labels' });
registerEnumType(OrganizationKindEnum, { name: 'OrganizationKind' });
registerEnumType(OrganizationSubtypeEnum, { name: 'OrganizationSubtype' });
registerEnumType(OrganizationStatusEnum, { name: 'OrganizationStatus' });
registerEnumType(ProcessEnum, {
  name: 'Process',
  description: 'Manufacturing process or service capability',
});
registerEnumType(CertificationEnum, { name: 'Certification' });
registerEnumType(InstrumentEnum, { name: 'FinancingInstrument' });
registerEnumType(StageEnum, { name: 'CompanyStage' });
registerEnumType(OpportunityTypeEnum, { name: 'OpportunityType' });
registerEnumType(OpportunityStatusEnum, { name: 'OpportunityStatus' });
registerEnumType(SupportServiceEnum, {
  name: 'SupportService',
  description: 'A service a support institution offers SMEs through a programme',
});
registerEnumType(SupportCostEnum, { name: 'SupportCost', description: 'What a programme costs the SME' });
registerEnumType(CurrencyEnum, { name: 'Currency', description: 'ISO 4217 currency code' });

@ObjectType({ description: 'Text given in Arabic, French and/or English' })
export class LocalizedText {
  @Field(() => String, { nullable: true }) ar: string | null;
  @Field(() => String, { nullable: true }) fr: string | null;
  @Field(() => String, { nullable: true }) en: string | null;
}

@InputType()
export class LocalizedTextInput {
  @Field(() => String, { nullable: true }) ar?: string | null;
  @Field(() => String, { nullable: true }) fr?: string | null;
  @Field(() => String, { nullable: true }) en?: string | null;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

/** Opaque cursor over (created_at, id), the order of every directory listing. */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

// Exactly what encodeCursor writes: a forged date outside PostgreSQL's range or a malformed id
// would otherwise reach the query and fail there.
const CURSOR =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const m = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const createdAt = new Date(m?.[1] ?? '');
  if (!m || Number.isNaN(createdAt.getTime())) return null;
  return { createdAt, id: m[2] };
}
