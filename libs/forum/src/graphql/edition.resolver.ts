import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, Authorize, CurrentViewer, Organiser, Public, type Viewer } from '#identity';
import { EDITIONS_LISTED, EditionService } from '../edition/edition.service.js';
import { TableService } from '../edition/table.service.js';
import { GroupService } from '../edition/group.service.js';
import { SCHEDULE_RUNS_LISTED, ScheduleService } from '../schedule/schedule.service.js';
import { PublishService, type PublishOutcome } from '../schedule/publish.service.js';
import type {
  ForumEditionEntity,
  ForumSessionEntity,
  ForumSlotEntity,
  ForumTableEntity,
} from '../edition/edition.entity.js';
import type { ForumGroupEntity, ForumGroupRuleEntity } from '../registration/registration.entity.js';
import type { ScheduleRunEntity } from '../schedule/schedule-run.entity.js';
import {
  CreateForumEditionInput,
  EditionStatusEnum,
  ForumEditionType,
  ForumGroupInput,
  ForumGroupRuleType,
  ForumGroupType,
  ForumSessionType,
  ForumSlotType,
  ForumTableInput,
  ForumTableType,
  PublishResultType,
  ScheduleRunType,
  UpdateForumEditionInput,
  UpdateForumGroupInput,
  UpdateForumTableInput,
} from './forum.types.js';

/** Editions, their slots, tables and groups; scheduling and publication (organisers). */
@Resolver(() => ForumEditionType)
export class ForumEditionResolver {
  constructor(
    private readonly editions: EditionService,
    private readonly tables: TableService,
    private readonly groups: GroupService,
    private readonly schedules: ScheduleService,
    private readonly publisher: PublishService,
  ) {}

  // Draft editions, and everything in them, are for organisers only: to anyone else they do not exist.

  @Query(() => [ForumEditionType], {
    description: `Editions, newest first, the ${EDITIONS_LISTED} newest at most (drafts: organisers only)`,
  })
  @Authorize(Public)
  forumEditions(@CurrentViewer() viewer: Viewer | null): Promise<ForumEditionEntity[]> {
    return this.editions.list(viewer);
  }

