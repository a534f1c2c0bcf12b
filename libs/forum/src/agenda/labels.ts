import type { AgendaLang } from './types.js';

export interface AgendaLabels {
  locale: string;
  dir: 'rtl' | 'ltr';
  agenda: string;
  time: string;
  date: string;
  start: string;
  end: string;
  timezone: string;
  table: string;
  delegate: string;
  organization: string;
  counterpartOrganization: string;
  counterpartDelegate: string;
  country: string;
  language: string;
  interpreter: string;
  notes: string;
  status: string;
  meetingId: string;
  scheduled: string;
  cancelled: string;
  provisional: string;
  yes: string;
  none: string;
  timesIn: string;
  meetingWith: string;
  meetings: string;
}

export const AGENDA_LABELS: Record<AgendaLang, AgendaLabels> = {
  en: {
    locale: 'en-GB',
    dir: 'ltr',
    agenda: 'Agenda',
    time: 'Time',
    date: 'Date',
    start: 'Start',
    end: 'End',
    timezone: 'Time zone',
    table: 'Table',
    delegate: 'Delegate',
    organization: 'Organisation',
    counterpartOrganization: 'Meeting with (organisation)',
    counterpartDelegate: 'Meeting with (delegate)',
    country: 'Country',
    language: 'Language',
    interpreter: 'Interpreter',
    notes: 'Notes',
    status: 'Status',
    meetingId: 'Meeting id',
    scheduled: 'Confirmed',
    cancelled: 'Cancelled',
    provisional: 'Provisional',
    yes: 'yes',
    none: 'No meetings.',
    timesIn: 'Times are in',
    meetingWith: 'Meeting with',
    meetings: 'meetings',
  },
  fr: {
    locale: 'fr-FR',
    dir: 'ltr',
    agenda: 'Agenda',
    time: 'Heure',
    date: 'Date',
    start: 'Début',
    end: 'Fin',
    timezone: 'Fuseau horaire',
    table: 'Table',
    delegate: 'Délégué',
    organization: 'Organisation',
    counterpartOrganization: 'Rendez-vous avec (organisation)',
    counterpartDelegate: 'Rendez-vous avec (délégué)',
    country: 'Pays',
    language: 'Langue',
    interpreter: 'Interprète',
    notes: 'Notes',
    status: 'Statut',
    meetingId: 'Identifiant du rendez-vous',
    scheduled: 'Confirmé',
    cancelled: 'Annulé',
    provisional: 'Provisoire',
    yes: 'oui',
    none: 'Aucun rendez-vous.',
    timesIn: 'Heures exprimées en',
    meetingWith: 'Rendez-vous avec',
    meetings: 'rendez-vous',
  },
  ar: {
    locale: 'ar-DZ',
    dir: 'rtl',
    agenda: 'جدول المواعيد',
    time: 'الوقت',
    date: 'التاريخ',
    start: 'البداية',
    end: 'النهاية',
    timezone: 'المنطقة الزمنية',
    table: 'الطاولة',
    delegate: 'المندوب',
    organization: 'المؤسسة',
    counterpartOrganization: 'اللقاء مع (المؤسسة)',
    counterpartDelegate: 'اللقاء مع (المندوب)',
    country: 'البلد',
    language: 'اللغة',
    interpreter: 'مترجم',
    notes: 'ملاحظات',
    status: 'الحالة',
    meetingId: 'رقم اللقاء',
    scheduled: 'مؤكد',
    cancelled: 'ملغى',
    provisional: 'مؤقت',
    yes: 'نعم',
    none: 'لا توجد لقاءات.',
    timesIn: 'الأوقات بتوقيت',
    meetingWith: 'لقاء مع',
    meetings: 'لقاءات',
  },
};

export function labelsFor(lang: AgendaLang): AgendaLabels {
  const l = AGENDA_LABELS[lang];
  if (!l) throw new RangeError(`unsupported agenda language ${String(lang)}`);
  return l;
}

/** The label of an entry's status. */
export function statusLabel(L: AgendaLabels, status: string): string {
  return status === 'CANCELLED' ? L.cancelled : status === 'DRAFT' ? L.provisional : L.scheduled;
}
