import { Rng } from '#platform/random';

/**
 * A financing evaluation set written from its own specification, not from the scorer. Each financier
 * first gets a hidden mandate: the sectors it truly finances (a few divisions, or all manufacturing),
 * the stages it backs, a ticket band in euros, the instruments it offers, where it lends, a minimum age
 * and headcount, and for some an innovation focus. Each SME gets hidden facts: its sector, stage, age,
 * headcount, a true need (an amount in euros and one instrument), whether it innovates, where it is.
 * An SME truly fits a mandate when every one of those agrees (the need within the band, the instrument
 * offered, an innovator for a focused fund).
 *
 * Profiles and criteria are then written the way people fill in forms: an SME states its stage two
 * times in three, its founding year and headcount most of the time, the amount of its need in dinars,
 * dirhams or euros (or not at all), the instrument it wants (an Islamic one is named by its own word),
 * its R&D when it has some; a financier writes its sectors (sometimes the whole manufacturing section),
 * its band in its own currency, its instruments and thresholds. Near misses fail one part of the truth
 * while looking close (a need ten times the band, another stage, an instrument not offered, too young).
 *
 * This module reads nothing from the matchmaking engine (a test checks its imports).
 */

export type FinancingStage = 'IDEA' | 'STARTUP' | 'GROWTH' | 'MATURE';
const STAGES: readonly FinancingStage[] = ['IDEA', 'STARTUP', 'GROWTH', 'MATURE'];
const DIVISIONS = ['10', '13', '14', '20', '22', '23', '25', '27', '28', '29', '31', '62'];
const BANDS = ['1-9', '10-49', '50-249', '250-999'] as const;
const CONVENTIONAL = ['LOAN', 'LEASING', 'GUARANTEE', 'EQUITY'];
const ISLAMIC = ['MURABAHA', 'IJARA', 'MUSHARAKA'];
/** Euros per unit, the way a firm converts for its form. */
const RATE: Record<string, number> = { EUR: 1, DZD: 0.0068, MAD: 0.092, TND: 0.3 };
const CURRENCY: Record<string, string> = { DZ: 'DZD', MA: 'MAD', TN: 'TND' };
const REGIONS = ['DZ-16', 'DZ-31', 'DZ-19', 'DZ-25', 'DZ-09', 'DZ-30'];

interface Mandate {
  sectors: string[] | null;
  stages: FinancingStage[];
  ticketMinEur: number;
  ticketMaxEur: number;
  instruments: string[];
  countries: string[];
  minAge: number | null;
  minBand: number | null;
  innovation: boolean;
}

interface HiddenSme {
  sector: string;
  stage: FinancingStage;
  age: number;
  band: number;
  needEur: number;
  instrument: string;
  innovator: boolean;
  country: string;
}

/** An SME as written; the engine's `OrgProfile` accepts it. */
export interface WrittenFinancingSme {
  id: string;
  kind: 'SME';
  country: string;
  regionCode: string | null;
  sectors: string[];
  capabilities: never[];
  certifications: string[];
  languages: string[];
  employeeBand: string | null;
  foundedYear: number | null;
  stage: FinancingStage | null;
  innovation: {
    rdActivity: boolean;
    patents: number;
    utilityModels: number;
    trademarks: number;
    industrialDesigns: number;
  };
  financingNeed: { amount: number | null; currency: string | null; instruments: string[] } | null;
  feedback: null;
}

/** A financier's criteria as written; the engine's `FinancierCriteria` accepts it. */
export interface WrittenCriteria {
  id: string;
  financierId: string;
  country: string;
  regionCode: string | null;
  sectors: string[];
  countries: string[];
  stages: FinancingStage[];
  ticketMin: number | null;
  ticketMax: number | null;
  currency: string | null;
  instruments: string[];
  minAgeYears: number | null;
  minEmployeeBand: string | null;
  requiredCertifications: string[];
  innovation: { wanted: boolean; minPatents?: number } | null;
}

