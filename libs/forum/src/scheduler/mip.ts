import type { Model } from './model.js';

/** The part of the `highs` package used here (typed loosely so the WebAssembly module stays an optional load). */
interface HighsModel {
  options: { set(o: Record<string, unknown>): void };
  info: { get(name: string): number | bigint };
  run(callbacks?: Record<number, (e: HighsEvent) => void>): unknown;
  setSolution(s: { colValue: Float64Array }): unknown;
  getSolution(): { colValue: Float64Array };
  getModelStatus(): number;
  dispose(): void;
}
interface HighsEvent {
  data: {
    objective_function_value?: number;
    mip_dual_bound?: number;
    mip_primal_bound?: number;
    mip_solution?: Float64Array;
  };
  interrupt?: () => void;
}
interface Highs {
  createModel(data: unknown): HighsModel;
  constants: {
    modelStatus: Record<string, number>;
    callbackType: Record<string, number>;
  };
}

let highsPromise: Promise<Highs> | undefined;
function loadHighs(): Promise<Highs> {
  highsPromise ??= import('highs').then(async (mod) => {
    const factory = (mod as unknown as { default: () => Promise<Highs> }).default;
    return factory();
  });
  return highsPromise;
}

export interface MipOptions {
  requireAll: boolean;
  /** Wall-clock deadline (performance.now() scale). */
  deadline: number;
  start?: Int32Array;
  participantBounds?: Int32Array;
  /** Each improving solution: its objective and the dual bound at that moment. */
  onImprove?: (objective: number, bound: number) => void;
  /** Each improving schedule as HiGHS finds it, before `onImprove` (a caller that may cut the run short keeps the last). */
  onSolution?: (slots: Int32Array) => void;
  seed?: number;
}

export interface MipResult {
  status: 'optimal' | 'infeasible' | 'time-limit' | 'error';
  slots?: Int32Array;
  /** Lower bound on total breaks (required mode) from the solver's dual bound. */
  breaksBound?: number;
  message?: string;
}

/** HiGHS's infinity for row and column bounds. */
const INF = 1e30;

class RowBuilder {
  starts: number[] = [0];
  index: number[] = [];
  value: number[] = [];
  lower: number[] = [];
  upper: number[] = [];
  private acc = new Map<number, number>();
  term(col: number, v: number): this {
    this.acc.set(col, (this.acc.get(col) ?? 0) + v);
    return this;
  }
  end(lo: number, hi: number): void {
    for (const [c, v] of this.acc) {
      if (v === 0) continue;
      this.index.push(c);
      this.value.push(v);
    }
    this.acc.clear();
    this.starts.push(this.index.length);
    this.lower.push(lo);
    this.upper.push(hi);
  }
  get count(): number {
    return this.lower.length;
  }

  /**
   * Fairness: the most breaks of anyone minus the fewest is at most `d`; participants without
   * meetings have 0 breaks and count for the fewest.
   */
  fairness(hmax: number, hmin: number, d: number, someoneIdle: boolean): void {
    if (someoneIdle) {
      this.term(hmin, 1);
      this.end(-INF, 0);
    }
    this.term(hmax, 1);
    this.term(hmin, -1);
    this.end(-INF, d);
  }

  /** "A before B": for each slot t, A at or after t and B at or before t cannot both hold. */
  precedences(model: Model, xcol: Map<number, number>[], T: number): void {
    for (let b = 0; b < model.preds.length; b++)
      for (const a of model.preds[b]) {
        for (let t = 0; t < T; t++) {
          let na = 0;
          let nb = 0;
          for (const [s, c] of xcol[a])
            if (s >= t) {
              this.term(c, 1);
              na++;
            }
          for (const [s, c] of xcol[b])
            if (s <= t) {
              this.term(c, 1);
              nb++;
            }
          if (na && nb) this.end(-INF, 1);
          else this.end(-INF, INF);
        }
      }
  }

  /**
   * Adds the rows both models share (fairness between the columns `fair.hmax` and `fair.hmin`, unless
   * fairness is settled otherwise, and the precedences) and returns the problem.
   */
  close(
    model: Model,
    xcol: Map<number, number>[],
    fair: { hmax: number; hmin: number } | null,
    cols: Parameters<RowBuilder['problem']>[0],
  ) {
    if (fair)
      this.fairness(
        fair.hmax,
        fair.hmin,
        model.fairness,
        model.meetingsOf.some((ms) => ms.length === 0),
      );
    this.precedences(model, xcol, model.T);
    return this.problem(cols);
  }

