import { clock, dayKey, utcOffsetSeconds, wallClock } from './zone.js';

describe('venue time', () => {
  it('reads the wall clock of the venue, across midnight', () => {
    const t = new Date('2026-03-14T23:30:00Z');
    expect(wallClock(t, 'Africa/Algiers')).toEqual({
      year: 2026,
      month: 3,
      day: 15,
      hour: 0,
      minute: 30,
      second: 0,
    });
    expect(dayKey(t, 'Africa/Algiers')).toBe('2026-03-15');
    expect(dayKey(t, 'UTC')).toBe('2026-03-14');
    expect(clock(t, 'Asia/Riyadh')).toBe('02:30');
  });

  it('follows daylight saving time where the zone has it', () => {
    expect(utcOffsetSeconds(new Date('2026-01-15T12:00:00Z'), 'Europe/Paris')).toBe(3600);
    expect(utcOffsetSeconds(new Date('2026-07-15T12:00:00Z'), 'Europe/Paris')).toBe(7200);
    expect(utcOffsetSeconds(new Date('2026-07-15T12:00:00Z'), 'Africa/Algiers')).toBe(3600);
    expect(utcOffsetSeconds(new Date('2026-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(19800);
  });

  it('refuses an unknown zone', () => {
    expect(() => clock(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});
