import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppError, notFound } from '#platform';
import { parseId } from '#directory';
import { MeetingEntity } from './meeting.entity.js';
import { MeetingRequestEntity } from '../request/request.entity.js';
import { ForumSlotEntity, ForumTableEntity } from '../edition/edition.entity.js';
import { retryOnDeadlock, withForumErrors } from '../common/db-errors.js';
import { changedRows } from '../common/sql.js';
import { recordAgendaChanges } from './meeting-writes.js';

/** iCalendar UID of a meeting: stable for its whole life. */
export const meetingUid = (id: string): string => `${id}@forum.tashbik`;

/** Meetings placed by hand (organisers, walk-ins), pins and single cancellations. */
@Injectable()
export class MeetingService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(id: string): Promise<MeetingEntity> {
    const mt = await this.db.getRepository(MeetingEntity).findOneBy({ id: parseId(id, 'meetingId') });
    if (!mt) throw notFound('Meeting', id);
    return mt;
  }

  /**
   * Books an accepted request into a slot (and a table: the one given, or the first free one),
   * published at once and pinned. Whatever else runs at the same time, the database refuses a
   * second meeting for a delegate or a table in that slot: the loser gets SLOT_TAKEN.
   */
  async book(requestId: string, slotId: string, tableId: string | null): Promise<MeetingEntity> {
    const rid = parseId(requestId, 'requestId');
    const sid = parseId(slotId, 'slotId');
    return withForumErrors(() =>
      retryOnDeadlock(() =>
        this.db.transaction(async (m) => {
          const req = await m.findOneBy(MeetingRequestEntity, { id: rid });
          if (!req) throw notFound('Meeting request', rid);
          if (req.status !== 'ACCEPTED' || !req.toDelegateId)
            throw new AppError('CONFLICT', 'only an accepted request can be booked', { status: req.status });
          const slot = await m.findOneBy(ForumSlotEntity, { id: sid });
          if (!slot || slot.editionId !== req.editionId) throw notFound('Slot', sid);
          if (slot.isBreak) throw new AppError('CONFLICT', 'this slot is a break', { reason: 'BREAK' });
          if (req.session !== 'ANY' && req.session !== slot.session)
            throw new AppError(
              'CONFLICT',
              `this meeting must take place in the ${req.session.toLowerCase()}`,
              {
                reason: 'SESSION',
              },
            );
          const delegates = [req.fromDelegateId, req.toDelegateId];
          const away = await m.query<{ delegate_id: string }[]>(
            `SELECT delegate_id FROM forum_delegate_unavailable WHERE slot_id = $1 AND delegate_id = ANY($2::uuid[])`,
            [sid, delegates],
          );
          if (away.length)
            throw new AppError('CONFLICT', 'a participant cannot attend this slot', {
              reason: 'UNAVAILABLE',
              delegateId: away[0].delegate_id,
            });
          let table: string | null = null;
          if (tableId) {
            const t = await m.findOneBy(ForumTableEntity, { id: parseId(tableId, 'tableId') });
            if (!t || t.editionId !== req.editionId || !t.active) throw notFound('Table', tableId);
            table = t.id;
          } else {
            const free = await m.query<{ id: string }[]>(
              `SELECT t.id FROM forum_table t
              WHERE t.edition_id = $1 AND t.active
                AND NOT EXISTS (SELECT 1 FROM forum_meeting mt
                                 WHERE mt.slot_id = $2 AND mt.table_id = t.id AND mt.status <> 'CANCELLED')
              ORDER BY t.label LIMIT 1`,
              [req.editionId, sid],
            );
            const [{ any }] = await m.query<{ any: boolean }[]>(
              `SELECT EXISTS (SELECT 1 FROM forum_table WHERE edition_id = $1 AND active) AS any`,
              [req.editionId],
            );
            if (any && !free.length)
              throw new AppError('SLOT_TAKEN', 'no table is free in this slot', { reason: 'TABLE_BUSY' });
            table = free[0]?.id ?? null;
          }
          const id = randomUUID();
          await m.query(
            `INSERT INTO forum_meeting (id, edition_id, request_id, slot_id, table_id, status, pinned,
                                      published_slot_id, published_table_id, uid)
           VALUES ($1, $2, $3, $4, $5, 'PUBLISHED', true, $4, $5, $6)`,
            [id, req.editionId, req.id, sid, table, meetingUid(id)],
          );
          await m.query(
            `INSERT INTO forum_meeting_participant (meeting_id, delegate_id, slot_id, status)
           SELECT $1, unnest($2::uuid[]), $3, 'PUBLISHED'`,
            [id, delegates, sid],
          );
          await recordAgendaChanges(m, [id]);
          return m.findOneByOrFail(MeetingEntity, { id });
        }),
      ),
    );
  }

  /** Pinned meetings keep their slot and table when the scheduler runs again. */
  async pin(meetingId: string, pinned: boolean): Promise<MeetingEntity> {
    const id = parseId(meetingId, 'meetingId');
    const [row] = await changedRows<{ id: string }>(
      this.db.manager,
      `UPDATE forum_meeting SET pinned = $2, updated_at = now() WHERE id = $1 AND status <> 'CANCELLED' RETURNING id`,
      [id, pinned],
    );
    if (!row) throw notFound('Meeting', id);
    return this.get(id);
  }

  /** Cancels one meeting; its request stays accepted, so the next scheduler run may place it again. */
  async cancel(meetingId: string): Promise<MeetingEntity> {
    const id = parseId(meetingId, 'meetingId');
    return this.db.transaction(async (m) => {
      const rows = await changedRows<{ id: string; announced: boolean }>(
        m,
        `UPDATE forum_meeting
            SET status = 'CANCELLED', updated_at = now(),
                sequence = sequence + CASE WHEN published_slot_id IS NOT NULL THEN 1 ELSE 0 END
          WHERE id = $1 AND status <> 'CANCELLED'
          RETURNING id, published_slot_id IS NOT NULL AS announced`,
        [id],
      );
      if (!rows.length) {
        const existing = await m.findOneBy(MeetingEntity, { id });
        if (!existing) throw notFound('Meeting', id);
        return existing;
      }
      if (rows[0].announced) await recordAgendaChanges(m, [id]);
      return m.findOneByOrFail(MeetingEntity, { id });
    });
  }
}
