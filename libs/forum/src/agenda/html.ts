import { labelsFor, statusLabel } from './labels.js';
import type { Agenda, AgendaEntry, AgendaLang } from './types.js';
import { clock, dayKey, utcOffsetSeconds } from './zone.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function offsetLabel(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  const h = String(Math.floor(abs / 3600)).padStart(2, '0');
  const m = String(Math.floor((abs % 3600) / 60)).padStart(2, '0');
  return `UTC${sign}${h}:${m}`;
}

const STYLE = `
*{box-sizing:border-box}
body{font-family:"Noto Sans","Noto Naskh Arabic","Segoe UI",Tahoma,Arial,sans-serif;margin:24px;color:#111;font-size:11pt}
header{margin-bottom:16px;border-bottom:2px solid #333;padding-bottom:8px}
h1{font-size:18pt;margin:0 0 4px}
h2{font-size:13pt;margin:18px 0 6px}
p.meta{margin:2px 0;color:#444}
table{width:100%;border-collapse:collapse}
th,td{border:1px solid #999;padding:4px 6px;text-align:start;vertical-align:top}
th{background:#eee}
td.time{white-space:nowrap;font-variant-numeric:tabular-nums}
tr.cancelled td{text-decoration:line-through;color:#777}
tr.cancelled td.status{text-decoration:none;font-weight:bold}
@page{size:A4;margin:12mm}
@media print{
  body{margin:0;font-size:10pt}
  thead{display:table-header-group}
  tr{break-inside:avoid}
  h2{break-after:avoid}
  th{background:#eee;-webkit-print-color-adjust:exact;print-color-adjust:exact}
}`;

/**
 * A standalone, printable HTML page of an agenda: one table per day, times in the edition's time zone,
 * right to left for Arabic. Every value from the agenda is escaped.
 */
export function renderAgendaHtml(agenda: Agenda, lang: AgendaLang): string {
  const L = labelsFor(lang);
  const tz = agenda.timezone;
  const esc = escapeHtml;
  const entries = [...agenda.entries].sort(
    (x, y) => x.start.getTime() - y.start.getTime() || (x.tableLabel ?? '').localeCompare(y.tableLabel ?? ''),
  );
  const dayFormat = new Intl.DateTimeFormat(L.locale, {
    timeZone: tz,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const ownSide = entries.some((e) => e.delegate || e.organization);
  const showCountry = entries.some((e) => e.counterpartCountry);
  const showLanguage = entries.some((e) => e.language || e.interpreter);
  const showNotes = entries.some((e) => e.notes);
  const isTable = agenda.owner.kind === 'TABLE';

  const head = [
    L.time,
    ...(isTable ? [] : [L.table]),
    ...(ownSide ? [L.delegate] : []),
    L.counterpartOrganization,
    L.counterpartDelegate,
    ...(showCountry ? [L.country] : []),
    ...(showLanguage ? [L.language] : []),
    ...(showNotes ? [L.notes] : []),
    L.status,
  ];
  const row = (e: AgendaEntry) => {
    const own = [e.delegate, e.organization].filter(Boolean).join(' — ');
    const lang = [e.language, e.interpreter ? `${L.interpreter}: ${L.yes}` : ''].filter(Boolean).join(', ');
    const cells = [
      `<td class="time">${esc(`${clock(e.start, tz)}–${clock(e.end, tz)}`)}</td>`,
      ...(isTable ? [] : [`<td>${esc(e.tableLabel ?? '—')}</td>`]),
      ...(ownSide ? [`<td>${esc(own)}</td>`] : []),
      `<td>${esc(e.counterpartOrganization)}</td>`,
      `<td>${esc(e.counterpartDelegate)}</td>`,
      ...(showCountry ? [`<td>${esc(e.counterpartCountry ?? '')}</td>`] : []),
      ...(showLanguage ? [`<td>${esc(lang)}</td>`] : []),
      ...(showNotes ? [`<td>${esc(e.notes ?? '')}</td>`] : []),
      `<td class="status">${esc(statusLabel(L, e.status))}</td>`,
    ];
    const cls = e.status === 'CANCELLED' ? ' class="cancelled"' : '';
    return `<tr${cls} data-meeting="${esc(e.meetingId)}">${cells.join('')}</tr>`;
  };

  const days: { key: string; entries: AgendaEntry[] }[] = [];
  for (const e of entries) {
    const key = dayKey(e.start, tz);
    if (days[days.length - 1]?.key !== key) days.push({ key, entries: [] });
    days[days.length - 1].entries.push(e);
  }
  const sections = days.map(
    (d) =>
      `<section>\n<h2>${esc(dayFormat.format(d.entries[0].start))}</h2>\n<table>\n<thead><tr>${head
        .map((h) => `<th scope="col">${esc(h)}</th>`)
        .join('')}</tr></thead>\n<tbody>\n${d.entries.map(row).join('\n')}\n</tbody>\n</table>\n</section>`,
  );
  const reference = entries[0]?.start ?? new Date();
  const owner = [agenda.owner.name, agenda.owner.organization].filter(Boolean).join(' — ');
  const active = entries.filter((e) => e.status !== 'CANCELLED').length;
  return `<!DOCTYPE html>
<html lang="${lang}" dir="${L.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${agenda.title} — ${owner}`)}</title>
<style>${STYLE}
</style>
</head>
<body>
<header>
<h1>${esc(agenda.title)}</h1>
<p class="meta">${esc(agenda.editionName)}${agenda.venue ? ` — ${esc(agenda.venue)}` : ''}</p>
<p class="meta"><strong>${esc(owner)}</strong> — ${active} ${esc(L.meetings)}</p>
<p class="meta">${esc(L.timesIn)} ${esc(tz)} (${offsetLabel(utcOffsetSeconds(reference, tz))})</p>
</header>
<main>
${sections.length ? sections.join('\n') : `<p>${esc(L.none)}</p>`}
</main>
</body>
</html>
`;
}
