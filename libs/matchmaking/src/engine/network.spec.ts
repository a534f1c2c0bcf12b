import { CollaborationGraph } from './network.js';

// a–b and b–c worked together; d and e joined a large consortium with b; f shares only a programme with a.
const graph = new CollaborationGraph([
  { id: 'p1', participants: ['a', 'b'], programmes: ['SC1'] },
  { id: 'p2', participants: ['b', 'c'], programmes: ['SC1'] },
  { id: 'p3', participants: ['b', 'd', 'e', 'g', 'h', 'i'], programmes: ['LEIT'] },
  { id: 'p4', participants: ['f'], programmes: ['SC1'] },
]);

describe('CollaborationGraph', () => {
  it('suggests partners of partners, strongest ties first, leaving out existing partners', () => {
    const suggestions = graph.suggest('a', 3);
    expect(suggestions.map((s) => s.id)).toEqual(['c', 'd', 'e']);
    expect(suggestions[0].evidence).toEqual({
      code: 'network.partners',
      params: { shared: 1, programmes: ['SC1'] },
    });
    expect(graph.suggest('a', 10).map((s) => s.id)).not.toContain('b');
    expect(graph.suggest('unknown', 10)).toEqual([]);
  });

  it('scores a pair: past collaboration, shared partners, shared programmes, nothing', () => {
    expect(graph.pairScore('a', 'b')).toMatchObject({ score: 1, evidence: { code: 'network.past' } });
    const viaB = graph.pairScore('a', 'c');
    expect(viaB.evidence).toEqual({ code: 'network.partners', params: { shared: 1, programmes: ['SC1'] } });
    const programme = graph.pairScore('a', 'f');
    expect(programme.evidence.code).toBe('network.programmes');
    expect(programme.score).toBeGreaterThan(0);
    expect(programme.score).toBeLessThan(viaB.score);
    expect(graph.pairScore('f', 'd')).toMatchObject({ score: 0, evidence: { code: 'network.none' } });
    expect(graph.pairScore('a', 'zzz').applicable).toBe(false);
  });
});
