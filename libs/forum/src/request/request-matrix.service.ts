import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { parseId } from '#platform';
import type { TextByLang } from '../edition/edition.entity.js';
import { REQUEST_STATUSES, type RequestStatus } from './request.entity.js';
import { RequestService } from './request.service.js';

export const MATRIX_GROUPINGS = ['ORGANIZATION', 'COUNTRY', 'GROUP'] as const;
export type MatrixGrouping = (typeof MATRIX_GROUPINGS)[number];

/** Requests from one side to another: organisations, countries or groups. */
export interface MatrixCell {
  fromKey: string | null;
  fromLabel: TextByLang | null;
  toKey: string | null;
  toLabel: TextByLang | null;
  pending: number;
  accepted: number;
  total: number;
}

// The key of each side of a request for each grouping, and the joins it needs.
const SIDES: Record<MatrixGrouping, { from: string; to: string; joins: string }> = {
  ORGANIZATION: { from: 'r.from_organization_id::text', to: 'r.to_organization_id::text', joins: '' },
  COUNTRY: {
    from: 'fo.country::text',
    to: 'tor.country::text',
    joins: `JOIN organization fo ON fo.id = r.from_organization_id
            JOIN organization tor ON tor.id = r.to_organization_id`,
  },
  GROUP: {
    from: 'fd.group_id::text',
    to: 'td.group_id::text',
    joins: `JOIN forum_delegate fd ON fd.id = r.from_delegate_id
            LEFT JOIN forum_delegate td ON td.id = r.to_delegate_id`,
  },
};

/** Counts of an edition's meeting requests between organisations, countries or groups, for the organisers' matrix. */
@Injectable()
export class RequestMatrixService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly requests: RequestService,
  ) {}

  async matrix(
    rawEditionId: string,
    groupBy: MatrixGrouping,
    statuses?: RequestStatus[] | null,
  ): Promise<MatrixCell[]> {
    const editionId = parseId(rawEditionId, 'editionId');
    await this.requests.expireDue(undefined, editionId);
    const side = SIDES[groupBy];
    const rows = await this.db.query<
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
      [editionId, statuses?.length ? statuses : [...REQUEST_STATUSES]],
    );
    const labels = await this.labels(groupBy, [
      ...new Set(rows.flatMap((r) => [r.from_key, r.to_key]).filter((k): k is string => k !== null)),
    ]);
    return rows.map((r) => ({
      fromKey: r.from_key,
      fromLabel: r.from_key === null ? null : (labels.get(r.from_key) ?? null),
      toKey: r.to_key,
      toLabel: r.to_key === null ? null : (labels.get(r.to_key) ?? null),
      pending: r.pending,
      accepted: r.accepted,
      total: r.total,
    }));
  }

  /** Names of the organisations or groups keyed; countries are named by the client from their codes. */
  private async labels(groupBy: MatrixGrouping, keys: string[]): Promise<Map<string, TextByLang>> {
    if (groupBy === 'COUNTRY' || keys.length === 0) return new Map();
    const table = groupBy === 'ORGANIZATION' ? 'organization' : 'forum_group';
    const rows = await this.db.query<{ id: string; name: TextByLang }[]>(
      `SELECT id::text AS id, name FROM ${table} WHERE id = ANY($1::uuid[])`,
      [keys],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
