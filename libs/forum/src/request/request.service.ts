import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AppError,
  badInput,
  type Connection,
  type ConnectionArgs,
  connectionOf,
  notFound,
  parseId,
  parseInput,
  sliceOf,
} from '#platform';
import { ContactGrantService } from '#directory';
import {
  AuditService,
  MAIL_PORT,
  accounts,
  membersOf,
  type Locale,
  type MailParams,
  type MailPort,
  type MailTemplate,
} from '#identity';
import { EventBus, publishMeetingRequestChange } from '#notifications';
import { directoryFacts } from '#directory';
import { MeetingRequestEntity, type RequestStatus } from './request.entity.js';
import { meetingRequestSchema, reasonSchema } from './request.schema.js';
import {
  ForumDelegateEntity,
  ForumGroupEntity,
  ForumGroupRuleEntity,
} from '../registration/registration.entity.js';
import { groupRules, meetingForbidden } from '../registration/meeting-rules.js';
import { ForumEditionEntity } from '../edition/edition.entity.js';
import { retryOnDeadlock, withForumErrors } from '../common/db-errors.js';
import { cancelMeetingsOfRequests, lockEditionMeetings, placeMeeting } from '../meeting/meeting-writes.js';
import { MeetingRequestRepository, type RequestSides } from './meeting-request.repository.js';

/** Request statuses that use up a delegate's quota of requests sent. */
const COUNTED_SENT: RequestStatus[] = ['PENDING', 'ACCEPTED', 'DECLINED'];

/** A walk-in request: an instant request for one slot, booked there as soon as both sides agree. */
export interface WalkInProposal {
  slotId: string;
  tableId: string | null;
  /** The slot's start: the proposal lapses then. */
  expiresAt: Date;
}

type Localized = Record<string, string | null>;
const inLocale = (t: Localized | null, l: Locale) => (t ? (t[l] ?? t.fr ?? t.en ?? t.ar ?? '') : '');

/** The largest page of meeting requests one query returns. */
export const MAX_REQUEST_PAGE = 500;

export interface RequestFilter {
  editionId: string;
  organizationId?: string | null;
  delegateId?: string | null;
  groupId?: string | null;
  statuses?: RequestStatus[] | null;
  direction?: 'SENT' | 'RECEIVED' | 'ANY' | null;
}

/** Meeting requests between delegates: both sides consent before a meeting can exist. */
@Injectable()
export class RequestService {
  private readonly logger = new Logger(RequestService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly grants: ContactGrantService,
    private readonly audit: AuditService,
    /** Live `meetingRequestChanged` events, published after commit. */
    @Optional() private readonly events?: EventBus,
    /** Mail and in-app notices to the side that has to hear of a change, in the same transaction. */
    @Optional() @Inject(MAIL_PORT) private readonly mail?: MailPort,
    // Stateless: the default serves code that builds the service by hand.
    private readonly requests: MeetingRequestRepository = new MeetingRequestRepository(),
  ) {}

