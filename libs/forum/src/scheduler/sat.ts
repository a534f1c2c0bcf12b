import type { Bool, Context } from 'z3-solver';
import { breakFreeRuns, hallSets, type BreakFreeRuns } from './analysis.js';
import type { Model } from './model.js';

/**
 * The SAT side of the scheduler: a clause model of "every meeting scheduled, fairness kept" with one
 * variable per break, searched core-guided by z3's finite-domain SAT engine (see `startCoreSearch`).
 * z3 (WebAssembly, ~35 MB) is loaded on first use only.
 */

type Z3Api = Awaited<ReturnType<typeof import('z3-solver').init>>;
type Z3Context = Context<'main'>;
type BoolExpr = Bool<'main'>;
interface Loaded {
  api: Z3Api;
  Z: Z3Context;
}

let loading: Promise<Loaded> | null = null;

/**
 * How many `check` calls are running. z3 runs a check on one of its own threads while this thread goes
 * on, and z3's JavaScript objects release their native terms from finalizers, which the garbage collector
 * runs whenever it likes: a release during a check races with the solver on z3's term store, which is
 * not thread-safe, and was seen to yield wrong answers (under load, one run in five of
 * ticf-14crafa.fixed020-Forb found a 22nd core where the optimum is 21). The finalizers of z3's objects
 * therefore wait until no check is running; `checking` counts them and `released` holds what waits.
 */
let checking = 0;
const released: (() => void)[] = [];

/** A finalization registry whose callbacks wait while a z3 check runs. */
class CheckSafeRegistry<T> extends FinalizationRegistry<T> {
  constructor(callback: (held: T) => void) {
    super((held) => {
      if (checking) released.push(() => callback(held));
      else callback(held);
    });
  }
}

/** Runs a z3 check with the finalizers held back, then lets them run. */
async function guardedCheck<R>(run: () => Promise<R>): Promise<R> {
  checking++;
  try {
    return await run();
  } finally {
    checking--;
    if (!checking) for (const release of released.splice(0)) release();
  }
}

