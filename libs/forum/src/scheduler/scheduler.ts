import { analyse, type Analysis } from './analysis.js';
import { checkSchedule } from './check.js';
import { lpBound } from './mip.js';
import { solveMipThread } from './mip-thread.js';
import { buildModel, SchedulerInputError, type Model } from './model.js';
import { Rng } from './rng.js';
import type { CoreSearch, CoreSearchResult } from './sat.js';
import { startCoreSearchThread } from './sat-thread.js';
import { createAnnealer, type Annealer } from './annealer.js';
import { better, construct, ScheduleState, stateFrom, type Score } from './search.js';
import { assignTables, countTableChanges } from './tables.js';
import type {
  SchedulerInput,
  SchedulerOptions,
  SchedulerProgress,
  SchedulerResult,
  UnscheduledMeeting,
} from './types.js';

const now = () => performance.now();

/**
 * Above this many (meeting, slot) pairs the MIP is not attempted: building it alone takes seconds and
 * hundreds of megabytes, and HiGHS cannot close such a model in any useful time. The published
 * instances have at most about 7,000 pairs; a 12,000-meeting edition over 32 slots has 384,000.
 */
export const EXACT_MAX_PAIRS = 60_000;
/**
 * The SAT searches need this much time at least: each thread loads z3 (WebAssembly) first, which takes
 * a second or two on an idle machine and longer on a busy one, and the MIP waits for them. Under it the
 * MIP is the exact method, as it proves small infeasible events at once (at 3 s, a 3-slot event with
 * fairness 0 was sometimes left UNKNOWN while the test suites ran in parallel).
 */
const SAT_MIN_MS = 5000;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/**
 * Once the local search has found nothing better for `STALL_MS` while the two SAT threads run, it works
 * only a tenth of the time (100 ms, then `IDLE_MS` asleep): on two cores the solver threads then have a
 * core each instead of sharing two with it. On the originals at 60 s this took the total from 163 s to
 * 103 s (forum-13crafb: 37 s to 27 s; forum-13crafb.forb0007: 51 s to 35 s).
 */
const STALL_MS = 3000;
const IDLE_MS = 900;
/** How long the core-guided search may go without a new core before its thread may be given other work. */
const CORE_STALL_MS = 3000;

/** Why a meeting stayed out of the schedule, from the final state. */
function unscheduledReason(model: Model, st: ScheduleState, m: number): string {
  if (model.blocked[m]) return model.blocked[m]!;
  const { T, ma, mb, pIds, cap, dom } = model;
  if (!dom[m].length) return 'no slot is left once its precedences are taken into account';
  let aBusy = 0;
  let bBusy = 0;
  let full = 0;
  let order = 0;
  let open = 0;
  for (const t of dom[m]) {
    const ab = st.occ[ma[m] * T + t] >= 0;
    const bb = st.occ[mb[m] * T + t] >= 0;
    if (ab) aBusy++;
    if (bb) bBusy++;
    if (!ab && !bb && st.cnt[t] >= cap[t]) full++;
    if (!ab && !bb && st.cnt[t] < cap[t]) {
      if (st.precedenceOk(m, t)) open++;
      else order++;
    }
  }
  if (open) return 'left out to keep the breaks of participants within the fairness limit';
  const parts = [];
  if (aBusy) parts.push(`${pIds[ma[m]]} is busy in ${aBusy}`);
  if (bBusy) parts.push(`${pIds[mb[m]]} is busy in ${bBusy}`);
  if (full) parts.push(`no table is left in ${full}`);
  if (order) parts.push(`precedences rule out ${order}`);
  return `no common free slot with a table: of ${dom[m].length} possible slots, ${parts.join(', ')}`;
}

/**
 * Total breaks of a complete schedule found outside the search, counted by the scheduler's own state and
 * checked against the input independently; null when it breaks any constraint.
 */