  /** The problem in the form HiGHS reads: columns as given, these rows as a CSR matrix. */
  problem(cols: {
    colCost: number[];
    colLower: number[];
    colUpper: number[];
    integrality: number[];
    offset: number;
  }) {
    const numCols = cols.colCost.length;
    return {
      numCols,
      numRows: this.count,
      offset: cols.offset,
      colCost: Float64Array.from(cols.colCost),
      colLower: Float64Array.from(cols.colLower),
      colUpper: Float64Array.from(cols.colUpper),
      rowLower: Float64Array.from(this.lower),
      rowUpper: Float64Array.from(this.upper),
      matrix: {
        format: 'csr' as const,
        numRows: this.count,
        numCols,
        starts: Int32Array.from(this.starts),
        indices: Int32Array.from(this.index),
        values: Float64Array.from(this.value),
      },
      integrality: Int32Array.from(cols.integrality),
    };
  }
}

/**
 * MIP for the B2B scheduling problem when every meeting must take place. x[m,t] binary; each
 * participant's busy slots are covered by run variables r[p,s,e] (p busy exactly in slots s..e, idle just
 * before and after), so that breaks of p = (number of runs) - 1. Runs longer than p's meeting count or
 * crossing a slot p cannot use do not exist. Its LP relaxation is much stronger than run-start indicators:
 * a participant who keeps a slot free in the middle of its meetings needs (fractionally) two runs, so
 * together with the places per slot it bounds breaks that no participant alone explains (for instance
 * when the middle slots cannot hold everybody who would be busy there without a break).
 */
