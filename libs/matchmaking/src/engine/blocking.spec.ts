import { generatePopulation } from '../evaluation/generator.js';
import { CandidateIndex } from './blocking.js';
import { rankSuppliers } from './combine.js';
import { passesSubcontractingHard } from './hard.js';
import { request, sme } from './fixtures.js';

describe('CandidateIndex', () => {
  const { organisations, requests } = generatePopulation({ orgs: 3000, requests: 120, seed: 4 });
  const index = new CandidateIndex(organisations);

  it('selects at most `limit` candidates, all passing the hard criteria', () => {
    for (const r of requests) {
      const selected = index.select(r, 50);
      expect(selected.length).toBeLessThanOrEqual(50);
      expect(selected.filter((o) => !passesSubcontractingHard(r, o))).toEqual([]);
      expect(new Set(selected.map((o) => o.id)).size).toBe(selected.length);
    }
  });

  it('finds nearly all of the exhaustive top 10', () => {
    let found = 0;
    let total = 0;
    for (const r of requests) {
      const exhaustive = rankSuppliers(r, organisations, { limit: 10 }).results.map((x) => x.candidateId);
      const kept = new Set(
        rankSuppliers(r, index.select(r, 200), { limit: 10 }).results.map((x) => x.candidateId),
      );
      total += exhaustive.length;
      found += exhaustive.filter((id) => kept.has(id)).length;
    }
    expect(total).toBeGreaterThan(500);
    expect(found / total).toBeGreaterThanOrEqual(0.95);
  });

  it('reads the requester’s wilaya first and leaves out other kinds of organisation', () => {
    const local = sme('local', { regionCode: 'DZ-31' });
    const national = sme('national', { regionCode: 'DZ-05' });
    const bank = sme('bank', { kind: 'FINANCIER', regionCode: 'DZ-31' });
    const small = new CandidateIndex([national, bank, local]);
    expect(small.size).toBe(2);
    expect(small.select(request({ regionCode: 'DZ-31' }), 1).map((o) => o.id)).toEqual(['local']);
  });
});
