import { Injectable, Optional } from '@nestjs/common';
import { EventBus } from '#notifications';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AppError,
  badInput,
  type Connection,
  type ConnectionArgs,
  connectionOf,
  notFound,
  OutboxService,
  parseId,
  parseInput,
  sliceOf,
  text,
} from '#platform';
import { isKnownCountry } from '#directory';
import { ForumDelegateEntity, ForumGroupEntity } from './registration.entity.js';
import { registerDelegateSchema, updateDelegateSchema } from './registration.schema.js';
import { ForumEditionEntity } from '../edition/edition.entity.js';
import { retryOnDeadlock, withForumErrors } from '../common/db-errors.js';
import { cancelMeetingsOfRequests, lockEditionMeetings } from '../meeting/meeting-writes.js';
import { accounts, AuditService, isOrganiser } from '#identity';
import { audit, snapshot, type Actor } from '../common/audit.js';
import type { DelegateStatus } from './registration.entity.js';
import { DelegateRepository } from './delegate.repository.js';
import { MeetingRequestRepository } from '../request/meeting-request.repository.js';
import { EditionRepository } from '../edition/edition.repository.js';

/** The largest page of delegates one query returns. */
export const MAX_DELEGATE_PAGE = 500;

export interface DelegateFilter {
  editionId: string;
  organizationId?: string | null;
  groupId?: string | null;
  status?: DelegateStatus | null;
  checkedIn?: boolean | null;
  /** ISO 3166-1 alpha-2 code of the delegate's organisation. */
  country?: string | null;
  /** Part of the delegate's or the organisation's name. */
  search?: string | null;
}

export interface DelegateView extends ForumDelegateEntity {
  unavailableSlotIds: string[];
}

/** Delegates organisations register for an edition. */
/** A delegate, locked for the rest of the transaction; NOT_FOUND when there is none. */
async function lockDelegate(m: EntityManager, id: string): Promise<ForumDelegateEntity> {
  const current = await m.findOne(ForumDelegateEntity, {
    where: { id },
    lock: { mode: 'pessimistic_write' },
  });
  if (!current) throw notFound('Delegate', id);
  return current;
}

/** Organisers and the system (seeds, imports) are trusted with any registration; members are not. */
const privileged = (actor: Actor): boolean => !actor || ('roles' in actor && isOrganiser(actor));

/**
 * The account a delegate is linked to. A member may link only their own account (their acceptance);
 * with no link asked, the delegate is linked to the account whose verified address is the delegate's,
 * if there is one. Organisers and the system may link any account.
 */
async function accountFor(
  m: EntityManager,
  email: string,
  asked: string | null | undefined,
  actor: Actor,
): Promise<string | null> {
  if (asked) {
    if (asked !== actor?.userId && !privileged(actor))
      throw new AppError(
        'FORBIDDEN',
        "a delegate can be linked only to your own account; another person's account is linked by its verified address",
        { reason: 'FOREIGN_ACCOUNT' },
      );
    return asked;
  }
  return accounts.find(m, null, email);
}

