import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, AppError, badInput, type AppConfig } from '#platform';
import { AccessTokens, hashToken, opaqueToken, type AccessClaims } from './tokens.js';
import { hashPassword, passwordProblem, verifyDecoy, verifyPassword } from './passwords.js';
import { CONSENT_VERSION, emailSchema, registerSchema } from './auth.schema.js';
import { LoginThrottle } from './login-throttle.js';
import { MAIL_PORT, type Locale, type MailPort } from '../mail/mail.port.js';
import { AuditService } from '../audit/audit.service.js';
import type { Viewer } from '../viewer.js';
import { AccountRepository } from './account.repository.js';
import { RefreshTokenRepository } from './refresh-token.repository.js';
import { EmailTokenRepository } from './email-token.repository.js';

const VERIFY_HOURS = 48;
const RESET_MINUTES = 60;

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  userId: string;
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
    private readonly accounts: AccountRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly emailTokens: EmailTokenRepository,
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
    const row = await this.accounts.sessionState(this.db, claims.userId);
    if (!row || row.sessionEpoch !== claims.epoch)
      throw new AppError('UNAUTHENTICATED', 'this session has ended; sign in again', {
        reason: 'SESSION_ENDED',
        http: { status: 401 },
      });
    return {
      userId: claims.userId,
      email: row.email,
      roles: row.roles,
      emailVerified: !!row.emailVerifiedAt,
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
      const createdId = await this.accounts.insertIfNew(m, {
        email: data.email,
        passwordHash: hash,
        displayName: data.displayName,
        locale: data.locale,
        consentVersion: CONSENT_VERSION,
      });
      if (!createdId) {
        const existing = await this.accounts.localeByEmail(m, data.email);
        await this.mail.send(
          {
            to: data.email,
            template: 'already-registered',
            locale: existing ?? data.locale,
            params: {},
          },
          m,
        );
        return;
      }
      await this.audit.record(m, {
        actor: { userId: createdId },
        action: 'user.register',
        entityType: 'user',
        entityId: createdId,
        after: {
          email: data.email,
          displayName: data.displayName,
          locale: data.locale,
          consentVersion: CONSENT_VERSION,
        },
      });
      await this.sendVerification(m, createdId, data.email, data.displayName, data.locale);
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
    await this.emailTokens.issueVerification(m, userId, hash, VERIFY_HOURS);
    await this.mail.send({ to: email, template: 'verify-email', locale, params: { name, token } }, m);
  }

  /** Sends a new verification message to an unverified account; silent otherwise. */
  async resendVerification(rawEmail: unknown, client: ClientInfo): Promise<void> {
    const email = this.parseEmail(rawEmail);
    await this.throttle.attempt('register', client.address);
    if (!(await this.throttle.mayMail(email))) return;
    await this.db.transaction(async (m) => {
      const u = await this.accounts.findUnverifiedByEmail(m, email);
      if (u) await this.sendVerification(m, u.id, email, u.displayName, u.locale);
    });
  }

  private async consume(
    m: EntityManager,
    purpose: 'VERIFY_EMAIL' | 'RESET_PASSWORD',
    token: string,
  ): Promise<string> {
    const userId = await this.emailTokens.consume(m, hashToken(String(token ?? '')), purpose);
    if (!userId) throw new AppError('INVALID_TOKEN', 'this code is unknown, already used or expired');
    return userId;
  }

  async verifyEmail(token: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const userId = await this.consume(m, 'VERIFY_EMAIL', token);
      await this.accounts.markEmailVerified(m, userId);
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
    const user = await this.accounts.credentialsByEmail(this.db, email);
    const ok = user
      ? await verifyPassword(user.passwordHash, password)
      : await verifyDecoy(password, this.config.auth.argon2);
    if (!ok || !user) throw new AppError('INVALID_CREDENTIALS', 'wrong email or password');
    await this.throttle.succeeded(email, client.address);
    return this.db.transaction((m) =>
      this.openSession(m, user.id, user.sessionEpoch, randomUUID(), client, null),
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
    const expiresAt = await this.refreshTokens.issue(m, {
      userId,
      familyId,
      tokenHash: refresh.hash,
      refreshDays: this.config.auth.refreshTokenDays,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      sessionStartedAt: startedAt,
      sessionMaxAgeDays: this.config.auth.sessionMaxAgeDays,
    });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: refresh.token,
      refreshTokenExpiresAt: expiresAt,
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
      const used = await this.refreshTokens.use(m, hash, this.config.auth.sessionMaxAgeDays);
      return used
        ? this.openSession(m, used.userId, used.sessionEpoch, used.familyId, client, used.sessionStartedAt)
        : null;
    });
    if (session) return session;
    await this.db.transaction(async (m) => {
      const reused = await this.refreshTokens.findUsed(m, hash);
      if (!reused) return;
      if (!(await this.refreshTokens.revokeFamily(m, reused.familyId))) return;
      this.logger.warn(
        { userId: reused.userId, familyId: reused.familyId },
        'refresh token reused; family revoked',
      );
      await this.audit.record(m, {
        actor: null,
        action: 'session.reuse-revoked',
        entityType: 'user',
        entityId: reused.userId,
        after: { familyId: reused.familyId },
      });
    });
    throw new AppError(
      'INVALID_TOKEN',
      'this refresh token is unknown, used, expired or revoked; sign in again',
    );
  }

  /** Ends the session a refresh token belongs to. */
  async logout(token: string): Promise<void> {
    await this.refreshTokens.revokeFamilyOf(this.db, hashToken(String(token ?? '')));
  }

  /** Ends every session of the user, access tokens included. */
  async logoutEverywhere(m: EntityManager, userId: string): Promise<void> {
    await this.accounts.bumpSessionEpoch(m, userId);
    await this.refreshTokens.revokeAllOf(m, userId);
  }

  async requestPasswordReset(rawEmail: unknown, client: ClientInfo): Promise<void> {
    const email = this.parseEmail(rawEmail);
    await this.throttle.attempt('reset', client.address);
    if (!(await this.throttle.mayMail(email))) return;
    await this.db.transaction(async (m) => {
      const u = await this.accounts.findByEmail(m, email);
      if (!u) return;
      const { token, hash } = opaqueToken();
      await this.emailTokens.issueReset(m, u.id, hash, RESET_MINUTES);
      await this.mail.send({ to: email, template: 'reset-password', locale: u.locale, params: { token } }, m);
    });
  }

  async resetPassword(token: string, newPassword: string, client: ClientInfo): Promise<void> {
    await this.throttle.attempt('reset', client.address);
    const problem = passwordProblem(String(newPassword ?? ''));
    if (problem) throw badInput([{ path: 'newPassword', message: problem }]);
    // A code that cannot work costs no hashing; it is consumed (once) below.
    if (!(await this.emailTokens.resetIsLive(this.db, hashToken(String(token ?? '')))))
      throw new AppError('INVALID_TOKEN', 'this code is unknown, already used or expired');
    const hash = await hashPassword(newPassword, this.config.auth.argon2);
    await this.db.transaction(async (m) => {
      const userId = await this.consume(m, 'RESET_PASSWORD', token);
      await this.setPassword(m, userId, hash, 'user.reset-password');
    });
  }

  async changePassword(viewer: Viewer, current: string, next: string, client: ClientInfo): Promise<void> {
    if (!(await this.checkPassword(viewer, current, client)))
      throw new AppError('INVALID_CREDENTIALS', 'the current password is wrong');
    const u = (await this.accounts.nameAndEmail(this.db, viewer.userId))!;
    const problem = passwordProblem(String(next ?? ''), u.email, u.displayName);
    if (problem) throw badInput([{ path: 'newPassword', message: problem }]);
    const hash = await hashPassword(next, this.config.auth.argon2);
    await this.db.transaction((m) => this.setPassword(m, viewer.userId, hash, 'user.change-password'));
  }

  private async setPassword(m: EntityManager, userId: string, hash: string, action: string) {
    const u = (await this.accounts.setPasswordHash(m, userId, hash, action === 'user.reset-password'))!;
    // Reset codes issued before the change die with the old password.
    await this.emailTokens.endResets(m, userId);
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
    const hash = await this.accounts.passwordHash(this.db, viewer.userId);
    const ok = !!hash && (await verifyPassword(hash, String(password ?? '')));
    if (ok) await this.throttle.succeeded(viewer.email, client.address);
    return ok;
  }
}
