import type { OrganizationKind } from '../taxonomy/codes.js';
import { company } from './companies.js';
import {
  contentLanguages,
  locate,
  type Ctx,
  type OpportunityInput,
  type OrganizationInput,
} from './context.js';
import { financier, publicBody, supportInstitution } from './institutions.js';
import { recordRng } from './random.js';

/**
 * Deterministic, streaming generator of forum data: SMEs, large firms, support institutions,
 * financiers and public bodies with their opportunities, in the shape the importer accepts.
 * Pure: no clock, no I/O, no framework. Record `index` depends only on `(seed, index)`, so the
 * first 100 records of a 50,000-record run are the 100 records of a 100-record run.
 */

/** Organisation and opportunity as generated: the input types of the validation schemas. */
export type SeedOrganization = OrganizationInput;
export type SeedOpportunity = OpportunityInput;
/** The day generated deadlines and expiry dates are counted from (not the clock, for determinism). */
export { REFERENCE_DATE as SEED_REFERENCE_DATE } from './opportunities.js';

export interface SeedRecord {
  /** Stable external reference, `seed-<seed>-<index>`: re-running a seed skips records already imported. */
  ref: string;
  organization: SeedOrganization;
  opportunities: SeedOpportunity[];
}

export interface SeedOptions {
  orgs: number;
  seed: number;
}

/** Kind mix of the forum's participants. */
const KIND_WEIGHTS: readonly (readonly [OrganizationKind, number])[] = [
  ['SME', 0.7],
  ['LARGE_FIRM', 0.1],
  ['SUPPORT_INSTITUTION', 0.08],
  ['FINANCIER', 0.07],
  ['PUBLIC_BODY', 0.05],
];

export function generateRecord(seed: number, index: number): SeedRecord {
  const rng = recordRng(seed, index);
  const kind = rng.weighted(KIND_WEIGHTS);
  const place = locate(rng, kind);
  const langs = contentLanguages(rng, place.country);
  const ctx: Ctx = { rng, kind, ...place, langs, tagLang: place.country.francophone ? 'fr' : 'en' };
  const { organization, opportunities } =
    kind === 'SME' || kind === 'LARGE_FIRM'
      ? company(ctx, kind === 'LARGE_FIRM')
      : kind === 'SUPPORT_INSTITUTION'
        ? supportInstitution(ctx)
        : kind === 'FINANCIER'
          ? financier(ctx)
          : publicBody(ctx);
  return { ref: `seed-${seed}-${index}`, organization, opportunities };
}

/**
 * Yields `orgs` records one at a time; nothing is kept between records, so memory stays flat.
 * Options are checked on the call, not on the first iteration.
 */
export function generateRecords(opts: SeedOptions): Generator<SeedRecord> {
  const { orgs, seed } = opts;
  if (!Number.isInteger(orgs) || orgs < 0)
    throw new RangeError(`orgs must be a non-negative integer, got ${orgs}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  return (function* () {
    for (let i = 0; i < orgs; i++) yield generateRecord(seed, i);
  })();
}
