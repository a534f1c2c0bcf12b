import { describe, expect, it } from 'vitest';
import { matrixLayout, type PairCount } from './requestMatrix';

const cell = (from: string | null, to: string | null, pending: number, accepted: number, other = 0) =>
  ({
    fromKey: from,
    fromLabel: from && `L${from}`,
    toKey: to,
    toLabel: to && `L${to}`,
    pending,
    accepted,
    total: pending + accepted + other,
  }) satisfies PairCount<string>;

describe('matrixLayout', () => {
  const cells = [
    cell('a', 'b', 5, 1),
    cell('b', 'a', 0, 2),
    cell('c', 'a', 1, 1, 1),
    cell('a', 'c', 0, 1),
    cell('d', null, 1, 0),
    cell(null, 'b', 0, 1),
  ];

  it('orders senders and receivers by their totals, largest first', () => {
    const m = matrixLayout(cells, 10);
    // senders: a 7, c 3, b 2, d 1, (none) 1; receivers: b 7, a 5, c 1, (none) 1.
    expect(m.rows.map((r) => [r.key, r.total])).toEqual([
      ['a', 7],
      ['c', 3],
      ['b', 2],
      ['d', 1],
      [null, 1],
    ]);
    expect(m.columns.map((c) => [c.key, c.total])).toEqual([
      ['b', 7],
      ['a', 5],
      ['c', 1],
      [null, 1],
    ]);
    expect(m.rows[0].label).toBe('La');
  });

  it('puts each pair at its row and column, null where no request was made', () => {
    const m = matrixLayout(cells, 10);
    const counts = m.cells.map((row) => row.map((c) => (c ? `${c.pending}/${c.accepted}` : '-')));
    expect(counts).toEqual([
      ['5/1', '-', '0/1', '-'],
      ['-', '1/1', '-', '-'],
      ['-', '0/2', '-', '-'],
      ['-', '-', '-', '1/0'],
      ['0/1', '-', '-', '-'],
    ]);
    expect(m.shown).toBe(14);
    expect(m.total).toBe(14);
  });

  it('keeps the largest N on each side and counts what is left out', () => {
    const m = matrixLayout(cells, 2);
    expect(m.rows.map((r) => r.key)).toEqual(['a', 'c']);
    expect(m.columns.map((c) => c.key)).toEqual(['b', 'a']);
    expect(m.cells).toEqual([
      [cells[0], null],
      [null, cells[2]],
    ]);
    expect([m.senders, m.receivers]).toEqual([5, 4]);
    expect([m.shown, m.total]).toEqual([9, 14]);
  });

  it('is empty without requests', () => {
    expect(matrixLayout([], 20)).toMatchObject({ rows: [], columns: [], cells: [], shown: 0, total: 0 });
  });
});
