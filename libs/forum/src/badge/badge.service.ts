import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, AppError, badInput, notFound, parseId } from '#platform';
import { type LocalizedText } from '#directory';
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

interface BadgeRow {
  id: string;
  edition_id: string;
  name: string;
  organization_id: string;
  organization_name: LocalizedText;
  organization_country: string;
  status: ForumBadge['status'];
  checked_in_at: Date | null;
}

const BADGE_SELECT = `SELECT d.id, d.edition_id, d.name, d.organization_id, o.name AS organization_name,
       o.country AS organization_country, d.status, d.checked_in_at
  FROM forum_delegate d JOIN organization o ON o.id = d.organization_id`;

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
    const [edition] = await this.db.query<{ id: string }[]>(`SELECT id FROM forum_edition WHERE id = $1`, [
      id,
    ]);
    if (!edition) throw notFound('ForumEdition', id);
    const [{ total }] = await this.db.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM forum_delegate WHERE edition_id = $1 AND status = 'REGISTERED'`,
      [id],
    );
    // One row past the page tells whether another follows.
    const rows = await this.db.query<BadgeRow[]>(
      `${BADGE_SELECT} WHERE d.edition_id = $1 AND d.status = 'REGISTERED'
        AND ($2::text IS NULL OR (d.name, d.id) > ($2::text, $3::uuid))
        ORDER BY d.name, d.id LIMIT $4`,
      [id, from?.name ?? null, from?.id ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      total,
      badges: page.map((r) => this.toBadge(r)),
      endCursor: last ? badgeCursor({ name: last.name, id: last.id }) : null,
      hasNextPage: rows.length > limit,
    };
  }

  private async load(id: string): Promise<ForumBadge> {
    const [d] = await this.db.query<BadgeRow[]>(`${BADGE_SELECT} WHERE d.id = $1`, [id]);
    if (!d) throw notFound('Delegate', id);
    return this.toBadge(d);
  }

  private toBadge(d: BadgeRow): ForumBadge {
    return {
      code: signBadge(d.id, this.key),
      delegateId: d.id,
      editionId: d.edition_id,
      delegateName: d.name,
      organizationId: d.organization_id,
      organizationName: d.organization_name,
      organizationCountry: d.organization_country,
      status: d.status,
      checkedInAt: d.checked_in_at,
    };
  }
}
