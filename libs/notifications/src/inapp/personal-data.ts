import { registerPersonalDataSource } from '#identity';
import { NOTIFICATION_PERSONAL_SQL } from '../personal-data.repository.js';

/*
 * A user's in-app notifications are theirs (docs/PRIVACY.md): exported with the account and
 * deleted with it (also by the foreign key). $1 is the account id.
 */
registerPersonalDataSource({
  name: 'notifications',
  covers: ['notification.user_id', 'notification.payload', 'notification.read_at'],
  ...NOTIFICATION_PERSONAL_SQL,
});

export const NOTIFICATIONS_PERSONAL_DATA = 'notifications';
