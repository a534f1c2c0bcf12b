import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthService } from '../auth/auth.service.js';
import { AccountSessionsService } from '../auth/account-sessions.service.js';
import { Authorize } from '../policy/authorize.js';
import { Authenticated, Public } from '../policy/rules.js';
import { CurrentViewer } from './current-viewer.js';
import { clientInfo } from './client-info.js';
import { AuthPayload, MeType, RegisterInput } from './identity.types.js';
import { clearSessionCookie, cookieToken, storeSessionCookie, wantsCookie } from './session-cookie.js';
import type { Session } from '../auth/auth.service.js';
import type { IncomingMessage } from 'node:http';
import type { Viewer } from '../viewer.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: AccountSessionsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Authorize(Public)
  @Mutation(() => Boolean, {
    description:
      'Creates an account and emails a verification code. The answer is the same whether or not the address was already registered.',
  })
  async register(
    @Args('input', { description: 'The new account' }) input: RegisterInput,
    @Context() ctx: object,
  ): Promise<boolean> {
    await this.auth.register({ ...input }, clientInfo(ctx));
    return true;
  }

  @Authorize(Public)
  @Mutation(() => Boolean, {
    description: 'Confirms an email address with the code from the verification message',
  })
  async verifyEmail(
    @Args('token', { description: 'The code from the verification email' }) token: string,
  ): Promise<boolean> {
    await this.auth.verifyEmail(token);
    return true;
  }

  @Authorize(Public)
  @Mutation(() => Boolean, { description: 'Sends a new verification message if the address awaits one' })
  async resendVerification(
    @Args('email', { description: 'The address awaiting verification' }) email: string,
    @Context() ctx: object,
  ): Promise<boolean> {
    await this.auth.resendVerification(email, clientInfo(ctx));
    return true;
  }

  @Authorize(Public)
  @Mutation(() => AuthPayload, {
    description:
      "Signs in. With the header `x-tashbik-session: cookie` the refresh token is set as an HttpOnly cookie and the payload's refreshToken is empty.",
  })
  async login(
    @Args('email', { description: 'Sign-in address, any letter case' }) email: string,
    @Args('password', { description: 'The account password' }) password: string,
    @Context() ctx: { req?: IncomingMessage },
  ): Promise<AuthPayload> {
    return this.answer(ctx, await this.auth.login(email, password, clientInfo(ctx)));
  }

  @Authorize(Public)
  @Mutation(() => AuthPayload, {
    description:
      'Exchanges a refresh token (once) for a new access and refresh token. Without the argument, in cookie mode (header `x-tashbik-session: cookie`), the token is read from the session cookie, which is rotated.',
  })
  async refreshSession(
    @Args('refreshToken', {
      type: () => String,
      nullable: true,
      description: 'The refresh token of the last AuthPayload; omitted in cookie mode',
    })
    refreshToken: string | null | undefined,
    @Context() ctx: { req?: IncomingMessage },
  ): Promise<AuthPayload> {
    const cookieMode = wantsCookie(ctx.req);
    const token = refreshToken ?? (cookieMode ? cookieToken(ctx.req) : null) ?? '';
    try {
      return this.answer(ctx, await this.auth.refresh(token, clientInfo(ctx)));
    } catch (e) {
      if (cookieMode && refreshToken == null) clearSessionCookie(ctx.req);
      throw e;
    }
  }

  @Authorize(Public)
  @Mutation(() => Boolean, {
    description:
      'Ends the session of this refresh token; without the argument, in cookie mode, that of the session cookie, which is cleared',
  })
  async logout(
    @Args('refreshToken', {
      type: () => String,
      nullable: true,
      description: 'The refresh token of the session to end; omitted in cookie mode',
    })
    refreshToken: string | null | undefined,
    @Context() ctx: { req?: IncomingMessage },
  ): Promise<boolean> {
    const cookieMode = wantsCookie(ctx.req);
    const token = refreshToken ?? (cookieMode ? cookieToken(ctx.req) : null);
    if (token) await this.auth.logout(token);
    if (cookieMode) clearSessionCookie(ctx.req);
    return true;
  }

  /** In cookie mode the refresh token goes to the cookie only, never to a script. */
  private answer(ctx: { req?: IncomingMessage }, session: Session): AuthPayload {
    if (!wantsCookie(ctx.req)) return session;
    storeSessionCookie(ctx.req, session.refreshToken, session.refreshTokenExpiresAt);
    return { ...session, refreshToken: '' };
  }

  @Authorize(Authenticated)
  @Mutation(() => Boolean, { description: 'Ends every session of the signed-in user, on every device' })
  async logoutEverywhere(@CurrentViewer() viewer: Viewer): Promise<boolean> {
    await this.db.transaction((m) => this.auth.logoutEverywhere(m, viewer.userId));
    return true;
  }

  @Authorize(Public)
  @Mutation(() => Boolean, {
    description: 'Emails a reset code if the address is registered; the answer is always true',
  })
  async requestPasswordReset(
    @Args('email', { description: 'The address of the account' }) email: string,
    @Context() ctx: object,
  ): Promise<boolean> {
    await this.auth.requestPasswordReset(email, clientInfo(ctx));
    return true;
  }

  @Authorize(Public)
  @Mutation(() => Boolean, { description: 'Sets a new password with a reset code; ends every session' })
  async resetPassword(
    @Args('token', { description: 'The code from the reset email' }) token: string,
    @Args('newPassword', { description: '10 to 128 characters, not a commonly leaked password' })
    newPassword: string,
    @Context() ctx: object,
  ): Promise<boolean> {
    await this.auth.resetPassword(token, newPassword, clientInfo(ctx));
    return true;
  }

  @Authorize(Authenticated)
  @Mutation(() => Boolean, { description: 'Changes the password; ends every session' })
  async changePassword(
    @CurrentViewer() viewer: Viewer,
    @Args('currentPassword', { description: 'The password in use now' }) currentPassword: string,
    @Args('newPassword', { description: '10 to 128 characters, not a commonly leaked password' })
    newPassword: string,
    @Context() ctx: object,
  ): Promise<boolean> {
    await this.auth.changePassword(viewer, currentPassword, newPassword, clientInfo(ctx));
    return true;
  }

  @Authorize(Public)
  @Query(() => MeType, { nullable: true, description: 'The signed-in user, or null' })
  async me(@CurrentViewer() viewer: Viewer | null): Promise<MeType | null> {
    if (!viewer) return null;
    const u = await this.sessions.profile(viewer.userId);
    if (!u) return null;
    return {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      locale: u.locale,
      roles: u.roles,
      emailVerified: !!u.emailVerifiedAt,
      consentVersion: u.consentVersion,
      consentedAt: u.consentedAt,
      memberships: u.memberships.map((m) => ({
        organizationId: m.organizationId,
        role: m.role,
        since: m.createdAt,
      })),
    };
  }
}
