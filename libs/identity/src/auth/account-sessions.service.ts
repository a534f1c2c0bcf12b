import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppError, badInput, isLang, type AppConfig } from '#platform';
import { hashToken } from './tokens.js';
import { AuditService } from '../audit/audit.service.js';
import type { Viewer } from '../viewer.js';
import { AccountRepository, type AccountProfile } from './account.repository.js';
import { MembershipRepository, type AccountMembershipRow } from '../membership/membership.repository.js';
import { RefreshTokenRepository } from './refresh-token.repository.js';

/** One signed-in device or browser: a family of refresh tokens, named by its family id. */
export interface AccountSession {
  id: string;
  startedAt: Date;
  lastActiveAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  current: boolean;
}

/** The signed-in user's own account, sessions and interface language. */
@Injectable()
export class AccountSessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly accounts: AccountRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly memberships: MembershipRepository,
  ) {}

  /** The account as stored now with its memberships (oldest first), or null when it no longer exists. */
  async profile(userId: string): Promise<(AccountProfile & { memberships: AccountMembershipRow[] }) | null> {
    const account = await this.accounts.profile(this.db, userId);
    if (!account) return null;
    return { ...account, memberships: await this.memberships.ofAccount(this.db, userId) };
  }

  /**
   * The sessions that can still be refreshed, most recently active first. `currentToken` is the
   * refresh token the request carries (the web's session cookie), which marks its own session.
   */
  async list(userId: string, currentToken: string | null): Promise<AccountSession[]> {
    const rows = await this.refreshTokens.liveSessions(this.db, userId, this.config.auth.sessionMaxAgeDays);
    const current = currentToken ? hashToken(currentToken) : null;
    return rows
      .map((r) => ({
        id: r.familyId,
        startedAt: r.sessionStartedAt,
        lastActiveAt: r.createdAt,
        expiresAt: r.expiresAt,
        userAgent: r.userAgent,
        current: r.tokenHash === current,
      }))
      .sort((a, b) => b.lastActiveAt.getTime() - a.lastActiveAt.getTime());
  }

  /**
   * Ends one of the user's sessions: its refresh tokens stop working at once, its access token at
   * its expiry (at most ACCESS_TOKEN_TTL_S). Another user's session is NOT_FOUND, like a missing one.
   */
  async end(viewer: Viewer, sessionId: string): Promise<void> {
    const userId = viewer.userId;
    if (!/^[0-9a-f-]{36}$/i.test(String(sessionId)))
      throw new AppError('NOT_FOUND', 'no such session', { reason: 'SESSION_NOT_FOUND' });
    await this.db.transaction(async (m) => {
      if (!(await this.refreshTokens.revokeLiveSession(m, userId, sessionId)))
        throw new AppError('NOT_FOUND', 'no such session', { reason: 'SESSION_NOT_FOUND' });
      await this.audit.record(m, {
        actor: viewer,
        action: 'session.end',
        entityType: 'user',
        entityId: userId,
        after: { sessionId },
      });
    });
  }

  /** The language of the user's interface and of the mail sent to them. */
  async setLocale(userId: string, locale: string): Promise<void> {
    if (!isLang(locale)) throw badInput([{ path: 'locale', message: 'ar, fr or en' }]);
    await this.accounts.setLocale(this.db, userId, locale);
  }
}
