import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  checkSchedule,
  parseDzn,
  scheduleMeetings,
  type SchedulerInput,
  type SchedulerMeeting,
} from '#forum/scheduler';
import { Rng } from './rng.js';

/** An event of `slots` slots (the first `morning` of them in the morning) with `capacity` meetings per slot. */
function event(
  people: string[],
  meetings: [string, string][] | SchedulerMeeting[],
  slots: number,
  capacity = 10,
  morning = slots,
): SchedulerInput {
  return {
    participants: people.map((id) => ({ id })),
    slots: Array.from({ length: slots }, (_, t) => ({ session: t < morning ? 'morning' : 'afternoon' })),
    capacity,
    meetings: meetings.map((m, i) => (Array.isArray(m) ? { id: `m${i}`, a: m[0], b: m[1] } : m)),
  };
}

const slotOf = (r: { assignments: { meetingId: string; slot: number }[] }, id: string) =>
  r.assignments.find((a) => a.meetingId === id)?.slot;

describe('scheduleMeetings on hand-made events', () => {
  it('schedules a chain of meetings without breaks and proves it optimal', async () => {
    const input = event(
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'd'],
        ['b', 'd'],
      ],
      4,
    );
    const r = await scheduleMeetings(input, { requireAll: true, timeLimitMs: 3000 });
    expect(checkSchedule(input, r, { requireAll: true })).toEqual([]);
    expect(r.status).toBe('OPTIMAL');
    expect(r.totalBreaks).toBe(0);
    expect(r.unscheduled).toEqual([]);
  });

  it('proves that three people meeting each other in three slots need one break', async () => {
    // Whoever is not in the middle meeting waits through it: exactly one break, which the per-person bound cannot see.
    const input = event(
      ['a', 'b', 'c'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['a', 'c'],
      ],
      3,
    );
    const r = await scheduleMeetings(input, { requireAll: true, timeLimitMs: 3000 });
    expect(checkSchedule(input, r, { requireAll: true })).toEqual([]);
    expect(r.totalBreaks).toBe(1);
    expect(r.status).toBe('OPTIMAL');
    expect(r.lowerBound).toBe(1);
    const middle = r.assignments.find((a) => a.slot === 1)!;
    const m = input.meetings.find((x) => x.id === middle.meetingId)!;
    const waiting = ['a', 'b', 'c'].find((p) => p !== m.a && p !== m.b)!;
    expect(r.breaksByParticipant[waiting]).toBe(1);
  });

  it('reports an infeasible input with the participant and the numbers', async () => {
    const input = event(
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'b'],
        ['a', 'c'],
        ['a', 'd'],
      ],
      2,
    );
    const r = await scheduleMeetings(input, { requireAll: true, timeLimitMs: 2000 });
    expect(r.status).toBe('INFEASIBLE');
    expect(r.reason).toBe('participant a has 3 meetings but only 2 available slots');
    expect(r.assignments).toEqual([]);
    expect(r.unscheduled.map((u) => u.reason)).toEqual(new Array(3).fill(r.reason));
  });

  it('reports morning places that cannot hold the morning-only meetings', async () => {
    const meetings: SchedulerMeeting[] = [0, 1, 2, 3, 4].map((i) => ({
      id: `m${i}`,
      a: `p${2 * i}`,
      b: `p${2 * i + 1}`,
      session: 'AM',
    }));
    const input = event(
      Array.from({ length: 10 }, (_, i) => `p${i}`),
      meetings,
      4,
      2,
      2,
    );
    const r = await scheduleMeetings(input, { requireAll: true, timeLimitMs: 2000 });
    expect(r.status).toBe('INFEASIBLE');
    expect(r.reason).toBe('slot capacity: 5 morning-only meetings but 4 morning places');
  });

  it('keeps pinned meetings and session restrictions', async () => {
    const meetings: SchedulerMeeting[] = [
      { id: 'x', a: 'a', b: 'b', pinned: { slot: 3 } },
      { id: 'y', a: 'a', b: 'c', session: 'PM' },
      { id: 'z', a: 'b', b: 'c', session: 'AM' },
      { id: 'w', a: 'c', b: 'd' },
    ];
    const input = event(['a', 'b', 'c', 'd'], meetings, 6, 2, 3);
    const r = await scheduleMeetings(input, { requireAll: true, timeLimitMs: 3000 });
    expect(checkSchedule(input, r, { requireAll: true })).toEqual([]);
    expect(slotOf(r, 'x')).toBe(3);
    expect(slotOf(r, 'y')).toBeGreaterThanOrEqual(3);
    expect(slotOf(r, 'z')).toBeLessThan(3);
  });

  it('respects precedences even when breaks would favour the other order', async () => {
    // r meets s in slot 0, so q-r belongs in slot 1 and p-q must take slot 0 to come first.
    const meetings: SchedulerMeeting[] = [
      { id: 'first', a: 'p', b: 'q' },
      { id: 'second', a: 'q', b: 'r', after: ['first'] },
      { id: 'early', a: 'r', b: 's', pinned: { slot: 0 } },
    ];
    const input = event(['p', 'q', 'r', 's'], meetings, 4);
    const r = await scheduleMeetings(input, { requireAll: true, timeLimitMs: 3000 });
    expect(checkSchedule(input, r, { requireAll: true })).toEqual([]);
    expect(slotOf(r, 'first')!).toBeLessThan(slotOf(r, 'second')!);
    expect(r.status).toBe('OPTIMAL');
  });

  it('detects a precedence cycle', async () => {
    const meetings: SchedulerMeeting[] = [
      { id: 'u', a: 'p', b: 'q', after: ['v'] },
      { id: 'v', a: 'q', b: 'r', after: ['u'] },
    ];
    const r = await scheduleMeetings(event(['p', 'q', 'r'], meetings, 4), {
      requireAll: true,
      timeLimitMs: 2000,
    });
    expect(r.status).toBe('INFEASIBLE');
    expect(r.reason).toMatch(/^precedences form a cycle: (u before v before u|v before u before v)$/);
  });

  it('enforces fairness: all meetings with d = 0 is impossible, maximising drops one meeting instead', async () => {
    const input = {
      ...event(
        ['a', 'b', 'c'],
        [
          ['a', 'b'],
          ['b', 'c'],
          ['a', 'c'],
        ],
        3,
      ),
      fairness: 0,
    };
    const strict = await scheduleMeetings(input, { requireAll: true, timeLimitMs: 3000 });
    expect(strict.status).toBe('INFEASIBLE');
    expect(strict.reason).toMatch(/fairness limit 0/);
    const relaxed = await scheduleMeetings(input, { timeLimitMs: 3000 });
    expect(checkSchedule(input, relaxed)).toEqual([]);
    expect(relaxed.assignments).toHaveLength(2);
    expect(relaxed.maxBreaks - relaxed.minBreaks).toBe(0);
    expect(relaxed.status).toBe('OPTIMAL');
    expect(relaxed.unscheduled).toHaveLength(1);
  });

  it('maximises the scheduled weight when not every meeting fits', async () => {
    // a has three requests and two slots: the light one is left out.
    const meetings: SchedulerMeeting[] = [
      { id: 'heavy1', a: 'a', b: 'b', weight: 5 },
      { id: 'light', a: 'a', b: 'c', weight: 1 },
      { id: 'heavy2', a: 'a', b: 'd', weight: 3 },
    ];
    const input = event(['a', 'b', 'c', 'd'], meetings, 2);
    const r = await scheduleMeetings(input, { timeLimitMs: 3000 });
    expect(checkSchedule(input, r)).toEqual([]);
    expect(r.unscheduled.map((u) => u.meetingId)).toEqual(['light']);
    expect(r.unscheduled[0].reason).toMatch(/a is busy in 2/);
    expect(r.scheduledWeight).toBe(8);
    expect(r.status).toBe('OPTIMAL');
  });

  it('incremental mode keeps published meetings where they are unless moves are allowed', async () => {
    const people = ['a', 'b', 'c', 'd'];
    const base = event(
      people,
      [
        ['a', 'b'],
        ['a', 'c'],
      ],
      4,
    );
    const published = [
      { meetingId: 'm0', slot: 0 },
      { meetingId: 'm1', slot: 2 },
    ];
    // A late acceptance: a meets d. Keeping m0 and m1, slot 1 closes a's break.
    const later = event(
      people,
      [
        ['a', 'b'],
        ['a', 'c'],
        ['a', 'd'],
      ],
      4,
    );
    const kept = await scheduleMeetings(later, { existing: published, requireAll: true, timeLimitMs: 3000 });
    expect(checkSchedule(later, kept, { existing: published, requireAll: true })).toEqual([]);
    expect(slotOf(kept, 'm0')).toBe(0);
    expect(slotOf(kept, 'm1')).toBe(2);
    expect(slotOf(kept, 'm2')).toBe(1);
    expect(kept.totalBreaks).toBe(0);
    // After a cancellation, with moves allowed, the remaining meeting of the gap closes and nothing else moves.
    const gapped = [
      { meetingId: 'm0', slot: 0 },
      { meetingId: 'm1', slot: 3 },
    ];
    const frozen = await scheduleMeetings(base, { existing: gapped, requireAll: true, timeLimitMs: 3000 });
    expect(frozen.totalBreaks).toBe(1);
    expect(slotOf(frozen, 'm1')).toBe(3);
    const moved = await scheduleMeetings(base, {
      existing: gapped,
      allowMoves: true,
      requireAll: true,
      timeLimitMs: 3000,
    });
    expect(checkSchedule(base, moved, { requireAll: true })).toEqual([]);
    expect(moved.totalBreaks).toBe(0);
    expect(moved.moved).toBe(1);
  });

  it('gives labelled tables and keeps a host with consecutive meetings at their stand', async () => {
    const input: SchedulerInput = {
      ...event(
        ['host', 'v1', 'v2', 'v3', 'x', 'y'],
        [
          ['host', 'v1'],
          ['host', 'v2'],
          ['host', 'v3'],
          ['x', 'y'],
        ],
        3,
      ),
      capacity: undefined,
      tables: [{ id: 'T1' }, { id: 'T2' }, { id: 'stand-host', standOf: 'host' }],
    };
    const r = await scheduleMeetings(input, { requireAll: true, timeLimitMs: 3000 });
    expect(checkSchedule(input, r, { requireAll: true })).toEqual([]);
    const hostMeetings = r.assignments.filter((a) => ['m0', 'm1', 'm2'].includes(a.meetingId));
    expect(hostMeetings.map((a) => a.table)).toEqual(['stand-host', 'stand-host', 'stand-host']);
    expect(r.tableChanges).toBe(0);
  });

  it('reports progress', async () => {
    const seen: number[] = [];
    const input = event(
      ['a', 'b', 'c'],
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
      3,
    );
    await scheduleMeetings(input, { timeLimitMs: 2000, onProgress: (p) => seen.push(p.fraction) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((f) => f >= 0 && f <= 1)).toBe(true);
  });
});

