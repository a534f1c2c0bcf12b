import { planSlots } from './slots.js';

describe('planSlots', () => {
  it('cuts sessions into slots in the edition time zone, breaks as flagged slots', () => {
    const { slots, problems } = planSlots(
      [
        {
          day: '2026-03-14',
          kind: 'MORNING',
          start: '09:00',
          end: '11:15',
          breaks: [{ start: '10:00', end: '10:15' }],
        },
      ],
      30,
      'Africa/Algiers',
    );
    expect(problems).toEqual([]);
    expect(slots.map((s) => [s.startsAt.toISOString(), s.isBreak])).toEqual([
      ['2026-03-14T08:00:00.000Z', false],
      ['2026-03-14T08:30:00.000Z', false],
      ['2026-03-14T09:00:00.000Z', true],
      ['2026-03-14T09:15:00.000Z', false],
      ['2026-03-14T09:45:00.000Z', false],
    ]);
  });

  it('refuses a break off the slot grid and a session that is not a whole number of slots', () => {
    const off = planSlots(
      [
        {
          day: '2026-03-14',
          kind: 'MORNING',
          start: '09:00',
          end: '11:00',
          breaks: [{ start: '09:40', end: '10:00' }],
        },
      ],
      30,
      'Africa/Algiers',
    );
    expect(off.problems[0].path).toBe('sessions.0.breaks.0');
    const ragged = planSlots(
      [{ day: '2026-03-14', kind: 'AFTERNOON', start: '14:00', end: '15:10', breaks: [] }],
      30,
      'UTC',
    );
    expect(ragged.problems[0].message).toMatch(/10 minutes left over/);
  });

  it('reports overlapping sessions', () => {
    const { problems } = planSlots(
      [
        { day: '2026-03-14', kind: 'MORNING', start: '09:00', end: '13:00', breaks: [] },
        { day: '2026-03-14', kind: 'AFTERNOON', start: '12:00', end: '14:00', breaks: [] },
      ],
      60,
      'UTC',
    );
    expect(problems.map((p) => p.message)).toContain('sessions overlap on 2026-03-14');
  });
});
