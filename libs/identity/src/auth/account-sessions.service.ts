import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppError, badInput, returning, type AppConfig } from '#platform';
import { hashToken } from './tokens.js';
import { AuditService } from '../audit/audit.service.js';
import type { Locale } from '../mail/mail.port.js';
import type { Viewer } from '../viewer.js';

/** One signed-in device or browser: a family of refresh tokens, named by its family id. */
export interface AccountSession {
  id: string;
  startedAt: Date;
  lastActiveAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  current: boolean;
}

const LOCALES: readonly Locale[] = ['ar', 'fr', 'en'];

/** The signed-in user's own sessions and interface language. */
@Injectable()
export class AccountSessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /**
   * The sessions that can still be refreshed, most recently active first. `currentToken` is the
   * refresh token the request carries (the web's session cookie), which marks its own session.
   */
  async list(userId: string, currentToken: string | null): Promise<AccountSession[]> {
    const rows = await this.db.query<
      {
        family_id: string;
        session_started_at: Date;
        created_at: Date;
        expires_at: Date;
        user_agent: string | null;
        token_hash: string;
      }[]
    >(
      `SELECT DISTINCT ON (family_id) family_id, session_started_at, created_at, expires_at, user_agent, token_hash
       FROM refresh_token
       WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
         AND session_started_at > now() - make_interval(days => $2)
       ORDER BY family_id, created_at DESC`,
      [userId, this.config.auth.sessionMaxAgeDays],
    );
    const current = currentToken ? hashToken(currentToken) : null;
    return rows
      .map((r) => ({
        id: r.family_id,
        startedAt: r.session_started_at,
        lastActiveAt: r.created_at,
        expiresAt: r.expires_at,
        userAgent: r.user_agent,
        current: r.token_hash === current,
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
      const ended = await returning<{ id: string }>(
        m,
        `UPDATE refresh_token SET revoked_at = now()
         WHERE user_id = $1 AND family_id = $2 AND revoked_at IS NULL AND used_at IS NULL AND expires_at > now()
         RETURNING id`,
        [userId, sessionId],
      );
      if (!ended.length) throw new AppError('NOT_FOUND', 'no such session', { reason: 'SESSION_NOT_FOUND' });
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
    if (!LOCALES.includes(locale as Locale)) throw badInput([{ path: 'locale', message: 'ar, fr or en' }]);
    await this.db.query(`UPDATE user_account SET locale = $2, updated_at = now() WHERE id = $1`, [
      userId,
      locale,
    ]);
  }
}
