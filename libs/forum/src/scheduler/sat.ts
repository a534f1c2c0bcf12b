import type { Bool, Context } from 'z3-solver';
import type { Model } from './model.js';

/**
 * Decision search with z3's finite-domain SAT engine: "is there a schedule with every meeting and at most
 * k breaks?", for k = best − 1 and downwards. A model gives a better schedule; `unsat` at k proves that
 * no schedule has fewer than k + 1 breaks. z3 (WebAssembly, ~35 MB) is loaded on first use only.
 */

type Z3Api = Awaited<ReturnType<typeof import('z3-solver').init>>;
type Z3Context = Context<'main'>;
type BoolExpr = Bool<'main'>;
interface Loaded {
  api: Z3Api;
  Z: Z3Context;
}

let loading: Promise<Loaded> | null = null;

/** One initialised z3 per process, shared by every run. */
function loadZ3(): Promise<Loaded> {
  if (!loading) {
    loading = (async (): Promise<Loaded> => {
      const mod = await import('z3-solver');
      // the package is CommonJS: its exports may sit under `default`
      const init = mod.init ?? (mod as unknown as { default: typeof mod }).default.init;
      const api = await init();
      return { api, Z: api.Context('main') };
    })();
    loading.catch(() => (loading = null));
  }
  return loading;
}

/** z3 runs `check` on worker threads; they must not keep the process alive once the caller is done. */
function unrefWorkers(api: Z3Api): void {
  const pt = (api.em as { PThread?: { unusedWorkers?: unknown[]; runningWorkers?: unknown[] } }).PThread;
  for (const w of [...(pt?.unusedWorkers ?? []), ...(pt?.runningWorkers ?? [])])
    (w as { unref?: () => void }).unref?.();
}

export const SEED_PHASE = true;

export interface SatSearchOptions {
  /** Slots of the best schedule so far (every meeting placed, fair): used as the solver's initial phase. */
  start: Int32Array;
  startBreaks: number;
  /** performance.now() time by which the search must end. */
  deadline: number;
  /**
   * Evaluates a schedule found by the solver with the scheduler's own code: its total breaks when it
   * keeps every constraint, else null (then the search stops and the schedule is ignored).
   */
  accept: (slots: Int32Array) => number | null;
  /** Give the solver the start as its initial phase (default SEED_PHASE). */
  phase?: boolean;
}

export interface SatSearchResult {
  /** 'optimal': the last accepted schedule (or the start) is proven optimal. */
  status: 'optimal' | 'unknown' | 'rejected' | 'error';
  /** Best accepted schedule better than the start, if any. */
  slots?: Int32Array;
  breaks: number;
  /** Proven lower bound on total breaks. */
  lowerBound?: number;
  checks: number;
  message?: string;
}