/** Exhaustive optimum for tiny inputs: most weight, then fewest breaks, under every hard constraint. */
function bruteForce(input: SchedulerInput, requireAll: boolean): { weight: number; breaks: number } | null {
  const T = input.slots.length;
  const ms = input.meetings;
  const slot = new Array<number>(ms.length).fill(-1);
  let best: { weight: number; breaks: number } | null = null;
  const visit = (i: number) => {
    if (i === ms.length) {
      const r = {
        assignments: ms.flatMap((m, k) => (slot[k] >= 0 ? [{ meetingId: m.id, slot: slot[k] }] : [])),
        unscheduled: ms.flatMap((m, k) => (slot[k] < 0 ? [{ meetingId: m.id, reason: '' }] : [])),
        status: 'FEASIBLE' as const,
        totalBreaks: 0,
        breaksByParticipant: {} as Record<string, number>,
      };
      // Hard constraints come from the checker; breaks are counted here.
      const per: Record<string, number[]> = {};
      for (const a of r.assignments) {
        const m = ms.find((x) => x.id === a.meetingId)!;
        (per[m.a] ??= []).push(a.slot);
        (per[m.b] ??= []).push(a.slot);
      }
      for (const p of input.participants) {
        const s = (per[p.id] ?? []).sort((x, y) => x - y);
        let b = 0;
        for (let k = 1; k < s.length; k++) if (s[k] > s[k - 1] + 1) b++;
        r.breaksByParticipant[p.id] = b;
        r.totalBreaks += b;
      }
      if (checkSchedule(input, r, { requireAll }).length) return;
      const weight = r.assignments.reduce(
        (a, x) => a + (ms.find((m) => m.id === x.meetingId)!.weight ?? 1),
        0,
      );
      if (!best || weight > best.weight || (weight === best.weight && r.totalBreaks < best.breaks))
        best = { weight, breaks: r.totalBreaks };
      return;
    }
    if (!requireAll) {
      slot[i] = -1;
      visit(i + 1);
    }
    for (let t = 0; t < T; t++) {
      slot[i] = t;
      visit(i + 1);
    }
    slot[i] = -1;
  };
  visit(0);
  return best;
}

