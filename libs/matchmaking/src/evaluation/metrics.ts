/** Ranking and clustering quality measures, written out so their definitions are visible. */

/** Share of the first k results that are relevant (k in the denominator even when fewer results exist). */
export function precisionAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  let hits = 0;
  for (const id of ranked.slice(0, k)) if (relevant.has(id)) hits++;
  return hits / k;
}

/** Share of the relevant items found in the first k results; NaN when nothing is relevant. */
export function recallAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (!relevant.size) return NaN;
  let hits = 0;
  for (const id of ranked.slice(0, k)) if (relevant.has(id)) hits++;
  return hits / relevant.size;
}

/** NDCG with graded gains (2^gain − 1) and log2 position discount; NaN when no item has a gain. */
export function ndcgAt(ranked: readonly string[], gains: ReadonlyMap<string, number>, k: number): number {
  const dcg = (gs: number[]) => gs.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg(
    [...gains.values()]
      .filter((g) => g > 0)
      .sort((a, b) => b - a)
      .slice(0, k),
  );
  if (ideal === 0) return NaN;
  return dcg(ranked.slice(0, k).map((id) => gains.get(id) ?? 0)) / ideal;
}

/** Mean of the finite values; NaN when there are none. */
export function mean(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  return finite.length ? finite.reduce((a, b) => a + b, 0) / finite.length : NaN;
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

/**
 * Adjusted Rand index of two labellings of the same items (Hubert and Arabie, 1985): 1 for identical
 * partitions, about 0 for independent ones, negative when worse than chance.
 */
export function adjustedRandIndex(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  if (a.length !== b.length) throw new Error('labellings must cover the same items');
  const n = a.length;
  const cells = new Map<string, number>();
  const rows = new Map<string | number, number>();
  const cols = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${String(a[i])}\u0000${String(b[i])}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rows.set(a[i], (rows.get(a[i]) ?? 0) + 1);
    cols.set(b[i], (cols.get(b[i]) ?? 0) + 1);
  }
  let index = 0;
  for (const c of cells.values()) index += pairs(c);
  let sumRows = 0;
  for (const r of rows.values()) sumRows += pairs(r);
  let sumCols = 0;
  for (const c of cols.values()) sumCols += pairs(c);
  const total = pairs(n);
  const expected = total > 0 ? (sumRows * sumCols) / total : 0;
  const max = (sumRows + sumCols) / 2;
  // Both partitions trivial (all singletons, or one block each): they agree perfectly.
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}
