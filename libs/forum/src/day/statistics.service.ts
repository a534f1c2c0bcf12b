import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound, parseId } from '#platform';
import { sectorWithAncestors } from '#directory';
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
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async input(rawEditionId: string): Promise<StatisticsInput> {
    const editionId = parseId(rawEditionId, 'editionId');
    const [edition] = await this.db.query<{ id: string }[]>(`SELECT id FROM forum_edition WHERE id = $1`, [
      editionId,
    ]);
    if (!edition) throw notFound('Forum edition', editionId);
    const [orgs, delegates, requests, meetings, [capacity]] = await Promise.all([
      this.db.query<{ id: string; country: string; kind: string; sectors: string[] }[]>(
        `SELECT o.id, o.country, o.kind, o.sectors FROM organization o
          WHERE o.id IN (SELECT organization_id FROM forum_delegate WHERE edition_id = $1)`,
        [editionId],
      ),
      this.db.query<{ id: string; organizationId: string }[]>(
        `SELECT id, organization_id AS "organizationId" FROM forum_delegate WHERE edition_id = $1`,
        [editionId],
      ),
      this.db.query<{ id: string; fromDelegateId: string; toDelegateId: string | null; status: string }[]>(
        `SELECT id, from_delegate_id AS "fromDelegateId", to_delegate_id AS "toDelegateId",
                CASE WHEN status = 'PENDING' AND expires_at <= now() THEN 'EXPIRED' ELSE status END AS status
           FROM forum_meeting_request WHERE edition_id = $1`,
        [editionId],
      ),
      this.db.query<
        {
          id: string;
          status: string;
          slot_id: string;
          table_id: string | null;
          delegates: string[];
          outcomes: (string | null)[];
        }[]
      >(
        `SELECT mt.id, mt.status, mt.slot_id, mt.table_id,
                array_agg(p.delegate_id ORDER BY p.delegate_id) AS delegates,
                array_agg(p.outcome ORDER BY p.delegate_id) AS outcomes
           FROM forum_meeting mt JOIN forum_meeting_participant p ON p.meeting_id = mt.id
          WHERE mt.edition_id = $1
          GROUP BY mt.id`,
        [editionId],
      ),
      this.db.query<{ n: number }[]>(
        `SELECT ((SELECT count(*) FROM forum_slot WHERE edition_id = $1 AND NOT is_break)
               * (SELECT count(*) FROM forum_table WHERE edition_id = $1 AND active))::int AS n`,
        [editionId],
      ),
    ]);
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
          slotId: mt.slot_id,
          // Meetings without a table share one pseudo-table per slot; they add at most one used pair per slot.
          tableId: mt.table_id ?? '',
        })),
      availableSlotTables: capacity.n,
    };
  }

  async statistics(editionId: string): Promise<ForumStatistics> {
    return forumStatistics(await this.input(editionId));
  }
}