function randomInput(rng: Rng, size: 'tiny' | 'medium'): SchedulerInput {
  const P = size === 'tiny' ? 3 + rng.int(3) : 8 + rng.int(12);
  const T = size === 'tiny' ? 2 + rng.int(3) : 4 + rng.int(6);
  const M = size === 'tiny' ? 2 + rng.int(4) : P + rng.int(2 * P);
  const people = Array.from({ length: P }, (_, i) => `p${i}`);
  const meetings: SchedulerMeeting[] = [];
  for (let i = 0; i < M; i++) {
    const a = rng.int(P);
    let b = rng.int(P - 1);
    if (b >= a) b++;
    const m: SchedulerMeeting = { id: `m${i}`, a: people[a], b: people[b], weight: 1 + rng.int(3) };
    const s = rng.next();
    if (s < 0.15) m.session = 'AM';
    else if (s < 0.3) m.session = 'PM';
    if (rng.next() < 0.1) m.pinned = { slot: rng.int(T) };
    if (i > 0 && rng.next() < 0.15) m.after = [`m${rng.int(i)}`];
    meetings.push(m);
  }
  const input = event(people, meetings, T, 1 + rng.int(Math.max(1, Math.floor(P / 2))), Math.ceil(T / 2));
  input.participants = people.map((id) => ({
    id,
    unavailable: rng.next() < 0.3 ? [rng.int(T)] : [],
  }));
  input.fairness = rng.int(3);
  return input;
}

