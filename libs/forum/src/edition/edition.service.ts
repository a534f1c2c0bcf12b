import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AppError, badInput, notFound, parseId, parseInput } from '#platform';
import {
  ForumEditionEntity,
  ForumSessionEntity,
  ForumSlotEntity,
  type EditionStatus,
} from './edition.entity.js';
import {
  createEditionSchema,
  editionFields,
  editionStatusSchema,
  type CreateEditionData,
} from './edition.schema.js';
import { planSlots } from './slots.js';
import { EditionRepository } from './edition.repository.js';
import { z } from 'zod';
import { AuditService, isOrganiser, type Viewer } from '#identity';
import { audit, snapshot, type Actor } from '../common/audit.js';

const updateEditionSchema = z.object(editionFields).partial();

/** Editions, their sessions and the slots cut from them. */
/** forumEditions is a bounded list, the newest this many: a platform runs a few editions a year. */
export const EDITIONS_LISTED = 200;

@Injectable()
export class EditionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly editions: EditionRepository,
    private readonly auditLog: AuditService,
  ) {}

  async get(id: string, m: EntityManager = this.db.manager): Promise<ForumEditionEntity> {
    const edition = await m.findOneBy(ForumEditionEntity, { id: parseId(id, 'editionId') });
    if (!edition) throw notFound('Forum edition', id);
    return edition;
  }

  /**
   * The edition as `viewer` may see it: a draft is the organisers' work in progress, so to anyone
   * else it (with its sessions, slots, tables, groups and rules) does not exist.
   */
  async visible(id: string, viewer: Viewer | null): Promise<ForumEditionEntity> {
    const edition = await this.get(id);
    if (edition.status === 'DRAFT' && !isOrganiser(viewer)) throw notFound('Forum edition', id);
    return edition;
  }

  /** Locks the edition row: schedule writes, publication and slot changes of one edition run one at a time. */
  async lock(m: EntityManager, id: string): Promise<ForumEditionEntity> {
    const edition = await m.findOne(ForumEditionEntity, {
      where: { id: parseId(id, 'editionId') },
      lock: { mode: 'pessimistic_write' },
    });
    if (!edition) throw notFound('Forum edition', id);
    return edition;
  }

  /** Editions, newest first; drafts only for organisers; at most EDITIONS_LISTED. */
  list(viewer: Viewer | null = null): Promise<ForumEditionEntity[]> {
    return this.db.getRepository(ForumEditionEntity).find({
      where: isOrganiser(viewer) ? {} : { status: In(['OPEN', 'CLOSED'] as EditionStatus[]) },
      order: { startsOn: 'DESC', id: 'ASC' },
      take: EDITIONS_LISTED,
    });
  }

  async create(input: Record<string, unknown>, actor: Actor = null): Promise<ForumEditionEntity> {
    const data = parseInput(createEditionSchema, input);
    return this.db.transaction(async (m) => {
      const { sessions, ...fields } = data;
      const edition = await m.save(ForumEditionEntity, m.create(ForumEditionEntity, fields));
      await this.writeSessions(m, edition, sessions);
      await audit(this.auditLog, m, actor, 'forum_edition.create', 'forum_edition', edition.id, null, {
        ...edition,
        sessions,
      });
      return edition;
    });
  }

  async update(
    input: { id: string } & Record<string, unknown>,
    actor: Actor = null,
  ): Promise<ForumEditionEntity> {
    const { id: rawId, ...changes } = input;
    const id = parseId(rawId, 'input.id');
    const patch = parseInput(updateEditionSchema, changes);
    return this.db.transaction(async (m) => {
      const current = await this.lock(m, id);
      const before = snapshot(current);
      const given = Object.fromEntries(Object.entries(patch).filter(([k]) => changes[k] !== undefined));
      const merged: CreateEditionData = parseInput(createEditionSchema, {
        name: current.name,
        venue: current.venue,
        timezone: current.timezone,
        startsOn: current.startsOn,
        endsOn: current.endsOn,
        slotMinutes: current.slotMinutes,
        requestExpiryHours: current.requestExpiryHours,
        maxMeetingsPerDelegate: current.maxMeetingsPerDelegate,
        maxRequestsPerDelegate: current.maxRequestsPerDelegate,
        fairness: current.fairness,
        reminderMinutes: current.reminderMinutes,
        sessions: given.sessions ?? (await this.sessionPlans(m, id)),
        ...given,
      });
      const { sessions, ...fields } = merged;
      const slotsChange =
        changes.sessions !== undefined ||
        fields.slotMinutes !== current.slotMinutes ||
        fields.timezone !== current.timezone;
      m.merge(ForumEditionEntity, current, fields);
      const saved = await m.save(ForumEditionEntity, current);
      if (slotsChange) {
        if (await this.editions.slotsInUse(m, id))
          throw new AppError(
            'CONFLICT',
            'the sessions and slots cannot change once meetings or delegate unavailabilities refer to them',
            { reason: 'SLOTS_IN_USE' },
          );
        await m.delete(ForumSessionEntity, { editionId: id });
        await this.writeSessions(m, saved, sessions);
      }
      await audit(
        this.auditLog,
        m,
        actor,
        'forum_edition.update',
        'forum_edition',
        id,
        { ...before, sessions: slotsChange ? 'replaced' : 'kept' },
        { ...saved, sessions: slotsChange ? sessions : 'kept' },
      );
      return saved;
    });
  }

  async setStatus(rawId: string, status: EditionStatus, actor: Actor = null): Promise<ForumEditionEntity> {
    const next = parseInput(editionStatusSchema, status, 'status');
    return this.db.transaction(async (m) => {
      const edition = await this.lock(m, rawId);
      if (next === 'OPEN') {
        if (!(await this.editions.countMeetingSlots(m, edition.id)))
          throw new AppError('CONFLICT', 'an edition needs at least one meeting slot before it opens');
      }
      const before = edition.status;
      edition.status = next;
      const saved = await m.save(ForumEditionEntity, edition);
      await audit(
        this.auditLog,
        m,
        actor,
        'forum_edition.status',
        'forum_edition',
        edition.id,
        { status: before },
        {
          status: next,
        },
      );
      return saved;
    });
  }

  sessions(editionId: string): Promise<ForumSessionEntity[]> {
    return this.db.getRepository(ForumSessionEntity).find({
      where: { editionId: parseId(editionId, 'editionId') },
      order: { day: 'ASC', startsAt: 'ASC' },
    });
  }

  slots(editionId: string, m: EntityManager = this.db.manager): Promise<ForumSlotEntity[]> {
    return m.find(ForumSlotEntity, {
      where: { editionId: parseId(editionId, 'editionId') },
      order: { position: 'ASC' },
    });
  }

  private async sessionPlans(m: EntityManager, editionId: string) {
    const rows = await m.find(ForumSessionEntity, {
      where: { editionId },
      order: { day: 'ASC', startsAt: 'ASC' },
    });
    return rows.map((s) => ({
      day: s.day,
      kind: s.kind,
      start: s.startsAt.slice(0, 5),
      end: s.endsAt.slice(0, 5),
      breaks: s.breaks,
    }));
  }

  private async writeSessions(
    m: EntityManager,
    edition: ForumEditionEntity,
    sessions: CreateEditionData['sessions'],
  ): Promise<void> {
    const { slots, problems } = planSlots(sessions, edition.slotMinutes, edition.timezone);
    if (problems.length) throw badInput(problems.map((p) => ({ ...p, path: `input.${p.path}` })));
    const saved = await m.save(
      ForumSessionEntity,
      sessions.map((s) =>
        m.create(ForumSessionEntity, {
          editionId: edition.id,
          day: s.day,
          kind: s.kind,
          startsAt: s.start,
          endsAt: s.end,
          breaks: s.breaks,
        }),
      ),
    );
    if (!slots.length) return;
    await m.insert(
      ForumSlotEntity,
      slots.map((s, position) => ({
        editionId: edition.id,
        sessionId: saved[s.session].id,
        position,
        day: s.day,
        session: s.kind,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        isBreak: s.isBreak,
      })),
    );
  }
}
