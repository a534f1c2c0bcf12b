import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Locale } from '#identity';
import { FOLLOW_UP_GRACE_DAYS, type FollowUpStage } from './follow-up.js';
import { NO_KEY } from './edition-statistics.repository.js';
import type { FollowUpMeeting } from './follow-up.service.js';

/*
 * A meeting's stage is the furthest either side reported ($2 lists the stages in order), over live
 * (not cancelled) meetings. By country and sector, a meeting counts once for each key its sides have.
 */
const MEETINGS_CTE = `
WITH mt AS (
  SELECT mt.id, s.starts_at, t.label AS table_label,
         max(array_position($2::text[], coalesce(p.outcome, 'NOT_REPORTED'))) AS rank
    FROM forum_meeting mt
    JOIN forum_slot s ON s.id = mt.slot_id
    LEFT JOIN forum_table t ON t.id = mt.table_id
    JOIN forum_meeting_participant p ON p.meeting_id = mt.id
   WHERE mt.edition_id = $1 AND mt.status <> 'CANCELLED'
   GROUP BY mt.id, s.starts_at, t.label
)`;

const groupsSql = `${MEETINGS_CTE}
SELECT x.dim, x.key, ($2::text[])[mt.rank] AS stage, count(DISTINCT mt.id)::int AS n
  FROM mt
  JOIN forum_meeting_participant p ON p.meeting_id = mt.id
  JOIN forum_delegate d ON d.id = p.delegate_id
  JOIN directory_organization_card_v o ON o.id = d.organization_id
  CROSS JOIN LATERAL (VALUES ('total', 'all'), ('country', coalesce(o.country, '${NO_KEY}')),
    ('sector', coalesce($3::jsonb ->> o.sectors[1], o.sectors[1], '${NO_KEY}'))) x(dim, key)
 GROUP BY x.dim, x.key, mt.rank`;

// A page of the list: the meetings after the position $5..$7 (stage rank, start, id), in the list's
// order, one more than $4 to tell whether another page follows.
const listSql = `${MEETINGS_CTE}
SELECT mt.id AS "meetingId", mt.starts_at AS "startsAt", mt.table_label AS "tableLabel",
       ($2::text[])[mt.rank] AS stage, mt.rank,
       to_char(mt.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "startsAtKey",
       (SELECT json_agg(json_build_object(
                 'delegateId', d.id, 'delegateName', d.name, 'organizationId', o.id,
                 'organizationName', o.name, 'country', o.country,
                 'stage', coalesce(p.outcome, 'NOT_REPORTED'), 'reportedAt', p.outcome_reported_at)
               ORDER BY d.id)
          FROM forum_meeting_participant p
          JOIN forum_delegate d ON d.id = p.delegate_id
          JOIN directory_organization_card_v o ON o.id = d.organization_id
         WHERE p.meeting_id = mt.id) AS sides
  FROM mt
 WHERE ($3::text IS NULL OR ($2::text[])[mt.rank] = $3)
   AND ($5::int IS NULL OR (-mt.rank, mt.starts_at, mt.id) > (-$5::int, $6::timestamptz, $7::uuid))
 ORDER BY mt.rank DESC, mt.starts_at, mt.id
 LIMIT $4::int + 1`;

const listTotalSql = `${MEETINGS_CTE}
SELECT count(*)::int AS n FROM mt WHERE $3::text IS NULL OR ($2::text[])[mt.rank] = $3`;

/** A delegate due a follow-up request for an edition's round (3 or 6 months). */
export interface DueFollowUp {
  editionId: string;
  months: number;
  delegateId: string;
  email: string;
  /** The delegate's linked account, whose language the mail is in. */
  userId: string | null;
  editionName: Record<Locale, string | null>;
  /** Meetings of the delegate to follow up. */
  meetings: number;
}

/**
 * The SQL of meetings' follow-up: the report's counts and list over an edition's meetings, and the
 * follow-up requests mailed (`forum_follow_up_mail`). Stateless: each call runs on the manager given.
 */
@Injectable()
export class FollowUpRepository {
  /** The edition's last day (YYYY-MM-DD); null when there is no such edition. */
  async lastDay(m: EntityManager, editionId: string): Promise<string | null> {
    const [edition] = await m.query<{ ends_on: string }[]>(
      `SELECT ends_on::text FROM forum_edition WHERE id = $1`,
      [editionId],
    );
    return edition?.ends_on ?? null;
  }

  /**
   * Meetings by dimension (`total`, `country`, `sector`), key and furthest stage (`stages` in
   * order; `sectionOf` maps an ISIC division to its section).
   */
  async groups(
    m: EntityManager,
    editionId: string,
    stages: readonly FollowUpStage[],
    sectionOf: Record<string, string>,
  ): Promise<{ dim: string; key: string; stage: FollowUpStage; n: number }[]> {
    return m.query<{ dim: string; key: string; stage: FollowUpStage; n: number }[]>(groupsSql, [
      editionId,
      stages,
      JSON.stringify(sectionOf),
    ]);
  }

