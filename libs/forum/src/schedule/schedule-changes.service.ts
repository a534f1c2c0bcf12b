import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { badInput, checkPageSize, notFound, parseId } from '#platform';

export const SCHEDULE_CHANGE_KINDS = ['NEW', 'MOVED', 'CANCELLED'] as const;
export type ScheduleChangeKind = (typeof SCHEDULE_CHANGE_KINDS)[number];

/** One meeting whose place in the draft differs from what delegates were last shown. */
export interface ScheduleChange {
  meetingId: string;
  kind: ScheduleChangeKind;
  requestId: string | null;
  /** Its place in the draft (for a cancelled meeting: where it was when cancelled). */
  slotId: string;
  start: Date;
  tableId: string | null;
  tableLabel: string | null;
  /** Its place as last published; null for a new meeting. */
  publishedSlotId: string | null;
  publishedStart: Date | null;
  publishedTableId: string | null;
  publishedTableLabel: string | null;
  /** The requesting delegate first, as in agendas. */
  delegateId: string;
  delegateName: string;
  organizationName: string;
  counterpartDelegateId: string;
  counterpartDelegateName: string;
  counterpartOrganizationName: string;
}

export interface ChangedDelegate {
  delegateId: string;
  name: string;
  organizationName: string;
  changes: number;
}

export interface ScheduleComparison {
  editionId: string;
  publishedVersion: number;
  publishedAt: Date | null;
  newMeetings: number;
  moved: number;
  cancelled: number;
  /** Delegates with at least one change (within the delegate filter). */
  delegates: number;
  changes: ScheduleChange[];
  endCursor: string | null;
  hasNextPage: boolean;
  /** Every delegate with a change, whatever the filters, by name. */
  changedDelegates: ChangedDelegate[];
}

export interface ScheduleChangesQuery {
  editionId: string;
  delegateId?: string | null;
  kind?: ScheduleChangeKind | null;
  first?: number;
  after?: string | null;
}

