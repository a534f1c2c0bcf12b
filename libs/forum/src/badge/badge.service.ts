import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppError, notFound, type AppConfig } from '#platform';
import { parseId, type LocalizedText } from '#directory';
import { badgeKey, signBadge, verifyBadge } from './badge-code.js';

export interface ForumBadge {
  code: string;
  delegateId: string;
  editionId: string;
  delegateName: string;
  organizationId: string;
  organizationName: LocalizedText;
  status: 'REGISTERED' | 'WITHDRAWN';
  checkedInAt: Date | null;
}

/**
 * Badges: a code signed with a key derived from the api's secret (badge-code.ts), issued to the
 * delegate's organisation or the delegate, and read back at the venue desk. A code stays valid as long
 * as the registration does; a withdrawn delegate's code still verifies and says WITHDRAWN.
 */
@Injectable()
export class BadgeService {
  private readonly key: Buffer;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = badgeKey(config.auth.jwtSecret);
  }

  async issue(delegateId: string): Promise<ForumBadge> {
    const badge = await this.load(parseId(delegateId, 'delegateId'));
    if (badge.status !== 'REGISTERED') throw new AppError('CONFLICT', 'this delegate has withdrawn');
    return badge;
  }

  /** The delegate a badge code names; INVALID_TOKEN for a code this platform did not sign. */
  async read(code: string): Promise<ForumBadge> {
    const delegateId = verifyBadge(code, this.key);
    if (!delegateId) throw new AppError('INVALID_TOKEN', 'this is not a badge code issued by this platform');
    return this.load(delegateId);
  }

  private async load(id: string): Promise<ForumBadge> {
    const [d] = await this.db.query<
      {
        id: string;
        edition_id: string;
        name: string;
        organization_id: string;
        organization_name: LocalizedText;
        status: ForumBadge['status'];
        checked_in_at: Date | null;
      }[]
    >(
      `SELECT d.id, d.edition_id, d.name, d.organization_id, o.name AS organization_name, d.status, d.checked_in_at
         FROM forum_delegate d JOIN organization o ON o.id = d.organization_id
        WHERE d.id = $1`,
      [id],
    );
    if (!d) throw notFound('Delegate', id);
    return {
      code: signBadge(d.id, this.key),
      delegateId: d.id,
      editionId: d.edition_id,
      delegateName: d.name,
      organizationId: d.organization_id,
      organizationName: d.organization_name,
      status: d.status,
      checkedInAt: d.checked_in_at,
    };
  }
}
