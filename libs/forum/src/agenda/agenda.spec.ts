import ICAL from 'ical.js';
import {
  csvField,
  calendarUid,
  renderAgendaCsv,
  renderAgendaHtml,
  renderICalendar,
  utcOffsetSeconds,
  type Agenda,
  type AgendaEntry,
  type CalendarFeed,
} from './index.js';

const TZ = 'Africa/Algiers';

/** 14 March 2026 at hh:mm in Algiers (UTC+1). */
const algiers = (day: number, hh: number, mm: number) => new Date(Date.UTC(2026, 2, day, hh - 1, mm));

function entry(id: string, over: Partial<AgendaEntry> = {}): AgendaEntry {
  return {
    meetingId: id,
    sequence: 0,
    status: 'SCHEDULED',
    start: algiers(14, 9, 0),
    end: algiers(14, 9, 30),
    tableLabel: 'T12',
    counterpartOrganization: 'Sonatrach',
    counterpartDelegate: 'Amina Benali',
    counterpartCountry: 'DZ',
    ...over,
  };
}

function agenda(entries: AgendaEntry[], over: Partial<Agenda> = {}): Agenda {
  return {
    title: 'B2B agenda',
    editionName: '5th Arab forum for small and medium industries',
    timezone: TZ,
    venue: 'Algiers',
    owner: { kind: 'DELEGATE', name: 'Karim Haddad', organization: 'Atlas Plast' },
    entries,
    ...over,
  };
}

describe('time zone helpers', () => {
  it('gives Algiers one hour ahead of UTC in winter and summer (no daylight saving)', () => {
    expect(utcOffsetSeconds(new Date(Date.UTC(2026, 0, 10)), TZ)).toBe(3600);
    expect(utcOffsetSeconds(new Date(Date.UTC(2026, 6, 10)), TZ)).toBe(3600);
    expect(utcOffsetSeconds(new Date(Date.UTC(2026, 6, 10)), 'Europe/Paris')).toBe(7200);
  });
});

