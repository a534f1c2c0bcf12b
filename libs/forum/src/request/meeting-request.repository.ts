import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { keysetAtSql, keysetSql, returning, type KeysetPosition, type KeysetSlice } from '#platform';
import type { TextByLang } from '../edition/edition.entity.js';
import { MeetingRequestEntity, type RequestStatus } from './request.entity.js';

/** What a notice needs of a request: its two sides. */
export interface RequestSides {
  id: string;
  editionId: string;
  fromDelegateId: string;
  fromOrganizationId: string;
  toDelegateId: string | null;
  toOrganizationId: string;
  requestedBy: string | null;
}

/** Which requests of an edition a page holds; each filter applies to the side `direction` names (either for ANY). */
export interface RequestPageFilter {
  editionId: string;
  organizationId: string | null;
  delegateId: string | null;
  groupId: string | null;
  statuses: RequestStatus[] | null;
  direction: 'SENT' | 'RECEIVED' | 'ANY';
}

/** Requests counted from one key to another (organisation or group ids), for the organisers' matrix. */
export interface RequestCountRow {
  fromKey: string | null;
  toKey: string | null;
  pending: number;
  accepted: number;
  total: number;
}

export type RequestCountKey = 'ORGANIZATION' | 'GROUP';

// The key of each side of a request for each grouping, and the joins it needs.
const SIDES: Record<RequestCountKey, { from: string; to: string; joins: string }> = {
  ORGANIZATION: { from: 'r.from_organization_id::text', to: 'r.to_organization_id::text', joins: '' },
  GROUP: {
    from: 'fd.group_id::text',
    to: 'td.group_id::text',
    joins: `JOIN forum_delegate fd ON fd.id = r.from_delegate_id
            LEFT JOIN forum_delegate td ON td.id = r.to_delegate_id`,
  },
};

interface SidesRow {
  id: string;
  edition_id: string;
  from_delegate_id: string;
  from_organization_id: string;
  to_delegate_id: string | null;
  to_organization_id: string;
  requested_by: string | null;
}
const SIDES_COLUMNS =
  'id, edition_id, from_delegate_id, from_organization_id, to_delegate_id, to_organization_id, requested_by';
const sidesOf = (r: SidesRow): RequestSides => ({
  id: r.id,
  editionId: r.edition_id,
  fromDelegateId: r.from_delegate_id,
  fromOrganizationId: r.from_organization_id,
  toDelegateId: r.to_delegate_id,
  toOrganizationId: r.to_organization_id,
  requestedBy: r.requested_by,
});

/** SQL of meeting requests (forum_meeting_request) beyond TypeORM's entity calls. */
@Injectable()
export class MeetingRequestRepository {
  /** Marks pending requests past their expiry date as expired (of one edition, or all); the requests expired. */
  async expireDue(m: EntityManager, editionId: string | null): Promise<RequestSides[]> {
    const rows = await returning<SidesRow>(
      m,
      `UPDATE forum_meeting_request SET status = 'EXPIRED', updated_at = now()
          WHERE status = 'PENDING' AND expires_at <= now() AND ($1::uuid IS NULL OR edition_id = $1)
          RETURNING ${SIDES_COLUMNS}`,
      [editionId],
    );
    return rows.map(sidesOf);
  }

  /** Marks one request expired when it is pending and past its date; the request when it was. */
  async expireOne(m: EntityManager, requestId: string): Promise<RequestSides[]> {
    const rows = await returning<SidesRow>(
      m,
      `UPDATE forum_meeting_request SET status = 'EXPIRED', updated_at = now()
          WHERE id = $1 AND status = 'PENDING' AND expires_at <= now()
          RETURNING ${SIDES_COLUMNS}`,
      [requestId],
    );
    return rows.map(sidesOf);
  }

  /**
   * A pending request the other side already sent for the same meeting: from `fromOrganizationId`
   * to `toOrganizationId`, addressed to the organisation or to `toDelegateId`.
   */
  async pendingBetween(
    m: EntityManager,
    q: { editionId: string; fromOrganizationId: string; toOrganizationId: string; toDelegateId: string },
  ): Promise<string | null> {
    const reverse = await m.query<{ id: string }[]>(
      `SELECT id FROM forum_meeting_request
            WHERE edition_id = $1 AND from_organization_id = $2 AND to_organization_id = $3 AND status = 'PENDING'
              AND (to_delegate_id IS NULL OR to_delegate_id = $4) LIMIT 1`,
      [q.editionId, q.fromOrganizationId, q.toOrganizationId, q.toDelegateId],
    );
    return reverse.length ? reverse[0].id : null;
  }

