import { z } from 'zod';
import {
  CERTIFICATIONS,
  COMPANY_STAGES,
  CURRENCIES,
  EMPLOYEE_BANDS,
  FINANCING_INSTRUMENTS,
  ORGANIZATION_KINDS,
  ORGANIZATION_SUBTYPES,
  PROCESSES,
  SPOKEN_LANGUAGES,
  SUBTYPES_BY_KIND,
  SUPPORT_COSTS,
  SUPPORT_SERVICES,
} from '../taxonomy/codes.js';
import { isKnownCountry, isKnownSector, isWilaya } from '../taxonomy/taxonomy.js';
import { noForbiddenChars, optionalText, optionalTrilingual, text, trilingual } from '#platform';

/**
 * The one validation of organisation data, shared by GraphQL mutations and the importer.
 * Every string, list and number is bounded; codes are checked against the shipped taxonomies.
 */

const codeList = <T extends readonly [string, ...string[]]>(codes: T, max: number) =>
  z
    .array(z.enum(codes))
    .max(max, `at most ${max} entries`)
    .nullish()
    .transform((l) => [...new Set(l ?? [])]);

const sectorCodes = z
  .array(
    z.string().refine(isKnownSector, {
      error: (iss) => `unknown ISIC Rev.4 section or division "${String(iss.input)}"`,
    }),
  )
  .max(10, 'at most 10 sectors')
  .nullish()
  .transform((l) => [...new Set(l ?? [])]);

const countryCodes = z
  .array(z.string().refine(isKnownCountry, 'unknown ISO 3166-1 alpha-2 country code'))
  .max(60)
  .nullish()
  .transform((l) => [...new Set(l ?? [])]);

const freeTags = z
  .array(text(80).pipe(z.string().min(1)))
  .max(30, 'at most 30 entries')
  .nullish()
  .transform((l) => l ?? []);

const money = z.number().finite().min(0).max(1e13);

export const capabilitySchema = z.object({
  process: z.enum(PROCESSES),
  materials: freeTags,
  machines: freeTags,
  monthlyCapacity: z
    .number()
    .finite()
    .min(0)
    .max(1e10)
    .nullish()
    .transform((v) => v ?? null),
  capacityUnit: optionalText(30),
});

export const contactSchema = z.object({
  name: text(120).pipe(z.string().min(1, 'is required')),
  role: optionalText(120),
  email: z
    .email('is not a valid email address')
    .max(254)
    .nullish()
    .transform((v) => v ?? null),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ().-]{6,24}$/, 'is not a valid phone number')
    .nullish()
    .transform((v) => v ?? null),
});

export const innovationSchema = z
  .object({
    rdActivity: z
      .boolean()
      .nullish()
      .transform((v) => v ?? false),
    patents: z
      .number()
      .int()
      .min(0)
      .max(100000)
      .nullish()
      .transform((v) => v ?? 0),
    utilityModels: z
      .number()
      .int()
      .min(0)
      .max(100000)
      .nullish()
      .transform((v) => v ?? 0),
    trademarks: z
      .number()
      .int()
      .min(0)
      .max(100000)
      .nullish()
      .transform((v) => v ?? 0),
    industrialDesigns: z
      .number()
      .int()
      .min(0)
      .max(100000)
      .nullish()
      .transform((v) => v ?? 0),
  })
  .nullish()
  .transform(
    (v) => v ?? { rdActivity: false, patents: 0, utilityModels: 0, trademarks: 0, industrialDesigns: 0 },
  );

export const programmeSchema = z
  .object({
    name: trilingual(200, 'programme name'),
    description: optionalTrilingual(2000),
    sectors: sectorCodes,
    /** Support services the programme offers (incubators, technical centres). */
    services: codeList(SUPPORT_SERVICES, SUPPORT_SERVICES.length),
    /** Company stages the programme admits; empty admits every stage. */
    stages: codeList(COMPANY_STAGES, COMPANY_STAGES.length),
    /** Algerian wilayas the programme targets. */
    regionCodes: z
      .array(z.string().refine(isWilaya, 'unknown Algerian wilaya code'))
      .max(58, 'at most 58 wilayas')
      .nullish()
      .transform((l) => [...new Set(l ?? [])]),
    /** True when only SMEs of `regionCodes` are eligible (programmes for remote and southern regions). */
    reserved: z
      .boolean()
      .nullish()
      .transform((v) => v ?? false),
    cost: z
      .enum(SUPPORT_COSTS)
      .nullish()
      .transform((v) => v ?? null),
    /** Certification schemes the programme prepares SMEs for. */
    certifications: codeList(CERTIFICATIONS, CERTIFICATIONS.length),
  })
  .refine((p) => !p.reserved || p.regionCodes.length > 0, {
    message: 'a reserved programme names its wilayas',
    path: ['regionCodes'],
  });

export const financierSchema = z
  .object({
    instruments: codeList(FINANCING_INSTRUMENTS, FINANCING_INSTRUMENTS.length),
    ticketMin: money.nullish().transform((v) => v ?? null),
    ticketMax: money.nullish().transform((v) => v ?? null),
    currency: z
      .enum(CURRENCIES)
      .nullish()
      .transform((v) => v ?? null),
    targetSectors: sectorCodes,
    targetCountries: countryCodes,
    stages: codeList(COMPANY_STAGES, COMPANY_STAGES.length),
  })
  .refine((f) => f.ticketMin == null || f.ticketMax == null || f.ticketMin <= f.ticketMax, {
    message: 'ticketMin must not exceed ticketMax',
    path: ['ticketMin'],
  })
  .refine((f) => (f.ticketMin == null && f.ticketMax == null) || f.currency != null, {
    message: 'a ticket range needs a currency',
    path: ['currency'],
  });

