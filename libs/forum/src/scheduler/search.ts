import type { Model } from './model.js';
import { Rng } from './rng.js';

/** Lexicographic quality of a schedule: fairness first (hard), then scheduled weight, breaks, moves. */
export interface Score {
  fairExcess: number;
  unscheduledWeight: number;
  breaks: number;
  moved: number;
}

export function better(a: Score, b: Score): boolean {
  if (a.fairExcess !== b.fairExcess) return a.fairExcess < b.fairExcess;
  if (Math.abs(a.unscheduledWeight - b.unscheduledWeight) > 1e-9)
    return a.unscheduledWeight < b.unscheduledWeight;
  if (a.breaks !== b.breaks) return a.breaks < b.breaks;
  return a.moved < b.moved;
}

/**
 * Schedule state with incremental bookkeeping. Every state kept satisfies the hard constraints except
 * fairness (penalised) and completeness (unscheduled weight penalised), so the local search never has to
 * repair double bookings, capacity or precedences.
 */
export class ScheduleState {
  readonly slotOf: Int32Array;
  readonly occ: Int32Array;
  readonly cnt: Int32Array;
  readonly slotList: number[][];
  readonly pos: Int32Array;
  readonly brk: Int32Array;
  readonly hist: Int32Array;
  readonly inDom: Uint8Array;
  totalBreaks = 0;
  /** Idle slots inside each participant's span: a smoother measure than breaks that guides the search. */
  readonly gap: Int32Array;
  totalGap = 0;
  unschedW: number;
  unschedCount: number;
  moved = 0;
  readonly unsched: number[] = [];
  readonly upos: Int32Array;

  constructor(readonly model: Model) {
    const { P, M, T } = model;
    this.slotOf = new Int32Array(M).fill(-1);
    this.occ = new Int32Array(P * T).fill(-1);
    this.cnt = new Int32Array(T);
    this.slotList = Array.from({ length: T }, () => []);
    this.pos = new Int32Array(M).fill(-1);
    this.brk = new Int32Array(P);
    this.gap = new Int32Array(P);
    this.hist = new Int32Array(T + 2);
    this.hist[0] = P;
    this.inDom = new Uint8Array(M * T);
    for (let m = 0; m < M; m++) for (const t of model.dom[m]) this.inDom[m * T + t] = 1;
    this.unschedW = model.totalWeight;
    this.unschedCount = M;
    this.upos = new Int32Array(M);
    for (let m = 0; m < M; m++) {
      this.upos[m] = m;
      this.unsched.push(m);
    }
  }

  place(m: number, t: number): void {
    const { T, ma, mb } = this.model;
    this.slotOf[m] = t;
    this.occ[ma[m] * T + t] = m;
    this.occ[mb[m] * T + t] = m;
    this.cnt[t]++;
    this.pos[m] = this.slotList[t].length;
    this.slotList[t].push(m);
    this.unschedW -= this.model.weight[m];
    this.unschedCount--;
    const i = this.upos[m];
    const last = this.unsched.pop()!;
    if (last !== m) {
      this.unsched[i] = last;
      this.upos[last] = i;
    }
    const pref = this.model.preferredSlot[m];
    if (pref >= 0 && pref !== t) this.moved++;
  }

  unplace(m: number): void {
    const { T, ma, mb } = this.model;
    const t = this.slotOf[m];
    this.slotOf[m] = -1;
    this.occ[ma[m] * T + t] = -1;
    this.occ[mb[m] * T + t] = -1;
    this.cnt[t]--;
    const list = this.slotList[t];
    const i = this.pos[m];
    const last = list.pop()!;
    if (last !== m) {
      list[i] = last;
      this.pos[last] = i;
    }
    this.pos[m] = -1;
    this.unschedW += this.model.weight[m];
    this.unschedCount++;
    this.upos[m] = this.unsched.length;
    this.unsched.push(m);
    const pref = this.model.preferredSlot[m];
    if (pref >= 0 && pref !== t) this.moved--;
  }

  breaksOf(p: number): number {
    const T = this.model.T;
    const row = p * T;
    let runs = 0;
    let prev = false;
    for (let t = 0; t < T; t++) {
      const busy = this.occ[row + t] >= 0;
      if (busy && !prev) runs++;
      prev = busy;
    }
    return runs > 0 ? runs - 1 : 0;
  }

  /** Recomputes breaks and idle slots of p. */
  measure(p: number): void {
    const T = this.model.T;
    const row = p * T;
    let runs = 0;
    let prev = false;
    let first = -1;
    let last = -1;
    let busy = 0;
    for (let t = 0; t < T; t++) {
      const on = this.occ[row + t] >= 0;
      if (on) {
        if (!prev) runs++;
        if (first < 0) first = t;
        last = t;
        busy++;
      }
      prev = on;
    }
    this.setBreaks(p, runs > 0 ? runs - 1 : 0);
    this.setGap(p, first < 0 ? 0 : last - first + 1 - busy);
  }

  setGap(p: number, v: number): void {
    this.totalGap += v - this.gap[p];
    this.gap[p] = v;
  }

