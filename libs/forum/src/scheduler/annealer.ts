import type { Model } from './model.js';
import type { Rng } from './rng.js';
import { better, type ScheduleState, type Score } from './search.js';

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

/** Long cooling cycles (measured on the JAIR instances: 2M moves beat 0.2M and 4M). */
const CYCLE = 2_000_000;
const T_HIGH = 0.5;
const T_LOW = 0.05;

/** What `propose` built: nothing to try, a compound move, or an insertion whose ejected meetings look for a slot. */
const NO_MOVE = 0;
const MOVE = 1;
const INSERTION = 2;
type Proposal = typeof NO_MOVE | typeof MOVE | typeof INSERTION;

/**
 * Simulated annealing over slot moves: move a meeting to another slot, swapping with the meetings that
 * block it (a participant's meeting there, or any meeting when the slot is full), and insert unscheduled
 * meetings by ejecting blockers, which then try to find another free slot. Keeps the best state's slots.
 * `run(deadline)` can be called repeatedly (the caller yields to the event loop in between).
 */
export class Annealer {
  /** Slots of the best state found so far. */
  readonly best: Int32Array;
  private bestSoFar: Score;
  private moves = 0;
  private target: number;
  private done: boolean;

  private readonly rng: Rng;
  private readonly occ: Int32Array;
  private readonly inDom: Uint8Array;
  /** Meetings that may change slot: not pinned, with at least one possible slot. */
  private readonly movable: number[] = [];
  private readonly maxIterations: number;

  // Cooling schedule.
  private gapW: number;
  private cycleNo = 0;
  private current = 0;
  private temp = 1;
  private lastImprove = 0;
  private cycleStart = 0;

  // Journal of one compound move: meeting, slot before, slot after; the participants it touches, and
  // their breaks and idle slots before it.
  private readonly jm: number[] = [];
  private readonly jFrom: number[] = [];
  private readonly jTo: number[] = [];
  private readonly affected: number[] = [];
  private readonly affBrk: number[] = [];
  private readonly affGap: number[] = [];

  // Kempe chain being collected, and the marks of its meetings.
  private readonly stamp: Int32Array;
  private stampNo = 0;
  private readonly chain: number[] = [];

  constructor(
    private readonly model: Model,
    private readonly st: ScheduleState,
    private readonly opts: SearchOptions,
  ) {
    const { M, fixedSlot, dom } = model;
    this.rng = opts.rng;
    this.occ = st.occ;
    this.inDom = st.inDom;
    this.maxIterations = opts.maxIterations ?? Infinity;
    this.gapW = opts.gapWeights?.length ? opts.gapWeights[0] : opts.gapWeight;
    this.bestSoFar = st.score();
    this.best = Int32Array.from(st.slotOf);
    this.target = opts.target;
    this.done = this.isTarget(this.bestSoFar);
    for (let m = 0; m < M; m++) if (fixedSlot[m] < 0 && dom[m].length > 0) this.movable.push(m);
    if (!this.movable.length) this.done = true;
    this.stamp = new Int32Array(M);
  }

  get bestScore(): Score {
    return this.bestSoFar;
  }

  get iterations(): number {
    return this.moves;
  }

  /** Searches until the deadline or the target; true when the target was reached. */
  run(deadline: number): boolean {
    this.current = this.cost();
    for (;;) {
      if ((this.moves & 1023) === 0 && !this.checkpoint(deadline)) break;
      this.moves++;
      this.clearJournal();
      const proposal = this.propose();
      if (proposal === NO_MOVE) continue;
      if (!this.apply()) {
        this.undo();
        continue;
      }
      if (proposal === INSERTION) this.reinsertEjected();
      this.measureAffected();
      if (this.keepOrUndo()) break;
    }
    return this.done;
  }

  /** A better proven lower bound: the search stops as soon as it reaches it. */
  setTarget(target: number): void {
    this.target = Math.max(this.target, target);
    if (this.isTarget(this.bestSoFar)) this.done = true;
  }

  /** Continue from a schedule found elsewhere (e.g. by the MIP), keeping it if it is better. */
  offer(slots: Int32Array): void {
    this.load(slots);
    const sc = this.st.score();
    if (better(sc, this.bestSoFar)) {
      this.bestSoFar = sc;
      this.best.set(this.st.slotOf);
      if (this.isTarget(sc)) this.done = true;
    }
    this.current = this.cost();
  }