export function buildRunMip(model: Model, opts: Pick<MipOptions, 'participantBounds'>) {
  const { P, M, T, ma, mb, dom, cap, meetingsOf, preferredSlot } = model;
  const colCost: number[] = [];
  const colLower: number[] = [];
  const colUpper: number[] = [];
  const integrality: number[] = [];
  const addCol = (cost: number, lo: number, hi: number, integer: boolean) => {
    colCost.push(cost);
    colLower.push(lo);
    colUpper.push(hi);
    integrality.push(integer ? 1 : 0);
    return colCost.length - 1;
  };
  const movers = preferredSlot.filter((s) => s >= 0).length;
  const eps = movers ? 1 / (movers + 1) : 0;
  const xcol: Map<number, number>[] = [];
  for (let m = 0; m < M; m++) {
    const map = new Map<number, number>();
    for (const t of dom[m]) map.set(t, addCol(t === preferredSlot[m] ? -eps : 0, 0, 1, true));
    xcol.push(map);
  }
  const busy: number[][][] = Array.from({ length: P }, () => Array.from({ length: T }, () => []));
  for (let m = 0; m < M; m++)
    for (const [t, c] of xcol[m]) {
      busy[ma[m]][t].push(c);
      busy[mb[m]][t].push(c);
    }
  // Participants with at most one meeting have no breaks; they keep the fewest breaks at 0.
  const forcedZero = meetingsOf.some((ms) => ms.length <= 1);
  /** Per participant: runs as [start, end, column]. */
  const runs: [number, number, number][][] = [];
  let offset = eps * movers;
  for (let p = 0; p < P; p++) {
    const list: [number, number, number][] = [];
    const n = meetingsOf[p].length;
    if (n >= 2) {
      offset -= 1;
      for (let s = 0; s < T; s++)
        for (let e = s; e < T && e - s < n && busy[p][e].length; e++)
          list.push([s, e, addCol(1, 0, 1, true)]);
    }
    runs.push(list);
  }
  let hmax = -1;
  let hmin = -1;
  if (!forcedZero) {
    hmax = addCol(0, 0, T, false);
    hmin = addCol(0, 0, T, false);
  }

  const rows = new RowBuilder();
  for (let m = 0; m < M; m++) {
    for (const c of xcol[m].values()) rows.term(c, 1);
    if (xcol[m].size) rows.end(1, 1);
    else rows.end(-INF, INF);
  }
  for (let t = 0; t < T; t++) {
    let n = 0;
    for (let m = 0; m < M; m++) if (xcol[m].has(t)) n++;
    if (n <= cap[t]) continue;
    for (let m = 0; m < M; m++) {
      const c = xcol[m].get(t);
      if (c !== undefined) rows.term(c, 1);
    }
    rows.end(-INF, cap[t]);
  }
  for (let p = 0; p < P; p++) {
    const list = runs[p];
    if (!list.length) {
      // one meeting at most: nothing to link
      continue;
    }
    for (let t = 0; t < T; t++) {
      // busy at t exactly when a run covers t
      let any = busy[p][t].length > 0;
      for (const c of busy[p][t]) rows.term(c, 1);
      for (const [s, e, c] of list)
        if (s <= t && t <= e) {
          rows.term(c, -1);
          any = true;
        }
      if (any) rows.end(0, 0);
      else rows.end(-INF, INF);
      // runs are maximal: no run covers t when another ends at t - 1
      if (t > 0) {
        let k = 0;
        for (const [s, e, c] of list)
          if ((s <= t && t <= e) || e === t - 1) {
            rows.term(c, 1);
            k++;
          }
        if (k > 1) rows.end(-INF, 1);
        else rows.end(-INF, INF);
      }
    }
    const runTerms = () => {
      for (const [, , c] of list) rows.term(c, 1);
    };
    // A participant with a meeting that must be at slot k or earlier and one that must be after k has
    // either one run covering both k and k + 1, or two runs at least (e.g. morning-only and
    // afternoon-only meetings: no break only when busy at the end of the morning and the start of the
    // afternoon). Valid for every schedule, and it cuts off the mixtures of runs that the LP likes.
    let lastEarly = -1;
    let firstLate = T;
    for (const m of meetingsOf[p]) {
      const d = dom[m];
      if (!d.length) continue;
      firstLate = Math.min(firstLate, d[d.length - 1]);
      lastEarly = Math.max(lastEarly, d[0]);
    }
    // meetings all of whose slots are <= k exist for k >= firstLate; all > k exist for k < lastEarly
    for (let k = firstLate; k < lastEarly; k++) {
      runTerms();
      for (const [s, e, c] of list) if (s <= k && e >= k + 1) rows.term(c, 1);
      rows.end(2, INF);
    }
    // at least one run; the meetings' total length
    runTerms();
    rows.end(1, INF);
    for (const [s, e, c] of list) rows.term(c, e - s + 1);
    rows.end(meetingsOf[p].length, meetingsOf[p].length);
    if (forcedZero) {
      runTerms();
      rows.end(-INF, model.fairness + 1);
    } else {
      runTerms();
      rows.term(hmax, -1);
      rows.end(-INF, 1);
      runTerms();
      rows.term(hmin, -1);
      rows.end(1, INF);
    }
    if (opts.participantBounds && opts.participantBounds[p] > 0) {
      runTerms();
      rows.end(opts.participantBounds[p] + 1, INF);
    }
  }
  const numCols = colCost.length;
  const data = rows.close(model, xcol, forcedZero ? null : { hmax, hmin }, {
    colCost,
    colLower,
    colUpper,
    integrality,
    offset,
  });
  const startVector = (slots: Int32Array): Float64Array => {
    const v = new Float64Array(numCols);
    const on = new Uint8Array(P * T);
    for (let m = 0; m < M; m++) {
      const c = slots[m] >= 0 ? xcol[m].get(slots[m]) : undefined;
      if (c === undefined) continue;
      v[c] = 1;
      on[ma[m] * T + slots[m]] = 1;
      on[mb[m] * T + slots[m]] = 1;
    }
    let hi = 0;
    let lo = Infinity;
    for (let p = 0; p < P; p++) {
      const index = new Map(runs[p].map(([s, e, c]) => [s * T + e, c]));
      let k = 0;
      for (let t = 0; t < T; t++) {
        if (!on[p * T + t] || (t > 0 && on[p * T + t - 1])) continue;
        let e = t;
        while (e + 1 < T && on[p * T + e + 1]) e++;
        const c = index.get(t * T + e);
        if (c !== undefined) v[c] = 1;
        k++;
      }
      const b = Math.max(0, k - 1);
      hi = Math.max(hi, b);
      lo = Math.min(lo, b);
    }
    if (hmax >= 0) {
      v[hmax] = hi;
      v[hmin] = lo;
    }
    return v;
  };
  const readSlots = (colValue: Float64Array): Int32Array => {
    const slots = new Int32Array(M).fill(-1);
    for (let m = 0; m < M; m++) for (const [t, c] of xcol[m]) if (colValue[c] > 0.5) slots[m] = t;
    return slots;
  };
  return { data, startVector, readSlots, integralObjective: eps === 0, W: 0, moveSlack: eps * movers };
}