/** One initialised z3 per process, shared by every run. */
function loadZ3(): Promise<Loaded> {
  if (!loading) {
    loading = (async (): Promise<Loaded> => {
      const mod = await import('z3-solver');
      // the package is CommonJS: its exports may sit under `default`
      const init = mod.init ?? (mod as unknown as { default: typeof mod }).default.init;
      // z3 creates its registry while it initialises: it gets the check-safe one
      const native = globalThis.FinalizationRegistry;
      globalThis.FinalizationRegistry = CheckSafeRegistry;
      try {
        const api = await init();
        return { api, Z: api.Context('main') };
      } finally {
        globalThis.FinalizationRegistry = native;
      }
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

/**
 * Groups of meetings that can trade slots without changing anything else: one participant's meetings
 * with partners who have no other meeting, over the same possible slots. Any schedule stays as good
 * when such meetings are put in increasing slot order, so the solver may require that order.
 */
export function interchangeable(model: Model): number[][] {
  const { M, ma, mb, dom, meetingsOf, preds, succs, fixedSlot } = model;
  const groups = new Map<string, number[]>();
  for (let m = 0; m < M; m++) {
    if (preds[m].length || succs[m].length || fixedSlot[m] >= 0) continue;
    const a = ma[m];
    const b = mb[m];
    const hub = meetingsOf[b].length === 1 ? a : meetingsOf[a].length === 1 ? b : -1;
    if (hub < 0 || meetingsOf[hub].length < 2) continue;
    const key = `${hub}|${dom[m].join(',')}`;
    const g = groups.get(key);
    if (g) g.push(m);
    else groups.set(key, [m]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/** Builds the clauses for `model` (every meeting scheduled, fairness, breaks) into `solver`. */
function encode(Z: Z3Context, model: Model, add: (c: BoolExpr) => void, busyCount = true) {
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
  for (const group of interchangeable(model)) {
    // prefix[s]: the meeting is at slot s or earlier
    const prefixOf = (m: number) => {
      const pre = new Map<number, BoolExpr>();
      let prev: BoolExpr | null = null;
      for (let s = 0; s < T; s++) {
        const v = x[m].get(s);
        if (!v && !prev) continue;
        const q = Z.Bool.const(`pre_${m}_${s}`);
        add(Z.Or(q.not(), ...[prev, v].filter((e): e is BoolExpr => e !== null && e !== undefined)));
        if (v) add(Z.Or(v.not(), q));
        if (prev) add(Z.Or(prev.not(), q));
        pre.set(s, q);
        prev = q;
      }
      return pre;
    };
    for (let i = 0; i + 1 < group.length; i++) {
      const pre = prefixOf(group[i]);
      for (const [s, v] of x[group[i + 1]]) {
        const before = pre.get(s - 1);
        add(before ? Z.Or(v.not(), before) : v.not());
      }
    }
  }
  for (let s = 0; s < T; s++)
    if (atSlot[s].length > cap[s]) add(Z.AtMost(atSlot[s] as [BoolExpr, ...BoolExpr[]], cap[s]));

  const allB: BoolExpr[] = [];
  const breaksOf: BoolExpr[][] = [];
  // busy participants per slot: the implied count below
  const busyAt: BoolExpr[][] = Array.from({ length: T }, () => []);
  // per participant: a literal true when it has a break, and where its meetings can be when it has none
  const hasBreak: (BoolExpr | null)[] = [];
  const runsOf: (BreakFreeRuns | null | undefined)[] = [];
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
      busyAt[s].push(v);
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
    hasBreak.push(null);
    runsOf.push(undefined);
    // implied: without a break, p's meetings fill one run of consecutive slots that can hold them all;
    // a meeting elsewhere gives p a break, and the run's slots are all busy
    if (bp.length) {
      const free = breakFreeRuns(model, p);
      runsOf[p] = free;
      if (!free) add(Z.Or(...(bp as [BoolExpr, ...BoolExpr[]])));
      else {
        const hb = Z.Bool.const(`hb_${p}`);
        hasBreak[p] = hb;
        add(Z.Or(hb.not(), ...(bp as [BoolExpr, ...BoolExpr[]])));
        const starts: BoolExpr[] = [];
        const startsFor = meetingsOf[p].map(() => new Map<number, BoolExpr[]>());
        for (const [st, slots] of free.runs) {
          const r = Z.Bool.const(`run_${p}_${st}`);
          starts.push(r);
          for (let t = st; t < st + n; t++) {
            const v = u[t];
            if (v) add(Z.Or(r.not(), v));
          }
          slots.forEach((set, i) => {
            for (const s of set) {
              const l = startsFor[i].get(s);
              if (l) l.push(r);
              else startsFor[i].set(s, [r]);
            }
          });
        }
        add(Z.Or(hb, ...starts));
        if (starts.length > 1) add(Z.AtMost(starts as [BoolExpr, ...BoolExpr[]], 1));
        meetingsOf[p].forEach((m, i) => {
          for (const [s, v] of x[m]) add(Z.Or(v.not(), hb, ...(startsFor[i].get(s) ?? [])));
        });
      }
    }
  }
  // implied: a slot holds at most `cap` meetings, so at most twice as many participants are busy in it.
  // Counting busy participants lets the solver see a slot fill up as soon as it chooses where
  // participants' days lie, before it places their meetings (on tic-14crafc, a break-free schedule
  // in 5 s where z3 found none in 60 s without it).
  if (busyCount)
    for (let s = 0; s < T; s++)
      if (busyAt[s].length > 2 * cap[s]) add(Z.AtMost(busyAt[s] as [BoolExpr, ...BoolExpr[]], 2 * cap[s]));
  // implied: Hall's condition on each participant's slots (see `hallSets`)
  for (const set of hallSets(model, runsOf)) {
    const lits = set.partners.map((q) => hasBreak[q]).filter((l): l is BoolExpr => l !== null);
    add(lits.length >= set.need ? Z.AtLeast(lits as [BoolExpr, ...BoolExpr[]], set.need) : Z.Bool.val(false));
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
  return { x, allB, breaksOf, someoneWithoutBreaks };
}

export interface CoreSearchOptions {
  /** z3's random seed (0 when absent): searches with different seeds take very different times. */
  seed?: number;
  /** Total breaks of the best complete, fair schedule found elsewhere so far (Infinity when none). */
  upper: () => number;
  /** performance.now() time by which the search must end. */
  deadline: number;
  /**
   * Evaluates a schedule found by the solver with the scheduler's own code: its total breaks when it
   * keeps every constraint, else null (the search then stops and the schedule is ignored).
   */
  accept: (slots: Int32Array) => number | null;
  /** Called with each new lower bound. */
  onBound?: (lowerBound: number) => void;
  /**
   * Ask "at most k breaks in all?" from the bound upwards instead of looking for cores: each proof
   * raises the bound by one, and the first schedule found is optimal.
   */
  direct?: boolean;
  /** A lower bound proven elsewhere (polled before each direct question). */
  lower?: () => number;
}

export interface CoreSearchResult {
  /**
   * 'optimal': `slots` (when given) or any schedule with `lowerBound` breaks is optimal; 'infeasible': no
   * schedule keeps every meeting within the fairness limit.
   */
  status: 'optimal' | 'infeasible' | 'unknown' | 'rejected' | 'error' | 'stopped';
  slots?: Int32Array;
  breaks?: number;
  /** Proven lower bound on total breaks. */
  lowerBound: number;
  checks: number;
  cores: number;
  message?: string;
}

/** A handle on a running core-guided search. */
export interface CoreSearch {
  result: Promise<CoreSearchResult>;
  /** Ends the search at its next step and interrupts the solver; `result` then settles soon. */
  stop(): void;
}

/**
 * Core-guided lower bounding (the OLL algorithm of MaxSAT solvers). Every participant is first assumed
 * to have no break; an unsatisfiable core names participants of whom at least one must have one, so
 * the bound rises by one and the core is relaxed by a counter ("at most one of these fails", then two,
 * and so on), as is each participant's own count. It ends when the bound meets the best schedule found
 * elsewhere (that schedule is then optimal), when the assumptions become satisfiable (the solver's
 * schedule then has exactly the bound's breaks, so it is optimal), or at the deadline. Many events get
 * their bound from small local cores within seconds, where a single "at most k breaks" question needs
 * a global proof.
 *
 * With `direct`, the search asks those questions instead, from the best known bound upwards: each proof
 * raises the bound by one, and the first schedule found is optimal. The two complement each other and
 * run side by side: the last cores of some events come slowly (forum-13crafb: the sixth in 80–98 s),
 * where "at most 5" is proven in about 11 s and "at most 6" answered with a schedule in 6–12 s; the
 * cores give other events their bound and schedule at once (ticf-13crafc).
 * The search runs on z3's own thread, so the local search keeps the other core busy.
 */
export function startCoreSearch(model: Model, opts: CoreSearchOptions): CoreSearch {
  let stopped = false;
  let ctx: Z3Context | null = null;
  const result = (async (): Promise<CoreSearchResult> => {
    let checks = 0;
    let cores = 0;
    let lb = 0;
    const out = (
      status: CoreSearchResult['status'],
      extra: Partial<CoreSearchResult> = {},
    ): CoreSearchResult => ({
      status,
      lowerBound: lb,
      checks,
      cores,
      ...extra,
    });
    const { api, Z } = await loadZ3();
    ctx = Z;
    if (stopped) return out('stopped');
    const solver = new Z.Solver('QF_FD');
    try {
      if (opts.seed) solver.set('random_seed', opts.seed);
      const add = (c: BoolExpr) => solver.add(c);
      // The busy count is what lets the direct questions find break-free days (see `encode`), but it
      // hides the cores of some events (ticf-13crafc: the first in 7–9 s without it, none in 60 s with it).
      const { x, allB, breaksOf } = encode(Z, model, add, !!opts.direct);
      const found = (): CoreSearchResult => {
        const slots = new Int32Array(model.M).fill(-1);
        const zModel = solver.model();
        for (let m = 0; m < model.M; m++)
          for (const [s, v] of x[m]) if (Z.isTrue(zModel.eval(v, true))) slots[m] = s;
        zModel.release();
        const got = opts.accept(slots);
        if (got === null || got > lb)
          return out('rejected', {
            message:
              got === null
                ? 'the solver returned an invalid schedule'
                : `the solver's schedule has ${got} breaks, more than the bound ${lb}`,
          });
        return out('optimal', { slots, breaks: got });
      };
      /** Before each check: the result to end with, or null to go on (the solver then has its timeout). */
      const ending = (): CoreSearchResult | null => {
        if (stopped) return out('stopped');
        if (lb >= opts.upper()) return out('optimal');
        const left = Math.floor(opts.deadline - performance.now());
        if (left < 200) return out('unknown');
        checks++;
        solver.set('timeout', left);
        return null;
      };
      if (opts.direct) {
        if (!allB.length) return out('unknown', { message: 'no participant can have a break' });
        for (;;) {
          lb = Math.max(lb, opts.lower?.() ?? 0);
          const end = ending();
          if (end) return end;
          // "at most lb breaks in all?": a schedule is optimal, a proof raises the bound by one
          const q = Z.Bool.const(`atmost_${lb}`);
          add(Z.Implies(q, Z.AtMost(allB as [BoolExpr, ...BoolExpr[]], lb)));
          const r = await guardedCheck(() => solver.check(q));
          unrefWorkers(api);
          if (stopped) return out('stopped');
          if (r === 'sat') return found();
          if (r !== 'unsat') return out('unknown', { message: solver.reasonUnknown() });
          const assumed = solver.unsatCore().length() > 0;
          // no assumption involved: the hard constraints alone have no model
          if (!assumed) return out('infeasible');
          add(q.not());
          lb++;
          opts.onBound?.(lb);
        }
      }
      // A soft literal is assumed true; when it appears in a core, `next` gives the counter's next output.
      interface Soft {
        lit: BoolExpr;
        next: () => Soft | null;
      }
      const softs = new Map<string, Soft>();
      let id = 0;
      const keep = (s: Soft | null) => {
        if (s) softs.set(s.lit.toString(), s);
      };
      // lit ⇒ this participant has fewer than j breaks
      const breaksBelow = (bp: BoolExpr[], j: number): Soft | null => {
        if (j > bp.length) return null;
        const o = Z.Bool.const(`ok_${id++}`);
        if (j === 1) for (const b of bp) add(Z.Or(o.not(), b.not()));
        else add(Z.Implies(o, Z.AtMost(bp as [BoolExpr, ...BoolExpr[]], j - 1)));
        return { lit: o, next: () => breaksBelow(bp, j + 1) };
      };
      // lit ⇒ fewer than j of the core's literals are false
      const failuresBelow = (lits: BoolExpr[], j: number): Soft | null => {
        if (j > lits.length) return null;
        const o = Z.Bool.const(`ok_${id++}`);
        add(Z.Implies(o, Z.AtLeast(lits as [BoolExpr, ...BoolExpr[]], lits.length - j + 1)));
        return { lit: o, next: () => failuresBelow(lits, j + 1) };
      };
      for (const bp of breaksOf) if (bp.length) keep(breaksBelow(bp, 1));
      if (!softs.size) return out('unknown', { message: 'no participant can have a break' });
      for (;;) {
        const end = ending();
        if (end) return end;
        const r = await guardedCheck(() => solver.check(...[...softs.values()].map((s) => s.lit)));
        unrefWorkers(api);
        if (stopped) return out('stopped');
        if (r === 'sat') return found();
        if (r !== 'unsat') return out('unknown', { message: solver.reasonUnknown() });
        const core = solver.unsatCore();
        const failed: BoolExpr[] = [];
        for (let i = 0; i < core.length(); i++) {
          const key = core.get(i).toString();
          const s = softs.get(key);
          if (!s) continue;
          softs.delete(key);
          failed.push(s.lit);
          keep(s.next());
        }
        // no assumption involved: the hard constraints alone have no model
        if (!failed.length) return out('infeasible');
        cores++;
        lb++;
        opts.onBound?.(lb);
        if (failed.length > 1) keep(failuresBelow(failed, 2));
      }
    } catch (e) {
      return out(stopped ? 'stopped' : 'error', { message: (e as Error).message });
    } finally {
      solver.release();
      unrefWorkers(api);
    }
  })();
  return {
    result,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        ctx?.interrupt();
      } catch {
        // nothing is running
      }
    },
  };
}
