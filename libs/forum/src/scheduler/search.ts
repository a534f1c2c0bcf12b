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

export interface SearchOptions {
  rng: Rng;
  /** Penalty per unit of unscheduled weight, in breaks. */
  unschedPenalty: number;
  fairPenalty: number;
  /** Cost per idle slot inside a participant's span (a small tie-breaker). */
  gapWeight: number;
  /** When given, each cooling cycle uses the next of these weights instead of `gapWeight`. */
  gapWeights?: number[];
  /** Meetings may be left out (objective 1 is a weight to maximise, not a requirement). */
  allowDrop: boolean;
  movePenalty: number;
  /** Stop as soon as this many breaks is reached with everything else perfect. */
  target: number;
  /** Stop for good after this many moves (checked every 1,024), whatever the deadline. */
  maxIterations?: number;
  onImprove?: (s: Score, iterations: number) => void;
}

const now = () => performance.now();

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

export interface Annealer {
  /** Searches until the deadline or the target; true when the target was reached. */
  run(deadline: number): boolean;
  readonly best: Int32Array;
  readonly bestScore: Score;
  readonly iterations: number;
  /** Continue from a schedule found elsewhere (e.g. by the MIP), keeping it if it is better. */
  offer(slots: Int32Array): void;
  /** A better proven lower bound: the search stops as soon as it reaches it. */
  setTarget(target: number): void;
}

/**
 * Simulated annealing over slot moves: move a meeting to another slot, swapping with the meetings that
 * block it (a participant's meeting there, or any meeting when the slot is full), and insert unscheduled
 * meetings by ejecting blockers, which then try to find another free slot. Keeps the best state's slots.
 * `run(deadline)` can be called repeatedly (the caller yields to the event loop in between).
 */
