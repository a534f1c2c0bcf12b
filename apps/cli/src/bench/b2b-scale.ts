import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSchedule, scheduleMeetings } from '#forum/scheduler';
import { generateScaleEdition, greedyFirstFit, scheduleUpperBound } from '#forum/bench';
import { table } from './stats.js';

const say = (s = '') => process.stdout.write(`${s}\n`);

export interface ScaleRunOptions {
  timeLimitMs: number;
  fairness: number;
  outDir?: string;
  seed?: number;
}

/** Violations other than fairness: a valid timetable that is merely unfair is told apart from a broken one. */
const split = (v: string[]) => ({
  hard: v.filter((x) => !x.startsWith('fairness:')),
  fairness: v.filter((x) => x.startsWith('fairness:')),
});

/**
 * The generated large edition (1,500 delegates, 12,000 accepted requests, 2 days of 16 slots, 150
 * tables): our scheduler under the time limit against greedy first-fit, both checked independently.
 */
export async function runScaleScenario(opts: ScaleRunOptions): Promise<Record<string, unknown>> {
  const seed = opts.seed ?? 1;
  const t0 = performance.now();
  const edition = generateScaleEdition({ seed, fairness: opts.fairness });
  const { input } = edition;
  const generateMs = performance.now() - t0;
  const bound = scheduleUpperBound(input);
  const o = edition.options;
  say(
    `scale: ${o.delegates} delegates, ${input.meetings.length} accepted requests, ${o.days} days x ${o.slotsPerDay} slots, ` +
      `${o.tables} tables (${edition.places} places), seed ${seed}, fairness d=${opts.fairness}, ` +
      `${opts.timeLimitMs} ms for our scheduler`,
  );
  say(
    `at most ${bound.meetings} meetings (weight ${bound.weight}) fit: ${edition.places} places for ` +
      `${input.meetings.length} requests, so ${input.meetings.length - bound.meetings} or more must stay out`,
  );

  const g0 = performance.now();
  const greedy = greedyFirstFit(input);
  const greedyMs = performance.now() - g0;
  const greedyCheck = split(checkSchedule(input, greedy));

  const result = await scheduleMeetings(input, { timeLimitMs: opts.timeLimitMs, seed });
  const ours = split(checkSchedule(input, result));
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);

  const rows = [
    {
      run: 'ours',
      scheduled: `${result.assignments.length}/${bound.meetings}`,
      weight: `${result.scheduledWeight}/${bound.weight}`,
      breaks: result.totalBreaks,
      'max/person': result.maxBreaks,
      fair: ours.fairness.length ? 'no' : 'yes',
      'hard viol': ours.hard.length,
      'table changes': result.tableChanges,
      s: (result.stats.timeMs / 1000).toFixed(1),
      'best@s': (result.stats.timeToBestMs / 1000).toFixed(1),
    },
    {
      run: 'greedy first-fit',
      scheduled: `${greedy.assignments.length}/${bound.meetings}`,
      weight: `${greedy.scheduledWeight}/${bound.weight}`,
      breaks: greedy.totalBreaks,
      'max/person': greedy.maxBreaks,
      fair: greedyCheck.fairness.length ? 'no' : 'yes',
      'hard viol': greedyCheck.hard.length,
      'table changes': '-',
      s: (greedyMs / 1000).toFixed(1),
      'best@s': '-',
    },
  ];
  say(table(rows));
  const record = {
    scenario: 'scale',
    seed,
    delegates: o.delegates,
    requests: input.meetings.length,
    slots: input.slots.length,
    tables: o.tables,
    places: edition.places,
    upperBound: bound,
    generateMs: Math.round(generateMs),
    ours: {
      status: result.status.toLowerCase(),
      scheduled: result.assignments.length,
      scheduledWeight: result.scheduledWeight,
      breaks: result.totalBreaks,
      maxBreaks: result.maxBreaks,
      minBreaks: result.minBreaks,
      tableChanges: result.tableChanges,
      timeToBestMs: result.stats.timeToBestMs,
      timeMs: result.stats.timeMs,
      method: result.stats.method,
      exact: result.stats.exact,
      iterations: result.stats.iterations,
      constructive: result.stats.constructive,
      violations: [...ours.hard, ...ours.fairness],
    },
    baseline: {
      name: 'greedy first-fit by priority',
      scheduled: greedy.assignments.length,
      scheduledWeight: greedy.scheduledWeight,
      breaks: greedy.totalBreaks,
      maxBreaks: greedy.maxBreaks,
      timeMs: Math.round(greedyMs),
      violations: greedyCheck.hard,
      fairnessViolated: greedyCheck.fairness.length > 0,
    },
    breaksRatio: result.totalBreaks ? Number((greedy.totalBreaks / result.totalBreaks).toFixed(2)) : null,
    maxRssMb,
  };
  say(JSON.stringify(record));
  say(
    `ours: ${result.assignments.length} of at most ${bound.meetings} meetings, ${result.totalBreaks} breaks ` +
      `(at most ${result.maxBreaks} per person), ${(result.stats.timeMs / 1000).toFixed(1)} s; ` +
      `greedy first-fit: ${greedy.assignments.length} meetings, ${greedy.totalBreaks} breaks (at most ${greedy.maxBreaks} per person` +
      `${greedyCheck.fairness.length ? `, over the fairness limit ${opts.fairness}` : ''}); ` +
      `breaks ratio ${record.breaksRatio ?? '-'}x; peak memory ${maxRssMb} MB`,
  );
  if (opts.outDir) {
    mkdirSync(opts.outDir, { recursive: true });
    const slot = new Map(result.assignments.map((a) => [a.meetingId, a]));
    writeFileSync(
      join(opts.outDir, 'scale.json'),
      JSON.stringify({
        slots: input.meetings.map((m) => (slot.get(m.id)?.slot ?? -1) + 1),
        tables: input.meetings.map((m) => slot.get(m.id)?.table ?? null),
      }),
    );
  }
  return record;
}
