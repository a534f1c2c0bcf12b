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
  data: { objective_function_value?: number; mip_dual_bound?: number; mip_primal_bound?: number };
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
  /** Known feasible objective (breaks) to prune with; the solver need only find strictly better. */
  onImprove?: (objective: number, bound: number) => void;
  seed?: number;
}

export interface MipResult {
  status: 'optimal' | 'infeasible' | 'time-limit' | 'error';
  slots?: Int32Array;
  /** Lower bound on total breaks (required mode) from the solver's dual bound. */
  breaksBound?: number;
  message?: string;
}

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
}

/**
 * Compact MIP for the B2B scheduling problem: x[m,t] binary, run-start indicators st[p,t] >= busy[p,t] -
 * busy[p,t-1] (breaks of p = runs - 1), fairness on break counts, disaggregated precedences. Objective:
 * unscheduled weight (scaled above any breaks total), then breaks, then moves of published meetings.
 */
export function buildMip(model: Model, opts: Pick<MipOptions, 'requireAll' | 'participantBounds'>) {
  const { P, M, T, ma, mb, dom, cap, meetingsOf, weight, preferredSlot } = model;
  const INF = 1e30;
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
  if (!forcedZero) {
    // Participants without meetings have 0 breaks and count for fairness.
    if (meetingsOf.some((ms) => ms.length === 0)) {
      rows.term(hmin, 1);
      rows.end(-INF, 0);
    }
    rows.term(hmax, 1);
    rows.term(hmin, -1);
    rows.end(-INF, model.fairness);
  }
  for (let b = 0; b < M; b++)
    for (const a of model.preds[b]) {
      for (let t = 0; t < T; t++) {
        let na = 0;
        let nb = 0;
        for (const [s, c] of xcol[a])
          if (s >= t) {
            rows.term(c, 1);
            na++;
          }
        for (const [s, c] of xcol[b])
          if (s <= t) {
            rows.term(c, 1);
            nb++;
          }
        if (na && nb) rows.end(-INF, 1);
        else rows.end(-INF, INF);
      }
    }

  const numCols = colCost.length;
  const data = {
    numCols,
    numRows: rows.count,
    offset,
    colCost: Float64Array.from(colCost),
    colLower: Float64Array.from(colLower),
    colUpper: Float64Array.from(colUpper),
    rowLower: Float64Array.from(rows.lower),
    rowUpper: Float64Array.from(rows.upper),
    matrix: {
      format: 'csr' as const,
      numRows: rows.count,
      numCols,
      starts: Int32Array.from(rows.starts),
      indices: Int32Array.from(rows.index),
      values: Float64Array.from(rows.value),
    },
    integrality: Int32Array.from(integrality),
  };

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
  return { data, startVector, readSlots, integralObjective, W };
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
  const built = buildMip(model, opts);
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
        opts.onImprove?.(e.data.objective_function_value ?? NaN, e.data.mip_dual_bound ?? NaN);
      },
      [cb.mipInterrupt]: (e: HighsEvent) => {
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
        ? Math.max(0, Math.ceil(dual - 1e-6))
        : undefined;
    if (st === ms.optimal) return { status: 'optimal', slots, breaksBound };
    return { status: 'time-limit', slots, breaksBound };
  } catch (e) {
    return { status: 'error', message: (e as Error).message };
  } finally {
    hm?.dispose();
  }
}
