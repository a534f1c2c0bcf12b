import { Injectable } from '@nestjs/common';
import { returning } from '#platform';
import type { Runs } from '../runs.js';

/** What an emailed code is for. */
export type EmailTokenPurpose = 'VERIFY_EMAIL' | 'RESET_PASSWORD';

/** The SQL of `email_token`: verification and password-reset codes. */
@Injectable()
export class EmailTokenRepository {
  /** Stores a verification code valid for `hours` hours. */
  async issueVerification(m: Runs, userId: string, tokenHash: string, hours: number): Promise<void> {
    await m.query(
      `INSERT INTO email_token (user_id, purpose, token_hash, expires_at)
       VALUES ($1, 'VERIFY_EMAIL', $2, now() + make_interval(hours => $3))`,
      [userId, tokenHash, hours],
    );
  }

  /** Stores a password-reset code valid for `minutes` minutes. */
  async issueReset(m: Runs, userId: string, tokenHash: string, minutes: number): Promise<void> {
    await m.query(
      `INSERT INTO email_token (user_id, purpose, token_hash, expires_at)
         VALUES ($1, 'RESET_PASSWORD', $2, now() + make_interval(mins => $3))`,
      [userId, tokenHash, minutes],
    );
  }

  /** Marks a live code used, once: its account, or null when it is unknown, used or expired. */
  async consume(m: Runs, tokenHash: string, purpose: EmailTokenPurpose): Promise<string | null> {
    const [row] = await returning<{ user_id: string }>(
      m,
      `UPDATE email_token SET used_at = now()
       WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
      [tokenHash, purpose],
    );
    return row?.user_id ?? null;
  }

  /** Whether a reset code is live (unused, not expired). */
  async resetIsLive(db: Runs, tokenHash: string): Promise<boolean> {
    const [live] = await db.query<unknown[]>(
      `SELECT 1 FROM email_token WHERE token_hash = $1 AND purpose = 'RESET_PASSWORD'
         AND used_at IS NULL AND expires_at > now()`,
      [tokenHash],
    );
    return !!live;
  }

  /** Ends the reset codes of an account still unused. */
  async endResets(m: Runs, userId: string): Promise<void> {
    await m.query(
      `UPDATE email_token SET used_at = now()
       WHERE user_id = $1 AND purpose = 'RESET_PASSWORD' AND used_at IS NULL`,
      [userId],
    );
  }

  /** Deletes codes used or expired more than `days` days before `now`: how many. */
  async purge(db: Runs, now: Date, days: number): Promise<number> {
    const rows = await returning<{ n: number }>(
      db,
      `DELETE FROM email_token
         WHERE coalesce(used_at, expires_at) < $1::timestamptz - make_interval(days => $2) RETURNING 1 AS n`,
      [now, days],
    );
    return rows.length;
  }
}
