import { Injectable } from '@nestjs/common';
import { returning } from '#platform';
import type { Runs } from '../runs.js';

/** A stored in-app notification. */
export interface NotificationRow {
  id: string;
  userId: string;
  kind: string;
  payload: Record<string, string>;
  createdAt: Date;
  readAt: Date | null;
}

/** The SQL of `notification`: each account's in-app notices. */
@Injectable()
export class NotificationRepository {
  /** Writes a notice; its id and time. */
  async add(
    m: Runs,
    userId: string,
    kind: string,
    payload: Record<string, string>,
  ): Promise<{ id: string; createdAt: Date }> {
    const [row] = await m.query<{ id: string; created_at: Date }[]>(
      `INSERT INTO notification (user_id, kind, payload) VALUES ($1, $2, $3) RETURNING id::text AS id, created_at`,
      [userId, kind, payload],
    );
    return { id: row.id, createdAt: row.created_at };
  }

  /** The account's notices, newest first, `limit` of them from before the id `beforeId`. */
  async newestOf(
    m: Runs,
    userId: string,
    beforeId: string | null,
    limit: number,
  ): Promise<NotificationRow[]> {
    const rows = await m.query<
      {
        id: string;
        user_id: string;
        kind: string;
        payload: Record<string, string>;
        created_at: Date;
        read_at: Date | null;
      }[]
    >(
      `SELECT id::text AS id, user_id, kind, payload, created_at, read_at FROM notification
        WHERE user_id = $1 AND ($2::bigint IS NULL OR id < $2::bigint)
        ORDER BY id DESC LIMIT $3`,
      [userId, beforeId, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      kind: r.kind,
      payload: r.payload,
      createdAt: r.created_at,
      readAt: r.read_at,
    }));
  }

  async countUnread(m: Runs, userId: string): Promise<number> {
    const [row] = await m.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return row.n;
  }

  /** Marks read the account's unread notices among `ids` (all when null); how many changed. */
  async markRead(m: Runs, userId: string, ids: string[] | null): Promise<number> {
    const rows = await returning<{ id: string }>(
      m,
      `UPDATE notification SET read_at = now()
        WHERE user_id = $1 AND read_at IS NULL AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))
        RETURNING id`,
      [userId, ids],
    );
    return rows.length;
  }
}
