/**
 * Where personal data about a user lives, for the export (`exportMyData`) and the erasure
 * (`deleteMyAccount`). `exportSql` and `deleteSql` take the account id as $1 and its email address
 * as $2 (either may be left out). $2 is the address only once the account has verified it, and NULL
 * before: a record is matched to a person by address only when that person has proved they own the
 * mailbox, so an account registered with someone else's address reaches nothing but its own rows.
 * `deleteSql` runs, in order, before the account row is deleted (whose foreign keys then cascade or
 * set NULL).
 */
export interface PersonalDataSource {
  name: string;
  /**
   * The `table.column`s holding personal data that this source exports and erases or anonymises
   * (a link to the account cut by its foreign key counts). The schema test
   * (test/e2e/privacy-data.e2e.spec.ts) fails on a personal-looking column no source covers and
   * the keep-list does not name.
   */
  covers: string[];
  exportSql: string;
  deleteSql?: string;
  /**
   * Texts the person wrote that notices copied into mails, as rows `(template, text, request_id)`
   * (`request_id`, when given, is the `requestId` the mail's params carry; without it, a mail of the
   * template carrying the text is a copy): read before any erasure runs, and handed to the sources
   * with `eraseCopiesSql` (the mail outbox's owner).
   */
  copiedTextsSql?: string;
  /**
   * Erases the copies of the texts every `copiedTextsSql` found: takes them as $1, a JSON array of
   * `{ template, text, request_id? }`; runs only when there are some.
   */
  eraseCopiesSql?: string;
  /** One row, exported as an object rather than a list. */
  single?: boolean;
  /**
   * Erased after every other source: for a statement that forgets who did what (the audit log's
   * authors), which other sources' statements may read first.
   */
  eraseLast?: boolean;
}

const SOURCES: PersonalDataSource[] = [];
const KEPT = new Map<string, string>();

/** Lets a module declare personal data it holds, for export and erasure. */
export function registerPersonalDataSource(source: PersonalDataSource): void {
  if (!SOURCES.some((s) => s.name === source.name)) SOURCES.push(source);
}

/**
 * Lets a module declare columns whose names look personal but which are kept on erasure, each with
 * the reason (e.g. an organisation's name: about an organisation, not a person).
 */
export function registerKeptColumns(columns: Record<string, string>): void {
  for (const [column, reason] of Object.entries(columns)) KEPT.set(column, reason);
}

/** A name another library gives to a field of its audited values: plain lower-case words only. */
const FIELD = /^[a-z_]+$/;

/**
 * Lets a module declare that its audit entries about `entityType` carry, under `field` of their
 * before/after values, a list of entries naming people by address (`email`), such as the contact
 * persons of an organisation. Identity owns the audit log: it exports those entries that carry the
 * account's verified address ($2), and on erasure replaces each such list entry by
 * `{"erased": true}`, keeping the rest of the audit entry.
 */
export function registerAuditedContacts(spec: { name: string; entityType: string; field: string }): void {
  const { name, entityType, field } = spec;
  if (!FIELD.test(entityType) || !FIELD.test(field))
    throw new Error(`audited contacts need plain names, not ${entityType}.${field}`);
  /** The list entries of one side of an audit entry. */
  const entries = (side: 'before' | 'after') =>
    `jsonb_array_elements(CASE WHEN jsonb_typeof(a.${side}->'${field}') = 'array'
                               THEN a.${side}->'${field}' ELSE '[]'::jsonb END)`;
  /** The same side with the entries carrying the address replaced by a marker. */
  const erased = (side: 'before' | 'after') =>
    `CASE WHEN jsonb_typeof(a.${side}->'${field}') = 'array' THEN jsonb_set(a.${side}, '{${field}}',
       (SELECT coalesce(jsonb_agg(CASE WHEN lower(c->>'email') = lower($2) THEN '{"erased": true}'::jsonb ELSE c END
                                  ORDER BY n), '[]'::jsonb)
          FROM jsonb_array_elements(a.${side}->'${field}') WITH ORDINALITY AS e(c, n)))
     ELSE a.${side} END`;
  const carriesAddress = `(EXISTS (SELECT 1 FROM ${entries('before')} c WHERE lower(c->>'email') = lower($2))
                        OR EXISTS (SELECT 1 FROM ${entries('after')} c WHERE lower(c->>'email') = lower($2)))`;
  registerPersonalDataSource({
    name,
    covers: [],
    exportSql: `SELECT a.at, a.action, a.entity_id AS ${entityType}_id,
                       (SELECT jsonb_agg(c) FROM ${entries('before')} c WHERE lower(c->>'email') = lower($2)) AS before,
                       (SELECT jsonb_agg(c) FROM ${entries('after')} c WHERE lower(c->>'email') = lower($2)) AS after
                  FROM audit_log a
                 WHERE a.entity_type = '${entityType}' AND $2::text IS NOT NULL AND ${carriesAddress}
                 ORDER BY a.id`,
    deleteSql: `UPDATE audit_log a SET before = ${erased('before')}, after = ${erased('after')}
                 WHERE a.entity_type = '${entityType}' AND $2::text IS NOT NULL AND ${carriesAddress}`,
  });
}

export const personalDataSources = (): readonly PersonalDataSource[] => SOURCES;

/** The sources in the order their erasure runs: as registered, those marked `eraseLast` at the end. */
export const erasureOrder = (): PersonalDataSource[] => [
  ...SOURCES.filter((s) => !s.eraseLast),
  ...SOURCES.filter((s) => s.eraseLast),
];
export const keptColumns = (): ReadonlyMap<string, string> => KEPT;

