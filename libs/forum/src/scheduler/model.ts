import type { SchedulerInput, SchedulerOptions } from './types.js';

/** Thrown for malformed input (unknown ids, slots out of range): a caller's bug, not an infeasible event. */
export class SchedulerInputError extends Error {
  override name = 'SchedulerInputError';
}

/**
 * The input in index form, shared by the heuristic, the bounds and the MIP.
 * `dom[m]` already excludes slots ruled out by availability, sessions, capacity, pins and precedences,
 * so the search only has to care about interactions between meetings.
 */
export interface Model {
  P: number;
  M: number;
  T: number;
  pIds: string[];
  mIds: string[];
  ma: Int32Array;
  mb: Int32Array;
  weight: Float64Array;
  totalWeight: number;
  cap: Int32Array;
  /** P*T, 1 where the participant cannot attend. */
  unavailable: Uint8Array;
  dom: number[][];
  /** Slot the meeting may not leave (organiser pin, or a published meeting when moves are not allowed); -1 if free. */
  fixedSlot: Int32Array;
  /** Table required for the meeting (pins and published tables), if any. */
  fixedTable: (string | undefined)[];
  /** Published slot when moves are allowed (moving costs a little), else -1. */
  preferredSlot: Int32Array;
  preds: number[][];
  succs: number[][];
  meetingsOf: number[][];
  fairness: number;
  /** Reasons found before search why a meeting cannot be scheduled at all (empty domain). */
  blocked: (string | undefined)[];
  morning: Uint8Array;
}

function sessionLabel(s: string): string {
  return s === 'AM' ? 'morning' : 'afternoon';
}

