import { checkSchedule, scheduleMeetings, type SchedulerInput } from '#forum/scheduler';
import { buildModel } from './model.js';
import { startCoreSearch } from './sat.js';
import { stateFrom } from './search.js';

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
const twoTriangles = event(
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

describe('core-guided SAT search', () => {
  // exact: false leaves the LP and the MIP out, so only the SAT search can prove the result optimal
  const options = { requireAll: true, exact: false, timeLimitMs: 20_000 };

  it('proves optimality when every participant has two meetings or more (fairness by a common lower end)', async () => {
    const r = await scheduleMeetings(triangle, options);
    expect(r.stats.sat?.status).toBe('optimal');
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
    const r = await scheduleMeetings(twoTriangles, options);
    expect(r.status).toBe('OPTIMAL');
    expect(r.totalBreaks).toBe(2);
    expect(r.lowerBound).toBe(2);
    expect(checkSchedule(twoTriangles, r, { requireAll: true })).toEqual([]);
  });

  // The scheduler runs both searches at once and stops one when the other settles the event, so each
  // is checked here on its own, on the main thread.
  const searchAlone = (input: SchedulerInput, direct: boolean, lower = 0, seed?: number) => {
    const model = buildModel(input);
    return startCoreSearch(model, {
      direct,
      seed,
      upper: () => Infinity,
      lower: () => lower,
      deadline: performance.now() + 20000,
      accept: (slots) => stateFrom(model, slots).totalBreaks,
    }).result;
  };
  it('finds one core per triangle, each raising the bound by one', async () => {
    const one = await searchAlone(triangle, false);
    // one unsatisfiable core: "a, b and c cannot all be without a break"
    expect(one).toMatchObject({ status: 'optimal', cores: 1, lowerBound: 1, breaks: 1 });
    const two = await searchAlone(twoTriangles, false);
    expect(two).toMatchObject({ status: 'optimal', cores: 2, lowerBound: 2, breaks: 2 });
  });

  it('asks "at most k breaks" from the bound upwards in direct mode, without cores', async () => {
    const r = await searchAlone(twoTriangles, true);
    // "at most 0" and "at most 1" are proven impossible, "at most 2" comes with a schedule
    expect(r).toMatchObject({ status: 'optimal', cores: 0, checks: 3, lowerBound: 2, breaks: 2 });
    expect(r.slots).toBeDefined();
    const model = buildModel(twoTriangles);
    expect(stateFrom(model, r.slots!).totalBreaks).toBe(2);
  });

  it('starts the direct questions at a bound proven elsewhere', async () => {
    const r = await searchAlone(twoTriangles, true, 2);
    expect(r).toMatchObject({ status: 'optimal', checks: 1, lowerBound: 2, breaks: 2 });
  });

  it("gives the same answers with another z3 seed (the scheduler's second direct search)", async () => {
    const r = await searchAlone(twoTriangles, true, 0, 7);
    expect(r).toMatchObject({ status: 'optimal', checks: 3, lowerBound: 2, breaks: 2 });
  });

  it('reports an event that no schedule fits as infeasible in direct mode', async () => {
    // four meetings of the same pair in three slots
    const pairs: [string, string][] = [
      ['a', 'b'],
      ['a', 'b'],
      ['a', 'b'],
      ['a', 'b'],
    ];
    const r = await searchAlone(event(['a', 'b'], pairs, 3), true);
    expect(r.status).toBe('infeasible');
  });

  it('is left out with sat: false', async () => {
    const r = await scheduleMeetings(triangle, { ...options, timeLimitMs: 1500, sat: false });
    expect(r.stats.sat).toBeUndefined();
    expect(r.status).toBe('FEASIBLE');
    expect(r.totalBreaks).toBe(1);
  });
});
