import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import {
  ForumEditionEntity,
  ForumSessionEntity,
  ForumSlotEntity,
  ForumTableEntity,
} from './edition/edition.entity.js';
import {
  ForumDelegateEntity,
  ForumGroupEntity,
  ForumGroupRuleEntity,
} from './registration/registration.entity.js';
import { MeetingRequestEntity } from './request/request.entity.js';
import { MeetingEntity, MeetingParticipantEntity } from './meeting/meeting.entity.js';
import { ScheduleRunEntity } from './schedule/schedule-run.entity.js';
import { EditionService } from './edition/edition.service.js';
import { TableService } from './edition/table.service.js';
import { GroupService } from './edition/group.service.js';
import { RegistrationService } from './registration/registration.service.js';
import { ParticipantDirectoryService } from './registration/participant-directory.service.js';
import { RequestService } from './request/request.service.js';
import { MeetingService } from './meeting/meeting.service.js';
import { AgendaService } from './meeting/agenda.service.js';
import { ScheduleRunner } from './schedule/schedule-runner.js';
import { ScheduleService } from './schedule/schedule.service.js';
import { PublishService } from './schedule/publish.service.js';
import { ScheduleChangesService } from './schedule/schedule-changes.service.js';
import { AgendaNotifier } from './schedule/agenda-notifier.js';
import { FORUM_QUEUE } from './schedule/forum-queue.js';
import { PrecedenceService } from './schedule/precedence.service.js';
import { AgendaDocumentService } from './meeting/agenda-document.service.js';
import { WalkInService } from './day/walk-in.service.js';
import { AgendaFeedService } from './day/agenda-feed.service.js';
import { StatisticsService } from './day/statistics.service.js';
import { ReminderService } from './day/reminder.service.js';
import { BadgeService } from './badge/badge.service.js';
import { EditionStatisticsService } from './statistics/edition-statistics.service.js';
import { FollowUpService } from './statistics/follow-up.service.js';
import { DeskService } from './day/desk.service.js';
import { RequestMatrixService } from './request/request-matrix.service.js';
import { DelegateRepository } from './registration/delegate.repository.js';
import { ForumFactsRepository } from './common/forum-facts.repository.js';
import { AgendaFeedRepository } from './day/agenda-feed.repository.js';
import { DeskRepository } from './day/desk.repository.js';
import { ReminderRepository } from './day/reminder.repository.js';
import { StatisticsRepository } from './day/statistics.repository.js';
import { WalkInRepository } from './day/walk-in.repository.js';
import { EditionStatisticsRepository } from './statistics/edition-statistics.repository.js';
import { FollowUpRepository } from './statistics/follow-up.repository.js';
import { EditionRepository } from './edition/edition.repository.js';
import { MeetingRepository } from './meeting/meeting.repository.js';
import { AgendaChangeRepository } from './meeting/agenda-change.repository.js';
import { MeetingRequestRepository } from './request/meeting-request.repository.js';
import { ScheduleRunRepository } from './schedule/schedule-run.repository.js';
import { PrecedenceRepository } from './schedule/precedence.repository.js';
import './common/registrations.js';

export const FORUM_ENTITIES = [
  ForumEditionEntity,
  ForumSessionEntity,
  ForumSlotEntity,
  ForumTableEntity,
  ForumGroupEntity,
  ForumGroupRuleEntity,
  ForumDelegateEntity,
  MeetingRequestEntity,
  MeetingEntity,
  MeetingParticipantEntity,
  ScheduleRunEntity,
];

const SERVICES = [
  EditionService,
  TableService,
  GroupService,
  RegistrationService,
  ParticipantDirectoryService,
  RequestService,
  MeetingService,
  AgendaService,
  ScheduleRunner,
  ScheduleService,
  PublishService,
  ScheduleChangesService,
  AgendaNotifier,
  PrecedenceService,
  AgendaDocumentService,
  WalkInService,
  AgendaFeedService,
  StatisticsService,
  ReminderService,
  BadgeService,
  EditionStatisticsService,
  FollowUpService,
  DeskService,
  RequestMatrixService,
];

/** The repositories owning the forum's SQL (stateless: each call runs on the manager given). */
const REPOSITORIES = [
  PrecedenceRepository,
  ScheduleRunRepository,
  MeetingRequestRepository,
  AgendaChangeRepository,
  MeetingRepository,
  EditionRepository,
  DelegateRepository,
  ForumFactsRepository,
  AgendaFeedRepository,
  DeskRepository,
  ReminderRepository,
  StatisticsRepository,
  WalkInRepository,
  EditionStatisticsRepository,
  FollowUpRepository,
];

/**
 * The forum's services and its queue, for the api, the worker and the CLI (AccessService, AuditService
 * and the mail port come from the global IdentityModule).
 */
@Module({
  imports: [BullModule.registerQueue({ name: FORUM_QUEUE })],
  providers: [...SERVICES, ...REPOSITORIES],
  exports: [BullModule, ...SERVICES, ...REPOSITORIES],
})
export class ForumModule {}
