import { registerPersonalDataSource } from '#identity';

/*
 * A user's in-app notifications are theirs (docs/PRIVACY.md): exported with the account and
 * deleted with it (also by the foreign key). $1 is the account id.
 */
registerPersonalDataSource({
  name: 'notifications',
  covers: ['notification.user_id', 'notification.payload', 'notification.read_at'],
  exportSql: `SELECT kind, payload, created_at, read_at FROM notification WHERE user_id = $1 ORDER BY id`,
  deleteSql: `DELETE FROM notification WHERE user_id = $1`,
});

export const NOTIFICATIONS_PERSONAL_DATA = 'notifications';
