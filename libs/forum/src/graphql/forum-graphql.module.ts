import { Module } from '@nestjs/common';
import { AuthModule } from '#identity';
import { ForumModule } from '../forum.module.js';
import { ForumEditionResolver } from './edition.resolver.js';
import { ForumRegistrationResolver } from './registration.resolver.js';
import { ForumMeetingResolver } from './meeting.resolver.js';
import { ForumDayResolver } from './day.resolver.js';
import { ForumParticipantResolver } from './participant.resolver.js';
import { ForumBadgeResolver } from './badge.resolver.js';
import { ForumStatisticsResolver } from './statistics.resolver.js';
import { ForumDeskResolver } from './desk.resolver.js';
import { ForumScheduleChangesResolver } from './schedule-changes.resolver.js';
import { ForumAgendaController } from '../http/agenda.controller.js';
import { ForumLoaderFactory } from './forum.loaders.js';

/**
 * The forum's api surface: GraphQL, plus plain HTTP for printable agendas, CSV exports and calendar
 * feeds (it checks bearer tokens itself, hence AuthModule).
 */
@Module({
  imports: [ForumModule, AuthModule],
  providers: [
    ForumEditionResolver,
    ForumRegistrationResolver,
    ForumMeetingResolver,
    ForumDayResolver,
    ForumParticipantResolver,
    ForumBadgeResolver,
    ForumStatisticsResolver,
    ForumDeskResolver,
    ForumScheduleChangesResolver,
    ForumLoaderFactory,
  ],
  controllers: [ForumAgendaController],
})
export class ForumGraphqlModule {}
