import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { keysetAtSql, keysetSql, returning, type KeysetSlice } from '#platform';

/** Anything that runs SQL: a DataSource, an EntityManager or a QueryRunner's manager. */
export type Runs = Pick<EntityManager, 'query'>;

export type ContactRequestStatus = 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'CANCELLED' | 'EXPIRED';

/** A contact request as stored (its status as marked, see `toContactRequest` for how it reads). */
export interface ContactRequestRecord {
  id: string;
  fromOrganizationId: string;
  toOrganizationId: string;
  message: string | null;
  /** The account that sent it; null once that account is erased. */
  requestedBy: string | null;
  status: ContactRequestStatus;
  declineMessage: string | null;
  createdAt: Date;
  expiresAt: Date;
  respondedAt: Date | null;
}

/** An accepted contact request seen from one of its two organisations. */
export interface AcceptedContact {
  organizationId: string;
  /** The organisation at the other end. */
  otherId: string;
  /** The year the request was sent. */
  year: number;
}

interface ContactRequestRow {
  id: string;
  from_organization_id: string;
  to_organization_id: string;
  message: string | null;
  requested_by: string | null;
  status: ContactRequestStatus;
  decline_message: string | null;
  created_at: Date;
  expires_at: Date;
  responded_at: Date | null;
}

const toRecord = (r: ContactRequestRow): ContactRequestRecord => ({
  id: r.id,
  fromOrganizationId: r.from_organization_id,
  toOrganizationId: r.to_organization_id,
  message: r.message,
  requestedBy: r.requested_by,
  status: r.status,
  declineMessage: r.decline_message,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  respondedAt: r.responded_at,
});

/** The organisation a contact request is addressed to (`$1`: the request), for access rules. */
export const CONTACT_REQUEST_TO_OWNER_SQL = `SELECT to_organization_id AS organization_id FROM contact_request WHERE id = $1`;
/** The organisation that sent a contact request (`$1`: the request), for access rules. */
export const CONTACT_REQUEST_FROM_OWNER_SQL = `SELECT from_organization_id AS organization_id FROM contact_request WHERE id = $1`;

/**
 * Where contact requests hold personal data, for identity's export and erasure (`$1` the account,
 * `$2` its address). The request stays between the organisations; the texts the user wrote go (a
 * request's note, a decline's note), with their copies in the mails that told the other side.
 */
export const CONTACT_REQUEST_PERSONAL_DATA = {
  covers: [
    'contact_request.requested_by',
    'contact_request.responded_by',
    'contact_request.message',
    'contact_request.decline_message',
  ],
  exportSql: `SELECT id, from_organization_id, to_organization_id, message, status, created_at, responded_at,
                     CASE WHEN responded_by = $1 THEN decline_message END AS decline_message,
                     requested_by = $1 AS sent, responded_by = $1 AS answered
                FROM contact_request WHERE requested_by = $1 OR responded_by = $1 ORDER BY created_at`,
  copiedTextsSql: `SELECT 'contact-request' AS template, message AS text FROM contact_request
                    WHERE requested_by = $1 AND message IS NOT NULL
                   UNION ALL
                   SELECT 'contact-request-declined', decline_message FROM contact_request
                    WHERE responded_by = $1 AND decline_message IS NOT NULL`,
  deleteSql: `UPDATE contact_request
                 SET message = CASE WHEN requested_by = $1 THEN NULL ELSE message END,
                     decline_message = CASE WHEN responded_by = $1 THEN NULL ELSE decline_message END
               WHERE (requested_by = $1 AND message IS NOT NULL)
                  OR (responded_by = $1 AND decline_message IS NOT NULL)`,
};

/** The SQL of `contact_request`. Each method runs on the connection or transaction it is given. */
@Injectable()
export class ContactRequestRepository {
  /** Marks EXPIRED a pending request from `from` to `to` past its date, so it no longer blocks a new one. */
  async expirePendingBetween(m: Runs, from: string, to: string): Promise<void> {
    await m.query(
      `UPDATE contact_request SET status = 'EXPIRED', responded_at = now()
            WHERE from_organization_id = $1 AND to_organization_id = $2 AND status = 'PENDING' AND expires_at <= now()`,
      [from, to],
    );
  }

  /** Opens a request; null when one between the two is already pending. */
  async insertPending(
    m: Runs,
    request: {
      from: string;
      to: string;
      requestedBy: string;
      message: string | null;
      expiryDays: number;
    },
  ): Promise<ContactRequestRecord | null> {
    const [row] = await m.query<ContactRequestRow[]>(
      `INSERT INTO contact_request (from_organization_id, to_organization_id, requested_by, message, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(days => $5)) ON CONFLICT DO NOTHING RETURNING *`,
      [request.from, request.to, request.requestedBy, request.message, request.expiryDays],
    );
    return row ? toRecord(row) : null;
  }

