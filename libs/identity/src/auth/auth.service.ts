import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, AppError, badInput, type AppConfig, returning } from '#platform';
import { AccessTokens, hashToken, opaqueToken, type AccessClaims } from './tokens.js';
import { hashPassword, passwordProblem, verifyDecoy, verifyPassword } from './passwords.js';
import { CONSENT_VERSION, emailSchema, registerSchema } from './auth.schema.js';
import { LoginThrottle } from './login-throttle.js';
import { MAIL_PORT, type Locale, type MailPort } from '../mail/mail.port.js';
import { AuditService } from '../audit/audit.service.js';
import type { PlatformRole, Viewer } from '../viewer.js';

const VERIFY_HOURS = 48;
const RESET_MINUTES = 60;

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  userId: string;
}

interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  display_name: string;
  locale: Locale;
  roles: PlatformRole[];
  email_verified_at: Date | null;
  session_epoch: number;
}

/** Where a request came from, for throttling and the sessions list. */
export interface ClientInfo {
  address: string;
  userAgent?: string | null;
}

function zodProblems(error: { issues: { path: PropertyKey[]; message: string }[] }, prefix: string) {
  return error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].join('.'), message: i.message }));
}

/**
 * Accounts and sessions: sign-up with email verification, sign-in with a short access token and a
 * rotating refresh token, sign-out, password change and reset. No answer tells whether an email
 * address is registered.
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  readonly tokens: AccessTokens;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MAIL_PORT) private readonly mail: MailPort,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {
    this.tokens = new AccessTokens(config.auth.jwtSecret, config.auth.accessTokenSeconds);
  }

  /** The signed-in user a bearer token names, checked against the account as it is now. */
  async viewerFromToken(token: string): Promise<Viewer> {
    return this.viewerFromClaims(await this.tokens.verify(token));
  }

  /** The same, from a token already verified (the rate limiter verifies it first). */
  async viewerFromClaims(claims: AccessClaims | 'expired' | 'invalid'): Promise<Viewer> {
    if (claims === 'expired')
      throw new AppError('UNAUTHENTICATED', 'the access token has expired; refresh it', {
        reason: 'TOKEN_EXPIRED',
        http: { status: 401 },
      });
    if (claims === 'invalid')
      throw new AppError('UNAUTHENTICATED', 'the access token is not valid', {
        reason: 'TOKEN_INVALID',
        http: { status: 401 },
      });
    const [row] = await this.db.query<
      Pick<UserRow, 'email' | 'roles' | 'email_verified_at' | 'session_epoch'>[]
    >(`SELECT email, roles, email_verified_at, session_epoch FROM user_account WHERE id = $1`, [
      claims.userId,
    ]);
    if (!row || row.session_epoch !== claims.epoch)
      throw new AppError('UNAUTHENTICATED', 'this session has ended; sign in again', {
        reason: 'SESSION_ENDED',
        http: { status: 401 },
      });
    return {
      userId: claims.userId,
      email: row.email,
      roles: row.roles,
      emailVerified: !!row.email_verified_at,
    };
  }

  async register(input: unknown, client: ClientInfo): Promise<void> {
    const parsed = registerSchema.safeParse(input);
    if (!parsed.success) throw badInput(zodProblems(parsed.error, 'input'));
    const data = parsed.data;
    await this.throttle.attempt('register', client.address);
    // Hashing happens whether or not the address is taken, so timing does not tell.
    const hash = await hashPassword(data.password, this.config.auth.argon2);
    await this.db.transaction(async (m) => {
      const [created] = await m.query<{ id: string }[]>(
        `INSERT INTO user_account (email, password_hash, display_name, locale, consent_version, consented_at)
         VALUES ($1, $2, $3, $4, $5, now()) ON CONFLICT (email) DO NOTHING RETURNING id`,
        [data.email, hash, data.displayName, data.locale, CONSENT_VERSION],
      );
      if (!created) {
        const [existing] = await m.query<UserRow[]>(`SELECT locale FROM user_account WHERE email = $1`, [
          data.email,
        ]);
        await this.mail.send(
          {
            to: data.email,
            template: 'already-registered',
            locale: existing?.locale ?? data.locale,
            params: {},
          },
          m,
        );
        return;
      }
      await this.audit.record(m, {
        actor: { userId: created.id },
        action: 'user.register',
        entityType: 'user',
        entityId: created.id,
        after: {
          email: data.email,
          displayName: data.displayName,
          locale: data.locale,
          consentVersion: CONSENT_VERSION,
        },
      });
      await this.sendVerification(m, created.id, data.email, data.displayName, data.locale);
    });
  }

  private async sendVerification(
    m: EntityManager,
    userId: string,
    email: string,
    name: string,
    locale: Locale,
  ) {
    const { token, hash } = opaqueToken();
    await m.query(
      `INSERT INTO email_token (user_id, purpose, token_hash, expires_at)
       VALUES ($1, 'VERIFY_EMAIL', $2, now() + make_interval(hours => $3))`,
      [userId, hash, VERIFY_HOURS],
    );
    await this.mail.send({ to: email, template: 'verify-email', locale, params: { name, token } }, m);
  }

  /** Sends a new verification message to an unverified account; silent otherwise. */
  async resendVerification(rawEmail: unknown, client: ClientInfo): Promise<void> {
    const email = this.parseEmail(rawEmail);
    await this.throttle.attempt('register', client.address);
    if (!(await this.throttle.mayMail(email))) return;
    await this.db.transaction(async (m) => {
      const [u] = await m.query<UserRow[]>(
        `SELECT id, display_name, locale FROM user_account WHERE email = $1 AND email_verified_at IS NULL`,
        [email],
      );
      if (u) await this.sendVerification(m, u.id, email, u.display_name, u.locale);
    });
  }

  private async consume(
    m: EntityManager,
    purpose: 'VERIFY_EMAIL' | 'RESET_PASSWORD',
    token: string,
  ): Promise<string> {
    const [row] = await returning<{ user_id: string }>(
      m,
      `UPDATE email_token SET used_at = now()
       WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
      [hashToken(String(token ?? '')), purpose],
    );
    if (!row) throw new AppError('INVALID_TOKEN', 'this code is unknown, already used or expired');
    return row.user_id;
  }

  async verifyEmail(token: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const userId = await this.consume(m, 'VERIFY_EMAIL', token);
      await m.query(
        `UPDATE user_account SET email_verified_at = coalesce(email_verified_at, now()) WHERE id = $1`,
        [userId],
      );
      await this.audit.record(m, {
        actor: { userId },
        action: 'user.verify-email',
        entityType: 'user',
        entityId: userId,
        before: { emailVerified: false },
        after: { emailVerified: true },
      });
    });
  }

  private parseEmail(raw: unknown): string {
    const parsed = emailSchema.safeParse(raw);
    if (!parsed.success) throw badInput([{ path: 'email', message: parsed.error.issues[0].message }]);
    return parsed.data;
  }

  async login(rawEmail: unknown, password: unknown, client: ClientInfo): Promise<Session> {
    const email = this.parseEmail(rawEmail);
    if (typeof password !== 'string' || password.length > 512)
      throw new AppError('INVALID_CREDENTIALS', 'wrong email or password');
    await this.throttle.attempt('login', client.address);
    // Reserved before argon2 runs: a parallel burst gets the checks the wait allows, no more.
    await this.throttle.reservePasswordCheck(email, client.address);
    const [user] = await this.db.query<UserRow[]>(
      `SELECT id, password_hash, session_epoch FROM user_account WHERE email = $1`,
      [email],
    );
    const ok = user
      ? await verifyPassword(user.password_hash, password)
      : await verifyDecoy(password, this.config.auth.argon2);
    if (!ok || !user) throw new AppError('INVALID_CREDENTIALS', 'wrong email or password');
    await this.throttle.succeeded(email, client.address);
    return this.db.transaction((m) =>
      this.openSession(m, user.id, user.session_epoch, randomUUID(), client, null),
    );
  }

  private async openSession(
    m: EntityManager,
    userId: string,
    epoch: number,
    familyId: string,
    client: ClientInfo,
    startedAt: Date | null,
  ): Promise<Session> {
    const access = await this.tokens.sign({ userId, epoch });
    const refresh = opaqueToken();
    // However often it is refreshed, a session ends SESSION_MAX_AGE_DAYS after its sign-in.
    const [row] = await m.query<{ expires_at: Date }[]>(
      `INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at, user_agent, session_started_at)
       VALUES ($1, $2, $3,
         least(now() + make_interval(days => $4), coalesce($6::timestamptz, now()) + make_interval(days => $7)),
         $5, coalesce($6::timestamptz, now()))
       RETURNING expires_at`,
      [
        userId,
        familyId,
        refresh.hash,
        this.config.auth.refreshTokenDays,
        client.userAgent?.slice(0, 300) ?? null,
        startedAt,
        this.config.auth.sessionMaxAgeDays,
      ],
    );
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: refresh.token,
      refreshTokenExpiresAt: row.expires_at,
      userId,
    };
  }

  /**
   * Trades a refresh token for a new pair. Each refresh token works once: presenting one that was
   * already used means it was copied, so its whole family of sessions is revoked.
   */
  async refresh(token: string, client: ClientInfo): Promise<Session> {
    const hash = hashToken(String(token ?? ''));
    const session = await this.db.transaction(async (m) => {
      const [used] = await returning<{
        user_id: string;
        family_id: string;
        session_epoch: number;
        session_started_at: Date;
      }>(
        m,
        `UPDATE refresh_token r SET used_at = now()
         FROM user_account u
         WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.revoked_at IS NULL AND r.expires_at > now()
           AND r.session_started_at > now() - make_interval(days => $2)
           AND u.id = r.user_id
         RETURNING r.user_id, r.family_id, u.session_epoch, r.session_started_at`,
        [hash, this.config.auth.sessionMaxAgeDays],
      );
      return used
        ? this.openSession(
            m,
            used.user_id,
            used.session_epoch,
            used.family_id,
            client,
            used.session_started_at,
          )
        : null;
    });
    if (session) return session;
    await this.db.transaction(async (m) => {
      const [reused] = await m.query<{ family_id: string; user_id: string }[]>(
        `SELECT family_id, user_id FROM refresh_token WHERE token_hash = $1 AND used_at IS NOT NULL`,
        [hash],
      );
      if (!reused) return;
      const revoked = await returning<unknown>(
        m,
        `UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL RETURNING id`,
        [reused.family_id],
      );
      if (!revoked.length) return;
      this.logger.warn(
        { userId: reused.user_id, familyId: reused.family_id },
        'refresh token reused; family revoked',
      );
      await this.audit.record(m, {
        actor: null,
        action: 'session.reuse-revoked',
        entityType: 'user',
        entityId: reused.user_id,
        after: { familyId: reused.family_id },
      });
    });
    throw new AppError(
      'INVALID_TOKEN',
      'this refresh token is unknown, used, expired or revoked; sign in again',
    );
  }

  /** Ends the session a refresh token belongs to. */
  async logout(token: string): Promise<void> {
    await this.db.query(
      `UPDATE refresh_token SET revoked_at = now()
       WHERE revoked_at IS NULL AND family_id = (SELECT family_id FROM refresh_token WHERE token_hash = $1)`,
      [hashToken(String(token ?? ''))],
    );
  }

  /** Ends every session of the user, access tokens included. */
  async logoutEverywhere(m: EntityManager, userId: string): Promise<void> {
    await m.query(
      `UPDATE user_account SET session_epoch = session_epoch + 1, updated_at = now() WHERE id = $1`,
      [userId],
    );
    await m.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [
      userId,
    ]);
  }

  async requestPasswordReset(rawEmail: unknown, client: ClientInfo): Promise<void> {
    const email = this.parseEmail(rawEmail);
    await this.throttle.attempt('reset', client.address);
    if (!(await this.throttle.mayMail(email))) return;
    await this.db.transaction(async (m) => {
      const [u] = await m.query<UserRow[]>(`SELECT id, locale FROM user_account WHERE email = $1`, [email]);
      if (!u) return;
      const { token, hash } = opaqueToken();
      await m.query(
        `INSERT INTO email_token (user_id, purpose, token_hash, expires_at)
         VALUES ($1, 'RESET_PASSWORD', $2, now() + make_interval(mins => $3))`,
        [u.id, hash, RESET_MINUTES],
      );
      await this.mail.send({ to: email, template: 'reset-password', locale: u.locale, params: { token } }, m);
    });
  }

  async resetPassword(token: string, newPassword: string, client: ClientInfo): Promise<void> {
    await this.throttle.attempt('reset', client.address);
    const problem = passwordProblem(String(newPassword ?? ''));
    if (problem) throw badInput([{ path: 'newPassword', message: problem }]);
    // A code that cannot work costs no hashing; it is consumed (once) below.
    const [live] = await this.db.query<unknown[]>(
      `SELECT 1 FROM email_token WHERE token_hash = $1 AND purpose = 'RESET_PASSWORD'
         AND used_at IS NULL AND expires_at > now()`,
      [hashToken(String(token ?? ''))],
    );
    if (!live) throw new AppError('INVALID_TOKEN', 'this code is unknown, already used or expired');
    const hash = await hashPassword(newPassword, this.config.auth.argon2);
    await this.db.transaction(async (m) => {
      const userId = await this.consume(m, 'RESET_PASSWORD', token);
      await this.setPassword(m, userId, hash, 'user.reset-password');
    });
  }

  async changePassword(viewer: Viewer, current: string, next: string, client: ClientInfo): Promise<void> {
    if (!(await this.checkPassword(viewer, current, client)))
      throw new AppError('INVALID_CREDENTIALS', 'the current password is wrong');
    const [u] = await this.db.query<UserRow[]>(`SELECT email, display_name FROM user_account WHERE id = $1`, [
      viewer.userId,
    ]);
    const problem = passwordProblem(String(next ?? ''), u.email, u.display_name);
    if (problem) throw badInput([{ path: 'newPassword', message: problem }]);
    const hash = await hashPassword(next, this.config.auth.argon2);
    await this.db.transaction((m) => this.setPassword(m, viewer.userId, hash, 'user.change-password'));
  }

  private async setPassword(m: EntityManager, userId: string, hash: string, action: string) {
    const [u] = await returning<UserRow>(
      m,
      `UPDATE user_account SET password_hash = $2, updated_at = now(),
         email_verified_at = coalesce(email_verified_at, CASE WHEN $3 THEN now() END)
       WHERE id = $1 RETURNING email, locale`,
      [userId, hash, action === 'user.reset-password'],
    );
    // Reset codes issued before the change die with the old password.
    await m.query(
      `UPDATE email_token SET used_at = now()
       WHERE user_id = $1 AND purpose = 'RESET_PASSWORD' AND used_at IS NULL`,
      [userId],
    );
    await this.logoutEverywhere(m, userId);
    await this.audit.record(m, {
      actor: { userId },
      action,
      entityType: 'user',
      entityId: userId,
      after: { passwordChanged: true },
    });
    await this.mail.send({ to: u.email, template: 'password-changed', locale: u.locale, params: {} }, m);
  }

  /** Checks a user's password (deletion and other confirmations). */
  /**
   * Checks the signed-in user's password before a sensitive change, under the same throttle as
   * sign-in: a stolen access token must not become a way to guess the password.
   */
  async checkPassword(viewer: Viewer, password: string, client: ClientInfo): Promise<boolean> {
    await this.throttle.attempt('login', client.address);
    await this.throttle.reservePasswordCheck(viewer.email, client.address);
    const [u] = await this.db.query<UserRow[]>(`SELECT password_hash FROM user_account WHERE id = $1`, [
      viewer.userId,
    ]);
    const ok = !!u && (await verifyPassword(u.password_hash, String(password ?? '')));
    if (ok) await this.throttle.succeeded(viewer.email, client.address);
    return ok;
  }
}
