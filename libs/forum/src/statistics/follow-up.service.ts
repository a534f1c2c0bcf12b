import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { accounts, MAIL_PORT, type Locale, type MailPort } from '#identity';
import { AppError, notFound, parseId } from '#platform';
import { SECTORS } from '#directory';
import { addMonths, FOLLOW_UP_MONTHS, FOLLOW_UP_STAGES, type FollowUpStage } from './follow-up.js';
import { followUpCursor, readFollowUpCursor } from './follow-up-cursor.js';
import { FollowUpRepository } from './follow-up.repository.js';

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
    private readonly rows: FollowUpRepository,
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
    const m = this.db.manager;
    const endsOn = await this.rows.lastDay(m, editionId);
    if (endsOn === null) throw notFound('Forum edition', editionId);
    const edition = { ends_on: endsOn };
    const stages = [...FOLLOW_UP_STAGES];
    const stage = options.stage ?? null;
    const [groups, rows, listed, sent] = await Promise.all([
      this.rows.groups(m, editionId, stages, SECTION_OF),
      this.rows.list(m, { editionId, stages, stage, first, after: from }),
      this.rows.listTotal(m, editionId, stages, stage),
      this.rows.requestsSent(m, editionId),
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
      requestsSent: sent,
      meetings: total?.meetings ?? 0,
      stages: total?.stages ?? FOLLOW_UP_STAGES.map((stage) => ({ stage, meetings: 0 })),
      byCountry: grouped('country'),
      bySector: grouped('sector'),
      list: list.map(({ rank: _r, startsAtKey: _k, ...mt }) => ({
        ...mt,
        sides: mt.sides.map((s) => ({ ...s, reportedAt: s.reportedAt ? new Date(s.reportedAt) : null })),
      })),
      listTotal: listed,
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
   * primary key refuses a second one. A round more than FOLLOW_UP_GRACE_DAYS (follow-up.ts) late is skipped, and
   * the 3-month round once the 6-month one is due, so a worker that was down sends one mail, not two.
   */
  async sendDue(now = new Date()): Promise<number> {
    const due = await this.rows.due(this.db.manager, now, BATCH);
    const people = await accounts.contacts(this.db.manager, [
      ...new Set(due.flatMap((r) => (r.userId ? [r.userId] : []))),
    ]);
    let sent = 0;
    for (const r of due) {
      const done = await this.db.transaction(async (m) => {
        if (!(await this.rows.claim(m, r))) return false;
        const locale: Locale = (r.userId && people.get(r.userId)?.locale) || 'fr';
        const n = r.editionName;
        await this.mail.send(
          {
            to: r.email,
            template: 'meeting-follow-up',
            locale,
            userId: r.userId,
            ids: { editionId: r.editionId },
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
