import type { FinancierCriteria, OrgProfile, SubcontractingRequest } from './types.js';

/** Small builders for the engine's tests: a plausible default, overridden field by field. */

export function sme(id: string, over: Partial<OrgProfile> = {}): OrgProfile {
  return {
    id,
    kind: 'SME',
    country: 'DZ',
    regionCode: 'DZ-16',
    sectors: ['25'],
    capabilities: [{ process: 'CNC_MACHINING', materials: ['acier'], monthlyCapacity: 2000 }],
    certifications: ['ISO_9001'],
    languages: ['ar', 'fr'],
    employeeBand: '10-49',
    foundedYear: 2010,
    stage: 'GROWTH',
    innovation: { rdActivity: false, patents: 0, utilityModels: 0, trademarks: 0, industrialDesigns: 0 },
    financingNeed: { amount: 100_000, currency: 'EUR', instruments: ['LOAN'] },
    feedback: null,
    ...over,
  };
}

export function request(over: Partial<SubcontractingRequest> = {}): SubcontractingRequest {
  return {
    id: 'request-1',
    requesterId: 'buyer-1',
    country: 'DZ',
    regionCode: 'DZ-16',
    processes: ['CNC_MACHINING'],
    requiredProcesses: ['CNC_MACHINING'],
    sectors: ['25'],
    materials: ['steel'],
    volume: 1000,
    requiredCertifications: [],
    preferredCertifications: [],
    countries: [],
    regionCodes: [],
    languages: ['fr'],
    ...over,
  };
}

export function criteria(over: Partial<FinancierCriteria> = {}): FinancierCriteria {
  return {
    id: 'criteria-1',
    financierId: 'financier-1',
    country: 'DZ',
    regionCode: 'DZ-16',
    sectors: ['25'],
    countries: ['DZ'],
    stages: ['GROWTH'],
    ticketMin: 50_000,
    ticketMax: 500_000,
    currency: 'EUR',
    instruments: ['LOAN', 'MURABAHA'],
    minAgeYears: 3,
    minEmployeeBand: '10-49',
    requiredCertifications: [],
    innovation: null,
    ...over,
  };
}
