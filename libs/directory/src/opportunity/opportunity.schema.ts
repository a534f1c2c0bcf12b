import { z } from 'zod';
import {
  CERTIFICATIONS,
  CURRENCIES,
  OPPORTUNITY_STATUSES,
  OPPORTUNITY_TYPES,
  PROCESSES,
} from '../taxonomy/codes.js';
import { isKnownCountry, isKnownSector, isWilaya } from '../taxonomy/taxonomy.js';
import { text, trilingual } from '#platform';

// ISO 8601 has a year 0000; PostgreSQL's calendar does not, and would fail on it.
const isoDate = z.iso
  .date('must be a date YYYY-MM-DD')
  .refine((d) => !d.startsWith('0000'), 'year 0000 does not exist');

export const opportunityFields = {
  type: z.enum(OPPORTUNITY_TYPES),
  title: trilingual(200, 'title'),
  description: z
    .object({ ar: text(5000).nullish(), fr: text(5000).nullish(), en: text(5000).nullish() })
    .nullish()
    .transform((t) => ({ ar: t?.ar || null, fr: t?.fr || null, en: t?.en || null })),
  sectors: z
    .array(
      z.string().refine(isKnownSector, {
        error: (iss) => `unknown ISIC Rev.4 section or division "${String(iss.input)}"`,
      }),
    )
    .max(10)
    .nullish()
    .transform((l) => [...new Set(l ?? [])]),
  processes: z
    .array(z.enum(PROCESSES))
    .max(10)
    .nullish()
    .transform((l) => [...new Set(l ?? [])]),
  quantity: z
    .number()
    .finite()
    .min(0)
    .max(1e12)
    .nullish()
    .transform((v) => v ?? null),
  quantityUnit: text(30)
    .nullish()
    .transform((v) => v || null),
  amount: z
    .number()
    .finite()
    .min(0)
    .max(1e13)
    .nullish()
    .transform((v) => v ?? null),
  currency: z
    .enum(CURRENCIES)
    .nullish()
    .transform((v) => v ?? null),
  countries: z
    .array(z.string().refine(isKnownCountry, 'unknown ISO 3166-1 alpha-2 country code'))
    .max(30)
    .nullish()
    .transform((l) => [...new Set(l ?? [])]),
  // Hard criteria of a subcontracting request: a supplier lacking one is never suggested.
  requiredCertifications: z
    .array(z.enum(CERTIFICATIONS))
    .max(CERTIFICATIONS.length)
    .nullish()
    .transform((l) => [...new Set(l ?? [])]),
  requiredProcesses: z
    .array(z.enum(PROCESSES))
    .max(10)
    .nullish()
    .transform((l) => [...new Set(l ?? [])]),
  materials: z
    .array(text(80).pipe(z.string().min(1)))
    .max(30)
    .nullish()
    .transform((l) => [...new Set(l ?? [])]),
  regionCodes: z
    .array(
      z.string().refine(isWilaya, { error: (iss) => `unknown Algerian wilaya code "${String(iss.input)}"` }),
    )
    .max(58)
    .nullish()
    .transform((l) => [...new Set(l ?? [])]),
  // Wishes of a subcontracting request: used in ranking and shown in reasons, never a filter.
  preferredCertifications: z
    .array(z.enum(CERTIFICATIONS))
    .max(CERTIFICATIONS.length)
    .nullish()
    .transform((l) => [...new Set(l ?? [])]),
  preferredRegionCodes: z
    .array(
      z.string().refine(isWilaya, { error: (iss) => `unknown Algerian wilaya code "${String(iss.input)}"` }),
    )
    .max(58)
    .nullish()
    .transform((l) => [...new Set(l ?? [])]),
  deadline: isoDate.nullish().transform((v) => v ?? null),
  expiresAt: isoDate.nullish().transform((v) => v ?? null),
  status: z
    .enum(OPPORTUNITY_STATUSES)
    .nullish()
    .transform((v) => v ?? 'OPEN'),
};

type Fields = z.infer<z.ZodObject<typeof opportunityFields>>;

function crossCheck(o: Partial<Fields>, ctx: z.RefinementCtx): void {
  if (o.amount != null && o.currency == null)
    ctx.addIssue({ code: 'custom', path: ['currency'], message: 'an amount needs a currency' });
  if (o.type !== 'SUBCONTRACTING_REQUEST')
    for (const k of [
      'requiredCertifications',
      'requiredProcesses',
      'materials',
      'regionCodes',
      'preferredCertifications',
      'preferredRegionCodes',
    ] as const)
      if (o[k]?.length)
        ctx.addIssue({ code: 'custom', path: [k], message: 'only a subcontracting request sets it' });
  if (o.regionCodes?.length && o.countries?.length && !o.countries.includes('DZ'))
    ctx.addIssue({
      code: 'custom',
      path: ['regionCodes'],
      message: 'wilayas limit suppliers to Algeria, which the countries exclude',
    });
  if (o.preferredRegionCodes?.length && o.countries?.length && !o.countries.includes('DZ'))
    ctx.addIssue({
      code: 'custom',
      path: ['preferredRegionCodes'],
      message: 'preferred wilayas are in Algeria, which the countries exclude',
    });
  if (o.preferredRegionCodes?.length && o.regionCodes?.length) {
    const outside = o.preferredRegionCodes.filter((r) => !o.regionCodes!.includes(r));
    if (outside.length)
      ctx.addIssue({
        code: 'custom',
        path: ['preferredRegionCodes'],
        message: `preferred wilayas outside the required ones: ${outside.join(', ')}`,
      });
  }
}

export const createOpportunitySchema = z.object(opportunityFields).superRefine(crossCheck);
export type CreateOpportunityData = z.infer<typeof createOpportunitySchema>;
export const updateOpportunitySchema = z.object(opportunityFields).omit({ type: true }).partial();
export type UpdateOpportunityData = z.infer<typeof updateOpportunitySchema>;
