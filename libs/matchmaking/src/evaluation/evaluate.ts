import { mean, ndcgAt, precisionAt, recallAt } from './metrics.js';

/** A judged case: the relevant ids, graded gains, and the near misses planted for it. */
export interface JudgedCase {
  relevant: readonly string[];
  gains: Readonly<Record<string, number>>;
  nearMisses: readonly { id: string }[];
}

export interface RankingReport {
  cases: number;
  precisionAt5: number;
  recallAt10: number;
  ndcgAt10: number;
  /** Near misses anywhere in the returned suggestions. */
  nearMissesSuggested: number;
  /** Near misses among the first ten. */
  nearMissesInTop10: number;
}

/** Quality of a ranker over judged cases; the ranker returns the ids it suggests, best first. */
export function evaluateRankings<C extends JudgedCase>(
  cases: readonly C[],
  rank: (c: C) => readonly string[],
): RankingReport {
  const p5: number[] = [];
  const r10: number[] = [];
  const n10: number[] = [];
  let nearMissesSuggested = 0;
  let nearMissesInTop10 = 0;
  for (const c of cases) {
    const ranked = rank(c);
    const relevant = new Set(c.relevant);
    const gains = new Map(Object.entries(c.gains));
    p5.push(precisionAt(ranked, relevant, 5));
    r10.push(recallAt(ranked, relevant, 10));
    n10.push(ndcgAt(ranked, gains, 10));
    const near = new Set(c.nearMisses.map((n) => n.id));
    ranked.forEach((id, i) => {
      if (!near.has(id)) return;
      nearMissesSuggested++;
      if (i < 10) nearMissesInTop10++;
    });
  }
  return {
    cases: cases.length,
    precisionAt5: mean(p5),
    recallAt10: mean(r10),
    ndcgAt10: mean(n10),
    nearMissesSuggested,
    nearMissesInTop10,
  };
}
