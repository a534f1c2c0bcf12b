/*
 * The request matrix's layout (pure): the N largest senders as rows and the N largest receivers as
 * columns, each cell the counts of one pair, and what the grid leaves out.
 */

export interface PairCount<L> {
  fromKey: string | null;
  fromLabel: L | null;
  toKey: string | null;
  toLabel: L | null;
  pending: number;
  accepted: number;
  total: number;
}

export interface MatrixSide<L> {
  key: string | null;
  label: L | null;
  total: number;
}

export interface MatrixLayout<L> {
  rows: MatrixSide<L>[];
  columns: MatrixSide<L>[];
  /** cells[r][c]: the pair rows[r] -> columns[c], null when it made no request. */
  cells: (PairCount<L> | null)[][];
  senders: number;
  receivers: number;
  /** Requests counted in the grid, and in all pairs. */
  shown: number;
  total: number;
}

function sides<L>(cells: PairCount<L>[], side: 'from' | 'to', size: number): MatrixSide<L>[] {
  const byKey = new Map<string | null, MatrixSide<L>>();
  for (const c of cells) {
    const key = side === 'from' ? c.fromKey : c.toKey;
    const entry = byKey.get(key) ?? { key, label: side === 'from' ? c.fromLabel : c.toLabel, total: 0 };
    entry.total += c.total;
    byKey.set(key, entry);
  }
  // Largest first; equal totals by key (no key last) so the grid does not reorder between loads.
  return [...byKey.values()]
    .sort(
      (a, b) =>
        b.total - a.total ||
        (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) ||
        (a.key ?? '').localeCompare(b.key ?? ''),
    )
    .slice(0, size);
}

/** The `size` largest senders by rows and receivers by columns, with each pair's counts. */
export function matrixLayout<L>(cells: PairCount<L>[], size: number): MatrixLayout<L> {
  const rows = sides(cells, 'from', size);
  const columns = sides(cells, 'to', size);
  const pair = new Map(
    cells.map((c) => [
      `${c.fromKey ?? ''}\u0000${c.toKey ?? ''}\u0000${c.fromKey === null}${c.toKey === null}`,
      c,
    ]),
  );
  const at = (r: MatrixSide<L>, c: MatrixSide<L>) =>
    pair.get(`${r.key ?? ''}\u0000${c.key ?? ''}\u0000${r.key === null}${c.key === null}`) ?? null;
  const grid = rows.map((r) => columns.map((c) => at(r, c)));
  return {
    rows,
    columns,
    cells: grid,
    senders: new Set(cells.map((c) => c.fromKey)).size,
    receivers: new Set(cells.map((c) => c.toKey)).size,
    shown: grid.flat().reduce((s, c) => s + (c?.total ?? 0), 0),
    total: cells.reduce((s, c) => s + c.total, 0),
  };
}