describe('scheduleMeetings on random events', () => {
  it('never breaks a hard constraint and reports breaks correctly', async () => {
    const rng = new Rng(2024);
    for (let k = 0; k < 40; k++) {
      const input = randomInput(rng, 'medium');
      const requireAll = k % 2 === 0;
      const r = await scheduleMeetings(input, { requireAll, timeLimitMs: 150, seed: k, exact: k % 4 === 1 });
      if (r.status === 'INFEASIBLE') {
        expect(r.reason).toBeTruthy();
        continue;
      }
      expect({ k, violations: checkSchedule(input, r, { requireAll }) }).toEqual({ k, violations: [] });
      if (requireAll && r.status !== 'UNKNOWN') expect(r.unscheduled).toEqual([]);
    }
  });

  it('matches an exhaustive search on tiny events whenever it claims optimality', async () => {
    const rng = new Rng(7);
    let proven = 0;
    let feasible = 0;
    for (let k = 0; k < 40; k++) {
      const input = randomInput(rng, 'tiny');
      const requireAll = k % 2 === 0;
      const truth = bruteForce(input, requireAll);
      // A generous limit: a proof ends the run at once, and a loaded machine still gets there.
      const r = await scheduleMeetings(input, { requireAll, timeLimitMs: 5000, seed: k });
      if (!truth) {
        expect({ k, status: r.status }).toEqual({ k, status: 'INFEASIBLE' });
        continue;
      }
      feasible++;
      expect(checkSchedule(input, r, { requireAll })).toEqual([]);
      expect(r.status === 'OPTIMAL' || r.status === 'FEASIBLE').toBe(true);
      if (r.status === 'OPTIMAL') {
        proven++;
        expect({ k, weight: r.scheduledWeight, breaks: r.totalBreaks }).toEqual({ k, ...truth });
      }
    }
    // Tiny events are within reach of the exact step: nearly all must be proven, not just found.
    expect(feasible).toBeGreaterThan(15);
    expect(proven).toBeGreaterThanOrEqual(feasible - 2);
  });
});