/**
 * Compact MIP for the B2B scheduling problem: x[m,t] binary, run-start indicators st[p,t] >= busy[p,t] -
 * busy[p,t-1] (breaks of p = runs - 1), fairness on break counts, disaggregated precedences. Objective:
 * unscheduled weight (scaled above any breaks total), then breaks, then moves of published meetings.
 */
export function buildMip(model: Model, opts: Pick<MipOptions, 'requireAll' | 'participantBounds'>) {
  const { P, M, T, ma, mb, dom, cap, meetingsOf, weight, preferredSlot } = model;
  const colCost: number[] = [];
  const colLower: number[] = [];
  const colUpper: number[] = [];
  const integrality: number[] = [];
  const addCol = (cost: number, lo: number, hi: number, integer: boolean) => {
    colCost.push(cost);
    colLower.push(lo);
    colUpper.push(hi);
    integrality.push(integer ? 1 : 0);
    return colCost.length - 1;
  };
  const maxBreaks = P * Math.ceil(T / 2) + 1;
  const W = opts.requireAll ? 0 : maxBreaks;
  const movers = preferredSlot.filter((s) => s >= 0).length;
  const eps = movers ? 1 / (movers + 1) : 0;

  const xcol: Map<number, number>[] = [];
  for (let m = 0; m < M; m++) {
    const map = new Map<number, number>();
    for (const t of dom[m]) map.set(t, addCol(t === preferredSlot[m] ? -eps : 0, 0, 1, true));
    xcol.push(map);
  }
  const ucol = new Int32Array(M).fill(-1);
  if (!opts.requireAll) for (let m = 0; m < M; m++) ucol[m] = addCol(W * weight[m], 0, 1, false);

  // busy[p][t] as the list of x columns
  const busy: number[][][] = Array.from({ length: P }, () => Array.from({ length: T }, () => []));
  for (let m = 0; m < M; m++)
    for (const [t, c] of xcol[m]) {
      busy[ma[m]][t].push(c);
      busy[mb[m]][t].push(c);
    }
  const forcedZero = meetingsOf.some((ms) => ms.length <= 1);
  const stcol: Int32Array[] = [];
  const anycol = new Int32Array(P).fill(-1);
  for (let p = 0; p < P; p++) {
    const row = new Int32Array(T).fill(-1);
    for (let t = 0; t < T; t++) if (busy[p][t].length) row[t] = addCol(1, 0, 1, false);
    stcol.push(row);
    if (!opts.requireAll && meetingsOf[p].length) anycol[p] = addCol(-1, 0, 1, false);
  }
  let hmax = -1;
  let hmin = -1;
  if (!forcedZero) {
    hmax = addCol(0, 0, T, false);
    hmin = addCol(0, 0, T, false);
  }
  let offset = eps * movers;
  if (opts.requireAll) for (let p = 0; p < P; p++) if (meetingsOf[p].length) offset -= 1;

  const rows = new RowBuilder();
  for (let m = 0; m < M; m++) {
    for (const c of xcol[m].values()) rows.term(c, 1);
    if (ucol[m] >= 0) rows.term(ucol[m], 1);
    if (ucol[m] >= 0 || xcol[m].size) rows.end(1, 1);
    else rows.end(-INF, INF);
  }
  for (let p = 0; p < P; p++)
    for (let t = 0; t < T; t++)
      if (busy[p][t].length > 1) {
        for (const c of busy[p][t]) rows.term(c, 1);
        rows.end(-INF, 1);
      }
  for (let t = 0; t < T; t++) {
    let n = 0;
    for (let m = 0; m < M; m++) if (xcol[m].has(t)) n++;
    if (n <= cap[t]) continue;
    for (let m = 0; m < M; m++) {
      const c = xcol[m].get(t);
      if (c !== undefined) rows.term(c, 1);
    }
    rows.end(-INF, cap[t]);
  }
  for (let p = 0; p < P; p++) {
    for (let t = 0; t < T; t++) {
      const s = stcol[p][t];
      if (s < 0) continue;
      rows.term(s, 1);
      for (const c of busy[p][t]) rows.term(c, -1);
      if (t > 0) for (const c of busy[p][t - 1]) rows.term(c, 1);
      rows.end(0, INF);
      if (!forcedZero) {
        // exact run starts, needed when the fewest breaks must be measured exactly
        rows.term(s, 1);
        for (const c of busy[p][t]) rows.term(c, -1);
        rows.end(-INF, 0);
        if (t > 0 && busy[p][t - 1].length) {
          rows.term(s, 1);
          for (const c of busy[p][t - 1]) rows.term(c, 1);
          rows.end(-INF, 1);
        }
      }
    }
    if (!meetingsOf[p].length) continue;
    const breaksTerms = () => {
      for (let t = 0; t < T; t++) if (stcol[p][t] >= 0) rows.term(stcol[p][t], 1);
      if (anycol[p] >= 0) rows.term(anycol[p], -1);
    };
    const constant = opts.requireAll ? 1 : 0;
    if (forcedZero) {
      breaksTerms();
      rows.end(-INF, model.fairness + constant);
    } else {
      breaksTerms();
      rows.term(hmax, -1);
      rows.end(-INF, constant);
      breaksTerms();
      rows.term(hmin, -1);
      rows.end(constant, INF);
    }
    if (opts.requireAll && opts.participantBounds && opts.participantBounds[p] > 0) {
      breaksTerms();
      rows.end(opts.participantBounds[p] + 1, INF);
    }
    if (anycol[p] >= 0) {
      rows.term(anycol[p], 1);
      for (const m of meetingsOf[p]) for (const c of xcol[m].values()) rows.term(c, -1);
      rows.end(-INF, 0);
      if (!forcedZero)
        for (let t = 0; t < T; t++) {
          if (!busy[p][t].length) continue;
          // exact "has a meeting" so that nobody's break count can be inflated to meet the fairness limit
          rows.term(anycol[p], 1);
          for (const c of busy[p][t]) rows.term(c, -1);
          rows.end(0, INF);
        }
    }
  }
  const numCols = colCost.length;
  const data = rows.close(model, xcol, forcedZero ? null : { hmax, hmin }, {
    colCost,
    colLower,
    colUpper,
    integrality,
    offset,
  });

  /** Full column vector for a slot assignment (a warm start). */
  const startVector = (slots: Int32Array): Float64Array => {
    const v = new Float64Array(numCols);
    const isBusy = (p: number, t: number) => {
      for (const m of meetingsOf[p]) if (slots[m] === t) return true;
      return false;
    };
    for (let m = 0; m < M; m++) {
      const c = slots[m] >= 0 ? xcol[m].get(slots[m]) : undefined;
      if (c !== undefined) v[c] = 1;
      else if (ucol[m] >= 0) v[ucol[m]] = 1;
    }
    let hi = 0;
    let lo = Infinity;
    for (let p = 0; p < P; p++) {
      let runs = 0;
      for (let t = 0; t < T; t++) {
        const on = isBusy(p, t) && !(t > 0 && isBusy(p, t - 1));
        if (on) runs++;
        if (stcol[p][t] >= 0) v[stcol[p][t]] = on ? 1 : 0;
      }
      if (anycol[p] >= 0) v[anycol[p]] = runs > 0 ? 1 : 0;
      const b = Math.max(0, runs - 1);
      hi = Math.max(hi, b);
      lo = Math.min(lo, b);
    }
    if (hmax >= 0) {
      v[hmax] = hi;
      v[hmin] = lo;
    }
    return v;
  };
  const readSlots = (colValue: Float64Array): Int32Array => {
    const slots = new Int32Array(M).fill(-1);
    for (let m = 0; m < M; m++) for (const [t, c] of xcol[m]) if (colValue[c] > 0.5) slots[m] = t;
    return slots;
  };
  const integralObjective = (opts.requireAll || weight.every((w) => Number.isInteger(w))) && eps === 0;
  return { data, startVector, readSlots, integralObjective, W, moveSlack: eps * movers };
}

