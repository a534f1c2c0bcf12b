import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A feed token's registration, as its use is checked. */
export interface FeedOwner {
  delegateId: string;
  organizationId: string;
  /** The delegate's linked account. */
  userId: string | null;
  delegateEmail: string;
  /** Who asked for the feed URL. */
  createdBy: string | null;
}

/**
 * The SQL of delegates' private calendar feeds (`forum_agenda_feed`). Stateless: each call runs on
 * the manager given.
 */
@Injectable()
export class AgendaFeedRepository {
  /** The delegate's address and status, locked for the caller's transaction; null when there is none. */
  async lockDelegate(
    m: EntityManager,
    delegateId: string,
  ): Promise<{ id: string; email: string; status: string } | null> {
    const [d] = await m.query<{ id: string; email: string; status: string }[]>(
      `SELECT id, email, status FROM forum_delegate WHERE id = $1 FOR UPDATE`,
      [delegateId],
    );
    return d ?? null;
  }

  /** When the delegate's current feed URL was made; null when it has none. */
  async createdAt(m: EntityManager, delegateId: string): Promise<Date | null> {
    const [old] = await m.query<{ created_at: Date }[]>(
      `SELECT created_at FROM forum_agenda_feed WHERE delegate_id = $1`,
      [delegateId],
    );
    return old?.created_at ?? null;
  }

  /** Stores the hash of the delegate's new feed token, replacing any previous one. */
  async replace(
    m: EntityManager,
    feed: { delegateId: string; tokenHash: string; createdBy: string | null; delegateEmail: string },
  ): Promise<void> {
    await m.query(
      `INSERT INTO forum_agenda_feed (delegate_id, token_hash, created_by, delegate_email) VALUES ($1, $2, $3, $4)
         ON CONFLICT (delegate_id) DO UPDATE
           SET token_hash = EXCLUDED.token_hash, created_by = EXCLUDED.created_by,
               delegate_email = EXCLUDED.delegate_email, created_at = now(), last_used_at = NULL`,
      [feed.delegateId, feed.tokenHash, feed.createdBy, feed.delegateEmail],
    );
  }

  /**
   * The feed of a token hash whose delegate is still registered at the address the feed was made
   * for; null otherwise.
   */
  async ownerOf(m: EntityManager, tokenHash: string): Promise<FeedOwner | null> {
    const [row] = await m.query<
      {
        delegate_id: string;
        organization_id: string;
        user_id: string | null;
        email: string;
        created_by: string | null;
      }[]
    >(
      `SELECT f.delegate_id, d.organization_id, d.user_id, d.email, f.created_by
         FROM forum_agenda_feed f JOIN forum_delegate d ON d.id = f.delegate_id
        WHERE f.token_hash = $1 AND d.status = 'REGISTERED' AND d.email = f.delegate_email`,
      [tokenHash],
    );
    return row
      ? {
          delegateId: row.delegate_id,
          organizationId: row.organization_id,
          userId: row.user_id,
          delegateEmail: row.email,
          createdBy: row.created_by,
        }
      : null;
  }

  /** Records that the feed of a token hash was read. */
  async touch(m: EntityManager, tokenHash: string): Promise<void> {
    await m.query(`UPDATE forum_agenda_feed SET last_used_at = now() WHERE token_hash = $1`, [tokenHash]);
  }
}
