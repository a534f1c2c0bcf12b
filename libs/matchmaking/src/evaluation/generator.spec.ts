import { LANGS } from '#directory/taxonomy';
import { rankFinancingCandidates, rankSuppliers } from '../engine/combine.js';
import { financingHardFailures, subcontractingHardFailures } from '../engine/hard.js';
import { randomRanking, sameSectorRanking, textOverlapRanking } from './baselines.js';
import { evaluateRankings } from './evaluate.js';
import { generateEvaluationSet } from './generator.js';

const options = { seed: 21, requests: 12, financiers: 8, noise: 300, clusterGroups: 4, clusterNoise: 20 };
const set = generateEvaluationSet(options);
const byId = new Map(set.organisations.map((o) => [o.id, o]));

const HARD_CODE = {
  process: 'hard.process',
  certification: 'hard.certification',
  country: 'hard.country',
  region: 'hard.region',
  min_age: 'hard.min_age',
  min_employees: 'hard.min_employees',
} as const;

describe('evaluation set generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(generateEvaluationSet(options))).toBe(JSON.stringify(set));
    expect(JSON.stringify(generateEvaluationSet({ ...options, seed: 22 }))).not.toBe(JSON.stringify(set));
  });

  it('writes profiles and requests in Arabic, French and English', () => {
    const langs = new Set(Object.values(set.texts).map((t) => t.lang));
    for (const l of LANGS) expect(langs.has(l)).toBe(true);
    const arabic = Object.values(set.texts).find((t) => t.lang === 'ar')!;
    expect(arabic.text).toMatch(/[\u0600-\u06FF]/);
  });

  it('plants fits that pass every hard criterion and near misses that fail exactly the planted one', () => {
    for (const c of set.subcontracting) {
      for (const id of c.relevant) expect(subcontractingHardFailures(c.request, byId.get(id)!)).toEqual([]);
      expect(c.nearMisses.length).toBeGreaterThanOrEqual(2);
      for (const n of c.nearMisses)
        expect(subcontractingHardFailures(c.request, byId.get(n.id)!).map((f) => f.code)).toEqual([
          HARD_CODE[n.fails],
        ]);
    }
    for (const c of set.financing) {
      for (const id of c.relevant)
        expect(financingHardFailures(c.criteria, byId.get(id)!, set.asOfYear)).toEqual([]);
      expect(c.nearMisses.length).toBeGreaterThanOrEqual(2);
      for (const n of c.nearMisses)
        expect(financingHardFailures(c.criteria, byId.get(n.id)!, set.asOfYear).map((f) => f.code)).toEqual([
          HARD_CODE[n.fails],
        ]);
    }
  });

  it('never lets the engine suggest a near miss, and ranks planted fits above the baselines', () => {
    const engine = evaluateRankings(set.subcontracting, (c) =>
      rankSuppliers(c.request, set.organisations).results.map((r) => r.candidateId),
    );
    const financing = evaluateRankings(set.financing, (c) =>
      rankFinancingCandidates(c.criteria, set.organisations, { asOfYear: set.asOfYear }).results.map(
        (r) => r.candidateId,
      ),
    );
    expect(engine.nearMissesSuggested).toBe(0);
    expect(financing.nearMissesSuggested).toBe(0);
    const smes = set.organisations.filter((o) => o.kind === 'SME');
    const docs = smes.map((o) => ({ id: o.id, text: set.texts[o.id].text }));
    const random = evaluateRankings(set.subcontracting, () =>
      randomRanking(
        smes.map((o) => o.id),
        1,
      ),
    );
    const sector = evaluateRankings(set.subcontracting, (c) => sameSectorRanking(c.request.sectors, smes, 1));
    const text = evaluateRankings(set.subcontracting, (c) =>
      textOverlapRanking(set.texts[c.request.id].text, docs),
    );
    // Baselines know nothing of hard criteria, so near misses do reach them: the check above is not vacuous.
    expect(random.nearMissesSuggested).toBeGreaterThan(0);
    for (const baseline of [random, sector, text]) expect(engine.ndcgAt10).toBeGreaterThan(baseline.ndcgAt10);
  });

  it('plants value-chain groups in one wilaya, with support institutions and financiers', () => {
    expect(set.clusters.groups).toHaveLength(4);
    const smes = new Map(set.clusters.smes.map((s) => [s.id, s]));
    for (const g of set.clusters.groups) {
      expect(g.members.length).toBeGreaterThanOrEqual(3);
      expect(new Set(g.members.map((id) => smes.get(id)!.regionCode))).toEqual(new Set([g.regionCode]));
      expect(new Set(g.members.map((id) => smes.get(id)!.sectors[0]))).toEqual(new Set(g.divisions));
    }
    expect(set.clusters.supportInstitutions.length).toBeGreaterThan(0);
    expect(set.clusters.financiers.length).toBeGreaterThan(0);
  });
});

describe('baselines', () => {
  it('text overlap ranks the document sharing the most rare words first', () => {
    const ranked = textOverlapRanking('usinage acier inoxydable', [
      { id: 'a', text: 'soudage acier' },
      { id: 'b', text: 'usinage de pièces en acier inoxydable' },
      { id: 'c', text: 'emballage carton' },
    ]);
    expect(ranked).toEqual(['b', 'a', 'c']);
  });

  it('same sector puts exact divisions first, then the same section', () => {
    const ranked = sameSectorRanking(
      ['25'],
      [
        { id: 'other', sectors: ['62'] },
        { id: 'section', sectors: ['28'] },
        { id: 'exact', sectors: ['25'] },
      ],
      1,
    );
    expect(ranked).toEqual(['exact', 'section', 'other']);
  });

  it('random ranking depends only on the seed', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `o${i}`);
    expect(randomRanking(ids, 3)).toEqual(randomRanking([...ids].reverse(), 3));
    expect(randomRanking(ids, 3)).not.toEqual(randomRanking(ids, 4));
  });
});
