import { criteria, request, sme } from './fixtures.js';
import {
  isRejection,
  rankFinancingCandidates,
  rankRequestsForSupplier,
  rankSuppliers,
  reciprocal,
  scoreFinancing,
  scoreSubcontracting,
} from './combine.js';
import { seededRandom, shuffled } from './random.js';
import type { MatchResult } from './types.js';

const ids = (results: readonly MatchResult[]) => results.map((r) => r.candidateId);

describe('hard criteria', () => {
  it('rejects a supplier for each failed hard criterion, naming what failed', () => {
    const r = request({
      requiredProcesses: ['CNC_MACHINING', 'WELDING'],
      requiredCertifications: ['ISO_9001', 'IATF_16949'],
      countries: ['DZ', 'TN'],
      regionCodes: ['DZ-16', 'DZ-09'],
    });
    const far = sme('far', { country: 'FR', regionCode: null, certifications: ['ISO_9001'] });
    const out = scoreSubcontracting(r, far);
    expect(isRejection(out)).toBe(true);
    if (!isRejection(out)) return;
    expect(out.failed).toEqual([
      { code: 'hard.process', params: { missing: ['WELDING'] } },
      { code: 'hard.certification', params: { missing: ['IATF_16949'] } },
      { code: 'hard.country', params: { country: 'FR', allowed: ['DZ', 'TN'] } },
      { code: 'hard.region', params: { region: null, country: 'FR', allowed: ['DZ-16', 'DZ-09'] } },
    ]);
  });

  it('never suggests the requester itself nor an organisation of another kind', () => {
    const r = request({ requesterId: 'self' });
    const out = rankSuppliers(r, [sme('self'), sme('bank', { kind: 'FINANCIER' }), sme('ok')]);
    expect(ids(out.results)).toEqual(['ok']);
    expect(out.rejected.map((x) => [x.candidateId, x.failed[0].code])).toEqual([
      ['bank', 'hard.kind'],
      ['self', 'hard.self'],
    ]);
  });

  it('checks a financier’s screening: country, minimum age, minimum headcount, certifications', () => {
    const c = criteria({ requiredCertifications: ['ISO_14001'] });
    const young = sme('young', { country: 'MA', regionCode: null, foundedYear: 2024, employeeBand: '1-9' });
    const out = scoreFinancing(c, young, { asOfYear: 2025 });
    expect(isRejection(out) && out.failed).toEqual([
      { code: 'hard.country', params: { country: 'MA', allowed: ['DZ'] } },
      { code: 'hard.min_age', params: { age: 1, min: 3 } },
      { code: 'hard.min_employees', params: { band: '1-9', min: '10-49' } },
      { code: 'hard.certification', params: { missing: ['ISO_14001'] } },
    ]);
    const unknownAge = scoreFinancing(criteria(), sme('x', { foundedYear: null }), { asOfYear: 2025 });
    expect(isRejection(unknownAge) && unknownAge.failed).toEqual([
      { code: 'hard.min_age', params: { age: null, min: 3 } },
    ]);
  });
});

