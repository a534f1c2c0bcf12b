import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MailOutboxRepository, type MailDeliveryRow, type MailStatus } from './mail-outbox.repository.js';

export { MAIL_STATUSES, type MailDeliveryRow, type MailStatus } from './mail-outbox.repository.js';

/** The delivery record for admins: stored copies (codes hidden), newest first. */
@Injectable()
export class MailDeliveriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Optional() private readonly outbox: MailOutboxRepository = new MailOutboxRepository(),
  ) {}

  /** One page plus one row, to tell whether another page follows. */
  list(filter: {
    status: MailStatus | null;
    to: string | null;
    afterId: string | null;
    first: number;
  }): Promise<MailDeliveryRow[]> {
    return this.outbox.page(this.db, {
      status: filter.status,
      to: filter.to,
      beforeId: filter.afterId,
      limit: filter.first + 1,
    });
  }
}
