import { registerPersonalDataSource, registerRetention } from '#identity';

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
  exportSql: `SELECT template, subject, status, created_at, sent_at FROM mail_outbox WHERE recipient = $2 ORDER BY id`,
  deleteSql: `DELETE FROM mail_outbox WHERE recipient = $2`,
  eraseCopiesSql: `UPDATE mail_outbox m
                      SET body = replace(m.body, t.text, '(message deleted)'),
                          params = m.params || '{"message": "(message deleted)"}'::jsonb
                     FROM jsonb_to_recordset($1::jsonb) AS t(template text, text text, request_id text)
                    WHERE m.template = t.template AND t.text <> ''
                      AND CASE WHEN t.request_id IS NULL
                               THEN strpos(m.body, t.text) > 0 OR m.params->>'message' = t.text
                               ELSE m.params->>'requestId' = t.request_id END`,
});

registerPersonalDataSource({
  name: 'emailsMentioningYou',
  covers: ['mail_outbox.body', 'mail_outbox.subject'],
  // Mails sent to others that name the account's address (an invitation names its sender); the
  // values a message is rendered from (params) are anonymised with the copy.
  exportSql: `SELECT template, created_at FROM mail_outbox
               WHERE recipient <> $2 AND strpos(lower(body), lower($2)) > 0 ORDER BY id`,
  deleteSql: `UPDATE mail_outbox SET body = replace(body, $2, 'a deleted account'),
                                     subject = replace(subject, $2, 'a deleted account'),
                                     params = replace(params::text, $2, 'a deleted account')::jsonb
               WHERE recipient <> $2 AND strpos(lower(body || subject || params::text), lower($2)) > 0`,
});

registerRetention({
  name: 'mails',
  days: MAIL_RETENTION_DAYS,
  deleteSql: `DELETE FROM mail_outbox WHERE created_at < $1::timestamptz - make_interval(days => $2) RETURNING 1 AS n`,
});
