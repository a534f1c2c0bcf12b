import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { PlatformRolesService } from './platform-roles.service.js';

/** The command that makes an existing account an admin, for the start-up notice and the docs. */
export const GRANT_ADMIN_COMMAND = 'npm run cli -- grant-role EMAIL ADMIN';
export const GRANT_ADMIN_DOCKER =
  'docker compose -f docker/compose.yaml run --rm api node dist/apps/cli/src/main.js grant-role EMAIL ADMIN';

/** Says at start-up when a deployment has no admin, and how to appoint the first one. */
@Injectable()
export class FirstAdminCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('Roles');

  constructor(private readonly roles: PlatformRolesService) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.roles.adminCount()) > 0) return;
    this.logger.warn(
      `no administrator yet: sign up, then make that account an admin with \`${GRANT_ADMIN_COMMAND}\` (with Docker: \`${GRANT_ADMIN_DOCKER}\`)`,
    );
  }
}
