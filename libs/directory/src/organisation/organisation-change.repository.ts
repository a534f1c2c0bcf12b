import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { returning } from '#platform';

/** Runs SQL: a DataSource, an EntityManager or a QueryRunner's manager. */
type Runs = Pick<EntityManager, 'query'>;

export type OrganizationChangeStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';

/** A stored change request: the fields it changes, their approved and proposed values. */
export interface OrganizationChangeRow {
  id: string;
  organizationId: string;
  status: OrganizationChangeStatus;
  fields: string[];
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  requestedBy: string | null;
  requestedAt: Date;
  reviewedAt: Date | null;
  reviewNote: string | null;
}

interface Row {
  id: string;
  organization_id: string;
  status: OrganizationChangeStatus;
  fields: string[];
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  requested_by: string | null;
  requested_at: Date;
  reviewed_at: Date | null;
  review_note: string | null;
}

const COLUMNS = `id, organization_id, status, fields, before, after, requested_by, requested_at, reviewed_at, review_note`;

const toRow = (r: Row): OrganizationChangeRow => ({
  id: r.id,
  organizationId: r.organization_id,
  status: r.status,
  fields: r.fields,
  before: r.before,
  after: r.after,
  requestedBy: r.requested_by,
  requestedAt: r.requested_at,
  reviewedAt: r.reviewed_at,
  reviewNote: r.review_note,
});

/** The SQL of `organization_change`: identity changes to approved organisations awaiting review. */
@Injectable()
export class OrganizationChangeRepository {
  /** Open requests, oldest first, `limit` of them after the (requested_at, id) cursor. */
  async pendingPage(
    m: Runs,
    from: { createdAt: Date | string; id: string } | null,
    limit: number,
  ): Promise<OrganizationChangeRow[]> {
    const rows = await m.query<Row[]>(
      `SELECT ${COLUMNS} FROM organization_change
       WHERE status = 'PENDING' AND ($1::timestamptz IS NULL OR (requested_at, id) > ($1, $2::uuid))
       ORDER BY requested_at, id LIMIT $3`,
      [from?.createdAt ?? null, from?.id ?? null, limit],
    );
    return rows.map(toRow);
  }

  /** An organisation's requests, newest first. */
  async newestOf(m: Runs, organizationId: string, limit: number): Promise<OrganizationChangeRow[]> {
    const rows = await m.query<Row[]>(
      `SELECT ${COLUMNS} FROM organization_change WHERE organization_id = $1
       ORDER BY requested_at DESC, id DESC LIMIT $2`,
      [organizationId, limit],
    );
    return rows.map(toRow);
  }

  /** The organisation's open request, if any. */
  async openOf(m: Runs, organizationId: string): Promise<OrganizationChangeRow | null> {
    const [row] = await m.query<Row[]>(
      `SELECT ${COLUMNS} FROM organization_change WHERE organization_id = $1 AND status = 'PENDING'`,
      [organizationId],
    );
    return row ? toRow(row) : null;
  }

  /** The organisation a request is about; null for an unknown request. */
  async organizationOf(m: Runs, id: string): Promise<string | null> {
    const [ref] = await m.query<{ organization_id: string }[]>(
      `SELECT organization_id FROM organization_change WHERE id = $1`,
      [id],
    );
    return ref?.organization_id ?? null;
  }

  /** A request, locked for the caller's transaction. */
  async lock(m: Runs, id: string): Promise<OrganizationChangeRow | null> {
    const [row] = await m.query<Row[]>(
      `SELECT ${COLUMNS} FROM organization_change WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ? toRow(row) : null;
  }

  /** The organisation's open request (id and proposed values), locked for the caller's transaction. */
  async lockOpen(
    m: Runs,
    organizationId: string,
  ): Promise<{ id: string; after: Record<string, unknown> } | null> {
    const [row] = await m.query<{ id: string; after: Record<string, unknown> }[]>(
      `SELECT id, after FROM organization_change WHERE organization_id = $1 AND status = 'PENDING' FOR UPDATE`,
      [organizationId],
    );
    return row ?? null;
  }

  /** Records an organiser's decision; the request as decided. */
  async decide(
    m: Runs,
    id: string,
    status: 'APPROVED' | 'REJECTED',
    reviewedBy: string,
    note: string | null,
  ): Promise<OrganizationChangeRow> {
    const [updated] = await returning<Row>(
      m,
      `UPDATE organization_change SET status = $2, reviewed_by = $3, reviewed_at = now(), review_note = $4
         WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, status, reviewedBy, note],
    );
    return toRow(updated);
  }

  /** Withdraws an open request (nothing is left to review). */
  async withdraw(m: Runs, id: string): Promise<void> {
    await m.query(`UPDATE organization_change SET status = 'WITHDRAWN', reviewed_at = now() WHERE id = $1`, [
      id,
    ]);
  }

  /** Replaces what an open request proposes; its id. */
  async replace(
    m: Runs,
    id: string,
    change: { fields: string[]; before: unknown; after: unknown; requestedBy: string | null },
  ): Promise<string> {
    const [row] = await returning<{ id: string }>(
      m,
      `UPDATE organization_change SET fields = $2, before = $3, after = $4, requested_by = $5,
           requested_at = now() WHERE id = $1 RETURNING id`,
      [id, change.fields, JSON.stringify(change.before), JSON.stringify(change.after), change.requestedBy],
    );
    return row.id;
  }

  /** Opens a request; its id. */
  async open(
    m: Runs,
    organizationId: string,
    change: { fields: string[]; before: unknown; after: unknown; requestedBy: string | null },
  ): Promise<string> {
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO organization_change (organization_id, fields, before, after, requested_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [
        organizationId,
        change.fields,
        JSON.stringify(change.before),
        JSON.stringify(change.after),
        change.requestedBy,
      ],
    );
    return row.id;
  }
}
