import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, OutboxService, returning } from '#platform';
import { AuditService } from '../audit/audit.service.js';
import { AuthService, type ClientInfo } from '../auth/auth.service.js';
import type { Viewer } from '../viewer.js';

/**
 * Where personal data about a user lives. `exportSql` and `deleteSql` take the user id as $1 and
 * the email address as $2 (either may be left out); `deleteSql` runs before the account row is deleted.
 */
export interface PersonalDataSource {
  name: string;
  exportSql: string;
  deleteSql?: string;
}

const SOURCES: PersonalDataSource[] = [
  {
    name: 'memberships',
    exportSql: `SELECT m.organization_id, o.name AS organization_name, m.role, m.created_at
                FROM membership m JOIN organization o ON o.id = m.organization_id WHERE m.user_id = $1`,
  },
  {
    name: 'sessions',
    exportSql: `SELECT created_at, expires_at, used_at, revoked_at, user_agent FROM refresh_token
                WHERE user_id = $1 ORDER BY created_at`,
  },
  {
    name: 'invitations',
    exportSql: `SELECT organization_id, role, created_at, expires_at, accepted_at FROM organization_invitation WHERE email = $2`,
    deleteSql: `DELETE FROM organization_invitation WHERE email = $2`,
  },
  {
    name: 'contactPersonEntries',
    exportSql: `SELECT organization_id, name, role, email, phone FROM contact_person WHERE lower(email) = lower($2)
               `,
    deleteSql: `DELETE FROM contact_person WHERE lower(email) = lower($2)`,
  },
  {
    name: 'contactRequestsSent',
    exportSql: `SELECT from_organization_id, to_organization_id, message, status, created_at FROM contact_request
                WHERE requested_by = $1`,
  },
  {
    name: 'emails',
    exportSql: `SELECT template, subject, created_at FROM mail_outbox WHERE recipient = $2 ORDER BY id`,
    deleteSql: `DELETE FROM mail_outbox WHERE recipient = $2`,
  },
  {
    name: 'changesMade',
    exportSql: `SELECT at, action, entity_type, entity_id, fields FROM audit_log WHERE actor_id = $1
                ORDER BY id LIMIT 100000`,
    // The log keeps what happened; who did it is forgotten.
    deleteSql: `UPDATE audit_log SET actor_id = NULL, actor_label = 'deleted account' WHERE actor_id = $1`,
  },
  {
    name: 'accountHistory',
    exportSql: `SELECT at, action, fields, before, after FROM audit_log
                WHERE entity_type = 'user' AND entity_id = $1::text ORDER BY id LIMIT 100000`,
    // The entries about the account keep which fields changed, not their values (email, name).
    deleteSql: `UPDATE audit_log SET before = NULL, after = NULL
                WHERE entity_type = 'user' AND entity_id = $1::text AND (before IS NOT NULL OR after IS NOT NULL)`,
  },
  {
    name: 'invitationsReceived',
    exportSql: `SELECT at, entity_id AS organization_id, after->>'role' AS role FROM audit_log
                WHERE action = 'membership.invite' AND after->>'invited' = $2 ORDER BY id`,
    deleteSql: `UPDATE audit_log SET after = after - 'invited'
                WHERE action = 'membership.invite' AND after->>'invited' = $2`,
  },
];

/** A statement and its parameters: Postgres refuses parameters a statement does not use. */
function bind(sql: string, viewer: Viewer): [string, unknown[]] {
  const usesId = /\$1\b/.test(sql);
  const usesEmail = /\$2\b/.test(sql);
  if (usesId && usesEmail) return [sql, [viewer.userId, viewer.email]];
  if (usesEmail) return [sql.replace(/\$2\b/g, '$1'), [viewer.email]];
  return [sql, [viewer.userId]];
}

/** Lets another module declare personal data it holds, for export and deletion. */
export function registerPersonalDataSource(source: PersonalDataSource): void {
  if (!SOURCES.some((s) => s.name === source.name)) SOURCES.push(source);
}

