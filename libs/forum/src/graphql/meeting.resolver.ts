import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ForumLoaderFactory } from './forum.loaders.js';
import {
  AnyOf,
  arg,
  Authorize,
  CurrentViewer,
  isOrganiser,
  MemberOf,
  Organiser,
  type Viewer,
} from '#identity';
import { AppError, type Connection, ConnectionPageArgs } from '#platform';
import { RequestService } from '../request/request.service.js';
import { MeetingService } from '../meeting/meeting.service.js';
import { AgendaService, type AgendaMeeting, type AgendaView } from '../meeting/agenda.service.js';
import { RegistrationService } from '../registration/registration.service.js';
import type { MeetingRequestEntity, RequestStatus } from '../request/request.entity.js';
import type { MeetingEntity } from '../meeting/meeting.entity.js';
import {
  AgendaMeetingType,
  AgendaViewEnum,
  MeetingRequestInput,
  MeetingRequestType,
  MeetingType,
  RequestDirectionEnum,
  RequestStatusEnum,
} from './forum.types.js';
import { actingOrganization } from './registration.resolver.js';
import { MeetingRequestConnection } from './forum-connections.types.js';
import { MatrixGroupingEnum, MeetingRequestMatrixCellType } from './request-matrix.types.js';
import {
  type MatrixCell,
  type MatrixGrouping,
  RequestMatrixService,
} from '../request/request-matrix.service.js';

const MemberOrOrganiser = (path: string) => AnyOf(Organiser, MemberOf(arg(path)));

/** Meeting requests, bookings and agendas. */
@Resolver(() => MeetingRequestType)
export class ForumMeetingResolver {
  constructor(
    private readonly requests: RequestService,
    private readonly meetings: MeetingService,
    private readonly agendas: AgendaService,
    private readonly registrations: RegistrationService,
    private readonly matrix: RequestMatrixService,
    private readonly loaders: ForumLoaderFactory,
  ) {}

  @Query(() => MeetingRequestConnection, {
    description:
      'A page of the requests an organisation sent or received (organisers: all, without organizationId), newest first',
  })
  @Authorize(MemberOrOrganiser('organizationId'))
  meetingRequests(
    @Args('editionId', { type: () => ID, description: 'The forum edition' }) editionId: string,
    @Args('organizationId', {
      type: () => ID,
      nullable: true,
      description: 'The organisation; organisers may omit it for all',
    })
    organizationId: string | null,
    @Args('direction', {
      type: () => RequestDirectionEnum,
      defaultValue: 'ANY',
      description:
        'SENT, RECEIVED or ANY (the default): the side organizationId, delegateId and groupId apply to',
    })
    direction: 'SENT' | 'RECEIVED' | 'ANY',
    @Args('statuses', {
      type: () => [RequestStatusEnum],
      nullable: true,
      description: 'Only requests in these statuses',
    })
    statuses: RequestStatus[] | null,
    @Args('delegateId', { type: () => ID, nullable: true, description: 'Only requests of this delegate' })
    delegateId: string | null,
    @Args('groupId', {
      type: () => ID,
      nullable: true,
      description: 'Only requests whose delegate (on the side `direction` names) is in this group',
    })
    groupId: string | null,
    @Args() page: ConnectionPageArgs,
  ): Promise<Connection<MeetingRequestEntity>> {
    return this.requests.page({ editionId, organizationId, direction, statuses, delegateId, groupId }, page);
  }

  @Query(() => [MeetingRequestMatrixCellType], {
    description:
      'Requests between organisations, countries or groups of an edition, counted by status (organisers); one cell per pair that has requests, largest first',
  })
  @Authorize(Organiser)
  meetingRequestMatrix(
    @Args('editionId', { type: () => ID, description: 'The forum edition' }) editionId: string,
    @Args('groupBy', { type: () => MatrixGroupingEnum, description: 'Organisations, countries or groups' })
    groupBy: MatrixGrouping,
    @Args('statuses', {
      type: () => [RequestStatusEnum],
      nullable: true,
      description: 'Count only requests in these statuses (default: all)',
    })
    statuses: RequestStatus[] | null,
  ): Promise<MatrixCell[]> {
    return this.matrix.matrix(editionId, groupBy, statuses);
  }

