import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  AppError,
  badInput,
  type Connection,
  type ConnectionArgs,
  connectionOf,
  notFound,
  sliceOf,
  type AppConfig,
} from '#platform';
import {
  accounts,
  AuditService,
  MAIL_PORT,
  membersOf,
  messageSchema,
  requireUuid,
  SenderBudget,
  type Locale,
  type MailPort,
  type Viewer,
} from '#identity';
import { directoryFacts } from '../organisation/organisation-facts.js';
import type { TextByLang } from '../organisation/organisation.entity.js';
import { ContactGrantService } from './contact-grant.service.js';
import {
  ContactRequestRepository,
  type AcceptedContact,
  type ContactRequestRecord,
  type ContactRequestStatus,
  type Runs,
} from './contact-request.repository.js';

/** The largest page of contact requests one query returns. */
export const MAX_CONTACT_REQUEST_PAGE = 200;

/** Days a request waits for an answer when the configuration says nothing. */
export const CONTACT_REQUEST_EXPIRY_DAYS = 30;
/** Longest note a decline may carry to the requester. */
export const DECLINE_MESSAGE_MAX = 500;

const declineMessageSchema = messageSchema.refine(
  (v) => v == null || v.length <= DECLINE_MESSAGE_MAX,
  `must be at most ${DECLINE_MESSAGE_MAX} characters`,
);

/** A pending request past its expiry date reads as expired, even before the job has marked it. */
const effectiveStatus = (r: ContactRequestRecord, now = new Date()): ContactRequestStatus =>
  r.status === 'PENDING' && r.expiresAt <= now ? 'EXPIRED' : r.status;

/** A contact request as its two organisations read it. */
export const toContactRequest = (r: ContactRequestRecord) => ({
  id: r.id,
  fromOrganizationId: r.fromOrganizationId,
  toOrganizationId: r.toOrganizationId,
  message: r.message,
  status: effectiveStatus(r),
  declineMessage: r.declineMessage,
  createdAt: r.createdAt,
  expiresAt: r.expiresAt,
  respondedAt: r.respondedAt,
});

const orgName = (name: TextByLang, locale: Locale) => name[locale] ?? name.fr ?? name.en ?? name.ar ?? '';

const repository = new ContactRequestRepository();

/**
 * The accepted contact requests of each given organisation, sent or received, one entry per
 * organisation, counterpart and year.
 */
export function acceptedContactsOf(db: Runs, organizationIds: readonly string[]): Promise<AcceptedContact[]> {
  return repository.acceptedOf(db, organizationIds);
}

/**
 * Contact requests between organisations. Accepting one lets both see each other's contact
 * persons; until then each sees the other organisation, not its people.
 */