describe('combination and ranking', () => {
  it('keeps each criterion’s weight, contribution and evidence, and the contributions add up to each direction', () => {
    const out = scoreSubcontracting(request(), sme('a'));
    if (isRejection(out)) throw new Error('unexpected rejection');
    const sum = (d: string) =>
      out.criteria.filter((c) => c.direction === d).reduce((s, c) => s + c.contribution, 0);
    expect(sum('forward')).toBeCloseTo(out.forward, 10);
    expect(sum('reverse')).toBeCloseTo(out.reverse, 10);
    // Subcontracting is forward-led: the reverse fit can take at most a fifth of the score away.
    expect(out.score).toBeCloseTo(reciprocal(out.forward, out.reverse, 'forward-led'), 10);
    expect(reciprocal(0.8, 0, 'forward-led')).toBeCloseTo(0.64, 10);
    expect(reciprocal(0.8, 1, 'forward-led')).toBeCloseTo(0.8, 10);
    expect(out.criteria.map((c) => c.criterion)).toEqual([
      'process',
      'sector',
      'materials',
      'capacity',
      'certifications',
      'distance',
      'languages',
      'feedback',
      'collaboration',
      'size',
      'focus',
    ]);
    for (const c of out.criteria) expect(c.evidence.code).toMatch(/^[a-z_]+\.[a-z_]+$/);
  });

  it('ranks a pair that fits one way only below a mutual fit', () => {
    // Both can make the parts; for the big one the order is a sliver of capacity and not its business.
    const mutual = sme('mutual', {
      capabilities: [{ process: 'CNC_MACHINING', materials: ['acier'], monthlyCapacity: 3000 }],
    });
    const oneWay = sme('one-way', {
      sectors: ['29', '25'],
      capabilities: [
        { process: 'ASSEMBLY', materials: [], monthlyCapacity: 500_000 },
        { process: 'CNC_MACHINING', materials: ['acier'], monthlyCapacity: 900_000 },
      ],
      feedback: { accepted: 9, dismissed: 0, notRelevant: 0 },
    });
    const r = request();
    const forwardOnly = rankSuppliers(r, [mutual, oneWay], { reciprocity: 'forward' }).results;
    expect(ids(forwardOnly)).toEqual(['one-way', 'mutual']);
    const reciprocalRank = rankSuppliers(r, [mutual, oneWay]).results;
    expect(ids(reciprocalRank)).toEqual(['mutual', 'one-way']);
    expect(reciprocalRank[1].reverse).toBeLessThan(reciprocalRank[0].reverse);
    expect(reciprocalRank[1].forward).toBeGreaterThan(reciprocalRank[1].score);
  });

  it('is deterministic whatever the order of the candidates', () => {
    const candidates = Array.from({ length: 40 }, (_, i) =>
      sme(`s${i}`, {
        regionCode: i % 3 ? 'DZ-16' : 'DZ-31',
        capabilities: [
          {
            process: i % 2 ? 'CNC_MACHINING' : 'MACHINING',
            materials: [],
            monthlyCapacity: 1000 + (i % 4) * 500,
          },
        ],
      }),
    );
    const r = request({ requiredProcesses: [] });
    const first = rankSuppliers(r, candidates);
    for (const seed of [1, 2, 3]) {
      const again = rankSuppliers(r, shuffled(candidates, seededRandom(seed)));
      expect(again).toEqual(first);
    }
    // Equal scores fall back to the id order.
    const ties = first.results.filter((x) => x.score === first.results[0].score).map((x) => x.candidateId);
    expect(ties).toEqual([...ties].sort());
    expect(ties.length).toBeGreaterThan(1);
  });

  it('lets weights change the ranking', () => {
    const near = sme('near', {
      capabilities: [{ process: 'MACHINING', materials: ['acier'], monthlyCapacity: 2000 }],
    });
    const exactFar = sme('exact-far', { country: 'TN', regionCode: null });
    const r = request({ requiredProcesses: [] });
    const byDistance = rankSuppliers(r, [near, exactFar], {
      weights: { distance: 10, process: 0.5 },
    }).results;
    const byProcess = rankSuppliers(r, [near, exactFar], { weights: { distance: 0.1, process: 10 } }).results;
    expect(ids(byDistance)).toEqual(['near', 'exact-far']);
    expect(ids(byProcess)).toEqual(['exact-far', 'near']);
    const zero = rankSuppliers(r, [near], { weights: { distance: 0 } }).results[0];
    expect(zero.criteria.find((c) => c.criterion === 'distance')?.contribution).toBe(0);
  });

  it('lifts a supplier in a wished-for wilaya without excluding the others, and says why', () => {
    const oran = sme('oran', { regionCode: 'DZ-31' });
    const setif = sme('setif', { regionCode: 'DZ-19' });
    const plain = request({ regionCode: 'DZ-16' });
    // Both are in another wilaya of the same country: the same score, so ties break on the id.
    expect(ids(rankSuppliers(plain, [setif, oran]).results)).toEqual(['oran', 'setif']);
    const wished = request({ regionCode: 'DZ-16', preferredRegionCodes: ['DZ-19'] });
    const ranked = rankSuppliers(wished, [oran, setif]).results;
    expect(ids(ranked)).toEqual(['setif', 'oran']);
    expect(ranked[0].score).toBeGreaterThan(ranked[1].score);
    expect(ranked[0].criteria.find((c) => c.criterion === 'distance')?.evidence.code).toBe(
      'distance.preferred_region',
    );
    expect(ranked[1].criteria.find((c) => c.criterion === 'distance')?.evidence.code).toBe(
      'distance.same_country',
    );
  });

  it('honours limit and minimum score', () => {
    const candidates = Array.from({ length: 8 }, (_, i) => sme(`s${i}`));
    expect(rankSuppliers(request(), candidates, { limit: 3 }).results).toHaveLength(3);
    expect(rankSuppliers(request(), candidates, { minScore: 1.01 }).results).toHaveLength(0);
  });

  it('ranks open requests for a supplier with the same scores', () => {
    const supplier = sme('s');
    const fits = request({ id: 'fits' });
    const far = request({ id: 'other-wilaya', regionCode: 'DZ-31' });
    const needsCert = request({ id: 'needs-cert', requiredCertifications: ['AS_9100'] });
    const out = rankRequestsForSupplier(supplier, [needsCert, far, fits]);
    expect(ids(out.results)).toEqual(['fits', 'other-wilaya']);
    expect(out.rejected).toEqual([
      {
        candidateId: 'needs-cert',
        failed: [{ code: 'hard.certification', params: { missing: ['AS_9100'] } }],
      },
    ]);
    const direct = scoreSubcontracting(fits, supplier);
    expect(!isRejection(direct) && direct.score).toBe(out.results[0].score);
  });

  it('ranks financing candidates with reciprocity: an SME whose need the financier cannot meet ranks lower', () => {
    const c = criteria();
    const fits = sme('fits', {
      financingNeed: { amount: 200_000, currency: 'EUR', instruments: ['MURABAHA'] },
    });
    const tooBig = sme('too-big', {
      financingNeed: { amount: 40_000_000, currency: 'EUR', instruments: ['EQUITY'] },
    });
    const otherSector = sme('other-sector', { sectors: ['62'] });
    const out = rankFinancingCandidates(c, [tooBig, otherSector, fits], { asOfYear: 2025 });
    expect(ids(out.results)[0]).toBe('fits');
    const forward = rankFinancingCandidates(c, [tooBig, fits], {
      asOfYear: 2025,
      reciprocity: 'forward',
    }).results;
    expect(forward[0].score).toBeCloseTo(forward[1].score, 10);
    // Its need is 80 times the largest ticket, in an instrument not offered: no fit the other way, so not suggested.
    const direct = scoreFinancing(c, tooBig, { asOfYear: 2025 });
    expect(!isRejection(direct) && direct.reverse).toBe(0);
    expect(ids(out.results)).not.toContain('too-big');
  });
});
