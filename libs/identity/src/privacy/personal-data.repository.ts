import { Injectable } from '@nestjs/common';
import type { Runs } from '../runs.js';
import { organizationReads } from '../organization.port.js';
import type { PersonalDataSource } from './personal-data.js';

/**
 * Runs the personal-data statements libraries register (`registerPersonalDataSource`), each on its
 * own tables, with the parameters the statement uses.
 */
@Injectable()
export class PersonalDataRepository {
  /** The rows of an export or copied-texts statement. */
  rows<T = unknown>(db: Runs, sql: string, params: unknown[]): Promise<T[]> {
    return db.query<T[]>(sql, params);
  }

  /** Runs an erasure statement. */
  async erase(db: Runs, sql: string, params: unknown[]): Promise<void> {
    await db.query(sql, params);
  }
}

/*
 * The SQL of identity's personal data, for the export (`exportMyData`) and the erasure
 * (`deleteMyAccount`): the sources identity declares for its own tables, and the statements over
 * the audit log that `registerAuditedContacts` builds for other libraries' audited contact lists.
 */

/** A name another library gives to a field of its audited values: plain lower-case words only. */
const FIELD = /^[a-z_]+$/;

/**
 * The export and erasure of the audit entries about `entityType` that carry, under `field` of their
 * before/after values, a list of entries naming the person by their verified address ($2).
 */
export function auditedContactsSql(
  entityType: string,
  field: string,
): { exportSql: string; deleteSql: string } {
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
  return {
    exportSql: `SELECT a.at, a.action, a.entity_id AS ${entityType}_id,
                       (SELECT jsonb_agg(c) FROM ${entries('before')} c WHERE lower(c->>'email') = lower($2)) AS before,
                       (SELECT jsonb_agg(c) FROM ${entries('after')} c WHERE lower(c->>'email') = lower($2)) AS after
                  FROM audit_log a
                 WHERE a.entity_type = '${entityType}' AND $2::text IS NOT NULL AND ${carriesAddress}
                 ORDER BY a.id`,
    deleteSql: `UPDATE audit_log a SET before = ${erased('before')}, after = ${erased('after')}
                 WHERE a.entity_type = '${entityType}' AND $2::text IS NOT NULL AND ${carriesAddress}`,
  };
}

/**
 * The erasure of the values of the audit entries about `entityType` records whose ids `idsSql`
 * selects (taking $1 and $2 as the sources do): the entries keep which fields changed.
 */
export function auditedRecordsEraseSql(entityType: string, idsSql: string): string {
  if (!FIELD.test(entityType)) throw new Error(`audited records need a plain entity type, not ${entityType}`);
  return `UPDATE audit_log SET before = NULL, after = NULL
           WHERE entity_type = '${entityType}' AND entity_id IN (SELECT id::text FROM (${idsSql}) r)
             AND (before IS NOT NULL OR after IS NOT NULL)`;
}

/*
 * The account's own data, held by identity. Links to the account (`*_by`, `user_id`) not deleted
 * here are cut when the account row goes: every foreign key to `user_account` cascades or sets NULL.
 * Registered in this order, before any other library's.
 */
export const IDENTITY_PERSONAL_DATA: PersonalDataSource[] = [
  {
    name: 'account',
    single: true,
    covers: ['user_account.email', 'user_account.email_verified_at', 'user_account.display_name'],
    exportSql: `SELECT id, email, display_name, locale, roles, email_verified_at, consent_version, consented_at,
                       created_at, updated_at
                  FROM user_account WHERE id = $1`,
  },
  {
    name: 'memberships',
    covers: ['membership.user_id'],
    exportSql: `SELECT m.organization_id, m.role, m.created_at FROM membership m WHERE m.user_id = $1`,
    // The organisation's name comes from the directory, which owns organisations.
    completeExport: async (db, rows) => {
      const names = await organizationReads().organizations(
        db,
        rows.map((r) => String(r.organization_id)),
      );
      return rows.map(({ organization_id, ...rest }) => ({
        organization_id,
        organization_name: names.get(String(organization_id))?.name ?? null,
        ...rest,
      }));
    },
  },
  {
    name: 'sessions',
    covers: ['refresh_token.user_id', 'refresh_token.user_agent'],
    exportSql: `SELECT created_at, expires_at, used_at, revoked_at, user_agent FROM refresh_token
                 WHERE user_id = $1 ORDER BY created_at`,
  },
  {
    name: 'verificationCodes',
    covers: ['email_token.user_id'],
    exportSql: `SELECT purpose, created_at, expires_at, used_at FROM email_token WHERE user_id = $1 ORDER BY created_at`,
  },
  {
    name: 'invitations',
    covers: ['organization_invitation.email'],
    exportSql: `SELECT organization_id, role, created_at, expires_at, accepted_at FROM organization_invitation
                 WHERE email = $2 ORDER BY created_at`,
    deleteSql: `DELETE FROM organization_invitation WHERE email = $2`,
  },
  {
    name: 'invitationsSent',
    covers: ['organization_invitation.invited_by'],
    exportSql: `SELECT organization_id, role, created_at, expires_at, accepted_at FROM organization_invitation
                 WHERE invited_by = $1 ORDER BY created_at`,
  },
  {
    name: 'changesMade',
    covers: ['audit_log.actor_id', 'audit_log.actor_label'],
    exportSql: `SELECT at, action, entity_type, entity_id, fields FROM audit_log WHERE actor_id = $1
                 ORDER BY id LIMIT 100000`,
    // The log keeps what happened; who did it is forgotten.
    deleteSql: `UPDATE audit_log SET actor_id = NULL, actor_label = 'deleted account' WHERE actor_id = $1`,
    eraseLast: true,
  },
  {
    name: 'accountHistory',
    covers: [],
    exportSql: `SELECT at, action, fields, before, after FROM audit_log
                 WHERE entity_type = 'user' AND entity_id = $1::text ORDER BY id LIMIT 100000`,
    // The entries about the account keep which fields changed, not their values (email, name).
    deleteSql: `UPDATE audit_log SET before = NULL, after = NULL
                 WHERE entity_type = 'user' AND entity_id = $1::text AND (before IS NOT NULL OR after IS NOT NULL)`,
  },
  {
    name: 'invitationsReceived',
    covers: [],
    exportSql: `SELECT at, entity_id AS organization_id, after->>'role' AS role FROM audit_log
                 WHERE action = 'membership.invite' AND lower(after->>'invited') = lower($2) ORDER BY id`,
    deleteSql: `UPDATE audit_log SET after = after - 'invited'
                 WHERE action = 'membership.invite' AND lower(after->>'invited') = lower($2)`,
  },
  {
    name: 'membershipHistory',
    covers: [],
    exportSql: `SELECT at, action, entity_id AS organization_id, coalesce(after->>'role', before->>'role') AS role
                  FROM audit_log
                 WHERE entity_type = 'organization' AND (before->>'member' = $1::text OR after->>'member' = $1::text)
                 ORDER BY id`,
    // The organisation's log keeps that a member joined, left or changed role, not who.
    deleteSql: `UPDATE audit_log SET before = before - 'member', after = after - 'member'
                 WHERE entity_type = 'organization' AND (before->>'member' = $1::text OR after->>'member' = $1::text)`,
  },
];