@Injectable()
export class ContactRequestService {
  private readonly logger = new Logger(ContactRequestService.name);
  /** Days a new request waits for an answer (CONTACT_REQUEST_EXPIRY_DAYS). */
  readonly expiryDays: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(MAIL_PORT) private readonly mail: MailPort,
    private readonly audit: AuditService,
    private readonly grants: ContactGrantService,
    private readonly budget: SenderBudget,
    @Optional() @Inject(APP_CONFIG) config?: Pick<AppConfig, 'contactRequestExpiryDays'>,
    @Optional() private readonly requests: ContactRequestRepository = repository,
  ) {
    this.expiryDays = config?.contactRequestExpiryDays ?? CONTACT_REQUEST_EXPIRY_DAYS;
  }

  /**
   * Opens a contact request from `from` to `to` and tells the receiving organisation's members.
   * Inside `within` (the caller's transaction) when given, so the caller's own writes and the
   * request commit or roll back together; the same checks apply either way.
   */
  async request(
    viewer: Pick<Viewer, 'userId'>,
    from: string,
    to: string,
    message: string | null,
    within?: EntityManager,
  ): Promise<ContactRequestRecord> {
    requireUuid(to, 'toOrganizationId');
    if (from === to) throw badInput([{ path: 'toOrganizationId', message: 'must be another organisation' }]);
    const parsed = messageSchema.safeParse(message);
    if (!parsed.success) throw badInput([{ path: 'message', message: parsed.error.issues[0].message }]);
    const text = parsed.data;
    return this.budget.sending(viewer.userId, (spend) => {
      const body = async (m: EntityManager) => {
        const orgs = await directoryFacts.organizations(m, [from, to]);
        const target = orgs.get(to);
        const source = orgs.get(from);
        if (!target || target.status !== 'ACTIVE') throw notFound('Organization', to);
        if (!source || source.status !== 'ACTIVE')
          throw new AppError(
            'CONFLICT',
            'your organisation must be approved before it sends contact requests',
          );
        await spend();
        // A request left unanswered past its date no longer blocks a new one, even before the job marks it.
        await this.requests.expirePendingBetween(m, from, to);
        const row = await this.requests.insertPending(m, {
          from,
          to,
          requestedBy: viewer.userId,
          message: text,
          expiryDays: this.expiryDays,
        });
        if (!row) throw new AppError('CONFLICT', 'a request to this organisation is already pending');
        await this.audit.record(m, {
          actor: viewer,
          action: 'contact-request.create',
          entityType: 'contact_request',
          entityId: row.id,
          after: { from, to },
        });
        for (const r of await membersOf(m, to))
          await this.mail.send(
            {
              to: r.email,
              userId: r.id,
              ids: { contactRequestId: row.id, fromOrganizationId: from },
              template: 'contact-request',
              locale: r.locale,
              params: { organization: orgName(source.name, r.locale), message: text ?? '' },
            },
            m,
          );
        return row;
      };
      return within ? body(within) : this.db.transaction(body);
    });
  }

  /** Whether the request is still pending (not answered, cancelled or marked expired). */
  isPending(id: string, within?: EntityManager): Promise<boolean> {
    return this.requests.isPending(within ?? this.db, id);
  }

  /**
   * Accepts or declines a pending request addressed to the viewer's organisation. A decline may
   * carry a short message to the requester (at most DECLINE_MESSAGE_MAX characters).
   */
  async respond(
    viewer: Viewer,
    id: string,
    accept: boolean,
    message: string | null = null,
  ): Promise<ContactRequestRecord> {
    const parsed = declineMessageSchema.safeParse(message);
    if (!parsed.success) throw badInput([{ path: 'message', message: parsed.error.issues[0].message }]);
    const note = parsed.data || null;
    if (accept && note) throw badInput([{ path: 'message', message: 'only a decline carries a message' }]);
    return this.db.transaction(async (m) => {
      const row = await this.requests.markAnswered(
        m,
        id,
        accept ? 'ACCEPTED' : 'DECLINED',
        viewer.userId,
        note,
      );
      if (!row) throw this.notPending(id);
      if (accept)
        await this.grants.grant(m, row.fromOrganizationId, row.toOrganizationId, 'CONTACT_REQUEST', row.id);
      await this.audit.record(m, {
        actor: viewer,
        action: accept ? 'contact-request.accept' : 'contact-request.decline',
        entityType: 'contact_request',
        entityId: id,
        before: { status: 'PENDING' },
        after: { status: row.status, ...(note ? { message: true } : {}) },
      });
      // The requester hears the answer; once accepted, the contact persons are shown to them.
      await this.tellRequester(
        m,
        row,
        accept ? 'contact-request-accepted' : 'contact-request-declined',
        accept ? {} : { message: note ?? '' },
      );
      return row;
    });
  }

  async cancel(viewer: Viewer, id: string): Promise<ContactRequestRecord> {
    return this.db.transaction(async (m) => {
      const row = await this.requests.markCancelled(m, id);
      if (!row) throw this.notPending(id);
      await this.audit.record(m, {
        actor: viewer,
        action: 'contact-request.cancel',
        entityType: 'contact_request',
        entityId: id,
        before: { status: 'PENDING' },
        after: { status: 'CANCELLED' },
      });
      return row;
    });
  }

  /**
   * Marks the pending requests past their expiry date as EXPIRED and tells each requester (mail
   * and in-app notice), in one transaction. Run by the worker's identity housekeeping job.
   */
  async expireDue(now: Date = new Date()): Promise<number> {
    const n = await this.db.transaction(async (m) => {
      const rows = await this.requests.markExpiredDue(m, now);
      for (const row of rows) {
        await this.audit.record(m, {
          actor: null,
          action: 'contact-request.expire',
          entityType: 'contact_request',
          entityId: row.id,
          before: { status: 'PENDING' },
          after: { status: 'EXPIRED' },
        });
        await this.tellRequester(m, row, 'contact-request-expired', {});
      }
      return rows.length;
    });
    if (n) this.logger.log({ expired: n }, 'contact requests expired');
    return n;
  }

  /** Tells the account that sent a request (while it exists) what became of it, in its language. */
  private async tellRequester(
    m: EntityManager,
    row: ContactRequestRecord,
    template: 'contact-request-accepted' | 'contact-request-declined' | 'contact-request-expired',
    params: Record<string, string>,
  ): Promise<void> {
    if (!row.requestedBy) return;
    const who = await accounts.contacts(m, [row.requestedBy]);
    const orgs = await directoryFacts.organizations(m, [row.toOrganizationId]);
    const to = who.get(row.requestedBy);
    const org = orgs.get(row.toOrganizationId);
    if (!to || !org) return;
    await this.mail.send(
      {
        to: to.email,
        userId: row.requestedBy,
        ids: { contactRequestId: row.id, toOrganizationId: row.toOrganizationId },
        template,
        locale: to.locale,
        params: { organization: orgName(org.name, to.locale), ...params },
      },
      m,
    );
  }

  private notPending(id: string): AppError {
    return new AppError('CONFLICT', `contact request ${id} is not pending`);
  }

  /** One page of the requests sent by or to an organisation, newest first, keyset-ordered on (created_at, id). */
  async page(
    organizationId: string,
    direction: 'INCOMING' | 'OUTGOING',
    args: ConnectionArgs,
  ): Promise<Connection<ContactRequestRecord>> {
    const slice = sliceOf(args, { max: MAX_CONTACT_REQUEST_PAGE, defaultSize: 100 });
    const { rows, total } = await this.requests.page(this.db, organizationId, direction, slice);
    return connectionOf(rows, slice, (r) => ({ at: r.keysetAt, id: r.id }), total);
  }
}