export const organizationFields = {
  kind: z.enum(ORGANIZATION_KINDS),
  subtype: z
    .enum(ORGANIZATION_SUBTYPES)
    .nullish()
    .transform((v) => v ?? null),
  name: trilingual(200, 'name'),
  description: optionalTrilingual(5000),
  country: z.string().refine(isKnownCountry, 'unknown ISO 3166-1 alpha-2 country code'),
  // Bounded and blank-as-absent like the other texts: an empty cell of an imported file means no region code.
  regionCode: optionalText(10),
  region: optionalText(120),
  city: optionalText(120),
  sectors: sectorCodes,
  employeeBand: z
    .enum(EMPLOYEE_BANDS)
    .nullish()
    .transform((v) => v ?? null),
  foundedYear: z
    .number()
    .int()
    .min(1800)
    // Read at each validation, not at start-up: a server still running on New Year's Day must accept the new year.
    .refine((y) => y <= new Date().getUTCFullYear(), 'must not be in the future')
    .nullish()
    .transform((v) => v ?? null),
  website: noForbiddenChars(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(300))
    .nullish()
    .transform((v) => v ?? null),
  languages: codeList(SPOKEN_LANGUAGES, SPOKEN_LANGUAGES.length),
  certifications: codeList(CERTIFICATIONS, CERTIFICATIONS.length),
  /** Past collaborations: partners named by their import ref, with the year. */
  collaborations: z
    .array(
      z.object({
        ref: text(120).pipe(z.string().min(1, 'a partner ref is required')),
        year: z
          .number()
          .int()
          .min(1950)
          .refine((y) => y <= new Date().getUTCFullYear(), 'must not be in the future'),
      }),
    )
    .max(200, 'at most 200 collaborations')
    .nullish()
    .transform((l) => l ?? []),
  /** Certifications the organisation aims for but does not hold yet. */
  targetCertifications: codeList(CERTIFICATIONS, CERTIFICATIONS.length),
  innovation: innovationSchema,
  capabilities: z
    .array(capabilitySchema)
    .max(30, 'at most 30 capabilities')
    .nullish()
    .transform((l) => l ?? []),
  purchasingCategories: freeTags,
  services: freeTags,
  programmes: z
    .array(programmeSchema)
    .max(30, 'at most 30 programmes')
    .nullish()
    .transform((l) => l ?? []),
  financier: financierSchema.nullish().transform((v) => v ?? null),
  contacts: z
    .array(contactSchema)
    .max(20, 'at most 20 contact persons')
    .nullish()
    .transform((l) => l ?? []),
};

type Fields = z.infer<z.ZodObject<typeof organizationFields>>;

/** Rules that tie fields together: subtype by kind, region by country, kind-specific blocks. */
function crossCheck(o: Partial<Fields>, ctx: z.RefinementCtx): void {
  if (o.kind) {
    const allowed = SUBTYPES_BY_KIND[o.kind];
    if (o.subtype && !allowed?.includes(o.subtype))
      ctx.addIssue({
        code: 'custom',
        path: ['subtype'],
        message: `subtype ${o.subtype} does not fit kind ${o.kind}`,
      });
    if (allowed && o.subtype === null)
      ctx.addIssue({
        code: 'custom',
        path: ['subtype'],
        message: `kind ${o.kind} needs a subtype (${allowed.join(', ')})`,
      });
    if (o.capabilities?.length && o.kind !== 'SME' && o.kind !== 'LARGE_FIRM')
      ctx.addIssue({
        code: 'custom',
        path: ['capabilities'],
        message: 'only SME and LARGE_FIRM list capabilities',
      });
    if (o.financier && o.kind !== 'FINANCIER')
      ctx.addIssue({ code: 'custom', path: ['financier'], message: 'only a FINANCIER has financing terms' });
    if (o.purchasingCategories?.length && o.kind !== 'LARGE_FIRM')
      ctx.addIssue({
        code: 'custom',
        path: ['purchasingCategories'],
        message: 'only a LARGE_FIRM lists purchasing categories',
      });
  }
  if (o.regionCode != null) {
    if (o.country === 'DZ' && !isWilaya(o.regionCode))
      ctx.addIssue({
        code: 'custom',
        path: ['regionCode'],
        message: `unknown Algerian wilaya code "${o.regionCode}"`,
      });
    if (o.country && o.country !== 'DZ')
      ctx.addIssue({
        code: 'custom',
        path: ['regionCode'],
        message: 'region codes exist only for Algeria; use region',
      });
  }
}

export const createOrganizationSchema = z.object(organizationFields).superRefine(crossCheck);
export type CreateOrganizationData = z.infer<typeof createOrganizationSchema>;

/** An update carries only the fields it changes; the merged result is checked with `crossCheck` again. */
export const updateOrganizationSchema = z.object(organizationFields).omit({ kind: true }).partial();
export type UpdateOrganizationData = z.infer<typeof updateOrganizationSchema>;