  /**
   * Up to `first` + 1 meetings after the position `after`, by furthest stage (descending), start
   * and id, of the stage asked or any; each with its rank in `stages` and its start as cursor text.
   */
  async list(
    m: EntityManager,
    q: {
      editionId: string;
      stages: readonly FollowUpStage[];
      stage: FollowUpStage | null;
      first: number;
      after: { rank: number; startsAt: string; id: string } | null;
    },
  ): Promise<(FollowUpMeeting & { rank: number; startsAtKey: string })[]> {
    return m.query<(FollowUpMeeting & { rank: number; startsAtKey: string })[]>(listSql, [
      q.editionId,
      q.stages,
      q.stage,
      q.first,
      q.after?.rank ?? null,
      q.after?.startsAt ?? null,
      q.after?.id ?? null,
    ]);
  }

  /** The number of meetings the list holds for the stage asked (or any). */
  async listTotal(
    m: EntityManager,
    editionId: string,
    stages: readonly FollowUpStage[],
    stage: FollowUpStage | null,
  ): Promise<number> {
    const [listed] = await m.query<{ n: number }[]>(listTotalSql, [editionId, stages, stage]);
    return listed.n;
  }

  /** Follow-up requests mailed for the edition. */
  async requestsSent(m: EntityManager, editionId: string): Promise<number> {
    const [sent] = await m.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM forum_follow_up_mail WHERE edition_id = $1`,
      [editionId],
    );
    return sent.n;
  }

  /**
   * Up to `limit` registered delegates due a follow-up request at `now`, by edition, round and
   * delegate (see FollowUpService.sendDue for the rounds).
   */
  async due(m: EntityManager, now: Date, limit: number): Promise<DueFollowUp[]> {
    const rows = await m.query<
      {
        edition_id: string;
        months: number;
        delegate_id: string;
        email: string;
        user_id: string | null;
        edition_name: Record<Locale, string | null>;
        meetings: number;
      }[]
    >(
      `SELECT e.id AS edition_id, r.months, d.id AS delegate_id, d.email, d.user_id,
              e.name AS edition_name, count(DISTINCT mt.id)::int AS meetings
         FROM forum_edition e
         CROSS JOIN (VALUES (3), (6)) r(months)
         JOIN forum_delegate d ON d.edition_id = e.id AND d.status = 'REGISTERED'
         JOIN forum_meeting_participant p ON p.delegate_id = d.id
         JOIN forum_meeting mt ON mt.id = p.meeting_id AND mt.status = 'PUBLISHED'
        WHERE (e.ends_on + make_interval(months => r.months))::date <= ($1::timestamptz AT TIME ZONE e.timezone)::date
          AND (e.ends_on + make_interval(months => r.months, days => ${FOLLOW_UP_GRACE_DAYS}))::date
                > ($1::timestamptz AT TIME ZONE e.timezone)::date
          AND (r.months = 6
               OR (e.ends_on + make_interval(months => 6))::date > ($1::timestamptz AT TIME ZONE e.timezone)::date)
          -- a meeting nobody attended has nothing to follow
          AND (NOT EXISTS (SELECT 1 FROM forum_meeting_participant q
                            WHERE q.meeting_id = mt.id AND q.outcome = 'NO_SHOW')
               OR EXISTS (SELECT 1 FROM forum_meeting_participant q
                           WHERE q.meeting_id = mt.id AND q.outcome <> 'NO_SHOW'))
          AND NOT EXISTS (SELECT 1 FROM forum_follow_up_mail f
                           WHERE f.edition_id = e.id AND f.delegate_id = d.id AND f.months = r.months)
        GROUP BY e.id, r.months, d.id
        ORDER BY e.id, r.months, d.id
        LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => ({
      editionId: r.edition_id,
      months: r.months,
      delegateId: r.delegate_id,
      email: r.email,
      userId: r.user_id,
      editionName: r.edition_name,
      meetings: r.meetings,
    }));
  }

  /**
   * Records the follow-up request of a delegate's round in the caller's transaction; false when one
   * was recorded already (its primary key refuses a second).
   */
  async claim(
    m: EntityManager,
    r: { editionId: string; delegateId: string; months: number },
  ): Promise<boolean> {
    const claimed = await m.query<{ delegate_id: string }[]>(
      `INSERT INTO forum_follow_up_mail (edition_id, delegate_id, months) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING delegate_id`,
      [r.editionId, r.delegateId, r.months],
    );
    return claimed.length > 0;
  }
}
