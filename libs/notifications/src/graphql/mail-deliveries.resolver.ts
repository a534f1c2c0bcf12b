import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { badInput } from '#platform';
import { Admin, Authorize } from '#identity';
import { MailDeliveriesService, type MailStatus } from '../mail/mail-deliveries.service.js';
import { MailDeliveryConnection, MailDeliveryStatusEnum } from './mail-delivery.types.js';

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

@Resolver()
export class MailDeliveriesResolver {
  constructor(private readonly deliveries: MailDeliveriesService) {}

  @Authorize(Admin)
  @Query(() => MailDeliveryConnection, {
    description: 'Outgoing emails and their delivery, newest first (admins only)',
  })
  async mailDeliveries(
    @Args('status', {
      type: () => MailDeliveryStatusEnum,
      nullable: true,
      description: 'Only deliveries in this status',
    })
    status: MailStatus | null,
    @Args('to', { type: () => String, nullable: true, description: 'Recipient address (exact)' })
    to: string | null,
    @Args('first', { type: () => Int, defaultValue: 20, description: '1 to 100' }) first: number,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page' })
    after: string | null,
  ): Promise<MailDeliveryConnection> {
    const problems: { path: string; message: string }[] = [];
    if (first < 1 || first > 100) problems.push({ path: 'first', message: 'must be from 1 to 100' });
    if (after != null && !/^\d{1,18}$/.test(after)) problems.push({ path: 'after', message: 'not a cursor' });
    if (to != null && (to.length > 320 || !EMAIL.test(to)))
      problems.push({ path: 'to', message: 'must be an email address' });
    if (problems.length) throw badInput(problems);
    const rows = await this.deliveries.list({ status, to, afterId: after, first });
    const page = rows.slice(0, first);
    return {
      edges: page.map((r) => ({
        cursor: r.id,
        node: {
          id: r.id,
          to: r.recipient,
          template: r.template,
          locale: r.locale,
          subject: r.subject,
          body: r.body,
          status: r.status,
          attempts: r.attempts,
          lastError: r.lastError,
          smtpId: r.smtpId,
          smtpResponse: r.smtpResponse,
          createdAt: r.createdAt,
          updatedAt: r.updatedAt,
          sentAt: r.sentAt,
        },
      })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page.at(-1)?.id ?? null },
    };
  }
}