  @ResolveField(() => String, { description: "The requesting delegate's name (batched per request)" })
  async fromDelegateName(@Parent() r: MeetingRequestEntity, @Context() ctx: object): Promise<string> {
    return (await this.loaders.for(ctx).delegateName.load(r.fromDelegateId)) ?? '';
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'The name of the delegate asked for; null while the request names only the organisation',
  })
  async toDelegateName(@Parent() r: MeetingRequestEntity, @Context() ctx: object): Promise<string | null> {
    return r.toDelegateId ? this.loaders.for(ctx).delegateName.load(r.toDelegateId) : null;
  }

  @Mutation(() => MeetingRequestType, {
    description: "Asks for a meeting on behalf of one of your organisation's delegates",
  })
  @Authorize(MemberOrOrganiser('input.organizationId'))
  requestMeeting(
    @Args('input', { description: 'The request' }) input: MeetingRequestInput,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<MeetingRequestEntity> {
    // Only organisers file requests in their own name.
    if (input.source === 'ORGANISER' && !isOrganiser(viewer))
      throw new AppError('FORBIDDEN', 'only organisers can make requests with source ORGANISER', {
        reason: 'ORGANISER_SOURCE',
      });
    return this.requests.request({ ...input }, viewer?.userId ?? null);
  }

  @Mutation(() => MeetingRequestType, {
    description: 'Accepts for the receiving organisation; releases contacts',
  })
  @Authorize(MemberOrOrganiser('organizationId'))
  acceptMeetingRequest(
    @Args('requestId', { type: () => ID, description: 'The meeting request' }) requestId: string,
    @Args('organizationId', {
      type: () => ID,
      nullable: true,
      description: 'The organisation you act for (optional for organisers)',
    })
    organizationId: string | null,
    @Args('delegateId', {
      type: () => ID,
      nullable: true,
      description: 'Who meets, for a request to the organisation',
    })
    delegateId: string | null,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<MeetingRequestEntity> {
    return this.requests.accept(
      requestId,
      actingOrganization(viewer, organizationId),
      delegateId,
      viewer?.userId ?? null,
    );
  }

  @Mutation(() => MeetingRequestType, {
    description: 'Declines a pending request addressed to your organisation',
  })
  @Authorize(MemberOrOrganiser('organizationId'))
  declineMeetingRequest(
    @Args('requestId', { type: () => ID, description: 'The meeting request' }) requestId: string,
    @Args('organizationId', {
      type: () => ID,
      nullable: true,
      description: 'The organisation you act for (optional for organisers)',
    })
    organizationId: string | null,
    @Args('reason', { type: () => String, nullable: true, description: 'Why, shown to the other side' })
    reason: string | null,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<MeetingRequestEntity> {
    return this.requests.decline(
      requestId,
      actingOrganization(viewer, organizationId),
      reason,
      viewer?.userId ?? null,
    );
  }

  @Mutation(() => MeetingRequestType, {
    description: 'Either side cancels; a scheduled meeting is cancelled with it',
  })
  @Authorize(MemberOrOrganiser('organizationId'))
  cancelMeetingRequest(
    @Args('requestId', { type: () => ID, description: 'The meeting request' }) requestId: string,
    @Args('organizationId', {
      type: () => ID,
      nullable: true,
      description: 'The organisation you act for (optional for organisers)',
    })
    organizationId: string | null,
    @Args('reason', { type: () => String, nullable: true, description: 'Why, shown to the other side' })
    reason: string | null,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<MeetingRequestEntity> {
    return this.requests.cancel(
      requestId,
      actingOrganization(viewer, organizationId),
      reason,
      viewer?.userId ?? null,
    );
  }

  @Mutation(() => MeetingType, {
    description: 'Books an accepted request into a slot at once (published, pinned)',
  })
  @Authorize(Organiser)
  bookMeeting(
    @Args('requestId', { type: () => ID, description: 'The meeting request' }) requestId: string,
    @Args('slotId', { type: () => ID, description: 'The slot' }) slotId: string,
    @Args('tableId', {
      type: () => ID,
      nullable: true,
      description: 'The table; the first free one when omitted',
    })
    tableId: string | null,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<MeetingEntity> {
    return this.meetings.book(requestId, slotId, tableId, viewer);
  }

  @Mutation(() => MeetingType, {
    description: 'Moves a meeting to another slot (and table) and pins it; delegates see it once published',
  })
  @Authorize(Organiser)
  moveMeeting(
    @Args('meetingId', { type: () => ID, description: 'The meeting' }) meetingId: string,
    @Args('slotId', { type: () => ID, description: 'The slot' }) slotId: string,
    @Args('tableId', {
      type: () => ID,
      nullable: true,
      description: 'The table; the first free one when omitted',
    })
    tableId: string | null,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<MeetingEntity> {
    return this.meetings.move(meetingId, slotId, tableId, viewer);
  }

  @Mutation(() => MeetingType, {
    description: 'Pins or unpins a meeting: a pinned one stays put in scheduler runs (organisers)',
  })
  @Authorize(Organiser)
  pinMeeting(
    @Args('meetingId', { type: () => ID, description: 'The meeting' }) meetingId: string,
    @Args('pinned', { defaultValue: true, description: 'true pins, false unpins' }) pinned: boolean,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<MeetingEntity> {
    return this.meetings.pin(meetingId, pinned, viewer);
  }

  @Mutation(() => MeetingType, { description: 'Cancels a meeting (organisers)' })
  @Authorize(Organiser)
  cancelMeeting(
    @Args('meetingId', { type: () => ID, description: 'The meeting' }) meetingId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<MeetingEntity> {
    return this.meetings.cancel(meetingId, viewer);
  }

  @Query(() => [AgendaMeetingType], {
    description: "A delegate's meetings, for its organisation's members and organisers",
  })
  @Authorize(MemberOrOrganiser('organizationId'))
  async delegateAgenda(
    @Args('delegateId', { type: () => ID, description: 'The delegate' }) delegateId: string,
    @Args('organizationId', {
      type: () => ID,
      nullable: true,
      description: "The delegate's organisation (optional for organisers)",
    })
    organizationId: string | null,
    @Args('view', {
      type: () => AgendaViewEnum,
      defaultValue: 'PUBLISHED',
      description: 'PUBLISHED (what delegates see) or DRAFT (organisers only)',
    })
    view: AgendaView,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<AgendaMeeting[]> {
    const delegate = await this.registrations.getFor(delegateId, actingOrganization(viewer, organizationId));
    return this.agendas.agenda({
      editionId: delegate.editionId,
      delegateId: delegate.id,
      view: this.view(viewer, view),
    });
  }

  @Query(() => [AgendaMeetingType], {
    description: "Meetings of an organisation's delegates, for its members and organisers",
  })
  @Authorize(MemberOrOrganiser('organizationId'))
  organizationAgenda(
    @Args('editionId', { type: () => ID, description: 'The forum edition' }) editionId: string,
    @Args('organizationId', { type: () => ID, description: 'The organisation' }) organizationId: string,
    @Args('view', {
      type: () => AgendaViewEnum,
      defaultValue: 'PUBLISHED',
      description: 'PUBLISHED (what delegates see) or DRAFT (organisers only)',
    })
    view: AgendaView,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<AgendaMeeting[]> {
    return this.agendas.agenda({ editionId, organizationId, view: this.view(viewer, view) });
  }

  @Query(() => [AgendaMeetingType], { description: 'Meetings at one table, for floor staff' })
  @Authorize(Organiser)
  tableAgenda(
    @Args('editionId', { type: () => ID, description: 'The forum edition' }) editionId: string,
    @Args('tableId', { type: () => ID, description: 'The table' }) tableId: string,
    @Args('view', {
      type: () => AgendaViewEnum,
      defaultValue: 'PUBLISHED',
      description: 'PUBLISHED (what delegates see) or DRAFT (organisers only)',
    })
    view: AgendaView,
  ): Promise<AgendaMeeting[]> {
    return this.agendas.agenda({ editionId, tableId, view });
  }

  @Query(() => [AgendaMeetingType], {
    description:
      'Every meeting of an edition, one entry per meeting seen from the requesting delegate (organisers: the slots x tables grid)',
  })
  @Authorize(Organiser)
  editionMeetings(
    @Args('editionId', { type: () => ID, description: 'The forum edition' }) editionId: string,
    @Args('view', {
      type: () => AgendaViewEnum,
      defaultValue: 'DRAFT',
      description: 'PUBLISHED (what delegates see) or DRAFT (organisers only)',
    })
    view: AgendaView,
  ): Promise<AgendaMeeting[]> {
    return this.agendas.agenda({ editionId, view });
  }

  /** Only organisers see the working draft. */
  private view(viewer: Viewer | null, view: AgendaView): AgendaView {
    if (view === 'DRAFT' && !isOrganiser(viewer))
      throw new AppError('FORBIDDEN', 'only organisers see the draft schedule');
    return view;
  }
}
