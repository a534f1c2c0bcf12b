import type { SchedulerInput } from './types.js';
import { solveMip } from './mip.js';
import { solveMipThread } from './mip-thread.js';
import { buildModel } from './model.js';
import { stateFrom } from './search.js';

// Three meetings that pairwise share a participant: one of the three always has a break.
const triangle: SchedulerInput = {
  participants: ['a', 'b', 'c'].map((id) => ({ id })),
  slots: Array.from({ length: 6 }, () => ({ session: 'morning' as const })),
  capacity: 2,
  meetings: [
    { id: 'm0', a: 'a', b: 'b' },
    { id: 'm1', a: 'b', b: 'c' },
    { id: 'm2', a: 'c', b: 'a' },
  ],
};

describe('the MIP on its own thread', () => {
  const model = buildModel(triangle, { requireAll: true });

  it('proves the same optimum as on the main thread, with each improving schedule on the way', async () => {
    const seen: Int32Array[] = [];
    const run = solveMipThread(model, {
      requireAll: true,
      deadline: performance.now() + 20_000,
      onSolution: (slots) => seen.push(slots),
    });
    const r = await run.result;
    const here = await solveMip(model, { requireAll: true, deadline: performance.now() + 20_000 });
    expect(r.status).toBe('optimal');
    expect(here.status).toBe('optimal');
    expect(r.breaksBound).toBe(1);
    expect(seen.length).toBeGreaterThan(0);
    for (const slots of [r.slots!, seen[seen.length - 1]]) {
      const st = stateFrom(model, slots);
      expect(st.unschedCount).toBe(0);
      expect(st.totalBreaks).toBe(1);
    }
  });

  it('ends at once when stopped, whatever HiGHS is doing', async () => {
    const run = solveMipThread(model, { requireAll: true, deadline: performance.now() + 60_000 });
    run.stop();
    const r = await run.result;
    expect(r.status).toBe('time-limit');
    expect(r.message).toBe('stopped');
  });
});
