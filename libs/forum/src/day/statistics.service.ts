import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound, parseId } from '#platform';
import { directoryFacts, sectorWithAncestors } from '#directory';
import { ForumEditionEntity } from '../edition/edition.entity.js';
import { StatisticsRepository } from './statistics.repository.js';
import {
  forumStatistics,
  type ForumStatistics,
  type StatisticsInput,
  type StatsMeetingOutcome,
} from '../stats/statistics.js';

const LATER_STAGES = new Set(['NEGOTIATION_STARTED', 'AGREEMENT_SIGNED', 'CONTRACT_SIGNED']);

/**
 * One meeting's outcome from its sides' reports: a planned follow-up means it was held and wins;
 * then held (one side saying the other did not come is outweighed by the other side being there);
 * then no-show.
 */
export function combinedOutcome(outcomes: (string | null)[]): StatsMeetingOutcome | undefined {
  // A later stage (negotiation, agreement, contract) is a follow-up that happened.
  if (outcomes.some((o) => o === 'FOLLOW_UP' || LATER_STAGES.has(o ?? ''))) return 'FOLLOW_UP';
  if (outcomes.includes('HELD')) return 'HELD';
  if (outcomes.includes('NO_SHOW')) return 'NO_SHOW';
  return undefined;
}

/** The ISIC section (A..U) of an organisation's first sector, when it has one. */
function section(sectors: string[] | null): string | undefined {
  const first = sectors?.[0];
  if (!first) return undefined;
  const chain = sectorWithAncestors(first);
  return chain.length ? chain[chain.length - 1] : first;
}

/** Loads an edition's registrations, requests and meetings and computes the organiser statistics. */
@Injectable()
export class StatisticsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rows: StatisticsRepository,
  ) {}

  async input(rawEditionId: string): Promise<StatisticsInput> {
    const editionId = parseId(rawEditionId, 'editionId');
    if (!(await this.db.getRepository(ForumEditionEntity).existsBy({ id: editionId })))
      throw notFound('Forum edition', editionId);
    const m = this.db.manager;
    const [orgIds, delegates, requests, meetings, capacity] = await Promise.all([
      this.rows.organizationIds(m, editionId),
      this.rows.delegates(m, editionId),
      this.rows.requests(m, editionId),
      this.rows.meetings(m, editionId),
      this.rows.slotTables(m, editionId),
    ]);
    const orgs = [...(await directoryFacts.organizations(m, orgIds)).values()];
    return {
      organizations: orgs.map((o) => ({
        id: o.id,
        country: o.country,
        kind: o.kind,
        sector: section(o.sectors),
      })),
      delegates,
      // A request to an organisation that nobody answered yet has no recipient delegate: it counts in no group.
      requests: requests.map((r) => ({
        id: r.id,
        fromDelegateId: r.fromDelegateId,
        toDelegateId: r.toDelegateId ?? '',
        status: r.status as StatisticsInput['requests'][number]['status'],
      })),
      meetings: meetings
        .filter((mt) => mt.delegates.length === 2)
        .map((mt) => ({
          id: mt.id,
          delegateIds: [mt.delegates[0], mt.delegates[1]] as [string, string],
          status: mt.status as 'DRAFT' | 'PUBLISHED' | 'CANCELLED',
          outcome: combinedOutcome(mt.outcomes),
          slotId: mt.slotId,
          // Meetings without a table share one pseudo-table per slot; they add at most one used pair per slot.
          tableId: mt.tableId ?? '',
        })),
      availableSlotTables: capacity,
    };
  }

  async statistics(editionId: string): Promise<ForumStatistics> {
    return forumStatistics(await this.input(editionId));
  }
}
