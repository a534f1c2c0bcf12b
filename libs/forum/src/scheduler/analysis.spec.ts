import type { SchedulerInput } from './types.js';
import { breakFreeRuns, hallSets, type BreakFreeRuns } from './analysis.js';
import { buildModel } from './model.js';

/** Six slots, three in the morning; meetings as [a, b, session]. */
function event(pairs: [string, string, 'AM' | 'PM' | 'ANY'][], unavailable: Record<string, number[]> = {}) {
  const people = [...new Set(pairs.flatMap(([a, b]) => [a, b]))];
  const input: SchedulerInput = {
    participants: people.map((id) => ({ id, unavailable: unavailable[id] ?? [] })),
    slots: Array.from({ length: 6 }, (_, t) => ({
      session: t < 3 ? ('morning' as const) : ('afternoon' as const),
    })),
    capacity: 4,
    meetings: pairs.map(([a, b, session], i) => ({ id: `m${i}`, a, b, session })),
  };
  const model = buildModel(input);
  const index = (id: string) => input.participants.findIndex((p) => p.id === id);
  return { model, index };
}

describe('breakFreeRuns', () => {
  it('puts a morning-only and an afternoon-only meeting on either side of noon', () => {
    const { model, index } = event([
      ['p', 'a', 'AM'],
      ['p', 'b', 'PM'],
      ['p', 'c', 'ANY'],
    ]);
    const r = breakFreeRuns(model, index('p')) as BreakFreeRuns;
    // runs of three slots that hold a morning and an afternoon slot start at slot 1 or 2
    expect([...r.runs.keys()]).toEqual([1, 2]);
    expect(r.window).toEqual([
      [1, 2],
      [3, 4],
      [1, 4],
    ]);
  });

  it('is null when no run can hold every meeting', () => {
    // p cannot attend slot 3, the only afternoon slot next to the morning
    const { model, index } = event(
      [
        ['p', 'a', 'AM'],
        ['p', 'b', 'PM'],
      ],
      { p: [3] },
    );
    expect(breakFreeRuns(model, index('p'))).toBeNull();
  });
});

describe('hallSets', () => {
  it('finds partners of whom some must have a break to share a full afternoon', () => {
    // h has all three afternoon slots taken; p1..p3 each also meet a one-meeting partner in the morning,
    // so without a break each needs h in slot 3
    const { model, index } = event([
      ['h', 'p1', 'PM'],
      ['h', 'p2', 'PM'],
      ['h', 'p3', 'PM'],
      ['p1', 'l1', 'AM'],
      ['p2', 'l2', 'AM'],
      ['p3', 'l3', 'AM'],
    ]);
    const runs = model.meetingsOf.map((ms, p) => (ms.length >= 2 ? breakFreeRuns(model, p) : undefined));
    const sets = hallSets(model, runs);
    const h = index('h');
    expect(sets).toContainEqual({
      hub: h,
      first: 3,
      last: 3,
      partners: [index('p1'), index('p2'), index('p3')],
      need: 2,
    });
    // nothing is forced where meetings have room
    expect(sets.every((s) => s.hub === h)).toBe(true);
  });
});
