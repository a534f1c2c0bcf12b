import { registerAuditedContacts, registerKeptColumns, registerPersonalDataSource } from '#identity';
import {
  CONTACT_PERSON_PERSONAL_SQL,
  ORGANIZATION_AUTHOR_SQL,
  ORGANIZATION_CHANGE_AUTHOR_SQL,
} from './personal-data.repository.js';

/*
 * Personal data the directory holds: organisations' contact persons (matched by the account's
 * verified address, $2) and who created or reviewed an organisation ($1). See docs/PRIVACY.md.
 */

registerPersonalDataSource({
  name: 'contactPersonEntries',
  covers: ['contact_person.name', 'contact_person.email', 'contact_person.phone'],
  ...CONTACT_PERSON_PERSONAL_SQL,
});

// Earlier versions of the entries, in the audit log's before/after values of organisation changes.
registerAuditedContacts({ name: 'contactPersonHistory', entityType: 'organization', field: 'contacts' });

registerPersonalDataSource({
  name: 'organisationsCreatedOrReviewed',
  covers: ['organization.created_by', 'organization.reviewed_by'],
  ...ORGANIZATION_AUTHOR_SQL,
});

registerPersonalDataSource({
  name: 'organisationChangesRequestedOrReviewed',
  covers: ['organization_change.requested_by', 'organization_change.reviewed_by'],
  ...ORGANIZATION_CHANGE_AUTHOR_SQL,
});

registerKeptColumns({
  'organization.name': "an organisation's name: public directory data about an organisation, not a person",
  'organization.review_note':
    "an organiser's note on an organisation's application, about the organisation; its author (reviewed_by) is covered",
  'organization_change.review_note':
    "an organiser's note on a change to an organisation's identity, about the organisation; its author is covered",
});