describe('renderAgendaHtml', () => {
  const meetings = [
    entry('m2', { start: algiers(15, 14, 0), end: algiers(15, 14, 30), tableLabel: 'T3' }),
    entry('m1', { notes: 'Bring samples', language: 'fr', interpreter: true }),
    entry('m3', { start: algiers(14, 10, 0), end: algiers(14, 10, 30), status: 'CANCELLED' }),
  ];

  it('prints times in the edition time zone, one table per day, in time order', () => {
    const html = renderAgendaHtml(agenda(meetings), 'en');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="en" dir="ltr">');
    // 08:00 UTC is 09:00 in Algiers
    expect(html).toContain('09:00–09:30');
    expect(html).toContain('14:00–14:30');
    expect(html).not.toContain('08:00–08:30');
    expect(html.match(/<section>/g)).toHaveLength(2);
    expect(html.indexOf('data-meeting="m1"')).toBeLessThan(html.indexOf('data-meeting="m3"'));
    expect(html.indexOf('data-meeting="m3"')).toBeLessThan(html.indexOf('data-meeting="m2"'));
    expect(html).toContain('Times are in Africa/Algiers (UTC+01:00)');
    expect(html).toContain('@media print');
    expect(html).toContain('Interpreter: yes');
  });

  it('marks cancelled meetings and counts only the others', () => {
    const html = renderAgendaHtml(agenda(meetings), 'en');
    expect(html).toMatch(/<tr class="cancelled" data-meeting="m3">.*Cancelled<\/td><\/tr>/);
    expect(html).toContain('2 meetings');
  });

  it('is right to left in Arabic with Arabic labels', () => {
    const html = renderAgendaHtml(agenda(meetings), 'ar');
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('الطاولة');
    expect(html).toContain('ملغى');
    const fr = renderAgendaHtml(agenda(meetings), 'fr');
    expect(fr).toContain('<html lang="fr" dir="ltr">');
    expect(fr).toContain('Annulé');
    expect(fr).toMatch(/samedi 14 mars 2026/);
  });

  it('escapes every value, so markup in a name stays text', () => {
    const evil = entry('x"><img src=x onerror=alert(1)>', {
      counterpartDelegate: '<script>alert("x")</script>',
      counterpartOrganization: 'A & B <b>',
      notes: "it's",
    });
    const html = renderAgendaHtml(
      agenda([evil], { title: '<script>t</script>', owner: { kind: 'DELEGATE', name: '<i>me</i>' } }),
      'en',
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<i>me');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('A &amp; B &lt;b&gt;');
    expect(html).toContain('it&#39;s');
  });

  it('labels provisional meetings and meetings without a table', () => {
    const html = renderAgendaHtml(agenda([entry('m1', { status: 'DRAFT', tableLabel: null })]), 'en');
    expect(html).toContain('<td>—</td>');
    expect(html).toContain('Provisional');
  });

  it('says so when there is no meeting, and rejects an unknown language', () => {
    expect(renderAgendaHtml(agenda([]), 'en')).toContain('No meetings.');
    expect(() => renderAgendaHtml(agenda([]), 'de' as 'en')).toThrow(/unsupported/);
  });

  it('shows both sides on a table agenda', () => {
    const html = renderAgendaHtml(
      agenda([entry('m1', { delegate: 'Karim Haddad', organization: 'Atlas Plast' })], {
        owner: { kind: 'TABLE', name: 'T12' },
      }),
      'en',
    );
    expect(html).toContain('<td>Karim Haddad — Atlas Plast</td>');
    expect(html).not.toContain('<th scope="col">Table</th>');
  });
});

/** RFC 4180 reader for the tests: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '"') throw new Error(`unquoted field at ${i}`);
    let j = i + 1;
    let v = '';
    for (;;) {
      if (text[j] === '"' && text[j + 1] === '"') {
        v += '"';
        j += 2;
      } else if (text[j] === '"') break;
      else v += text[j++];
    }
    row.push(v);
    i = j + 1;
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`bad separator at ${i}`);
  }
  return rows;
}

describe('renderAgendaCsv', () => {
  it('writes a header and one quoted row per meeting in time order, times in the edition zone', () => {
    const csv = renderAgendaCsv(
      agenda([entry('m2', { start: algiers(15, 14, 0), end: algiers(15, 14, 30) }), entry('m1')]),
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(3);
    expect(rows[0].slice(0, 5)).toEqual(['Date', 'Start', 'End', 'Time zone', 'Table']);
    expect(rows[1].slice(0, 7)).toEqual([
      '2026-03-14',
      '09:00',
      '09:30',
      TZ,
      'T12',
      'Karim Haddad',
      'Atlas Plast',
    ]);
    expect(rows[1].at(-1)).toBe('m1');
    expect(rows[2][0]).toBe('2026-03-15');
    expect(rows.every((r) => r.length === rows[0].length)).toBe(true);
  });

  it('keeps commas, quotes and line breaks inside fields', () => {
    const csv = renderAgendaCsv(agenda([entry('m1', { notes: 'a, "b"\r\nc', counterpartDelegate: 'مريم' })]));
    const rows = parseCsv(csv);
    expect(rows[1][13]).toBe('a, "b"\r\nc');
    expect(rows[1][8]).toBe('مريم');
  });

  it('defuses cells that a spreadsheet would run as formulas', () => {
    for (const bad of ['=HYPERLINK("http://x")', '+1+2', '-2+3', '@SUM(A1)', '\t=1'])
      expect(csvField(bad)).toBe(`"'${bad.replace(/"/g, '""')}"`);
    expect(csvField('Sonatrach')).toBe('"Sonatrach"');
    const rows = parseCsv(renderAgendaCsv(agenda([entry('m1', { counterpartOrganization: '=cmd|x' })])));
    expect(rows[1][7]).toBe("'=cmd|x");
  });

  it('starts with a byte order mark when asked, and can label the header in French', () => {
    const csv = renderAgendaCsv(agenda([entry('m1')]), { bom: true, lang: 'fr' });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(parseCsv(csv.slice(1))[0][1]).toBe('Début');
  });
});

describe('renderICalendar', () => {
  const generatedAt = new Date(Date.UTC(2026, 2, 1, 12, 0, 0));
  const feed = (entries: AgendaEntry[], over: Partial<CalendarFeed> = {}): CalendarFeed => ({
    ...agenda(entries),
    generatedAt,
    ...over,
  });
  const events = (ics: string) => {
    const cal = new ICAL.Component(ICAL.parse(ics));
    return { cal, events: cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c)) };
  };

  it('builds a calendar that ical.js parses, with its header and a VTIMEZONE for the edition', () => {
    const ics = renderICalendar(feed([entry('m1')]));
    const { cal } = events(ics);
    expect(cal.name).toBe('vcalendar');
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//Tashbik//Forum agenda//EN');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('B2B agenda — Karim Haddad');
    const vtz = cal.getFirstSubcomponent('vtimezone')!;
    expect(vtz.getFirstPropertyValue('tzid')).toBe(TZ);
    const std = vtz.getFirstSubcomponent('standard')!;
    expect(std.getFirstPropertyValue('tzoffsetto')!.toString()).toBe('+01:00');
    expect(vtz.getFirstSubcomponent('daylight')).toBeNull();
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toMatch(/END:VCALENDAR\r\n$/);
  });

  it('writes local times with TZID that convert to the right UTC instants', () => {
    const start = algiers(14, 9, 0);
    const ics = renderICalendar(feed([entry('m1', { start, end: algiers(14, 9, 30) })]));
    expect(ics).toContain('DTSTART;TZID=Africa/Algiers:20260314T090000');
    const [ev] = events(ics).events;
    expect(ev.startDate.zone?.tzid).toBe(TZ);
    expect(ev.startDate.toJSDate().getTime()).toBe(start.getTime());
    expect(ev.endDate.toJSDate().toISOString()).toBe('2026-03-14T08:30:00.000Z');
    const utc = ev.startDate.convertToZone(ICAL.Timezone.utcTimezone);
    expect(utc.toString()).toBe('2026-03-14T08:00:00Z');
  });

  it('fills every field of an event', () => {
    const ics = renderICalendar(feed([entry('m1', { sequence: 3, notes: 'Bring samples' })]));
    const {
      events: [ev],
    } = events(ics);
    expect(ev.uid).toBe('meeting-m1@tashbik');
    expect(ev.sequence).toBe(3);
    expect(ev.summary).toBe('Meeting with Amina Benali — Sonatrach');
    expect(ev.location).toBe('Table T12, Algiers');
    expect(ev.description).toContain('Bring samples');
    expect(ev.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(ev.component.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-03-01T12:00:00Z');
  });

  it('keeps UIDs stable across renders and raises SEQUENCE when a meeting changes', () => {
    const before = events(renderICalendar(feed([entry('m1'), entry('m2', { start: algiers(14, 11, 0) })])));
    const after = events(
      renderICalendar(
        feed(
          [entry('m1'), entry('m2', { sequence: 1, start: algiers(14, 15, 0), end: algiers(14, 15, 30) })],
          { generatedAt: new Date() },
        ),
      ),
    );
    const uids = (x: typeof before) => x.events.map((e) => e.uid).sort();
    expect(uids(after)).toEqual(uids(before));
    expect(uids(before)).toEqual([calendarUid('m1'), calendarUid('m2')]);
    const m2 = (x: typeof before) => x.events.find((e) => e.uid === calendarUid('m2'))!;
    expect(m2(after).sequence).toBeGreaterThan(m2(before).sequence);
    expect(m2(after).startDate.toJSDate().toISOString()).toBe('2026-03-14T14:00:00.000Z');
  });

  it('keeps cancelled meetings in the feed, marked CANCELLED', () => {
    const { events: evs } = events(
      renderICalendar(feed([entry('m1'), entry('m2', { status: 'CANCELLED', sequence: 2 })])),
    );
    expect(evs).toHaveLength(2);
    const m2 = evs.find((e) => e.uid === calendarUid('m2'))!;
    expect(m2.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(m2.sequence).toBe(2);
  });

  it('uses the stored UID when given, and marks provisional meetings TENTATIVE', () => {
    const { events: evs } = events(
      renderICalendar(
        feed([entry('m1', { uid: 'abc@forum.tashbik' }), entry('m2', { status: 'DRAFT', tableLabel: null })]),
      ),
    );
    expect(evs[0].uid).toBe('abc@forum.tashbik');
    expect(evs[1].uid).toBe('meeting-m2@tashbik');
    expect(evs[1].component.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(evs[1].location).toBe('Algiers');
  });

  it('folds long lines at 75 octets and unfolds them back intact', () => {
    const notes = `${'Échantillons et catalogue, '.repeat(6)}${'مواد بلاستيكية '.repeat(8)}`;
    const ics = renderICalendar(feed([entry('m1', { notes })]));
    const lines = ics.split('\r\n');
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    for (const l of lines) {
      const octets = Buffer.byteLength(l, 'utf8');
      // a continuation line carries one leading space before its 75 octets
      expect(octets).toBeLessThanOrEqual(l.startsWith(' ') ? 76 : 75);
    }
    const {
      events: [ev],
    } = events(ics);
    expect(ev.description).toContain(notes);
  });

  it('writes UTC times when a daylight saving change falls inside the feed', () => {
    const ics = renderICalendar(
      feed(
        [
          entry('m1', { start: new Date('2026-03-28T09:00:00Z'), end: new Date('2026-03-28T09:30:00Z') }),
          entry('m2', { start: new Date('2026-03-30T09:00:00Z'), end: new Date('2026-03-30T09:30:00Z') }),
        ],
        { timezone: 'Europe/Paris' },
      ),
    );
    expect(ics).not.toContain('BEGIN:VTIMEZONE');
    const { events: evs } = events(ics);
    expect(evs.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      '2026-03-28T09:00:00.000Z',
      '2026-03-30T09:00:00.000Z',
    ]);
  });
});
