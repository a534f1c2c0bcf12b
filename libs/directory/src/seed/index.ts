export { generateRecord, generateRecords, SEED_REFERENCE_DATE } from './generator.js';
export type { SeedOptions, SeedOpportunity, SeedOrganization, SeedRecord } from './generator.js';