@Injectable()
export class RegistrationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly auditLog: AuditService,
    private readonly outbox: OutboxService,
    private readonly delegates: DelegateRepository,
    private readonly requestRows: MeetingRequestRepository,
    private readonly editionRows: EditionRepository,
    @Optional() private readonly events?: EventBus,
  ) {}

  /**
   * Records, in the caller's transaction, that an organisation's forum presence changed, so that its
   * meeting suggestions are recomputed (and its search document refreshed).
   */
  private async changed(m: EntityManager, organizationId: string): Promise<void> {
    await this.outbox.record(m, [{ entityType: 'organization', entityId: organizationId }]);
  }

  /** Waits for a transaction that may have recorded outbox rows, then wakes the drain once it committed. */
  private async thenWake<T>(work: Promise<{ value: T; wake: boolean }>): Promise<T> {
    const { value, wake } = await work;
    if (wake) await this.outbox.wake();
    return value;
  }

  async get(id: string, m: EntityManager = this.db.manager): Promise<ForumDelegateEntity> {
    const d = await m.findOneBy(ForumDelegateEntity, { id: parseId(id, 'delegateId') });
    if (!d) throw notFound('Delegate', id);
    return d;
  }

  /** The delegate, refused unless it belongs to `organizationId` (when one is given). */
  async getFor(id: string, organizationId: string | null | undefined, m: EntityManager = this.db.manager) {
    const d = await this.get(id, m);
    if (organizationId && d.organizationId !== organizationId.toLowerCase())
      throw new AppError('FORBIDDEN', 'this delegate belongs to another organisation');
    return d;
  }

  /**
   * One page of an edition's delegates in registration order, keyset-ordered on (created_at, id).
   * `search` matches part of the delegate's name or of the organisation's name in any language.
   */
  async page(filter: DelegateFilter, args: ConnectionArgs): Promise<Connection<ForumDelegateEntity>> {
    const slice = sliceOf(args, { max: MAX_DELEGATE_PAGE, defaultSize: 100 });
    const editionId = parseId(filter.editionId, 'editionId');
    const organizationId = filter.organizationId ? parseId(filter.organizationId, 'organizationId') : null;
    const groupId = filter.groupId ? parseId(filter.groupId, 'groupId') : null;
    let country: string | null = null;
    if (filter.country != null) {
      country = filter.country.trim().toUpperCase();
      if (!isKnownCountry(country))
        throw badInput([{ path: 'country', message: 'unknown ISO 3166-1 alpha-2 country code' }]);
    }
    const search = filter.search == null ? '' : parseInput(text(100), filter.search, 'search');
    const like = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const { entities, keysetAt, total } = await this.delegates.page(
      this.db.manager,
      {
        editionId,
        organizationId,
        groupId,
        status: filter.status ?? null,
        checkedIn: filter.checkedIn ?? null,
        country,
        like,
      },
      slice,
    );
    return connectionOf(entities, slice, (e) => ({ at: keysetAt.get(e)!, id: e.id }), total);
  }

  async unavailableSlots(delegateIds: string[]): Promise<Map<string, string[]>> {
    return this.delegates.unavailableSlots(this.db.manager, delegateIds);
  }

  async register(
    input: { editionId: string; organizationId: string } & Record<string, unknown>,
    actor: Actor = null,
  ): Promise<ForumDelegateEntity> {
    const { editionId: rawEdition, organizationId: rawOrg, ...rest } = input;
    const editionId = parseId(rawEdition, 'input.editionId');
    const organizationId = parseId(rawOrg, 'input.organizationId');
    const data = parseInput(registerDelegateSchema, rest);
    return this.thenWake(
      withForumErrors(() =>
        this.db.transaction(async (m) => {
          const edition = await m.findOneBy(ForumEditionEntity, { id: editionId });
          if (!edition) throw notFound('Forum edition', editionId);
          // A draft is the organisers' work in progress: to members it does not exist yet.
          if (edition.status === 'DRAFT' && !privileged(actor)) throw notFound('Forum edition', editionId);
          if (edition.status === 'CLOSED')
            throw new AppError('CONFLICT', 'registrations for this edition are closed');
          const org = await this.delegates.lockOrganization(m, organizationId);
          if (!org) throw notFound('Organization', organizationId);
          if (org.status !== 'ACTIVE')
            throw new AppError('CONFLICT', 'only an active organisation can register delegates');
          // The organiser's group named after the organisation's kind (SME, FINANCIER, ...) is the default.
          const group = await m.findOneBy(ForumGroupEntity, { editionId, code: org.kind });
          const { unavailableSlotIds, ...fields } = data;
          const userId = await accountFor(m, fields.email, fields.userId, actor);
          const delegate = await m.save(
            ForumDelegateEntity,
            m.create(ForumDelegateEntity, {
              ...fields,
              userId,
              editionId,
              organizationId,
              groupId: group?.id ?? null,
            }),
          );
          await this.writeUnavailable(m, delegate, unavailableSlotIds, 'input.unavailableSlotIds');
          await audit(
            this.auditLog,
            m,
            actor,
            'forum_delegate.register',
            'forum_delegate',
            delegate.id,
            null,
            {
              ...delegate,
              unavailableSlotIds,
            },
          );
          await this.changed(m, organizationId);
          return { value: delegate, wake: true };
        }),
      ),
    );
  }

  async update(
    input: { id: string; organizationId?: string | null } & Record<string, unknown>,
    actor: Actor = null,
  ): Promise<ForumDelegateEntity> {
    const { id: rawId, organizationId, ...changes } = input;
    const id = parseId(rawId, 'input.id');
    const patch = parseInput(updateDelegateSchema, changes);
    return this.thenWake(
      withForumErrors(() =>
        this.db.transaction(async (m) => {
          const current = await m.findOne(ForumDelegateEntity, {
            where: { id },
            lock: { mode: 'pessimistic_write' },
          });
          if (!current) throw notFound('Delegate', id);
          if (organizationId && current.organizationId !== organizationId.toLowerCase())
            throw new AppError('FORBIDDEN', 'this delegate belongs to another organisation');
          const before = snapshot(current);
          const matchInputs = (d: ForumDelegateEntity) =>
            JSON.stringify([[...d.goals].sort(), [...d.languages].sort()]);
          const inputsBefore = matchInputs(current);
          const { unavailableSlotIds, ...fields } = patch;
          const given = Object.fromEntries(Object.entries(fields).filter(([k]) => changes[k] !== undefined));
          // A new address or a new link is checked as at registration; a new address drops a link the
          // account did not make itself, as the registration now names someone else.
          const emailChanged = given.email !== undefined && given.email !== current.email;
          if ((changes.userId !== undefined && fields.userId !== current.userId) || emailChanged) {
            const keep =
              changes.userId === undefined && current.userId !== null && current.userId === actor?.userId;
            given.userId =
              changes.userId === null
                ? null
                : await accountFor(
                    m,
                    (given.email as string | undefined) ?? current.email,
                    keep ? current.userId : (fields.userId ?? undefined),
                    actor,
                  );
          }
          m.merge(ForumDelegateEntity, current, given);
          const saved = await m.save(ForumDelegateEntity, current);
          if (changes.unavailableSlotIds !== undefined && unavailableSlotIds) {
            await this.delegates.clearUnavailable(m, id);
            await this.writeUnavailable(m, saved, unavailableSlotIds, 'input.unavailableSlotIds');
          }
          await audit(
            this.auditLog,
            m,
            actor,
            'forum_delegate.update',
            'forum_delegate',
            id,
            before,
            changes.unavailableSlotIds !== undefined ? { ...saved, unavailableSlotIds } : saved,
          );
          // Goals and languages feed meeting suggestions; a new name or availability does not.
          const wake = matchInputs(saved) !== inputsBefore;
          if (wake) await this.changed(m, saved.organizationId);
          return { value: saved, wake };
        }),
      ),
    );
  }

  /** Moves a delegate to one of the edition's groups (or none): organisers decide who belongs where. */
  async assignGroup(
    delegateId: string,
    groupId: string | null,
    actor: Actor = null,
  ): Promise<ForumDelegateEntity> {
    const id = parseId(delegateId, 'delegateId');
    return this.thenWake(
      this.db.transaction(async (m) => {
        const current = await lockDelegate(m, id);
        if (groupId) {
          const group = await m.findOneBy(ForumGroupEntity, { id: parseId(groupId, 'groupId') });
          if (!group || group.editionId !== current.editionId)
            throw badInput([{ path: 'groupId', message: 'is not a group of this edition' }]);
        }
        const before = current.groupId;
        current.groupId = groupId ? groupId.toLowerCase() : null;
        const saved = await m.save(ForumDelegateEntity, current);
        await audit(
          this.auditLog,
          m,
          actor,
          'forum_delegate.group',
          'forum_delegate',
          id,
          { groupId: before },
          {
            groupId: saved.groupId,
          },
        );
        // The group decides whom the delegate may meet, hence which meetings are suggested.
        const wake = saved.groupId !== before;
        if (wake) await this.changed(m, saved.organizationId);
        return { value: saved, wake };
      }),
    );
  }

  /** Withdraws a delegate: its open and accepted requests are cancelled and its meetings with them. */
  async withdraw(
    delegateId: string,
    organizationId: string | null,
    actor: Actor = null,
  ): Promise<ForumDelegateEntity> {
    const id = parseId(delegateId, 'delegateId');
    return this.thenWake(
      retryOnDeadlock(() =>
        this.db.transaction(async (m) => {
          // Its meetings are cancelled: the edition first, as for every meeting write.
          await lockEditionMeetings(m, 'delegate', id);
          const current = await lockDelegate(m, id);
          if (organizationId && current.organizationId !== organizationId.toLowerCase())
            throw new AppError('FORBIDDEN', 'this delegate belongs to another organisation');
          if (current.status === 'WITHDRAWN') return { value: current, wake: false };
          const requestIds = await this.requestRows.cancelOpenOfDelegate(m, id, current.organizationId);
          const meetings = await cancelMeetingsOfRequests(m, requestIds, this.events);
          current.status = 'WITHDRAWN';
          const saved = await m.save(ForumDelegateEntity, current);
          await audit(
            this.auditLog,
            m,
            actor,
            'forum_delegate.withdraw',
            'forum_delegate',
            id,
            { status: 'REGISTERED' },
            {
              status: 'WITHDRAWN',
              cancelledRequestIds: requestIds,
              cancelledMeetingIds: meetings,
            },
          );
          await this.changed(m, saved.organizationId);
          return { value: saved, wake: true };
        }),
      ),
    );
  }

  /** Marks a delegate as arrived at the venue (idempotent: the first arrival time is kept). */
  async checkIn(delegateId: string, actor: Actor = null): Promise<ForumDelegateEntity> {
    const id = parseId(delegateId, 'delegateId');
    return this.db.transaction(async (m) => {
      const current = await m.findOne(ForumDelegateEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw notFound('Delegate', id);
      if (current.status !== 'REGISTERED') throw new AppError('CONFLICT', 'this delegate has withdrawn');
      if (current.checkedInAt) return current;
      const checkedInAt = await this.delegates.markCheckedIn(m, id);
      current.checkedInAt = checkedInAt;
      await audit(
        this.auditLog,
        m,
        actor,
        'forum_delegate.check_in',
        'forum_delegate',
        id,
        { checkedInAt: null },
        {
          checkedInAt,
        },
      );
      return current;
    });
  }

  private async writeUnavailable(
    m: EntityManager,
    delegate: ForumDelegateEntity,
    slotIds: string[],
    path: string,
  ): Promise<void> {
    if (!slotIds.length) return;
    const ok = await this.editionRows.slotsAmong(m, delegate.editionId, slotIds);
    const bad = slotIds.map((s, i) => ({ s, i })).filter(({ s }) => !ok.has(s));
    if (bad.length)
      throw badInput(
        bad.map(({ i }) => ({ path: `${path}.${i}`, message: 'is not a slot of this edition' })),
      );
    await this.delegates.addUnavailable(m, delegate.id, slotIds);
  }
}
