import { Global, Module } from '@nestjs/common';
import { AccessService } from './access/access.service.js';
import { AuditService } from './audit/audit.service.js';
import { MAIL_PORT, TableMailAdapter } from './mail/mail.port.js';
import { AuthService } from './auth/auth.service.js';
import { LoginThrottle } from './auth/login-throttle.js';
import { AuthResolver } from './graphql/auth.resolver.js';

/** Access facts, the audit log and the mail port, for every app and module (global). */
@Global()
@Module({
  providers: [AccessService, AuditService, { provide: MAIL_PORT, useClass: TableMailAdapter }],
  exports: [AccessService, AuditService, MAIL_PORT],
})
export class IdentityModule {}

/** Sign-up, sign-in and sessions, for the api (it holds the sign-in throttle's Redis connection). */
@Module({
  providers: [AuthService, LoginThrottle],
  exports: [AuthService],
})
export class AuthModule {}

/** Identity's GraphQL surface. */
@Module({
  imports: [AuthModule],
  providers: [AuthResolver],
})
export class IdentityGraphqlModule {}
