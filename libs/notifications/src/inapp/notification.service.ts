import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { returning } from '#platform';
import { afterCommit } from '../mail/after-commit.js';
import { EventBus } from './event-bus.js';

export interface NotificationRow {
  id: string;
  user_id: string;
  kind: string;
  payload: Record<string, string>;
  created_at: Date;
  read_at: Date | null;
}

/** What a live `notificationAdded` event carries: the row as GraphQL shows it. */
export interface NotificationEvent {
  id: string;
  kind: string;
  payload: Record<string, string>;
  createdAt: string;
  readAt: null;
}

/** Parameters never copied into a notification: codes, and text a user wrote (read it from the record by its id). */
const LEFT_OUT = new Set(['token', 'message']);

export const notificationTopic = (userId: string) => `notification:${userId}`;

/**
 * In-app notifications: written in the caller's transaction, announced live once it commits (to
 * the recipient's subscribers on every api process), listed and marked read by their recipient.
 */
@Injectable()
export class NotificationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bus: EventBus,
  ) {}

  /** Writes a notification for `userId` in `m`'s transaction; published after it commits. */
  async add(
    m: EntityManager | undefined,
    userId: string,
    kind: string,
    params: Record<string, string | number | null | undefined>,
    ids: Record<string, string> = {},
  ): Promise<string> {
    const payload: Record<string, string> = {};
    for (const [k, v] of Object.entries(params))
      if (v !== undefined && v !== null && !LEFT_OUT.has(k)) payload[k] = String(v);
    Object.assign(payload, ids);
    const [row] = await (m ?? this.db.manager).query<NotificationRow[]>(
      `INSERT INTO notification (user_id, kind, payload) VALUES ($1, $2, $3) RETURNING id::text AS id, created_at`,
      [userId, kind, payload],
    );
    const event: NotificationEvent = {
      id: row.id,
      kind,
      payload,
      createdAt: new Date(row.created_at).toISOString(),
      readAt: null,
    };
    afterCommit(m, () => void this.bus.publish(notificationTopic(userId), event));
    return row.id;
  }

  /** The user's notifications, newest first, `first + 1` rows from after the cursor (an id). */
  list(userId: string, first: number, afterId: string | null): Promise<NotificationRow[]> {
    return this.db.query<NotificationRow[]>(
      `SELECT id::text AS id, user_id, kind, payload, created_at, read_at FROM notification
        WHERE user_id = $1 AND ($2::bigint IS NULL OR id < $2::bigint)
        ORDER BY id DESC LIMIT $3`,
      [userId, afterId, first + 1],
    );
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return row.n;
  }

  /** Marks read the user's own notifications among `ids` (all of them when `ids` is null); returns how many changed. */
  async markRead(userId: string, ids: string[] | null): Promise<number> {
    const rows = await returning<{ id: string }>(
      this.db,
      `UPDATE notification SET read_at = now()
        WHERE user_id = $1 AND read_at IS NULL AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))
        RETURNING id`,
      [userId, ids],
    );
    return rows.length;
  }
}
