import { checkSchedule, scheduleMeetings, type SchedulerInput } from '../scheduler/index.js';
import { generateScaleEdition, greedyFirstFit, scheduleUpperBound } from './scale.js';

describe('generateScaleEdition', () => {
  const edition = generateScaleEdition({ seed: 7 });
  const { input } = edition;

  it('builds the issue-sized edition: 1,500 delegates, 12,000 requests, 2 x 16 slots, 150 tables', () => {
    expect(input.participants).toHaveLength(1500);
    expect(input.meetings).toHaveLength(12_000);
    expect(input.slots).toHaveLength(32);
    expect(input.slots.filter((s) => s.session === 'morning')).toHaveLength(16);
    expect(input.tables).toHaveLength(150);
    expect(edition.places).toBe(4800);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(generateScaleEdition({ seed: 7 }).input).toEqual(input);
    expect(generateScaleEdition({ seed: 8 }).input.meetings).not.toEqual(input.meetings);
  });

  it('never pairs two delegates twice nor gives anyone more meetings than slots they can attend', () => {
    const pairs = new Set(input.meetings.map((m) => [m.a, m.b].sort().join('|')));
    expect(pairs.size).toBe(input.meetings.length);
    const load = new Map<string, number>();
    for (const m of input.meetings) for (const p of [m.a, m.b]) load.set(p, (load.get(p) ?? 0) + 1);
    for (const p of input.participants)
      expect(load.get(p.id) ?? 0).toBeLessThanOrEqual(32 - (p.unavailable?.length ?? 0));
  });
});

describe('greedyFirstFit', () => {
  it('places meetings in the first free slot and table, without double bookings', () => {
    const input: SchedulerInput = {
      participants: ['a', 'b', 'c'].map((id) => ({ id })),
      slots: [{ session: 'morning' }, { session: 'morning' }, { session: 'afternoon' }],
      tables: [{ id: 'T1' }],
      meetings: [
        { id: 'm1', a: 'a', b: 'b' },
        { id: 'm2', a: 'a', b: 'c', weight: 2 },
        { id: 'm3', a: 'b', b: 'c', session: 'PM' },
      ],
    };
    const r = greedyFirstFit(input);
    // heavier m2 first into slot 0, then m1 into slot 1, m3 (afternoon only) into slot 2
    expect(r.assignments).toEqual([
      { meetingId: 'm2', slot: 0, table: 'T1' },
      { meetingId: 'm1', slot: 1, table: 'T1' },
      { meetingId: 'm3', slot: 2, table: 'T1' },
    ]);
    // c meets in slots 0 and 2: one break
    expect(r.totalBreaks).toBe(1);
    expect(r.breaksByParticipant).toEqual({ a: 0, b: 0, c: 1 });
    expect(checkSchedule(input, { ...r, status: 'FEASIBLE' })).toEqual([]);
  });

  it('fills every place of the large edition with no hard violation (fairness is not its concern)', () => {
    const { input, places } = generateScaleEdition({ seed: 3 });
    const r = greedyFirstFit(input);
    expect(r.assignments.length).toBe(places);
    const v = checkSchedule(input, r).filter((x) => !x.startsWith('fairness:'));
    expect(v).toEqual([]);
  });
});

describe('scheduleUpperBound', () => {
  it('is the places available when requests outnumber them, with the heaviest weights', () => {
    const input: SchedulerInput = {
      participants: ['a', 'b', 'c', 'd'].map((id) => ({ id })),
      slots: [{ session: 'morning' }, { session: 'morning' }],
      capacity: 1,
      meetings: [
        { id: 'm1', a: 'a', b: 'b', weight: 1 },
        { id: 'm2', a: 'c', b: 'd', weight: 3 },
        { id: 'm3', a: 'a', b: 'c', weight: 2 },
      ],
    };
    expect(scheduleUpperBound(input)).toEqual({ meetings: 2, weight: 5 });
  });
});

describe('scheduleMeetings on a large edition', () => {
  it('skips the exact solver, keeps everyone within the fairness limit and breaks no constraint', async () => {
    // 3,000 requests over 32 slots: above the size where the MIP is attempted.
    const { input } = generateScaleEdition({ seed: 5, delegates: 400, requests: 3000, tables: 40 });
    const r = await scheduleMeetings(input, { timeLimitMs: 1500, seed: 1 });
    expect(r.stats.exact).toBe('skipped');
    expect(checkSchedule(input, r)).toEqual([]);
    expect(r.maxBreaks - r.minBreaks).toBeLessThanOrEqual(2);
    expect(r.assignments.length).toBeGreaterThan(0);
    expect(r.assignments.every((a) => a.table !== undefined)).toBe(true);
  });
});
