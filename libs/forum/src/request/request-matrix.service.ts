import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { parseId } from '#platform';
import { directoryFacts } from '#directory';
import type { TextByLang } from '../edition/edition.entity.js';
import { REQUEST_STATUSES, type RequestStatus } from './request.entity.js';
import { RequestService } from './request.service.js';
import { MeetingRequestRepository, type RequestCountRow } from './meeting-request.repository.js';

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

/** Counts of an edition's meeting requests between organisations, countries or groups, for the organisers' matrix. */
@Injectable()
export class RequestMatrixService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly requests: RequestService,
    private readonly requestRows: MeetingRequestRepository,
  ) {}

  async matrix(
    rawEditionId: string,
    groupBy: MatrixGrouping,
    statuses?: RequestStatus[] | null,
  ): Promise<MatrixCell[]> {
    const editionId = parseId(rawEditionId, 'editionId');
    await this.requests.expireDue(undefined, editionId);
    const counted = await this.requestRows.countBetween(
      this.db.manager,
      editionId,
      groupBy === 'GROUP' ? 'GROUP' : 'ORGANIZATION',
      statuses?.length ? statuses : [...REQUEST_STATUSES],
    );
    const keys = [
      ...new Set(counted.flatMap((r) => [r.fromKey, r.toKey]).filter((k): k is string => k !== null)),
    ];
    if (groupBy === 'COUNTRY') return this.byCountry(counted, keys);
    const labels =
      groupBy === 'ORGANIZATION'
        ? new Map(
            [...(await directoryFacts.organizations(this.db, keys)).values()].map((o) => [o.id, o.name]),
          )
        : await this.requestRows.groupNames(this.db.manager, keys);
    return counted.map((r) => ({
      fromKey: r.fromKey,
      fromLabel: r.fromKey === null ? null : (labels.get(r.fromKey) ?? null),
      toKey: r.toKey,
      toLabel: r.toKey === null ? null : (labels.get(r.toKey) ?? null),
      pending: r.pending,
      accepted: r.accepted,
      total: r.total,
    }));
  }

  /**
   * The counts between organisations added up by the countries of the two sides, most requests
   * first, then by country codes; countries are named by the client from their codes.
   */
  private async byCountry(counted: RequestCountRow[], organizationIds: string[]): Promise<MatrixCell[]> {
    const organizations = await directoryFacts.organizations(this.db, organizationIds);
    const cells = new Map<string, MatrixCell>();
    for (const r of counted) {
      const from = organizations.get(r.fromKey!)?.country.trimEnd();
      const to = organizations.get(r.toKey!)?.country.trimEnd();
      if (from === undefined || to === undefined) continue;
      const key = `${from}|${to}`;
      const cell = cells.get(key);
      if (cell) {
        cell.pending += r.pending;
        cell.accepted += r.accepted;
        cell.total += r.total;
      } else
        cells.set(key, {
          fromKey: from,
          fromLabel: null,
          toKey: to,
          toLabel: null,
          pending: r.pending,
          accepted: r.accepted,
          total: r.total,
        });
    }
    const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return [...cells.values()].sort(
      (a, b) => b.total - a.total || byCode(a.fromKey!, b.fromKey!) || byCode(a.toKey!, b.toKey!),
    );
  }
}
