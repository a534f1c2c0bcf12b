import { memberOverlap, sameCore, type ClusterCore } from './cluster-core.js';

const core = (members: string[], over: Partial<ClusterCore> = {}): ClusterCore => ({
  valueChain: 'METAL',
  country: 'DZ',
  regionCode: 'DZ-19',
  members,
  ...over,
});

describe('cluster cores', () => {
  it('measures the members two proposals share, leaving the judge out', () => {
    expect(memberOverlap(['me', 'a', 'b', 'c'], ['me', 'a', 'b', 'c'], 'me')).toBe(1);
    // One member replaced: 2 in common out of 4 distinct.
    expect(memberOverlap(['me', 'a', 'b', 'c'], ['me', 'a', 'b', 'd'], 'me')).toBe(0.5);
    expect(memberOverlap(['me', 'a'], ['me'], 'me')).toBe(0);
  });

  it('keeps a verdict when one member joins or leaves, not when the group is another', () => {
    const judged = core(['me', 'a', 'b', 'c', 'd']);
    expect(sameCore(judged, core(['me', 'a', 'b', 'c', 'd', 'e']), 'me')).toBe(true);
    expect(sameCore(judged, core(['me', 'a', 'b', 'c']), 'me')).toBe(true);
    expect(sameCore(judged, core(['me', 'a', 'x', 'y', 'z']), 'me')).toBe(false);
  });

  it('needs the same value chain and place', () => {
    const judged = core(['me', 'a', 'b', 'c']);
    expect(sameCore(judged, core(['me', 'a', 'b', 'c'], { valueChain: 'AGRIFOOD' }), 'me')).toBe(false);
    expect(sameCore(judged, core(['me', 'a', 'b', 'c'], { regionCode: 'DZ-16' }), 'me')).toBe(false);
    expect(sameCore(judged, core(['me', 'a', 'b', 'c'], { country: 'TN', regionCode: null }), 'me')).toBe(
      false,
    );
  });
});