export function createAnnealer(model: Model, st: ScheduleState, opts: SearchOptions): Annealer {
  const { P, M, T, ma, mb, cap, fixedSlot, dom, meetingsOf } = model;
  const { rng } = opts;
  const occ = st.occ;
  const inDom = st.inDom;
  let gapW = opts.gapWeights?.length ? opts.gapWeights[0] : opts.gapWeight;
  let cycleNo = 0;
  const cost = () =>
    opts.unschedPenalty * st.unschedW +
    opts.fairPenalty * st.fairExcess() +
    st.totalBreaks +
    gapW * st.totalGap +
    opts.movePenalty * st.moved;
  let bestScore = st.score();
  const best = Int32Array.from(st.slotOf);
  let target = opts.target;
  const isTarget = (s: Score) =>
    s.fairExcess === 0 && s.unscheduledWeight < 1e-9 && s.breaks <= target && s.moved === 0;
  let done = isTarget(bestScore);

  const movable: number[] = [];
  for (let m = 0; m < M; m++) if (fixedSlot[m] < 0 && dom[m].length > 0) movable.push(m);
  if (!movable.length) done = true;

  // Journal of one compound move.
  const jm: number[] = [];
  const jFrom: number[] = [];
  const jTo: number[] = [];
  const affected: number[] = [];
  const affBrk: number[] = [];
  const affGap: number[] = [];
  const touch = (p: number) => {
    if (!affected.includes(p)) affected.push(p);
  };
  const apply = (): boolean => {
    for (let i = 0; i < jm.length; i++) if (jFrom[i] >= 0) st.unplace(jm[i]);
    for (let i = 0; i < jm.length; i++) if (jTo[i] >= 0) st.place(jm[i], jTo[i]);
    for (let i = 0; i < jm.length; i++) if (jTo[i] >= 0 && !st.precedenceOk(jm[i], jTo[i])) return false;
    return true;
  };
  const undo = () => {
    for (let i = 0; i < jm.length; i++) if (jTo[i] >= 0) st.unplace(jm[i]);
    for (let i = 0; i < jm.length; i++) if (jFrom[i] >= 0) st.place(jm[i], jFrom[i]);
  };
  const push = (m: number, to: number) => {
    jm.push(m);
    jFrom.push(st.slotOf[m]);
    jTo.push(to);
    touch(ma[m]);
    touch(mb[m]);
  };

  // A meeting blocking participant p at slot t, if it can leave.
  const blocker = (p: number, t: number) => occ[p * T + t];

  /** Relocation of scheduled meeting m to slot t, with swaps. Returns false if no legal compound move. */
  const buildMove = (m: number, t: number): boolean => {
    const s = st.slotOf[m];
    const a = ma[m];
    const b = mb[m];
    const ca = blocker(a, t);
    const cb = blocker(b, t);
    push(m, t);
    let outOfT = 0;
    let intoS = 0;
    for (const c of ca === cb ? [ca] : [ca, cb]) {
      if (c < 0) continue;
      if (fixedSlot[c] >= 0 || !inDom[c * T + s]) return false;
      const other = ma[c] === a || ma[c] === b ? mb[c] : ma[c];
      // the partner of the blocker must be idle at s (a or b themselves leave s)
      if (other !== a && other !== b && occ[other * T + s] >= 0) return false;
      push(c, s);
      outOfT++;
      intoS++;
    }
    if (ca >= 0 && cb >= 0 && ca !== cb) {
      const oa = ma[ca] === a ? mb[ca] : ma[ca];
      const ob = ma[cb] === b ? mb[cb] : ma[cb];
      if (oa === ob) return false;
    }
    if (st.cnt[t] + 1 - outOfT > cap[t]) {
      // Slot full: swap with a meeting there whose participants are free at s.
      const list = st.slotList[t];
      const r = list[rng.int(list.length)];
      if (r === ca || r === cb || fixedSlot[r] >= 0 || !inDom[r * T + s]) return false;
      if (occ[ma[r] * T + s] >= 0 && ma[r] !== a && ma[r] !== b) return false;
      if (occ[mb[r] * T + s] >= 0 && mb[r] !== a && mb[r] !== b) return false;
      push(r, s);
      intoS++;
    }
    if (st.cnt[s] - 1 + intoS > cap[s]) return false;
    return true;
  };

  // Kempe chains: the meetings in slots t1 and t2 form paths and cycles (a participant has at most one
  // meeting per slot), so swapping the two slots along one path keeps everyone single-booked and changes
  // the busy slots of the path's two end participants only.
  const stamp = new Int32Array(M);
  let stampNo = 0;
  const chain: number[] = [];
  const collectChain = (m: number, t1: number, t2: number): boolean => {
    stampNo++;
    chain.length = 0;
    chain.push(m);
    stamp[m] = stampNo;
    for (const start of [ma[m], mb[m]]) {
      let x = start;
      let color = st.slotOf[m] === t1 ? t2 : t1;
      for (;;) {
        const e = occ[x * T + color];
        if (e < 0 || stamp[e] === stampNo) break;
        if (fixedSlot[e] >= 0) return false;
        stamp[e] = stampNo;
        chain.push(e);
        if (chain.length > 64) return false;
        x = ma[e] === x ? mb[e] : ma[e];
        color = color === t1 ? t2 : t1;
      }
    }
    for (const e of chain) {
      const to = st.slotOf[e] === t1 ? t2 : t1;
      if (!inDom[e * T + to]) return false;
    }
    return true;
  };
  const pushChain = (t1: number, t2: number): number => {
    let net = 0; // meetings gained by t2
    for (const e of chain) {
      const from = st.slotOf[e];
      const to = from === t1 ? t2 : t1;
      net += to === t2 ? 1 : -1;
      push(e, to);
    }
    return net;
  };
  const buildKempe = (m: number, t2: number): boolean => {
    const t1 = st.slotOf[m];
    if (!collectChain(m, t1, t2)) return false;
    const net = pushChain(t1, t2);
    const gain = net > 0 ? t2 : net < 0 ? t1 : -1;
    if (gain < 0 || st.cnt[gain] + 1 <= cap[gain]) return true;
    // The gaining slot is full: send one meeting back along another odd chain.
    const lose = gain === t1 ? t2 : t1;
    const inFirst = new Set(jm);
    const list = st.slotList[gain];
    for (let k = 0; k < 4; k++) {
      const r = list[rng.int(list.length)];
      if (inFirst.has(r) || fixedSlot[r] >= 0) continue;
      if (!collectChain(r, gain, lose)) continue;
      if (chain.some((e) => inFirst.has(e))) continue;
      let back = 0;
      for (const e of chain) back += st.slotOf[e] === gain ? 1 : -1;
      if (back !== 1) continue;
      pushChain(gain, lose);
      return true;
    }
    return false;
  };
  /** Exchange of two whole slots (all their meetings), when every meeting may go to the other slot. */
  const buildSlotSwap = (t1: number, t2: number): boolean => {
    if (st.cnt[t1] > cap[t2] || st.cnt[t2] > cap[t1]) return false;
    for (const e of st.slotList[t1]) if (fixedSlot[e] >= 0 || !inDom[e * T + t2]) return false;
    for (const e of st.slotList[t2]) if (fixedSlot[e] >= 0 || !inDom[e * T + t1]) return false;
    for (const e of [...st.slotList[t1]]) push(e, t2);
    for (const e of [...st.slotList[t2]]) push(e, t1);
    return true;
  };

  /** A slot for participant p's meeting m that could close a gap: inside p's span or next to it. */
  const targetSlot = (p: number, m: number): number => {
    const row = p * T;
    let first = -1;
    let last = -1;
    for (let t = 0; t < T; t++)
      if (occ[row + t] >= 0) {
        if (first < 0) first = t;
        last = t;
      }
    const cands: number[] = [];
    for (const t of dom[m]) if (t >= first - 1 && t <= last + 1 && occ[row + t] < 0) cands.push(t);
    return cands.length ? cands[rng.int(cands.length)] : -1;
  };

  /** Insertion of unscheduled meeting m at t, ejecting blockers, which look for another free slot. */
  const buildInsert = (m: number, t: number): boolean => {
    const a = ma[m];
    const b = mb[m];
    const ca = blocker(a, t);
    const cb = blocker(b, t);
    push(m, t);
    const ejected: number[] = [];
    for (const c of ca === cb ? [ca] : [ca, cb]) {
      if (c < 0) continue;
      if (fixedSlot[c] >= 0) return false;
      ejected.push(c);
    }
    if (st.cnt[t] + 1 - ejected.length > cap[t]) {
      const list = st.slotList[t];
      const r = list[rng.int(list.length)];
      if (fixedSlot[r] >= 0 || ejected.includes(r)) return false;
      ejected.push(r);
    }
    for (const c of ejected) push(c, -1);
    return true;
  };

  /** After an insertion is applied, ejected meetings try a free slot elsewhere (first fit from a random start). */
  const reinsertEjected = () => {
    const n = jm.length;
    for (let i = 1; i < n; i++) {
      if (jTo[i] !== -1) continue;
      const c = jm[i];
      const d = dom[c];
      const off = rng.int(d.length);
      for (let k = 0; k < d.length; k++) {
        const t = d[(k + off) % d.length];
        if (t !== jFrom[i] && st.fits(c, t)) {
          st.place(c, t);
          jTo[i] = t;
          break;
        }
      }
    }
  };

  const pickMeeting = (): number => {
    const r = rng.next();
    if (r < 0.5) {
      // focus on participants with breaks
      for (let k = 0; k < 4; k++) {
        const p = rng.int(P);
        if (st.brk[p] > 0) {
          const ms = meetingsOf[p];
          const m = ms[rng.int(ms.length)];
          if (fixedSlot[m] < 0 && st.slotOf[m] >= 0) return m;
        }
      }
    }
    return movable[rng.int(movable.length)];
  };

  let iterations = 0;
  let current = cost();
  let temp = 1;
  const tHigh = 0.5;
  const tLow = 0.05;
  let lastImprove = 0;
  // Long cooling cycles (measured on the JAIR instances: 2M moves beat 0.2M and 4M).
  const cycle = 2_000_000;
  let cycleStart = 0;
  const maxIterations = opts.maxIterations ?? Infinity;
  const run = (deadline: number): boolean => {
    current = cost();
    for (;;) {
      if ((iterations & 1023) === 0) {
        const tNow = now();
        if (done || tNow >= deadline || iterations >= maxIterations) break;
        const frac = (iterations - cycleStart) / cycle;
        if (frac >= 1 || iterations - lastImprove > 3 * cycle) {
          // reheat, restarting from the best state found so far now and then
          cycleStart = iterations;
          if (opts.gapWeights?.length) {
            gapW = opts.gapWeights[++cycleNo % opts.gapWeights.length];
            current = cost();
          }
          if (iterations - lastImprove > 2 * cycle) {
            for (let m = 0; m < M; m++) if (st.slotOf[m] >= 0) st.unplace(m);
            for (let m = 0; m < M; m++) if (best[m] >= 0) st.place(m, best[m]);
            st.refreshAll();
            current = cost();
            lastImprove = iterations;
          }
        }
        temp = tHigh * Math.pow(tLow / tHigh, Math.min(1, (iterations - cycleStart) / cycle));
      }
      iterations++;
      jm.length = jFrom.length = jTo.length = affected.length = 0;
      let ok: boolean;
      let insertion = false;
      if (st.unschedCount > 0 && rng.next() < 0.3) {
        const m = st.unsched[rng.int(st.unsched.length)];
        if (!dom[m].length || fixedSlot[m] >= 0) {
          // pinned meetings can only go to their slot
          if (fixedSlot[m] >= 0 && dom[m].length) {
            ok = buildInsert(m, fixedSlot[m]);
            insertion = true;
          } else continue;
        } else {
          ok = buildInsert(m, dom[m][rng.int(dom[m].length)]);
          insertion = true;
        }
      } else if (opts.allowDrop && rng.next() < 0.01) {
        // dropping a meeting only pays off when it restores fairness
        const m = movable[rng.int(movable.length)];
        if (st.slotOf[m] < 0) continue;
        push(m, -1);
        ok = true;
      } else if (rng.next() < 0.02) {
        const t1 = rng.int(T);
        const t2 = rng.int(T);
        if (t1 === t2) continue;
        ok = buildSlotSwap(t1, t2);
      } else {
        let m: number;
        let t: number;
        const p = rng.int(P);
        if (st.brk[p] > 0 && rng.next() < 0.7) {
          const ms = meetingsOf[p];
          m = ms[rng.int(ms.length)];
          if (st.slotOf[m] < 0 || fixedSlot[m] >= 0) continue;
          t = targetSlot(p, m);
          if (t < 0) continue;
        } else {
          m = pickMeeting();
          if (st.slotOf[m] < 0) continue;
          const d = dom[m];
          if (d.length < 2) continue;
          t = d[rng.int(d.length)];
          if (t === st.slotOf[m]) continue;
        }
        ok = rng.next() < 0.8 ? buildKempe(m, t) : buildMove(m, t);
      }
      if (!ok) continue;
      if (!apply()) {
        undo();
        continue;
      }
      if (insertion) reinsertEjected();
      affBrk.length = 0;
      affGap.length = 0;
      for (const p of affected) {
        affBrk.push(st.brk[p]);
        affGap.push(st.gap[p]);
        st.measure(p);
      }
      const next = cost();
      const delta = next - current;
      if (delta <= 0 || rng.next() < Math.exp(-delta / temp)) {
        current = next;
        if (delta < 0) {
          const sc = st.score();
          if (better(sc, bestScore)) {
            bestScore = sc;
            best.set(st.slotOf);
            lastImprove = iterations;
            opts.onImprove?.(sc, iterations);
            if (isTarget(sc)) {
              done = true;
              break;
            }
          }
        }
      } else {
        for (let i = 0; i < affected.length; i++) {
          st.setBreaks(affected[i], affBrk[i]);
          st.setGap(affected[i], affGap[i]);
        }
        undo();
      }
    }
    return done;
  };
  return {
    run,
    best,
    get bestScore() {
      return bestScore;
    },
    get iterations() {
      return iterations;
    },
    setTarget(t: number) {
      target = Math.max(target, t);
      if (isTarget(bestScore)) done = true;
    },
    offer(slots: Int32Array) {
      for (let m = 0; m < M; m++) if (st.slotOf[m] >= 0) st.unplace(m);
      for (let m = 0; m < M; m++) if (slots[m] >= 0) st.place(m, slots[m]);
      st.refreshAll();
      const sc = st.score();
      if (better(sc, bestScore)) {
        bestScore = sc;
        best.set(st.slotOf);
        if (isTarget(sc)) done = true;
      }
      current = cost();
    },
  };
}

/** Load a slot vector into a fresh state. */
export function stateFrom(model: Model, slots: Int32Array): ScheduleState {
  const st = new ScheduleState(model);
  for (let m = 0; m < model.M; m++) if (slots[m] >= 0) st.place(m, slots[m]);
  st.refreshAll();
  return st;
}
