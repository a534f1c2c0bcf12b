import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Authorize, Organiser } from '#identity';
import {
  ScheduleChangesService,
  type ScheduleChangeKind,
  type ScheduleComparison,
} from '../schedule/schedule-changes.service.js';
import { ScheduleChangeKindEnum, ScheduleComparisonType } from './schedule-changes.types.js';

/** The draft schedule compared with the published one, before publication (organisers). */
@Resolver(() => ScheduleComparisonType)
export class ForumScheduleChangesResolver {
  constructor(private readonly changes: ScheduleChangesService) {}

  @Query(() => ScheduleComparisonType, {
    description:
      'What publishing would change: new, moved and cancelled meetings, per delegate when asked (organisers)',
  })
  @Authorize(Organiser)
  scheduleChanges(
    @Args('editionId', { type: () => ID, description: 'The forum edition' }) editionId: string,
    @Args('delegateId', { type: () => ID, nullable: true, description: 'Only the changes of this delegate' })
    delegateId: string | null,
    @Args('kind', {
      type: () => ScheduleChangeKindEnum,
      nullable: true,
      description: 'Only changes of this kind',
    })
    kind: ScheduleChangeKind | null,
    @Args('first', { type: () => Int, defaultValue: 50, description: 'Page size, 1 to 100' }) first: number,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page' })
    after: string | null,
  ): Promise<ScheduleComparison> {
    return this.changes.compare({ editionId, delegateId, kind, first, after });
  }
}