function verifiedBreaks(
  input: SchedulerInput,
  model: Model,
  slots: Int32Array,
  options: SchedulerOptions,
): number | null {
  const { M, T, ma, mb, mIds, pIds } = model;
  const busy = new Uint8Array(model.P * T);
  for (let m = 0; m < M; m++) {
    const t = slots[m];
    if (t < 0 || !model.dom[m].includes(t) || busy[ma[m] * T + t] || busy[mb[m] * T + t]) return null;
    busy[ma[m] * T + t] = busy[mb[m] * T + t] = 1;
  }
  const st = stateFrom(model, slots);
  const score = st.score();
  if (score.fairExcess > 0 || score.unscheduledWeight > 1e-9) return null;
  const tables = input.tables ?? [];
  const table = assignTables(model, tables, slots);
  const breaksByParticipant: Record<string, number> = {};
  for (let p = 0; p < model.P; p++) breaksByParticipant[pIds[p]] = st.brk[p];
  const violations = checkSchedule(
    input,
    {
      status: 'FEASIBLE',
      assignments: mIds.map((id, m) => ({
        meetingId: id,
        slot: slots[m],
        ...(table[m] >= 0 ? { table: tables[table[m]].id } : {}),
      })),
      unscheduled: [],
      totalBreaks: score.breaks,
      breaksByParticipant,
    },
    { requireAll: true, existing: options.existing, allowMoves: options.allowMoves },
  );
  return violations.length ? null : score.breaks;
}

/** Drops meetings of the participants with the most breaks until breaks are fair (always possible). */
function repairFairness(model: Model, st: ScheduleState): void {
  const { T, meetingsOf, fixedSlot, weight } = model;
  let guard = model.M + 1;
  while (st.fairExcess() > 0 && guard-- > 0) {
    let worst = 0;
    for (let p = 1; p < model.P; p++) if (st.brk[p] > st.brk[worst]) worst = p;
    // remove the meeting at an end of one of the worst participant's runs that costs least weight
    let pick = -1;
    for (const m of meetingsOf[worst]) {
      const t = st.slotOf[m];
      if (t < 0) continue;
      const row = worst * T;
      const isolatedEnd = t === 0 || st.occ[row + t - 1] < 0 || t === T - 1 || st.occ[row + t + 1] < 0;
      if (!isolatedEnd) continue;
      if (pick < 0 || (fixedSlot[m] < 0 && fixedSlot[pick] >= 0) || weight[m] < weight[pick]) pick = m;
    }
    if (pick < 0) break;
    st.unplace(pick);
    st.refreshAll();
  }
}

type SatEntry = { search: CoreSearch; result: CoreSearchResult | null; bound: number; boundAt: number };
type Stats = SchedulerResult['stats'];
type Outcome = Omit<Partial<SchedulerResult>, 'stats'> & { stats: Partial<Stats> };

/** An optimal or infeasible answer settles the event for every method. */
const settles = (r: CoreSearchResult | null) => r?.status === 'optimal' || r?.status === 'infeasible';
/** Every meeting placed, within the fairness limit, nothing published moved. */
const complete = (s: Score) => s.fairExcess === 0 && s.unscheduledWeight < 1e-9 && s.moved === 0;

/**
 * One call of `scheduleMeetings`: its budget, the best schedule and bound so far and the solver threads
 * are fields, and its phases methods, run in order by `solve`: analysis, construction, an opening
 * search, the SAT searches and the LP bound, the main search, the MIP, the time left, the result.
 */
class SchedulingRun {
  private readonly t0: number;
  private readonly limit: number;
  private readonly moveLimit: number | undefined;
  private readonly deadline: number;
  private readonly requireAll: boolean;
  private readonly rng: Rng;
  private readonly model: Model;
  private analysis: Analysis;
  /** Too many (meeting, slot) pairs for the exact methods. */
  private large = false;
  private annealer: Annealer;
  private exactWanted = false;
  private satWanted = false;
  /** When the search alone stops and the exact methods take over. */
  private searchUntil = 0;

  // What the progress reports tell: the best fair schedule's breaks and left-out weight, the bound.
  private bestBreaks: number | null = null;
  private bestUnsched: number | null = null;
  private lowerBound: number | null = null;
  private lastReport = 0;
  private timeToBest = 0;

  /** The core-guided search and the direct "at most k breaks" questions, each on its own thread. */
  private readonly sats: SatEntry[] = [];
  private coreStarted = 0;
  private method = '';
  private exact: Stats['exact'] = 'skipped';
  private proven = false;
  private mipInfeasible = false;

  constructor(
    private readonly input: SchedulerInput,
    private readonly options: SchedulerOptions,
  ) {
    this.t0 = now();
    this.limit = options.timeLimitMs ?? 10_000;
    const moveLimit = options.moveLimit;
    if (moveLimit !== undefined && !(Number.isInteger(moveLimit) && moveLimit > 0))
      throw new SchedulerInputError(`moveLimit must be a positive whole number, not ${moveLimit}`);
    this.moveLimit = moveLimit;
    // With a move budget the run does not look at the clock, so nothing depends on the machine's speed.
    this.deadline = moveLimit !== undefined ? Infinity : this.t0 + this.limit;
    this.requireAll = options.requireAll ?? false;
    this.rng = new Rng(options.seed ?? 1);
    this.model = buildModel(input, options);
  }

