import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, badInput, notFound, parseId } from '#platform';
import { isOrganiser, type Viewer } from '#identity';
import { RequestService } from '../request/request.service.js';
import { MeetingRequestEntity } from '../request/request.entity.js';
import { MeetingEntity } from '../meeting/meeting.entity.js';
import { ForumSlotEntity } from '../edition/edition.entity.js';
import { ForumDelegateEntity } from '../registration/registration.entity.js';
import { retryOnDeadlock, withForumErrors } from '../common/db-errors.js';
import { lockEditionMeetings } from '../meeting/meeting-writes.js';
import { WalkInRepository, type FreeSlotRow } from './walk-in.repository.js';

/** A slot the two delegates could meet in, as the walk-in desk offers it. */
export type FreeSlot = Omit<FreeSlotRow, 'hasTables'>;

export interface WalkInInput {
  editionId: string;
  /** The organisation acted for: the requesting delegate's (required of members). */
  organizationId?: string | null;
  fromDelegateId: string;
  toDelegateId: string;
  slotId: string;
  tableId?: string | null;
  message?: string | null;
}

export interface WalkInResult {
  request: MeetingRequestEntity;
  /** The booked meeting; null while the other side has not agreed yet. */
  meeting: MeetingEntity | null;
}

/**
 * Walk-in meetings on the forum day. A walk-in is an instant meeting request for one free slot
 * (source WALK_IN, the slot kept on the request, lapsing when the slot starts). Both sides consent
 * before it exists: an organiser's booking stands for both sides and is booked at once; a member's
 * booking is the proposal of one side, booked as soon as the other side agrees, by booking the same
 * slot back with bookWalkIn or by accepting the request. The database's double-booking constraints
 * decide any race (SLOT_TAKEN).
 */
@Injectable()
export class WalkInService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly requests: RequestService,
    private readonly walkIns: WalkInRepository,
  ) {}

  /**
   * Free slots for a meeting between `delegateId` (the caller's own delegate, unless the caller is an
   * organiser) and `withDelegateId`. Both must be registered in the edition; members do not learn
   * more about the other delegate than whether it is free in their published agendas.
   */
  async freeSlots(
    editionId: string,
    delegateId: string,
    withDelegateId: string,
    viewer: Viewer | null,
    now = new Date(),
  ): Promise<FreeSlot[]> {
    const eid = parseId(editionId, 'editionId');
    const a = parseId(delegateId, 'delegateId');
    const b = parseId(withDelegateId, 'withDelegateId');
    const organiser = isOrganiser(viewer);
    const registered = await this.walkIns.registered(this.db.manager, eid, [a, b], organiser);
    for (const id of [a, b]) if (!registered.has(id)) throw notFound('Delegate', id);
    return this.free(this.db.manager, eid, a, b, now, null, organiser);
  }

  private async free(
    m: EntityManager,
    editionId: string,
    a: string,
    b: string,
    now: Date,
    slotId: string | null,
    fullView: boolean,
  ): Promise<FreeSlot[]> {
    const rows = await this.walkIns.freeSlots(m, { editionId, a, b, after: now, slotId, fullView });
    return rows.filter((r) => !r.hasTables || r.freeTables > 0).map(({ hasTables: _, ...r }) => r);
  }

  async book(input: WalkInInput, viewer: Viewer | null): Promise<WalkInResult> {
    const editionId = parseId(input.editionId, 'input.editionId');
    const fromId = parseId(input.fromDelegateId, 'input.fromDelegateId');
    const toId = parseId(input.toDelegateId, 'input.toDelegateId');
    if (toId === fromId)
      throw badInput([{ path: 'input.toDelegateId', message: 'must be another delegate' }]);
    const slotId = parseId(input.slotId, 'input.slotId');
    const tableId = input.tableId ? parseId(input.tableId, 'input.tableId') : null;
    const acting = input.organizationId ? parseId(input.organizationId, 'input.organizationId') : null;
    const organiser = isOrganiser(viewer);
    const userId = viewer?.userId ?? null;
    return withForumErrors(() =>
      retryOnDeadlock(() =>
        this.db.transaction(async (m) => {
          await lockEditionMeetings(m, 'edition', editionId);
          const [from, to] = await Promise.all([
            m.findOneBy(ForumDelegateEntity, { id: fromId }),
            m.findOneBy(ForumDelegateEntity, { id: toId }),
          ]);
          if (!from || from.editionId !== editionId) throw notFound('Delegate', fromId);
          if ((!organiser || acting) && from.organizationId !== acting)
            throw new AppError('FORBIDDEN', 'the requesting delegate belongs to another organisation');
          // As in freeSlots: a withdrawn delegate, or one of another edition, is no one to meet.
          if (!to || to.editionId !== editionId || to.status !== 'REGISTERED')
            throw notFound('Delegate', toId);
          const slot = await m.findOneBy(ForumSlotEntity, { id: slotId });
          if (!slot || slot.editionId !== editionId) throw notFound('Slot', slotId);
          if (slot.isBreak) throw new AppError('CONFLICT', 'this slot is a break', { reason: 'BREAK' });
          const now = new Date();
          if (slot.startsAt <= now)
            throw new AppError('CONFLICT', 'a walk-in meeting needs a slot that has not started', {
              reason: 'SLOT_STARTED',
            });

          // The other side proposed this meeting already: booking it back is the consent.
          const reverse = await this.walkIns.lockPendingProposal(m, to.id, from.id);
          if (reverse) {
            if (reverse.proposedSlotId !== slot.id)
              throw new AppError(
                'CONFLICT',
                'the other side proposed another slot: accept it or book that slot',
                { reason: 'REVERSE_PENDING', requestId: reverse.id, slotId: reverse.proposedSlotId },
              );
            const accepted = await this.requests.accept(reverse.id, from.organizationId, from.id, userId, m);
            return { request: accepted, meeting: await this.meetingOf(m, accepted.id) };
          }

          // A member sees the slot as freeSlots shows it to them: the other side's unavailability and
          // draft meetings stay private; if they clash, the booking fails when that side agrees.
          if (!(await this.free(m, editionId, from.id, to.id, new Date(0), slot.id, organiser)).length)
            throw new AppError('SLOT_TAKEN', 'one of the delegates or every table is taken in this slot', {
              reason: 'NOT_FREE',
            });
          const created = await this.requests.request(
            {
              editionId,
              organizationId: from.organizationId,
              fromDelegateId: from.id,
              toDelegateId: to.id,
              message: input.message ?? null,
            },
            userId,
            m,
            { slotId: slot.id, tableId, expiresAt: slot.startsAt },
          );
          if (!organiser) return { request: created, meeting: null };
          const accepted = await this.requests.accept(created.id, null, to.id, userId, m);
          return { request: accepted, meeting: await this.meetingOf(m, accepted.id) };
        }),
      ),
    );
  }

  private async meetingOf(m: EntityManager, requestId: string): Promise<MeetingEntity | null> {
    return this.walkIns.meetingOf(m, requestId);
  }
}
