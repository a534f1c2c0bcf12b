/*
 * The SQL the notifications declare to identity for the export and erasure of an account's
 * personal data and for retention (docs/PRIVACY.md): $1 is the account id, $2 its verified
 * address. The declarations themselves are in each folder's personal-data.ts.
 */

/** In-app notifications: the account's own. */
export const NOTIFICATION_PERSONAL_SQL = {
  exportSql: `SELECT kind, payload, created_at, read_at FROM notification WHERE user_id = $1 ORDER BY id`,
  deleteSql: `DELETE FROM notification WHERE user_id = $1`,
};

/** Mails sent to the account's address, and copies of texts the person wrote ($1: the copies, as JSON). */
export const MAIL_PERSONAL_SQL = {
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
};

/** Mails sent to others that name the account's address; their copies and values are anonymised. */
export const MAIL_MENTIONS_SQL = {
  exportSql: `SELECT template, created_at FROM mail_outbox
               WHERE recipient <> $2 AND strpos(lower(body), lower($2)) > 0 ORDER BY id`,
  deleteSql: `UPDATE mail_outbox SET body = replace(body, $2, 'a deleted account'),
                                     subject = replace(subject, $2, 'a deleted account'),
                                     params = replace(params::text, $2, 'a deleted account')::jsonb
               WHERE recipient <> $2 AND strpos(lower(body || subject || params::text), lower($2)) > 0`,
};

/** Copies of mails older than $2 days before $1 (retention). */
export const MAIL_RETENTION_SQL = `DELETE FROM mail_outbox WHERE created_at < $1::timestamptz - make_interval(days => $2) RETURNING 1 AS n`;

export const NOTIFICATION_PREFERENCE_PERSONAL_SQL = {
  exportSql: `SELECT kind, email, updated_at FROM notification_preference WHERE user_id = $1 ORDER BY kind`,
  deleteSql: `DELETE FROM notification_preference WHERE user_id = $1`,
};

export const NOTIFICATION_DIGEST_PERSONAL_SQL = {
  exportSql: `SELECT kind, sent_at FROM notification_digest WHERE user_id = $1 ORDER BY kind`,
  deleteSql: `DELETE FROM notification_digest WHERE user_id = $1`,
};

export const NOTIFICATION_DIGEST_ITEM_PERSONAL_SQL = {
  exportSql: `SELECT kind, item, sent_at FROM notification_digest_item WHERE user_id = $1 ORDER BY kind, item`,
  deleteSql: `DELETE FROM notification_digest_item WHERE user_id = $1`,
};