  /** Requests a delegate sent that are in one of the statuses. */
  async countSent(m: EntityManager, delegateId: string, statuses: RequestStatus[]): Promise<number> {
    const [{ n }] = await m.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM forum_meeting_request WHERE from_delegate_id = $1 AND status = ANY($2)`,
      [delegateId, statuses],
    );
    return n;
  }

  /** Accepted requests a delegate takes part in, on either side. */
  async countAccepted(m: EntityManager, delegateId: string): Promise<number> {
    const [{ n }] = await m.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM forum_meeting_request
        WHERE status = 'ACCEPTED' AND (from_delegate_id = $1 OR to_delegate_id = $1)`,
      [delegateId],
    );
    return n;
  }

  /** The edition's accepted requests among `ids`, with their two delegates. */
  async acceptedAmong(
    m: EntityManager,
    editionId: string,
    ids: string[],
  ): Promise<{ id: string; fromDelegateId: string; toDelegateId: string }[]> {
    const accepted = await m.query<{ id: string; from_delegate_id: string; to_delegate_id: string }[]>(
      `SELECT id, from_delegate_id, to_delegate_id FROM forum_meeting_request
            WHERE edition_id = $1 AND status = 'ACCEPTED' AND id = ANY($2::uuid[])`,
      [editionId, ids],
    );
    return accepted.map((a) => ({
      id: a.id,
      fromDelegateId: a.from_delegate_id,
      toDelegateId: a.to_delegate_id,
    }));
  }

  /**
   * The registered delegates a side of a request reaches: the delegate it names, else every
   * registered delegate of the organisation in the edition; by address.
   */
  async delegatesReached(
    m: EntityManager,
    side: { delegateId: string | null; editionId: string; organizationId: string },
  ): Promise<{ email: string; userId: string | null }[]> {
    const rows = await m.query<{ email: string; user_id: string | null }[]>(
      `SELECT d.email, d.user_id FROM forum_delegate d
          WHERE d.status = 'REGISTERED'
            AND (d.id = $1 OR ($1::uuid IS NULL AND d.edition_id = $2 AND d.organization_id = $3))
          ORDER BY d.email`,
      [side.delegateId, side.editionId, side.organizationId],
    );
    return rows.map((r) => ({ email: r.email, userId: r.user_id }));
  }

  /**
   * One page of an edition's requests in keyset order on (created_at, id), newest first, with the
   * count of all the filter matches.
   */
  async page(
    m: EntityManager,
    filter: RequestPageFilter,
    slice: KeysetSlice,
  ): Promise<{ rows: { request: MeetingRequestEntity; at: KeysetPosition }[]; totalCount: number }> {
    const qb = m
      .getRepository(MeetingRequestEntity)
      .createQueryBuilder('r')
      .where('r.edition_id = :editionId', { editionId: filter.editionId });
    const dir = filter.direction;
    const side = (sent: string, received: string) =>
      dir === 'SENT' ? sent : dir === 'RECEIVED' ? received : `(${sent} OR ${received})`;
    if (filter.organizationId)
      qb.andWhere(side('r.from_organization_id = :org', 'r.to_organization_id = :org'), {
        org: filter.organizationId,
      });
    if (filter.delegateId)
      qb.andWhere(side('r.from_delegate_id = :d', 'r.to_delegate_id = :d'), { d: filter.delegateId });
    if (filter.groupId) {
      const inGroup = (col: string) =>
        `EXISTS (SELECT 1 FROM forum_delegate gd WHERE gd.id = ${col} AND gd.group_id = :g)`;
      qb.andWhere(side(inGroup('r.from_delegate_id'), inGroup('r.to_delegate_id')), { g: filter.groupId });
    }
    if (filter.statuses?.length) qb.andWhere('r.status IN (:...statuses)', { statuses: filter.statuses });
    const totalCount = await qb.clone().getCount();
    let n = 0;
    const params: Record<string, string> = {};
    const sql = keysetSql(slice, { at: 'r.created_at', id: 'r.id' }, 'DESC', (v) => {
      params[`ks${n}`] = v;
      return `:ks${n++}`;
    });
    for (const w of sql.where) qb.andWhere(w, params);
    const { entities, raw } = await qb
      .addSelect(keysetAtSql('r.created_at'), 'keyset_at')
      .orderBy('r.created_at', sql.direction)
      .addOrderBy('r.id', sql.direction)
      .limit(sql.limit)
      .getRawAndEntities<{ keyset_at: string }>();
    return {
      rows: entities.map((request, i) => ({ request, at: { at: raw[i].keyset_at, id: request.id } })),
      totalCount,
    };
  }

  /** An edition's requests in some statuses counted by the organisations or groups of their two sides. */
  async countBetween(
    m: EntityManager,
    editionId: string,
    key: RequestCountKey,
    statuses: readonly RequestStatus[],
  ): Promise<RequestCountRow[]> {
    const side = SIDES[key];
    const rows = await m.query<
      { from_key: string | null; to_key: string | null; pending: number; accepted: number; total: number }[]
    >(
      `SELECT ${side.from} AS from_key, ${side.to} AS to_key,
              count(*) FILTER (WHERE r.status = 'PENDING')::int AS pending,
              count(*) FILTER (WHERE r.status = 'ACCEPTED')::int AS accepted,
              count(*)::int AS total
         FROM forum_meeting_request r ${side.joins}
        WHERE r.edition_id = $1 AND r.status = ANY($2::text[])
        GROUP BY 1, 2
        ORDER BY total DESC, from_key NULLS LAST, to_key NULLS LAST`,
      [editionId, statuses],
    );
    return rows.map((r) => ({
      fromKey: r.from_key,
      toKey: r.to_key,
      pending: r.pending,
      accepted: r.accepted,
      total: r.total,
    }));
  }

  /** The names of the groups among `ids`, by id. */
  async groupNames(m: EntityManager, ids: string[]): Promise<Map<string, TextByLang>> {
    const rows = await m.query<{ id: string; name: TextByLang }[]>(
      `SELECT id::text AS id, name FROM forum_group WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /**
   * Cancels the open (pending or accepted) requests a withdrawn delegate sent or was asked in, in
   * the name of its organisation; returns their ids.
   */
  async cancelOpenOfDelegate(
    m: EntityManager,
    delegateId: string,
    organizationId: string,
  ): Promise<string[]> {
    const rows = await returning<{ id: string }>(
      m,
      `UPDATE forum_meeting_request
              SET status = 'CANCELLED', cancelled_by_organization_id = $2, reason = 'delegate withdrawn', updated_at = now()
            WHERE (from_delegate_id = $1 OR to_delegate_id = $1) AND status IN ('PENDING','ACCEPTED')
            RETURNING id`,
      [delegateId, organizationId],
    );
    return rows.map((r) => r.id);
  }
}
