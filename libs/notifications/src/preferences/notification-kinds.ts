import type { MailTemplate } from '#identity';

/** What a person can choose to receive by email, kind by kind (in the app they always see it). */
export const NOTIFICATION_KINDS = [
  'ORGANIZATION',
  'CONTACT_REQUESTS',
  'MEETING_REQUESTS',
  'AGENDA',
  'MEETING_REMINDERS',
  'SAVED_SEARCH_ALERTS',
  'SUGGESTIONS_DIGEST',
  'CLAIM_REVIEW',
  'MAIL_FAILURES',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * The kind each mail belongs to; null for the security mails (codes, password changes,
 * invitations, claim codes), which are always sent.
 */
export const KIND_OF_TEMPLATE: Record<MailTemplate, NotificationKind | null> = {
  'verify-email': null,
  'already-registered': null,
  'reset-password': null,
  'password-changed': null,
  invitation: null,
  'organization-claim': null,
  'organization-claim-approved': 'ORGANIZATION',
  'organization-claim-rejected': 'ORGANIZATION',
  'organization-approved': 'ORGANIZATION',
  'organization-rejected': 'ORGANIZATION',
  'organization-claim-contested': 'CLAIM_REVIEW',
  'contact-request': 'CONTACT_REQUESTS',
  'contact-request-accepted': 'CONTACT_REQUESTS',
  'contact-request-declined': 'CONTACT_REQUESTS',
  'contact-request-expired': 'CONTACT_REQUESTS',
  'meeting-request': 'MEETING_REQUESTS',
  'meeting-request-accepted': 'MEETING_REQUESTS',
  'meeting-request-declined': 'MEETING_REQUESTS',
  'meeting-request-cancelled': 'MEETING_REQUESTS',
  'meeting-request-expired': 'MEETING_REQUESTS',
  'agenda-changed': 'AGENDA',
  'meeting-reminder': 'MEETING_REMINDERS',
  'meeting-follow-up': 'MEETING_REQUESTS',
  'saved-search-alert': 'SAVED_SEARCH_ALERTS',
  'saved-search-digest': 'SAVED_SEARCH_ALERTS',
  'suggestions-digest': 'SUGGESTIONS_DIGEST',
  'mail-failures': 'MAIL_FAILURES',
};

/** Email is on unless the person turned it off; the weekly suggestions digest is opt-in. */
export const EMAIL_BY_DEFAULT: Record<NotificationKind, boolean> = {
  ORGANIZATION: true,
  CONTACT_REQUESTS: true,
  MEETING_REQUESTS: true,
  AGENDA: true,
  MEETING_REMINDERS: true,
  SAVED_SEARCH_ALERTS: true,
  SUGGESTIONS_DIGEST: false,
  CLAIM_REVIEW: true,
  MAIL_FAILURES: true,
};

/** Digests and alerts: their mails carry one-click unsubscribe headers and a link to turn them off. */
export const UNSUBSCRIBABLE: ReadonlySet<NotificationKind> = new Set([
  'SAVED_SEARCH_ALERTS',
  'SUGGESTIONS_DIGEST',
  'MAIL_FAILURES',
]);

/** Kinds only staff receive: listed to them alone. */
export const STAFF_KINDS: Partial<Record<NotificationKind, 'ORGANISER' | 'ADMIN'>> = {
  CLAIM_REVIEW: 'ORGANISER',
  MAIL_FAILURES: 'ADMIN',
};

export const kindOf = (template: MailTemplate): NotificationKind | null => KIND_OF_TEMPLATE[template];

export const isNotificationKind = (v: unknown): v is NotificationKind =>
  typeof v === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(v);
