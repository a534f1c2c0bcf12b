import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EditionStatsRow, RoundUtilisation } from './edition-statistics.service.js';

/** Key of a delegate without a country, sector or group. */
export const NO_KEY = 'none';

/*
 * Each delegate belongs to one key per dimension; a request counts for the side that sent it, a meeting
 * once for every key either of its sides has (a meeting between two Algerian firms counts once for DZ).
 * A pending request past its date counts as expired, as everywhere it is read. A meeting is held when
 * a side reported anything but a no-show, a no-show when a side reported one and neither reported more.
 */
const STATS_SQL = `
WITH dl AS (
  SELECT d.id, d.status, o.country,
         coalesce($2::jsonb ->> o.sectors[1], o.sectors[1]) AS sector, g.code AS grp
    FROM forum_delegate d
    JOIN directory_organization_card_v o ON o.id = d.organization_id
    LEFT JOIN forum_group g ON g.id = d.group_id
   WHERE d.edition_id = $1
), dims AS (
  SELECT id, status, 'total' AS dim, 'all' AS key FROM dl
  UNION ALL SELECT id, status, 'country', coalesce(country, '${NO_KEY}') FROM dl
  UNION ALL SELECT id, status, 'sector', coalesce(sector, '${NO_KEY}') FROM dl
  UNION ALL SELECT id, status, 'group', coalesce(grp, '${NO_KEY}') FROM dl
), rq AS (
  SELECT r.from_delegate_id AS delegate_id,
         CASE WHEN r.status = 'PENDING' AND r.expires_at <= now() THEN 'EXPIRED' ELSE r.status END AS status
    FROM forum_meeting_request r
   WHERE r.edition_id = $1
), mt AS (
  SELECT mt.id,
         bool_or(p.outcome IS NOT NULL AND p.outcome <> 'NO_SHOW') AS held,
         bool_or(p.outcome = 'NO_SHOW') AS no_show
    FROM forum_meeting mt JOIN forum_meeting_participant p ON p.meeting_id = mt.id
   WHERE mt.edition_id = $1 AND mt.status <> 'CANCELLED'
   GROUP BY mt.id
), dele AS (
  SELECT dim, key, count(*) FILTER (WHERE status = 'REGISTERED')::int AS delegates FROM dims GROUP BY dim, key
), req AS (
  SELECT x.dim, x.key,
         count(*)::int AS sent,
         count(*) FILTER (WHERE rq.status = 'ACCEPTED')::int AS accepted,
         count(*) FILTER (WHERE rq.status = 'DECLINED')::int AS declined,
         count(*) FILTER (WHERE rq.status = 'PENDING')::int AS pending,
         count(*) FILTER (WHERE rq.status = 'EXPIRED')::int AS expired,
         count(*) FILTER (WHERE rq.status = 'CANCELLED')::int AS cancelled
    FROM rq JOIN dims x ON x.id = rq.delegate_id
   GROUP BY x.dim, x.key
), meet AS (
  SELECT x.dim, x.key,
         count(DISTINCT mt.id)::int AS scheduled,
         count(DISTINCT mt.id) FILTER (WHERE mt.held)::int AS held,
         count(DISTINCT mt.id) FILTER (WHERE mt.no_show AND NOT mt.held)::int AS no_shows
    FROM mt
    JOIN forum_meeting_participant p ON p.meeting_id = mt.id
    JOIN dims x ON x.id = p.delegate_id
   GROUP BY x.dim, x.key
)
SELECT dele.dim, dele.key, dele.delegates,
       coalesce(req.sent, 0) AS "requestsSent", coalesce(req.accepted, 0) AS accepted,
       coalesce(req.declined, 0) AS declined, coalesce(req.pending, 0) AS pending,
       coalesce(req.expired, 0) AS expired, coalesce(req.cancelled, 0) AS cancelled,
       CASE WHEN coalesce(req.accepted + req.declined + req.expired, 0) > 0
            THEN req.accepted::float8 / (req.accepted + req.declined + req.expired) END AS "acceptanceRate",
       coalesce(meet.scheduled, 0) AS "meetingsScheduled", coalesce(meet.held, 0) AS "meetingsHeld",
       coalesce(meet.no_shows, 0) AS "noShows"
  FROM dele
  LEFT JOIN req ON req.dim = dele.dim AND req.key = dele.key
  LEFT JOIN meet ON meet.dim = dele.dim AND meet.key = dele.key
 ORDER BY dele.dim, dele.key`;

/** Tables in use per meeting round (slot), cancelled meetings left out. */
const ROUNDS_SQL = `
SELECT s.id AS "slotId", s.position, s.day::text AS day, s.session, s.starts_at AS "startsAt",
       count(mt.id)::int AS meetings,
       count(DISTINCT mt.table_id)::int AS "tablesUsed",
       (SELECT count(*) FROM forum_table t WHERE t.edition_id = $1 AND t.active)::int AS "tablesAvailable"
  FROM forum_slot s
  LEFT JOIN forum_meeting mt ON mt.slot_id = s.id AND mt.status <> 'CANCELLED'
 WHERE s.edition_id = $1 AND NOT s.is_break
 GROUP BY s.id
 ORDER BY s.position`;

/** The SQL of an edition's organiser statistics, counted by Postgres. Stateless: each call runs on the manager given. */
@Injectable()
export class EditionStatisticsRepository {
  /**
   * Counts by dimension (`total`, `country`, `sector`, `group`) and key, in that order; `sectionOf`
   * maps an ISIC division to its section.
   */
  async counts(
    m: EntityManager,
    editionId: string,
    sectionOf: Record<string, string>,
  ): Promise<(EditionStatsRow & { dim: string })[]> {
    return m.query<(EditionStatsRow & { dim: string })[]>(STATS_SQL, [editionId, JSON.stringify(sectionOf)]);
  }

  /** Tables in use per meeting round (slot), in slot order. */
  async rounds(m: EntityManager, editionId: string): Promise<Omit<RoundUtilisation, 'utilisation'>[]> {
    return m.query<Omit<RoundUtilisation, 'utilisation'>[]>(ROUNDS_SQL, [editionId]);
  }
}
