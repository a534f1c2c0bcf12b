import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RefreshTokenRepository } from '../auth/refresh-token.repository.js';
import { EmailTokenRepository } from '../auth/email-token.repository.js';
import { InvitationRepository } from '../membership/invitation.repository.js';
import { RetentionRepository } from './retention.repository.js';

export const IDENTITY_QUEUE = 'identity';
export const IDENTITY_JOBS = {
  purgeExpired: 'purge-expired',
  expireContactRequests: 'expire-contact-requests',
} as const;
/** How often expired credentials and old messages are purged. */
export const PURGE_EVERY_MS = 6 * 3600 * 1000;
/** How often unanswered contact requests past their date are marked expired and their senders told. */
export const CONTACT_EXPIRY_EVERY_MS = 3600 * 1000;

/** How long records that have served their purpose are kept (docs/PRIVACY.md). */
export const RETENTION = {
  /** Expired or revoked sessions, kept a little for the owner's session history and reuse detection. */
  sessionDays: 7,
  /** Used or expired verification and reset codes. */
  emailTokenDays: 1,
  /** Invitations past their expiry or accepted. */
  invitationDays: 30,
} as const;

/**
 * Records another library keeps for a limited time, purged with identity's own: `deleteSql` takes
 * the purge's moment as $1 and `days` as $2, and returns one row per record deleted.
 */
export interface RetentionRule {
  name: string;
  days: number;
  deleteSql: string;
}

const RULES: RetentionRule[] = [];

/** Lets a module declare records of its own tables that the periodic purge deletes after `days` days. */
export function registerRetention(rule: RetentionRule): void {
  if (!RULES.some((r) => r.name === rule.name)) RULES.push(rule);
}

/** Records deleted, by kind: identity's own, then one entry per registered rule (e.g. `mails`). */
export interface PurgeCounts {
  sessions: number;
  emailTokens: number;
  invitations: number;
  [registered: string]: number;
}

/** Storage limitation: credentials and messages that have served their purpose are deleted. */
@Injectable()
export class HousekeepingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly refreshTokens: RefreshTokenRepository = new RefreshTokenRepository(),
    private readonly emailTokens: EmailTokenRepository = new EmailTokenRepository(),
    private readonly invitations: InvitationRepository = new InvitationRepository(),
    private readonly retention: RetentionRepository = new RetentionRepository(),
  ) {}

  async purge(now = new Date()): Promise<PurgeCounts> {
    const counts: PurgeCounts = {
      sessions: await this.refreshTokens.purge(this.db, now, RETENTION.sessionDays),
      emailTokens: await this.emailTokens.purge(this.db, now, RETENTION.emailTokenDays),
      invitations: await this.invitations.purge(this.db, now, RETENTION.invitationDays),
    };
    for (const rule of RULES)
      counts[rule.name] = await this.retention.purge(this.db, rule.deleteSql, now, rule.days);
    return counts;
  }
}
