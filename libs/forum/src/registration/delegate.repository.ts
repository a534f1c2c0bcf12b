import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { keysetAtSql, keysetSql, returning, type KeysetSlice } from '#platform';
import type { TextByLang } from '../edition/edition.entity.js';
import { ForumDelegateEntity, type DelegateStatus } from './registration.entity.js';

/** What narrows a page of an edition's delegates (values already checked by the service). */
export interface DelegatePageFilter {
  editionId: string;
  organizationId: string | null;
  groupId: string | null;
  status: DelegateStatus | null;
  checkedIn: boolean | null;
  /** ISO 3166-1 alpha-2 code of the delegate's organisation. */
  country: string | null;
  /** `%text%` for ILIKE on the delegate's or the organisation's name. */
  like: string | null;
}

/** A delegate as its badge shows it (the organisation's names read from the directory). */
export interface BadgeDelegate {
  id: string;
  editionId: string;
  name: string;
  organizationId: string;
  status: DelegateStatus;
  checkedInAt: Date | null;
}

/** What narrows the participant directory (values already checked by the service). */
export interface ParticipantQuery {
  editionId: string;
  viewerOrganizationIds: string[];
  kinds: string[];
  countries: string[];
  sectors: string[];
  goals: string[];
  languages: string[];
  /** `%text%` for ILIKE on the delegate's or the organisation's name. */
  like: string | null;
  after: { createdAt: Date | string; id: string } | null;
  limit: number;
}

/** One row of the participant directory. */
export interface ParticipantRow {
  id: string;
  editionId: string;
  name: string;
  languages: string[];
  goals: string[];
  createdAt: Date;
  organizationId: string;
  organizationName: TextByLang;
  kind: string;
  country: string;
  sectors: string[];
  group: {
    id: string;
    code: string;
    name: TextByLang;
    maxMeetings: number | null;
    maxRequests: number | null;
  } | null;
  requestId: string | null;
  requestStatus: 'PENDING' | 'ACCEPTED' | null;
}

/*
 * Owner lookups the forum declares to identity (common/registrations.ts, common/delegate-self.ts):
 * each takes a record id as $1 and answers one `organization_id`.
 */

/** The organisation owning a delegate. */
export const DELEGATE_OWNER_SQL = `SELECT organization_id FROM forum_delegate WHERE id = $1`;

/** The account linked to a delegate's registration. */
export const DELEGATE_ACCOUNT_SQL = `SELECT user_id AS organization_id FROM forum_delegate WHERE id = $1`;

/**
 * A registered delegate's link: the linked account's id, or else the delegate's address (which the
 * account that has verified it stands for).
 */
export const DELEGATE_SELF_SQL = `SELECT coalesce(d.user_id::text, d.email) AS organization_id
     FROM forum_delegate d
    WHERE d.id = $1 AND d.status = 'REGISTERED'`;

/**
 * The editions an organisation takes part in (space-separated ids): those where it is active and has
 * a delegate registered.
 */
export const PARTICIPATING_EDITIONS_SQL = `SELECT string_agg(DISTINCT d.edition_id::text, ' ') AS organization_id
     FROM forum_delegate d JOIN directory_organization_card_v o ON o.id = d.organization_id
    WHERE d.organization_id = $1 AND d.status = 'REGISTERED' AND o.status = 'ACTIVE'`;

/**
 * The SQL of delegate registrations (`forum_delegate`, `forum_delegate_unavailable`), and the reads
 * built on them: badges, the delegate pages and the participant directory. Stateless: each call
 * runs on the manager given (the caller's transaction, or the data source's manager).
 */
@Injectable()
export class DelegateRepository {
  /**
   * One page of an edition's delegates, keyset-ordered on (created_at, id), with the total count of
   * the filter.
   */
  async page(
    m: EntityManager,
    filter: DelegatePageFilter,
    slice: KeysetSlice,
  ): Promise<{ entities: ForumDelegateEntity[]; keysetAt: Map<ForumDelegateEntity, string>; total: number }> {
    const qb = m
      .getRepository(ForumDelegateEntity)
      .createQueryBuilder('d')
      .where('d.edition_id = :editionId', { editionId: filter.editionId });
    if (filter.organizationId) qb.andWhere('d.organization_id = :org', { org: filter.organizationId });
    if (filter.groupId) qb.andWhere('d.group_id = :groupId', { groupId: filter.groupId });
    if (filter.status) qb.andWhere('d.status = :status', { status: filter.status });
    if (filter.checkedIn != null)
      qb.andWhere(filter.checkedIn ? 'd.checked_in_at IS NOT NULL' : 'd.checked_in_at IS NULL');
    if (filter.country != null)
      qb.andWhere(
        'EXISTS (SELECT 1 FROM directory_organization_card_v co WHERE co.id = d.organization_id AND co.country = :country)',
        { country: filter.country },
      );
    if (filter.like)
      qb.andWhere(
        `(d.name ILIKE :like OR EXISTS (SELECT 1 FROM directory_organization_card_v so WHERE so.id = d.organization_id
           AND (so.name->>'ar' ILIKE :like OR so.name->>'fr' ILIKE :like OR so.name->>'en' ILIKE :like)))`,
        { like: filter.like },
      );
    const total = await qb.clone().getCount();
    let n = 0;
    const params: Record<string, string> = {};
    const sql = keysetSql(slice, { at: 'd.created_at', id: 'd.id' }, 'ASC', (v) => {
      params[`ks${n}`] = v;
      return `:ks${n++}`;
    });
    for (const w of sql.where) qb.andWhere(w, params);
    const { entities, raw } = await qb
      .addSelect(keysetAtSql('d.created_at'), 'keyset_at')
      .orderBy('d.created_at', sql.direction)
      .addOrderBy('d.id', sql.direction)
      .limit(sql.limit)
      .getRawAndEntities<{ keyset_at: string }>();
    return { entities, keysetAt: new Map(entities.map((e, i) => [e, raw[i].keyset_at])), total };
  }

