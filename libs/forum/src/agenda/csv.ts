import { labelsFor, statusLabel } from './labels.js';
import type { Agenda, AgendaLang } from './types.js';
import { clock, dayKey } from './zone.js';

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark so that Excel reads Arabic and accents correctly. */
  bom?: boolean;
  /** Language of the header row (default "en"). */
  lang?: AgendaLang;
}

/**
 * One CSV field: always quoted, quotes doubled (RFC 4180). A value a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return) gets a leading apostrophe.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/** Rows to CSV text with CRLF line ends (RFC 4180), optionally preceded by a byte order mark. */
export function toCsv(rows: (string | number | boolean | null | undefined)[][], bom = false): string {
  return (bom ? '\uFEFF' : '') + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** An agenda as CSV: one row per meeting in time order, dates and times in the edition's time zone. */
export function renderAgendaCsv(agenda: Agenda, options: CsvOptions = {}): string {
  const L = labelsFor(options.lang ?? 'en');
  const tz = agenda.timezone;
  const entries = [...agenda.entries].sort(
    (x, y) => x.start.getTime() - y.start.getTime() || (x.tableLabel ?? '').localeCompare(y.tableLabel ?? ''),
  );
  const rows: (string | number | boolean | undefined)[][] = [
    [
      L.date,
      L.start,
      L.end,
      L.timezone,
      L.table,
      L.delegate,
      L.organization,
      L.counterpartOrganization,
      L.counterpartDelegate,
      L.country,
      L.language,
      L.interpreter,
      L.status,
      L.notes,
      L.meetingId,
    ],
  ];
  for (const e of entries)
    rows.push([
      dayKey(e.start, tz),
      clock(e.start, tz),
      clock(e.end, tz),
      tz,
      e.tableLabel ?? '',
      e.delegate ?? (agenda.owner.kind === 'DELEGATE' ? agenda.owner.name : ''),
      e.organization ?? (agenda.owner.kind === 'DELEGATE' ? (agenda.owner.organization ?? '') : ''),
      e.counterpartOrganization,
      e.counterpartDelegate,
      e.counterpartCountry ?? '',
      e.language ?? '',
      e.interpreter ? L.yes : '',
      statusLabel(L, e.status),
      e.notes ?? '',
      e.meetingId,
    ]);
  return toCsv(rows, options.bom);
}
