/*
 * The SQL the directory declares to identity for the export and erasure of an account's personal
 * data (docs/PRIVACY.md): $1 is the account id, $2 its verified address. The declarations
 * themselves are in personal-data.ts.
 */

/** The contact person entries with the account's address. */
export const CONTACT_PERSON_PERSONAL_SQL = {
  exportSql: `SELECT organization_id, name, role, email, phone FROM contact_person
               WHERE lower(email) = lower($2) ORDER BY organization_id, position`,
  deleteSql: `DELETE FROM contact_person WHERE lower(email) = lower($2)`,
};

/** The organisations the account created or reviewed. */
export const ORGANIZATION_AUTHOR_SQL = {
  exportSql: `SELECT id AS organization_id, name, created_at, reviewed_at,
                     created_by = $1 AS created, reviewed_by = $1 AS reviewed
                FROM organization WHERE created_by = $1 OR reviewed_by = $1 ORDER BY created_at`,
};

/** The identity changes the account requested or reviewed. */
export const ORGANIZATION_CHANGE_AUTHOR_SQL = {
  exportSql: `SELECT organization_id, status, fields, requested_at, reviewed_at,
                     requested_by = $1 AS requested, reviewed_by = $1 AS reviewed
                FROM organization_change WHERE requested_by = $1 OR reviewed_by = $1 ORDER BY requested_at`,
};
