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
  keysetAtSql,
  keysetSql,
  notFound,
  returning,
  sliceOf,
  type AppConfig,
} from '#platform';
import { AuditService } from '../audit/audit.service.js';
import { AccessService } from '../access/access.service.js';
import { MAIL_PORT, type Locale, type MailPort } from '../mail/mail.port.js';
import type { Viewer } from '../viewer.js';
import { requireUuid } from '../policy/rules.js';
import { messageSchema } from '../auth/auth.schema.js';
import { SenderBudget } from '../mail/sender-budget.js';

export interface ContactRequestRow {
  id: string;
  from_organization_id: string;
  to_organization_id: string;
  message: string | null;
  requested_by: string | null;
  status: 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'CANCELLED' | 'EXPIRED';
  decline_message: string | null;
  created_at: Date;
  expires_at: Date;
  responded_at: Date | null;
}

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
const effectiveStatus = (r: ContactRequestRow, now = new Date()): ContactRequestRow['status'] =>
  r.status === 'PENDING' && r.expires_at <= now ? 'EXPIRED' : r.status;

export const toContactRequest = (r: ContactRequestRow) => ({
  id: r.id,
  fromOrganizationId: r.from_organization_id,
  toOrganizationId: r.to_organization_id,
  message: r.message,
  status: effectiveStatus(r),
  declineMessage: r.decline_message,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  respondedAt: r.responded_at,
});

/** Anything that runs SQL: a DataSource, an EntityManager or a QueryRunner. */
interface Runs {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** An accepted contact request seen from one of its two organisations. */
export interface AcceptedContact {
  organizationId: string;
  /** The organisation at the other end. */
  otherId: string;
  /** The year the request was sent. */
  year: number;
}

/**
 * The accepted contact requests of each given organisation, sent or received, one entry per
 * organisation, counterpart and year.
 */
export async function acceptedContactsOf(
  db: Runs,
  organizationIds: readonly string[],
): Promise<AcceptedContact[]> {
  if (!organizationIds.length) return [];
  const rows = (await db.query(
    `SELECT DISTINCT me.id AS organization_id,
            CASE WHEN c.from_organization_id = me.id THEN c.to_organization_id ELSE c.from_organization_id END AS other_id,
            extract(year FROM c.created_at)::int AS year
       FROM unnest($1::uuid[]) AS me(id)
       JOIN contact_request c ON c.status = 'ACCEPTED'
        AND (c.from_organization_id = me.id OR c.to_organization_id = me.id)`,
    [organizationIds],
  )) as { organization_id: string; other_id: string; year: number }[];
  return rows.map((r) => ({ organizationId: r.organization_id, otherId: r.other_id, year: r.year }));
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
    private readonly access: AccessService,
    private readonly budget: SenderBudget,
    @Optional() @Inject(APP_CONFIG) config?: Pick<AppConfig, 'contactRequestExpiryDays'>,
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
  ): Promise<ContactRequestRow> {
    requireUuid(to, 'toOrganizationId');
    if (from === to) throw badInput([{ path: 'toOrganizationId', message: 'must be another organisation' }]);
    const parsed = messageSchema.safeParse(message);
    if (!parsed.success) throw badInput([{ path: 'message', message: parsed.error.issues[0].message }]);
    const text = parsed.data;
    return this.budget.sending(viewer.userId, (spend) => {
      const body = async (m: EntityManager) => {
        const orgs = await m.query<{ id: string; status: string; name: Record<string, string | null> }[]>(
          `SELECT id, status, name FROM organization WHERE id = ANY($1::uuid[])`,
          [[from, to]],
        );
        const target = orgs.find((o) => o.id === to);
        const source = orgs.find((o) => o.id === from);
        if (!target || target.status !== 'ACTIVE') throw notFound('Organization', to);
        if (!source || source.status !== 'ACTIVE')
          throw new AppError(
            'CONFLICT',
            'your organisation must be approved before it sends contact requests',
          );
        await spend();
        // A request left unanswered past its date no longer blocks a new one, even before the job marks it.
        await m.query(
          `UPDATE contact_request SET status = 'EXPIRED', responded_at = now()
            WHERE from_organization_id = $1 AND to_organization_id = $2 AND status = 'PENDING' AND expires_at <= now()`,
          [from, to],
        );
        const [row] = await m.query<ContactRequestRow[]>(
          `INSERT INTO contact_request (from_organization_id, to_organization_id, requested_by, message, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(days => $5)) ON CONFLICT DO NOTHING RETURNING *`,
          [from, to, viewer.userId, text, this.expiryDays],
        );
        if (!row) throw new AppError('CONFLICT', 'a request to this organisation is already pending');
        await this.audit.record(m, {
          actor: viewer,
          action: 'contact-request.create',
          entityType: 'contact_request',
          entityId: row.id,
          after: { from, to },
        });
        const recipients = await m.query<{ id: string; email: string; locale: Locale }[]>(
          `SELECT u.id, u.email, u.locale FROM membership ms JOIN user_account u ON u.id = ms.user_id WHERE ms.organization_id = $1`,
          [to],
        );
        for (const r of recipients)
          await this.mail.send(
            {
              to: r.email,
              userId: r.id,
              ids: { contactRequestId: row.id, fromOrganizationId: from },
              template: 'contact-request',
              locale: r.locale,
              params: {
                organization:
                  source.name[r.locale] ?? source.name.fr ?? source.name.en ?? source.name.ar ?? '',
                message: text ?? '',
              },
            },
            m,
          );
        return row;
      };
      return within ? body(within) : this.db.transaction(body);
    });
  }

