import { Injectable, Optional } from '@nestjs/common';
import { EventBus } from '#notifications';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, notFound, parseId, parseInput, text } from '#platform';
import { AuditService } from '#identity';
import { MeetingEntity, MeetingParticipantEntity, type MeetingOutcome } from './meeting.entity.js';
import { MeetingRequestEntity } from '../request/request.entity.js';
import { ForumSlotEntity } from '../edition/edition.entity.js';
import { retryOnDeadlock, withForumErrors } from '../common/db-errors.js';
import { audit, type Actor } from '../common/audit.js';
import { MeetingRepository } from './meeting.repository.js';

const outcomeNoteSchema = text(2000)
  .nullish()
  .transform((v) => v || null);
import {
  chooseTable,
  lockEditionMeetings,
  moveToFreeTable,
  placeMeeting,
  recordAgendaChanges,
  refuseUnavailable,
} from './meeting-writes.js';

export { meetingUid } from './meeting-writes.js';

const place = (mt: MeetingEntity) => ({ slotId: mt.slotId, tableId: mt.tableId, status: mt.status });

/** Meetings placed by hand (organisers, walk-ins), moves, pins, single cancellations and outcomes. */
@Injectable()
export class MeetingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly meetings: MeetingRepository,
    private readonly auditLog: AuditService,
    @Optional() private readonly events?: EventBus,
  ) {}

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
  async book(
    requestId: string,
    slotId: string,
    tableId: string | null,
    actor: Actor = null,
  ): Promise<MeetingEntity> {
    const rid = parseId(requestId, 'requestId');
    const sid = parseId(slotId, 'slotId');
    const tid = tableId ? parseId(tableId, 'tableId') : null;
    return withForumErrors(() =>
      retryOnDeadlock(() =>
        this.db.transaction(async (m) => {
          await lockEditionMeetings(m, 'request', rid);
          const req = await m.findOneBy(MeetingRequestEntity, { id: rid });
          if (!req) throw notFound('Meeting request', rid);
          const mt = await placeMeeting(m, req, sid, tid, this.events);
          await audit(this.auditLog, m, actor, 'forum_meeting.book', 'forum_meeting', mt.id, null, {
            requestId: req.id,
            ...place(mt),
          });
          return mt;
        }),
      ),
    );
  }

  /**
   * Moves a live meeting to another slot (and table) in the working schedule and pins it there.
   * Delegates see the move once the schedule is published (with a higher SEQUENCE). The database
   * refuses a move onto a busy participant or table (SLOT_TAKEN).
   */
  async move(
    meetingId: string,
    slotId: string,
    tableId: string | null,
    actor: Actor = null,
  ): Promise<MeetingEntity> {
    const id = parseId(meetingId, 'meetingId');
    const sid = parseId(slotId, 'slotId');
    const tid = tableId ? parseId(tableId, 'tableId') : null;
    return withForumErrors(() =>
      retryOnDeadlock(() =>
        this.db.transaction(async (m) => {
          await lockEditionMeetings(m, 'meeting', id);
          const mt = await m.findOne(MeetingEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
          if (!mt) throw notFound('Meeting', id);
          if (mt.status === 'CANCELLED') throw new AppError('CONFLICT', 'this meeting is cancelled');
          const slot = await m.findOneBy(ForumSlotEntity, { id: sid });
          if (!slot || slot.editionId !== mt.editionId) throw notFound('Slot', sid);
          if (slot.isBreak) throw new AppError('CONFLICT', 'this slot is a break', { reason: 'BREAK' });
          const req = mt.requestId ? await m.findOneBy(MeetingRequestEntity, { id: mt.requestId }) : null;
          if (req && req.session !== 'ANY' && req.session !== slot.session)
            throw new AppError(
              'CONFLICT',
              `this meeting must take place in the ${req.session.toLowerCase()}`,
              {
                reason: 'SESSION',
              },
            );
          const people = await m.find(MeetingParticipantEntity, { where: { meetingId: id } });
          await refuseUnavailable(
            m,
            sid,
            people.map((p) => p.delegateId),
          );
          const before = place(mt);
          // A table given, or the meeting's own when it stays in its slot; otherwise the first free
          // one, the next when a concurrent write takes it first.
          const table = tid
            ? await chooseTable(m, mt.editionId, sid, tid)
            : mt.tableId && slot.id === mt.slotId
              ? mt.tableId
              : null;
          if (table) await this.meetings.moveTo(m, id, sid, table);
          else await moveToFreeTable(m, id, mt.editionId, sid);
          const moved = await m.findOneByOrFail(MeetingEntity, { id });
          await audit(
            this.auditLog,
            m,
            actor,
            'forum_meeting.move',
            'forum_meeting',
            id,
            before,
            place(moved),
          );
          return moved;
        }),
      ),
    );
  }

  /** Pinned meetings keep their slot and table when the scheduler runs again. */
  async pin(meetingId: string, pinned: boolean, actor: Actor = null): Promise<MeetingEntity> {
    const id = parseId(meetingId, 'meetingId');
    return retryOnDeadlock(() => this.pinOnce(id, pinned, actor));
  }

  private pinOnce(id: string, pinned: boolean, actor: Actor): Promise<MeetingEntity> {
    return this.db.transaction(async (m) => {
      await lockEditionMeetings(m, 'meeting', id);
      const row = await this.meetings.pin(m, id, pinned);
      if (!row) throw notFound('Meeting', id);
      await audit(
        this.auditLog,
        m,
        actor,
        'forum_meeting.pin',
        'forum_meeting',
        id,
        { pinned: row.was },
        { pinned },
      );
      return m.findOneByOrFail(MeetingEntity, { id });
    });
  }

  /** Cancels one meeting; its request stays accepted, so the next scheduler run may place it again. */
  async cancel(meetingId: string, actor: Actor = null): Promise<MeetingEntity> {
    const id = parseId(meetingId, 'meetingId');
    return retryOnDeadlock(() => this.cancelOnce(id, actor));
  }

  private cancelOnce(id: string, actor: Actor): Promise<MeetingEntity> {
    return this.db.transaction(async (m) => {
      await lockEditionMeetings(m, 'meeting', id);
      const cancelled = await this.meetings.cancel(m, id);
      if (!cancelled) {
        const existing = await m.findOneBy(MeetingEntity, { id });
        if (!existing) throw notFound('Meeting', id);
        return existing;
      }
      if (cancelled.announced) await recordAgendaChanges(m, [id], this.events);
      await audit(
        this.auditLog,
        m,
        actor,
        'forum_meeting.cancel',
        'forum_meeting',
        id,
        { status: cancelled.status },
        { status: 'CANCELLED' },
      );
      return m.findOneByOrFail(MeetingEntity, { id });
    });
  }

  /**
   * Records how a meeting went, for one side (the delegates of `organizationId`) or, for an
   * organiser acting without an organisation, for both. Only a meeting that has started and was not
   * cancelled can have an outcome; reporting again replaces the side's earlier report. Returns the
   * sides reported for, never the other side's outcome or note.
   */
  async reportOutcome(
    meetingId: string,
    organizationId: string | null,
    outcome: MeetingOutcome,
    note: string | null,
    actor: Actor = null,
  ): Promise<MeetingParticipantEntity[]> {
    const id = parseId(meetingId, 'meetingId');
    const org = organizationId ? parseId(organizationId, 'organizationId') : null;
    const noteText = parseInput(outcomeNoteSchema, note, 'note');
    return retryOnDeadlock(() => this.reportOutcomeOnce(id, org, outcome, noteText, actor));
  }

  private reportOutcomeOnce(
    id: string,
    org: string | null,
    outcome: MeetingOutcome,
    noteText: string | null,
    actor: Actor,
  ): Promise<MeetingParticipantEntity[]> {
    return this.db.transaction(async (m) => {
      await lockEditionMeetings(m, 'meeting', id);
      const mt = await this.meetings.lockStarted(m, id);
      if (!mt) throw notFound('Meeting', id);
      if (mt.status === 'CANCELLED') throw new AppError('CONFLICT', 'this meeting was cancelled');
      if (!mt.started)
        throw new AppError('CONFLICT', 'an outcome can be reported once the meeting has started', {
          reason: 'NOT_STARTED',
        });
      const rows = await this.meetings.reportOutcome(m, {
        meetingId: id,
        organizationId: org,
        outcome,
        note: noteText,
        reportedBy: actor?.userId ?? null,
      });
      if (!rows.length)
        throw new AppError('FORBIDDEN', 'only the two sides of a meeting may report its outcome');
      for (const r of rows)
        await audit(
          this.auditLog,
          m,
          actor,
          'forum_meeting.outcome',
          'forum_meeting',
          id,
          { delegateId: r.delegateId, outcome: r.before },
          { delegateId: r.delegateId, outcome, note: noteText },
        );
      // Each side's report (its note above all) is its own: the caller gets back the side it acted for.
      const own = new Set(rows.map((r) => r.delegateId));
      const sides = await m.find(MeetingParticipantEntity, {
        where: { meetingId: id },
        order: { delegateId: 'ASC' },
      });
      return sides.filter((p) => own.has(p.delegateId));
    });
  }
}
