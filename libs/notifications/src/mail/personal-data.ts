import { registerPersonalDataSource, registerRetention } from '#identity';
import { MAIL_MENTIONS_SQL, MAIL_PERSONAL_SQL, MAIL_RETENTION_SQL } from '../personal-data.repository.js';

/*
 * The mail outbox's personal data (docs/PRIVACY.md), declared to identity for the export and the
 * erasure of an account: the mails sent to the account's verified address ($2), the copies sent to
 * others that name it, and the copies of texts the person wrote (a contact request's note) that
 * other libraries point out. Copies of mails are kept for a limited time.
 */

/** Days a copy of a sent mail is kept (codes hidden) before the periodic purge deletes it. */
export const MAIL_RETENTION_DAYS = 90;

registerPersonalDataSource({
  name: 'emails',
  covers: ['mail_outbox.recipient'],
  ...MAIL_PERSONAL_SQL,
});

registerPersonalDataSource({
  name: 'emailsMentioningYou',
  covers: ['mail_outbox.body', 'mail_outbox.subject'],
  // Mails sent to others that name the account's address (an invitation names its sender); the
  // values a message is rendered from (params) are anonymised with the copy.
  ...MAIL_MENTIONS_SQL,
});

registerRetention({
  name: 'mails',
  days: MAIL_RETENTION_DAYS,
  deleteSql: MAIL_RETENTION_SQL,
});
