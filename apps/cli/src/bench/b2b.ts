import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { checkSchedule, parseDzn, scheduleMeetings, type SchedulerResult } from '#forum/scheduler';
import { runScaleScenario } from './b2b-scale.js';
import { table } from './stats.js';

const say = (s = '') => process.stdout.write(`${s}\n`);

/** Published time (seconds, or TO for the 7200 s timeout) and objective of one solver. */
interface SolverFigure {
  s: string;
  obj: string;
}

const SOLVERS = ['MaxSAT', 'Chuffed', 'MIP', 'Gecode', 'CplexCP'] as const;

interface Published {
  best: number | null;
  status: string;
  solvers: Partial<Record<(typeof SOLVERS)[number], SolverFigure>>;
}

/** Minimal CSV reader for the benchmark's plain files (no quoted commas in them). */
function readCsv(file: string): Record<string, string>[] {
  if (!existsSync(file)) return [];
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const cols = head.split(',');
  return lines.map((l) => {
    const vals = l.split(',');
    return Object.fromEntries(cols.map((c, i) => [c, vals[i] ?? '']));
  });
}

function publishedValues(dir: string): Map<string, Published> {
  const out = new Map<string, Published>();
  for (const r of readCsv(join(dir, 'instances.csv'))) {
    const file = basename(r.path);
    out.set(file, {
      best: r.published_best_total_breaks_d2 === '' ? null : Number(r.published_best_total_breaks_d2),
      status: r.published_status_d2 || 'unknown',
      solvers: {},
    });
  }
  for (const r of readCsv(join(dir, 'published_results_jair2022.csv'))) {
    if (r.fairness_d !== '2') continue;
    const p = out.get(r.instance_file);
    if (!p) continue;
    for (const s of SOLVERS)
      if (r[`${s}_time_s`] || r[`${s}_obj`]) p.solvers[s] = { s: r[`${s}_time_s`], obj: r[`${s}_obj`] };
  }
  return out;
}

/** "time/objective" of a published solver, `-` when the paper has no figure. */
function figure(p: Published | undefined, solver: (typeof SOLVERS)[number]): string {
  const f = p?.solvers[solver];
  if (!f) return '-';
  return `${f.s || '?'}/${f.obj || '?'}`;
}

export interface B2bBenchFlags {
  /** Per instance, and for the scale scenario. */
  timeLimitMs?: number;
  /** Per instance: a fixed budget of local-search moves instead of the time limit (deterministic runs). */
  moveLimit?: number;
  fairness?: number;
  out?: string;
  /** Run the generated large edition only (with no path or filter), or as well. */
  scale?: boolean;
}

function dznFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return path.endsWith('.dzn') ? [path] : [];
  return readdirSync(path)
    .sort()
    .flatMap((f) => dznFiles(join(path, f)));
}

/**
 * B2B scheduler on the JAIR 2022 instances: one row per instance with the published optimum and the
 * published solvers' figures beside our result, an independent check of every schedule, and the
 * constructive heuristic alone as a baseline; then the generated large edition against greedy first-fit.
 * Arguments: .dzn files or folders, instance name filters, `all` for the variants too, `scale` for the
 * large edition only. Flags (else env): --time-limit SECONDS (B2B_TIME_LIMIT_MS), --fairness D
 * (B2B_FAIRNESS), --out DIR (B2B_OUT), --scale; B2B_DIR is the data folder. B2B_MOVES=N runs each
 * instance on a budget of N local-search moves instead of the clock, without the SAT and MIP steps: the
 * same figures and schedule digests on any machine, to compare two versions of the scheduler.
 */