  /** Whether the request is still pending (not answered, cancelled or marked expired). */
  async isPending(id: string, within?: EntityManager): Promise<boolean> {
    const [row] = await (within ?? this.db).query<unknown[]>(
      `SELECT 1 FROM contact_request WHERE id = $1 AND status = 'PENDING'`,
      [id],
    );
    return !!row;
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
  ): Promise<ContactRequestRow> {
    const parsed = declineMessageSchema.safeParse(message);
    if (!parsed.success) throw badInput([{ path: 'message', message: parsed.error.issues[0].message }]);
    const note = parsed.data || null;
    if (accept && note) throw badInput([{ path: 'message', message: 'only a decline carries a message' }]);
    return this.db.transaction(async (m) => {
      const [row] = await returning<ContactRequestRow>(
        m,
        `UPDATE contact_request SET status = $2, responded_by = $3, responded_at = now(), decline_message = $4
         WHERE id = $1 AND status = 'PENDING' AND expires_at > now() RETURNING *`,
        [id, accept ? 'ACCEPTED' : 'DECLINED', viewer.userId, note],
      );
      if (!row) throw this.notPending(id);
      if (accept)
        await this.access.grantContact(
          m,
          row.from_organization_id,
          row.to_organization_id,
          'CONTACT_REQUEST',
          row.id,
        );
      await this.audit.record(m, {
        actor: viewer,
        action: accept ? 'contact-request.accept' : 'contact-request.decline',
        entityType: 'contact_request',
        entityId: id,
        before: { status: 'PENDING' },
        after: { status: row.status, ...(note ? { message: true } : {}) },
      });
      // The requester hears the answer; once accepted, the contact persons are shown to them.
      const [to] = await m.query<{ email: string; locale: Locale; name: Record<string, string | null> }[]>(
        `SELECT u.email, u.locale, o.name FROM user_account u, organization o WHERE u.id = $1 AND o.id = $2`,
        [row.requested_by, row.to_organization_id],
      );
      if (to)
        await this.mail.send(
          {
            to: to.email,
            userId: row.requested_by,
            ids: { contactRequestId: row.id, toOrganizationId: row.to_organization_id },
            template: accept ? 'contact-request-accepted' : 'contact-request-declined',
            locale: to.locale,
            params: {
              organization: to.name[to.locale] ?? to.name.fr ?? to.name.en ?? to.name.ar ?? '',
              ...(accept ? {} : { message: note ?? '' }),
            },
          },
          m,
        );
      return row;
    });
  }

  async cancel(viewer: Viewer, id: string): Promise<ContactRequestRow> {
    return this.db.transaction(async (m) => {
      const [row] = await returning<ContactRequestRow>(
        m,
        `UPDATE contact_request SET status = 'CANCELLED', responded_at = now()
         WHERE id = $1 AND status = 'PENDING' AND expires_at > now() RETURNING *`,
        [id],
      );
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
      const rows = await returning<ContactRequestRow>(
        m,
        `UPDATE contact_request SET status = 'EXPIRED', responded_at = $1
          WHERE status = 'PENDING' AND expires_at <= $1 RETURNING *`,
        [now],
      );
      for (const row of rows) {
        await this.audit.record(m, {
          actor: null,
          action: 'contact-request.expire',
          entityType: 'contact_request',
          entityId: row.id,
          before: { status: 'PENDING' },
          after: { status: 'EXPIRED' },
        });
        const [to] = await m.query<{ email: string; locale: Locale; name: Record<string, string | null> }[]>(
          `SELECT u.email, u.locale, o.name FROM user_account u, organization o WHERE u.id = $1 AND o.id = $2`,
          [row.requested_by, row.to_organization_id],
        );
        if (to)
          await this.mail.send(
            {
              to: to.email,
              userId: row.requested_by,
              ids: { contactRequestId: row.id, toOrganizationId: row.to_organization_id },
              template: 'contact-request-expired',
              locale: to.locale,
              params: { organization: to.name[to.locale] ?? to.name.fr ?? to.name.en ?? to.name.ar ?? '' },
            },
            m,
          );
      }
      return rows.length;
    });
    if (n) this.logger.log({ expired: n }, 'contact requests expired');
    return n;
  }

  private notPending(id: string): AppError {
    return new AppError('CONFLICT', `contact request ${id} is not pending`);
  }

  /** One page of the requests sent by or to an organisation, newest first, keyset-ordered on (created_at, id). */
  async page(
    organizationId: string,
    direction: 'INCOMING' | 'OUTGOING',
    args: ConnectionArgs,
  ): Promise<Connection<ContactRequestRow>> {
    const slice = sliceOf(args, { max: MAX_CONTACT_REQUEST_PAGE, defaultSize: 100 });
    const side = direction === 'INCOMING' ? 'to_organization_id' : 'from_organization_id';
    const params: unknown[] = [organizationId];
    const sql = keysetSql(slice, { at: 'created_at', id: 'id' }, 'DESC', (v) => `$${params.push(v)}`);
    const [rows, [{ n }]] = await Promise.all([
      this.db.query<(ContactRequestRow & { keyset_at: string })[]>(
        `SELECT *, ${keysetAtSql('created_at')} AS keyset_at FROM contact_request
          WHERE ${[`${side} = $1`, ...sql.where].join(' AND ')}
          ORDER BY ${sql.orderBy} LIMIT ${sql.limit}`,
        params,
      ),
      this.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM contact_request WHERE ${side} = $1`, [
        organizationId,
      ]),
    ]);
    return connectionOf(rows, slice, (r) => ({ at: r.keyset_at, id: r.id }), n);
  }
}
