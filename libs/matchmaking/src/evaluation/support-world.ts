import { Rng } from '#platform/random';

/**
 * A support evaluation set written from its own specification, not from the scorer. Each SME first
 * gets a hidden situation, one or two of: a young firm (needs incubation and training), a firm seeking
 * a quality label (quality and certification, testing), an innovator (technology transfer, IP advice,
 * testing), a heavy manufacturer (cleaner production, technical assistance), a firm modernising
 * (technical assistance, training); its true needs follow. Profiles are then written from the hidden
 * facts the way firms fill in forms, with gaps and noise: a founding year for some young firms only,
 * the certification aimed for by most quality seekers, R&D ticked by most innovators and a technology
 * request by half, a financing or partnership request by half of the modernisers, and for one firm in
 * six a request that says nothing of its needs. A programme truly fits an SME when it offers one of
 * its true needs, serves its sector (or every sector), admits its true stage and, when reserved,
 * covers its wilaya, in its country.
 *
 * This module reads nothing from the matchmaking engine (a test checks its imports).
 */

export type Service =
  | 'TECHNICAL_ASSISTANCE'
  | 'TESTING'
  | 'TRAINING'
  | 'QUALITY_CERTIFICATION'
  | 'CLEANER_PRODUCTION'
  | 'INCUBATION'
  | 'IP_ADVICE'
  | 'TECHNOLOGY_TRANSFER';
export type Stage = 'IDEA' | 'STARTUP' | 'GROWTH' | 'MATURE' | 'TURNAROUND';
type Situation = 'young' | 'quality' | 'innovator' | 'heavy' | 'modernising';

const NEEDS: Record<Situation, readonly Service[]> = {
  young: ['INCUBATION', 'TRAINING'],
  quality: ['QUALITY_CERTIFICATION', 'TESTING'],
  innovator: ['TECHNOLOGY_TRANSFER', 'IP_ADVICE', 'TESTING'],
  heavy: ['CLEANER_PRODUCTION', 'TECHNICAL_ASSISTANCE'],
  modernising: ['TECHNICAL_ASSISTANCE', 'TRAINING'],
};
const ALL_SERVICES: readonly Service[] = [
  'TECHNICAL_ASSISTANCE',
  'TESTING',
  'TRAINING',
  'QUALITY_CERTIFICATION',
  'CLEANER_PRODUCTION',
  'INCUBATION',
  'IP_ADVICE',
  'TECHNOLOGY_TRANSFER',
];
const LIGHT_SECTORS = ['10', '13', '26', '62'];
const HEAVY_SECTORS = ['20', '22', '23', '24', '25'];
const SOUTH = ['DZ-01', 'DZ-11', 'DZ-30', 'DZ-39', 'DZ-47'];
const NORTH = ['DZ-09', 'DZ-16', 'DZ-19', 'DZ-25', 'DZ-31'];
const CERTS = ['ISO_9001', 'ISO_14001', 'ISO_22000', 'HACCP'];

/** A written SME profile: what the engine and the baselines may read. */
export interface WrittenSme {
  id: string;
  country: string;
  regionCode: string | null;
  sectors: string[];
  foundedYear: number | null;
  certifications: string[];
  targetCertifications: string[];
  rdActivity: boolean;
  patents: number;
  opportunityTypes: string[];
}

export interface WrittenProgramme {
  institutionId: string;
  index: number;
  services: Service[];
  sectors: string[];
  stages: Stage[];
  regionCodes: string[];
  reserved: boolean;
  cost: 'FREE' | 'SUBSIDISED' | 'PAID';
  certifications: string[];
  country: string;
  regionCode: string;
}

interface HiddenSme {
  needs: Set<Service>;
  stage: Stage;
  sector: string;
  regionCode: string;
}

export interface SupportWorld {
  seed: number;
  asOfYear: number;
  smes: WrittenSme[];
  programmes: WrittenProgramme[];
  /** Per SME id, the institutions one of whose programmes truly fits, with the gain of the best. */
  truth: Map<string, Map<string, number>>;
}

/** Whether a programme truly fits an SME's hidden situation. */
export function trulyServes(p: WrittenProgramme, h: HiddenSme, country: string): boolean {
  return (
    p.country === country &&
    p.services.some((s) => h.needs.has(s)) &&
    (p.sectors.length === 0 || p.sectors.includes(h.sector)) &&
    (p.stages.length === 0 || p.stages.includes(h.stage)) &&
    (!p.reserved || p.regionCodes.includes(h.regionCode))
  );
}

/** Gain of a true fit: 1, +1 when it meets two needs or more, +1 when free or in the SME's wilaya. */
function gain(p: WrittenProgramme, h: HiddenSme): number {
  const met = p.services.filter((s) => h.needs.has(s)).length;
  return 1 + (met >= 2 ? 1 : 0) + (p.cost === 'FREE' || p.regionCodes.includes(h.regionCode) ? 1 : 0);
}

