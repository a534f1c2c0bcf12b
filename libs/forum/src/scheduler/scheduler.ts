import { analyse } from './analysis.js';
import { checkSchedule } from './check.js';
import { lpBound } from './mip.js';
import { solveMipThread } from './mip-thread.js';
import { buildModel, SchedulerInputError, type Model } from './model.js';
import { Rng } from './rng.js';
import type { CoreSearch, CoreSearchResult } from './sat.js';
import { startCoreSearchThread } from './sat-thread.js';
import { createAnnealer } from './annealer.js';
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
  const t0 = now();
  const limit = options.timeLimitMs ?? 10_000;
  const moveLimit = options.moveLimit;
  if (moveLimit !== undefined && !(Number.isInteger(moveLimit) && moveLimit > 0))
    throw new SchedulerInputError(`moveLimit must be a positive whole number, not ${moveLimit}`);
  // With a move budget the run does not look at the clock, so nothing depends on the machine's speed.
  const deterministic = moveLimit !== undefined;
  const deadline = deterministic ? Infinity : t0 + limit;
  const requireAll = options.requireAll ?? false;
  const rng = new Rng(options.seed ?? 1);
  const model = buildModel(input, options);
  const { M, mIds, pIds } = model;
  let bestBreaks: number | null = null;
  let bestUnsched: number | null = null;
  let lowerBound: number | null = null;
  let lastReport = 0;
  const progress = (phase: SchedulerProgress['phase'], force = false) => {
    if (!options.onProgress) return;
    const t = now();
    if (!force && t - lastReport < 200) return;
    lastReport = t;
    options.onProgress({
      fraction: Math.min(1, (t - t0) / limit),
      phase,
      bestBreaks,
      unscheduledWeight: bestUnsched,
      lowerBound,
    });
  };
  progress('analysis', true);
  const analysis = analyse(model, requireAll);

  const finish = (
    st: ScheduleState,
    status: SchedulerResult['status'],
    extra: Omit<Partial<SchedulerResult>, 'stats'> & { stats: Partial<SchedulerResult['stats']> },
  ): SchedulerResult => {
    progress('tables', true);
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
        timeMs: Math.round(now() - t0),
      },
    };
    progress('done', true);
    return result;
  };

  if (analysis.infeasible) {
    return finish(new ScheduleState(model), 'INFEASIBLE', {
      reason: analysis.infeasible,
      stats: { method: 'analysis', exact: 'not-needed' },
    });
  }
  // The per-participant bound holds for schedules with every meeting.
  lowerBound = analysis.lowerBound;

  progress('construct', true);
  const st = new ScheduleState(model);
  let pairs = 0;
  for (const d of model.dom) pairs += d.length;
  const large = pairs > EXACT_MAX_PAIRS;
  // On large inputs the local search cannot repair an unfair start in useful time, so the start gives
  // nobody more than `fairness` breaks: fair whatever the fewest breaks turn out to be.
  construct(model, st, rng, large ? { breakCap: model.fairness, byWeight: !requireAll } : {});
  const constructive = st.score();
  const constructiveStats = {
    breaks: constructive.breaks,
    unscheduled: st.unschedCount,
    fair: constructive.fairExcess === 0,
    timeMs: Math.round(now() - t0),
  };
  let timeToBest = now() - t0;
  const onImprove = (s: Score) => {
    timeToBest = now() - t0;
    if (s.fairExcess === 0) {
      bestBreaks = s.breaks;
      bestUnsched = s.unscheduledWeight;
    }
    progress('search');
  };
  onImprove(constructive);
  const unschedPenalty = requireAll ? 1000 : 4 * model.T;
  let maxWeight = 0;
  for (const w of model.weight) maxWeight = Math.max(maxWeight, w);
  const annealer = createAnnealer(model, st, {
    rng,
    unschedPenalty,
    // When meetings may be dropped, fairness (a hard limit) must cost more than dropping any meeting.
    fairPenalty: requireAll ? 10 : 2 * unschedPenalty * maxWeight + 10,
    gapWeight: 0.05,
    // Alternating a strong and a moderate pull towards compact days, cycle by cycle, finds break-free
    // schedules much sooner on the JAIR instances than a small tie-breaking weight (e.g. 0.1 s against 10 s
    // on tic-14crafa; 0 breaks on ticf-14crafa where 0.05 stalls at 2). Large inputs keep the small weight.
    gapWeights: large ? undefined : [1, 0.3],
    allowDrop: !requireAll,
    movePenalty: options.allowMoves ? 1 / (M + 1) : 0,
    target: analysis.lowerBound,
    maxIterations: moveLimit,
    onImprove,
  });
  const isProven = (s: Score) =>
    s.fairExcess === 0 && s.unscheduledWeight < 1e-9 && s.breaks <= (lowerBound ?? -1) && s.moved === 0;
  /** Hands a schedule found by another method to the local search, and records it if it is better. */
  const take = (slots: Int32Array) => {
    const before = annealer.bestScore;
    annealer.offer(slots);
    if (better(annealer.bestScore, before)) onImprove(annealer.bestScore);
  };

  const exactWanted = (options.exact ?? true) && !large && !deterministic;
  const exactShare = Math.min(0.95, Math.max(0, options.exactShare ?? 0.5));
  // z3 serves every meeting placed, on events that are neither huge nor incremental with moves allowed:
  // the core-guided search and the direct questions close gaps the MIP cannot, on short and long days.
  const satWanted =
    (options.sat ?? true) &&
    !deterministic &&
    requireAll &&
    !large &&
    limit >= SAT_MIN_MS &&
    !model.preferredSlot.some((t) => t >= 0);
  const searchUntil = exactWanted ? t0 + limit * (1 - exactShare) : deadline;
  const complete = (s: Score) => s.fairExcess === 0 && s.unscheduledWeight < 1e-9 && s.moved === 0;
  // the core-guided search and the direct "at most k breaks" questions, each on its own thread
  const sats: { search: CoreSearch; result: CoreSearchResult | null; bound: number; boundAt: number }[] = [];
  let coreStarted = 0;
  /** An optimal or infeasible answer settles the event for every method. */
  const settles = (r: CoreSearchResult | null) => r?.status === 'optimal' || r?.status === 'infeasible';
  const coreSettled = () => sats.some((s) => settles(s.result));
  const satRunning = () => sats.some((s) => !s.result);
  /** Starts one SAT search on its own thread: core-guided, or direct questions with z3's seed `seed`. */
  const launchSat = (direct: boolean, seed = 0) => {
    const entry = { result: null, bound: 0, boundAt: now() } as (typeof sats)[number];
    entry.search = startCoreSearchThread(model, {
      direct,
      seed,
      upper: () => (complete(annealer.bestScore) ? annealer.bestScore.breaks : Infinity),
      lower: () => lowerBound ?? 0,
      deadline,
      accept: (slots) => verifiedBreaks(input, model, slots, options),
      onBound: (lb) => {
        entry.bound = lb;
        entry.boundAt = now();
        if (lb > (lowerBound ?? 0)) {
          lowerBound = lb;
          annealer.setTarget(lb);
        }
        progress('exact');
      },
    });
    sats.push(entry);
    entry.search.result.then(
      (r) => {
        entry.result = r;
        if (r.lowerBound > (lowerBound ?? 0) && r.status !== 'infeasible') lowerBound = r.lowerBound;
        if (r.slots) take(r.slots);
        // the other searches have nothing left to do
        if (settles(r)) for (const s of sats) s.search.stop();
      },
      (e: Error) => {
        entry.result = { status: 'error', lowerBound: 0, checks: 0, cores: 0, message: e.message };
      },
    );
  };
  const startCore = () => {
    if (!satWanted || sats.length || isProven(annealer.bestScore)) return;
    coreStarted = now();
    method += '+sat';
    launchSat(false);
    launchSat(true);
  };
  /**
   * Once the direct questions have proven more than the core-guided search, which has found no core for
   * `CORE_STALL_MS`, the core-guided search has nothing left to tell, and its thread asks the direct
   * questions too, with another z3 seed: the time to answer one of them varies widely with the seed
   * ("at most 6 breaks?" on forum-13crafb: 13 to 52 s over four seeds; "at most 16?" on
   * tic-13crafc.fixed040-Forb: 27 s with one seed, no answer in 60 s with another).
   */
  const swapCoreForTwin = () => {
    if (sats.length !== 2) return;
    const [core, direct] = sats;
    if (core.result || direct.result || direct.bound <= core.bound) return;
    if (now() - core.boundAt < CORE_STALL_MS) return;
    core.search.stop();
    method += '+twin';
    launchSat(true, 1);
  };
  /** Runs the local search until `until`, or while `keepOn` holds; true when the event is settled. */
  const runSearch = async (until: number, keepOn?: () => boolean) => {
    while (now() < until) {
      if (annealer.run(Math.min(until, now() + 100))) return true;
      if (moveLimit !== undefined && annealer.iterations >= moveLimit) return false;
      if (isProven(annealer.bestScore) || coreSettled()) return true;
      if (keepOn && !keepOn()) return false;
      swapCoreForTwin();
      progress('search');
      if (satRunning() && now() - t0 - timeToBest > STALL_MS) await sleep(IDLE_MS);
      else await yieldToLoop();
    }
    return false;
  };
  let exact: SchedulerResult['stats']['exact'] = 'skipped';
  let method = large ? 'construct(fair)+anneal' : 'construct+anneal';
  if (requireAll && (exactWanted || satWanted) && !isProven(annealer.bestScore)) {
    // A short search first: most events reach the per-participant bound at once, and the SAT search
    // starts from a good schedule.
    await runSearch(Math.min(searchUntil, t0 + Math.min(limit * 0.15, Math.max(limit * 0.05, 2000))));
    startCore();
    // The LP relaxation of the run model often proves a higher bound, at which the search can then stop.
    if (exactWanted && !isProven(annealer.bestScore) && !coreSettled() && now() < searchUntil) {
      progress('exact', true);
      const lp = await lpBound(model, {
        participantBounds: analysis.participantBounds,
        deadline: Math.min(searchUntil, now() + limit * 0.25),
      });
      if (lp !== null && lp > (lowerBound ?? 0)) {
        lowerBound = lp;
        annealer.setTarget(lp);
        method += '+lp';
      }
    }
  }
  if (!isProven(annealer.bestScore)) await runSearch(searchUntil);
  // The MIP waits while the SAT searches still run (they close more of these events; three solver
  // threads on two cores would slow them all), and gets what time they leave.
  if (satRunning() && !isProven(annealer.bestScore)) await runSearch(deadline, satRunning);
  let proven = isProven(annealer.bestScore);
  let mipInfeasible = false;
  if (!proven && !coreSettled() && exactWanted && now() < deadline - 50) {
    progress('exact', true);
    method += '+mip';
    const best = annealer.bestScore;
    // HiGHS runs on its own thread, and the local search goes on beside it on this one
    const run = solveMipThread(model, {
      requireAll,
      // the thread is ended a moment after its deadline whatever HiGHS is doing
      deadline: deadline - Math.min(400, limit * 0.03),
      start: best.fairExcess === 0 ? annealer.best : undefined,
      participantBounds: analysis.participantBounds,
      seed: options.seed,
      onSolution: take,
      onImprove: () => progress('exact'),
    });
    let answered = false;
    void run.result.then(() => (answered = true));
    const stopped = await runSearch(deadline, () => !answered);
    if (stopped) run.stop();
    const res = await run.result;
    exact = stopped && res.message === 'stopped' ? 'stopped' : res.status;
    if (res.slots) take(res.slots);
    if (res.status === 'optimal') proven = true;
    // a complete schedule in hand shows the MIP wrong; else it proves the event impossible
    if (res.status === 'infeasible' && requireAll && !complete(annealer.bestScore)) mipInfeasible = true;
    if (requireAll && res.breaksBound !== undefined) lowerBound = Math.max(lowerBound ?? 0, res.breaksBound);
    if (!proven) proven = isProven(annealer.bestScore);
  } else if (proven) exact = 'not-needed';
  // Time the solvers did not need goes back to the local search, beside the SAT search if it still runs.
  if (!proven && !mipInfeasible && now() < deadline - 20) await runSearch(deadline);
  let sat: SchedulerResult['stats']['sat'];
  if (sats.length) {
    for (const s of sats) s.search.stop();
    // the results also arrive through the handlers that set `result`; this waits for them
    const rs = await Promise.all(sats.map((s) => s.search.result.catch(() => s.result)));
    const done = rs.filter((r): r is CoreSearchResult => r !== null);
    // the search that settled the event speaks for all; else the core-guided one
    const r = done.find(settles) ?? done[0];
    if (r) {
      if (r.status === 'infeasible' && !complete(annealer.bestScore)) mipInfeasible = true;
      sat = {
        status: r.status === 'stopped' ? 'unknown' : r.status,
        checks: done.reduce((n, x) => n + x.checks, 0),
        cores: done.reduce((n, x) => n + x.cores, 0),
        lowerBound: Math.max(...done.map((x) => x.lowerBound)),
        timeMs: Math.round(now() - coreStarted),
        ...(r.message ? { message: r.message } : {}),
      };
    }
  }
  proven ||= isProven(annealer.bestScore);

  const final = stateFrom(model, annealer.best);
  if (!requireAll && final.fairExcess() > 0) {
    repairFairness(model, final);
    proven = false;
  }
  const score = final.score();
  const stats = {
    timeToBestMs: Math.round(timeToBest),
    constructive: constructiveStats,
    iterations: annealer.iterations,
    exact,
    method,
    ...(sat ? { sat } : {}),
  };
  if (mipInfeasible)
    return finish(new ScheduleState(model), 'INFEASIBLE', {
      reason:
        `no schedule satisfies every constraint at once (proven by the exact solver): ` +
        `the simple checks pass, so the conflict is between participants' meetings, tables and the fairness limit ${model.fairness}`,
      stats,
    });
  if (requireAll && (score.unscheduledWeight > 1e-9 || score.fairExcess > 0)) {
    return finish(final, 'UNKNOWN', {
      reason:
        score.fairExcess > 0
          ? `no schedule within the fairness limit ${model.fairness} was found in the time limit, and none was proven impossible`
          : `${final.unschedCount} meetings could not be placed in the time limit, and no proof that it is impossible was found`,
      lowerBound,
      stats,
    });
  }
  const allScheduled = score.unscheduledWeight < 1e-9;
  if (proven && allScheduled && score.breaks > (lowerBound ?? 0)) lowerBound = score.breaks;
  return finish(final, proven ? 'OPTIMAL' : 'FEASIBLE', {
    lowerBound: allScheduled ? lowerBound : proven ? score.breaks : null,
    stats,
  });
}