  private cost(): number {
    const { st, opts } = this;
    return (
      opts.unschedPenalty * st.unschedW +
      opts.fairPenalty * st.fairExcess() +
      st.totalBreaks +
      this.gapW * st.totalGap +
      opts.movePenalty * st.moved
    );
  }

  private isTarget(s: Score): boolean {
    return s.fairExcess === 0 && s.unscheduledWeight < 1e-9 && s.breaks <= this.target && s.moved === 0;
  }

  /** Every 1,024 moves: false when the search must stop; else reheats when a cycle ends and sets the temperature. */
  private checkpoint(deadline: number): boolean {
    const tNow = now();
    if (this.done || tNow >= deadline || this.moves >= this.maxIterations) return false;
    const frac = (this.moves - this.cycleStart) / CYCLE;
    if (frac >= 1 || this.moves - this.lastImprove > 3 * CYCLE) this.reheat();
    this.temp = T_HIGH * Math.pow(T_LOW / T_HIGH, Math.min(1, (this.moves - this.cycleStart) / CYCLE));
    return true;
  }

  /** Starts a new cooling cycle, with the next gap weight, from the best state found when long without progress. */
  private reheat(): void {
    const { gapWeights } = this.opts;
    this.cycleStart = this.moves;
    if (gapWeights?.length) {
      this.gapW = gapWeights[++this.cycleNo % gapWeights.length];
      this.current = this.cost();
    }
    if (this.moves - this.lastImprove > 2 * CYCLE) {
      this.load(this.best);
      this.current = this.cost();
      this.lastImprove = this.moves;
    }
  }

  /** Replaces the state's schedule by `slots`. */
  private load(slots: Int32Array): void {
    const { st } = this;
    const { M } = this.model;
    for (let m = 0; m < M; m++) if (st.slotOf[m] >= 0) st.unplace(m);
    for (let m = 0; m < M; m++) if (slots[m] >= 0) st.place(m, slots[m]);
    st.refreshAll();
  }

  /** Draws the kind of move and builds it in the journal. */
  private propose(): Proposal {
    const { st, rng } = this;
    if (st.unschedCount > 0 && rng.next() < 0.3) return this.proposeInsertion();
    if (this.opts.allowDrop && rng.next() < 0.01) return this.proposeDrop();
    if (rng.next() < 0.02) return this.proposeSlotSwap();
    return this.proposeRelocation();
  }

  /** An unscheduled meeting into one of its slots (a pinned one only into its own). */
  private proposeInsertion(): Proposal {
    const { rng } = this;
    const { dom, fixedSlot } = this.model;
    const unsched = this.st.unsched;
    const m = unsched[rng.int(unsched.length)];
    if (!dom[m].length || fixedSlot[m] >= 0) {
      // pinned meetings can only go to their slot
      if (fixedSlot[m] >= 0 && dom[m].length) return this.buildInsert(m, fixedSlot[m]) ? INSERTION : NO_MOVE;
      return NO_MOVE;
    }
    return this.buildInsert(m, dom[m][rng.int(dom[m].length)]) ? INSERTION : NO_MOVE;
  }

  /** A meeting left out: dropping one only pays off when it restores fairness. */
  private proposeDrop(): Proposal {
    const m = this.movable[this.rng.int(this.movable.length)];
    if (this.st.slotOf[m] < 0) return NO_MOVE;
    this.push(m, -1);
    return MOVE;
  }

  private proposeSlotSwap(): Proposal {
    const { T } = this.model;
    const t1 = this.rng.int(T);
    const t2 = this.rng.int(T);
    if (t1 === t2) return NO_MOVE;
    return this.buildSlotSwap(t1, t2) ? MOVE : NO_MOVE;
  }

  /** A scheduled meeting to another slot, mostly to close a gap of a participant with breaks. */
  private proposeRelocation(): Proposal {
    const { st, rng } = this;
    const { P, meetingsOf, fixedSlot, dom } = this.model;
    let m: number;
    let t: number;
    const p = rng.int(P);
    if (st.brk[p] > 0 && rng.next() < 0.7) {
      const ms = meetingsOf[p];
      m = ms[rng.int(ms.length)];
      if (st.slotOf[m] < 0 || fixedSlot[m] >= 0) return NO_MOVE;
      t = this.targetSlot(p, m);
      if (t < 0) return NO_MOVE;
    } else {
      m = this.pickMeeting();
      if (st.slotOf[m] < 0) return NO_MOVE;
      const d = dom[m];
      if (d.length < 2) return NO_MOVE;
      t = d[rng.int(d.length)];
      if (t === st.slotOf[m]) return NO_MOVE;
    }
    return (rng.next() < 0.8 ? this.buildKempe(m, t) : this.buildMove(m, t)) ? MOVE : NO_MOVE;
  }