/**
 * A person's rights over their data (Algeria's law 18-07 and the GDPR): a copy of everything held
 * about them, and erasure of their account. See docs/PRIVACY.md.
 */
@Injectable()
export class PrivacyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly outbox: OutboxService,
  ) {}

  async export(viewer: Viewer): Promise<Record<string, unknown>> {
    const [account] = await this.db.query<Record<string, unknown>[]>(
      `SELECT id, email, display_name, locale, roles, email_verified_at, consent_version, consented_at, created_at, updated_at
       FROM user_account WHERE id = $1`,
      [viewer.userId],
    );
    const out: Record<string, unknown> = {
      exportedAt: new Date().toISOString(),
      purpose:
        'Tashbik holds these data to run your account, your organisations’ profiles and the forum’s meetings (docs/PRIVACY.md).',
      account,
    };
    for (const s of SOURCES) out[s.name] = await this.db.query(...bind(s.exportSql, viewer));
    return out;
  }

  /**
   * Deletes the account and the personal data tied to it. Organisations the user was the only
   * member of are archived (out of search at once); an organisation with other members but no
   * other owner blocks deletion until ownership is handed over.
   */
  async deleteAccount(
    viewer: Viewer,
    password: string,
    client: ClientInfo,
  ): Promise<{ archivedOrganizationIds: string[] }> {
    if (!(await this.auth.checkPassword(viewer, password, client)))
      throw new AppError('INVALID_CREDENTIALS', 'the password is wrong');
    const archived = await this.db.transaction(async (m) => {
      const owned = await m.query<{ organization_id: string; members: number; owners: number }[]>(
        `SELECT m.organization_id,
                (SELECT count(*)::int FROM membership x WHERE x.organization_id = m.organization_id) AS members,
                (SELECT count(*)::int FROM membership x WHERE x.organization_id = m.organization_id AND x.role = 'OWNER') AS owners
         FROM membership m WHERE m.user_id = $1 AND m.role = 'OWNER' FOR UPDATE`,
        [viewer.userId],
      );
      const blocking = owned.filter((o) => o.owners === 1 && o.members > 1).map((o) => o.organization_id);
      if (blocking.length)
        throw new AppError(
          'CONFLICT',
          'make another member owner of these organisations before deleting your account',
          { organizationIds: blocking },
        );
      const alone = owned.filter((o) => o.members === 1).map((o) => o.organization_id);
      if (alone.length) {
        const changed = await returning<{ id: string; before: string }>(
          m,
          `UPDATE organization o SET status = 'ARCHIVED', archived_at = now(), version = o.version + 1, updated_at = now()
           FROM (SELECT id, status FROM organization WHERE id = ANY($1::uuid[]) FOR UPDATE) old
           WHERE o.id = old.id AND old.status <> 'ARCHIVED' RETURNING o.id, old.status AS before`,
          [alone],
        );
        await this.outbox.record(
          m,
          alone.map((id) => ({ entityType: 'organization' as const, entityId: id })),
        );
        // Recorded before the account's entries lose their actor, like every other change it made.
        for (const { id, before } of changed)
          await this.audit.record(m, {
            actor: viewer,
            action: 'organization.archive',
            entityType: 'organization',
            entityId: id,
            before: { status: before },
            after: { status: 'ARCHIVED', reason: 'owner account deleted' },
          });
      }
      for (const s of SOURCES) if (s.deleteSql) await m.query(...bind(s.deleteSql, viewer));
      await m.query(`DELETE FROM user_account WHERE id = $1`, [viewer.userId]);
      await this.audit.record(m, {
        actor: null,
        action: 'user.delete',
        entityType: 'user',
        entityId: viewer.userId,
        after: { archivedOrganizations: alone.length },
      });
      return alone;
    });
    if (archived.length) await this.outbox.wake();
    return { archivedOrganizationIds: archived };
  }
}