  /** Whether the request is still pending (not answered, cancelled or marked expired). */
  async isPending(db: Runs, id: string): Promise<boolean> {
    const [row] = await db.query<unknown[]>(
      `SELECT 1 FROM contact_request WHERE id = $1 AND status = 'PENDING'`,
      [id],
    );
    return !!row;
  }

  /** Answers a pending request not past its date; null when there is none. */
  async markAnswered(
    m: Runs,
    id: string,
    status: 'ACCEPTED' | 'DECLINED',
    respondedBy: string,
    declineMessage: string | null,
  ): Promise<ContactRequestRecord | null> {
    const [row] = await returning<ContactRequestRow>(
      m,
      `UPDATE contact_request SET status = $2, responded_by = $3, responded_at = now(), decline_message = $4
         WHERE id = $1 AND status = 'PENDING' AND expires_at > now() RETURNING *`,
      [id, status, respondedBy, declineMessage],
    );
    return row ? toRecord(row) : null;
  }

  /** Withdraws a pending request not past its date; null when there is none. */
  async markCancelled(m: Runs, id: string): Promise<ContactRequestRecord | null> {
    const [row] = await returning<ContactRequestRow>(
      m,
      `UPDATE contact_request SET status = 'CANCELLED', responded_at = now()
         WHERE id = $1 AND status = 'PENDING' AND expires_at > now() RETURNING *`,
      [id],
    );
    return row ? toRecord(row) : null;
  }

  /** Marks EXPIRED the pending requests past their date at `now`, returning them. */
  async markExpiredDue(m: Runs, now: Date): Promise<ContactRequestRecord[]> {
    const rows = await returning<ContactRequestRow>(
      m,
      `UPDATE contact_request SET status = 'EXPIRED', responded_at = $1
          WHERE status = 'PENDING' AND expires_at <= $1 RETURNING *`,
      [now],
    );
    return rows.map(toRecord);
  }

  /**
   * One slice of the requests received (`to_organization_id`) or sent (`from_organization_id`) by
   * an organisation, newest first, keyset-ordered on (created_at, id), each with its keyset
   * timestamp; and how many there are in all.
   */
  async page(
    db: Runs,
    organizationId: string,
    direction: 'INCOMING' | 'OUTGOING',
    slice: KeysetSlice,
  ): Promise<{ rows: (ContactRequestRecord & { keysetAt: string })[]; total: number }> {
    const side = direction === 'INCOMING' ? 'to_organization_id' : 'from_organization_id';
    const params: unknown[] = [organizationId];
    const sql = keysetSql(slice, { at: 'created_at', id: 'id' }, 'DESC', (v) => `$${params.push(v)}`);
    const [rows, [{ n }]] = await Promise.all([
      db.query<(ContactRequestRow & { keyset_at: string })[]>(
        `SELECT *, ${keysetAtSql('created_at')} AS keyset_at FROM contact_request
          WHERE ${[`${side} = $1`, ...sql.where].join(' AND ')}
          ORDER BY ${sql.orderBy} LIMIT ${sql.limit}`,
        params,
      ),
      db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM contact_request WHERE ${side} = $1`, [
        organizationId,
      ]),
    ]);
    return { rows: rows.map((r) => ({ ...toRecord(r), keysetAt: r.keyset_at })), total: n };
  }

  /**
   * The accepted contact requests of each given organisation, sent or received, one entry per
   * organisation, counterpart and year.
   */
  async acceptedOf(db: Runs, organizationIds: readonly string[]): Promise<AcceptedContact[]> {
    if (!organizationIds.length) return [];
    const rows = await db.query<{ organization_id: string; other_id: string; year: number }[]>(
      `SELECT DISTINCT me.id AS organization_id,
            CASE WHEN c.from_organization_id = me.id THEN c.to_organization_id ELSE c.from_organization_id END AS other_id,
            extract(year FROM c.created_at)::int AS year
       FROM unnest($1::uuid[]) AS me(id)
       JOIN contact_request c ON c.status = 'ACCEPTED'
        AND (c.from_organization_id = me.id OR c.to_organization_id = me.id)`,
      [organizationIds],
    );
    return rows.map((r) => ({ organizationId: r.organization_id, otherId: r.other_id, year: r.year }));
  }
}
