import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppError, notFound, parseId } from '#platform';
import { AuditService } from '#identity';
import { audit, type Actor } from '../common/audit.js';

/** Feed tokens: 32 random bytes, base64url. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Where a delegate's calendar feed is served, relative to the api's address. */
export const feedPath = (token: string) => `/forum/feeds/${token}.ics`;

/**
 * Private calendar feed URLs. Calendar apps cannot send an Authorization header, so the URL itself is
 * the secret: a random token of which only a SHA-256 hash is stored. Asking again rotates the token
 * and the previous URL stops working. A URL also stops working when the delegate withdraws, when the
 * delegate's address changes, and when the person who asked for it is neither a member of the
 * delegate's organisation any more nor the delegate themselves (the account linked to it).
 */
@Injectable()
export class AgendaFeedService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly auditLog: AuditService,
  ) {}

  async rotate(
    delegateId: string,
    actor: Actor = null,
  ): Promise<{ token: string; path: string; delegateId: string }> {
    const id = parseId(delegateId, 'delegateId');
    const token = randomBytes(32).toString('base64url');
    return this.db.transaction(async (m) => {
      const [d] = await m.query<{ id: string; email: string; status: string }[]>(
        `SELECT id, email, status FROM forum_delegate WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!d) throw notFound('Delegate', id);
      if (d.status !== 'REGISTERED') throw new AppError('CONFLICT', 'this delegate has withdrawn');
      const [old] = await m.query<{ created_at: Date }[]>(
        `SELECT created_at FROM forum_agenda_feed WHERE delegate_id = $1`,
        [id],
      );
      await m.query(
        `INSERT INTO forum_agenda_feed (delegate_id, token_hash, created_by, delegate_email) VALUES ($1, $2, $3, $4)
         ON CONFLICT (delegate_id) DO UPDATE
           SET token_hash = EXCLUDED.token_hash, created_by = EXCLUDED.created_by,
               delegate_email = EXCLUDED.delegate_email, created_at = now(), last_used_at = NULL`,
        [id, hashOf(token), actor?.userId ?? null, d.email],
      );
      await audit(
        this.auditLog,
        m,
        actor,
        old ? 'forum_agenda_feed.rotate' : 'forum_agenda_feed.create',
        'forum_delegate',
        id,
        old ? { feedCreatedAt: old.created_at } : null,
        { feedCreatedAt: 'now' },
      );
      return { token, path: feedPath(token), delegateId: id };
    });
  }

  /**
   * The delegate a feed token belongs to, or null for an unknown, revoked or malformed token, and for
   * one whose delegate withdrew or changed address, or whose creator has left the organisation.
   */
  async delegateOf(token: string): Promise<string | null> {
    if (!TOKEN.test(token)) return null;
    const rows = await this.db.query<{ delegate_id: string }[]>(
      `UPDATE forum_agenda_feed f SET last_used_at = now()
         FROM forum_delegate d
        WHERE f.token_hash = $1 AND d.id = f.delegate_id AND d.status = 'REGISTERED' AND d.email = f.delegate_email
          AND (f.created_by = d.user_id
               OR (d.user_id IS NULL
                   AND EXISTS (SELECT 1 FROM user_account u
                                WHERE u.id = f.created_by AND u.email = d.email AND u.email_verified_at IS NOT NULL))
               OR EXISTS (SELECT 1 FROM membership ms
                           WHERE ms.user_id = f.created_by AND ms.organization_id = d.organization_id))
        RETURNING f.delegate_id`,
      [hashOf(token)],
    );
    const list = (Array.isArray(rows[0]) ? rows[0] : rows) as { delegate_id: string }[];
    return list[0]?.delegate_id ?? null;
  }
}
