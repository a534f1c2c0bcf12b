import {
  adjustedWeights,
  similarityCounts,
  similarityFactor,
  similarityKey,
  weightMultipliers,
  type PastVerdict,
} from './adjustments.js';

describe('feedback adjustments', () => {
  it('raises the criteria behind "not relevant" reasons, bounded at twice the default', () => {
    const verdicts: PastVerdict[] = Array.from({ length: 5 }, () => ({
      verdict: 'NOT_RELEVANT',
      reason: 'DISTANCE',
      similarity: null,
    }));
    verdicts.push({ verdict: 'NOT_RELEVANT', reason: 'SECTOR', similarity: null });
    verdicts.push({ verdict: 'DISMISSED', reason: null, similarity: null });
    const m = weightMultipliers(verdicts);
    expect(m).toEqual({ distance: 2, sector: 1.25, focus: 1.25 });
    expect(adjustedWeights({ distance: 1.5, sector: 2, process: 3 }, m)).toEqual({
      distance: 3,
      sector: 2.5,
      process: 3,
    });
  });

  it('penalises counterparts similar to refused ones and favours those similar to accepted ones', () => {
    const key = similarityKey({ sectors: ['C', '25'], country: 'DZ' });
    expect(key).toBe('25|DZ');
    const counts = similarityCounts([
      { verdict: 'DISMISSED', reason: null, similarity: key },
      { verdict: 'NOT_RELEVANT', reason: 'OTHER', similarity: key },
      { verdict: 'ACCEPTED', reason: null, similarity: '10|DZ' },
    ]);
    expect(similarityFactor(key, counts).factor).toBeCloseTo(0.85 ** 2);
    expect(similarityFactor('10|DZ', counts).factor).toBeCloseTo(1.05);
    expect(similarityFactor('28|TN', counts)).toEqual({ factor: 1, evidence: null });
    const many = similarityCounts(
      Array.from({ length: 20 }, () => ({ verdict: 'DISMISSED' as const, reason: null, similarity: key })),
    );
    expect(similarityFactor(key, many).factor).toBe(0.5);
  });
});