  /**
   * Who hears of a change on one side of a request. The requesting side: the requesting delegate
   * and the account that sent the request. The receiving side: the delegate it names (every
   * registered delegate of the organisation when it names none) and the members of the receiving
   * organisation, who may answer it. Withdrawn delegates are left out; each person is told once.
   */
  private async recipients(m: EntityManager, req: RequestSides, side: 'from' | 'to') {
    const delegates = await this.requests.delegatesReached(
      m,
      side === 'from'
        ? { delegateId: req.fromDelegateId, editionId: req.editionId, organizationId: req.fromOrganizationId }
        : { delegateId: req.toDelegateId, editionId: req.editionId, organizationId: req.toOrganizationId },
    );
    // The requesting side: its delegate and the account that sent the request; the receiving side:
    // its delegates and the members of its organisation (each list by address, delegates first).
    const [contacts, people] = await Promise.all([
      accounts.contacts(m, [
        ...new Set(delegates.map((d) => d.userId).filter((id): id is string => id !== null)),
      ]),
      side === 'from'
        ? req.requestedBy
          ? accounts.contacts(m, [req.requestedBy]).then((c) => [...c.values()])
          : []
        : membersOf(m, req.toOrganizationId),
    ]);
    const rows: { email: string; user_id: string | null; locale: Locale | null }[] = [
      ...delegates.map((d) => ({
        email: d.email,
        user_id: d.userId,
        locale: (d.userId && contacts.get(d.userId)?.locale) || null,
      })),
      ...people.map((p) => ({ email: p.email, user_id: p.id, locale: p.locale })),
    ];
    const seen = new Set<string>();
    return rows.filter((r) => {
      const keys = [r.email.toLowerCase(), r.user_id].filter((k): k is string => !!k);
      if (keys.some((k) => seen.has(k))) return false;
      keys.forEach((k) => seen.add(k));
      return true;
    });
  }

  /** Mails (and, to people with an account, notifies in the app) one side of a request, in `m`'s transaction. */
  private async notify(
    m: EntityManager,
    req: RequestSides,
    side: 'from' | 'to',
    template: MailTemplate,
    extra: MailParams = {},
  ): Promise<void> {
    if (!this.mail) return;
    const people = await this.recipients(m, req, side);
    if (!people.length) return;
    const [edition, organizations] = await Promise.all([
      m.findOne(ForumEditionEntity, { where: { id: req.editionId }, select: { id: true, name: true } }),
      directoryFacts.organizations(m, [req.fromOrganizationId, req.toOrganizationId]),
    ]);
    const from = organizations.get(req.fromOrganizationId);
    const to = organizations.get(req.toOrganizationId);
    const names =
      edition && from && to ? { edition: edition.name, from_name: from.name, to_name: to.name } : undefined;
    for (const p of people) {
      const locale: Locale = p.locale ?? 'fr';
      await this.mail.send(
        {
          to: p.email,
          userId: p.user_id,
          ids: { meetingRequestId: req.id, editionId: req.editionId },
          template,
          locale,
          params: {
            organization: inLocale((side === 'to' ? names?.from_name : names?.to_name) ?? null, locale),
            edition: inLocale(names?.edition ?? null, locale),
            requestId: req.id,
            ...extra,
          },
        },
        m,
      );
    }
  }

  private record(
    m: EntityManager,
    userId: string | null,
    action: string,
    req: MeetingRequestEntity,
    before?: string,
  ) {
    publishMeetingRequestChange(this.events, m, {
      requestId: req.id,
      editionId: req.editionId,
      fromOrganizationId: req.fromOrganizationId,
      toOrganizationId: req.toOrganizationId,
      status: req.status,
      action,
    });
    return this.audit.record(m, {
      actor: userId ? { userId } : null,
      action: `meeting_request.${action}`,
      entityType: 'meeting_request',
      entityId: req.id,
      before: before ? { status: before } : null,
      after: { status: req.status, toDelegateId: req.toDelegateId },
    });
  }

  /**
   * Marks pending requests past their expiry date as expired (all editions when none is given) and
   * tells each requesting side, in `m`'s transaction (a transaction of its own when none is given).
   */
  async expireDue(m?: EntityManager, editionId?: string): Promise<number> {
    const run = async (t: EntityManager) => {
      const rows = await this.requests.expireDue(t, editionId ?? null);
      for (const r of rows) await this.notify(t, r, 'from', 'meeting-request-expired');
      return rows.length;
    };
    const n = m ? await run(m) : await this.db.transaction(run);
    if (n) this.logger.log({ expired: n, editionId }, 'meeting requests expired');
    return n;
  }

  /** Records the expiry of one request that is past its date, in a transaction of its own (it must outlive a refusal). */
  private async expireOne(id: string): Promise<void> {
    const requestId = parseId(id, 'requestId');
    await this.db.transaction(async (m) => {
      const rows = await this.requests.expireOne(m, requestId);
      for (const r of rows) await this.notify(m, r, 'from', 'meeting-request-expired');
    });
  }