  /**
   * The kind and status of the organisation registering a delegate, its row share-locked for the
   * caller's transaction (its status cannot change before the registration commits); null when
   * there is none.
   */
  async lockOrganization(
    m: EntityManager,
    organizationId: string,
  ): Promise<{ kind: string; status: string } | null> {
    const [org] = await m.query<{ kind: string; status: string }[]>(
      `SELECT kind, status FROM directory_organization_card_v WHERE id = $1 FOR SHARE`,
      [organizationId],
    );
    return org ?? null;
  }

  /** The slots each delegate said it cannot attend, by delegate (those with none left out). */
  async unavailableSlots(m: EntityManager, delegateIds: string[]): Promise<Map<string, string[]>> {
    const rows = await m.query<{ delegate_id: string; slot_ids: string[] }[]>(
      `SELECT delegate_id, array_agg(slot_id) AS slot_ids FROM forum_delegate_unavailable
        WHERE delegate_id = ANY($1::uuid[]) GROUP BY delegate_id`,
      [delegateIds],
    );
    return new Map(rows.map((r) => [r.delegate_id, r.slot_ids]));
  }

  /** Records the slots a delegate cannot attend. */
  async addUnavailable(m: EntityManager, delegateId: string, slotIds: string[]): Promise<void> {
    await m.query(
      `INSERT INTO forum_delegate_unavailable (delegate_id, slot_id) SELECT $1, unnest($2::uuid[])`,
      [delegateId, slotIds],
    );
  }

  /** Forgets every slot a delegate said it cannot attend. */
  async clearUnavailable(m: EntityManager, delegateId: string): Promise<void> {
    await m.query(`DELETE FROM forum_delegate_unavailable WHERE delegate_id = $1`, [delegateId]);
  }

  /** Stamps the delegate's arrival (to the millisecond); returns the time stamped. */
  async markCheckedIn(m: EntityManager, delegateId: string): Promise<Date> {
    const [row] = await returning<{ checked_in_at: Date }>(
      m,
      `UPDATE forum_delegate SET checked_in_at = date_trunc('milliseconds', now()), updated_at = now()
        WHERE id = $1 RETURNING checked_in_at`,
      [delegateId],
    );
    return row.checked_in_at;
  }

