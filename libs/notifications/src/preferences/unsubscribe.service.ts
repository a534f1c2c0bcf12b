import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, APP_CONFIG, type AppConfig } from '#platform';
import { accounts } from '#identity';
import type { NotificationKind } from './notification-kinds.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';
import { UnsubscribeTokens } from './unsubscribe-token.js';

/** Turns one kind of mail off for the account a signed unsubscribe token names; no session needed. */
@Injectable()
export class UnsubscribeService {
  private readonly logger = new Logger('Unsubscribe');
  private readonly tokens: UnsubscribeTokens;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly prefs: NotificationPreferencesService,
  ) {
    this.tokens = new UnsubscribeTokens(config.auth.jwtSecret);
  }

  /** The kind turned off; `BAD_USER_INPUT` (reason `UNSUBSCRIBE_TOKEN_INVALID`) for a token not ours. */
  async unsubscribe(token: unknown): Promise<NotificationKind> {
    const signed = this.tokens.verify(token);
    if (!signed)
      throw new AppError('BAD_USER_INPUT', 'this unsubscribe link is not valid', {
        reason: 'UNSUBSCRIBE_TOKEN_INVALID',
      });
    await this.db.transaction(async (m) => {
      // An erased account has nothing left to turn off.
      if (await accounts.exists(m, signed.userId))
        await this.prefs.set(signed.userId, [{ kind: signed.kind, email: false }], m);
    });
    this.logger.log({ kind: signed.kind }, 'unsubscribed');
    return signed.kind;
  }
}
