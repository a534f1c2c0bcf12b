import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MeetingEntity } from '../meeting/meeting.entity.js';

/** A slot where two delegates could meet, with the active tables free in it. */
export interface FreeSlotRow {
  slotId: string;
  position: number;
  day: string;
  session: string;
  startsAt: Date;
  endsAt: Date;
  /** Active tables free in the slot (0 when the edition has no tables at all). */
  freeTables: number;
  /** The edition has active tables. */
  hasTables: boolean;
}

/**
 * Slots that have not started where both delegates are free and, when the edition has tables, at
 * least one active table is free. Organisers ($6 true) see the working schedule: draft meetings and
 * both delegates' unavailable slots. Anyone else sees what the delegates themselves are shown: only
 * published meetings, and only the unavailability of their own delegate ($2), never the other's.
 */
const FREE_SLOTS = `
  SELECT s.id AS "slotId", s.position, s.day::text AS day, s.session, s.starts_at AS "startsAt", s.ends_at AS "endsAt",
         (SELECT count(*)::int FROM forum_table t
           WHERE t.edition_id = s.edition_id AND t.active
             AND NOT EXISTS (SELECT 1 FROM forum_meeting mt
                              WHERE mt.status <> 'CANCELLED'
                                AND CASE WHEN $6 THEN mt.slot_id = s.id AND mt.table_id = t.id
                                         ELSE mt.published_slot_id = s.id AND mt.published_table_id = t.id END))
           AS "freeTables",
         EXISTS (SELECT 1 FROM forum_table t WHERE t.edition_id = s.edition_id AND t.active) AS "hasTables"
    FROM forum_slot s
   WHERE s.edition_id = $1 AND NOT s.is_break AND s.starts_at > $4 AND ($5::uuid IS NULL OR s.id = $5)
     AND NOT ($6 AND EXISTS (SELECT 1 FROM forum_meeting_participant p
                              WHERE p.slot_id = s.id AND p.delegate_id IN ($2, $3) AND p.status <> 'CANCELLED'))
     AND NOT (NOT $6 AND EXISTS (SELECT 1 FROM forum_meeting_participant p JOIN forum_meeting mt ON mt.id = p.meeting_id
                                  WHERE p.delegate_id IN ($2, $3) AND mt.published_slot_id = s.id
                                    AND mt.status <> 'CANCELLED'))
     AND NOT EXISTS (SELECT 1 FROM forum_delegate_unavailable u
                      WHERE u.slot_id = s.id AND (u.delegate_id = $2 OR ($6 AND u.delegate_id = $3)))
   ORDER BY s.position`;

/**
 * The SQL of walk-in meetings' reads: who may meet, where both sides are free, the other side's
 * pending proposal and the meeting a request booked. Stateless: each call runs on the manager given.
 */
@Injectable()
export class WalkInRepository {
  /**
   * Those of the delegates registered in the edition, whose edition is visible to the viewer (not
   * a draft unless `organiser`).
   */
  async registered(
    m: EntityManager,
    editionId: string,
    delegateIds: [string, string],
    organiser: boolean,
  ): Promise<Set<string>> {
    const rows = await m.query<{ id: string }[]>(
      `SELECT d.id FROM forum_delegate d JOIN forum_edition e ON e.id = d.edition_id
        WHERE d.id IN ($1, $2) AND d.edition_id = $3 AND d.status = 'REGISTERED' AND ($4 OR e.status <> 'DRAFT')`,
      [delegateIds[0], delegateIds[1], editionId, organiser],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Slots after `after` (or only `slotId`) where delegates `a` and `b` are both free, as the full
   * view (organisers) or a member's view shows them, in slot order.
   */
  async freeSlots(
    m: EntityManager,
    q: { editionId: string; a: string; b: string; after: Date; slotId: string | null; fullView: boolean },
  ): Promise<FreeSlotRow[]> {
    const rows = await m.query<FreeSlotRow[]>(FREE_SLOTS, [
      q.editionId,
      q.a,
      q.b,
      q.after,
      q.slotId,
      q.fullView,
    ]);
    return rows.map((r) => ({ ...r, startsAt: new Date(r.startsAt), endsAt: new Date(r.endsAt) }));
  }

  /**
   * A live walk-in proposal from `fromDelegateId` to `toDelegateId`, locked for the caller's
   * transaction; null when there is none.
   */
  async lockPendingProposal(
    m: EntityManager,
    fromDelegateId: string,
    toDelegateId: string,
  ): Promise<{ id: string; proposedSlotId: string } | null> {
    const [reverse] = await m.query<{ id: string; proposed_slot_id: string }[]>(
      `SELECT id, proposed_slot_id FROM forum_meeting_request
              WHERE source = 'WALK_IN' AND status = 'PENDING' AND expires_at > now()
                AND from_delegate_id = $1 AND to_delegate_id = $2
              FOR UPDATE`,
      [fromDelegateId, toDelegateId],
    );
    return reverse ? { id: reverse.id, proposedSlotId: reverse.proposed_slot_id } : null;
  }

  /** The live (not cancelled) meeting a request booked; null when there is none. */
  async meetingOf(m: EntityManager, requestId: string): Promise<MeetingEntity | null> {
    return m
      .getRepository(MeetingEntity)
      .createQueryBuilder('mt')
      .where('mt.request_id = :requestId', { requestId })
      .andWhere(`mt.status <> 'CANCELLED'`)
      .getOne();
  }
}