  async solve(): Promise<SchedulerResult> {
    const { model } = this;
    this.progress('analysis', true);
    this.analysis = analyse(model, this.requireAll);
    if (this.analysis.infeasible) {
      return this.finish(new ScheduleState(model), 'INFEASIBLE', {
        reason: this.analysis.infeasible,
        stats: { method: 'analysis', exact: 'not-needed' },
      });
    }
    // The per-participant bound holds for schedules with every meeting.
    this.lowerBound = this.analysis.lowerBound;
    const constructive = this.construct();
    this.planMethods();
    if (this.requireAll && (this.exactWanted || this.satWanted) && !this.isProven()) await this.open();
    if (!this.isProven()) await this.runSearch(this.searchUntil);
    // The MIP waits while the SAT searches still run (they close more of these events; three solver
    // threads on two cores would slow them all), and gets what time they leave.
    if (this.satRunning() && !this.isProven()) await this.runSearch(this.deadline, () => this.satRunning());
    this.proven = this.isProven();
    if (!this.proven && !this.coreSettled() && this.exactWanted && now() < this.deadline - 50)
      await this.runMip();
    else if (this.proven) this.exact = 'not-needed';
    // Time the solvers did not need goes back to the local search, beside the SAT search if it still runs.
    if (!this.proven && !this.mipInfeasible && now() < this.deadline - 20)
      await this.runSearch(this.deadline);
    const sat = await this.stopSat();
    this.proven ||= this.isProven();
    return this.conclude(constructive, sat);
  }

  private progress(phase: SchedulerProgress['phase'], force = false): void {
    const { options } = this;
    if (!options.onProgress) return;
    const t = now();
    if (!force && t - this.lastReport < 200) return;
    this.lastReport = t;
    options.onProgress({
      fraction: Math.min(1, (t - this.t0) / this.limit),
      phase,
      bestBreaks: this.bestBreaks,
      unscheduledWeight: this.bestUnsched,
      lowerBound: this.lowerBound,
    });
  }

  /** The constructive heuristic's schedule, and the local search that starts from it. */
  private construct(): Stats['constructive'] {
    const { model, requireAll } = this;
    this.progress('construct', true);
    const st = new ScheduleState(model);
    let pairs = 0;
    for (const d of model.dom) pairs += d.length;
    this.large = pairs > EXACT_MAX_PAIRS;
    // On large inputs the local search cannot repair an unfair start in useful time, so the start gives
    // nobody more than `fairness` breaks: fair whatever the fewest breaks turn out to be.
    construct(model, st, this.rng, this.large ? { breakCap: model.fairness, byWeight: !requireAll } : {});
    const constructive = st.score();
    const stats = {
      breaks: constructive.breaks,
      unscheduled: st.unschedCount,
      fair: constructive.fairExcess === 0,
      timeMs: Math.round(now() - this.t0),
    };
    this.timeToBest = now() - this.t0;
    this.improved(constructive);
    const unschedPenalty = requireAll ? 1000 : 4 * model.T;
    let maxWeight = 0;
    for (const w of model.weight) maxWeight = Math.max(maxWeight, w);
    this.annealer = createAnnealer(model, st, {
      rng: this.rng,
      unschedPenalty,
      // When meetings may be dropped, fairness (a hard limit) must cost more than dropping any meeting.
      fairPenalty: requireAll ? 10 : 2 * unschedPenalty * maxWeight + 10,
      gapWeight: 0.05,
      // Alternating a strong and a moderate pull towards compact days, cycle by cycle, finds break-free
      // schedules much sooner on the JAIR instances than a small tie-breaking weight (e.g. 0.1 s against 10 s
      // on tic-14crafa; 0 breaks on ticf-14crafa where 0.05 stalls at 2). Large inputs keep the small weight.
      gapWeights: this.large ? undefined : [1, 0.3],
      allowDrop: !requireAll,
      movePenalty: this.options.allowMoves ? 1 / (model.M + 1) : 0,
      target: this.analysis.lowerBound,
      maxIterations: this.moveLimit,
      onImprove: (s) => this.improved(s),
    });
    return stats;
  }

