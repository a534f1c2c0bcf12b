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
import { DelegateRepository } from './delegate.repository.js';

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

/** `%text%` for ILIKE, with the pattern characters of the text taken literally. */
const contains = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The directory of an edition's participants, from which delegates pick whom to ask for a meeting.
 * One page is one query (DelegateRepository.participants): organisation, group and request state are
 * joined, not loaded per row.
 */
@Injectable()
export class ParticipantDirectoryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly delegates: DelegateRepository,
  ) {}

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

    const rows = await this.delegates.participants(this.db.manager, {
      editionId: edition,
      viewerOrganizationIds,
      kinds: filter.kinds,
      countries: filter.countries,
      sectors: filter.sectors,
      goals: filter.goals,
      languages: filter.languages,
      like: filter.query ? contains(filter.query) : null,
      after: cursor ? { createdAt: cursor.createdAt, id: cursor.id } : null,
      limit: first + 1,
    });
    const mine = new Set(viewerOrganizationIds);
    const items = rows.slice(0, first).map((r): Participant => ({
      id: r.id,
      editionId: r.editionId,
      name: r.name,
      languages: r.languages,
      goals: r.goals,
      createdAt: r.createdAt,
      group: r.group ? { ...r.group, editionId: r.editionId } : null,
      organization: {
        id: r.organizationId,
        name: r.organizationName,
        kind: r.kind,
        country: r.country,
        sectors: r.sectors,
      },
      ownOrganization: mine.has(r.organizationId),
      requestId: r.requestId,
      requestStatus: r.requestStatus,
    }));
    return {
      items,
      cursors: items.map((i) => encodeCursor(i.createdAt, i.id)),
      hasNextPage: rows.length > first,
    };
  }
}
