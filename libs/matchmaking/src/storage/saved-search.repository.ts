import type { CriteriaData } from '../criteria/criteria.schema.js';
import type { Sql } from './profile.repository.js';

/** A saved search whose alerts are on, as the alerts evaluate it. */
export interface AlertingSearch {
  id: string;
  organizationId: string;
  query: string | null;
  criteria: CriteriaData;
  minScore: number;
  createdAt: Date;
}

/** An alert waiting to be mailed, with its saved search. */
export interface AlertToMail {
  id: string;
  searchId: string;
  search: string;
  /** The organisation that matched. */
  organizationId: string;
  searchOrganizationId: string;
  createdBy: string | null;
}

/** Saved searches and their alerts (`saved_search`, `saved_search_alert`). */
export class SavedSearchRepository {
  /** Every saved search with alerts on. */
  alerting(db: Sql): Promise<AlertingSearch[]> {
    return db.query<AlertingSearch[]>(
      `SELECT s.id, s.organization_id AS "organizationId", s.query, s.criteria, s.min_score AS "minScore",
              s.created_at AS "createdAt"
       FROM saved_search s
       WHERE s.alerts_enabled`,
    );
  }

  /** Adds the alert of a search for one version of a profile; 0 when it was already there. */
  async addAlert(
    db: Sql,
    alert: {
      savedSearchId: string;
      organizationId: string;
      organizationVersion: number;
      score: number;
      contributions: unknown;
    },
  ): Promise<number> {
    const rows = await db.query<unknown[]>(
      `INSERT INTO saved_search_alert (saved_search_id, organization_id, organization_version, score, contributions)
       VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (saved_search_id, organization_id, organization_version) DO NOTHING RETURNING id`,
      [
        alert.savedSearchId,
        alert.organizationId,
        alert.organizationVersion,
        alert.score,
        JSON.stringify(alert.contributions),
      ],
    );
    return rows.length;
  }

  /** Locks up to `limit` alerts not mailed yet, oldest first, skipping those another session holds. */
  async lockUnmailed(m: Sql, limit: number): Promise<string[]> {
    const rows = await m.query<{ id: string }[]>(
      `SELECT id FROM saved_search_alert WHERE mailed_at IS NULL ORDER BY created_at, id LIMIT $1
       FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  /** The alerts `ids` with their saved searches, oldest first. */
  toMail(m: Sql, ids: readonly string[]): Promise<AlertToMail[]> {
    return m.query<AlertToMail[]>(
      `SELECT a.id, s.id AS "searchId", s.name AS search, a.organization_id AS "organizationId",
              s.organization_id AS "searchOrganizationId", s.created_by AS "createdBy"
       FROM saved_search_alert a JOIN saved_search s ON s.id = a.saved_search_id
       WHERE a.id = ANY($1::uuid[]) ORDER BY a.created_at, a.id`,
      [ids],
    );
  }

  async markMailed(m: Sql, ids: readonly string[]): Promise<void> {
    await m.query(`UPDATE saved_search_alert SET mailed_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
  }
}
