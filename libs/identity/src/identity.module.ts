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
import { ClaimService } from './claim/claim.service.js';
import { ClaimResolver } from './claim/claim.resolver.js';

/** Access facts and the audit log, for every app and module (global); the mail port comes from NotificationsModule. */
@Global()
@Module({
  providers: [
    AccessService,
    AuditService,
    MembershipService,
    PlatformRolesService,
    SenderBudget,
    ClaimService,
  ],
  exports: [
    AccessService,
    AuditService,
    MembershipService,
    PlatformRolesService,
    SenderBudget,
    ClaimService,
  ],
})
export class IdentityModule {}

/** The worker's identity jobs: purging expired credentials and old messages. */
@Module({
  imports: [BullModule.registerQueue({ name: IDENTITY_QUEUE })],
  providers: [HousekeepingService],
  exports: [HousekeepingService, BullModule],
})
export class IdentityJobsModule {}

/** Sign-up, sign-in and sessions, for the api (it holds the sign-in throttle's Redis connection). */
@Module({
  providers: [AuthService, LoginThrottle, PrivacyService, AccountSessionsService],
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
    ClaimResolver,
    FirstAdminCheck,
  ],
})
export class IdentityGraphqlModule {}
