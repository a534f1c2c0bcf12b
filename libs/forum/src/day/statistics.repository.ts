import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A meeting with its participants and their reported outcomes, in delegate id order. */
export interface StatisticsMeeting {
  id: string;
  status: string;
  slotId: string;
  tableId: string | null;
  delegates: string[];
  outcomes: (string | null)[];
}

/**
 * The SQL of what the organiser statistics read of an edition (its delegates, requests, meetings
 * and capacity). Stateless: each call runs on the manager given.
 */
@Injectable()
export class StatisticsRepository {
  /** The organisations with a delegate in the edition, whatever its status. */
  async organizationIds(m: EntityManager, editionId: string): Promise<string[]> {
    const rows = await m.query<{ id: string }[]>(
      `SELECT DISTINCT organization_id AS id FROM forum_delegate WHERE edition_id = $1`,
      [editionId],
    );
    return rows.map((r) => r.id);
  }

  async delegates(m: EntityManager, editionId: string): Promise<{ id: string; organizationId: string }[]> {
    return m.query<{ id: string; organizationId: string }[]>(
      `SELECT id, organization_id AS "organizationId" FROM forum_delegate WHERE edition_id = $1`,
      [editionId],
    );
  }

  /** The edition's requests; a pending one past its expiry reads EXPIRED. */
  async requests(
    m: EntityManager,
    editionId: string,
  ): Promise<{ id: string; fromDelegateId: string; toDelegateId: string | null; status: string }[]> {
    return m.query<{ id: string; fromDelegateId: string; toDelegateId: string | null; status: string }[]>(
      `SELECT id, from_delegate_id AS "fromDelegateId", to_delegate_id AS "toDelegateId",
                CASE WHEN status = 'PENDING' AND expires_at <= now() THEN 'EXPIRED' ELSE status END AS status
           FROM forum_meeting_request WHERE edition_id = $1`,
      [editionId],
    );
  }

  async meetings(m: EntityManager, editionId: string): Promise<StatisticsMeeting[]> {
    const rows = await m.query<
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
    );
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      slotId: r.slot_id,
      tableId: r.table_id,
      delegates: r.delegates,
      outcomes: r.outcomes,
    }));
  }

  /** Meeting places of the edition: its slots that are not breaks times its active tables. */
  async slotTables(m: EntityManager, editionId: string): Promise<number> {
    const [capacity] = await m.query<{ n: number }[]>(
      `SELECT ((SELECT count(*) FROM forum_slot WHERE edition_id = $1 AND NOT is_break)
               * (SELECT count(*) FROM forum_table WHERE edition_id = $1 AND active))::int AS n`,
      [editionId],
    );
    return capacity.n;
  }
}