export function generateSupportWorld(options: {
  seed: number;
  smes?: number;
  institutions?: number;
}): SupportWorld {
  const rng = new Rng(options.seed * 7919 + 17);
  const chance = (p: number) => rng.next() < p;
  const asOfYear = 2026;
  const programmes: WrittenProgramme[] = [];
  for (let i = 0; i < (options.institutions ?? 40); i++) {
    const id = `inst-${String(i).padStart(3, '0')}`;
    const south = chance(0.3);
    const region = rng.pick(south ? SOUTH : NORTH);
    const country = chance(0.9) ? 'DZ' : 'TN';
    const n = 1 + rng.int(3);
    for (let k = 0; k < n; k++) {
      const services = rng.shuffle([...ALL_SERVICES]).slice(0, 1 + rng.int(2));
      const sectors = chance(0.25)
        ? []
        : rng.shuffle([...LIGHT_SECTORS, ...HEAVY_SECTORS]).slice(0, 1 + rng.int(3));
      const stages: Stage[] = services.includes('INCUBATION')
        ? ['IDEA', 'STARTUP']
        : chance(0.3)
          ? ['GROWTH', 'MATURE']
          : [];
      const reserved = south && chance(0.7);
      programmes.push({
        institutionId: id,
        index: k,
        services,
        sectors,
        stages,
        regionCodes: reserved ? [...SOUTH] : chance(0.5) ? [region] : [],
        reserved,
        cost: rng.pick(['FREE', 'SUBSIDISED', 'PAID'] as const),
        certifications: services.includes('QUALITY_CERTIFICATION') ? rng.shuffle([...CERTS]).slice(0, 2) : [],
        country: country === 'TN' ? 'TN' : 'DZ',
        regionCode: region,
      });
    }
  }
  const smes: WrittenSme[] = [];
  const truth = new Map<string, Map<string, number>>();
  const situations: Situation[] = ['young', 'quality', 'innovator', 'heavy', 'modernising'];
  for (let i = 0; i < (options.smes ?? 200); i++) {
    const id = `sme-${String(i).padStart(4, '0')}`;
    const mine = rng.shuffle([...situations]).slice(0, 1 + (chance(0.4) ? 1 : 0));
    const heavy = mine.includes('heavy');
    const sector = rng.pick(heavy ? HEAVY_SECTORS : chance(0.7) ? LIGHT_SECTORS : HEAVY_SECTORS);
    const young = mine.includes('young');
    const age = young ? rng.int(3) : 4 + rng.int(30);
    const stage: Stage = young ? (age === 0 ? 'IDEA' : 'STARTUP') : age <= 10 ? 'GROWTH' : 'MATURE';
    const regionCode = rng.pick(chance(0.35) ? SOUTH : NORTH);
    const hidden: HiddenSme = {
      needs: new Set(mine.flatMap((s) => NEEDS[s])),
      stage,
      sector,
      regionCode,
    };
    const types = new Set<string>();
    const held = chance(0.3) ? ['ISO_9001'] : [];
    const target: string[] = [];
    if (mine.includes('quality') && chance(0.8))
      target.push(rng.pick(CERTS.filter((c) => !held.includes(c))));
    const innovator = mine.includes('innovator');
    if (innovator && chance(0.5)) types.add('TECHNOLOGY_REQUEST');
    if (mine.includes('modernising') && chance(0.5))
      types.add(chance(0.5) ? 'FINANCING_NEED' : 'PARTNERSHIP_REQUEST');
    // Requests unrelated to support: subcontracting, capability offers; and for some a financing need.
    if (chance(0.4)) types.add(chance(0.5) ? 'SUBCONTRACTING_REQUEST' : 'CAPABILITY_OFFER');
    if (chance(1 / 6)) types.add(rng.pick(['FINANCING_NEED', 'PARTNERSHIP_REQUEST', 'TECHNOLOGY_REQUEST']));
    smes.push({
      id,
      country: 'DZ',
      regionCode,
      sectors: chance(0.9) ? [sector] : [],
      // Young firms give their founding year seven times in ten, others nine times in ten.
      foundedYear: chance(young ? 0.7 : 0.9) ? asOfYear - age : null,
      certifications: held,
      targetCertifications: target,
      rdActivity: innovator ? chance(0.8) : chance(0.05),
      patents: innovator && chance(0.5) ? 1 + rng.int(4) : 0,
      opportunityTypes: [...types].sort(),
    });
    const fits = new Map<string, number>();
    for (const p of programmes)
      if (trulyServes(p, hidden, 'DZ'))
        fits.set(p.institutionId, Math.max(fits.get(p.institutionId) ?? 0, gain(p, hidden)));
    truth.set(id, fits);
  }
  return { seed: options.seed, asOfYear, smes, programmes, truth };
}
