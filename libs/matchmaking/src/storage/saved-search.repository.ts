import { Injectable } from '@nestjs/common';
import { returning } from '#platform';
import type { CriteriaData, SavedSearchData } from '../criteria/criteria.schema.js';
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

export interface SavedSearchRecord extends SavedSearchData {
  id: string;
  organizationId: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface AlertRecord {
  id: string;
  savedSearchId: string;
  organizationId: string;
  score: number;
  createdAt: Date;
  seenAt: Date | null;
}

interface SavedSearchRow {
  id: string;
  organization_id: string;
  name: string;
  query: string | null;
  criteria: CriteriaData;
  min_score: number;
  alerts_enabled: boolean;
  created_at: Date;
  updated_at: Date;
}

const toSearch = (r: SavedSearchRow): SavedSearchRecord => ({
  id: r.id,
  organizationId: r.organization_id,
  name: r.name,
  query: r.query,
  criteria: r.criteria,
  minScore: r.min_score,
  alertsEnabled: r.alerts_enabled,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Saved searches and their alerts (`saved_search`, `saved_search_alert`). */
@Injectable()
export class SavedSearchRepository {
  /** An organisation's saved searches, oldest first. */
  async listOf(db: Sql, organizationId: string): Promise<SavedSearchRecord[]> {
    const rows = await db.query<SavedSearchRow[]>(
      `SELECT * FROM saved_search WHERE organization_id = $1 ORDER BY created_at, id`,
      [organizationId],
    );
    return rows.map(toSearch);
  }

  /** Serialises the creations of one organisation's saved searches until the caller's transaction ends. */
  async lockCreations(m: Sql, organizationId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('saved_search:' || $1))`, [organizationId]);
  }

  async countOf(m: Sql, organizationId: string): Promise<number> {
    const [{ n }] = await m.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM saved_search WHERE organization_id = $1`,
      [organizationId],
    );
    return n;
  }

  async create(
    m: Sql,
    organizationId: string,
    s: SavedSearchData,
    userId: string | null,
  ): Promise<SavedSearchRecord> {
    const [r] = await m.query<SavedSearchRow[]>(
      `INSERT INTO saved_search (organization_id, name, query, criteria, min_score, alerts_enabled, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [organizationId, s.name, s.query, JSON.stringify(s.criteria), s.minScore, s.alertsEnabled, userId],
    );
    return toSearch(r);
  }

  /** One of an organisation's saved searches, locked until the caller's transaction ends. */
  async findForUpdate(m: Sql, id: string, organizationId: string): Promise<SavedSearchRecord | null> {
    const [old] = await m.query<SavedSearchRow[]>(
      `SELECT * FROM saved_search WHERE id = $1 AND organization_id = $2 FOR UPDATE`,
      [id, organizationId],
    );
    return old ? toSearch(old) : null;
  }

  async update(m: Sql, id: string, organizationId: string, s: SavedSearchData): Promise<SavedSearchRecord> {
    const [r] = await returning<SavedSearchRow>(
      m,
      `UPDATE saved_search SET name = $3, query = $4, criteria = $5, min_score = $6, alerts_enabled = $7,
         updated_at = now()
       WHERE id = $1 AND organization_id = $2 RETURNING *`,
      [id, organizationId, s.name, s.query, JSON.stringify(s.criteria), s.minScore, s.alertsEnabled],
    );
    return toSearch(r);
  }

  /** Deletes one of an organisation's saved searches; what it was, or null when there was none. */
  async delete(m: Sql, id: string, organizationId: string): Promise<SavedSearchRecord | null> {
    const rows = await returning<SavedSearchRow>(
      m,
      `DELETE FROM saved_search WHERE id = $1 AND organization_id = $2 RETURNING *`,
      [id, organizationId],
    );
    return rows.length ? toSearch(rows[0]) : null;
  }

  /** The `first` newest alerts of an organisation's saved searches (of one of them when `savedSearchId` is set). */
  async alertsOf(
    db: Sql,
    organizationId: string,
    savedSearchId: string | null,
    first: number,
  ): Promise<AlertRecord[]> {
    const rows = await db.query<
      {
        id: string;
        saved_search_id: string;
        organization_id: string;
        score: number;
        created_at: Date;
        seen_at: Date | null;
      }[]
    >(
      `SELECT a.id, a.saved_search_id, a.organization_id, a.score, a.created_at, a.seen_at
       FROM saved_search_alert a JOIN saved_search s ON s.id = a.saved_search_id
       WHERE s.organization_id = $1 AND ($2::uuid IS NULL OR s.id = $2)
       ORDER BY a.created_at DESC, a.id LIMIT $3`,
      [organizationId, savedSearchId, first],
    );
    return rows.map((r) => ({
      id: r.id,
      savedSearchId: r.saved_search_id,
      organizationId: r.organization_id,
      score: r.score,
      createdAt: r.created_at,
      seenAt: r.seen_at,
    }));
  }

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
