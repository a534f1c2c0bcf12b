import type {
  ConsoleEdition,
  EditionInput,
  ForumSession,
  SessionInput,
  SessionKind,
} from '../../../api/consoleForum';

/*
 * The edition form's values and their checks, apart from the page: text fields as typed, turned into
 * the api's input once every field reads right. The api checks the same rules again.
 */

export interface SessionValues {
  day: string;
  kind: SessionKind;
  start: string;
  end: string;
  /** "10:00-10:15, 11:30-11:45" */
  breaks: string;
}

export interface EditionValues {
  nameAr: string;
  nameFr: string;
  nameEn: string;
  startsOn: string;
  endsOn: string;
  slotMinutes: string;
  timezone: string;
  venue: string;
  maxMeetings: string;
  maxRequests: string;
  requestExpiryHours: string;
  reminderMinutes: string;
  fairness: string;
  sessions: SessionValues[];
}

export type FieldProblem = 'required' | 'date' | 'time' | 'number' | 'order' | 'breaks' | 'name';
export type Problems = Partial<Record<string, FieldProblem>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const INT = /^\d{1,5}$/;

export const emptySession = (day = ''): SessionValues => ({
  day,
  kind: 'MORNING',
  start: '09:00',
  end: '12:00',
  breaks: '',
});

export function emptyEdition(): EditionValues {
  return {
    nameAr: '',
    nameFr: '',
    nameEn: '',
    startsOn: '',
    endsOn: '',
    slotMinutes: '20',
    timezone: 'Africa/Algiers',
    venue: '',
    maxMeetings: '',
    maxRequests: '',
    requestExpiryHours: '72',
    reminderMinutes: '15',
    fairness: '2',
    sessions: [emptySession()],
  };
}

const hhmm = (iso: string) => iso.slice(0, 5);

export function editionValues(e: ConsoleEdition, sessions: ForumSession[]): EditionValues {
  const n = (v: number | null) => (v == null ? '' : String(v));
  return {
    nameAr: e.name.ar ?? '',
    nameFr: e.name.fr ?? '',
    nameEn: e.name.en ?? '',
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    slotMinutes: String(e.slotMinutes),
    timezone: e.timezone,
    venue: e.venue ?? '',
    maxMeetings: n(e.maxMeetingsPerDelegate),
    maxRequests: n(e.maxRequestsPerDelegate),
    requestExpiryHours: String(e.requestExpiryHours),
    reminderMinutes: String(e.reminderMinutes),
    fairness: String(e.fairness),
    sessions: sessions.map((s) => ({
      day: s.day,
      kind: s.kind,
      start: hhmm(s.startsAt),
      end: hhmm(s.endsAt),
      breaks: s.breaks.map((b) => `${hhmm(b.start)}-${hhmm(b.end)}`).join(', '),
    })),
  };
}

function parseBreaks(text: string): { start: string; end: string }[] | null {
  const parts = text
    .split(/[,;،]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: { start: string; end: string }[] = [];
  for (const p of parts) {
    const m = /^(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/.exec(p);
    if (!m || !TIME.test(m[1]) || !TIME.test(m[2]) || m[1] >= m[2]) return null;
    out.push({ start: m[1], end: m[2] });
  }
  return out;
}

/** The api's input, or the problems found, keyed by field (sessions as `sessions.<i>.<field>`). */
export function toEditionInput(v: EditionValues): { input: EditionInput } | { problems: Problems } {
  const problems: Problems = {};
  if (!v.nameAr.trim() && !v.nameFr.trim() && !v.nameEn.trim()) problems.name = 'name';
  for (const f of ['startsOn', 'endsOn'] as const)
    if (!v[f]) problems[f] = 'required';
    else if (!DATE.test(v[f])) problems[f] = 'date';
  if (!problems.startsOn && !problems.endsOn && v.endsOn < v.startsOn) problems.endsOn = 'order';
  if (!v.timezone.trim()) problems.timezone = 'required';
  const required = ['slotMinutes'] as const;
  const optional = [
    'maxMeetings',
    'maxRequests',
    'requestExpiryHours',
    'reminderMinutes',
    'fairness',
  ] as const;
  for (const f of required) if (!INT.test(v[f].trim())) problems[f] = v[f].trim() ? 'number' : 'required';
  for (const f of optional) if (v[f].trim() && !INT.test(v[f].trim())) problems[f] = 'number';
  const sessions: SessionInput[] = [];
  v.sessions.forEach((s, i) => {
    const key = (f: string) => `sessions.${i}.${f}`;
    if (!DATE.test(s.day)) problems[key('day')] = s.day ? 'date' : 'required';
    if (!TIME.test(s.start)) problems[key('start')] = 'time';
    if (!TIME.test(s.end)) problems[key('end')] = 'time';
    else if (TIME.test(s.start) && s.end <= s.start) problems[key('end')] = 'order';
    const breaks = parseBreaks(s.breaks);
    if (!breaks) problems[key('breaks')] = 'breaks';
    sessions.push({ day: s.day, kind: s.kind, start: s.start, end: s.end, breaks: breaks ?? [] });
  });
  if (Object.keys(problems).length > 0) return { problems };
  const num = (t: string) => (t.trim() ? Number(t.trim()) : null);
  const name = (t: string) => t.trim() || null;
  return {
    input: {
      name: { ar: name(v.nameAr), fr: name(v.nameFr), en: name(v.nameEn) },
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      slotMinutes: Number(v.slotMinutes),
      timezone: v.timezone.trim(),
      venue: v.venue.trim() || null,
      fairness: num(v.fairness),
      maxMeetingsPerDelegate: num(v.maxMeetings),
      maxRequestsPerDelegate: num(v.maxRequests),
      requestExpiryHours: num(v.requestExpiryHours),
      reminderMinutes: num(v.reminderMinutes),
      sessions,
    },
  };
}