const encode = (position: number, id: string) => Buffer.from(`${position}:${id}`).toString('base64url');
function decode(cursor: string): { position: number; id: string } | null {
  const m = /^(\d{1,9}):([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return m ? { position: Number(m[1]), id: m[2] } : null;
}

/*
 * The changed meetings of an edition: NEW (in the draft, never published), MOVED (published, now
 * at another slot or table in the draft) and CANCELLED (published, then cancelled since the last
 * publication; delegates were told of a cancellation when it happened).
 */
const CHANGED = `
  SELECT mt.id, mt.request_id, mt.slot_id, mt.table_id, mt.published_slot_id, mt.published_table_id,
         CASE WHEN mt.status = 'CANCELLED' THEN 'CANCELLED'
              WHEN mt.published_slot_id IS NULL THEN 'NEW' ELSE 'MOVED' END AS kind
    FROM forum_meeting mt JOIN forum_edition e ON e.id = mt.edition_id
   WHERE mt.edition_id = $1
     AND ((mt.status <> 'CANCELLED'
           AND (mt.published_slot_id IS NULL OR mt.published_slot_id IS DISTINCT FROM mt.slot_id
                OR mt.published_table_id IS DISTINCT FROM mt.table_id))
          OR (mt.status = 'CANCELLED' AND mt.published_slot_id IS NOT NULL
              AND (e.published_at IS NULL OR mt.updated_at > e.published_at)))`;

interface ChangeRow {
  id: string;
  kind: ScheduleChangeKind;
  request_id: string | null;
  slot_id: string;
  position: number;
  starts_at: Date;
  table_id: string | null;
  table_label: string | null;
  published_slot_id: string | null;
  published_starts_at: Date | null;
  published_table_id: string | null;
  published_table_label: string | null;
  people: { delegateId: string; name: string; organizationName: string }[];
}

/** Compares an edition's draft schedule with the one last published (organisers' console). */
@Injectable()
export class ScheduleChangesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async compare(q: ScheduleChangesQuery): Promise<ScheduleComparison> {
    const editionId = parseId(q.editionId, 'editionId');
    const delegateId = q.delegateId ? parseId(q.delegateId, 'delegateId') : null;
    const first = q.first ?? 50;
    checkPageSize(first);
    const cursor = q.after ? decode(q.after) : null;
    if (q.after && !cursor)
      throw badInput([{ path: 'after', message: 'is not a cursor returned by this API' }]);
    const [edition] = await this.db.query<{ published_version: number; published_at: Date | null }[]>(
      `SELECT published_version, published_at FROM forum_edition WHERE id = $1`,
      [editionId],
    );
    if (!edition) throw notFound('Forum edition', editionId);
    const ofDelegate = `($2::uuid IS NULL OR EXISTS (SELECT 1 FROM forum_meeting_participant x
                                                      WHERE x.meeting_id = ch.id AND x.delegate_id = $2))`;
    const [counts] = await this.db.query<
      { new: number; moved: number; cancelled: number; delegates: number }[]
    >(
      `WITH ch AS (${CHANGED})
       SELECT count(*) FILTER (WHERE kind = 'NEW')::int AS new,
              count(*) FILTER (WHERE kind = 'MOVED')::int AS moved,
              count(*) FILTER (WHERE kind = 'CANCELLED')::int AS cancelled,
              (SELECT count(DISTINCT p.delegate_id)::int FROM ch JOIN forum_meeting_participant p ON p.meeting_id = ch.id
                WHERE ${ofDelegate}) AS delegates
         FROM ch WHERE ${ofDelegate}`,
      [editionId, delegateId],
    );
    const rows = await this.db.query<ChangeRow[]>(
      `WITH ch AS (${CHANGED})
       SELECT ch.id, ch.kind, ch.request_id, s.id AS slot_id, s.position, s.starts_at,
              t.id AS table_id, t.label AS table_label,
              ps.id AS published_slot_id, ps.starts_at AS published_starts_at,
              pt.id AS published_table_id, pt.label AS published_table_label,
              (SELECT json_agg(json_build_object(
                        'delegateId', d.id, 'name', d.name,
                        'organizationName', coalesce(o.name->>'fr', o.name->>'en', o.name->>'ar'))
                      ORDER BY (d.id = r.from_delegate_id) DESC, d.id)
                 FROM forum_meeting_participant p
                 JOIN forum_delegate d ON d.id = p.delegate_id
                 JOIN organization o ON o.id = d.organization_id
                WHERE p.meeting_id = ch.id) AS people
         FROM ch
         JOIN forum_slot s ON s.id = ch.slot_id
         LEFT JOIN forum_table t ON t.id = ch.table_id
         LEFT JOIN forum_slot ps ON ps.id = ch.published_slot_id
         LEFT JOIN forum_table pt ON pt.id = ch.published_table_id
         LEFT JOIN forum_meeting_request r ON r.id = ch.request_id
        WHERE ${ofDelegate} AND ($3::text IS NULL OR ch.kind = $3)
          AND ($4::int IS NULL OR (s.position, ch.id) > ($4::int, $5::uuid))
        ORDER BY s.position, ch.id
        LIMIT $6`,
      [editionId, delegateId, q.kind ?? null, cursor?.position ?? null, cursor?.id ?? null, first + 1],
    );
    const changedDelegates = await this.db.query<
      { delegate_id: string; name: string; organization_name: string; changes: number }[]
    >(
      `WITH ch AS (${CHANGED})
       SELECT d.id AS delegate_id, d.name,
              coalesce(o.name->>'fr', o.name->>'en', o.name->>'ar') AS organization_name,
              count(*)::int AS changes
         FROM ch JOIN forum_meeting_participant p ON p.meeting_id = ch.id
         JOIN forum_delegate d ON d.id = p.delegate_id
         JOIN organization o ON o.id = d.organization_id
        GROUP BY d.id, o.id ORDER BY d.name, d.id`,
      [editionId],
    );
    const page = rows.slice(0, first);
    const last = page.at(-1);
    return {
      editionId,
      publishedVersion: edition.published_version,
      publishedAt: edition.published_at,
      newMeetings: counts.new,
      moved: counts.moved,
      cancelled: counts.cancelled,
      delegates: counts.delegates,
      changes: page.flatMap((r) => {
        const [a, b] = r.people ?? [];
        if (!a || !b) return [];
        return [
          {
            meetingId: r.id,
            kind: r.kind,
            requestId: r.request_id,
            slotId: r.slot_id,
            start: new Date(r.starts_at),
            tableId: r.table_id,
            tableLabel: r.table_label,
            publishedSlotId: r.published_slot_id,
            publishedStart: r.published_starts_at ? new Date(r.published_starts_at) : null,
            publishedTableId: r.published_table_id,
            publishedTableLabel: r.published_table_label,
            delegateId: a.delegateId,
            delegateName: a.name,
            organizationName: a.organizationName,
            counterpartDelegateId: b.delegateId,
            counterpartDelegateName: b.name,
            counterpartOrganizationName: b.organizationName,
          },
        ];
      }),
      endCursor: last ? encode(last.position, last.id) : null,
      hasNextPage: rows.length > first,
      changedDelegates: changedDelegates.map((d) => ({
        delegateId: d.delegate_id,
        name: d.name,
        organizationName: d.organization_name,
        changes: d.changes,
      })),
    };
  }
}
