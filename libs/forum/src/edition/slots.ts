import { DateTime } from 'luxon';
import type { SessionBreak, SessionKind } from './edition.entity.js';

export interface SessionPlan {
  /** YYYY-MM-DD, local to the edition. */
  day: string;
  kind: SessionKind;
  /** HH:MM, local. */
  start: string;
  end: string;
  breaks: SessionBreak[];
}

export interface PlannedSlot {
  /** Index of the session in the given list. */
  session: number;
  day: string;
  kind: SessionKind;
  startsAt: Date;
  endsAt: Date;
  isBreak: boolean;
}

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/**
 * Cuts each session into slots of `slotMinutes`, breaks becoming slots of their own flagged as breaks.
 * Returns the slots in time order, or the problems found (a break off the slot grid, overlaps, a
 * session that is not a whole number of slots long).
 */
export function planSlots(
  sessions: SessionPlan[],
  slotMinutes: number,
  timezone: string,
): { slots: PlannedSlot[]; problems: { path: string; message: string }[] } {
  const problems: { path: string; message: string }[] = [];
  const slots: PlannedSlot[] = [];
  const at = (day: string, min: number) =>
    DateTime.fromISO(day, { zone: timezone }).startOf('day').plus({ minutes: min }).toJSDate();
  sessions.forEach((s, i) => {
    const path = `sessions.${i}`;
    const start = minutes(s.start);
    const end = minutes(s.end);
    if (end <= start) {
      problems.push({ path, message: 'ends before it starts' });
      return;
    }
    const breaks = s.breaks.map((b) => ({ start: minutes(b.start), end: minutes(b.end), label: b.start }));
    breaks.sort((a, b) => a.start - b.start);
    for (const [j, b] of breaks.entries()) {
      if (b.end <= b.start) problems.push({ path: `${path}.breaks.${j}`, message: 'ends before it starts' });
      if (b.start < start || b.end > end)
        problems.push({ path: `${path}.breaks.${j}`, message: 'lies outside the session' });
      if (j > 0 && b.start < breaks[j - 1].end)
        problems.push({ path: `${path}.breaks.${j}`, message: 'overlaps another break' });
    }
    let cursor = start;
    let k = 0;
    while (cursor < end) {
      const brk = breaks[k];
      if (brk && brk.start === cursor) {
        slots.push({
          session: i,
          day: s.day,
          kind: s.kind,
          startsAt: at(s.day, brk.start),
          endsAt: at(s.day, brk.end),
          isBreak: true,
        });
        cursor = brk.end;
        k++;
        continue;
      }
      const next = cursor + slotMinutes;
      if (brk && brk.start < next) {
        problems.push({
          path: `${path}.breaks.${k}`,
          message: `starts at ${brk.label}, which is not on the ${slotMinutes}-minute slot grid of the session`,
        });
        return;
      }
      if (next > end) {
        problems.push({
          path,
          message: `is not a whole number of ${slotMinutes}-minute slots (${end - cursor} minutes left over)`,
        });
        return;
      }
      slots.push({
        session: i,
        day: s.day,
        kind: s.kind,
        startsAt: at(s.day, cursor),
        endsAt: at(s.day, next),
        isBreak: false,
      });
      cursor = next;
    }
  });
  slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (let i = 1; i < slots.length; i++)
    if (slots[i].startsAt < slots[i - 1].endsAt) {
      problems.push({ path: 'sessions', message: `sessions overlap on ${slots[i].day}` });
      break;
    }
  return { slots, problems };
}
