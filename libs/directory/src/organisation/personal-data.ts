import { registerAuditedContacts, registerKeptColumns, registerPersonalDataSource } from '#identity';

/*
 * Personal data the directory holds: organisations' contact persons (matched by the account's
 * verified address, $2) and who created or reviewed an organisation ($1). See docs/PRIVACY.md.
 */

registerPersonalDataSource({
  name: 'contactPersonEntries',
  covers: ['contact_person.name', 'contact_person.email', 'contact_person.phone'],
  exportSql: `SELECT organization_id, name, role, email, phone FROM contact_person
               WHERE lower(email) = lower($2) ORDER BY organization_id, position`,
  deleteSql: `DELETE FROM contact_person WHERE lower(email) = lower($2)`,
});

// Earlier versions of the entries, in the audit log's before/after values of organisation changes.
registerAuditedContacts({ name: 'contactPersonHistory', entityType: 'organization', field: 'contacts' });

registerPersonalDataSource({
  name: 'organisationsCreatedOrReviewed',
  covers: ['organization.created_by', 'organization.reviewed_by'],
  exportSql: `SELECT id AS organization_id, name, created_at, reviewed_at,
                     created_by = $1 AS created, reviewed_by = $1 AS reviewed
                FROM organization WHERE created_by = $1 OR reviewed_by = $1 ORDER BY created_at`,
});

registerPersonalDataSource({
  name: 'organisationChangesRequestedOrReviewed',
  covers: ['organization_change.requested_by', 'organization_change.reviewed_by'],
  exportSql: `SELECT organization_id, status, fields, requested_at, reviewed_at,
                     requested_by = $1 AS requested, reviewed_by = $1 AS reviewed
                FROM organization_change WHERE requested_by = $1 OR reviewed_by = $1 ORDER BY requested_at`,
});

registerKeptColumns({
  'organization.name': "an organisation's name: public directory data about an organisation, not a person",
  'organization.review_note':
    "an organiser's note on an organisation's application, about the organisation; its author (reviewed_by) is covered",
  'organization_change.review_note':
    "an organiser's note on a change to an organisation's identity, about the organisation; its author is covered",
});
