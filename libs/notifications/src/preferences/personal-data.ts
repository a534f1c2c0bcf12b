import { registerPersonalDataSource } from '#identity';
import {
  NOTIFICATION_DIGEST_ITEM_PERSONAL_SQL,
  NOTIFICATION_DIGEST_PERSONAL_SQL,
  NOTIFICATION_PREFERENCE_PERSONAL_SQL,
} from '../personal-data.repository.js';

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
  ...NOTIFICATION_PREFERENCE_PERSONAL_SQL,
});
registerPersonalDataSource({
  name: 'notificationDigests',
  covers: ['notification_digest.user_id', 'notification_digest.sent_at'],
  ...NOTIFICATION_DIGEST_PERSONAL_SQL,
});
registerPersonalDataSource({
  name: 'notificationDigestItems',
  covers: [
    'notification_digest_item.user_id',
    'notification_digest_item.item',
    'notification_digest_item.sent_at',
  ],
  ...NOTIFICATION_DIGEST_ITEM_PERSONAL_SQL,
});
