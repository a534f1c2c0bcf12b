import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, AppError, badInput, notFound, parseId } from '#platform';
import { directoryFacts, type LocalizedText, type OrganizationFacts } from '#directory';
import { ForumEditionEntity } from '../edition/edition.entity.js';
import { DelegateRepository, type BadgeDelegate } from '../registration/delegate.repository.js';
import { badgeKey, signBadge, verifyBadge } from './badge-code.js';
import { badgeCursor, readBadgeCursor } from './badge-cursor.js';

export interface ForumBadge {
  code: string;
  delegateId: string;
  editionId: string;
  delegateName: string;
  organizationId: string;
  organizationName: LocalizedText;
  /** ISO 3166-1 alpha-2 */
  organizationCountry: string;
  status: 'REGISTERED' | 'WITHDRAWN';
  checkedInAt: Date | null;
}

export const BADGE_PAGE_MAX = 500;

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
    private readonly delegates: DelegateRepository,
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

  /** A page of an edition's registered delegates' badges, by delegate name (printing). */
  /**
   * A page of the edition's registered delegates' badges, by name then id: the `limit` after the
   * position `after` names (the `endCursor` of the page before), or the first ones.
   */
  async page(
    editionId: string,
    after: string | null,
    limit: number,
  ): Promise<{ total: number; badges: ForumBadge[]; endCursor: string | null; hasNextPage: boolean }> {
    const id = parseId(editionId, 'editionId');
    const from = after == null ? null : readBadgeCursor(after);
    if (after != null && !from)
      throw badInput([{ path: 'after', message: 'is not a cursor of this list (use endCursor)' }]);
    if (!Number.isInteger(limit) || limit < 1 || limit > BADGE_PAGE_MAX)
      throw badInput([{ path: 'limit', message: `must be between 1 and ${BADGE_PAGE_MAX}` }]);
    if (!(await this.db.getRepository(ForumEditionEntity).existsBy({ id })))
      throw notFound('ForumEdition', id);
    const total = await this.delegates.registeredCount(this.db.manager, id);
    // One row past the page tells whether another follows.
    const rows = await this.delegates.registeredByName(this.db.manager, id, from, limit + 1);
    const page = rows.slice(0, limit);
    const orgs = await directoryFacts.organizations(
      this.db,
      page.map((d) => d.organizationId),
    );
    const last = page.at(-1);
    return {
      total,
      // A delegate's organisation always exists (a foreign key): every row has its badge.
      badges: page
        .filter((d) => orgs.has(d.organizationId))
        .map((d) => this.toBadge(d, orgs.get(d.organizationId)!)),
      endCursor: last ? badgeCursor({ name: last.name, id: last.id }) : null,
      hasNextPage: rows.length > limit,
    };
  }

  private async load(id: string): Promise<ForumBadge> {
    const d = await this.delegates.badge(this.db.manager, id);
    const org = d && (await directoryFacts.organizations(this.db, [d.organizationId])).get(d.organizationId);
    if (!d || !org) throw notFound('Delegate', id);
    return this.toBadge(d, org);
  }

  private toBadge(d: BadgeDelegate, org: OrganizationFacts): ForumBadge {
    return {
      code: signBadge(d.id, this.key),
      delegateId: d.id,
      editionId: d.editionId,
      delegateName: d.name,
      organizationId: d.organizationId,
      organizationName: org.name,
      organizationCountry: org.country,
      status: d.status,
      checkedInAt: d.checkedInAt,
    };
  }
}
