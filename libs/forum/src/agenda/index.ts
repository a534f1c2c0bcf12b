export * from './types.js';
export { AGENDA_LABELS, statusLabel, type AgendaLabels } from './labels.js';
export { renderAgendaHtml, escapeHtml } from './html.js';
export { renderAgendaCsv, csvField, toCsv, type CsvOptions } from './csv.js';
export { renderICalendar, calendarUid, ICAL_PRODID } from './ical.js';
export { wallClock, utcOffsetSeconds } from './zone.js';
