import { DateTime } from 'luxon';

/** Wall-clock fields of an instant in an IANA time zone. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** `date` seen in `timeZone` (throws RangeError for an unknown zone, as Intl does). */
function inZone(date: Date, timeZone: string): DateTime<true> {
  const t = DateTime.fromJSDate(date, { zone: timeZone });
  if (!t.isValid) throw new RangeError(`Invalid time zone specified: ${timeZone}`);
  return t;
}

/** The wall clock in `timeZone` at `date`. */
export function wallClock(date: Date, timeZone: string): WallClock {
  const { year, month, day, hour, minute, second } = inZone(date, timeZone);
  return { year, month, day, hour, minute, second };
}

/** Offset of `timeZone` from UTC at `date`, in seconds (Africa/Algiers: 3600). */
export function utcOffsetSeconds(date: Date, timeZone: string): number {
  return inZone(date, timeZone).offset * 60;
}

/** Calendar day of `date` in `timeZone` as YYYY-MM-DD. */
export function dayKey(date: Date, timeZone: string): string {
  return inZone(date, timeZone).toFormat('yyyy-MM-dd');
}

/** HH:MM of `date` in `timeZone`. */
export function clock(date: Date, timeZone: string): string {
  return inZone(date, timeZone).toFormat('HH:mm');
}
