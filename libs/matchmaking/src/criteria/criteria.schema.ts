import { z } from 'zod';
import {
  CERTIFICATIONS,
  COMPANY_STAGES,
  CURRENCIES,
  EMPLOYEE_BANDS,
  FINANCING_INSTRUMENTS,
  isKnownCountry,
  isKnownSector,
} from '#directory/taxonomy';
import type { FinancierCriteria } from '../engine/types.js';
import { text } from '#platform';

/** A financier's screening criteria (private to it) and the criteria of its saved searches: one validation. */

const codes = <T extends readonly [string, ...string[]]>(list: T, max = list.length) =>
  z
    .array(z.enum(list))
    .max(max)
    .nullish()
    .transform((l) => [...new Set(l ?? [])]);

const checked = (ok: (s: string) => boolean, what: string, max: number) =>
  z
    .array(z.string().refine(ok, { error: (iss) => `unknown ${what} "${String(iss.input)}"` }))
    .max(max, `at most ${max} entries`)
    .nullish()
    .transform((l) => [...new Set(l ?? [])]);

const money = z
  .number()
  .finite()
  .min(0)
  .max(1e13)
  .nullish()
  .transform((v) => v ?? null);

export const criteriaSchema = z
  .object({
    sectors: checked(isKnownSector, 'ISIC Rev.4 section or division', 30),
    countries: checked(isKnownCountry, 'ISO 3166-1 alpha-2 country code', 60),
    stages: codes(COMPANY_STAGES),
    ticketMin: money,
    ticketMax: money,
    currency: z
      .enum(CURRENCIES)
      .nullish()
      .transform((v) => v ?? null),
    instruments: codes(FINANCING_INSTRUMENTS),
    minAgeYears: z
      .number()
      .int()
      .min(0)
      .max(200)
      .nullish()
      .transform((v) => v ?? null),
    minEmployeeBand: z
      .enum(EMPLOYEE_BANDS)
      .nullish()
      .transform((v) => v ?? null),
    requiredCertifications: codes(CERTIFICATIONS),
    preferredCertifications: codes(CERTIFICATIONS),
    innovationWanted: z
      .boolean()
      .nullish()
      .transform((v) => v ?? null),
    minPatents: z
      .number()
      .int()
      .min(0)
      .max(100000)
      .nullish()
      .transform((v) => v ?? null),
  })
  .refine((c) => c.ticketMin == null || c.ticketMax == null || c.ticketMin <= c.ticketMax, {
    message: 'ticketMin must not exceed ticketMax',
    path: ['ticketMin'],
  })
  .refine((c) => (c.ticketMin == null && c.ticketMax == null) || c.currency != null, {
    message: 'a ticket range needs a currency',
    path: ['currency'],
  });
export type CriteriaData = z.output<typeof criteriaSchema>;

export const savedSearchSchema = z.object({
  name: text(200).refine((s) => s.length > 0, 'is required'),
  query: text(200)
    .nullish()
    .transform((v) => v || null),
  criteria: criteriaSchema,
  minScore: z
    .number()
    .min(0)
    .max(1)
    .nullish()
    .transform((v) => v ?? 0.5),
  alertsEnabled: z
    .boolean()
    .nullish()
    .transform((v) => v ?? true),
});
export type SavedSearchData = z.output<typeof savedSearchSchema>;

/** Criteria data in the engine's terms, for a financier at a place. */
export function engineCriteria(
  id: string,
  financierId: string,
  c: CriteriaData,
  place: { country: string | null; regionCode: string | null },
): FinancierCriteria {
  return {
    id,
    financierId,
    country: place.country,
    regionCode: place.regionCode,
    sectors: c.sectors,
    countries: c.countries,
    stages: c.stages,
    ticketMin: c.ticketMin,
    ticketMax: c.ticketMax,
    currency: c.currency,
    instruments: c.instruments,
    minAgeYears: c.minAgeYears,
    minEmployeeBand: c.minEmployeeBand,
    requiredCertifications: c.requiredCertifications,
    preferredCertifications: c.preferredCertifications,
    innovation:
      c.innovationWanted == null
        ? null
        : { wanted: c.innovationWanted, minPatents: c.minPatents ?? undefined },
  };
}
