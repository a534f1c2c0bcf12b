import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MAIL_PORT, type Locale, type MailPort } from '#identity';
import { AppError, notFound, parseId } from '#platform';
import { SECTORS } from '#directory';
import {
  addMonths,
  FOLLOW_UP_GRACE_DAYS,
  FOLLOW_UP_MONTHS,
  FOLLOW_UP_STAGES,
  type FollowUpStage,
} from './follow-up.js';
import { NO_KEY } from './edition-statistics.service.js';
import { followUpCursor, readFollowUpCursor } from './follow-up-cursor.js';

export interface FollowUpStageCount {
  stage: FollowUpStage;
  meetings: number;
}

export interface FollowUpGroup {
  key: string;
  meetings: number;
  /** Every stage, in order, with the meetings whose furthest stage it is. */
  stages: FollowUpStageCount[];
}

export interface FollowUpSide {
  delegateId: string;
  delegateName: string;
  organizationId: string;
  organizationName: { ar: string | null; fr: string | null; en: string | null };
  country: string | null;
  stage: FollowUpStage;
  reportedAt: Date | null;
}

export interface FollowUpMeeting {
  meetingId: string;
  startsAt: Date;
  tableLabel: string | null;
  stage: FollowUpStage;
  sides: FollowUpSide[];
}

export interface FollowUpReport {
  editionId: string;
  lastDay: string;
  /** When the follow-up requests go out: 3 and 6 months after the last day. */
  requestDates: string[];
  requestsSent: number;
  meetings: number;
  stages: FollowUpStageCount[];
  byCountry: FollowUpGroup[];
  bySector: FollowUpGroup[];
  list: FollowUpMeeting[];
  listTotal: number;
  /** Where the next page of the list starts (the `after` of the next call); null on an empty page. */
  endCursor: string | null;
  hasNextPage: boolean;
}

const SECTION_OF: Record<string, string> = Object.fromEntries(
  SECTORS.filter((s) => s.parent).map((s) => [s.code, s.parent as string]),
);