/**
 * Lower bound on total breaks (every meeting scheduled) from the LP relaxation of the run model, rounded
 * up; null when it cannot be computed before the deadline. Never throws.
 */
export async function lpBound(
  model: Model,
  opts: { participantBounds?: Int32Array; deadline: number },
): Promise<number | null> {
  let highs: Highs;
  try {
    highs = await loadHighs();
  } catch {
    return null;
  }
  const seconds = (opts.deadline - performance.now()) / 1000;
  if (seconds <= 0.05) return null;
  // without the small reward for published slots the objective is the breaks alone
  const plain: Model = { ...model, preferredSlot: new Int32Array(model.M).fill(-1) };
  const built = buildRunMip(plain, { participantBounds: opts.participantBounds });
  const data = { ...built.data, integrality: new Int32Array(built.data.numCols) };
  let hm: HighsModel | undefined;
  try {
    hm = highs.createModel(data);
    hm.options.set({ output_flag: false, time_limit: Math.max(0.01, seconds - 0.05) });
    hm.run();
    if (hm.getModelStatus() !== highs.constants.modelStatus.optimal) return null;
    const value = Number(hm.info.get('objective_function_value'));
    return Number.isFinite(value) ? Math.max(0, Math.ceil(value - 1e-4)) : null;
  } catch {
    return null;
  } finally {
    hm?.dispose();
  }
}

