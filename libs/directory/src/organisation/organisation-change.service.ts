import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AppError,
  badInput,
  checkPageSize,
  decodeCursor,
  encodeCursor,
  notFound,
  OutboxService,
  type Page,
  parseId,
  returning,
} from '#platform';
import { AuditService, type Viewer } from '#identity';
import { OrganizationService } from './organisation.service.js';

export type OrganizationChangeStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';

export interface OrganizationChangeRecord {
  id: string;
  organizationId: string;
  status: OrganizationChangeStatus;
  /** One entry per field, in field order: the approved value and the proposed one. */
  changes: { field: string; before: unknown; after: unknown }[];
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

const toRecord = (r: Row): OrganizationChangeRecord => ({
  id: r.id,
  organizationId: r.organization_id,
  status: r.status,
  changes: r.fields.map((field) => ({
    field,
    before: r.before[field] ?? null,
    after: r.after[field] ?? null,
  })),
  requestedBy: r.requested_by,
  requestedAt: r.requested_at,
  reviewedAt: r.reviewed_at,
  reviewNote: r.review_note,
});

/**
 * Organisers' review of identity changes to approved organisations (see organisation-change.ts):
 * approving applies the proposed values, and the outbox brings the search index up to date;
 * rejecting keeps the approved values and tells the members why.
 */
@Injectable()
export class OrganizationChangeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly organizations: OrganizationService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** Open change requests, oldest first. */
  async pending(first = 20, after?: string | null): Promise<Page<OrganizationChangeRecord>> {
    checkPageSize(first);
    const from = after ? decodeCursor(after) : null;
    if (after && !from) throw badInput([{ path: 'after', message: 'is not a cursor returned by this API' }]);
    const rows = await this.db.query<Row[]>(
      `SELECT ${COLUMNS} FROM organization_change
       WHERE status = 'PENDING' AND ($1::timestamptz IS NULL OR (requested_at, id) > ($1, $2::uuid))
       ORDER BY requested_at, id LIMIT $3`,
      [from?.createdAt ?? null, from?.id ?? null, first + 1],
    );
    const items = rows.slice(0, first).map(toRecord);
    return {
      items,
      cursors: items.map((c) => encodeCursor(c.requestedAt, c.id)),
      hasNextPage: rows.length > first,
    };
  }

  /** An organisation's change requests, newest first. */
  async ofOrganization(organizationId: string, first = 20): Promise<OrganizationChangeRecord[]> {
    checkPageSize(first);
    const rows = await this.db.query<Row[]>(
      `SELECT ${COLUMNS} FROM organization_change WHERE organization_id = $1
       ORDER BY requested_at DESC, id DESC LIMIT $2`,
      [parseId(organizationId, 'organizationId'), first],
    );
    return rows.map(toRecord);
  }

  /** The organisation's open change request, if any. */
  async openOf(organizationId: string): Promise<OrganizationChangeRecord | null> {
    const [row] = await this.db.query<Row[]>(
      `SELECT ${COLUMNS} FROM organization_change WHERE organization_id = $1 AND status = 'PENDING'`,
      [organizationId],
    );
    return row ? toRecord(row) : null;
  }

  async decide(
    viewer: Viewer,
    rawId: string,
    decision: 'APPROVE' | 'REJECT',
    note: string | null,
  ): Promise<OrganizationChangeRecord> {
    const id = parseId(rawId);
    const text = note?.trim() || null;
    if (text && text.length > 2000)
      throw badInput([{ path: 'note', message: 'must be at most 2000 characters' }]);
    if (decision === 'REJECT' && !text)
      throw badInput([{ path: 'note', message: 'say why, so the members can correct the change' }]);
    const decided = await this.db.transaction(async (m) => {
      // The organisation first, as an update does, then its request: the same lock order.
      const [ref] = await m.query<{ organization_id: string }[]>(
        `SELECT organization_id FROM organization_change WHERE id = $1`,
        [id],
      );
      if (!ref) throw notFound('OrganizationChange', id);
      await m.query(`SELECT 1 FROM organization WHERE id = $1 FOR UPDATE`, [ref.organization_id]);
      const [row] = await m.query<Row[]>(
        `SELECT ${COLUMNS} FROM organization_change WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (row.status !== 'PENDING')
        throw new AppError('CONFLICT', `this change is ${row.status.toLowerCase()}, not awaiting review`);
      if (decision === 'APPROVE') {
        try {
          await this.organizations.applyReviewed(m, row.organization_id, row.after, viewer);
        } catch (e) {
          // The organisation changed since (archived, or other fields no longer fit): reject it instead.
          if (e instanceof AppError && e.code === 'BAD_USER_INPUT')
            throw new AppError(
              'CONFLICT',
              'the change no longer fits the organisation; reject it with a note',
            );
          throw e;
        }
      }
      const status = decision === 'APPROVE' ? 'APPROVED' : 'REJECTED';
      const [updated] = await returning<Row>(
        m,
        `UPDATE organization_change SET status = $2, reviewed_by = $3, reviewed_at = now(), review_note = $4
         WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, status, viewer.userId, text],
      );
      await this.audit.record(m, {
        actor: viewer,
        action: decision === 'APPROVE' ? 'organization_change.approve' : 'organization_change.reject',
        entityType: 'organization_change',
        entityId: id,
        before: { status: 'PENDING' },
        after: { status, reviewNote: text },
      });
      return toRecord(updated);
    });
    await this.outbox.wake();
    return decided;
  }
}
