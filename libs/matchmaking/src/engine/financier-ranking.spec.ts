import { CERTIFICATIONS, COMPANY_STAGES, EMPLOYEE_BANDS, FINANCING_INSTRUMENTS } from '#directory/taxonomy';
import { isRejection, rankFinanciersForSme, scoreFinancing } from './combine.js';
import { criteria, sme } from './fixtures.js';
import { seededRandom } from './random.js';
import type { FinancierCriteria, MatchResult, OrgProfile } from './types.js';

/**
 * An SME's financier list scores every financier but builds the criteria (the reasons) only for the
 * ones it keeps. It must return what scoring every financier in full with `scoreFinancing` and keeping
 * the best gives: the same financiers in the same order, with the same scores and reasons.
 */

const YEAR = 2026;
const SECTORS = ['10', '25', '62', 'C', 'J', '01', '24'];
const COUNTRIES = ['DZ', 'TN', 'MA', 'FR'];

function world(seed: number) {
  const rng = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
  const some = <T>(xs: readonly T[], p: number): T[] => xs.filter(() => rng() < p);
  const maybe = <T>(p: number, v: () => T): T | null => (rng() < p ? v() : null);
  const financiers: { id: string; criteria: FinancierCriteria }[] = [];
  for (let i = 0; i < 80; i++) {
    const id = `fin-${String(i).padStart(3, '0')}`;
    const min = maybe(0.7, () => Math.round(rng() * 200) * 1000);
    financiers.push({
      id,
      criteria: criteria({
        id: `criteria-${i}`,
        financierId: id,
        country: maybe(0.8, () => pick(COUNTRIES)),
        regionCode: maybe(0.5, () => pick(['DZ-16', 'DZ-31', 'TN-11'])),
        sectors: some(SECTORS, 0.3),
        countries: some(COUNTRIES, 0.3),
        stages: some(COMPANY_STAGES, 0.3),
        ticketMin: min,
        ticketMax: maybe(0.7, () => (min ?? 0) + Math.round(rng() * 900) * 1000),
        currency: pick(['EUR', 'DZD', null]),
        instruments: some(FINANCING_INSTRUMENTS, 0.3),
        minAgeYears: maybe(0.4, () => Math.floor(rng() * 6)),
        minEmployeeBand: maybe(0.3, () => pick(EMPLOYEE_BANDS)),
        requiredCertifications: some(CERTIFICATIONS, 0.03),
        preferredCertifications: some(CERTIFICATIONS, 0.05),
        innovation: maybe(0.3, () => ({ wanted: rng() < 0.7, minPatents: Math.floor(rng() * 3) })),
      }),
    });
  }
  const smes: OrgProfile[] = [];
  for (let i = 0; i < 60; i++)
    smes.push(
      sme(`sme-${String(i).padStart(3, '0')}`, {
        country: pick(COUNTRIES),
        regionCode: pick(['DZ-16', 'DZ-31', 'TN-11', null]),
        sectors: some(SECTORS, 0.25),
        certifications: some(CERTIFICATIONS, 0.1),
        employeeBand: pick(EMPLOYEE_BANDS),
        stage: rng() < 0.3 ? null : pick(COMPANY_STAGES),
        foundedYear: rng() < 0.2 ? null : 1990 + Math.floor(rng() * 37),
        innovation: {
          rdActivity: rng() < 0.3,
          patents: Math.floor(rng() * 3),
          utilityModels: 0,
          trademarks: 0,
          industrialDesigns: 0,
        },
        financingNeed: maybe(0.8, () => ({
          amount: Math.round(rng() * 1000) * 1000,
          currency: pick(['EUR', 'DZD']),
          instruments: some(FINANCING_INSTRUMENTS, 0.3),
        })),
      }),
    );
  return { financiers, smes };
}

describe('an SME financier list builds reasons for the kept financiers only', () => {
  const options = { asOfYear: YEAR, minScore: 0.05, limit: 7, weights: { sector: 3, ticket: 0 } };

  it.each([1, 2, 3])('keeps what full scoring of every financier keeps (seed %i)', (seed) => {
    const { financiers, smes } = world(seed);
    let kept = 0;
    let cut = 0;
    for (const firm of smes) {
      const lazy = rankFinanciersForSme(firm, financiers, options).map(({ financier, result }) => ({
        id: financier.id,
        result,
      }));
      const full: { id: string; result: MatchResult }[] = [];
      for (const f of financiers) {
        const r = scoreFinancing(f.criteria, firm, options);
        if (!isRejection(r) && r.score >= options.minScore) full.push({ id: f.id, result: r });
      }
      full.sort((a, b) => b.result.score - a.result.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      expect(lazy).toEqual(full.slice(0, options.limit));
      kept += lazy.length;
      if (full.length > options.limit) cut++;
    }
    // The generated world is not degenerate: SMEs have financiers to see, and some have more than kept.
    expect(kept).toBeGreaterThan(smes.length);
    expect(cut).toBeGreaterThan(0);
  });
});