  /** Re-measures the participants the move touched, keeping their previous breaks and idle slots. */
  private measureAffected(): void {
    const { st, affected, affBrk, affGap } = this;
    affBrk.length = 0;
    affGap.length = 0;
    for (const p of affected) {
      affBrk.push(st.brk[p]);
      affGap.push(st.gap[p]);
      st.measure(p);
    }
  }

  /**
   * The Metropolis rule on the applied move: keeps it, recording a new best, or restores the state before
   * it. True when the move reaches the target, which ends the search.
   */
  private keepOrUndo(): boolean {
    const { st, affected, affBrk, affGap } = this;
    const next = this.cost();
    const delta = next - this.current;
    if (delta <= 0 || this.rng.next() < Math.exp(-delta / this.temp)) {
      this.current = next;
      if (delta < 0) {
        const sc = st.score();
        if (better(sc, this.bestSoFar)) {
          this.bestSoFar = sc;
          this.best.set(st.slotOf);
          this.lastImprove = this.moves;
          this.opts.onImprove?.(sc, this.moves);
          if (this.isTarget(sc)) {
            this.done = true;
            return true;
          }
        }
      }
      return false;
    }
    for (let i = 0; i < affected.length; i++) {
      st.setBreaks(affected[i], affBrk[i]);
      st.setGap(affected[i], affGap[i]);
    }
    this.undo();
    return false;
  }

  private clearJournal(): void {
    this.jm.length = this.jFrom.length = this.jTo.length = this.affected.length = 0;
  }

  private touch(p: number): void {
    if (!this.affected.includes(p)) this.affected.push(p);
  }

  private push(m: number, to: number): void {
    const { ma, mb } = this.model;
    this.jm.push(m);
    this.jFrom.push(this.st.slotOf[m]);
    this.jTo.push(to);
    this.touch(ma[m]);
    this.touch(mb[m]);
  }

  /** Applies the journal; false when a precedence is broken (the caller then undoes it). */
  private apply(): boolean {
    const { st, jm, jFrom, jTo } = this;
    for (let i = 0; i < jm.length; i++) if (jFrom[i] >= 0) st.unplace(jm[i]);
    for (let i = 0; i < jm.length; i++) if (jTo[i] >= 0) st.place(jm[i], jTo[i]);
    for (let i = 0; i < jm.length; i++) if (jTo[i] >= 0 && !st.precedenceOk(jm[i], jTo[i])) return false;
    return true;
  }

  private undo(): void {
    const { st, jm, jFrom, jTo } = this;
    for (let i = 0; i < jm.length; i++) if (jTo[i] >= 0) st.unplace(jm[i]);
    for (let i = 0; i < jm.length; i++) if (jFrom[i] >= 0) st.place(jm[i], jFrom[i]);
  }

  /** A meeting blocking participant p at slot t, if it can leave. */
  private blocker(p: number, t: number): number {
    return this.occ[p * this.model.T + t];
  }

  /** Relocation of scheduled meeting m to slot t, with swaps. Returns false if no legal compound move. */
  private buildMove(m: number, t: number): boolean {
    const { st, occ, inDom, rng } = this;
    const { T, ma, mb, cap, fixedSlot } = this.model;
    const s = st.slotOf[m];
    const a = ma[m];
    const b = mb[m];
    const ca = this.blocker(a, t);
    const cb = this.blocker(b, t);
    this.push(m, t);
    let outOfT = 0;
    let intoS = 0;
    for (const c of ca === cb ? [ca] : [ca, cb]) {
      if (c < 0) continue;
      if (fixedSlot[c] >= 0 || !inDom[c * T + s]) return false;
      const other = ma[c] === a || ma[c] === b ? mb[c] : ma[c];
      // the partner of the blocker must be idle at s (a or b themselves leave s)
      if (other !== a && other !== b && occ[other * T + s] >= 0) return false;
      this.push(c, s);
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
      this.push(r, s);
      intoS++;
    }
    if (st.cnt[s] - 1 + intoS > cap[s]) return false;
    return true;
  }

