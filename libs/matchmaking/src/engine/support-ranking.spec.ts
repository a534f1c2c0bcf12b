import {
  CERTIFICATIONS,
  COMPANY_STAGES,
  OPPORTUNITY_TYPES,
  SUPPORT_COSTS,
  SUPPORT_SERVICES,
} from '#directory/taxonomy';
import { sme } from './fixtures.js';
import { seededRandom } from './random.js';
import {
  isSupportRejection,
  rankProgrammesForSme,
  rankSmesForProgrammes,
  scoreSupport,
  type SupportProgramme,
  type SupportSignals,
} from './support.js';
import type { MatchResult, OrgProfile } from './types.js';

/**
 * The rankings score every pair but build the criteria (the reasons) only for the results they keep.
 * They must return exactly what scoring every pair in full with `scoreSupport` and keeping each
 * candidate's best programme gives: the same candidates in the same order, with the same scores,
 * programmes and reasons.
 */

const YEAR = 2026;
const REGIONS = ['DZ-16', 'DZ-09', 'DZ-31', 'DZ-30', null] as const;
const SECTORS = ['10', '25', '62', 'C', '24', '01'];

function world(seed: number) {
  const rng = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
  const some = <T>(xs: readonly T[], p: number): T[] => xs.filter(() => rng() < p);
  const programmes: SupportProgramme[] = [];
  for (let i = 0; i < 40; i++) {
    const institutionId = `inst-${String(Math.floor(rng() * 15)).padStart(2, '0')}`;
    programmes.push({
      institutionId,
      index: programmes.filter((p) => p.institutionId === institutionId).length,
      name: {
        ar: rng() < 0.5 ? `برنامج ${i}` : null,
        fr: `Programme ${i}`,
        en: rng() < 0.5 ? `Programme ${i}` : null,
      },
      services: some(SUPPORT_SERVICES, 0.3),
      sectors: some(SECTORS, 0.3),
      stages: some(COMPANY_STAGES, 0.3),
      regionCodes: some(['DZ-09', 'DZ-30', 'DZ-31'], 0.4),
      reserved: rng() < 0.2,
      cost: rng() < 0.2 ? null : pick(SUPPORT_COSTS),
      certifications: some(CERTIFICATIONS, 0.1),
      country: rng() < 0.9 ? 'DZ' : 'TN',
      regionCode: pick(REGIONS),
    });
  }
  const smes: { sme: OrgProfile; signals: SupportSignals }[] = [];
  for (let i = 0; i < 120; i++)
    smes.push({
      sme: sme(`sme-${String(i).padStart(3, '0')}`, {
        kind: rng() < 0.95 ? 'SME' : 'FINANCIER',
        country: rng() < 0.9 ? 'DZ' : 'TN',
        regionCode: pick(REGIONS),
        sectors: some(SECTORS, 0.25),
        certifications: some(CERTIFICATIONS, 0.08),
        stage: rng() < 0.3 ? null : pick(COMPANY_STAGES),
        foundedYear: rng() < 0.2 ? null : 1990 + Math.floor(rng() * 37),
        innovation: {
          rdActivity: rng() < 0.3,
          patents: rng() < 0.2 ? 1 : 0,
          utilityModels: 0,
          trademarks: 0,
          industrialDesigns: 0,
        },
      }),
      signals: {
        opportunityTypes: some(OPPORTUNITY_TYPES, 0.2),
        targetCertifications: some(CERTIFICATIONS, 0.1),
      },
    });
  return { programmes, smes };
}

/** Reference: every pair scored in full, the best programme per candidate (the earlier on a tie), ranked. */
function reference(results: MatchResult[], minScore: number, limit: number): MatchResult[] {
  const top = new Map<string, MatchResult>();
  for (const r of results) {
    const held = top.get(r.candidateId);
    if (!held || Math.round((r.score - held.score) * 1e9) > 0) top.set(r.candidateId, r);
  }
  return [...top.values()]
    .filter((r) => r.score >= minScore)
    .sort(
      (a, b) =>
        Math.round((b.score - a.score) * 1e9) ||
        (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0),
    )
    .slice(0, limit);
}

const scored = (r: ReturnType<typeof scoreSupport>): MatchResult[] => (isSupportRejection(r) ? [] : [r]);

describe('support rankings build reasons for the kept results only', () => {
  const weights = { services: 2, sector: 0.5, cost: 0 };
  const options = { asOfYear: YEAR, minScore: 0.05, limit: 5, weights };

  it.each([1, 2, 3])('an SME gets the institutions full scoring ranks first (seed %i)', (seed) => {
    const { programmes, smes } = world(seed);
    let compared = 0;
    for (const { sme: firm, signals } of smes) {
      const lazy = rankProgrammesForSme(firm, signals, programmes, options);
      const full = reference(
        programmes.flatMap((p) =>
          scored(scoreSupport(p, firm, signals, { ...options, candidate: 'institution' })),
        ),
        options.minScore,
        options.limit,
      );
      expect(lazy).toEqual(full);
      compared += full.length;
    }
    // The generated world is not degenerate: most SMEs have some institution to see.
    expect(compared).toBeGreaterThan(smes.length);
  });

  it.each([1, 2, 3])('an institution gets the SMEs full scoring ranks first (seed %i)', (seed) => {
    const { programmes, smes } = world(seed);
    const institutions = [...new Set(programmes.map((p) => p.institutionId))];
    let compared = 0;
    for (const id of institutions) {
      const own = programmes.filter((p) => p.institutionId === id);
      const lazy = rankSmesForProgrammes(own, smes, options);
      const full = reference(
        smes.flatMap(({ sme: firm, signals }) =>
          own.flatMap((p) => scored(scoreSupport(p, firm, signals, { ...options, candidate: 'sme' }))),
        ),
        options.minScore,
        options.limit,
      );
      expect(lazy).toEqual(full);
      compared += full.length;
    }
    expect(compared).toBeGreaterThan(institutions.length);
  });
});
