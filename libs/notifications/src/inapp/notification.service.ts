import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { afterCommit } from '../mail/after-commit.js';
import { EventBus } from './event-bus.js';
import { NotificationRepository, type NotificationRow } from './notification.repository.js';

export type { NotificationRow } from './notification.repository.js';

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
    @Optional() private readonly notifications: NotificationRepository = new NotificationRepository(),
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
    const row = await this.notifications.add(m ?? this.db.manager, userId, kind, payload);
    const event: NotificationEvent = {
      id: row.id,
      kind,
      payload,
      createdAt: new Date(row.createdAt).toISOString(),
      readAt: null,
    };
    afterCommit(m, () => void this.bus.publish(notificationTopic(userId), event));
    return row.id;
  }

  /** The user's notifications, newest first, `first + 1` rows from after the cursor (an id). */
  list(userId: string, first: number, afterId: string | null): Promise<NotificationRow[]> {
    return this.notifications.newestOf(this.db, userId, afterId, first + 1);
  }

  unreadCount(userId: string): Promise<number> {
    return this.notifications.countUnread(this.db, userId);
  }

  /** Marks read the user's own notifications among `ids` (all of them when `ids` is null); returns how many changed. */
  markRead(userId: string, ids: string[] | null): Promise<number> {
    return this.notifications.markRead(this.db, userId, ids);
  }
}
