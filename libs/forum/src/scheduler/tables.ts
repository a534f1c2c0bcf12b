import type { Model } from './model.js';
import type { SchedulerTable } from './types.js';

/**
 * Gives each scheduled meeting a table, slot by slot in time order. Within a slot, pairs (meeting, table)
 * are taken best first: the stand of one of the two participants, then the table one of them sat at in
 * their previous meeting (more when it was the slot just before), so people move as little as possible.
 * Pinned tables are honoured first. Returns the table index per meeting (-1 when none could be given).
 */
export function assignTables(model: Model, tables: SchedulerTable[], slots: Int32Array): Int32Array {
  const { M, T, P, ma, mb } = model;
  const K = tables.length;
  const table = new Int32Array(M).fill(-1);
  if (!K) return table;
  const tIndex = new Map(tables.map((t, i) => [t.id, i]));
  const pIndex = new Map(model.pIds.map((id, i) => [id, i]));
  const standOf = new Int32Array(K).fill(-1);
  const standsOfP: number[][] = Array.from({ length: P }, () => []);
  tables.forEach((t, k) => {
    const p = t.standOf !== undefined ? pIndex.get(t.standOf) : undefined;
    if (p !== undefined) {
      standOf[k] = p;
      standsOfP[p].push(k);
    }
  });
  const closed = new Uint8Array(K * T);
  tables.forEach((t, k) => (t.unavailable ?? []).forEach((s) => s >= 0 && s < T && (closed[k * T + s] = 1)));
  const lastTable = new Int32Array(P).fill(-1);
  const lastSlot = new Int32Array(P).fill(-2);
  const bySlot: number[][] = Array.from({ length: T }, () => []);
  for (let m = 0; m < M; m++) if (slots[m] >= 0) bySlot[slots[m]].push(m);

  const used = new Uint8Array(K);
  for (let t = 0; t < T; t++) {
    used.fill(0);
    for (let k = 0; k < K; k++) if (closed[k * T + t]) used[k] = 1;
    const ms = bySlot[t];
    const busyNow = new Set<number>();
    for (const m of ms) busyNow.add(ma[m]).add(mb[m]);
    for (const m of ms) {
      const f = model.fixedTable[m];
      if (f === undefined) continue;
      const k = tIndex.get(f)!;
      table[m] = k;
      used[k] = 1;
    }
    const cands: [number, number, number][] = [];
    for (const m of ms) {
      if (table[m] >= 0) continue;
      const score = new Map<number, number>();
      const add = (k: number, v: number) => score.set(k, (score.get(k) ?? 0) + v);
      for (const p of [ma[m], mb[m]]) {
        for (const k of standsOfP[p]) add(k, 10);
        if (lastTable[p] >= 0) add(lastTable[p], lastSlot[p] === t - 1 ? 4 : 2);
      }
      for (const [k, v] of score) cands.push([v, m, k]);
    }
    cands.sort((x, y) => y[0] - x[0]);
    for (const [, m, k] of cands) {
      if (table[m] >= 0 || used[k]) continue;
      table[m] = k;
      used[k] = 1;
    }
    // Remaining meetings: plain tables first, then stands of people not meeting in this slot.
    const free: number[] = [];
    for (let k = 0; k < K; k++) if (!used[k]) free.push(k);
    free.sort((x, y) => rank(x) - rank(y));
    function rank(k: number): number {
      if (standOf[k] < 0) return 0;
      return busyNow.has(standOf[k]) ? 1 : 2;
    }
    let fi = 0;
    for (const m of ms) {
      if (table[m] >= 0) continue;
      if (fi < free.length) table[m] = free[fi++];
    }
    for (const m of ms) {
      for (const p of [ma[m], mb[m]]) {
        lastTable[p] = table[m];
        lastSlot[p] = t;
      }
    }
  }
  return table;
}

/** Times a participant changes table between two consecutive meetings of theirs. */
export function countTableChanges(model: Model, slots: Int32Array, table: Int32Array): number {
  const { P, meetingsOf } = model;
  let changes = 0;
  for (let p = 0; p < P; p++) {
    const seq = meetingsOf[p]
      .filter((m) => slots[m] >= 0 && table[m] >= 0)
      .sort((x, y) => slots[x] - slots[y]);
    for (let i = 1; i < seq.length; i++) if (table[seq[i]] !== table[seq[i - 1]]) changes++;
  }
  return changes;
}
