import { Injectable } from '@nestjs/common';
import type { Runs } from '../runs.js';

/**
 * The SQL of `notification_digest` (when each account last got a digest of a kind) and
 * `notification_digest_item` (what those digests named).
 */
@Injectable()
export class NotificationDigestRepository {
  /**
   * Among `userIds`, the accounts with email on for the digest `kind` (a preference of that kind)
   * whose last one was sent at `before` or earlier, or never: never sent first, then oldest.
   */
  async due(m: Runs, kind: string, before: Date, limit: number, userIds: string[]): Promise<string[]> {
    const rows = await m.query<{ id: string }[]>(
      `SELECT p.user_id::text AS id FROM notification_preference p
         LEFT JOIN notification_digest d ON d.user_id = p.user_id AND d.kind = $1
        WHERE p.kind = $1 AND p.email AND p.user_id = ANY($4::uuid[]) AND (d.sent_at IS NULL OR d.sent_at <= $2)
        ORDER BY d.sent_at NULLS FIRST, p.user_id LIMIT $3`,
      [kind, before, limit, userIds],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The account's digest row of a kind, created (never sent) if need be and locked until the
   * transaction ends; when it was last sent, or null when it could not be read.
   */
  async lock(m: Runs, userId: string, kind: string): Promise<Date | null> {
    await m.query(
      `INSERT INTO notification_digest (user_id, kind, sent_at) VALUES ($1, $2, '-infinity')
         ON CONFLICT DO NOTHING`,
      [userId, kind],
    );
    const [digest] = await m.query<{ sent_at: Date }[]>(
      `SELECT sent_at FROM notification_digest WHERE user_id = $1 AND kind = $2 FOR UPDATE`,
      [userId, kind],
    );
    return digest ? digest.sent_at : null;
  }

  /** When each of `userIds` last got the digest `kind`, for those that ever did. */
  async lastSent(m: Runs, kind: string, userIds: string[]): Promise<Map<string, Date>> {
    const rows = await m.query<{ id: string; last: Date }[]>(
      `SELECT user_id::text AS id, sent_at AS last FROM notification_digest
              WHERE kind = $1 AND user_id = ANY($2::uuid[])`,
      [kind, userIds],
    );
    return new Map(rows.map((d) => [d.id, d.last]));
  }

  /** Records that the account got the digest `kind` at `at`. */
  async markSent(m: Runs, userId: string, kind: string, at: Date): Promise<void> {
    await m.query(
      `INSERT INTO notification_digest (user_id, kind, sent_at) VALUES ($1, $2, $3)
           ON CONFLICT (user_id, kind) DO UPDATE SET sent_at = EXCLUDED.sent_at`,
      [userId, kind, at],
    );
  }

  /** The items earlier digests of a kind named to the account. */
  async named(m: Runs, userId: string, kind: string): Promise<Set<string>> {
    const rows = await m.query<{ item: string }[]>(
      `SELECT item FROM notification_digest_item WHERE user_id = $1 AND kind = $2`,
      [userId, kind],
    );
    return new Set(rows.map((r) => r.item));
  }

  /** Records a digest sent at `at` naming `items`, on the account's locked digest row. */
  async recordSent(m: Runs, userId: string, kind: string, items: string[], at: Date): Promise<void> {
    await m.query(
      `INSERT INTO notification_digest_item (user_id, kind, item, sent_at)
         SELECT $1, $2, unnest($3::text[]), $4 ON CONFLICT DO NOTHING`,
      [userId, kind, items, at],
    );
    await m.query(`UPDATE notification_digest SET sent_at = $3 WHERE user_id = $1 AND kind = $2`, [
      userId,
      kind,
      at,
    ]);
  }
}
