import type { ForumBadge } from '../api/forum';
import type { AgendaMeeting, ForumEditionSummary, LocalizedText } from '../api/operations';

/**
 * The last agenda loaded for an edition, kept in localStorage so the page still shows it offline
 * (the service worker caches the app itself). Cleared on sign-out; a different signed-in user never
 * sees another's copy.
 */
export interface StoredAgenda {
  userId: string;
  savedAt: string;
  edition: ForumEditionSummary;
  organizations: { id: string; name: LocalizedText }[];
  meetings: AgendaMeeting[];
  /** The badges of the user's delegates (the user's own when the user is a delegate), signed by the api. */
  badges?: ForumBadge[];
}

const PREFIX = 'tashbik.agenda.';
const LAST = `${PREFIX}last`;

export function loadAgenda(editionId: string): StoredAgenda | null {
  try {
    const raw = localStorage.getItem(PREFIX + editionId);
    return raw ? (JSON.parse(raw) as StoredAgenda) : null;
  } catch {
    return null;
  }
}

export function saveAgenda(agenda: StoredAgenda): void {
  try {
    localStorage.setItem(PREFIX + agenda.edition.id, JSON.stringify(agenda));
    localStorage.setItem(LAST, agenda.edition.id);
  } catch {
    // Storage full or refused: the agenda is then not available offline.
  }
}

/** The edition whose agenda was loaded last, for the header's link when the editions cannot be listed. */
export function lastAgendaEdition(): string | null {
  try {
    return localStorage.getItem(LAST);
  } catch {
    return null;
  }
}

export function clearAgendas(): void {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  } catch {
    // Nothing stored.
  }
}

/** The meetings by day (YYYY-MM-DD in the venue's time zone), days and meetings in time order. */
export function byDay(meetings: AgendaMeeting[], timeZone: string): [string, AgendaMeeting[]][] {
  const key = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const days = new Map<string, AgendaMeeting[]>();
  for (const m of [...meetings].sort((a, b) => a.start.localeCompare(b.start))) {
    const day = key.format(new Date(m.start));
    days.set(day, [...(days.get(day) ?? []), m]);
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** 24-hour time with Latin digits in the venue's time zone, whatever the interface language. */
export function timeOf(iso: string, intlLocale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    numberingSystem: 'latn',
  }).format(new Date(iso));
}

export function dayTitle(iso: string, intlLocale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    numberingSystem: 'latn',
  }).format(new Date(iso));
}

/**
 * The venue's time zone as people say it in the interface language, with its offset from UTC on the
 * given day (e.g. "Central European Time (GMT+1)"), never the IANA identifier.
 */
export function zoneName(timeZone: string, intlLocale: string, at: string | Date = new Date()): string {
  const part = (timeZoneName: 'longGeneric' | 'long' | 'shortOffset') =>
    new Intl.DateTimeFormat(intlLocale, { timeZone, timeZoneName, numberingSystem: 'latn' })
      .formatToParts(new Date(at))
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  let name = part('longGeneric');
  const offset = part('shortOffset');
  if (!name || name === offset) name = part('long');
  return name && name !== offset ? `${name} (${offset})` : offset;
}
