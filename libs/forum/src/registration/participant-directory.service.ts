import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AppError,
  badInput,
  checkPageSize,
  decodeCursor,
  encodeCursor,
  notFound,
  parseId,
  parseInput,
} from '#platform';
import type { TextByLang } from '../edition/edition.entity.js';
import { ForumEditionEntity } from '../edition/edition.entity.js';
import { participantFilterSchema } from './participant.schema.js';

/** A registered delegate as other participants see it: no email, no phone, nothing personal beyond the name. */
export interface Participant {
  id: string;
  editionId: string;
  name: string;
  languages: string[];
  goals: string[];
  createdAt: Date;
  group: {
    id: string;
    editionId: string;
    code: string;
    name: TextByLang;
    maxMeetings: number | null;
    maxRequests: number | null;
  } | null;
  organization: { id: string; name: TextByLang; kind: string; country: string; sectors: string[] };
  /** Whether the delegate belongs to one of the viewer's organisations. */
  ownOrganization: boolean;
  /** The live (pending or accepted) request between the viewer's organisations and this delegate. */
  requestId: string | null;
  requestStatus: 'PENDING' | 'ACCEPTED' | null;
}

export interface ParticipantPage {
  items: Participant[];
  cursors: string[];
  hasNextPage: boolean;
}

interface Row {
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

/** `%text%` for ILIKE, with the pattern characters of the text taken literally. */
const contains = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The directory of an edition's participants, from which delegates pick whom to ask for a meeting.
 * One page is one query: organisation, group and request state are joined, not loaded per row.
 */
@Injectable()
export class ParticipantDirectoryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Registered delegates of active organisations in the edition, in registration order.
   * `viewerOrganizationIds` marks the viewer's own delegates and the requests already exchanged.
   * Only an OPEN edition is listed, except to organisers (`anyStatus`).
   */
  async list(
    editionId: string,
    rawFilter: unknown,
    first: number,
    after: string | null | undefined,
    viewerOrganizationIds: string[],
    anyStatus = false,
  ): Promise<ParticipantPage> {
    const edition = parseId(editionId, 'editionId');
    checkPageSize(first);
    const filter = parseInput(participantFilterSchema, rawFilter, 'filter');
    const cursor = after ? decodeCursor(after) : null;
    if (after && !cursor)
      throw badInput([{ path: 'after', message: 'is not a cursor returned by this API' }]);
    const found = await this.db.getRepository(ForumEditionEntity).findOneBy({ id: edition });
    if (!found) throw notFound('Forum edition', edition);
    if (!anyStatus && found.status !== 'OPEN')
      throw new AppError('CONFLICT', 'the participants of an edition are listed while it is open', {
        status: found.status,
      });

    const params: unknown[] = [edition, viewerOrganizationIds];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where = [`d.edition_id = $1`, `d.status = 'REGISTERED'`, `o.status = 'ACTIVE'`];
    if (filter.kinds.length) where.push(`o.kind = ANY(${p(filter.kinds)}::text[])`);
    if (filter.countries.length) where.push(`o.country::text = ANY(${p(filter.countries)}::text[])`);
    if (filter.sectors.length) where.push(`o.sectors && ${p(filter.sectors)}::text[]`);
    if (filter.goals.length) where.push(`d.goals && ${p(filter.goals)}::text[]`);
    if (filter.languages.length) where.push(`d.languages && ${p(filter.languages)}::text[]`);
    if (filter.query) {
      const q = p(contains(filter.query));
      where.push(
        `(d.name ILIKE ${q} OR o.name->>'ar' ILIKE ${q} OR o.name->>'fr' ILIKE ${q} OR o.name->>'en' ILIKE ${q})`,
      );
    }
    if (cursor) {
      const at = p(cursor.createdAt);
      where.push(`(d.created_at > ${at} OR (d.created_at = ${at} AND d.id > ${p(cursor.id)}))`);
    }
    const limit = p(first + 1);

    // A request "with" a delegate: one the viewer's organisations sent to it (or to its organisation
    // without naming a delegate), or one it sent to them. A pending request past its expiry no longer counts.
    const rows = await this.db.query<Row[]>(
      `SELECT d.id, d.edition_id, d.name, d.languages, d.goals, d.created_at,
              o.id AS organization_id, o.name AS organization_name, o.kind, o.country, o.sectors,
              g.id AS group_id, g.code AS group_code, g.name AS group_name, g.max_meetings, g.max_requests,
              r.id AS request_id, r.status AS request_status
         FROM forum_delegate d
         JOIN organization o ON o.id = d.organization_id
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
    const mine = new Set(viewerOrganizationIds);
    const items = rows.slice(0, first).map((r): Participant => ({
      id: r.id,
      editionId: r.edition_id,
      name: r.name,
      languages: r.languages,
      goals: r.goals,
      createdAt: r.created_at,
      group: r.group_id
        ? {
            id: r.group_id,
            editionId: r.edition_id,
            code: r.group_code!,
            name: r.group_name!,
            maxMeetings: r.max_meetings,
            maxRequests: r.max_requests,
          }
        : null,
      organization: {
        id: r.organization_id,
        name: r.organization_name,
        kind: r.kind,
        country: r.country,
        sectors: r.sectors,
      },
      ownOrganization: mine.has(r.organization_id),
      requestId: r.request_id,
      requestStatus: r.request_status,
    }));
    return {
      items,
      cursors: items.map((i) => encodeCursor(i.createdAt, i.id)),
      hasNextPage: rows.length > first,
    };
  }
}
