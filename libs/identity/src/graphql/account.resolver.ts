import { Args, Context, Field, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { AccountSessionsService } from '../auth/account-sessions.service.js';
import { Authorize } from '../policy/authorize.js';
import { Authenticated } from '../policy/rules.js';
import { CurrentViewer } from './current-viewer.js';
import { LocaleEnum } from './identity.types.js';
import { cookieToken, wantsCookie } from './session-cookie.js';
import type { IncomingMessage } from 'node:http';
import type { Viewer } from '../viewer.js';

@ObjectType('AccountSession', { description: 'A device or browser signed in to the account' })
export class AccountSessionType {
  @Field(() => ID, { description: 'Session id, for `endSession`' }) id: string;
  @Field({ description: 'When it signed in' }) startedAt: Date;
  @Field({ description: 'When it last refreshed its access' }) lastActiveAt: Date;
  @Field({ description: 'When it ends unless refreshed' }) expiresAt: Date;
  @Field(() => String, { nullable: true, description: 'The browser it signed in from, as it said' })
  userAgent: string | null;
  @Field({ description: 'The session of this request (known in cookie mode only)' }) current: boolean;
}

/** The signed-in user's own sessions and interface language. */
@Resolver()
export class AccountResolver {
  constructor(private readonly sessions: AccountSessionsService) {}

  @Authorize(Authenticated)
  @Query(() => [AccountSessionType], { description: 'Your sessions that are still open, most recent first' })
  mySessions(
    @CurrentViewer() viewer: Viewer,
    @Context() ctx: { req?: IncomingMessage },
  ): Promise<AccountSessionType[]> {
    return this.sessions.list(viewer.userId, wantsCookie(ctx.req) ? cookieToken(ctx.req) : null);
  }

  @Authorize(Authenticated)
  @Mutation(() => Boolean, {
    description:
      'Ends one of your sessions (an id from mySessions): its refresh token stops at once, its access token at its expiry. NOT_FOUND when it is not yours or already ended',
  })
  async endSession(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'A session id from mySessions' }) id: string,
  ): Promise<boolean> {
    await this.sessions.end(viewer, id);
    return true;
  }

  @Authorize(Authenticated)
  @Mutation(() => Boolean, {
    description: 'Remembers the interface language of the account; mail to it is written in it too',
  })
  async setMyLocale(
    @CurrentViewer() viewer: Viewer,
    @Args('locale', { type: () => LocaleEnum, description: 'The language to use' }) locale: string,
  ): Promise<boolean> {
    await this.sessions.setLocale(viewer.userId, locale);
    return true;
  }
}