const PERSONAL_WORDS = new Set([
  'email',
  'phone',
  'name',
  'message',
  'note',
  'comment',
  'ip',
  'recipient',
  'actor',
]);

/** Whether a column's name suggests it holds personal data (names, addresses, texts, links to a user). */
export function looksPersonal(column: string): boolean {
  const c = column.toLowerCase();
  if (c.endsWith('_by') || c === 'user_id' || c.includes('user_agent')) return true;
  return c.split('_').some((w) => PERSONAL_WORDS.has(w));
}

/**
 * The personal-looking columns of a schema that no source covers and the keep-list does not name,
 * and the declarations naming columns the schema does not have.
 */
export function personalDataGaps(columns: { table: string; column: string }[]): {
  uncovered: string[];
  unknown: string[];
} {
  const covered = new Set([...SOURCES.flatMap((s) => s.covers), ...KEPT.keys()]);
  const all = new Set(columns.map((c) => `${c.table}.${c.column}`));
  return {
    uncovered: [...all].filter((c) => looksPersonal(c.split('.')[1]) && !covered.has(c)).sort(),
    unknown: [...covered].filter((c) => !all.has(c)).sort(),
  };
}

/*
 * The account's own data, held by identity. Links to the account (`*_by`, `user_id`) not deleted
 * here are cut when the account row goes: every foreign key to `user_account` cascades or sets NULL.
 */

registerPersonalDataSource({
  name: 'account',
  single: true,
  covers: ['user_account.email', 'user_account.email_verified_at', 'user_account.display_name'],
  exportSql: `SELECT id, email, display_name, locale, roles, email_verified_at, consent_version, consented_at,
                     created_at, updated_at
                FROM user_account WHERE id = $1`,
});
registerPersonalDataSource({
  name: 'memberships',
  covers: ['membership.user_id'],
  exportSql: `SELECT m.organization_id, o.name AS organization_name, m.role, m.created_at
                FROM membership m JOIN organization o ON o.id = m.organization_id WHERE m.user_id = $1`,
});
registerPersonalDataSource({
  name: 'sessions',
  covers: ['refresh_token.user_id', 'refresh_token.user_agent'],
  exportSql: `SELECT created_at, expires_at, used_at, revoked_at, user_agent FROM refresh_token
               WHERE user_id = $1 ORDER BY created_at`,
});
registerPersonalDataSource({
  name: 'verificationCodes',
  covers: ['email_token.user_id'],
  exportSql: `SELECT purpose, created_at, expires_at, used_at FROM email_token WHERE user_id = $1 ORDER BY created_at`,
});
registerPersonalDataSource({
  name: 'invitations',
  covers: ['organization_invitation.email'],
  exportSql: `SELECT organization_id, role, created_at, expires_at, accepted_at FROM organization_invitation
               WHERE email = $2 ORDER BY created_at`,
  deleteSql: `DELETE FROM organization_invitation WHERE email = $2`,
});
registerPersonalDataSource({
  name: 'invitationsSent',
  covers: ['organization_invitation.invited_by'],
  exportSql: `SELECT organization_id, role, created_at, expires_at, accepted_at FROM organization_invitation
               WHERE invited_by = $1 ORDER BY created_at`,
});
registerPersonalDataSource({
  name: 'changesMade',
  covers: ['audit_log.actor_id', 'audit_log.actor_label'],
  exportSql: `SELECT at, action, entity_type, entity_id, fields FROM audit_log WHERE actor_id = $1
               ORDER BY id LIMIT 100000`,
  // The log keeps what happened; who did it is forgotten.
  deleteSql: `UPDATE audit_log SET actor_id = NULL, actor_label = 'deleted account' WHERE actor_id = $1`,
  eraseLast: true,
});
registerPersonalDataSource({
  name: 'accountHistory',
  covers: [],
  exportSql: `SELECT at, action, fields, before, after FROM audit_log
               WHERE entity_type = 'user' AND entity_id = $1::text ORDER BY id LIMIT 100000`,
  // The entries about the account keep which fields changed, not their values (email, name).
  deleteSql: `UPDATE audit_log SET before = NULL, after = NULL
               WHERE entity_type = 'user' AND entity_id = $1::text AND (before IS NOT NULL OR after IS NOT NULL)`,
});
registerPersonalDataSource({
  name: 'invitationsReceived',
  covers: [],
  exportSql: `SELECT at, entity_id AS organization_id, after->>'role' AS role FROM audit_log
               WHERE action = 'membership.invite' AND lower(after->>'invited') = lower($2) ORDER BY id`,
  deleteSql: `UPDATE audit_log SET after = after - 'invited'
               WHERE action = 'membership.invite' AND lower(after->>'invited') = lower($2)`,
});

registerPersonalDataSource({
  name: 'membershipHistory',
  covers: [],
  exportSql: `SELECT at, action, entity_id AS organization_id, coalesce(after->>'role', before->>'role') AS role
                FROM audit_log
               WHERE entity_type = 'organization' AND (before->>'member' = $1::text OR after->>'member' = $1::text)
               ORDER BY id`,
  // The organisation's log keeps that a member joined, left or changed role, not who.
  deleteSql: `UPDATE audit_log SET before = before - 'member', after = after - 'member'
               WHERE entity_type = 'organization' AND (before->>'member' = $1::text OR after->>'member' = $1::text)`,
});

registerKeptColumns({
  'migrations.name': 'the name of a schema migration',
});
