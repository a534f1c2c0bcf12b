import { adjustedRandIndex, mean, ndcgAt, precisionAt, recallAt } from './metrics.js';

describe('ranking metrics', () => {
  const ranked = ['a', 'x', 'b', 'y', 'c', 'd'];
  const relevant = new Set(['a', 'b', 'c', 'd', 'e']);

  it('computes precision@k and recall@k', () => {
    expect(precisionAt(ranked, relevant, 5)).toBeCloseTo(3 / 5, 12);
    expect(precisionAt(['a'], relevant, 5)).toBeCloseTo(1 / 5, 12);
    expect(recallAt(ranked, relevant, 10)).toBeCloseTo(4 / 5, 12);
    expect(recallAt(ranked, relevant, 1)).toBeCloseTo(1 / 5, 12);
    expect(recallAt(ranked, new Set(), 10)).toBeNaN();
  });

  it('computes NDCG with graded gains', () => {
    // DCG = (2²−1)/log2(3) + (2¹−1)/log2(4) = 3/1.585 + 0.5; ideal = 3/1 + 1/1.585.
    const gains = new Map([
      ['b', 2],
      ['c', 1],
    ]);
    const dcg = 3 / Math.log2(3) + 1 / 2;
    const ideal = 3 + 1 / Math.log2(3);
    expect(ndcgAt(['a', 'b', 'c'], gains, 3)).toBeCloseTo(dcg / ideal, 12);
    expect(ndcgAt(['a', 'b', 'c'], gains, 3)).toBeCloseTo(0.659, 3);
    expect(ndcgAt(['b', 'c', 'a'], gains, 3)).toBe(1);
    expect(ndcgAt(['a'], new Map(), 3)).toBeNaN();
  });

  it('averages finite values only', () => {
    expect(mean([1, NaN, 0])).toBe(0.5);
    expect(mean([NaN])).toBeNaN();
  });
});

describe('adjusted Rand index', () => {
  it('is 1 for identical partitions, whatever the label names', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], [0, 0, 1, 1, 2])).toBe(1);
    expect(adjustedRandIndex(['a', 'a', 'b', 'b', 'c'], [7, 7, 3, 3, 9])).toBe(1);
  });

  it('matches a hand-computed value', () => {
    // Contingency [[2,1,0],[0,1,2]]: index 2, row pairs 6, column pairs 3, total 15,
    // expected 6·3/15 = 1.2, max 4.5, so ARI = 0.8 / 3.3.
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(0.8 / 3.3, 12);
  });

  it('is 0 when one side puts everything in one group and the other does not', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [5, 5, 5, 5])).toBe(0);
  });

  it('goes below 0 for worse-than-chance agreement', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeLessThan(0);
  });

  it('refuses labellings of different lengths', () => {
    expect(() => adjustedRandIndex([0, 1], [0])).toThrow('same items');
  });
});
