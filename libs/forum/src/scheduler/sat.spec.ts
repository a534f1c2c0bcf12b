import { checkSchedule, scheduleMeetings, type SchedulerInput } from '#forum';

/** `slots` morning slots, meetings given as pairs. */
function event(people: string[], pairs: [string, string][], slots: number): SchedulerInput {
  return {
    participants: people.map((id) => ({ id })),
    slots: Array.from({ length: slots }, () => ({ session: 'morning' as const })),
    capacity: 4,
    meetings: pairs.map(([a, b], i) => ({ id: `m${i}`, a, b })),
  };
}

// No participant-level bound sees it, but three meetings that pairwise share a participant always leave
// one of them a break: the optimum is 1 while the per-participant bound is 0.
const triangle = event(
  ['a', 'b', 'c'],
  [
    ['a', 'b'],
    ['b', 'c'],
    ['c', 'a'],
  ],
  20,
);

describe('core-guided SAT search', () => {
  // exact: false leaves the LP and the MIP out, so only the SAT search can prove the result optimal
  const options = { requireAll: true, exact: false, timeLimitMs: 6000 };

  it('proves optimality when every participant has two meetings or more (fairness by a common lower end)', async () => {
    const r = await scheduleMeetings(triangle, options);
    expect(r.stats.sat?.status).toBe('optimal');
    // one unsatisfiable core: "a, b and c cannot all be without a break"
    expect(r.stats.sat?.cores).toBe(1);
    expect(r.stats.sat?.lowerBound).toBe(1);
    expect(r.status).toBe('OPTIMAL');
    expect(r.totalBreaks).toBe(1);
    expect(r.lowerBound).toBe(1);
    expect(checkSchedule(triangle, r, { requireAll: true })).toEqual([]);
  });

  it('proves optimality when a participant has a single meeting (fairness as a cap on breaks)', async () => {
    const input = event(
      ['a', 'b', 'c', 'd', 'e'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['d', 'e'],
      ],
      20,
    );
    const r = await scheduleMeetings(input, options);
    expect(r.stats.sat?.status).toBe('optimal');
    expect(r.status).toBe('OPTIMAL');
    expect(r.totalBreaks).toBe(1);
    expect(r.lowerBound).toBe(1);
    expect(checkSchedule(input, r, { requireAll: true })).toEqual([]);
  });

  it('adds up independent cores: two separate triangles need two breaks', async () => {
    const input = event(
      ['a', 'b', 'c', 'd', 'e', 'f'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['d', 'e'],
        ['e', 'f'],
        ['f', 'd'],
      ],
      20,
    );
    const r = await scheduleMeetings(input, options);
    expect(r.status).toBe('OPTIMAL');
    expect(r.totalBreaks).toBe(2);
    expect(r.lowerBound).toBe(2);
    expect(r.stats.sat?.cores).toBe(2);
    expect(checkSchedule(input, r, { requireAll: true })).toEqual([]);
  });

  it('is left out with sat: false', async () => {
    const r = await scheduleMeetings(triangle, { ...options, timeLimitMs: 1500, sat: false });
    expect(r.stats.sat).toBeUndefined();
    expect(r.status).toBe('FEASIBLE');
    expect(r.totalBreaks).toBe(1);
  });
});