export interface FinancingWorld {
  seed: number;
  asOfYear: number;
  smes: WrittenFinancingSme[];
  criteria: WrittenCriteria[];
  /** Per criteria id: gains of the SMEs that truly fit (1 fits; +1 need in the band's middle; +1 core sector). */
  truth: Map<string, Map<string, number>>;
}

function trulyFits(m: Mandate, s: HiddenSme): boolean {
  return (
    (m.sectors == null || m.sectors.includes(s.sector)) &&
    m.stages.includes(s.stage) &&
    s.needEur >= m.ticketMinEur &&
    s.needEur <= m.ticketMaxEur &&
    m.instruments.includes(s.instrument) &&
    m.countries.includes(s.country) &&
    (m.minAge == null || s.age >= m.minAge) &&
    (m.minBand == null || s.band >= m.minBand) &&
    (!m.innovation || s.innovator)
  );
}

function gainOf(m: Mandate, s: HiddenSme): number {
  const mid = Math.sqrt(m.ticketMinEur * m.ticketMaxEur);
  const central = s.needEur >= mid / 3 && s.needEur <= mid * 3;
  const core = m.sectors != null && m.sectors[0] === s.sector;
  return 1 + (central ? 1 : 0) + (core ? 1 : 0);
}

export function generateFinancingWorld(
  options: { seed?: number; financiers?: number; smes?: number } = {},
): FinancingWorld {
  const seed = options.seed ?? 1;
  const rng = new Rng(seed * 7919 + 17);
  const chance = (p: number) => rng.next() < p;
  const between = (lo: number, hi: number) => lo + rng.next() * (hi - lo);
  const some = <T>(xs: readonly T[], n: number) => rng.shuffle([...xs]).slice(0, n);
  const asOfYear = 2026;

  const mandates: { id: string; m: Mandate; home: string }[] = [];
  for (let i = 0; i < (options.financiers ?? 30); i++) {
    const home = rng.pick(['DZ', 'DZ', 'DZ', 'MA', 'TN']);
    const islamic = chance(0.3);
    const lo = Math.exp(between(Math.log(10_000), Math.log(300_000)));
    const m: Mandate = {
      sectors: chance(0.2) ? null : some(DIVISIONS, 2 + rng.int(3)),
      stages: rng.pick([
        ['STARTUP', 'GROWTH'],
        ['GROWTH', 'MATURE'],
        ['IDEA', 'STARTUP'],
        ['GROWTH'],
      ]) as FinancingStage[],
      ticketMinEur: lo,
      ticketMaxEur: lo * between(5, 30),
      instruments: islamic ? some(ISLAMIC, 2) : some(CONVENTIONAL, 1 + rng.int(3)),
      countries: chance(0.7) ? [home] : ['DZ', 'MA', 'TN'],
      minAge: chance(0.4) ? 1 + rng.int(4) : null,
      minBand: chance(0.3) ? 1 : null,
      innovation: chance(0.2),
    };
    mandates.push({ id: `financier-${i}`, m, home });
  }

  const hidden: { id: string; h: HiddenSme; region: string | null }[] = [];
  const draw = (over: Partial<HiddenSme> = {}): HiddenSme => {
    const stage = rng.pick(STAGES);
    const age = stage === 'IDEA' ? rng.int(2) : stage === 'STARTUP' ? 1 + rng.int(3) : 3 + rng.int(20);
    return {
      sector: rng.pick(DIVISIONS),
      stage,
      age,
      band: stage === 'MATURE' ? 1 + rng.int(3) : rng.int(2),
      needEur: Math.exp(between(Math.log(5_000), Math.log(5_000_000))),
      instrument: chance(0.3) ? rng.pick(ISLAMIC) : rng.pick(CONVENTIONAL),
      innovator: chance(0.3),
      country: rng.pick(['DZ', 'DZ', 'DZ', 'MA', 'TN']),
      ...over,
    };
  };
  const add = (h: HiddenSme) =>
    hidden.push({
      id: `sme-${String(hidden.length).padStart(4, '0')}`,
      h,
      region: h.country === 'DZ' ? rng.pick(REGIONS) : null,
    });
  // Firms drawn for each mandate (a fit and near misses failing one part of it), then the rest at random.
  for (const { m } of mandates) {
    const fit = (): HiddenSme => {
      const stage = rng.pick(m.stages);
      const h = draw({
        sector: m.sectors ? rng.pick(m.sectors) : rng.pick(DIVISIONS),
        stage,
        needEur: Math.exp(between(Math.log(m.ticketMinEur), Math.log(m.ticketMaxEur))),
        instrument: rng.pick(m.instruments),
        country: rng.pick(m.countries),
        innovator: m.innovation || chance(0.3),
      });
      h.age = Math.max(h.age, m.minAge ?? 0);
      h.band = Math.max(h.band, m.minBand ?? 0);
      return h;
    };
    for (let k = 0; k < 4; k++) add(fit());
    add({ ...fit(), needEur: m.ticketMaxEur * between(5, 15) });
    add({ ...fit(), stage: rng.pick(STAGES.filter((s) => !m.stages.includes(s))) ?? 'MATURE' });
    add({
      ...fit(),
      instrument: rng.pick([...CONVENTIONAL, ...ISLAMIC].filter((x) => !m.instruments.includes(x))),
    });
    if (m.minAge) add({ ...fit(), age: m.minAge - 1 });
  }
  while (hidden.length < (options.smes ?? 600)) add(draw());

  const smes: WrittenFinancingSme[] = hidden.map(({ id, h, region }) => {
    const currency = chance(0.6) ? CURRENCY[h.country] : 'EUR';
    const stated = chance(0.75);
    return {
      id,
      kind: 'SME',
      country: h.country,
      regionCode: region,
      sectors: chance(0.9) ? (chance(0.2) ? [h.sector, rng.pick(DIVISIONS)] : [h.sector]) : [],
      capabilities: [],
      certifications: chance(0.3) ? ['ISO_9001'] : [],
      languages: ['ar', 'fr'],
      employeeBand: chance(0.85) ? BANDS[h.band] : null,
      foundedYear: chance(0.85) ? asOfYear - h.age : null,
      stage: chance(0.65) ? h.stage : null,
      innovation: {
        rdActivity: h.innovator ? chance(0.8) : chance(0.05),
        patents: h.innovator && chance(0.4) ? 1 + rng.int(3) : 0,
        utilityModels: 0,
        trademarks: chance(0.3) ? 1 : 0,
        industrialDesigns: 0,
      },
      financingNeed: chance(0.85)
        ? {
            amount: stated ? Math.round((h.needEur * between(0.8, 1.25)) / RATE[currency]) : null,
            currency: stated ? currency : null,
            instruments: chance(0.8) ? [h.instrument] : [],
          }
        : null,
      feedback: null,
    };
  });

  const criteria: WrittenCriteria[] = mandates.map(({ id, m, home }) => {
    const currency = chance(0.5) ? CURRENCY[home] : 'EUR';
    return {
      id: `criteria-${id}`,
      financierId: id,
      country: home,
      regionCode: home === 'DZ' ? rng.pick(REGIONS) : null,
      sectors: m.sectors ? (chance(0.15) ? ['C'] : [...m.sectors]) : [],
      countries: [...m.countries],
      stages: [...m.stages],
      ticketMin: Math.round(m.ticketMinEur / RATE[currency]),
      ticketMax: Math.round(m.ticketMaxEur / RATE[currency]),
      currency,
      instruments: [...m.instruments],
      minAgeYears: m.minAge,
      minEmployeeBand: m.minBand != null ? BANDS[m.minBand] : null,
      requiredCertifications: [],
      innovation: m.innovation ? { wanted: true, minPatents: 0 } : null,
    };
  });

  const truth = new Map<string, Map<string, number>>();
  mandates.forEach(({ m }, i) => {
    const gains = new Map<string, number>();
    for (const { id, h } of hidden) if (trulyFits(m, h)) gains.set(id, gainOf(m, h));
    truth.set(criteria[i].id, gains);
  });
  return { seed, asOfYear, smes, criteria, truth };
}
