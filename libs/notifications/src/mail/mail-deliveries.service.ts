import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export const MAIL_STATUSES = ['PENDING', 'SENDING', 'SENT', 'FAILED'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export interface MailDeliveryRow {
  id: string;
  recipient: string;
  template: string;
  locale: string;
  subject: string;
  body: string;
  status: MailStatus;
  attempts: number;
  last_error: string | null;
  smtp_id: string | null;
  smtp_response: string | null;
  created_at: Date;
  updated_at: Date;
  sent_at: Date | null;
}

/** The delivery record for admins: stored copies (codes hidden), newest first. */
@Injectable()
export class MailDeliveriesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One page plus one row, to tell whether another page follows. */
  list(filter: { status: MailStatus | null; to: string | null; afterId: string | null; first: number }) {
    return this.db.query<MailDeliveryRow[]>(
      `SELECT id::text AS id, recipient, template, locale, subject, body, status, attempts, last_error,
              smtp_id, smtp_response, created_at, updated_at, sent_at
         FROM mail_outbox
        WHERE ($1::text IS NULL OR status = $1) AND ($2::citext IS NULL OR recipient = $2)
          AND ($3::bigint IS NULL OR id < $3)
        ORDER BY id DESC LIMIT $4`,
      [filter.status, filter.to, filter.afterId, filter.first + 1],
    );
  }
}
