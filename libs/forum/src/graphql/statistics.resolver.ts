import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Authorize, Organiser } from '#identity';
import {
  EditionStatisticsService,
  type EditionStatistics,
} from '../statistics/edition-statistics.service.js';
import { FollowUpService, type FollowUpReport } from '../statistics/follow-up.service.js';
import type { FollowUpStage } from '../statistics/follow-up.js';
import { EditionStatisticsType, FollowUpReportType, FollowUpStageEnum } from './statistics.types.js';

/** The organisers' figures of an edition: statistics and the follow-up of its meetings. */
@Resolver()
export class ForumStatisticsResolver {
  constructor(
    private readonly statistics: EditionStatisticsService,
    private readonly followUps: FollowUpService,
  ) {}

  @Query(() => EditionStatisticsType, {
    description:
      'Requests, acceptance rate and meetings by country, sector and group, and table use per round',
  })
  @Authorize(Organiser)
  editionStatistics(
    @Args('editionId', { type: () => ID, description: 'The edition' }) editionId: string,
  ): Promise<EditionStatistics> {
    return this.statistics.statistics(editionId);
  }

  @Query(() => FollowUpReportType, {
    description: 'How far the meetings went, as their sides reported, by stage, country and sector',
  })
  @Authorize(Organiser)
  followUpReport(
    @Args('editionId', { type: () => ID, description: 'The edition' }) editionId: string,
    @Args('stage', {
      type: () => FollowUpStageEnum,
      nullable: true,
      description: 'Only the meetings at this stage in the list',
    })
    stage: FollowUpStage | null,
    @Args('first', {
      type: () => Int,
      nullable: true,
      description: 'Meetings in the list: at most 500, 200 when unset',
    })
    first: number | null,
    @Args('after', {
      type: () => String,
      nullable: true,
      description: 'The endCursor of the page of the list before; the first page when unset',
    })
    after: string | null,
  ): Promise<FollowUpReport> {
    return this.followUps.report(editionId, { stage, first, after });
  }
}
