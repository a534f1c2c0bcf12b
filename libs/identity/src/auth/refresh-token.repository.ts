import { Injectable } from '@nestjs/common';
import { returning } from '#platform';
import type { Runs } from '../runs.js';

/** A refresh token as issued. */
export interface NewRefreshToken {
  userId: string;
  familyId: string;
  tokenHash: string;
  refreshDays: number;
  userAgent: string | null;
  /** When the session's sign-in happened; null for a new sign-in (now). */
  sessionStartedAt: Date | null;
  sessionMaxAgeDays: number;
}

/** A refresh token just traded for a new one, with its account's session epoch. */
export interface UsedRefreshToken {
  userId: string;
  familyId: string;
  sessionEpoch: number;
  sessionStartedAt: Date;
}

/** The newest live refresh token of a session (a family). */
export interface LiveSessionRow {
  familyId: string;
  sessionStartedAt: Date;
  createdAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  tokenHash: string;
}

/** The SQL of `refresh_token`: sessions, one family of rotating tokens each. */
@Injectable()
export class RefreshTokenRepository {
  /** Issues a token; a session ends `sessionMaxAgeDays` after its sign-in however often refreshed. Its expiry. */
  async issue(m: Runs, t: NewRefreshToken): Promise<Date> {
    const [row] = await m.query<{ expires_at: Date }[]>(
      `INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at, user_agent, session_started_at)
       VALUES ($1, $2, $3,
         least(now() + make_interval(days => $4), coalesce($6::timestamptz, now()) + make_interval(days => $7)),
         $5, coalesce($6::timestamptz, now()))
       RETURNING expires_at`,
      [
        t.userId,
        t.familyId,
        t.tokenHash,
        t.refreshDays,
        t.userAgent,
        t.sessionStartedAt,
        t.sessionMaxAgeDays,
      ],
    );
    return row.expires_at;
  }

  /** Marks a live token used, once: the token, or null when it is unknown, used, revoked or expired. */
  async use(m: Runs, tokenHash: string, sessionMaxAgeDays: number): Promise<UsedRefreshToken | null> {
    const [used] = await returning<{
      user_id: string;
      family_id: string;
      session_epoch: number;
      session_started_at: Date;
    }>(
      m,
      `UPDATE refresh_token r SET used_at = now()
         FROM user_account u
         WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.revoked_at IS NULL AND r.expires_at > now()
           AND r.session_started_at > now() - make_interval(days => $2)
           AND u.id = r.user_id
         RETURNING r.user_id, r.family_id, u.session_epoch, r.session_started_at`,
      [tokenHash, sessionMaxAgeDays],
    );
    return used
      ? {
          userId: used.user_id,
          familyId: used.family_id,
          sessionEpoch: used.session_epoch,
          sessionStartedAt: used.session_started_at,
        }
      : null;
  }

  /** The family and account of a token already used (presented again: a copy), or null. */
  async findUsed(m: Runs, tokenHash: string): Promise<{ familyId: string; userId: string } | null> {
    const [row] = await m.query<{ family_id: string; user_id: string }[]>(
      `SELECT family_id, user_id FROM refresh_token WHERE token_hash = $1 AND used_at IS NOT NULL`,
      [tokenHash],
    );
    return row ? { familyId: row.family_id, userId: row.user_id } : null;
  }

  /** Revokes the live tokens of a family: how many were. */
  async revokeFamily(m: Runs, familyId: string): Promise<number> {
    const revoked = await returning<unknown>(
      m,
      `UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL RETURNING id`,
      [familyId],
    );
    return revoked.length;
  }

  /** Revokes the family of the token with this hash. */
  async revokeFamilyOf(db: Runs, tokenHash: string): Promise<void> {
    await db.query(
      `UPDATE refresh_token SET revoked_at = now()
       WHERE revoked_at IS NULL AND family_id = (SELECT family_id FROM refresh_token WHERE token_hash = $1)`,
      [tokenHash],
    );
  }

  /** Revokes every token of an account. */
  async revokeAllOf(m: Runs, userId: string): Promise<void> {
    await m.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [
      userId,
    ]);
  }

  /** Revokes one live session (family) of an account: how many tokens were. */
  async revokeLiveSession(m: Runs, userId: string, familyId: string): Promise<number> {
    const ended = await returning<{ id: string }>(
      m,
      `UPDATE refresh_token SET revoked_at = now()
         WHERE user_id = $1 AND family_id = $2 AND revoked_at IS NULL AND used_at IS NULL AND expires_at > now()
         RETURNING id`,
      [userId, familyId],
    );
    return ended.length;
  }

  /** The newest live token of each session of an account that can still be refreshed. */
  async liveSessions(db: Runs, userId: string, sessionMaxAgeDays: number): Promise<LiveSessionRow[]> {
    const rows = await db.query<
      {
        family_id: string;
        session_started_at: Date;
        created_at: Date;
        expires_at: Date;
        user_agent: string | null;
        token_hash: string;
      }[]
    >(
      `SELECT DISTINCT ON (family_id) family_id, session_started_at, created_at, expires_at, user_agent, token_hash
       FROM refresh_token
       WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
         AND session_started_at > now() - make_interval(days => $2)
       ORDER BY family_id, created_at DESC`,
      [userId, sessionMaxAgeDays],
    );
    return rows.map((r) => ({
      familyId: r.family_id,
      sessionStartedAt: r.session_started_at,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      userAgent: r.user_agent,
      tokenHash: r.token_hash,
    }));
  }

  /** Deletes tokens revoked or expired more than `days` days before `now`: how many. */
  async purge(db: Runs, now: Date, days: number): Promise<number> {
    const rows = await returning<{ n: number }>(
      db,
      `DELETE FROM refresh_token
         WHERE coalesce(revoked_at, expires_at) < $1::timestamptz - make_interval(days => $2)
           AND (revoked_at IS NOT NULL OR expires_at < $1::timestamptz) RETURNING 1 AS n`,
      [now, days],
    );
    return rows.length;
  }
}
