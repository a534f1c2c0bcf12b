import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MAIL_PORT } from '#identity';
import { AfterCommitSubscriber } from './mail/after-commit.js';
import { OutboxMailer } from './mail/outbox-mailer.js';
import { MAIL_QUEUE } from './mail/mail-queue.js';
import { MailDeliveryService } from './mail/mail-delivery.service.js';
import { MailDeliveriesService } from './mail/mail-deliveries.service.js';
import { MailFailureReporter } from './mail/mail-failure-reporter.js';
import { SuggestionsDigestService } from './digest/suggestions-digest.service.js';
import { MailDeliveriesResolver } from './graphql/mail-deliveries.resolver.js';
import { EventBus } from './inapp/event-bus.js';
import { NotificationService } from './inapp/notification.service.js';
import { NotificationsResolver } from './inapp/notifications.resolver.js';
import { NotificationPreferencesService } from './preferences/notification-preferences.service.js';
import { NotificationPreferencesResolver } from './preferences/notification-preferences.resolver.js';
import { UnsubscribeService } from './preferences/unsubscribe.service.js';
import { UnsubscribeController } from './preferences/unsubscribe.controller.js';
import { NotificationRepository } from './inapp/notification.repository.js';
import { MailOutboxRepository } from './mail/mail-outbox.repository.js';
import { NotificationDigestRepository } from './digest/notification-digest.repository.js';
import { NotificationPreferenceRepository } from './preferences/notification-preference.repository.js';

/** The repositories of the notifications' tables. */
const REPOSITORIES = [
  NotificationRepository,
  MailOutboxRepository,
  NotificationDigestRepository,
  NotificationPreferenceRepository,
];

/** The mail port for every module (global): mail_outbox rows, delivery queued after commit. */
@Global()
@Module({
  imports: [BullModule.registerQueue({ name: MAIL_QUEUE })],
  providers: [
    ...REPOSITORIES,
    { provide: MAIL_PORT, useClass: OutboxMailer },
    MailDeliveriesService,
    EventBus,
    NotificationService,
    NotificationPreferencesService,
  ],
  exports: [
    ...REPOSITORIES,
    MAIL_PORT,
    MailDeliveriesService,
    BullModule,
    EventBus,
    NotificationService,
    NotificationPreferencesService,
  ],
})
export class NotificationsModule implements OnModuleInit {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onModuleInit(): void {
    if (!this.db.subscribers.some((s) => s instanceof AfterCommitSubscriber))
      this.db.subscribers.push(new AfterCommitSubscriber());
  }
}

/** The worker's side: delivery over SMTP and failure reports (its processor is in apps/worker). */
@Module({
  providers: [MailDeliveryService, MailFailureReporter, SuggestionsDigestService],
  exports: [MailDeliveryService, MailFailureReporter, SuggestionsDigestService],
})
export class NotificationsJobsModule {}

/**
 * `mailDeliveries` for admins; every user's notifications, their live feed and their email
 * preferences; the one-click unsubscribe address (`/mail/unsubscribe`).
 */
@Module({
  providers: [
    MailDeliveriesResolver,
    NotificationsResolver,
    NotificationPreferencesResolver,
    UnsubscribeService,
  ],
  controllers: [UnsubscribeController],
})
export class NotificationsGraphqlModule {}