  /** Which exact methods the run will use, and when the search alone hands over to them. */
  private planMethods(): void {
    const { options, limit } = this;
    const deterministic = this.moveLimit !== undefined;
    this.exactWanted = (options.exact ?? true) && !this.large && !deterministic;
    const exactShare = Math.min(0.95, Math.max(0, options.exactShare ?? 0.5));
    // z3 serves every meeting placed, on events that are neither huge nor incremental with moves allowed:
    // the core-guided search and the direct questions close gaps the MIP cannot, on short and long days.
    this.satWanted =
      (options.sat ?? true) &&
      !deterministic &&
      this.requireAll &&
      !this.large &&
      limit >= SAT_MIN_MS &&
      !this.model.preferredSlot.some((t) => t >= 0);
    this.searchUntil = this.exactWanted ? this.t0 + limit * (1 - exactShare) : this.deadline;
    this.method = this.large ? 'construct(fair)+anneal' : 'construct+anneal';
  }

  /**
   * A short search first: most events reach the per-participant bound at once, and the SAT search starts
   * from a good schedule. Then the SAT searches start, and the LP relaxation of the run model, which
   * often proves a higher bound, at which the search can then stop.
   */
  private async open(): Promise<void> {
    const { limit } = this;
    await this.runSearch(
      Math.min(this.searchUntil, this.t0 + Math.min(limit * 0.15, Math.max(limit * 0.05, 2000))),
    );
    this.startSat();
    if (this.exactWanted && !this.isProven() && !this.coreSettled() && now() < this.searchUntil) {
      this.progress('exact', true);
      const lp = await lpBound(this.model, {
        participantBounds: this.analysis.participantBounds,
        deadline: Math.min(this.searchUntil, now() + limit * 0.25),
      });
      if (lp !== null && lp > (this.lowerBound ?? 0)) {
        this.lowerBound = lp;
        this.annealer.setTarget(lp);
        this.method += '+lp';
      }
    }
  }

  /** A better schedule: its time, and its figures for the progress reports when it is fair. */
  private improved(s: Score): void {
    this.timeToBest = now() - this.t0;
    if (s.fairExcess === 0) {
      this.bestBreaks = s.breaks;
      this.bestUnsched = s.unscheduledWeight;
    }
    this.progress('search');
  }

  /** The best schedule is complete and at the proven lower bound. */
  private isProven(): boolean {
    const s = this.annealer.bestScore;
    return complete(s) && s.breaks <= (this.lowerBound ?? -1);
  }

  /** Hands a schedule found by another method to the local search, and records it if it is better. */
  private take(slots: Int32Array): void {
    const before = this.annealer.bestScore;
    this.annealer.offer(slots);
    if (better(this.annealer.bestScore, before)) this.improved(this.annealer.bestScore);
  }

  private coreSettled(): boolean {
    return this.sats.some((s) => settles(s.result));
  }

  private satRunning(): boolean {
    return this.sats.some((s) => !s.result);
  }

  /** The core-guided search and the direct questions, unless not wanted or the event is already proven. */
  private startSat(): void {
    if (!this.satWanted || this.sats.length || this.isProven()) return;
    this.coreStarted = now();
    this.method += '+sat';
    this.launchSat(false);
    this.launchSat(true);
  }

  /** Starts one SAT search on its own thread: core-guided, or direct questions with z3's seed `seed`. */
  private launchSat(direct: boolean, seed = 0): void {
    const { model, annealer, sats } = this;
    const entry = { result: null, bound: 0, boundAt: now() } as SatEntry;
    entry.search = startCoreSearchThread(model, {
      direct,
      seed,
      upper: () => (complete(annealer.bestScore) ? annealer.bestScore.breaks : Infinity),
      lower: () => this.lowerBound ?? 0,
      deadline: this.deadline,
      accept: (slots) => verifiedBreaks(this.input, model, slots, this.options),
      onBound: (lb) => {
        entry.bound = lb;
        entry.boundAt = now();
        if (lb > (this.lowerBound ?? 0)) {
          this.lowerBound = lb;
          annealer.setTarget(lb);
        }
        this.progress('exact');
      },
    });
    sats.push(entry);
    entry.search.result.then(
      (r) => {
        entry.result = r;
        if (r.lowerBound > (this.lowerBound ?? 0) && r.status !== 'infeasible')
          this.lowerBound = r.lowerBound;
        if (r.slots) this.take(r.slots);
        // the other searches have nothing left to do
        if (settles(r)) for (const s of sats) s.search.stop();
      },
      (e: Error) => {
        entry.result = { status: 'error', lowerBound: 0, checks: 0, cores: 0, message: e.message };
      },
    );
  }

