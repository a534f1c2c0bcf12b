import { Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { HousekeepingService, IDENTITY_QUEUE } from './housekeeping/housekeeping.service.js';
import { AccessService } from './access/access.service.js';
import { AuditService } from './audit/audit.service.js';
import { AuthService } from './auth/auth.service.js';
import { LoginThrottle } from './auth/login-throttle.js';
import { SenderBudget } from './mail/sender-budget.js';
import { AuthResolver } from './graphql/auth.resolver.js';
import { AccountResolver } from './graphql/account.resolver.js';
import { AccountSessionsService } from './auth/account-sessions.service.js';
import { MembershipResolver, PrivacyResolver } from './graphql/identity.resolvers.js';
import { MembershipService } from './membership/membership.service.js';
import { PrivacyService } from './privacy/privacy.service.js';
import { PlatformRolesService } from './roles/platform-roles.service.js';
import { FirstAdminCheck } from './roles/first-admin.check.js';
import { RolesResolver } from './graphql/roles.resolver.js';
import { AuditLogRepository } from './audit/audit-log.repository.js';
import { AccountRepository } from './auth/account.repository.js';
import { RefreshTokenRepository } from './auth/refresh-token.repository.js';
import { EmailTokenRepository } from './auth/email-token.repository.js';
import { MembershipRepository } from './membership/membership.repository.js';
import { InvitationRepository } from './membership/invitation.repository.js';
import { RetentionRepository } from './housekeeping/retention.repository.js';
import { PersonalDataRepository } from './privacy/personal-data.repository.js';

/** Access facts and the audit log, for every app and module (global); the mail port comes from NotificationsModule. */
@Global()
@Module({
  providers: [
    AuditLogRepository,
    AccountRepository,
    MembershipRepository,
    InvitationRepository,
    AccessService,
    AuditService,
    MembershipService,
    PlatformRolesService,
    SenderBudget,
  ],
  exports: [AccessService, AuditService, MembershipService, PlatformRolesService, SenderBudget],
})
export class IdentityModule {}

/** The worker's identity jobs: purging expired credentials and old messages. */
@Module({
  imports: [BullModule.registerQueue({ name: IDENTITY_QUEUE })],
  providers: [
    RefreshTokenRepository,
    EmailTokenRepository,
    InvitationRepository,
    RetentionRepository,
    HousekeepingService,
  ],
  exports: [HousekeepingService, BullModule],
})
export class IdentityJobsModule {}

/** Sign-up, sign-in and sessions, for the api (it holds the sign-in throttle's Redis connection). */
@Module({
  providers: [
    AccountRepository,
    RefreshTokenRepository,
    EmailTokenRepository,
    MembershipRepository,
    PersonalDataRepository,
    AuthService,
    LoginThrottle,
    PrivacyService,
    AccountSessionsService,
  ],
  exports: [AuthService, PrivacyService, AccountSessionsService],
})
export class AuthModule {}

/** Identity's GraphQL surface. */
@Module({
  imports: [AuthModule],
  providers: [
    AuthResolver,
    AccountResolver,
    MembershipResolver,
    PrivacyResolver,
    RolesResolver,
    FirstAdminCheck,
  ],
})
export class IdentityGraphqlModule {}