/** Runs HiGHS on the model until optimality is proven or the deadline passes. Never throws. */
export async function solveMip(model: Model, opts: MipOptions): Promise<MipResult> {
  let highs: Highs;
  try {
    highs = await loadHighs();
  } catch (e) {
    return { status: 'error', message: `HiGHS could not be loaded: ${(e as Error).message}` };
  }
  if (opts.deadline - performance.now() <= 50) return { status: 'time-limit' };
  const built = opts.requireAll ? buildRunMip(model, opts) : buildMip(model, opts);
  let hm: HighsModel | undefined;
  try {
    hm = highs.createModel(built.data);
    // Reading the solution back takes a moment too: keep a small margin before the deadline.
    const seconds = Math.max(0.01, (opts.deadline - performance.now()) / 1000 - 0.05);
    hm.options.set({
      output_flag: false,
      time_limit: seconds,
      mip_rel_gap: 0,
      mip_abs_gap: built.integralObjective ? 0.999 : 1e-6,
      random_seed: opts.seed ?? 0,
    });
    if (opts.start) hm.setSolution({ colValue: built.startVector(opts.start) });
    const cb = highs.constants.callbackType;
    hm.run({
      [cb.mipImprovingSolution]: (e: HighsEvent) => {
        const sol = e.data.mip_solution;
        if (opts.onSolution && sol?.length === built.data.numCols) opts.onSolution(built.readSlots(sol));
        opts.onImprove?.(e.data.objective_function_value ?? NaN, e.data.mip_dual_bound ?? NaN);
      },
      [cb.mipInterrupt]: (e: HighsEvent) => {
        if (performance.now() > opts.deadline) e.interrupt?.();
      },
      // LP solves inside the branch and bound (root cuts, heuristics) do not look at the MIP clock
      [cb.simplexInterrupt]: (e: HighsEvent) => {
        if (performance.now() > opts.deadline) e.interrupt?.();
      },
    });
    const st = hm.getModelStatus();
    const ms = highs.constants.modelStatus;
    if (st === ms.infeasible) return { status: 'infeasible' };
    let slots: Int32Array | undefined;
    const sol = hm.getSolution();
    const info = (name: string) => {
      try {
        return Number(hm!.info.get(name));
      } catch {
        return NaN;
      }
    };
    const hasSolution = info('primal_solution_status') === 2;
    if (hasSolution && sol.colValue.length === built.data.numCols) slots = built.readSlots(sol.colValue);
    const dual = info('mip_dual_bound');
    const breaksBound =
      opts.requireAll && Number.isFinite(dual) && Math.abs(dual) < 1e29
        ? // the objective adds less than 1 for moved meetings (moveSlack): breaks >= dual - moveSlack
          Math.max(0, Math.ceil(dual - built.moveSlack - 1e-6))
        : undefined;
    if (st === ms.optimal) return { status: 'optimal', slots, breaksBound };
    return { status: 'time-limit', slots, breaksBound };
  } catch (e) {
    return { status: 'error', message: (e as Error).message };
  } finally {
    hm?.dispose();
  }
}