  /** Delegates' names, by id (those that do not exist left out). */
  async names(m: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await m.query<{ id: string; name: string }[]>(
      `SELECT id::text AS id, name FROM forum_delegate WHERE id = ANY($1::uuid[])`,
      [[...ids]],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** A delegate as its badge shows it; null when there is none. */
  async badge(m: EntityManager, id: string): Promise<BadgeDelegate | null> {
    const [row] = await m.query<BadgeRow[]>(`${BADGE_SELECT} WHERE d.id = $1`, [id]);
    return row ? badgeOf(row) : null;
  }

  /** The number of the edition's registered delegates. */
  async registeredCount(m: EntityManager, editionId: string): Promise<number> {
    const [{ total }] = await m.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM forum_delegate WHERE edition_id = $1 AND status = 'REGISTERED'`,
      [editionId],
    );
    return total;
  }

  /** Up to `limit` of the edition's registered delegates by (name, id), after the position `after`. */
  async registeredByName(
    m: EntityManager,
    editionId: string,
    after: { name: string; id: string } | null,
    limit: number,
  ): Promise<BadgeDelegate[]> {
    const rows = await m.query<BadgeRow[]>(
      `${BADGE_SELECT} WHERE d.edition_id = $1 AND d.status = 'REGISTERED'
        AND ($2::text IS NULL OR (d.name, d.id) > ($2::text, $3::uuid))
        ORDER BY d.name, d.id LIMIT $4`,
      [editionId, after?.name ?? null, after?.id ?? null, limit],
    );
    return rows.map(badgeOf);
  }

  /**
   * A page of the edition's registered delegates of active organisations, in registration order,
   * with their organisation, group and the live request between them and the viewer's organisations:
   * one that the viewer's organisations sent to the delegate (or to its organisation without naming
   * a delegate), or one it sent to them. A pending request past its expiry no longer counts.
   */
  async participants(m: EntityManager, q: ParticipantQuery): Promise<ParticipantRow[]> {
    const params: unknown[] = [q.editionId, q.viewerOrganizationIds];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where = [`d.edition_id = $1`, `d.status = 'REGISTERED'`, `o.status = 'ACTIVE'`];
    if (q.kinds.length) where.push(`o.kind = ANY(${p(q.kinds)}::text[])`);
    if (q.countries.length) where.push(`o.country::text = ANY(${p(q.countries)}::text[])`);
    if (q.sectors.length) where.push(`o.sectors && ${p(q.sectors)}::text[]`);
    if (q.goals.length) where.push(`d.goals && ${p(q.goals)}::text[]`);
    if (q.languages.length) where.push(`d.languages && ${p(q.languages)}::text[]`);
    if (q.like) {
      const like = p(q.like);
      where.push(
        `(d.name ILIKE ${like} OR o.name->>'ar' ILIKE ${like} OR o.name->>'fr' ILIKE ${like} OR o.name->>'en' ILIKE ${like})`,
      );
    }
    if (q.after) {
      const at = p(q.after.createdAt);
      where.push(`(d.created_at > ${at} OR (d.created_at = ${at} AND d.id > ${p(q.after.id)}))`);
    }
    const limit = p(q.limit);
    const rows = await m.query<ParticipantSqlRow[]>(
      `SELECT d.id, d.edition_id, d.name, d.languages, d.goals, d.created_at,
              o.id AS organization_id, o.name AS organization_name, o.kind, o.country, o.sectors,
              g.id AS group_id, g.code AS group_code, g.name AS group_name, g.max_meetings, g.max_requests,
              r.id AS request_id, r.status AS request_status
         FROM forum_delegate d
         JOIN directory_organization_card_v o ON o.id = d.organization_id
         LEFT JOIN forum_group g ON g.id = d.group_id
         LEFT JOIN LATERAL (
           SELECT q.id, q.status FROM forum_meeting_request q
            WHERE q.edition_id = d.edition_id
              AND (q.status = 'ACCEPTED' OR (q.status = 'PENDING' AND q.expires_at > now()))
              AND ((q.from_organization_id = ANY($2::uuid[]) AND q.to_organization_id = d.organization_id
                    AND (q.to_delegate_id IS NULL OR q.to_delegate_id = d.id))
                OR (q.from_delegate_id = d.id AND q.to_organization_id = ANY($2::uuid[])))
            ORDER BY (q.status = 'ACCEPTED') DESC, q.created_at DESC
            LIMIT 1
         ) r ON true
        WHERE ${where.join(' AND ')}
        ORDER BY d.created_at, d.id
        LIMIT ${limit}`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      editionId: r.edition_id,
      name: r.name,
      languages: r.languages,
      goals: r.goals,
      createdAt: r.created_at,
      organizationId: r.organization_id,
      organizationName: r.organization_name,
      kind: r.kind,
      country: r.country,
      sectors: r.sectors,
      group: r.group_id
        ? {
            id: r.group_id,
            code: r.group_code!,
            name: r.group_name!,
            maxMeetings: r.max_meetings,
            maxRequests: r.max_requests,
          }
        : null,
      requestId: r.request_id,
      requestStatus: r.request_status,
    }));
  }
}

interface BadgeRow {
  id: string;
  edition_id: string;
  name: string;
  organization_id: string;
  status: DelegateStatus;
  checked_in_at: Date | null;
}

const BADGE_SELECT = `SELECT d.id, d.edition_id, d.name, d.organization_id, d.status, d.checked_in_at
  FROM forum_delegate d`;

const badgeOf = (r: BadgeRow): BadgeDelegate => ({
  id: r.id,
  editionId: r.edition_id,
  name: r.name,
  organizationId: r.organization_id,
  status: r.status,
  checkedInAt: r.checked_in_at,
});

interface ParticipantSqlRow {
  id: string;
  edition_id: string;
  name: string;
  languages: string[];
  goals: string[];
  created_at: Date;
  organization_id: string;
  organization_name: TextByLang;
  kind: string;
  country: string;
  sectors: string[];
  group_id: string | null;
  group_code: string | null;
  group_name: TextByLang | null;
  max_meetings: number | null;
  max_requests: number | null;
  request_id: string | null;
  request_status: 'PENDING' | 'ACCEPTED' | null;
}