export function buildModel(input: SchedulerInput, options: SchedulerOptions = {}): Model {
  const T = input.slots.length;
  const P = input.participants.length;
  const M = input.meetings.length;
  const pIndex = new Map<string, number>();
  input.participants.forEach((p, i) => {
    if (pIndex.has(p.id)) throw new SchedulerInputError(`duplicate participant id ${p.id}`);
    pIndex.set(p.id, i);
  });
  const mIndex = new Map<string, number>();
  input.meetings.forEach((m, i) => {
    if (mIndex.has(m.id)) throw new SchedulerInputError(`duplicate meeting id ${m.id}`);
    mIndex.set(m.id, i);
  });
  const checkSlot = (s: number, what: string) => {
    if (!Number.isInteger(s) || s < 0 || s >= T)
      throw new SchedulerInputError(`${what}: slot ${s} is not between 0 and ${T - 1}`);
  };
  const tableIds = new Set((input.tables ?? []).map((t) => t.id));

  const unavailable = new Uint8Array(P * T);
  input.participants.forEach((p, i) => {
    for (const s of p.unavailable ?? []) {
      checkSlot(s, `participant ${p.id} unavailable`);
      unavailable[i * T + s] = 1;
    }
  });
  const morning = new Uint8Array(T);
  input.slots.forEach((s, t) => (morning[t] = s.session === 'morning' ? 1 : 0));

  const cap = new Int32Array(T);
  const tables = input.tables ?? [];
  for (let t = 0; t < T; t++) {
    let c = input.slots[t].capacity ?? input.capacity ?? Infinity;
    if (tables.length) c = Math.min(c, tables.filter((tb) => !(tb.unavailable ?? []).includes(t)).length);
    if (!Number.isFinite(c)) c = M;
    cap[t] = Math.max(0, Math.floor(c));
  }

  const ma = new Int32Array(M);
  const mb = new Int32Array(M);
  const weight = new Float64Array(M);
  const meetingsOf: number[][] = Array.from({ length: P }, () => []);
  const fixedSlot = new Int32Array(M).fill(-1);
  const preferredSlot = new Int32Array(M).fill(-1);
  const fixedTable: (string | undefined)[] = new Array(M).fill(undefined);
  const blocked: (string | undefined)[] = new Array(M).fill(undefined);
  const dom: number[][] = [];
  let totalWeight = 0;

  const existing = new Map<number, { slot: number; table?: string }>();
  for (const e of options.existing ?? []) {
    const m = mIndex.get(e.meetingId);
    if (m === undefined) continue; // a published meeting that was cancelled since: nothing to keep
    checkSlot(e.slot, `existing assignment of ${e.meetingId}`);
    existing.set(m, e);
  }

  input.meetings.forEach((mt, m) => {
    const a = pIndex.get(mt.a);
    const b = pIndex.get(mt.b);
    if (a === undefined) throw new SchedulerInputError(`meeting ${mt.id}: unknown participant ${mt.a}`);
    if (b === undefined) throw new SchedulerInputError(`meeting ${mt.id}: unknown participant ${mt.b}`);
    if (a === b) throw new SchedulerInputError(`meeting ${mt.id}: a participant cannot meet itself`);
    const w = mt.weight ?? 1;
    if (!(w > 0) || !Number.isFinite(w))
      throw new SchedulerInputError(`meeting ${mt.id}: weight must be positive`);
    ma[m] = a;
    mb[m] = b;
    weight[m] = w;
    totalWeight += w;
    meetingsOf[a].push(m);
    meetingsOf[b].push(m);
    const session = mt.session ?? 'ANY';
    let pin: { slot: number; table?: string } | undefined;
    if (mt.pinned) {
      checkSlot(mt.pinned.slot, `meeting ${mt.id} pinned`);
      pin = mt.pinned;
    }
    const ex = existing.get(m);
    if (!pin && ex && !options.allowMoves) pin = ex;
    if (pin) {
      fixedSlot[m] = pin.slot;
      if (pin.table !== undefined) {
        if (!tableIds.has(pin.table))
          throw new SchedulerInputError(`meeting ${mt.id}: unknown table ${pin.table}`);
        fixedTable[m] = pin.table;
      }
    } else if (ex) preferredSlot[m] = ex.slot;

    const d: number[] = [];
    const why: string[] = [];
    const candidates = pin ? [pin.slot] : Array.from({ length: T }, (_, t) => t);
    for (const t of candidates) {
      if (session !== 'ANY' && (session === 'AM') !== (morning[t] === 1)) {
        why.push(`slot ${t} is not in the ${sessionLabel(session)}`);
        continue;
      }
      if (unavailable[a * T + t]) {
        why.push(`${mt.a} cannot attend slot ${t}`);
        continue;
      }
      if (unavailable[b * T + t]) {
        why.push(`${mt.b} cannot attend slot ${t}`);
        continue;
      }
      if (cap[t] === 0) {
        why.push(`slot ${t} has no table`);
        continue;
      }
      d.push(t);
    }
    dom.push(d);
    if (!d.length) {
      blocked[m] = pin
        ? `meeting ${mt.id} is pinned to slot ${pin.slot}, but ${why[0]}`
        : `meeting ${mt.id} has no slot that both ${mt.a} and ${mt.b} can attend` +
          (session !== 'ANY' ? ` in the ${sessionLabel(session)}` : '');
    }
  });

  const preds: number[][] = Array.from({ length: M }, () => []);
  const succs: number[][] = Array.from({ length: M }, () => []);
  input.meetings.forEach((mt, m) => {
    for (const id of mt.after ?? []) {
      const p = mIndex.get(id);
      if (p === undefined) throw new SchedulerInputError(`meeting ${mt.id}: unknown predecessor ${id}`);
      if (p === m) throw new SchedulerInputError(`meeting ${mt.id} cannot come after itself`);
      preds[m].push(p);
      succs[p].push(m);
    }
  });

  return {
    P,
    M,
    T,
    pIds: input.participants.map((p) => p.id),
    mIds: input.meetings.map((m) => m.id),
    ma,
    mb,
    weight,
    totalWeight,
    cap,
    unavailable,
    dom,
    fixedSlot,
    fixedTable,
    preferredSlot,
    preds,
    succs,
    meetingsOf,
    fairness: input.fairness ?? 2,
    blocked,
    morning,
  };
}