  async get(id: string, m: EntityManager = this.db.manager): Promise<MeetingRequestEntity> {
    const r = await m.findOneBy(MeetingRequestEntity, { id: parseId(id, 'requestId') });
    if (!r) throw notFound('Meeting request', id);
    if (r.status === 'PENDING' && r.expiresAt <= new Date()) r.status = 'EXPIRED';
    return r;
  }

  /**
   * One page of the requests of an edition, newest first, keyset-ordered on (created_at, id).
   * `organizationId`, `delegateId` and `groupId` apply to the side `direction` names (either side for ANY).
   */
  async page(filter: RequestFilter, args: ConnectionArgs): Promise<Connection<MeetingRequestEntity>> {
    const slice = sliceOf(args, { max: MAX_REQUEST_PAGE, defaultSize: 100 });
    const editionId = parseId(filter.editionId, 'editionId');
    await this.expireDue(undefined, editionId);
    const { rows, totalCount } = await this.requests.page(
      this.db.manager,
      {
        editionId,
        organizationId: filter.organizationId ? parseId(filter.organizationId, 'organizationId') : null,
        delegateId: filter.delegateId ? parseId(filter.delegateId, 'delegateId') : null,
        groupId: filter.groupId ? parseId(filter.groupId, 'groupId') : null,
        statuses: filter.statuses ?? null,
        direction: filter.direction ?? 'ANY',
      },
      slice,
    );
    const at = new Map(rows.map((r) => [r.request, r.at]));
    return connectionOf(
      rows.map((r) => r.request),
      slice,
      (e) => at.get(e)!,
      totalCount,
    );
  }

