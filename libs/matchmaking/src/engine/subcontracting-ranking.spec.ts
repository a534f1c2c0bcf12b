import { CERTIFICATIONS, PROCESSES, SPOKEN_LANGUAGES, type ProcessCode } from '#directory/taxonomy';
import { CollaborationIndex, type CollaborationLink } from './collaboration.js';
import {
  isRejection,
  rankRequestsForSupplier,
  rankSuppliers,
  scoreSubcontracting,
  subcontractingScores,
  type SubcontractingOptions,
} from './combine.js';
import { request, sme } from './fixtures.js';
import { MATERIALS } from './materials.js';
import { seededRandom } from './random.js';
import {
  capacityScore,
  capacityValue,
  certificationsScore,
  certificationsValue,
  distanceScore,
  distanceValue,
  feedbackScore,
  feedbackValue,
  focusScore,
  focusValue,
  isFarShort,
  languagesScore,
  languagesValue,
  materialsIncompatible,
  materialsScore,
  materialsValue,
  processScore,
  processValue,
  sectorScore,
  sectorValue,
  sizeFitScore,
  sizeFitValue,
} from './scoring.js';
import type { CriterionScore, MatchResult, OrgProfile, Rejection, SubcontractingRequest } from './types.js';

/**
 * The subcontracting rankings score every pair with the score-only functions and build the criteria
 * (the reasons) only for the results they keep. They must return exactly what scoring every pair in
 * full with `scoreSubcontracting` and ranking gives: the same candidates in the same order, with the
 * same scores and reasons, and the same rejections.
 */

const SECTORS = ['10', '25', '28', '29', '62', 'C', 'J', '01', '24', '22'];
const REGIONS = ['DZ-16', 'DZ-09', 'DZ-31', 'DZ-19', null] as const;
const COUNTRIES = ['DZ', 'DZ', 'DZ', 'TN', 'MA', 'FR', 'TR'];
const UNITS = ['tonnes', 't/month', 'kg', 'pieces', 'litres', null, undefined];
// Known materials in the three languages, spelling variants, and tags no list knows.
const TAGS = [
  ...Object.values(MATERIALS).flatMap((m) => [...m.ar, ...m.fr, ...m.en]),
  'Acier',
  'ACIER ',
  'alu 6061',
  'bois exotique',
  'zinc',
  '',
];

