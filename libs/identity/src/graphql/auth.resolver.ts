import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthService } from '../auth/auth.service.js';
import { Authorize } from '../policy/authorize.js';
import { Authenticated, Public } from '../policy/rules.js';
import { CurrentViewer } from './current-viewer.js';
import { clientInfo } from './client-info.js';
import { AuthPayload, MeType, RegisterInput } from './identity.types.js';
import type { Viewer } from '../viewer.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Authorize(Public)
  @Mutation(() => Boolean, {
    description:
      'Creates an account and emails a verification code. The answer is the same whether or not the address was already registered.',
  })
  async register(@Args('input') input: RegisterInput, @Context() ctx: object): Promise<boolean> {
    await this.auth.register({ ...input }, clientInfo(ctx));
    return true;
  }

  @Authorize(Public)
  @Mutation(() => Boolean, {
    description: 'Confirms an email address with the code from the verification message',
  })
  async verifyEmail(@Args('token') token: string): Promise<boolean> {
    await this.auth.verifyEmail(token);
    return true;
  }

  @Authorize(Public)
  @Mutation(() => Boolean, { description: 'Sends a new verification message if the address awaits one' })
  async resendVerification(@Args('email') email: string, @Context() ctx: object): Promise<boolean> {
    await this.auth.resendVerification(email, clientInfo(ctx));
    return true;
  }

  @Authorize(Public)
  @Mutation(() => AuthPayload)
  login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context() ctx: object,
  ): Promise<AuthPayload> {
    return this.auth.login(email, password, clientInfo(ctx));
  }

  @Authorize(Public)
  @Mutation(() => AuthPayload, {
    description: 'Exchanges a refresh token (once) for a new access and refresh token',
  })
  refreshSession(@Args('refreshToken') refreshToken: string, @Context() ctx: object): Promise<AuthPayload> {
    return this.auth.refresh(refreshToken, clientInfo(ctx));
  }

  @Authorize(Public)
  @Mutation(() => Boolean, { description: 'Ends the session of this refresh token' })
  async logout(@Args('refreshToken') refreshToken: string): Promise<boolean> {
    await this.auth.logout(refreshToken);
    return true;
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
  async requestPasswordReset(@Args('email') email: string, @Context() ctx: object): Promise<boolean> {
    await this.auth.requestPasswordReset(email, clientInfo(ctx));
    return true;
  }

  @Authorize(Public)
  @Mutation(() => Boolean, { description: 'Sets a new password with a reset code; ends every session' })
  async resetPassword(
    @Args('token') token: string,
    @Args('newPassword') newPassword: string,
    @Context() ctx: object,
  ): Promise<boolean> {
    await this.auth.resetPassword(token, newPassword, clientInfo(ctx));
    return true;
  }

  @Authorize(Authenticated)
  @Mutation(() => Boolean, { description: 'Changes the password; ends every session' })
  async changePassword(
    @CurrentViewer() viewer: Viewer,
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
    @Context() ctx: object,
  ): Promise<boolean> {
    await this.auth.changePassword(viewer, currentPassword, newPassword, clientInfo(ctx));
    return true;
  }

  @Authorize(Public)
  @Query(() => MeType, { nullable: true, description: 'The signed-in user, or null' })
  async me(@CurrentViewer() viewer: Viewer | null): Promise<MeType | null> {
    if (!viewer) return null;
    const [u] = await this.db.query<Record<string, never>[]>(
      `SELECT id, email, display_name, locale, roles, email_verified_at, consent_version, consented_at
       FROM user_account WHERE id = $1`,
      [viewer.userId],
    );
    if (!u) return null;
    const memberships = await this.db.query<{ organization_id: string; role: string; created_at: Date }[]>(
      `SELECT organization_id, role, created_at FROM membership WHERE user_id = $1 ORDER BY created_at`,
      [viewer.userId],
    );
    const row = u as unknown as Record<string, unknown>;
    return {
      id: row.id as string,
      email: row.email as string,
      displayName: row.display_name as string,
      locale: row.locale as string,
      roles: row.roles as string[],
      emailVerified: !!row.email_verified_at,
      consentVersion: row.consent_version as string,
      consentedAt: row.consented_at as Date,
      memberships: memberships.map((m) => ({
        organizationId: m.organization_id,
        role: m.role,
        since: m.created_at,
      })),
    };
  }
}