/** Builds the clauses for `model` (every meeting scheduled, fairness, breaks) into `solver`. */
function encode(Z: Z3Context, model: Model, add: (c: BoolExpr) => void) {
  const { P, M, T, ma, mb, dom, cap, preds, meetingsOf, fairness } = model;
  const x: Map<number, BoolExpr>[] = [];
  const atSlot: BoolExpr[][] = Array.from({ length: T }, () => []);
  const busy: BoolExpr[][][] = Array.from({ length: P }, () => Array.from({ length: T }, () => []));
  for (let m = 0; m < M; m++) {
    const map = new Map<number, BoolExpr>();
    for (const s of dom[m]) {
      const v = Z.Bool.const(`x_${m}_${s}`);
      map.set(s, v);
      atSlot[s].push(v);
      busy[ma[m]][s].push(v);
      busy[mb[m]][s].push(v);
    }
    x.push(map);
    const lits = [...map.values()];
    add(Z.Or(...lits));
    if (lits.length > 1) add(Z.AtMost(lits as [BoolExpr, ...BoolExpr[]], 1));
  }
  for (let m = 0; m < M; m++)
    for (const p of preds[m])
      for (const [s, v] of x[m]) for (const [s2, w] of x[p]) if (s2 >= s) add(Z.Or(v.not(), w.not()));
  for (let s = 0; s < T; s++)
    if (atSlot[s].length > cap[s]) add(Z.AtMost(atSlot[s] as [BoolExpr, ...BoolExpr[]], cap[s]));

  const allB: BoolExpr[] = [];
  const breaksOf: BoolExpr[][] = [];
  for (let p = 0; p < P; p++) {
    const u: (BoolExpr | null)[] = [];
    for (let s = 0; s < T; s++) {
      const L = busy[p][s];
      if (!L.length) {
        u.push(null);
        continue;
      }
      if (L.length > 1) add(Z.AtMost(L as [BoolExpr, ...BoolExpr[]], 1));
      const v = Z.Bool.const(`u_${p}_${s}`);
      add(Z.Or(v.not(), ...L));
      for (const l of L) add(Z.Or(l.not(), v));
      u.push(v);
    }
    const us = u.filter((v): v is BoolExpr => v !== null);
    const n = meetingsOf[p].length;
    // redundant (implied by the above), but it lets the solver count a participant's meetings directly
    if (us.length) add(Z.PbEq(us as [BoolExpr, ...BoolExpr[]], us.map(() => 1) as [number, ...number[]], n));
    const bp: BoolExpr[] = [];
    if (n >= 2) {
      // f[s]: some meeting at or before s
      const f: (BoolExpr | null)[] = [];
      let prev: BoolExpr | null = null;
      for (let s = 0; s < T; s++) {
        if (!prev && !u[s]) {
          f.push(null);
          continue;
        }
        const v = Z.Bool.const(`f_${p}_${s}`);
        const parts = [prev, u[s]].filter((q): q is BoolExpr => q !== null);
        add(Z.Or(v.not(), ...parts));
        for (const q of parts) add(Z.Or(q.not(), v));
        f.push(v);
        prev = v;
      }
      // b[s]: a break ends at s (busy at s, idle at s − 1, busy somewhere before)
      for (let s = 2; s < T; s++) {
        const us_ = u[s];
        const fb = f[s - 2];
        if (!us_ || !fb) continue;
        const idle = u[s - 1];
        const b = Z.Bool.const(`b_${p}_${s}`);
        add(Z.Or(b.not(), us_));
        add(Z.Or(b.not(), fb));
        if (idle) add(Z.Or(b.not(), idle.not()));
        add(Z.Or(b, us_.not(), fb.not(), ...(idle ? [idle] : [])));
        bp.push(b);
        allB.push(b);
      }
    }
    breaksOf.push(bp);
  }
  // fairness: the most and the fewest breaks at most `fairness` apart
  const someoneWithoutBreaks = model.meetingsOf.some((ms) => ms.length <= 1);
  if (someoneWithoutBreaks) {
    for (const bp of breaksOf)
      if (bp.length > fairness) add(Z.AtMost(bp as [BoolExpr, ...BoolExpr[]], fairness));
  } else {
    const lo = Z.Int.const('lo');
    // the finite-domain engine needs bounded integers: nobody has fewer breaks than the fewest possible
    add(lo.ge(0));
    add(lo.le(Math.min(...breaksOf.map((bp) => bp.length))));
    for (const bp of breaksOf) {
      const terms = bp.map((b) => Z.If(b, Z.Int.val(1), Z.Int.val(0)));
      const sum = terms.length ? Z.Sum(terms[0], ...terms.slice(1)) : Z.Int.val(0);
      add(sum.ge(lo));
      add(sum.le(lo.add(fairness)));
    }
  }
  return { x, allB, someoneWithoutBreaks };
}

/**
 * Runs the decision search until the deadline. Every solver answer is bounded by the remaining time;
 * z3's own break count is never used: schedules go through `accept`.
 */
export async function satSearch(model: Model, opts: SatSearchOptions): Promise<SatSearchResult> {
  let breaks = opts.startBreaks;
  let slots: Int32Array | undefined;
  let checks = 0;
  if (breaks <= 0) return { status: 'optimal', breaks, lowerBound: 0, checks };
  const { api, Z } = await loadZ3();
  const solver = new Z.Solver('QF_FD');
  try {
    const { x, allB } = encode(Z, model, (c) => solver.add(c));
    if (!allB.length)
      return { status: 'unknown', breaks, checks, message: 'no participant can have a break' };
    // start from the best schedule known
    if (opts.phase ?? SEED_PHASE)
      for (let m = 0; m < model.M; m++)
        for (const [s, v] of x[m]) solver.setInitialValue(v, Z.Bool.val(opts.start[m] === s));
    for (;;) {
      const left = Math.floor(opts.deadline - performance.now());
      if (left < 200) return { status: 'unknown', slots, breaks, checks };
      const k = breaks - 1;
      solver.add(Z.AtMost(allB as [BoolExpr, ...BoolExpr[]], k));
      solver.set('timeout', left);
      checks++;
      const r = await solver.check();
      unrefWorkers(api);
      if (r === 'unsat') return { status: 'optimal', slots, breaks, lowerBound: breaks, checks };
      if (r !== 'sat') return { status: 'unknown', slots, breaks, checks, message: solver.reasonUnknown() };
      const found = new Int32Array(model.M).fill(-1);
      const zModel = solver.model();
      for (let m = 0; m < model.M; m++)
        for (const [s, v] of x[m]) if (Z.isTrue(zModel.eval(v, true))) found[m] = s;
      zModel.release();
      const got = opts.accept(found);
      if (got === null || got > k)
        return {
          status: 'rejected',
          slots,
          breaks,
          checks,
          message:
            got === null
              ? 'the solver returned an invalid schedule'
              : `the solver's schedule has ${got} breaks, more than ${k}`,
        };
      slots = found;
      breaks = got;
      if (breaks === 0) return { status: 'optimal', slots, breaks, lowerBound: 0, checks };
    }
  } catch (e) {
    return { status: 'error', slots, breaks, checks, message: (e as Error).message };
  } finally {
    solver.release();
    unrefWorkers(api);
  }
}