  // Kempe chains: the meetings in slots t1 and t2 form paths and cycles (a participant has at most one
  // meeting per slot), so swapping the two slots along one path keeps everyone single-booked and changes
  // the busy slots of the path's two end participants only.
  private collectChain(m: number, t1: number, t2: number): boolean {
    const { st, occ, inDom, stamp, chain } = this;
    const { T, ma, mb, fixedSlot } = this.model;
    const stampNo = ++this.stampNo;
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
  }

  /** Journals the collected chain's swap; returns the meetings gained by t2. */
  private pushChain(t1: number, t2: number): number {
    let net = 0;
    for (const e of this.chain) {
      const from = this.st.slotOf[e];
      const to = from === t1 ? t2 : t1;
      net += to === t2 ? 1 : -1;
      this.push(e, to);
    }
    return net;
  }

  private buildKempe(m: number, t2: number): boolean {
    const { st, rng } = this;
    const { cap, fixedSlot } = this.model;
    const t1 = st.slotOf[m];
    if (!this.collectChain(m, t1, t2)) return false;
    const net = this.pushChain(t1, t2);
    const gain = net > 0 ? t2 : net < 0 ? t1 : -1;
    if (gain < 0 || st.cnt[gain] + 1 <= cap[gain]) return true;
    // The gaining slot is full: send one meeting back along another odd chain.
    const lose = gain === t1 ? t2 : t1;
    const inFirst = new Set(this.jm);
    const list = st.slotList[gain];
    for (let k = 0; k < 4; k++) {
      const r = list[rng.int(list.length)];
      if (inFirst.has(r) || fixedSlot[r] >= 0) continue;
      if (!this.collectChain(r, gain, lose)) continue;
      if (this.chain.some((e) => inFirst.has(e))) continue;
      let back = 0;
      for (const e of this.chain) back += st.slotOf[e] === gain ? 1 : -1;
      if (back !== 1) continue;
      this.pushChain(gain, lose);
      return true;
    }
    return false;
  }

  /** Exchange of two whole slots (all their meetings), when every meeting may go to the other slot. */
  private buildSlotSwap(t1: number, t2: number): boolean {
    const { st, inDom } = this;
    const { T, cap, fixedSlot } = this.model;
    if (st.cnt[t1] > cap[t2] || st.cnt[t2] > cap[t1]) return false;
    for (const e of st.slotList[t1]) if (fixedSlot[e] >= 0 || !inDom[e * T + t2]) return false;
    for (const e of st.slotList[t2]) if (fixedSlot[e] >= 0 || !inDom[e * T + t1]) return false;
    for (const e of [...st.slotList[t1]]) this.push(e, t2);
    for (const e of [...st.slotList[t2]]) this.push(e, t1);
    return true;
  }

  /** A slot for participant p's meeting m that could close a gap: inside p's span or next to it. */
  private targetSlot(p: number, m: number): number {
    const { occ, rng } = this;
    const { T, dom } = this.model;
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
  }

  /** Insertion of unscheduled meeting m at t, ejecting blockers, which look for another free slot. */
  private buildInsert(m: number, t: number): boolean {
    const { st, rng } = this;
    const { ma, mb, cap, fixedSlot } = this.model;
    const a = ma[m];
    const b = mb[m];
    const ca = this.blocker(a, t);
    const cb = this.blocker(b, t);
    this.push(m, t);
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
    for (const c of ejected) this.push(c, -1);
    return true;
  }

  /** After an insertion is applied, ejected meetings try a free slot elsewhere (first fit from a random start). */
  private reinsertEjected(): void {
    const { st, rng, jm, jFrom, jTo } = this;
    const { dom } = this.model;
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
  }

  /** A scheduled meeting to move: half the time one of a participant with breaks, else any movable one. */
  private pickMeeting(): number {
    const { st, rng, movable } = this;
    const { P, meetingsOf, fixedSlot } = this.model;
    const r = rng.next();
    if (r < 0.5) {
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
  }
}

/** A simulated annealing search on `st` (see `Annealer`). */
export function createAnnealer(model: Model, st: ScheduleState, opts: SearchOptions): Annealer {
  return new Annealer(model, st, opts);
}