  /**
   * Once the direct questions have proven more than the core-guided search, which has found no core for
   * `CORE_STALL_MS`, the core-guided search has nothing left to tell, and its thread asks the direct
   * questions too, with another z3 seed: the time to answer one of them varies widely with the seed
   * ("at most 6 breaks?" on forum-13crafb: 13 to 52 s over four seeds; "at most 16?" on
   * tic-13crafc.fixed040-Forb: 27 s with one seed, no answer in 60 s with another).
   */
  private swapCoreForTwin(): void {
    if (this.sats.length !== 2) return;
    const [core, direct] = this.sats;
    if (core.result || direct.result || direct.bound <= core.bound) return;
    if (now() - core.boundAt < CORE_STALL_MS) return;
    core.search.stop();
    this.method += '+twin';
    this.launchSat(true, 1);
  }

  /** Runs the local search until `until`, or while `keepOn` holds; true when the event is settled. */
  private async runSearch(until: number, keepOn?: () => boolean): Promise<boolean> {
    const { annealer, moveLimit } = this;
    while (now() < until) {
      if (annealer.run(Math.min(until, now() + 100))) return true;
      if (moveLimit !== undefined && annealer.iterations >= moveLimit) return false;
      if (this.isProven() || this.coreSettled()) return true;
      if (keepOn && !keepOn()) return false;
      this.swapCoreForTwin();
      this.progress('search');
      if (this.satRunning() && now() - this.t0 - this.timeToBest > STALL_MS) await sleep(IDLE_MS);
      else await yieldToLoop();
    }
    return false;
  }

  /** HiGHS on its own thread from the best schedule, with the local search going on beside it on this one. */
  private async runMip(): Promise<void> {
    const { annealer, requireAll, deadline } = this;
    this.progress('exact', true);
    this.method += '+mip';
    const best = annealer.bestScore;
    const run = solveMipThread(this.model, {
      requireAll,
      // the thread is ended a moment after its deadline whatever HiGHS is doing
      deadline: deadline - Math.min(400, this.limit * 0.03),
      start: best.fairExcess === 0 ? annealer.best : undefined,
      participantBounds: this.analysis.participantBounds,
      seed: this.options.seed,
      onSolution: (slots) => this.take(slots),
      onImprove: () => this.progress('exact'),
    });
    let answered = false;
    void run.result.then(() => (answered = true));
    const stopped = await this.runSearch(deadline, () => !answered);
    if (stopped) run.stop();
    const res = await run.result;
    this.exact = stopped && res.message === 'stopped' ? 'stopped' : res.status;
    if (res.slots) this.take(res.slots);
    if (res.status === 'optimal') this.proven = true;
    // a complete schedule in hand shows the MIP wrong; else it proves the event impossible
    if (res.status === 'infeasible' && requireAll && !complete(annealer.bestScore)) this.mipInfeasible = true;
    if (requireAll && res.breaksBound !== undefined)
      this.lowerBound = Math.max(this.lowerBound ?? 0, res.breaksBound);
    if (!this.proven) this.proven = this.isProven();
  }

  /** Stops the SAT searches and sums up what they found; undefined when none ran. */
  private async stopSat(): Promise<Stats['sat']> {
    const { sats } = this;
    if (!sats.length) return undefined;
    for (const s of sats) s.search.stop();
    // the results also arrive through the handlers that set `result`; this waits for them
    const rs = await Promise.all(sats.map((s) => s.search.result.catch(() => s.result)));
    const done = rs.filter((r): r is CoreSearchResult => r !== null);
    // the search that settled the event speaks for all; else the core-guided one
    const r = done.find(settles) ?? done[0];
    if (!r) return undefined;
    if (r.status === 'infeasible' && !complete(this.annealer.bestScore)) this.mipInfeasible = true;
    return {
      status: r.status === 'stopped' ? 'unknown' : r.status,
      checks: done.reduce((n, x) => n + x.checks, 0),
      cores: done.reduce((n, x) => n + x.cores, 0),
      lowerBound: Math.max(...done.map((x) => x.lowerBound)),
      timeMs: Math.round(now() - this.coreStarted),
      ...(r.message ? { message: r.message } : {}),
    };
  }

