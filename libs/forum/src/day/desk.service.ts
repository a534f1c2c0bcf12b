import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, badInput, notFound, parseId } from '#platform';
import { BadgeService, type ForumBadge } from '../badge/badge.service.js';
import { RegistrationService } from '../registration/registration.service.js';
import { MeetingService } from '../meeting/meeting.service.js';
import { MeetingParticipantEntity } from '../meeting/meeting.entity.js';
import type { Actor } from '../common/audit.js';
import { DeskRepository } from './desk.repository.js';

export interface DeskCheckIn {
  badge: ForumBadge;
  /** The delegate had already been checked in; the first arrival time is kept. */
  alreadyCheckedIn: boolean;
}

/**
 * The venue desk: checking a delegate in from the code on their badge, and marking who did not
 * come to a meeting. Both are idempotent and audited (through the registration and meeting services).
 */
@Injectable()
export class DeskService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly badges: BadgeService,
    private readonly registrations: RegistrationService,
    private readonly meetings: MeetingService,
    private readonly desk: DeskRepository,
  ) {}

  /**
   * Checks in the delegate a scanned badge names, at the desk of `editionId`. INVALID_TOKEN for a code
   * the api did not sign; CONFLICT with `reason` OTHER_EDITION (a badge of another edition), WITHDRAWN
   * (the registration was withdrawn) or EXPIRED (the edition is over).
   */
  async checkInBadge(editionId: string, code: string, actor: Actor): Promise<DeskCheckIn> {
    const id = parseId(editionId, 'editionId');
    const over = await this.desk.editionOver(this.db.manager, id);
    if (over === null) throw notFound('ForumEdition', id);
    const badge = await this.badges.read(code);
    if (badge.editionId !== id)
      throw new AppError('CONFLICT', 'this badge belongs to another edition', { reason: 'OTHER_EDITION' });
    if (badge.status !== 'REGISTERED')
      throw new AppError('CONFLICT', 'this delegate has withdrawn', { reason: 'WITHDRAWN' });
    if (over) throw new AppError('CONFLICT', 'this edition is over', { reason: 'EXPIRED' });
    const alreadyCheckedIn = badge.checkedInAt !== null;
    const delegate = await this.registrations.checkIn(badge.delegateId, actor);
    return { badge: { ...badge, checkedInAt: delegate.checkedInAt }, alreadyCheckedIn };
  }

  /**
   * Records that `absentDelegateId` did not come to the meeting: the side that came reports NO_SHOW
   * (the other side did not come). Marking again changes nothing.
   */
  async markNoShow(
    meetingId: string,
    absentDelegateId: string,
    actor: Actor,
  ): Promise<MeetingParticipantEntity[]> {
    const id = parseId(meetingId, 'meetingId');
    const absent = parseId(absentDelegateId, 'absentDelegateId');
    const sides = await this.desk.sides(this.db.manager, id);
    if (!sides.length) throw notFound('Meeting', id);
    const absentSide = sides.find((s) => s.delegateId === absent);
    if (!absentSide)
      throw badInput([{ path: 'absentDelegateId', message: 'does not take part in this meeting' }]);
    const present = sides.filter((s) => s.organizationId !== absentSide.organizationId);
    if (present.length !== 1)
      throw new AppError('CONFLICT', 'the other side of this meeting cannot be told apart');
    if (present[0].outcome === 'NO_SHOW')
      return this.db
        .getRepository(MeetingParticipantEntity)
        .find({ where: { meetingId: id, delegateId: present[0].delegateId } });
    return this.meetings.reportOutcome(id, present[0].organizationId, 'NO_SHOW', null, actor);
  }
}