export async function runB2bBench(args: string[], flags: B2bBenchFlags = {}): Promise<void> {
  const dir = resolve(process.env.B2B_DIR ?? join(process.cwd(), '../shared/benchmarks/b2b'));
  const isPath = (a: string) => a.includes('/') || a.endsWith('.dzn') || existsSync(a);
  const paths = args.filter(isPath);
  const words = args.filter((a) => !paths.includes(a));
  const all = words.includes('all');
  const scaleWord = words.includes('scale');
  const filters = words.filter((w) => w !== 'all' && w !== 'scale');
  const envLimit = process.env.B2B_TIME_LIMIT_MS ? Number(process.env.B2B_TIME_LIMIT_MS) : undefined;
  const timeLimitMs = flags.timeLimitMs ?? envLimit ?? 20_000;
  const fairness = flags.fairness ?? Number(process.env.B2B_FAIRNESS ?? 2);
  const moveLimit = flags.moveLimit ?? (process.env.B2B_MOVES ? Number(process.env.B2B_MOVES) : undefined);
  if (moveLimit !== undefined && !(Number.isInteger(moveLimit) && moveLimit > 0))
    throw new Error('B2B_MOVES must be a positive whole number of moves');
  const outDir = flags.out ?? process.env.B2B_OUT;
  if (!Number.isFinite(timeLimitMs) || timeLimitMs <= 0)
    throw new Error('B2B_TIME_LIMIT_MS must be a positive number of milliseconds');
  if (!Number.isInteger(fairness) || fairness < 0)
    throw new Error('B2B_FAIRNESS must be a whole number from 0');
  const askedScale = Boolean(flags.scale) || scaleWord;
  const chosen = paths.length > 0 || filters.length > 0 || all;
  const runInstances = chosen || !askedScale;
  const runScale = askedScale || !chosen;
  // The large edition gets a minute unless a time limit was given.
  const scaleLimitMs = flags.timeLimitMs ?? envLimit ?? 60_000;
  if (outDir) mkdirSync(outDir, { recursive: true });
  let scaleRecord: Record<string, unknown> | null = null;
  const scale = async () => {
    if (!runScale) return;
    say();
    scaleRecord = await runScaleScenario({ timeLimitMs: scaleLimitMs, fairness, outDir });
  };
  if (!runInstances) {
    await scale();
    return;
  }

  let files: string[] = [];
  for (const p of paths) if (!existsSync(resolve(p))) say(`not found: ${p}`);
  if (paths.length) files = paths.flatMap((p) => dznFiles(resolve(p)));
  else if (!existsSync(join(dir, 'instances')))
    say(
      `B2B benchmark data is absent (looked in ${join(dir, 'instances')}); give .dzn files or folders, ` +
        `or set B2B_DIR to the folder holding instances/.`,
    );
  else {
    files = dznFiles(join(dir, 'instances', 'original'));
    if (all)
      for (const v of ['forbidden', 'fixed', 'precedence'])
        files.push(...dznFiles(join(dir, 'instances', v)));
  }
  if (filters.length) files = files.filter((f) => filters.some((w) => basename(f).includes(w)));
  if (!files.length) {
    if (chosen) say('no instance matches');
    await scale();
    return;
  }
  const published = publishedValues(dir);
  const budget = moveLimit !== undefined ? `${moveLimit} moves (deterministic)` : `${timeLimitMs} ms`;
  say(`B2B scheduler: ${files.length} instances, ${budget} per instance, fairness d=${fairness}`);

  const rows: Record<string, string | number>[] = [];
  const records: Record<string, unknown>[] = [];
  const started = performance.now();
  for (const file of files) {
    const name = basename(file);
    const inst = parseDzn(readFileSync(file, 'utf8'), fairness);
    const pub = fairness === 2 ? published.get(name) : undefined;
    let result: SchedulerResult;
    try {
      result = await scheduleMeetings(inst.input, { timeLimitMs, moveLimit, requireAll: true, seed: 1 });
    } catch (e) {
      say(`${name}: ${(e as Error).message}`);
      continue;
    }
    const solved = result.status === 'OPTIMAL' || result.status === 'FEASIBLE';
    // Only a reported solution claims to keep every constraint; an UNKNOWN result is the search's best
    // unfinished attempt and prints no schedule.
    const violations = solved ? checkSchedule(inst.input, result, { requireAll: true }) : [];
    const gap = solved && pub?.best != null ? result.totalBreaks - pub.best : null;
    const c = result.stats.constructive;
    const bySlot = new Map(result.assignments.map((a) => [a.meetingId, a.slot + 1]));
    // 1-based slot of each meeting in the file's order, 0 when unscheduled (the benchmark's `fixed` format)
    const slots = inst.input.meetings.map((m) => bySlot.get(m.id) ?? 0);
    const baselineOk = c.unscheduled === 0 && c.fair;
    const agrees =
      pub?.status === 'unsat'
        ? result.status === 'INFEASIBLE'
        : pub?.best != null && result.status === 'OPTIMAL' && result.totalBreaks === pub.best;
    rows.push({
      instance: name.replace(/\.dzn$/, ''),
      P: inst.participants,
      M: inst.meetings,
      T: inst.slots,
      L: inst.tables,
      published: pub ? (pub.status === 'unsat' ? 'unsat' : String(pub.best ?? '?')) : '-',
      ours: solved ? result.totalBreaks : '-',
      LB: result.lowerBound ?? '-',
      status: result.status,
      s: (result.stats.timeMs / 1000).toFixed(1),
      'best@s': (result.stats.timeToBestMs / 1000).toFixed(1),
      gap: gap ?? '-',
      viol: violations.length,
      baseline: `${c.breaks}${c.unscheduled ? ` (${c.unscheduled} left out)` : ''}${c.fair ? '' : ' unfair'}`,
      'MaxSAT s/obj': figure(pub, 'MaxSAT'),
      'Chuffed s/obj': figure(pub, 'Chuffed'),
      'MIP s/obj': figure(pub, 'MIP'),
      'CP Opt. s/obj': figure(pub, 'CplexCP'),
    });
    records.push({
      instance: name,
      status: result.status.toLowerCase(),
      breaks: solved ? result.totalBreaks : null,
      maxBreaks: solved ? result.maxBreaks : null,
      lowerBound: result.lowerBound,
      timeToBestMs: result.stats.timeToBestMs,
      timeMs: result.stats.timeMs,
      published: pub ?? null,
      agreesWithPublished: agrees,
      violations,
      reason: result.reason ?? null,
      exact: result.stats.exact,
      sat: result.stats.sat ?? null,
      iterations: result.stats.iterations,
      method: result.stats.method,
      digest: createHash('sha256').update(slots.join(',')).digest('hex').slice(0, 16),
      baseline: { ...c, valid: baselineOk },
    });
    say(JSON.stringify(records[records.length - 1]));
    if (outDir && solved) {
      writeFileSync(join(outDir, `${name}.json`), JSON.stringify({ slots }));
    }
  }
  say();
  say(table(rows));
  const n = records.length;
  const optimal = records.filter((r) => r.status === 'optimal').length;
  const infeasible = records.filter((r) => r.status === 'infeasible').length;
  const agree = records.filter((r) => r.agreesWithPublished).length;
  const gaps = rows.map((r) => r.gap).filter((g): g is number => typeof g === 'number');
  const meanGap = gaps.length ? gaps.reduce((a, b) => a + b, 0) / gaps.length : NaN;
  const totalViolations = records.reduce((a, r) => a + (r.violations as string[]).length, 0);
  const seconds = (performance.now() - started) / 1000;
  const baseValid = records.filter((r) => (r.baseline as { valid: boolean }).valid);
  const ours = records.filter((r) => typeof r.breaks === 'number');
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const summary = {
    instances: n,
    provenOptimal: optimal,
    provenInfeasible: infeasible,
    matchingPublished: agree,
    meanGap: Number.isFinite(meanGap) ? Number(meanGap.toFixed(2)) : null,
    violations: totalViolations,
    totalSeconds: Number(seconds.toFixed(1)),
    oursTotalBreaks: sum(ours.map((r) => r.breaks as number)),
    baselineValid: baseValid.length,
    baselineTotalBreaks: sum(records.map((r) => (r.baseline as { breaks: number }).breaks)),
  };
  say();
  say(
    `${optimal}/${n} proven optimal, ${infeasible}/${n} proven infeasible, ${agree}/${n} equal to the published result, ` +
      `mean gap ${summary.meanGap ?? '-'}, ` +
      `${totalViolations} violations, ${summary.totalSeconds} s in all`,
  );
  say(
    `baseline (constructive heuristic alone): ${summary.baselineTotalBreaks} breaks in all, valid (all placed, fair) on ` +
      `${baseValid.length}/${n}; ours ${summary.oursTotalBreaks} breaks in all` +
      (summary.oursTotalBreaks
        ? ` (ratio ${(summary.baselineTotalBreaks / summary.oursTotalBreaks).toFixed(1)}x)`
        : ''),
  );
  say(
    'published (JAIR 2022, d=2, one 2021 machine, 7200 s limit, TO = timeout): ' +
      publishedSummary(records.map((r) => r.published as Published | null)),
  );
  say(JSON.stringify({ summary }));
  await scale();
  mkdirSync('reports', { recursive: true });
  const report = join('reports', `b2b-${Date.now()}.json`);
  writeFileSync(
    report,
    JSON.stringify({ timeLimitMs, moveLimit, fairness, summary, rows, records, scale: scaleRecord }, null, 2),
  );
  say(`report: ${report}`);
}

/** For each published solver: how many of these instances it closed, and its slowest closing time. */
function publishedSummary(pubs: (Published | null)[]): string {
  const known = pubs.filter((p): p is Published => p !== null);
  if (!known.length) return 'none for these instances';
  return SOLVERS.map((name) => {
    const times = known
      .map((p) => p.solvers[name]?.s)
      .filter((t): t is string => !!t && t !== 'TO' && Number.isFinite(Number(t)))
      .map(Number);
    const slowest = times.length ? Math.max(...times) : null;
    return `${name} ${times.length}/${known.length} closed${slowest !== null ? ` (slowest ${slowest} s)` : ''}`;
  }).join(', ');
}
