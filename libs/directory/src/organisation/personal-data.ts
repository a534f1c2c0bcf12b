import { registerKeptColumns, registerPersonalDataSource } from '#identity';

/*
 * Personal data the directory holds: organisations' contact persons (matched by the account's
 * verified address, $2) and who created or reviewed an organisation ($1). See docs/PRIVACY.md.
 */

/** The contact entries of one side (`before` or `after`) of an audit entry that carry the address. */
const auditContacts = (side: 'before' | 'after') =>
  `jsonb_array_elements(CASE WHEN jsonb_typeof(a.${side}->'contacts') = 'array'
                             THEN a.${side}->'contacts' ELSE '[]'::jsonb END)`;

/** The same side with the entries carrying the address replaced by a marker. */
const erased = (side: 'before' | 'after') =>
  `CASE WHEN jsonb_typeof(a.${side}->'contacts') = 'array' THEN jsonb_set(a.${side}, '{contacts}',
     (SELECT coalesce(jsonb_agg(CASE WHEN lower(c->>'email') = lower($2) THEN '{"erased": true}'::jsonb ELSE c END
                                ORDER BY n), '[]'::jsonb)
        FROM jsonb_array_elements(a.${side}->'contacts') WITH ORDINALITY AS e(c, n)))
   ELSE a.${side} END`;

const carriesAddress = `(EXISTS (SELECT 1 FROM ${auditContacts('before')} c WHERE lower(c->>'email') = lower($2))
                      OR EXISTS (SELECT 1 FROM ${auditContacts('after')} c WHERE lower(c->>'email') = lower($2)))`;

registerPersonalDataSource({
  name: 'contactPersonEntries',
  covers: ['contact_person.name', 'contact_person.email', 'contact_person.phone'],
  exportSql: `SELECT organization_id, name, role, email, phone FROM contact_person
               WHERE lower(email) = lower($2) ORDER BY organization_id, position`,
  deleteSql: `DELETE FROM contact_person WHERE lower(email) = lower($2)`,
});

// Earlier versions of the entries, in the audit log's before/after values of organisation changes.
registerPersonalDataSource({
  name: 'contactPersonHistory',
  covers: [],
  exportSql: `SELECT a.at, a.action, a.entity_id AS organization_id,
                     (SELECT jsonb_agg(c) FROM ${auditContacts('before')} c WHERE lower(c->>'email') = lower($2)) AS before,
                     (SELECT jsonb_agg(c) FROM ${auditContacts('after')} c WHERE lower(c->>'email') = lower($2)) AS after
                FROM audit_log a
               WHERE a.entity_type = 'organization' AND $2::text IS NOT NULL AND ${carriesAddress}
               ORDER BY a.id`,
  deleteSql: `UPDATE audit_log a SET before = ${erased('before')}, after = ${erased('after')}
               WHERE a.entity_type = 'organization' AND $2::text IS NOT NULL AND ${carriesAddress}`,
});

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