function world(seed: number) {
  const rng = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
  const some = <T>(xs: readonly T[], p: number): T[] => xs.filter(() => rng() < p);
  // A few picks, with a repeat now and then (lists as typed, before any dedupe).
  const few = <T>(xs: readonly T[], max: number): T[] => {
    const out = Array.from({ length: Math.floor(rng() * (max + 1)) }, () => pick(xs));
    if (out.length && rng() < 0.15) out.push(out[0]);
    return out;
  };
  const maybe = <T>(p: number, v: () => T): T | null => (rng() < p ? v() : null);
  const family = PROCESSES.slice(0, 12) as ProcessCode[];
  const suppliers: OrgProfile[] = [];
  for (let i = 0; i < 120; i++) {
    const country = pick(COUNTRIES);
    suppliers.push(
      sme(`s-${String(i).padStart(3, '0')}`, {
        kind: rng() < 0.9 ? 'SME' : pick(['LARGE_FIRM', 'FINANCIER'] as const),
        country,
        regionCode: country === 'DZ' ? pick(REGIONS) : null,
        sectors: few(SECTORS, 3),
        capabilities: Array.from({ length: Math.floor(rng() * 4) }, () => ({
          process: rng() < 0.8 ? pick(family) : pick(PROCESSES),
          materials: few(TAGS, 3),
          monthlyCapacity: maybe(0.75, () => Math.round(10 ** (rng() * 5))),
          capacityUnit: pick(UNITS),
        })),
        certifications: some(CERTIFICATIONS, 0.12),
        languages: some(SPOKEN_LANGUAGES, 0.3),
        feedback: maybe(0.4, () => ({
          accepted: Math.floor(rng() * 4),
          dismissed: Math.floor(rng() * 3),
          notRelevant: Math.floor(rng() * 4),
        })),
      }),
    );
  }
  const requests: SubcontractingRequest[] = [];
  for (let i = 0; i < 40; i++) {
    const processes = few(family, 3);
    requests.push(
      request({
        id: `r-${String(i).padStart(2, '0')}`,
        // Some requests come from an organisation among the suppliers (never suggested to itself).
        requesterId: rng() < 0.2 ? pick(suppliers).id : `buyer-${i}`,
        country: pick(COUNTRIES),
        regionCode: pick(REGIONS),
        processes,
        requiredProcesses: processes.filter(() => rng() < 0.15),
        sectors: few(SECTORS, 2),
        materials: few(TAGS, 3),
        volume: maybe(0.8, () => Math.round(10 ** (rng() * 4))),
        volumeUnit: pick(UNITS),
        requiredCertifications: some(CERTIFICATIONS, 0.03),
        preferredCertifications: some(CERTIFICATIONS, 0.08),
        countries: rng() < 0.2 ? some(COUNTRIES, 0.4) : [],
        regionCodes: rng() < 0.1 ? ['DZ-16', 'DZ-09'] : [],
        preferredRegionCodes: rng() < 0.3 ? ['DZ-31', 'DZ-19'] : [],
        languages: few(SPOKEN_LANGUAGES, 2),
      }),
    );
  }
  // Past collaborations, meetings private and histories public, for the collaboration criterion.
  const everyone = [...suppliers.map((s) => s.id), ...requests.map((r) => r.requesterId)];
  const links: CollaborationLink[] = Array.from({ length: 300 }, () => ({
    a: pick(everyone),
    b: pick(everyone),
    source: pick(['MEETING', 'CONTACT', 'HISTORY'] as const),
    year: maybe(0.8, () => 2015 + Math.floor(rng() * 11)),
    public: rng() < 0.4,
  }));
  return { suppliers, requests, index: new CollaborationIndex(links) };
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const key = (x: number) => Math.round(x * 1e9);

/** Reference: every pair scored in full, kept at the minimum score, ranked (score, forward, id), cut. */
function reference(
  outcomes: (MatchResult | Rejection)[],
  minScore: number,
  limit: number | undefined,
): { results: MatchResult[]; rejected: Rejection[] } {
  const results = outcomes
    .filter((r): r is MatchResult => !isRejection(r) && r.score >= minScore)
    .sort(
      (a, b) =>
        key(b.score) - key(a.score) || key(b.forward) - key(a.forward) || byId(a.candidateId, b.candidateId),
    );
  const rejected = outcomes.filter(isRejection).sort((a, b) => byId(a.candidateId, b.candidateId));
  return { results: limit == null ? results : results.slice(0, limit), rejected };
}

/** Options as the suggestions use them (adjusted weights, a limit) and others that change the sums. */
const variants = (index: CollaborationIndex): (SubcontractingOptions & { label: string })[] => [
  { label: 'defaults', limit: 20 },
  {
    label: 'adjusted weights and the network',
    weights: { process: 4.2, distance: 0, certifications: 1.7, size: 0.4 },
    limit: 5,
    network: (requester, supplier) => index.score(requester, supplier),
  },
  {
    label: 'harmonic, a higher floor, other kinds, other distance credits',
    reciprocity: 'harmonic',
    minScore: 0.3,
    supplierKinds: ['SME', 'LARGE_FIRM'],
    limit: 8,
    distanceCredit: { sameRegion: 0.9, sameCountry: 0.6, arabRegion: 0.5, elsewhere: 0.05 },
  },
  {
    label: 'geometric, forward only weights',
    reciprocity: 'geometric',
    weights: { size: 0, focus: 0 },
    limit: 12,
  },
  { label: 'every result kept', reciprocity: 'forward' },
];

describe('subcontracting rankings build reasons for the kept results only', () => {
  it.each([1, 2, 3])('a request gets the suppliers full scoring ranks first (seed %i)', (seed) => {
    const { suppliers, requests, index } = world(seed);
    let kept = 0;
    let cut = 0;
    let unfit = 0;
    for (const options of variants(index))
      for (const r of requests) {
        const lazy = rankSuppliers(r, suppliers, options);
        const full = suppliers.map((s) => scoreSubcontracting(r, s, options));
        const expected = reference(full, options.minScore ?? 0.05, options.limit);
        expect(lazy).toEqual(expected);
        kept += lazy.results.length;
        if (full.filter((x) => !isRejection(x)).length > (options.limit ?? Infinity)) cut++;
        unfit += lazy.results.filter((x) =>
          x.criteria.some((c) => ['capacity.far_short', 'materials.incompatible'].includes(c.evidence.code)),
        ).length;
      }
    // Not degenerate: requests find suppliers, lists are cut at the limit, and unfit ones are ranked down.
    expect(kept).toBeGreaterThan(requests.length * 4);
    expect(cut).toBeGreaterThan(0);
    expect(unfit).toBeGreaterThan(0);
  });

  it.each([1, 2, 3])('a supplier gets the requests full scoring ranks first (seed %i)', (seed) => {
    const { suppliers, requests, index } = world(seed);
    let kept = 0;
    for (const options of variants(index))
      for (const s of suppliers) {
        const lazy = rankRequestsForSupplier(s, requests, options);
        // scoreSubcontracting names the supplier as the candidate; here the candidate is the request.
        const full = requests.map((r) => ({ ...scoreSubcontracting(r, s, options), candidateId: r.id }));
        expect(lazy).toEqual(reference(full, options.minScore ?? 0.05, options.limit));
        kept += lazy.results.length;
      }
    expect(kept).toBeGreaterThan(suppliers.length);
  });
});

describe('score-only functions give the scores of the full ones', () => {
  /** What a score-only function must return for a criterion scored in full. */
  const value = (c: CriterionScore) => (c.applicable ? c.score : null);

  it.each([1, 2])('criterion by criterion, on every generated pair (seed %i)', (seed) => {
    const { suppliers, requests } = world(seed);
    const codes = new Set<string>();
    const differ: { request: string; supplier: string; full: CriterionScore; lean: unknown }[] = [];
    for (const r of requests)
      for (const s of suppliers) {
        const offered = s.capabilities.map((c) => c.process);
        const materials = s.capabilities.flatMap((c) => c.materials);
        const capacity = s.capabilities[0]?.monthlyCapacity ?? null;
        const certifications = [...r.requiredCertifications, ...(r.preferredCertifications ?? [])];
        const pairs: [CriterionScore, number | null][] = [
          [processScore(r.processes, offered), processValue(r.processes, offered)],
          [sectorScore(r.sectors, s.sectors), sectorValue(r.sectors, s.sectors)],
          [materialsScore(r.materials, materials), materialsValue(r.materials, materials)],
          [capacityScore(r.volume, capacity), capacityValue(r.volume, capacity)],
          [sizeFitScore(r.volume, capacity), sizeFitValue(r.volume, capacity)],
          [
            certificationsScore(certifications, s.certifications),
            certificationsValue(certifications, s.certifications),
          ],
          [distanceScore(r, s), distanceValue(r, s)],
          [languagesScore(r.languages, s.languages), languagesValue(r.languages, s.languages)],
          [feedbackScore(s.feedback), feedbackValue(s.feedback)],
          [
            focusScore(r.processes, r.sectors, offered, s.sectors),
            focusValue(r.processes, r.sectors, offered, s.sectors),
          ],
        ];
        for (const [full, lean] of pairs) {
          codes.add(full.evidence.code);
          if (!Object.is(lean, value(full))) differ.push({ request: r.id, supplier: s.id, full, lean });
        }
        // The two facts that mark a supplier unfit (its score then multiplied down).
        const unfit: [CriterionScore, string, boolean][] = [
          [
            materialsScore(r.materials, materials),
            'materials.incompatible',
            materialsIncompatible(r.materials, materials),
          ],
          [capacityScore(r.volume, capacity), 'capacity.far_short', isFarShort(r.volume, capacity)],
        ];
        for (const [full, code, lean] of unfit)
          if ((full.evidence.code === code) !== lean)
            differ.push({ request: r.id, supplier: s.id, full, lean });
      }
    expect(differ).toEqual([]);
    // The generated pairs reach the branches of each criterion.
    for (const code of [
      'process.exact',
      'process.partial',
      'process.none',
      'process.unspecified',
      'sector.exact',
      'sector.partial',
      'sector.none',
      'sector.unknown',
      'materials.match',
      'materials.none',
      'materials.incompatible',
      'materials.unknown',
      'materials.unspecified',
      'capacity.enough',
      'capacity.short',
      'capacity.far_short',
      'capacity.unknown',
      'size.fit',
      'size.small',
      'certification.held',
      'certification.none',
      'distance.same_region',
      'distance.same_country',
      'distance.arab_region',
      'distance.far',
      'language.shared',
      'language.none',
      'language.unknown',
      'feedback.positive',
      'feedback.negative',
      'focus.core',
      'focus.side',
    ])
      expect([code, codes.has(code)]).toEqual([code, true]);
  });

  it('the pair scores the rankings use are those of subcontractingScores', () => {
    // A supplier whose capacity is stated in a unit that does not convert still scores neutral.
    const r = request({ volume: 3, volumeUnit: 'tonnes' });
    const s = sme('pcs', {
      capabilities: [
        { process: 'CNC_MACHINING', materials: ['acier'], monthlyCapacity: 2, capacityUnit: 'pieces' },
      ],
    });
    const scores = subcontractingScores(r, s);
    expect(scores.capacity.evidence.code).toBe('capacity.other_unit');
    const [ranked] = rankSuppliers(r, [s]).results;
    expect(ranked).toEqual(scoreSubcontracting(r, s));
  });
});
