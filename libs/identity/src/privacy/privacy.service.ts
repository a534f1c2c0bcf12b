import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, OutboxService } from '#platform';
import { AuditService } from '../audit/audit.service.js';
import { AuthService, type ClientInfo } from '../auth/auth.service.js';
import type { Viewer } from '../viewer.js';
import { ORGANIZATION_PORT, type OrganizationPort } from '../organization.port.js';
import { erasureOrder, personalDataSources } from './personal-data.js';
import { PersonalDataRepository } from './personal-data.repository.js';
import { AccountRepository } from '../auth/account.repository.js';
import { MembershipRepository } from '../membership/membership.repository.js';
import type { Runs } from '../runs.js';

/** Whom the sources are asked about: the account id, and its address only once verified. */
interface Subject {
  userId: string;
  verifiedEmail: string | null;
}

/** A statement and its parameters: Postgres refuses parameters a statement does not use. */
function bind(sql: string, who: Subject): [string, unknown[]] {
  const usesId = /\$1\b/.test(sql);
  const usesEmail = /\$2\b/.test(sql);
  if (usesId && usesEmail) return [sql, [who.userId, who.verifiedEmail]];
  if (usesEmail) return [sql.replace(/\$2\b/g, '$1'), [who.verifiedEmail]];
  return [sql, [who.userId]];
}

/** The account as stored now (not as the access token saw it), locked for erasure when asked. */
async function subjectOf(
  accounts: AccountRepository,
  db: Runs,
  userId: string,
  lock = false,
): Promise<Subject> {
  const row = await accounts.emailOf(db, userId, lock);
  if (!row) throw new AppError('UNAUTHENTICATED', 'this account no longer exists');
  return { userId, verifiedEmail: row.emailVerifiedAt ? row.email : null };
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
    @Inject(ORGANIZATION_PORT) private readonly organizations: OrganizationPort,
    private readonly accounts: AccountRepository,
    private readonly memberships: MembershipRepository,
    private readonly personalData: PersonalDataRepository,
  ) {}

  /**
   * Every registered source's rows for the account. Records carrying its address (contact-person
   * entries, delegate registrations, invitations, mails) are included only once it is verified.
   * One snapshot: every source is read as of the same moment.
   */
  async export(viewer: Viewer): Promise<Record<string, unknown>> {
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const who = await subjectOf(this.accounts, m, viewer.userId);
      const out: Record<string, unknown> = {
        exportedAt: new Date().toISOString(),
        purpose:
          'Tashbik holds these data to run your account, your organisations’ profiles and the forum’s meetings (docs/PRIVACY.md).',
      };
      for (const s of personalDataSources()) {
        if (!s.exportSql) continue;
        const read = await this.personalData.rows<Record<string, unknown>>(m, ...bind(s.exportSql, who));
        const rows = s.completeExport ? await s.completeExport(m, read) : read;
        out[s.name] = s.single ? (rows[0] ?? null) : rows;
      }
      return out;
    });
  }

  /**
   * Deletes the account and the personal data tied to it (records carrying its address only once
   * the address is verified). Organisations the user was the only member of are archived (out of
   * search at once); an organisation with other members but no other owner blocks deletion until
   * ownership is handed over.
   */
  async deleteAccount(
    viewer: Viewer,
    password: string,
    client: ClientInfo,
  ): Promise<{ archivedOrganizationIds: string[] }> {
    if (!(await this.auth.checkPassword(viewer, password, client)))
      throw new AppError('INVALID_CREDENTIALS', 'the password is wrong');
    const archived = await this.db.transaction(async (m) => {
      const who = await subjectOf(this.accounts, m, viewer.userId, true);
      const owned = await this.memberships.lockOwnedWithCounts(m, viewer.userId);
      const blocking = owned.filter((o) => o.owners === 1 && o.members > 1).map((o) => o.organizationId);
      if (blocking.length)
        throw new AppError(
          'CONFLICT',
          'make another member owner of these organisations before deleting your account',
          { organizationIds: blocking },
        );
      const alone = owned.filter((o) => o.members === 1).map((o) => o.organizationId);
      // Audited before the account's entries lose their actor, like every other change it made.
      if (alone.length) await this.organizations.archiveWithin(m, viewer, alone, 'owner account deleted');
      // Texts copied into mails are read before anything is erased, then erased with their copies.
      const copied: { template: string; text: string; request_id?: string }[] = [];
      for (const s of personalDataSources())
        if (s.copiedTextsSql)
          copied.push(
            ...(await this.personalData.rows<(typeof copied)[number]>(m, ...bind(s.copiedTextsSql, who))),
          );
      for (const s of erasureOrder()) {
        if (s.eraseCopiesSql && copied.length)
          await this.personalData.erase(m, s.eraseCopiesSql, [JSON.stringify(copied)]);
        if (s.deleteSql) await this.personalData.erase(m, ...bind(s.deleteSql, who));
      }
      await this.accounts.delete(m, viewer.userId);
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
