import { registerAuditedRecords, registerKeptColumns, registerPersonalDataSource } from '#identity';
import {
  FORUM_MEETING_OUTCOMES_DATA,
  FORUM_MEETING_REQUESTS_DATA,
  FORUM_ORGANISER_ACTIONS_DATA,
  FORUM_REGISTRATIONS_DATA,
  MY_REGISTRATIONS_SQL,
} from './personal-data.repository.js';

/*
 * Personal data the forum holds, declared to identity for the export and the erasure of an account
 * (docs/PRIVACY.md); the statements are in personal-data.repository.ts.
 */

/** The person's delegate registrations: linked to their account, or made with their verified address. */
export const FORUM_PERSONAL_DATA = FORUM_REGISTRATIONS_DATA;

/*
 * The audit entries about the person's registrations keep which fields changed, not their values
 * (identity owns the log). Declared first, so it runs while the registrations still name the person.
 */
registerAuditedRecords({
  name: 'forumRegistrationHistory',
  entityType: 'forum_delegate',
  idsSql: MY_REGISTRATIONS_SQL,
});
registerPersonalDataSource(FORUM_REGISTRATIONS_DATA);
registerPersonalDataSource(FORUM_MEETING_REQUESTS_DATA);
registerPersonalDataSource(FORUM_MEETING_OUTCOMES_DATA);
registerPersonalDataSource(FORUM_ORGANISER_ACTIONS_DATA);

registerKeptColumns({
  'forum_edition.name': "an edition's title, not a person",
  'forum_group.name': "the title of an edition's group of participants, not a person",
});
