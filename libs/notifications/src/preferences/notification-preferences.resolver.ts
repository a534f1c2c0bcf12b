import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AppError, badInput } from '#platform';
import {
  Authenticated,
  Authorize,
  CurrentViewer,
  isAdmin,
  isOrganiser,
  Public,
  type Viewer,
} from '#identity';
import { NOTIFICATION_KINDS, STAFF_KINDS, type NotificationKind } from './notification-kinds.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';
import {
  NotificationPreference,
  NotificationPreferenceInput,
  UnsubscribeResult,
} from './notification-preference.types.js';
import { UnsubscribeService } from './unsubscribe.service.js';

function signedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'sign in to do this');
  return viewer;
}

/** Whether the viewer receives a kind at all (staff reports go to staff only). */
const receives = (viewer: Viewer, kind: NotificationKind): boolean => {
  const staff = STAFF_KINDS[kind];
  return !staff || (staff === 'ADMIN' ? isAdmin(viewer) : isOrganiser(viewer));
};

/** The signed-in person's email choices, per kind; only their own. */
@Resolver()
export class NotificationPreferencesResolver {
  constructor(
    private readonly prefs: NotificationPreferencesService,
    private readonly unsubscribeService: UnsubscribeService,
  ) {}

  private async mine(viewer: Viewer): Promise<NotificationPreference[]> {
    const all = await this.prefs.list(viewer.userId);
    return all.filter((p) => receives(viewer, p.kind)).map((p) => ({ ...p, inApp: true }));
  }

  @Authorize(Authenticated)
  @Query(() => [NotificationPreference], {
    description: 'Your choice of email per kind of notification (security mails are always sent)',
  })
  notificationPreferences(@CurrentViewer() viewer: Viewer | null): Promise<NotificationPreference[]> {
    return this.mine(signedIn(viewer));
  }

  @Authorize(Authenticated)
  @Mutation(() => [NotificationPreference], {
    description: 'Turns email on or off for the given kinds (each at most once); returns all your choices',
  })
  async setNotificationPreferences(
    @CurrentViewer() viewer: Viewer | null,
    @Args('preferences', {
      type: () => [NotificationPreferenceInput],
      description: 'One entry per kind to change',
    })
    preferences: NotificationPreferenceInput[],
  ): Promise<NotificationPreference[]> {
    const me = signedIn(viewer);
    const problems: { path: string; message: string }[] = [];
    if (!preferences.length || preferences.length > NOTIFICATION_KINDS.length)
      problems.push({ path: 'preferences', message: `from 1 to ${NOTIFICATION_KINDS.length} kinds` });
    const seen = new Set<string>();
    preferences.forEach((p, i) => {
      if (seen.has(p.kind)) problems.push({ path: `preferences.${i}.kind`, message: 'given twice' });
      seen.add(p.kind);
    });
    if (problems.length) throw badInput(problems);
    await this.prefs.set(
      me.userId,
      preferences.map((p) => ({ kind: p.kind, email: p.email })),
    );
    return this.mine(me);
  }

  @Authorize(Public)
  @Mutation(() => UnsubscribeResult, {
    description:
      'Turns off the kind of email an unsubscribe link names (the token of that link); no sign-in needed',
  })
  async unsubscribe(
    @Args('token', { description: 'The token of the unsubscribe link, as received by email' }) token: string,
  ): Promise<UnsubscribeResult> {
    return { kind: await this.unsubscribeService.unsubscribe(token), email: false };
  }
}
