import ICAL from 'ical.js';
import { labelsFor } from './labels.js';
import type { AgendaEntry, CalendarFeed } from './types.js';
import { utcOffsetSeconds, wallClock } from './zone.js';

export const ICAL_PRODID = '-//Tashbik//Forum agenda//EN';
export const ICAL_UID_DOMAIN = 'tashbik';

/** Stable UID of a meeting in every feed: the same meeting always replaces its earlier copy. */
export function calendarUid(meetingId: string): string {
  return `meeting-${meetingId}@${ICAL_UID_DOMAIN}`;
}

function utcTime(date: Date): ICAL.Time {
  return ICAL.Time.fromJSDate(date, true);
}

function zoneName(date: Date, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/**
 * VTIMEZONE for the edition's zone with a single STANDARD observance: the zone's UTC offset at the
 * first meeting. That is exact for zones without daylight saving time (Africa/Algiers is UTC+1 all
 * year). When the meetings of a feed do not all share one offset (a daylight saving change falls
 * inside the edition), `renderICalendar` writes times in UTC instead, which every client reads right.
 */
function vtimezone(timeZone: string, reference: Date): ICAL.Component {
  const offset = utcOffsetSeconds(reference, timeZone);
  const vtz = new ICAL.Component('vtimezone');
  vtz.addPropertyWithValue('tzid', timeZone);
  const std = new ICAL.Component('standard');
  std.addPropertyWithValue(
    'dtstart',
    ICAL.Time.fromData({ year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, isDate: false }),
  );
  std.addPropertyWithValue('tzoffsetfrom', ICAL.UtcOffset.fromSeconds(offset));
  std.addPropertyWithValue('tzoffsetto', ICAL.UtcOffset.fromSeconds(offset));
  std.addPropertyWithValue('tzname', zoneName(reference, timeZone));
  vtz.addSubcomponent(std);
  return vtz;
}

function describe(e: AgendaEntry, feed: CalendarFeed): string {
  const L = labelsFor(feed.lang ?? 'en');
  const lines = [
    `${L.meetingWith}: ${e.counterpartDelegate} (${e.counterpartOrganization}${e.counterpartCountry ? `, ${e.counterpartCountry}` : ''})`,
  ];
  if (e.tableLabel) lines.push(`${L.table}: ${e.tableLabel}`);
  if (e.language) lines.push(`${L.language}: ${e.language}`);
  if (e.interpreter) lines.push(`${L.interpreter}: ${L.yes}`);
  if (e.notes) lines.push(`${L.notes}: ${e.notes}`);
  lines.push(feed.editionName);
  return lines.join('\n');
}

/**
 * A delegate's iCalendar feed (RFC 5545), built with ical.js: one VEVENT per meeting with a stable UID
 * (the meeting's own, else derived from its id) and the meeting's SEQUENCE, times in the edition's time zone (TZID with a VTIMEZONE), and cancelled
 * meetings kept with STATUS:CANCELLED so that calendar clients remove them.
 */
export function renderICalendar(feed: CalendarFeed): string {
  const L = labelsFor(feed.lang ?? 'en');
  const tz = feed.timezone;
  const stamp = utcTime(feed.generatedAt ?? new Date());
  const entries = [...feed.entries].sort(
    (x, y) => x.start.getTime() - y.start.getTime() || x.meetingId.localeCompare(y.meetingId),
  );
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.addPropertyWithValue('prodid', ICAL_PRODID);
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('method', 'PUBLISH');
  const calName = [feed.title, feed.owner.name].filter(Boolean).join(' — ');
  cal.addPropertyWithValue('x-wr-calname', calName);
  cal.addPropertyWithValue('x-wr-timezone', tz);

  const reference = entries[0]?.start ?? feed.generatedAt ?? new Date();
  const offset = utcOffsetSeconds(reference, tz);
  const oneOffset = entries.every(
    (e) => utcOffsetSeconds(e.start, tz) === offset && utcOffsetSeconds(e.end, tz) === offset,
  );
  let zone: ICAL.Timezone | undefined;
  if (oneOffset) {
    const vtz = vtimezone(tz, reference);
    cal.addSubcomponent(vtz);
    zone = new ICAL.Timezone({ component: vtz, tzid: tz });
  }
  const local = (d: Date): ICAL.Time => {
    if (!zone) return utcTime(d);
    const w = wallClock(d, tz);
    return ICAL.Time.fromData({ ...w, isDate: false }, zone);
  };

  for (const e of entries) {
    const comp = new ICAL.Component('vevent');
    const ev = new ICAL.Event(comp);
    ev.uid = e.uid || calendarUid(e.meetingId);
    comp.addPropertyWithValue('dtstamp', stamp);
    if (e.updatedAt) comp.addPropertyWithValue('last-modified', utcTime(e.updatedAt));
    ev.sequence = Math.max(0, Math.floor(e.sequence));
    ev.startDate = local(e.start);
    ev.endDate = local(e.end);
    ev.summary = `${L.meetingWith} ${e.counterpartDelegate} — ${e.counterpartOrganization}`;
    const where = [e.tableLabel ? `${L.table} ${e.tableLabel}` : '', feed.venue ?? '']
      .filter(Boolean)
      .join(', ');
    if (where) ev.location = where;
    ev.description = describe(e, feed);
    const status = e.status === 'CANCELLED' ? 'CANCELLED' : e.status === 'DRAFT' ? 'TENTATIVE' : 'CONFIRMED';
    comp.addPropertyWithValue('status', status);
    comp.addPropertyWithValue('transp', e.status === 'CANCELLED' ? 'TRANSPARENT' : 'OPAQUE');
    cal.addSubcomponent(comp);
  }
  return cal.toString() + '\r\n';
}
