import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError, badInput, notFound, OutboxService } from '#platform';
import { OrganizationRepository } from './organisation.repository.js';
import {
  AuditService,
  MAIL_PORT,
  MembershipService,
  requireUuid,
  type MailPort,
  type Viewer,
} from '#identity';

export type ReviewDecision = 'APPROVE' | 'REJECT';

/**
 * The review queue: organisations created by users wait as PENDING, invisible to others, until an
 * organiser approves (ACTIVE, indexed for search) or rejects them, with a note to the owners. The
 * directory owns the organisation's status, so the decision lives here; the owners to tell come
 * from identity's memberships.
 */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(MAIL_PORT) private readonly mail: MailPort,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly members: MembershipService,
    @Optional() private readonly rows: OrganizationRepository = new OrganizationRepository(),
  ) {}

  async decide(
    viewer: Viewer,
    organizationId: string,
    decision: ReviewDecision,
    note: string | null,
  ): Promise<string> {
    requireUuid(organizationId, 'id');
    const text = note?.trim() || null;
    if (text && text.length > 2000)
      throw badInput([{ path: 'note', message: 'must be at most 2000 characters' }]);
    if (decision === 'REJECT' && !text)
      throw badInput([{ path: 'note', message: 'say why, so the owners can correct their entry' }]);
    const status = decision === 'APPROVE' ? 'ACTIVE' : 'REJECTED';
    await this.db.transaction(async (m) => {
      const org = await this.rows.lockForReview(m, organizationId);
      if (!org) throw notFound('Organization', organizationId);
      if (org.status !== 'PENDING' && !(org.status === 'REJECTED' && decision === 'APPROVE'))
        throw new AppError(
          'CONFLICT',
          `Organization ${organizationId} is ${org.status.toLowerCase()}, not awaiting review`,
        );
      await this.rows.recordReview(m, organizationId, status, viewer.userId, text);
      await this.audit.record(m, {
        actor: viewer,
        action: decision === 'APPROVE' ? 'organization.approve' : 'organization.reject',
        entityType: 'organization',
        entityId: organizationId,
        before: { status: org.status },
        after: { status, reviewNote: text },
      });
      await this.outbox.record(m, [{ entityType: 'organization', entityId: organizationId }]);
      const owners = await this.members.owners(m, organizationId);
      for (const o of owners)
        await this.mail.send(
          {
            to: o.email,
            userId: o.id,
            template: decision === 'APPROVE' ? 'organization-approved' : 'organization-rejected',
            locale: o.locale,
            params: {
              organization: org.name[o.locale] ?? org.name.fr ?? org.name.en ?? org.name.ar ?? '',
              reason: text ?? '',
              organizationId,
            },
          },
          m,
        );
    });
    await this.outbox.wake();
    return status;
  }

  /** Sends a rejected organisation back to review after its owners corrected it. */
  async resubmit(viewer: Viewer, organizationId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      if (!(await this.rows.resubmit(m, organizationId)))
        throw new AppError('CONFLICT', 'only a rejected organisation can be sent back to review');
      await this.audit.record(m, {
        actor: viewer,
        action: 'organization.resubmit',
        entityType: 'organization',
        entityId: organizationId,
        before: { status: 'REJECTED' },
        after: { status: 'PENDING' },
      });
    });
  }
}
