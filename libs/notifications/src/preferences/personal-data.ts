import { registerPersonalDataSource } from '#identity';

/*
 * A person's email choices and when they last received each digest are theirs
 * (docs/PRIVACY.md): exported with the account and deleted with it (also by the foreign keys).
 * $1 is the account id.
 */
registerPersonalDataSource({
  name: 'notificationPreferences',
  covers: [
    'notification_preference.user_id',
    'notification_preference.kind',
    'notification_preference.email',
  ],
  exportSql: `SELECT kind, email, updated_at FROM notification_preference WHERE user_id = $1 ORDER BY kind`,
  deleteSql: `DELETE FROM notification_preference WHERE user_id = $1`,
});
registerPersonalDataSource({
  name: 'notificationDigests',
  covers: ['notification_digest.user_id', 'notification_digest.sent_at'],
  exportSql: `SELECT kind, sent_at FROM notification_digest WHERE user_id = $1 ORDER BY kind`,
  deleteSql: `DELETE FROM notification_digest WHERE user_id = $1`,
});
registerPersonalDataSource({
  name: 'notificationDigestItems',
  covers: [
    'notification_digest_item.user_id',
    'notification_digest_item.item',
    'notification_digest_item.sent_at',
  ],
  exportSql: `SELECT kind, item, sent_at FROM notification_digest_item WHERE user_id = $1 ORDER BY kind, item`,
  deleteSql: `DELETE FROM notification_digest_item WHERE user_id = $1`,
});
