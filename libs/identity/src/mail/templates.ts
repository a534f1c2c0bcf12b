/** Every kind of mail the platform sends; texts and layout live in the notifications library. */
export type MailTemplate =
  | 'verify-email'
  | 'already-registered'
  | 'reset-password'
  | 'password-changed'
  | 'invitation'
  | 'organization-claim'
  | 'organization-claim-approved'
  | 'organization-claim-rejected'
  | 'organization-approved'
  | 'organization-rejected'
  | 'organization-claim-contested'
  | 'contact-request'
  | 'contact-request-accepted'
  | 'contact-request-declined'
  | 'contact-request-expired'
  | 'meeting-request'
  | 'meeting-request-accepted'
  | 'meeting-request-declined'
  | 'meeting-request-cancelled'
  | 'meeting-request-expired'
  | 'agenda-changed'
  | 'saved-search-alert'
  | 'saved-search-digest'
  | 'meeting-reminder'
  | 'meeting-follow-up'
  | 'suggestions-digest'
  | 'mail-failures';

/**
 * Values a template fills in. `token` is a secret (a verification, reset or invitation code): it
 * reaches the recipient's mailbox only, never the stored copy or the log.
 */
export type MailParams = Record<string, string | number | undefined>;
