import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, badInput, notFound } from '#platform';
import { AuditService } from '../audit/audit.service.js';
import { PLATFORM_ROLES, type PlatformRole, type Viewer } from '../viewer.js';
import { AccountRepository } from '../auth/account.repository.js';

export interface RoleChange {
  userId: string;
  email: string;
  before: PlatformRole[];
  after: PlatformRole[];
}

/** An account as the staff list shows it. */
export interface StaffAccount {
  userId: string;
  email: string;
  displayName: string;
  roles: PlatformRole[];
}

/** Who changes roles: an admin through GraphQL, or an operator at the command line (no account). */
export type RoleActor = Viewer | null;

/** One lock for every change of roles, so two concurrent changes cannot remove the last two admins. */
const ROLES_LOCK = 0x7261_6c65; // 'role'

/**
 * Platform roles (ORGANISER, ADMIN): set by admins through GraphQL and by operators with
 * `grant-role` / `revoke-role`. Every change is audited; the last admin cannot be removed.
 */
@Injectable()
export class PlatformRolesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly accounts: AccountRepository = new AccountRepository(),
  ) {}

  /** Replaces a user's roles (by id or email). An unchanged set is answered as is, not audited. */
  setRoles(actor: RoleActor, who: { userId?: string; email?: string }, roles: string[]): Promise<RoleChange> {
    return this.change(actor, who, () => roles);
  }

  grant(actor: RoleActor, email: string, role: string): Promise<RoleChange> {
    return this.change(actor, { email }, (before) => [...before, role]);
  }

  revoke(actor: RoleActor, email: string, role: string): Promise<RoleChange> {
    this.check([role]);
    return this.change(actor, { email }, (before) => before.filter((r) => r !== role));
  }

  private check(roles: string[]): void {
    const unknown = roles.filter((r) => !(PLATFORM_ROLES as readonly string[]).includes(r));
    if (unknown.length)
      throw badInput([
        { path: 'roles', message: `unknown role(s): ${unknown.join(', ')}; use ORGANISER or ADMIN` },
      ]);
  }

  private change(
    actor: RoleActor,
    who: { userId?: string; email?: string },
    next: (before: PlatformRole[]) => string[],
  ): Promise<RoleChange> {
    const key = who.userId ?? who.email?.trim() ?? '';
    return this.db.transaction(async (m) => {
      await this.accounts.lockRoles(m, ROLES_LOCK);
      const user = await this.accounts.lockForRoles(m, who, key);
      if (!user) throw notFound('User', key);
      const before = PLATFORM_ROLES.filter((r) => user.roles.includes(r));
      const wanted = next(before);
      this.check(wanted);
      const after = PLATFORM_ROLES.filter((r) => wanted.includes(r));
      if (before.join() === after.join()) return { userId: user.id, email: user.email, before, after };
      if (before.includes('ADMIN') && !after.includes('ADMIN')) {
        if ((await this.accounts.otherAdminCount(m, user.id)) === 0)
          throw new AppError('CONFLICT', `${user.email} is the last admin; make another admin first`, {
            reason: 'LAST_ADMIN',
          });
      }
      await this.accounts.setRoles(m, user.id, after);
      await this.audit.record(m, {
        actor,
        action: 'user.roles',
        entityType: 'user',
        entityId: user.id,
        before: { roles: before },
        after: { roles: after },
      });
      return { userId: user.id, email: user.email, before, after };
    });
  }

  /** Every account holding a platform role, by email. */
  async staff(): Promise<StaffAccount[]> {
    return this.accounts.staff(this.db);
  }

  /** The account with this email (any case), or null: how an admin finds someone to appoint. */
  async findByEmail(email: string): Promise<StaffAccount | null> {
    return this.accounts.withRolesByEmail(this.db, email.trim());
  }

  /** How many accounts hold ADMIN. */
  async adminCount(): Promise<number> {
    return this.accounts.adminCount(this.db);
  }
}
