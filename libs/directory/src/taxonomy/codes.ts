/**
 * Controlled vocabularies of the directory. Codes are stable identifiers stored in Postgres and
 * indexed in Meilisearch; labels in Arabic, French and English live in `taxonomy/labels.ts`.
 */
export const ORGANIZATION_KINDS = [
  'SME',
  'LARGE_FIRM',
  'SUPPORT_INSTITUTION',
  'FINANCIER',
  'PUBLIC_BODY',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const SUPPORT_SUBTYPES = [
  'INCUBATOR',
  'TECHNICAL_CENTRE',
  'INDUSTRIAL_PARK',
  'BUSINESS_AGENCY',
  'CHAMBER',
  'UNIVERSITY_LAB',
] as const;
export const FINANCIER_SUBTYPES = [
  'COMMERCIAL_BANK',
  'DEVELOPMENT_BANK',
  'INVESTMENT_FUND',
  'GUARANTEE_FUND',
  'LEASING',
  'MICROFINANCE',
  'ISLAMIC_FINANCE',
] as const;
export const PUBLIC_BODY_SUBTYPES = ['MINISTRY', 'PUBLIC_AGENCY'] as const;
export const ORGANIZATION_SUBTYPES = [
  ...SUPPORT_SUBTYPES,
  ...FINANCIER_SUBTYPES,
  ...PUBLIC_BODY_SUBTYPES,
] as const;
export type OrganizationSubtype = (typeof ORGANIZATION_SUBTYPES)[number];

/** Which subtypes a kind accepts; kinds absent here take no subtype. */
export const SUBTYPES_BY_KIND: Partial<Record<OrganizationKind, readonly OrganizationSubtype[]>> = {
  SUPPORT_INSTITUTION: SUPPORT_SUBTYPES,
  FINANCIER: FINANCIER_SUBTYPES,
  PUBLIC_BODY: PUBLIC_BODY_SUBTYPES,
};

/** Employee bands follow the EU/Algerian SME definitions (law 17-02): micro, small, medium, large. */
export const EMPLOYEE_BANDS = ['1-9', '10-49', '50-249', '250-999', '1000+'] as const;
export type EmployeeBand = (typeof EMPLOYEE_BANDS)[number];

export const PROCESSES = [
  'MACHINING',
  'CNC_MACHINING',
  'CASTING',
  'FORGING',
  'WELDING',
  'SHEET_METAL',
  'INJECTION_MOULDING',
  'EXTRUSION',
  'SURFACE_TREATMENT',
  'HEAT_TREATMENT',
  'ELECTRONICS_ASSEMBLY',
  'ELECTRICAL_WIRING',
  'FOOD_PROCESSING',
  'PACKAGING',
  'TEXTILE_GARMENT',
  'LEATHER',
  'CHEMICALS_FORMULATION',
  'PHARMA_MANUFACTURING',
  'WOODWORKING',
  'PRINTING',
  'ADDITIVE_MANUFACTURING',
  'ASSEMBLY',
  'SOFTWARE',
  'ENGINEERING_DESIGN',
  'TESTING_INSPECTION',
  'MAINTENANCE',
  'LOGISTICS',
  'CONSTRUCTION_MATERIALS',
  'GLASS_CERAMICS',
  'RECYCLING',
  'STEEL_STRUCTURES',
  'BOILERMAKING_PIPING',
  'MOULD_TOOLMAKING',
  'BLOW_MOULDING',
  'RUBBER_PRODUCTS',
  'ELECTRICAL_PANELS',
  'GRAIN_MILLING',
  'SPINNING_WEAVING',
  'TEXTILE_FINISHING',
  'FOOTWEAR',
  'PAPER_CARDBOARD',
] as const;
export type ProcessCode = (typeof PROCESSES)[number];

/** Process families give matchmaking partial credit between siblings (e.g. MACHINING ~ CNC_MACHINING). */
export const PROCESS_FAMILY: Record<ProcessCode, string> = {
  MACHINING: 'METAL_FORMING',
  CNC_MACHINING: 'METAL_FORMING',
  CASTING: 'METAL_FORMING',
  FORGING: 'METAL_FORMING',
  WELDING: 'METAL_FORMING',
  SHEET_METAL: 'METAL_FORMING',
  HEAT_TREATMENT: 'FINISHING',
  SURFACE_TREATMENT: 'FINISHING',
  INJECTION_MOULDING: 'PLASTICS',
  EXTRUSION: 'PLASTICS',
  ADDITIVE_MANUFACTURING: 'PLASTICS',
  ELECTRONICS_ASSEMBLY: 'ELECTRICAL',
  ELECTRICAL_WIRING: 'ELECTRICAL',
  ASSEMBLY: 'ELECTRICAL',
  FOOD_PROCESSING: 'AGRIFOOD',
  PACKAGING: 'AGRIFOOD',
  TEXTILE_GARMENT: 'TEXTILE',
  LEATHER: 'TEXTILE',
  CHEMICALS_FORMULATION: 'CHEMISTRY',
  PHARMA_MANUFACTURING: 'CHEMISTRY',
  WOODWORKING: 'MATERIALS',
  PRINTING: 'MATERIALS',
  CONSTRUCTION_MATERIALS: 'MATERIALS',
  GLASS_CERAMICS: 'MATERIALS',
  RECYCLING: 'MATERIALS',
  SOFTWARE: 'SERVICES',
  ENGINEERING_DESIGN: 'SERVICES',
  TESTING_INSPECTION: 'SERVICES',
  MAINTENANCE: 'SERVICES',
  LOGISTICS: 'SERVICES',
  STEEL_STRUCTURES: 'METAL_FORMING',
  BOILERMAKING_PIPING: 'METAL_FORMING',
  MOULD_TOOLMAKING: 'METAL_FORMING',
  BLOW_MOULDING: 'PLASTICS',
  RUBBER_PRODUCTS: 'PLASTICS',
  ELECTRICAL_PANELS: 'ELECTRICAL',
  GRAIN_MILLING: 'AGRIFOOD',
  SPINNING_WEAVING: 'TEXTILE',
  TEXTILE_FINISHING: 'TEXTILE',
  FOOTWEAR: 'TEXTILE',
  PAPER_CARDBOARD: 'MATERIALS',
};

export const CERTIFICATIONS = [
  'ISO_9001',
  'ISO_14001',
  'ISO_45001',
  'ISO_22000',
  'FSSC_22000',
  'HACCP',
  'ISO_13485',
  'IATF_16949',
  'ISO_27001',
  'ISO_50001',
  'ISO_17025',
  'AS_9100',
  'GMP',
  'HALAL',
  'CE_MARKING',
  'API_Q1',
] as const;
export type CertificationCode = (typeof CERTIFICATIONS)[number];

export const FINANCING_INSTRUMENTS = [
  'LOAN',
  'LEASING',
  'GUARANTEE',
  'EQUITY',
  'GRANT',
  'MURABAHA',
  'IJARA',
  'MUSHARAKA',
  'MUDARABA',
  'SALAM',
  'ISTISNA',
] as const;
export type FinancingInstrument = (typeof FINANCING_INSTRUMENTS)[number];

export const COMPANY_STAGES = ['IDEA', 'STARTUP', 'GROWTH', 'MATURE', 'TURNAROUND'] as const;
export type CompanyStage = (typeof COMPANY_STAGES)[number];

/** Services a support institution's programme offers SMEs (incubators, technical centres, labs). */
export const SUPPORT_SERVICES = [
  'TECHNICAL_ASSISTANCE',
  'TESTING',
  'TRAINING',
  'QUALITY_CERTIFICATION',
  'CLEANER_PRODUCTION',
  'INCUBATION',
  'IP_ADVICE',
  'TECHNOLOGY_TRANSFER',
] as const;
export type SupportService = (typeof SUPPORT_SERVICES)[number];

/** What a programme costs the SME: nothing, part of the price, or the full price. */
export const SUPPORT_COSTS = ['FREE', 'SUBSIDISED', 'PAID'] as const;
export type SupportCost = (typeof SUPPORT_COSTS)[number];

export const OPPORTUNITY_TYPES = [
  'CAPABILITY_OFFER',
  'SUBCONTRACTING_REQUEST',
  'TECHNOLOGY_OFFER',
  'TECHNOLOGY_REQUEST',
  'FINANCING_NEED',
  'FINANCING_PROGRAMME',
  'PARTNERSHIP_REQUEST',
] as const;
export type OpportunityType = (typeof OPPORTUNITY_TYPES)[number];

export const OPPORTUNITY_STATUSES = ['OPEN', 'IN_PROGRESS', 'FULFILLED', 'CANCELLED'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

/** PENDING: awaiting an organiser's review; only ACTIVE organisations are public. */
export const ORGANIZATION_STATUSES = ['PENDING', 'ACTIVE', 'REJECTED', 'ARCHIVED'] as const;
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];

/** Languages for text content and for labels: the platform's (`#platform/lang`). */
export { LANGS, type Lang } from '#platform/lang';

/** Spoken languages a company can hold meetings in (ISO 639-1). */
export const SPOKEN_LANGUAGES = ['ar', 'fr', 'en', 'es', 'it', 'de', 'tr', 'zh', 'ber'] as const;

/** Currencies accepted for ticket sizes and budgets (ISO 4217). */
export const CURRENCIES = [
  'DZD',
  'EUR',
  'USD',
  'SAR',
  'AED',
  'QAR',
  'KWD',
  'BHD',
  'OMR',
  'EGP',
  'MAD',
  'TND',
  'LYD',
  'JOD',
  'LBP',
  'IQD',
  'SYP',
  'SDG',
  'MRU',
  'YER',
  'SOS',
  'DJF',
  'KMF',
] as const;

/** What a delegate seeks at a forum: asked at registration, weighed by the meeting suggestions. */
export const MEETING_GOALS = [
  'FIND_SUBCONTRACTORS',
  'FIND_CLIENTS',
  'FIND_FINANCING',
  'FIND_TECHNOLOGY',
  'JOIN_CLUSTER',
] as const;
export type MeetingGoal = (typeof MEETING_GOALS)[number];