/** Most meetings one report lists; the counts cover them all. */
export const FOLLOW_UP_LIST_MAX = 500;

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
  JOIN organization o ON o.id = d.organization_id
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
          JOIN organization o ON o.id = d.organization_id
         WHERE p.meeting_id = mt.id) AS sides
  FROM mt
 WHERE ($3::text IS NULL OR ($2::text[])[mt.rank] = $3)
   AND ($5::int IS NULL OR (-mt.rank, mt.starts_at, mt.id) > (-$5::int, $6::timestamptz, $7::uuid))
 ORDER BY mt.rank DESC, mt.starts_at, mt.id
 LIMIT $4::int + 1`;

const listTotalSql = `${MEETINGS_CTE}
SELECT count(*)::int AS n FROM mt WHERE $3::text IS NULL OR ($2::text[])[mt.rank] = $3`;

interface Due {
  edition_id: string;
  months: number;
  delegate_id: string;
  email: string;
  user_id: string | null;
  locale: Locale | null;
  edition_name: Record<Locale, string | null>;
  meetings: number;
}

/** Follow-up requests sent per run; the next run sends the rest. */
const BATCH = 2000;

/**
 * The follow-up of an edition's meetings months later: the report organisers read, and the requests
 * mailed to both sides of the meetings 3 and 6 months after the last day.
 */
@Injectable()
export class FollowUpService {
  private readonly logger = new Logger(FollowUpService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(MAIL_PORT) private readonly mail: MailPort,
  ) {}

  async report(
    rawEditionId: string,
    options: { stage?: FollowUpStage | null; first?: number | null; after?: string | null } = {},
  ): Promise<FollowUpReport> {
    const editionId = parseId(rawEditionId, 'editionId');
    const first = options.first ?? 200;
    const from = options.after == null ? null : readFollowUpCursor(options.after);
    if (!Number.isInteger(first) || first < 0 || first > FOLLOW_UP_LIST_MAX)
      throw new AppError('BAD_USER_INPUT', `first must be between 0 and ${FOLLOW_UP_LIST_MAX}`, {
        field: 'first',
      });
    if (options.after != null && !from)
      throw new AppError('BAD_USER_INPUT', 'after is not a cursor of this list (use endCursor)', {
        field: 'after',
      });
    const [edition] = await this.db.query<{ ends_on: string }[]>(
      `SELECT ends_on::text FROM forum_edition WHERE id = $1`,
      [editionId],
    );
    if (!edition) throw notFound('Forum edition', editionId);
    const stages = [...FOLLOW_UP_STAGES];
    const [groups, rows, [listed], [sent]] = await Promise.all([
      this.db.query<{ dim: string; key: string; stage: FollowUpStage; n: number }[]>(groupsSql, [
        editionId,
        stages,
        JSON.stringify(SECTION_OF),
      ]),
      this.db.query<(FollowUpMeeting & { rank: number; startsAtKey: string })[]>(listSql, [
        editionId,
        stages,
        options.stage ?? null,
        first,
        from?.rank ?? null,
        from?.startsAt ?? null,
        from?.id ?? null,
      ]),
      this.db.query<{ n: number }[]>(listTotalSql, [editionId, stages, options.stage ?? null]),
      this.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM forum_follow_up_mail WHERE edition_id = $1`,
        [editionId],
      ),
    ]);
    const grouped = (dim: string): FollowUpGroup[] => {
      const byKey = new Map<string, Map<FollowUpStage, number>>();
      for (const g of groups.filter((x) => x.dim === dim)) {
        const m = byKey.get(g.key) ?? new Map<FollowUpStage, number>();
        m.set(g.stage, g.n);
        byKey.set(g.key, m);
      }
      return [...byKey.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, m]) => ({
          key,
          meetings: [...m.values()].reduce((a, b) => a + b, 0),
          stages: FOLLOW_UP_STAGES.map((stage) => ({ stage, meetings: m.get(stage) ?? 0 })),
        }));
    };
    const total = grouped('total')[0];
    const list = rows.slice(0, first);
    const last = list.at(-1);
    return {
      editionId,
      lastDay: edition.ends_on,
      requestDates: FOLLOW_UP_MONTHS.map((mo) => addMonths(edition.ends_on, mo)),
      requestsSent: sent.n,
      meetings: total?.meetings ?? 0,
      stages: total?.stages ?? FOLLOW_UP_STAGES.map((stage) => ({ stage, meetings: 0 })),
      byCountry: grouped('country'),
      bySector: grouped('sector'),
      list: list.map(({ rank: _r, startsAtKey: _k, ...mt }) => ({
        ...mt,
        sides: mt.sides.map((s) => ({ ...s, reportedAt: s.reportedAt ? new Date(s.reportedAt) : null })),
      })),
      listTotal: listed.n,
      endCursor: last
        ? followUpCursor({ rank: last.rank, startsAt: last.startsAtKey, id: last.meetingId })
        : null,
      hasNextPage: rows.length > first,
    };
  }

  /**
   * Mails each registered delegate who took part in a published meeting (one not reported as a no-show
   * by all who reported) of an edition whose last day was 3 or 6 months ago (in the edition's time zone), once per delegate and
   * round: the forum_follow_up_mail row is written in the transaction that sends the mail, and its
   * primary key refuses a second one. A round more than FOLLOW_UP_GRACE_DAYS late is skipped, and
   * the 3-month round once the 6-month one is due, so a worker that was down sends one mail, not two.
   */
  async sendDue(now = new Date()): Promise<number> {
    const due = await this.db.query<Due[]>(
      `SELECT e.id AS edition_id, r.months, d.id AS delegate_id, d.email, d.user_id, u.locale,
              e.name AS edition_name, count(DISTINCT mt.id)::int AS meetings
         FROM forum_edition e
         CROSS JOIN (VALUES (3), (6)) r(months)
         JOIN forum_delegate d ON d.edition_id = e.id AND d.status = 'REGISTERED'
         LEFT JOIN user_account u ON u.id = d.user_id
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
        GROUP BY e.id, r.months, d.id, u.locale
        ORDER BY e.id, r.months, d.id
        LIMIT ${BATCH}`,
      [now],
    );
    let sent = 0;
    for (const r of due) {
      const done = await this.db.transaction(async (m) => {
        const claimed = await m.query<{ delegate_id: string }[]>(
          `INSERT INTO forum_follow_up_mail (edition_id, delegate_id, months) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING delegate_id`,
          [r.edition_id, r.delegate_id, r.months],
        );
        if (!claimed.length) return false;
        const locale: Locale = r.locale ?? 'fr';
        const n = r.edition_name;
        await this.mail.send(
          {
            to: r.email,
            template: 'meeting-follow-up',
            locale,
            userId: r.user_id,
            ids: { editionId: r.edition_id },
            params: {
              edition: n[locale] ?? n.fr ?? n.en ?? n.ar ?? '',
              months: r.months,
              count: r.meetings,
            },
          },
          m,
        );
        return true;
      });
      if (done) sent++;
    }
    if (sent) this.logger.log({ sent }, 'meeting follow-up requests sent');
    return sent;
  }
}
