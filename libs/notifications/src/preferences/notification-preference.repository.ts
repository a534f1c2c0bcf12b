import { Injectable } from '@nestjs/common';
import type { Runs } from '../runs.js';

/** The SQL of `notification_preference`: each account's choice of email per kind of notification. */
@Injectable()
export class NotificationPreferenceRepository {
  /** The choices the account made (kinds it never chose are absent). */
  chosenBy(m: Runs, userId: string): Promise<{ kind: string; email: boolean }[]> {
    return m.query<{ kind: string; email: boolean }[]>(
      `SELECT kind, email FROM notification_preference WHERE user_id = $1`,
      [userId],
    );
  }

  /** Records the choices in one statement (all or none). */
  async choose(m: Runs, userId: string, prefs: { kind: string; email: boolean }[]): Promise<void> {
    await m.query(
      `INSERT INTO notification_preference (user_id, kind, email)
       SELECT $1, p.kind, p.email FROM unnest($2::text[], $3::boolean[]) AS p(kind, email)
       ON CONFLICT (user_id, kind) DO UPDATE SET email = EXCLUDED.email, updated_at = now()`,
      [userId, prefs.map((p) => p.kind), prefs.map((p) => p.email)],
    );
  }

  /** The account's choice of email for one kind; null when it never chose. */
  async emailChosen(m: Runs, userId: string, kind: string): Promise<boolean | null> {
    const [pref] = await m.query<{ email: boolean }[]>(
      `SELECT email FROM notification_preference WHERE user_id = $1 AND kind = $2`,
      [userId, kind],
    );
    return pref?.email ?? null;
  }

  /** The accounts that turned email on for a kind. */
  async emailOn(m: Runs, kind: string): Promise<string[]> {
    const rows = await m.query<{ id: string }[]>(
      `SELECT user_id::text AS id FROM notification_preference WHERE kind = $1 AND email`,
      [kind],
    );
    return rows.map((r) => r.id);
  }
}