  setBreaks(p: number, v: number): void {
    const old = this.brk[p];
    if (old === v) return;
    this.hist[old]--;
    this.hist[v]++;
    this.brk[p] = v;
    this.totalBreaks += v - old;
  }

  refreshAll(): void {
    for (let p = 0; p < this.model.P; p++) this.measure(p);
  }

  fairExcess(): number {
    const h = this.hist;
    let lo = 0;
    while (h[lo] === 0) lo++;
    let hi = h.length - 1;
    while (h[hi] === 0) hi--;
    return Math.max(0, hi - lo - this.model.fairness);
  }

  score(): Score {
    return {
      fairExcess: this.fairExcess(),
      unscheduledWeight: this.unschedW,
      breaks: this.totalBreaks,
      moved: this.moved,
    };
  }

  /** Free for meeting m at slot t: both participants idle, a place left, precedences kept. */
  fits(m: number, t: number): boolean {
    const { T, ma, mb, cap } = this.model;
    if (!this.inDom[m * T + t] || this.cnt[t] >= cap[t]) return false;
    if (this.occ[ma[m] * T + t] >= 0 || this.occ[mb[m] * T + t] >= 0) return false;
    return this.precedenceOk(m, t);
  }

  precedenceOk(m: number, t: number): boolean {
    for (const p of this.model.preds[m]) if (this.slotOf[p] >= 0 && this.slotOf[p] >= t) return false;
    for (const s of this.model.succs[m]) if (this.slotOf[s] >= 0 && this.slotOf[s] <= t) return false;
    return true;
  }
}

export interface ConstructOptions {
  /** Leave a meeting out rather than give either participant more breaks than this. */
  breakCap?: number;
  /** Place heavier (higher-priority) meetings first. */
  byWeight?: boolean;
}

/**
 * Constructive heuristic: meetings in order of difficulty (fewest free slots first, then busiest
 * participants), each to the slot that adds the fewest breaks, preferring slots next to the participants'
 * other meetings.
 */
export function construct(model: Model, st: ScheduleState, rng: Rng, opts: ConstructOptions = {}): void {
  const { M, T, ma, mb, dom, fixedSlot, meetingsOf, weight } = model;
  const cap = opts.breakCap ?? Infinity;
  for (let m = 0; m < M; m++) {
    const t = fixedSlot[m];
    if (t >= 0 && st.slotOf[m] < 0 && st.fits(m, t)) st.place(m, t);
  }
  const todo: number[] = [];
  for (let m = 0; m < M; m++) if (st.slotOf[m] < 0 && dom[m].length && fixedSlot[m] < 0) todo.push(m);
  const deg = (m: number) => Math.max(meetingsOf[ma[m]].length, meetingsOf[mb[m]].length);
  const noise = new Float64Array(M);
  for (let m = 0; m < M; m++) noise[m] = rng.next();
  const freeCount = (m: number) => {
    let c = 0;
    for (const t of dom[m]) if (st.fits(m, t)) c++;
    return c;
  };
  const dynamic = todo.length <= 800;
  if (!dynamic)
    todo.sort(
      (x, y) =>
        (opts.byWeight ? weight[y] - weight[x] : 0) ||
        deg(y) - deg(x) ||
        dom[x].length - dom[y].length ||
        noise[x] - noise[y],
    );
  const occ = st.occ;
  let next = 0;
  while (dynamic ? todo.length : next < todo.length) {
    let k = todo.length - 1;
    if (dynamic) {
      let best = Infinity;
      for (let i = 0; i < todo.length; i++) {
        const m = todo[i];
        const key = freeCount(m) * 1000 - deg(m) + noise[m];
        if (key < best) {
          best = key;
          k = i;
        }
      }
    } else k = next++;
    const m = todo[k];
    if (dynamic) {
      todo[k] = todo[todo.length - 1];
      todo.pop();
    }
    const a = ma[m];
    const b = mb[m];
    let bestT = -1;
    let bestScore = Infinity;
    for (const t of dom[m]) {
      if (!st.fits(m, t)) continue;
      const ba = st.brk[a];
      const bb = st.brk[b];
      occ[a * T + t] = m;
      occ[b * T + t] = m;
      const da = st.breaksOf(a) - ba;
      const db = st.breaksOf(b) - bb;
      occ[a * T + t] = -1;
      occ[b * T + t] = -1;
      if (ba + da > cap || bb + db > cap) continue;
      let adj = 0;
      for (const p of [a, b]) {
        if (t > 0 && occ[p * T + t - 1] >= 0) adj++;
        if (t < T - 1 && occ[p * T + t + 1] >= 0) adj++;
      }
      const score = (da + db) * 10 - adj * 2 + rng.next();
      if (score < bestScore) {
        bestScore = score;
        bestT = t;
      }
    }
    if (bestT >= 0) {
      st.place(m, bestT);
      st.measure(a);
      st.measure(b);
    }
  }
  st.refreshAll();
}

/** Load a slot vector into a fresh state. */
export function stateFrom(model: Model, slots: Int32Array): ScheduleState {
  const st = new ScheduleState(model);
  for (let m = 0; m < model.M; m++) if (slots[m] >= 0) st.place(m, slots[m]);
  st.refreshAll();
  return st;
}