  @Query(() => ForumEditionType, { description: 'An edition; a draft for organisers only' })
  @Authorize(Public)
  forumEdition(
    @Args('id', { type: () => ID, description: 'The edition' }) id: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ForumEditionEntity> {
    return this.editions.visible(id, viewer);
  }

  @Query(() => [ForumSessionType], { description: 'The sessions of an edition' })
  @Authorize(Public)
  async forumSessions(
    @Args('editionId', { type: () => ID, description: 'The forum edition' }) editionId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ForumSessionEntity[]> {
    await this.editions.visible(editionId, viewer);
    return this.editions.sessions(editionId);
  }

  @Query(() => [ForumSlotType], { description: 'The slots of an edition, in order' })
  @Authorize(Public)
  async forumSlots(
    @Args('editionId', { type: () => ID, description: 'The forum edition' }) editionId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ForumSlotEntity[]> {
    await this.editions.visible(editionId, viewer);
    return this.editions.slots(editionId);
  }

  @Query(() => [ForumTableType], { description: 'The meeting tables of an edition' })
  @Authorize(Authenticated)
  async forumTables(
    @Args('editionId', { type: () => ID, description: 'The forum edition' }) editionId: string,
    @Args('includeInactive', { defaultValue: false, description: 'Include tables taken out of use' })
    includeInactive: boolean,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ForumTableEntity[]> {
    await this.editions.visible(editionId, viewer);
    return this.tables.list(editionId, includeInactive);
  }

  @Query(() => [ForumGroupType], { description: 'The delegate groups of an edition' })
  @Authorize(Authenticated)
  async forumGroups(
    @Args('editionId', { type: () => ID, description: 'The forum edition' }) editionId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ForumGroupEntity[]> {
    await this.editions.visible(editionId, viewer);
    return this.groups.list(editionId);
  }

  @Query(() => [ForumGroupRuleType], { description: 'Who-may-meet-whom rules of an edition' })
  @Authorize(Authenticated)
  async forumGroupRules(
    @Args('editionId', { type: () => ID, description: 'The forum edition' }) editionId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ForumGroupRuleEntity[]> {
    await this.editions.visible(editionId, viewer);
    return this.groups.rules(editionId);
  }

  @Mutation(() => ForumEditionType, { description: 'Creates an edition as DRAFT (organisers)' })
  @Authorize(Organiser)
  createForumEdition(
    @Args('input', { description: 'The edition' }) input: CreateForumEditionInput,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ForumEditionEntity> {
    return this.editions.create({ ...input }, viewer);
  }

  @Mutation(() => ForumEditionType, { description: 'Changes an edition (organisers)' })
  @Authorize(Organiser)
  updateForumEdition(
    @Args('input', { description: 'The changes' }) input: UpdateForumEditionInput,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ForumEditionEntity> {
    return this.editions.update({ ...input }, viewer);
  }

  @Mutation(() => ForumEditionType, { description: 'Opens or closes an edition (organisers)' })
  @Authorize(Organiser)
  setForumEditionStatus(
    @Args('id', { type: () => ID, description: 'The edition' }) id: string,
    @Args('status', { type: () => EditionStatusEnum, description: 'The new status' })
    status: 'DRAFT' | 'OPEN' | 'CLOSED',
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ForumEditionEntity> {
    return this.editions.setStatus(id, status, viewer);
  }

  @Mutation(() => [ForumTableType], { description: 'Adds meeting tables to an edition (organisers)' })
  @Authorize(Organiser)
  addForumTables(
    @Args('editionId', { type: () => ID, description: 'The forum edition' }) editionId: string,
    @Args('tables', { type: () => [ForumTableInput], description: 'The tables to add' })
    tables: ForumTableInput[],
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ForumTableEntity[]> {
    return this.tables.add(
      editionId,
      tables.map((t) => ({ ...t })),
      viewer,
    );
  }

  @Mutation(() => ForumTableType, { description: 'Changes a table (organisers)' })
  @Authorize(Organiser)
  updateForumTable(
    @Args('input', { description: 'The changes' }) input: UpdateForumTableInput,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ForumTableEntity> {
    return this.tables.update({ ...input }, viewer);
  }

  @Mutation(() => ForumGroupType, { description: 'Creates a delegate group (organisers)' })
  @Authorize(Organiser)
  createForumGroup(
    @Args('editionId', { type: () => ID, description: 'The forum edition' }) editionId: string,
    @Args('input', { description: 'The group' }) input: ForumGroupInput,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ForumGroupEntity> {
    return this.groups.create(editionId, { ...input }, viewer);
  }

  @Mutation(() => ForumGroupType, { description: 'Changes a group (organisers)' })
  @Authorize(Organiser)
  updateForumGroup(
    @Args('input', { description: 'The changes' }) input: UpdateForumGroupInput,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ForumGroupEntity> {
    return this.groups.update({ ...input }, viewer);
  }

  @Mutation(() => [ForumGroupRuleType], {
    description: 'The groups this group may meet; an empty list lifts the restriction',
  })
  @Authorize(Organiser)
  setForumGroupRules(
    @Args('groupId', { type: () => ID, description: 'The group' }) groupId: string,
    @Args('mayMeetGroupIds', {
      type: () => [ID],
      description: 'Groups its delegates may meet; replaces the previous list',
    })
    mayMeetGroupIds: string[],
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ForumGroupRuleEntity[]> {
    return this.groups.setRules(groupId, mayMeetGroupIds, viewer);
  }

  @Mutation(() => ScheduleRunType, {
    description: 'Queues a scheduler run; its id is the job id to follow with scheduleRun',
  })
  @Authorize(Organiser)
  scheduleEdition(
    @Args('editionId', { type: () => ID, description: 'The forum edition' }) editionId: string,
    @Args('allowMoves', {
      defaultValue: false,
      description: 'Let published meetings move (default false: they stay put)',
    })
    allowMoves: boolean,
    @Args('timeLimitSeconds', {
      type: () => Int,
      defaultValue: 30,
      description: 'Search time budget, in seconds',
    })
    timeLimitSeconds: number,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<ScheduleRunEntity> {
    return this.schedules.enqueue(editionId, allowMoves, timeLimitSeconds, viewer?.userId ?? null);
  }

  @Query(() => ScheduleRunType, { description: 'A scheduler run and its result (organisers)' })
  @Authorize(Organiser)
  scheduleRun(
    @Args('jobId', { type: () => ID, description: 'The run id scheduleEdition returned' }) jobId: string,
  ): Promise<ScheduleRunEntity> {
    return this.schedules.run(jobId);
  }

  @Query(() => [ScheduleRunType], {
    description: `The scheduler runs of an edition, newest first, the ${SCHEDULE_RUNS_LISTED} newest at most (organisers)`,
  })
  @Authorize(Organiser)
  scheduleRuns(
    @Args('editionId', { type: () => ID, description: 'The forum edition' }) editionId: string,
  ): Promise<ScheduleRunEntity[]> {
    return this.schedules.runs(editionId);
  }

  @Mutation(() => PublishResultType, {
    description:
      'Publishes the draft schedule: agendas change and each delegate whose agenda changed gets a mail (organisers)',
  })
  @Authorize(Organiser)
  publishSchedule(
    @Args('editionId', { type: () => ID, description: 'The forum edition' }) editionId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<PublishOutcome> {
    return this.publisher.publish(editionId, viewer);
  }
}
