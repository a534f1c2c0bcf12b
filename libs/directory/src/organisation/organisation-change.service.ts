import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
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
} from '#platform';
import { AuditService, type Viewer } from '#identity';
import { OrganizationService } from './organisation.service.js';
import {
  OrganizationChangeRepository,
  type OrganizationChangeRow,
  type OrganizationChangeStatus,
} from './organisation-change.repository.js';
import { OrganizationRepository } from './organisation.repository.js';

export type { OrganizationChangeStatus } from './organisation-change.repository.js';

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

const toRecord = (r: OrganizationChangeRow): OrganizationChangeRecord => ({
  id: r.id,
  organizationId: r.organizationId,
  status: r.status,
  changes: r.fields.map((field) => ({
    field,
    before: r.before[field] ?? null,
    after: r.after[field] ?? null,
  })),
  requestedBy: r.requestedBy,
  requestedAt: r.requestedAt,
  reviewedAt: r.reviewedAt,
  reviewNote: r.reviewNote,
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
    @Optional() private readonly changes: OrganizationChangeRepository = new OrganizationChangeRepository(),
    @Optional() private readonly rows: OrganizationRepository = new OrganizationRepository(),
  ) {}

  /** Open change requests, oldest first. */
  async pending(first = 20, after?: string | null): Promise<Page<OrganizationChangeRecord>> {
    checkPageSize(first);
    const from = after ? decodeCursor(after) : null;
    if (after && !from) throw badInput([{ path: 'after', message: 'is not a cursor returned by this API' }]);
    const rows = await this.changes.pendingPage(this.db, from, first + 1);
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
    const rows = await this.changes.newestOf(this.db, parseId(organizationId, 'organizationId'), first);
    return rows.map(toRecord);
  }

  /** The organisation's open change request, if any. */
  async openOf(organizationId: string): Promise<OrganizationChangeRecord | null> {
    const row = await this.changes.openOf(this.db, organizationId);
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
      const organizationId = await this.changes.organizationOf(m, id);
      if (!organizationId) throw notFound('OrganizationChange', id);
      await this.rows.lock(m, organizationId);
      const row = (await this.changes.lock(m, id))!;
      if (row.status !== 'PENDING')
        throw new AppError('CONFLICT', `this change is ${row.status.toLowerCase()}, not awaiting review`);
      if (decision === 'APPROVE') {
        try {
          await this.organizations.applyReviewed(m, row.organizationId, row.after, viewer);
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
      const updated = await this.changes.decide(m, id, status, viewer.userId, text);
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
