/** Languages an agenda can be printed in. */
export type AgendaLang = 'ar' | 'fr' | 'en';

/** SCHEDULED and PUBLISHED are confirmed; DRAFT is provisional (not yet published); CANCELLED stays listed. */
export type AgendaEntryStatus = 'SCHEDULED' | 'PUBLISHED' | 'DRAFT' | 'CANCELLED';

/** One meeting as seen from the agenda's owner. */
export interface AgendaEntry {
  meetingId: string;
  /** iCalendar UID as stored with the meeting; derived from `meetingId` when absent. */
  uid?: string;
  /** Revision of the meeting: raised each time its time, table or status changes. */
  sequence: number;
  status: AgendaEntryStatus;
  start: Date;
  end: Date;
  /** Null or absent while the meeting has no table yet. */
  tableLabel?: string | null;
  /** The owner's side of the meeting, shown on organisation and table agendas. */
  delegate?: string;
  organization?: string;
  counterpartOrganization: string;
  counterpartDelegate: string;
  counterpartCountry?: string;
  /** Language of the meeting (e.g. "ar", "fr", "en"). */
  language?: string;
  interpreter?: boolean;
  notes?: string;
  /** When the meeting last changed (LAST-MODIFIED in the calendar feed). */
  updatedAt?: Date;
}

export interface AgendaOwner {
  kind: 'DELEGATE' | 'ORGANIZATION' | 'TABLE';
  /** Delegate name, organisation name or table label. */
  name: string;
  /** The delegate's organisation, when the owner is a delegate. */
  organization?: string;
}

/** The agenda of a delegate, an organisation or a table for one forum edition. */
export interface Agenda {
  title: string;
  editionName: string;
  /** IANA time zone of the edition, e.g. "Africa/Algiers": every time is shown in it. */
  timezone: string;
  venue?: string;
  owner: AgendaOwner;
  entries: AgendaEntry[];
}

/** A delegate's calendar feed: the agenda plus when it was produced (DTSTAMP). */
export interface CalendarFeed extends Agenda {
  generatedAt?: Date;
  /** Language of the event summaries and descriptions (default "en"). */
  lang?: AgendaLang;
}