describe('parseDzn', () => {
  it('reads the benchmark format with sessions, forbidden slots, fixed slots and precedences', () => {
    const text = `nBusiness = 3; nMeetings = 3; nTables = 2; nTotalSlots = 4; nMorningSlots = 2;
      requested = [|1, 2,1, |2, 3,2, |1, 3,3, |];
      meetingsxBusiness = [{1,2,4},{1,2,3},{1,3,4}];
      nMeetingsBusiness = [2,2,2];
      forbidden = [{0},{0,4},{0}];
      fixed = [0,3,0];
      precedences = [{},{},{1}]; % meeting 3 after meeting 1`;
    const { input, tables, morningSlots } = parseDzn(text);
    expect(tables).toBe(2);
    expect(morningSlots).toBe(2);
    expect(input.capacity).toBe(2);
    expect(input.slots.map((s) => s.session)).toEqual(['morning', 'morning', 'afternoon', 'afternoon']);
    expect(input.participants[1]).toEqual({ id: '2', unavailable: [3] });
    expect(input.meetings).toEqual([
      { id: '1', a: '1', b: '2', session: 'AM' },
      { id: '2', a: '2', b: '3', session: 'PM', pinned: { slot: 2 } },
      { id: '3', a: '1', b: '3', session: 'ANY', after: ['1'] },
    ]);
  });
});

const B2B_DIR = resolve(process.env.B2B_DIR ?? join(process.cwd(), '../shared/benchmarks/b2b'));
const haveData = existsSync(join(B2B_DIR, 'instances/original/tic-12.original.dzn'));
if (!haveData) console.warn(`B2B benchmark data absent at ${B2B_DIR}: real-instance tests skipped`);

(haveData ? describe : describe.skip)('real B2B instances (JAIR 2022)', () => {
  const load = (name: string) =>
    parseDzn(readFileSync(join(B2B_DIR, 'instances/original', name), 'utf8')).input;

  it('solves tic-12 to its published optimum of 0 breaks with a valid schedule', async () => {
    const input = load('tic-12.original.dzn');
    const r = await scheduleMeetings(input, { requireAll: true, timeLimitMs: 20_000 });
    expect(checkSchedule(input, r, { requireAll: true })).toEqual([]);
    expect(r.status).toBe('OPTIMAL');
    expect(r.totalBreaks).toBe(0);
  });

  it('bounds forumt-14 by its published optimum of 5 breaks and claims optimality only there', async () => {
    // Five participants have forbidden slots that split their meetings: the per-participant bound proves 5.
    const input = load('forumt-14.original.dzn');
    const r = await scheduleMeetings(input, { requireAll: true, timeLimitMs: 8000 });
    expect(checkSchedule(input, r, { requireAll: true })).toEqual([]);
    expect(r.lowerBound).toBe(5);
    expect(r.totalBreaks).toBeGreaterThanOrEqual(5);
    expect(r.status).toBe(r.totalBreaks === 5 ? 'OPTIMAL' : 'FEASIBLE');
  });

  it('gives the same schedule on any clock when it works to a move budget', async () => {
    // forum-14 is far from its bound after 100,000 moves, so the budget, not the target, ends the search.
    const input = load('forum-14.original.dzn');
    const hurried = await scheduleMeetings(input, {
      requireAll: true,
      moveLimit: 100_000,
      timeLimitMs: 1,
      seed: 3,
    });
    const calm = await scheduleMeetings(input, { requireAll: true, moveLimit: 100_000, seed: 3 });
    expect(checkSchedule(input, calm, { requireAll: true })).toEqual([]);
    expect(hurried.assignments).toEqual(calm.assignments);
    expect(hurried.totalBreaks).toBe(calm.totalBreaks);
    // the budget is checked every 1,024 moves
    expect(calm.stats.iterations).toBe(98 * 1024);
    expect(calm.stats.method).toBe('construct+anneal');
    await expect(scheduleMeetings(input, { moveLimit: 0 })).rejects.toThrow(/moveLimit/);
  });
});
