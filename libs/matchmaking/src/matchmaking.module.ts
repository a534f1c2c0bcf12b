import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { DirectoryModule } from '#directory';
import { ForumModule } from '#forum';
import { MATCH_QUEUE } from './jobs/matchmaking.jobs.js';
import { FeedbackService } from './services/feedback.service.js';
import { FinancierService } from './services/financier.service.js';
import { FullRecomputeService } from './services/full-recompute.service.js';
import { MatchmakingCommands } from './services/matchmaking-commands.service.js';
import { RecomputeService } from './services/recompute.service.js';
import { SuggestionQueryService } from './services/suggestion-query.service.js';
import { MatchmakingResolver } from './graphql/matchmaking.resolver.js';
import './storage/suggestion-feed.js';
import { ClusterRepository } from './storage/cluster.repository.js';
import { FeedbackRepository } from './storage/feedback.repository.js';
import { FinancierCriteriaRepository } from './storage/financier-criteria.repository.js';
import { MatchDrainRepository } from './storage/match-drain.repository.js';
import { MatchRunRepository } from './storage/match-run.repository.js';
import { SavedSearchRepository } from './storage/saved-search.repository.js';
import { SuggestionRepository } from './storage/suggestion.repository.js';

const SERVICES = [
  RecomputeService,
  FullRecomputeService,
  FeedbackService,
  FinancierService,
  SuggestionQueryService,
  MatchmakingCommands,
];

/** Matchmaking's tables, one repository per aggregate: stateless, each call given the caller's runner. */
const REPOSITORIES = [
  SuggestionRepository,
  FeedbackRepository,
  ClusterRepository,
  MatchRunRepository,
  MatchDrainRepository,
  FinancierCriteriaRepository,
  SavedSearchRepository,
];

/**
 * Suggestion storage, recompute, feedback and financier criteria: for the worker and the api. The
 * forum's request service opens the meeting request of an accepted MEETING suggestion.
 */
@Module({
  imports: [BullModule.registerQueue({ name: MATCH_QUEUE }), ForumModule],
  providers: [...SERVICES, ...REPOSITORIES],
  exports: [...SERVICES, BullModule],
})
export class MatchmakingModule {}

/** The matchmaking GraphQL surface, for the api. */
@Module({
  imports: [MatchmakingModule, DirectoryModule],
  providers: [MatchmakingResolver],
})
export class MatchmakingGraphqlModule {}