  /** A delegate of `organizationId` asks to meet another delegate or organisation. */
  async request(
    input: Record<string, unknown>,
    userId: string | null,
    within?: EntityManager,
    walkIn?: WalkInProposal,
  ): Promise<MeetingRequestEntity> {
    const data = parseInput(meetingRequestSchema, input);
    const body = async (m: EntityManager) => {
      const edition = await m.findOneBy(ForumEditionEntity, { id: data.editionId });
      if (!edition) throw notFound('Forum edition', data.editionId);
      if (edition.status !== 'OPEN')
        throw new AppError('CONFLICT', 'this edition does not take meeting requests now', {
          status: edition.status,
        });
      await this.expireDue(m, edition.id);
      // Locking the sender serialises its requests, so two at once cannot both slip under the quota.
      const from = await m.findOne(ForumDelegateEntity, {
        where: { id: data.fromDelegateId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!from || from.editionId !== edition.id) throw notFound('Delegate', data.fromDelegateId);
      if (from.organizationId !== data.organizationId)
        throw new AppError('FORBIDDEN', 'the requesting delegate belongs to another organisation');
      if (from.status !== 'REGISTERED')
        throw new AppError('CONFLICT', 'the requesting delegate has withdrawn');

      let toOrganizationId = data.toOrganizationId;
      let to: ForumDelegateEntity | null = null;
      if (data.toDelegateId) {
        to = await m.findOneBy(ForumDelegateEntity, { id: data.toDelegateId });
        if (!to || to.editionId !== edition.id) throw notFound('Delegate', data.toDelegateId);
        if (to.status !== 'REGISTERED') throw new AppError('CONFLICT', 'that delegate has withdrawn');
        if (toOrganizationId && toOrganizationId !== to.organizationId)
          throw badInput([
            { path: 'input.toOrganizationId', message: 'is not the organisation of toDelegateId' },
          ]);
        toOrganizationId = to.organizationId;
      }
      if (toOrganizationId === from.organizationId)
        throw badInput([
          {
            path: 'input.toOrganizationId',
            message: 'a delegate cannot request a meeting with its own organisation',
          },
        ]);
      const rules = await this.rules(m, edition.id);
      const targets = to
        ? [to]
        : await m.find(ForumDelegateEntity, {
            where: { editionId: edition.id, organizationId: toOrganizationId!, status: 'REGISTERED' },
          });
      if (!targets.length)
        throw new AppError('CONFLICT', 'that organisation has no delegate registered for this edition', {
          reason: 'NO_DELEGATE',
        });
      const reasons = targets.map((t) => meetingForbidden(rules, from.groupId, t.groupId));
      if (reasons.every((r) => r !== null))
        throw new AppError('FORBIDDEN', `the group rules do not allow this meeting: ${reasons[0]}`, {
          reason: 'GROUP_RULE',
        });

      const reverse = await this.requests.pendingBetween(m, {
        editionId: edition.id,
        fromOrganizationId: toOrganizationId!,
        toOrganizationId: from.organizationId,
        toDelegateId: from.id,
      });
      if (reverse)
        throw new AppError(
          'CONFLICT',
          'the other side has already asked for this meeting: accept its request',
          {
            reason: 'REVERSE_PENDING',
            requestId: reverse,
          },
        );

      const group = from.groupId ? await m.findOneBy(ForumGroupEntity, { id: from.groupId }) : null;
      const maxRequests = group?.maxRequests ?? edition.maxRequestsPerDelegate;
      if (maxRequests != null) {
        const n = await this.requests.countSent(m, from.id, COUNTED_SENT);
        if (n >= maxRequests)
          throw new AppError(
            'QUOTA_EXCEEDED',
            `a delegate may send at most ${maxRequests} meeting requests`,
            {
              quota: 'REQUESTS_SENT',
              limit: maxRequests,
            },
          );
      }
      await this.checkMeetingQuota(m, edition, from, 'the requesting delegate');

      const expiresAt = walkIn
        ? walkIn.expiresAt
        : new Date(Date.now() + edition.requestExpiryHours * 3600_000);
      const created = await m.save(
        MeetingRequestEntity,
        m.create(MeetingRequestEntity, {
          editionId: edition.id,
          fromDelegateId: from.id,
          fromOrganizationId: from.organizationId,
          toDelegateId: to?.id ?? null,
          toOrganizationId: toOrganizationId!,
          message: data.message,
          priority: data.priority,
          session: data.session,
          source: walkIn ? 'WALK_IN' : data.source,
          proposedSlotId: walkIn?.slotId ?? null,
          proposedTableId: walkIn?.tableId ?? null,
          expiresAt,
          requestedBy: userId,
        }),
      );
      await this.record(m, userId, 'create', created);
      await this.notify(m, created, 'to', 'meeting-request', { message: created.message ?? '' });
      return created;
    };
    return withForumErrors(() => (within ? body(within) : this.db.transaction(body)));
  }

  /**
   * The receiving organisation accepts; a request addressed to the organisation names which of its
   * delegates will meet. Contact persons are released to both sides in the same transaction.
   */
  async accept(
    requestId: string,
    organizationId: string | null,
    delegateId: string | null,
    userId: string | null,
    within?: EntityManager,
  ): Promise<MeetingRequestEntity> {
    if (!within) await this.expireOne(requestId);
    const body = async (m: EntityManager) => {
      // An accepted walk-in is booked at once: the edition first, as for every meeting write.
      if (!within) await lockEditionMeetings(m, 'request', parseId(requestId, 'requestId'));
      const req = await this.lockPending(m, requestId);
      if (organizationId && req.toOrganizationId !== organizationId.toLowerCase())
        throw new AppError('FORBIDDEN', 'only the receiving organisation may accept this request');
      const edition = await m.findOneByOrFail(ForumEditionEntity, { id: req.editionId });
      if (edition.status === 'CLOSED') throw new AppError('CONFLICT', 'this edition is closed');
      let toId = req.toDelegateId;
      if (delegateId) {
        const chosen = parseId(delegateId, 'delegateId');
        if (toId && toId !== chosen)
          throw badInput([{ path: 'delegateId', message: 'the request names another delegate' }]);
        toId = chosen;
      }
      if (!toId) {
        const candidates = await m.find(ForumDelegateEntity, {
          where: { editionId: req.editionId, organizationId: req.toOrganizationId, status: 'REGISTERED' },
        });
        if (candidates.length !== 1)
          throw badInput([
            { path: 'delegateId', message: 'name the delegate of your organisation who will meet' },
          ]);
        toId = candidates[0].id;
      }
      // Both delegates locked in a fixed order: concurrent acceptances cannot overrun a quota or deadlock.
      const ids = [req.fromDelegateId, toId].sort();
      const locked = await m.find(ForumDelegateEntity, {
        where: ids.map((id) => ({ id })),
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const from = locked.find((d) => d.id === req.fromDelegateId);
      const to = locked.find((d) => d.id === toId);
      if (!from || !to || to.editionId !== req.editionId || to.organizationId !== req.toOrganizationId)
        throw badInput([{ path: 'delegateId', message: 'is not a delegate of the receiving organisation' }]);
      if (from.status !== 'REGISTERED' || to.status !== 'REGISTERED')
        throw new AppError('CONFLICT', 'one of the delegates has withdrawn');
      const forbidden = meetingForbidden(await this.rules(m, req.editionId), from.groupId, to.groupId);
      if (forbidden)
        throw new AppError('FORBIDDEN', `the group rules do not allow this meeting: ${forbidden}`, {
          reason: 'GROUP_RULE',
        });
      await this.checkMeetingQuota(m, edition, from, 'the requesting delegate');
      await this.checkMeetingQuota(m, edition, to, 'the receiving delegate');
      req.status = 'ACCEPTED';
      req.toDelegateId = to.id;
      req.respondedBy = userId;
      req.respondedAt = new Date();
      const saved = await m.save(MeetingRequestEntity, req);
      await this.grants.grant(m, req.fromOrganizationId, req.toOrganizationId, 'MEETING_REQUEST', req.id);
      await this.record(m, userId, 'accept', saved, 'PENDING');
      await this.notify(m, saved, 'from', 'meeting-request-accepted');
      // A walk-in is booked in the slot it proposed, or not accepted at all.
      if (saved.source === 'WALK_IN' && saved.proposedSlotId) {
        const mt = await placeMeeting(m, saved, saved.proposedSlotId, saved.proposedTableId, this.events);
        await this.audit.record(m, {
          actor: userId ? { userId } : null,
          action: 'forum_meeting.book',
          entityType: 'forum_meeting',
          entityId: mt.id,
          after: { requestId: saved.id, slotId: mt.slotId, tableId: mt.tableId, walkIn: true },
        });
      }
      return saved;
    };
    return withForumErrors(() => (within ? body(within) : retryOnDeadlock(() => this.db.transaction(body))));
  }

  async decline(
    requestId: string,
    organizationId: string | null,
    reason: string | null,
    userId: string | null,
  ): Promise<MeetingRequestEntity> {
    const why = parseInput(reasonSchema, reason, 'reason');
    await this.expireOne(requestId);
    return this.db.transaction(async (m) => {
      const req = await this.lockPending(m, requestId);
      if (organizationId && req.toOrganizationId !== organizationId.toLowerCase())
        throw new AppError('FORBIDDEN', 'only the receiving organisation may decline this request');
      req.status = 'DECLINED';
      req.respondedBy = userId;
      req.respondedAt = new Date();
      req.reason = why;
      const saved = await m.save(MeetingRequestEntity, req);
      await this.record(m, userId, 'decline', saved, 'PENDING');
      await this.notify(m, saved, 'from', 'meeting-request-declined', { message: why ?? '' });
      return saved;
    });
  }

  /** Either side (or an organiser, with no organisation) withdraws a pending or accepted request; its meeting goes too. */
  async cancel(
    requestId: string,
    organizationId: string | null,
    reason: string | null,
    userId: string | null = null,
  ): Promise<MeetingRequestEntity> {
    const why = parseInput(reasonSchema, reason, 'reason');
    const id = parseId(requestId, 'requestId');
    return retryOnDeadlock(() => this.cancelOnce(id, organizationId, why, userId));
  }

  private cancelOnce(
    requestId: string,
    organizationId: string | null,
    why: string | null,
    userId: string | null,
  ): Promise<MeetingRequestEntity> {
    return this.db.transaction(async (m) => {
      await lockEditionMeetings(m, 'request', requestId);
      const req = await m.findOne(MeetingRequestEntity, {
        where: { id: requestId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!req) throw notFound('Meeting request', requestId);
      const org = organizationId?.toLowerCase() ?? null;
      if (org && req.fromOrganizationId !== org && req.toOrganizationId !== org)
        throw new AppError('FORBIDDEN', 'only the two sides of a request may cancel it');
      if (req.status !== 'PENDING' && req.status !== 'ACCEPTED')
        throw new AppError('CONFLICT', `the request is already ${req.status.toLowerCase()}`, {
          status: req.status,
        });
      const before = req.status;
      req.status = 'CANCELLED';
      req.cancelledByOrganizationId = org;
      req.reason = why;
      const saved = await m.save(MeetingRequestEntity, req);
      await cancelMeetingsOfRequests(m, [req.id], this.events);
      await this.record(m, userId, 'cancel', saved, before);
      // The other side hears of it; when an organiser cancels, both sides do.
      const sides: ('from' | 'to')[] =
        org === req.fromOrganizationId ? ['to'] : org === req.toOrganizationId ? ['from'] : ['from', 'to'];
      for (const side of sides)
        await this.notify(m, saved, side, 'meeting-request-cancelled', { message: why ?? '' });
      return saved;
    });
  }

  private async lockPending(m: EntityManager, requestId: string): Promise<MeetingRequestEntity> {
    const req = await m.findOne(MeetingRequestEntity, {
      where: { id: parseId(requestId, 'requestId') },
      lock: { mode: 'pessimistic_write' },
    });
    if (!req) throw notFound('Meeting request', requestId);
    // Expired meanwhile: refused here; expireOne (before the transaction) or the periodic job records it.
    if (req.status === 'PENDING' && req.expiresAt <= new Date()) req.status = 'EXPIRED';
    if (req.status !== 'PENDING')
      throw new AppError('CONFLICT', `the request is ${req.status.toLowerCase()}, not pending`, {
        status: req.status,
      });
    return req;
  }

  private async rules(m: EntityManager, editionId: string) {
    const [groups, rules] = await Promise.all([
      m.find(ForumGroupEntity, { where: { editionId } }),
      m.find(ForumGroupRuleEntity, { where: { editionId } }),
    ]);
    return groupRules(groups, rules);
  }

  /** Refuses when the delegate already has as many accepted meetings as its group or the edition allows. */
  private async checkMeetingQuota(
    m: EntityManager,
    edition: ForumEditionEntity,
    delegate: ForumDelegateEntity,
    who: string,
  ): Promise<void> {
    const group = delegate.groupId ? await m.findOneBy(ForumGroupEntity, { id: delegate.groupId }) : null;
    const max = group?.maxMeetings ?? edition.maxMeetingsPerDelegate;
    if (max == null) return;
    const n = await this.requests.countAccepted(m, delegate.id);
    if (n >= max)
      throw new AppError(
        'QUOTA_EXCEEDED',
        `${who} already has ${n} accepted meetings, the most allowed (${max})`,
        {
          quota: 'MEETINGS',
          limit: max,
          delegateId: delegate.id,
        },
      );
  }
}
