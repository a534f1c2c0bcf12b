import { Args, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { AppError, badInput } from '#platform';
import {
  AccessService,
  Authenticated,
  Authorize,
  CurrentViewer,
  Organiser,
  requireUuid,
  type Viewer,
} from '#identity';
import { agendaTopic, type AgendaChangeEvent } from './agenda-events.js';
import { filtered } from './filtered.js';
import {
  ScheduleRunProgress,
  scheduleRunTopic,
  type ScheduleRunProgressEvent,
} from './schedule-run-events.js';
import { meetingRequestTopic, type MeetingRequestEvent } from './meeting-request-events.js';
import { EventBus } from './event-bus.js';
import { notificationTopic, NotificationService, type NotificationEvent } from './notification.service.js';
import {
  AgendaChange,
  MarkNotificationsReadInput,
  MarkNotificationsReadResult,
  MeetingRequestChange,
  Notification,
  NotificationConnection,
  toNotification,
} from './notification.types.js';

const CURSOR = /^\d{1,18}$/;

function signedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'sign in to do this');
  return viewer;
}

/** The signed-in user's own notifications; nobody reads or marks another's. */
@Resolver()
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationService,
    private readonly bus: EventBus,
    private readonly access: AccessService,
  ) {}

  @Authorize(Authenticated)
  @Query(() => NotificationConnection, { description: 'Your notifications, newest first' })
  async notifications(
    @CurrentViewer() viewer: Viewer | null,
    @Args('first', { type: () => Int, defaultValue: 20, description: '1 to 100' }) first: number,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page' })
    after: string | null,
  ): Promise<NotificationConnection> {
    const problems: { path: string; message: string }[] = [];
    if (first < 1 || first > 100) problems.push({ path: 'first', message: 'must be from 1 to 100' });
    if (after != null && !CURSOR.test(after)) problems.push({ path: 'after', message: 'not a cursor' });
    if (problems.length) throw badInput(problems);
    const rows = await this.service.list(signedIn(viewer).userId, first, after);
    const page = rows.slice(0, first);
    return {
      edges: page.map((r) => ({ cursor: r.id, node: toNotification(r) })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page.at(-1)?.id ?? null },
    };
  }

  @Authorize(Authenticated)
  @Query(() => Int, { description: 'How many of your notifications are unread' })
  unreadNotificationCount(@CurrentViewer() viewer: Viewer | null): Promise<number> {
    return this.service.unreadCount(signedIn(viewer).userId);
  }

  @Authorize(Authenticated)
  @Mutation(() => MarkNotificationsReadResult, {
    description: 'Marks your notifications read: the given ids (others are ignored) or all',
  })
  async markNotificationsRead(
    @CurrentViewer() viewer: Viewer | null,
    @Args('input', { description: 'The ids to mark, or all' }) input: MarkNotificationsReadInput,
  ): Promise<MarkNotificationsReadResult> {
    const { userId } = signedIn(viewer);
    const ids = input.ids ?? null;
    const all = input.all === true;
    if (all === (ids !== null)) throw badInput([{ path: 'input', message: 'give either ids or all: true' }]);
    if (ids && (ids.length < 1 || ids.length > 500))
      throw badInput([{ path: 'input.ids', message: 'from 1 to 500 ids' }]);
    if (ids?.some((id) => !CURSOR.test(id)))
      throw badInput([{ path: 'input.ids', message: 'not a notification id' }]);
    const marked = await this.service.markRead(userId, all ? null : ids);
    return { marked, unreadCount: await this.service.unreadCount(userId) };
  }

  @Authorize(Authenticated)
  @Subscription(() => Notification, {
    description: 'Your notifications as they are written (over graphql-ws at /graphql)',
    resolve: (event: NotificationEvent) => toNotification(event),
  })
  notificationAdded(
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<AsyncIterableIterator<NotificationEvent>> {
    return this.bus.listen<NotificationEvent>(notificationTopic(signedIn(viewer).userId));
  }

  @Authorize(Authenticated)
  @Subscription(() => MeetingRequestChange, {
    description:
      'Meeting requests of an edition as they change: those of your organisations (all of them for organisers); never the message',
    resolve: (event: MeetingRequestEvent) => ({ ...event, at: new Date(event.at) }),
  })
  async meetingRequestChanged(
    @CurrentViewer() viewer: Viewer | null,
    @Args('editionId', { type: () => ID, description: 'The forum edition to follow' }) editionId: string,
  ): Promise<AsyncIterableIterator<MeetingRequestEvent>> {
    const { roles } = signedIn(viewer);
    requireUuid(editionId, 'editionId');
    const events = await this.bus.listen<MeetingRequestEvent>(meetingRequestTopic(editionId));
    if (roles.includes('ORGANISER') || roles.includes('ADMIN')) return events;
    // Members see their organisations' requests, checked at each event (memberships change).
    return filtered(events, async (e) => {
      const facts = this.access.forViewer(viewer);
      return (
        (await facts.membership(e.fromOrganizationId)) !== null ||
        (await facts.membership(e.toOrganizationId)) !== null
      );
    });
  }

  @Authorize(Authenticated)
  @Subscription(() => AgendaChange, {
    description:
      "A delegate's published agenda as it changes: for the delegate's account, members of the delegate's organisation and organisers",
    resolve: (event: AgendaChangeEvent) => ({ ...event, at: new Date(event.at) }),
  })
  async agendaChanged(
    @CurrentViewer() viewer: Viewer | null,
    @Args('delegateId', { type: () => ID, description: 'The delegate whose agenda to follow' })
    delegateId: string,
  ): Promise<AsyncIterableIterator<AgendaChangeEvent>> {
    const { userId, roles } = signedIn(viewer);
    requireUuid(delegateId, 'delegateId');
    const organiser = roles.includes('ORGANISER') || roles.includes('ADMIN');
    // Fresh facts at each check: the owner lookups are registered by the forum.
    const allowed = async () => {
      if (organiser) return true;
      const facts = this.access.forViewer(viewer);
      const organization = await facts.organizationOf('forum_delegate', delegateId);
      if (!organization) return false;
      if ((await facts.organizationOf('forum_delegate.account', delegateId)) === userId) return true;
      return (await facts.membership(organization)) !== null;
    };
    // An unknown delegate and someone else's look the same.
    if (!(await allowed())) throw new AppError('FORBIDDEN', "you may not follow this delegate's agenda");
    const events = await this.bus.listen<AgendaChangeEvent>(agendaTopic(delegateId));
    // Checked again at each event: a membership or the delegate's account may change.
    return organiser ? events : filtered(events, allowed);
  }

  @Authorize(Organiser)
  @Subscription(() => ScheduleRunProgress, {
    description:
      "A scheduler run's phase, best breaks, lower bound and elapsed time, about once a second (organisers)",
    resolve: (event: ScheduleRunProgressEvent) => ({ ...event, at: new Date(event.at) }),
  })
  scheduleRunProgress(
    @Args('runId', { type: () => ID, description: 'The run: the id `scheduleEdition` returned' })
    runId: string,
  ): Promise<AsyncIterableIterator<ScheduleRunProgressEvent>> {
    requireUuid(runId, 'runId');
    return this.bus.listen<ScheduleRunProgressEvent>(scheduleRunTopic(runId));
  }
}
