import { generateEvaluationSet } from '../evaluation/generator.js';
import { adjustedRandIndex } from '../evaluation/metrics.js';
import { connectedParts, proposeClusters, valueChainGraph } from './clusters.js';
import { sme } from './fixtures.js';
import { seededRandom, shuffled } from './random.js';
import type { OrgProfile } from './types.js';
import { linkStrength } from './value-chain.js';

const set = generateEvaluationSet({
  seed: 5,
  requests: 0,
  financiers: 0,
  noise: 0,
  clusterGroups: 16,
  clusterNoise: 80,
});
const { smes, supportInstitutions, financiers, groups } = set.clusters;

describe('proposeClusters', () => {
  it('is reproducible with a seed and independent of input order', () => {
    const first = proposeClusters(smes, supportInstitutions, financiers, { seed: 42 });
    const again = proposeClusters(shuffled(smes, seededRandom(9)), supportInstitutions, financiers, {
      seed: 42,
    });
    expect(again).toEqual(first);
    expect(first.length).toBeGreaterThan(0);
  });

  it('proposes connected groups of 3 to 12 complementary SMEs', () => {
    const graph = valueChainGraph(smes);
    for (const seed of [1, 2, 3]) {
      const proposals = proposeClusters(smes, supportInstitutions, financiers, { seed });
      const seen = new Set<string>();
      for (const p of proposals) {
        const ids = p.members.map((m) => m.id);
        expect(ids.length).toBeGreaterThanOrEqual(3);
        expect(ids.length).toBeLessThanOrEqual(12);
        expect(connectedParts(graph, ids)).toHaveLength(1);
        for (const id of ids) {
          expect(seen.has(id)).toBe(false);
          seen.add(id);
        }
        // Every member trades with another member along the value chain.
        for (const m of p.members)
          expect(p.members.some((o) => o !== m && linkStrength(m.division, o.division) > 0)).toBe(true);
      }
    }
  });

  it('splits a community too large for one cluster into connected groups of at most 12', () => {
    const big: OrgProfile[] = Array.from({ length: 30 }, (_, i) =>
      sme(`big-${String(i).padStart(2, '0')}`, { sectors: [['24', '25', '28'][i % 3]], regionCode: 'DZ-19' }),
    );
    const proposals = proposeClusters(big, [], [], { seed: 1, linksPerDivision: 6 });
    const graph = valueChainGraph(big, { linksPerDivision: 6 });
    expect(proposals.length).toBeGreaterThanOrEqual(3);
    for (const p of proposals) {
      expect(p.members.length).toBeLessThanOrEqual(12);
      expect(p.members.length).toBeGreaterThanOrEqual(3);
      expect(
        connectedParts(
          graph,
          p.members.map((m) => m.id),
        ),
      ).toHaveLength(1);
    }
  });

  it('names the value chain, the region, each member’s gap, and attaches a support institution and a financier', () => {
    const proposals = proposeClusters(smes, supportInstitutions, financiers, { seed: 1 });
    const p = proposals[0];
    expect(p.valueChain.code).not.toBeNull();
    expect(p.region.country).toBe('DZ');
    expect(p.region.regionCode).toMatch(/^DZ-\d\d$/);
    expect(p.evidence).toMatchObject({ code: 'cluster.chain', params: { size: p.members.length } });
    for (const m of p.members) {
      expect(m.gap.code).toBe('cluster.gap');
      const links = [...(m.gap.params.suppliesTo as string[]), ...(m.gap.params.buysFrom as string[])];
      expect(links.length).toBeGreaterThan(0);
    }
    expect(proposals.filter((x) => x.supportInstitution).length).toBeGreaterThan(proposals.length / 2);
    expect(p.supportInstitution?.evidence.code).toBe('cluster.support');
    const fin = proposals.find((x) => x.financier)!;
    expect(fin.financier!.evidence.code).toBe('cluster.financier');
    expect((fin.financier!.evidence.params.sectors as string[]).length).toBeGreaterThan(0);
  });

  it('recovers planted value-chain groups far better than grouping by sector', () => {
    const proposals = proposeClusters(smes, supportInstitutions, financiers, { seed: 1 });
    const truth = new Map(groups.flatMap((g) => g.members.map((id) => [id, g.id] as const)));
    const predicted = new Map(proposals.flatMap((p) => p.members.map((m) => [m.id, p.id] as const)));
    const ids = smes.map((s) => s.id);
    const truthLabels = ids.map((id) => truth.get(id) ?? id);
    const ari = adjustedRandIndex(
      truthLabels,
      ids.map((id) => predicted.get(id) ?? id),
    );
    const sectorOnly = adjustedRandIndex(
      truthLabels,
      smes.map((s) => s.sectors[0]),
    );
    expect(ari).toBeGreaterThan(0.6);
    expect(ari).toBeGreaterThan(sectorOnly + 0.4);
  });
});