  /** The best schedule (made fair when meetings may be left out) and its status. */
  private conclude(constructive: Stats['constructive'], sat: Stats['sat']): SchedulerResult {
    const { model, requireAll } = this;
    const final = stateFrom(model, this.annealer.best);
    if (!requireAll && final.fairExcess() > 0) {
      repairFairness(model, final);
      this.proven = false;
    }
    const score = final.score();
    const stats = {
      timeToBestMs: Math.round(this.timeToBest),
      constructive,
      iterations: this.annealer.iterations,
      exact: this.exact,
      method: this.method,
      ...(sat ? { sat } : {}),
    };
    if (this.mipInfeasible)
      return this.finish(new ScheduleState(model), 'INFEASIBLE', {
        reason:
          `no schedule satisfies every constraint at once (proven by the exact solver): ` +
          `the simple checks pass, so the conflict is between participants' meetings, tables and the fairness limit ${model.fairness}`,
        stats,
      });
    if (requireAll && (score.unscheduledWeight > 1e-9 || score.fairExcess > 0)) {
      return this.finish(final, 'UNKNOWN', {
        reason:
          score.fairExcess > 0
            ? `no schedule within the fairness limit ${model.fairness} was found in the time limit, and none was proven impossible`
            : `${final.unschedCount} meetings could not be placed in the time limit, and no proof that it is impossible was found`,
        lowerBound: this.lowerBound,
        stats,
      });
    }
    const allScheduled = score.unscheduledWeight < 1e-9;
    if (this.proven && allScheduled && score.breaks > (this.lowerBound ?? 0)) this.lowerBound = score.breaks;
    return this.finish(final, this.proven ? 'OPTIMAL' : 'FEASIBLE', {
      lowerBound: allScheduled ? this.lowerBound : this.proven ? score.breaks : null,
      stats,
    });
  }

  /** The result for schedule `st`: tables, the reasons meetings stay out, the figures. */
  private finish(st: ScheduleState, status: SchedulerResult['status'], extra: Outcome): SchedulerResult {
    const { model, input } = this;
    const { M, mIds, pIds } = model;
    this.progress('tables', true);
    const slots = st.slotOf;
    const tables = input.tables ?? [];
    const table = assignTables(model, tables, slots);
    const assignments = [];
    const unscheduled: UnscheduledMeeting[] = [];
    for (let m = 0; m < M; m++) {
      if (slots[m] >= 0) {
        const a: { meetingId: string; slot: number; table?: string } = { meetingId: mIds[m], slot: slots[m] };
        if (table[m] >= 0) a.table = tables[table[m]].id;
        assignments.push(a);
      } else
        unscheduled.push({
          meetingId: mIds[m],
          reason: extra.reason && status === 'INFEASIBLE' ? extra.reason : unscheduledReason(model, st, m),
        });
    }
    const breaksByParticipant: Record<string, number> = {};
    let hi = 0;
    let lo = model.P ? Infinity : 0;
    for (let p = 0; p < model.P; p++) {
      breaksByParticipant[pIds[p]] = st.brk[p];
      hi = Math.max(hi, st.brk[p]);
      lo = Math.min(lo, st.brk[p]);
    }
    const result: SchedulerResult = {
      status,
      reason: extra.reason,
      assignments,
      unscheduled,
      scheduledWeight: model.totalWeight - st.unschedW,
      totalWeight: model.totalWeight,
      totalBreaks: st.totalBreaks,
      breaksByParticipant,
      maxBreaks: hi,
      minBreaks: lo,
      tableChanges: tables.length ? countTableChanges(model, slots, table) : 0,
      moved: st.moved,
      lowerBound: extra.lowerBound ?? null,
      stats: {
        timeToBestMs: 0,
        constructive: { breaks: 0, unscheduled: 0, fair: true, timeMs: 0 },
        iterations: 0,
        exact: 'skipped',
        method: 'construct',
        ...extra.stats,
        timeMs: Math.round(now() - this.t0),
      },
    };
    this.progress('done', true);
    return result;
  }
}

/**
 * Schedules B2B meetings into slots (and tables), see `SchedulerInput`. Objectives in order: scheduled
 * weight, total breaks (with fairness as a hard limit), then table changes. The search is a constructive
 * heuristic improved by simulated annealing; when time allows, HiGHS solves the MIP from that start to
 * prove optimality. Lower bounds from each participant's own constraints prove many results at once.
 */
export async function scheduleMeetings(
  input: SchedulerInput,
  options: SchedulerOptions = {},
): Promise<SchedulerResult> {
  return new SchedulingRun(input, options).solve();
}
