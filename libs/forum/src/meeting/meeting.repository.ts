import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { returning } from '#platform';
import type { MeetingOutcome, MeetingStatus } from './meeting.entity.js';
import { pgError } from '../common/db-errors.js';
import type { ScheduleChangeKind } from '../schedule/schedule-changes.service.js';

/** A meeting cancelled in a write: `announced` when delegates had already been shown it. */
export interface CancelledMeeting {
  id: string;
  editionId: string;
  announced: boolean;
}

/** A new meeting, published at once and pinned, in a slot. */
export interface PinnedMeeting {
  id: string;
  editionId: string;
  requestId: string;
  slotId: string;
  uid: string;
}

/** A live meeting placed from a request, as the scheduler's save compares it with the new draft. */
export interface LiveMeeting {
  id: string;
  requestId: string;
  slotId: string;
  tableId: string | null;
  status: MeetingStatus;
  pinned: boolean;
}

/** A draft meeting the scheduler places for an accepted request, between its two delegates. */
export interface DraftMeeting {
  id: string;
  requestId: string;
  slotId: string;
  tableId: string | null;
  uid: string;
  delegateIds: [string, string];
}

/** A side of a meeting as a row of an agenda or a change list: the delegate and its organisation. */
export interface MeetingSide {
  delegateId: string;
  name: string;
  organizationId: string;
}

/** A meeting of an agenda, with its slot, table and both sides (the requesting delegate first). */
export interface AgendaRow {
  id: string;
  uid: string;
  sequence: number;
  status: MeetingStatus;
  pinned: boolean;
  requestId: string | null;
  slotId: string;
  position: number;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  tableId: string | null;
  tableLabel: string | null;
  people: MeetingSide[];
}

/** Which meetings an agenda holds: the edition's, or those of a delegate, an organisation or a table. */
export interface AgendaScope {
  editionId: string;
  /** The working schedule; otherwise what delegates were shown (cancelled meetings included). */
  draft: boolean;
  delegateId?: string;
  organizationId?: string;
  tableId?: string;
}

/** A changed meeting of the draft, with its draft and published places. */
export interface ChangeRow {
  id: string;
  kind: ScheduleChangeKind;
  requestId: string | null;
  slotId: string;
  position: number;
  startsAt: Date;
  tableId: string | null;
  tableLabel: string | null;
  publishedSlotId: string | null;
  publishedStartsAt: Date | null;
  publishedTableId: string | null;
  publishedTableLabel: string | null;
  people: MeetingSide[] | null;
}

export interface ChangeCounts {
  new: number;
  moved: number;
  cancelled: number;
  delegates: number;
}

export interface ChangedDelegateRow {
  delegateId: string;
  name: string;
  organizationId: string;
  changes: number;
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

const OF_DELEGATE = `($2::uuid IS NULL OR EXISTS (SELECT 1 FROM forum_meeting_participant x
                                                      WHERE x.meeting_id = ch.id AND x.delegate_id = $2))`;

/** SQL of meetings (forum_meeting and forum_meeting_participant) beyond TypeORM's entity calls. */
@Injectable()
export class MeetingRepository {
  /**
   * Cancels the live meetings of the given requests; announced ones (shown to delegates) get a
   * higher SEQUENCE.
   */
  async cancelForRequests(m: EntityManager, requestIds: string[]): Promise<CancelledMeeting[]> {
    const rows = await returning<{ id: string; edition_id: string; announced: boolean }>(
      m,
      `UPDATE forum_meeting
        SET status = 'CANCELLED', updated_at = now(),
            sequence = sequence + CASE WHEN published_slot_id IS NOT NULL THEN 1 ELSE 0 END
      WHERE request_id = ANY($1::uuid[]) AND status <> 'CANCELLED'
      RETURNING id, edition_id, published_slot_id IS NOT NULL AS announced`,
      [requestIds],
    );
    return rows.map((r) => ({ id: r.id, editionId: r.edition_id, announced: r.announced }));
  }

  /** Cancels one live meeting; its earlier status and whether it was announced, or null when none was live. */
  async cancel(
    m: EntityManager,
    meetingId: string,
  ): Promise<{ announced: boolean; status: MeetingStatus } | null> {
    const [row] = await returning<{ id: string; announced: boolean; status: MeetingStatus }>(
      m,
      `UPDATE forum_meeting mt
            SET status = 'CANCELLED', updated_at = now(),
                sequence = sequence + CASE WHEN published_slot_id IS NOT NULL THEN 1 ELSE 0 END
           FROM (SELECT id, status FROM forum_meeting WHERE id = $1 FOR UPDATE) old
          WHERE mt.id = old.id AND mt.status <> 'CANCELLED'
          RETURNING mt.id, mt.published_slot_id IS NOT NULL AS announced, old.status`,
      [meetingId],
    );
    return row ? { announced: row.announced, status: row.status } : null;
  }

  /** Pins or unpins a live meeting; whether it was pinned before, or null when none is live. */
  async pin(m: EntityManager, meetingId: string, pinned: boolean): Promise<{ was: boolean } | null> {
    const [row] = await returning<{ id: string; was: boolean }>(
      m,
      `UPDATE forum_meeting mt SET pinned = $2, updated_at = now()
           FROM (SELECT id, pinned AS was FROM forum_meeting WHERE id = $1 FOR UPDATE) old
          WHERE mt.id = old.id AND mt.status <> 'CANCELLED' RETURNING mt.id, old.was`,
      [meetingId, pinned],
    );
    return row ? { was: row.was } : null;
  }

  /** Inserts the published, pinned meeting in its slot at a given table (or none). */
  async insertPinned(m: EntityManager, mt: PinnedMeeting, tableId: string | null): Promise<void> {
    await m.query(
      `INSERT INTO forum_meeting (id, edition_id, request_id, slot_id, table_id, status, pinned,
                                published_slot_id, published_table_id, uid)
     VALUES ($1, $2, $3, $4, $5, 'PUBLISHED', true, $4, $5, $6)`,
      [mt.id, mt.editionId, mt.requestId, mt.slotId, tableId, mt.uid],
    );
  }

  /**
   * Inserts the published, pinned meeting at the first active table of the edition free in its
   * slot, except the tables `lost`, in one statement. `picked`: the table chosen (null when none
   * is free); `placed`: whether the insert took it (false when a concurrent write took it first).
   */
  async insertPinnedAtFreeTable(
    m: EntityManager,
    mt: PinnedMeeting,
    lost: string[],
  ): Promise<{ picked: string | null; placed: boolean }> {
    const [row] = await m.query<{ picked: string | null; placed: string | null }[]>(
      `WITH pick AS (
         SELECT t.id FROM forum_table t
          WHERE t.edition_id = $2 AND t.active AND t.id <> ALL($6::uuid[])
            AND NOT EXISTS (SELECT 1 FROM forum_meeting mt
                             WHERE mt.slot_id = $4 AND mt.table_id = t.id AND mt.status <> 'CANCELLED')
          ORDER BY t.label LIMIT 1),
       ins AS (
         INSERT INTO forum_meeting (id, edition_id, request_id, slot_id, table_id, status, pinned,
                                    published_slot_id, published_table_id, uid)
         SELECT $1, $2, $3, $4, pick.id, 'PUBLISHED', true, $4, pick.id, $5 FROM pick
         ON CONFLICT (slot_id, table_id) WHERE status <> 'CANCELLED' AND table_id IS NOT NULL DO NOTHING
         RETURNING table_id)
       SELECT (SELECT id FROM pick) AS picked, (SELECT table_id FROM ins) AS placed`,
      [mt.id, mt.editionId, mt.requestId, mt.slotId, mt.uid, lost],
    );
    return { picked: row.picked, placed: !!row.placed };
  }

  /** Adds the published participants of a meeting placed by hand. */
  async addPublishedParticipants(
    m: EntityManager,
    meetingId: string,
    delegateIds: string[],
    slotId: string,
  ): Promise<void> {
    await m.query(
      `INSERT INTO forum_meeting_participant (meeting_id, delegate_id, slot_id, status)
     SELECT $1, unnest($2::uuid[]), $3, 'PUBLISHED'`,
      [meetingId, delegateIds, slotId],
    );
  }

  /** The first active table of the edition free in the slot, except the tables `lost`. */
  async firstFreeTableExcept(
    m: EntityManager,
    editionId: string,
    slotId: string,
    lost: string[],
  ): Promise<string | null> {
    const [pick] = await m.query<{ id: string }[]>(
      `SELECT t.id FROM forum_table t
        WHERE t.edition_id = $1 AND t.active AND t.id <> ALL($3::uuid[])
          AND NOT EXISTS (SELECT 1 FROM forum_meeting mt
                           WHERE mt.slot_id = $2 AND mt.table_id = t.id AND mt.status <> 'CANCELLED')
        ORDER BY t.label LIMIT 1`,
      [editionId, slotId, lost],
    );
    return pick ? pick.id : null;
  }

  /** The first active table of the edition free in the slot. */
  async firstFreeTable(m: EntityManager, editionId: string, slotId: string): Promise<string | null> {
    const free = await m.query<{ id: string }[]>(
      `SELECT t.id FROM forum_table t
      WHERE t.edition_id = $1 AND t.active
        AND NOT EXISTS (SELECT 1 FROM forum_meeting mt
                         WHERE mt.slot_id = $2 AND mt.table_id = t.id AND mt.status <> 'CANCELLED')
      ORDER BY t.label LIMIT 1`,
      [editionId, slotId],
    );
    return free.length ? free[0].id : null;
  }

  /** Whether the edition has an active table. */
  async hasActiveTable(m: EntityManager, editionId: string): Promise<boolean> {
    const [{ any }] = await m.query<{ any: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM forum_table WHERE edition_id = $1 AND active) AS any`,
      [editionId],
    );
    return any;
  }

  /** Moves a meeting to a slot and table and pins it there. */
  async moveTo(m: EntityManager, meetingId: string, slotId: string, tableId: string | null): Promise<void> {
    await m.query(
      `UPDATE forum_meeting SET slot_id = $2, table_id = $3, pinned = true, updated_at = now() WHERE id = $1`,
      [meetingId, slotId, tableId],
    );
  }

  /**
   * Moves a meeting to a slot and table and pins it there, unless a concurrent write took that
   * table in the slot first (the unique index on slot and table): then the move is undone to a
   * savepoint, the transaction goes on, and the answer is false.
   */
  async moveUnlessTableTaken(
    m: EntityManager,
    meetingId: string,
    slotId: string,
    tableId: string | null,
  ): Promise<boolean> {
    await m.query('SAVEPOINT move_to_free_table');
    try {
      await this.moveTo(m, meetingId, slotId, tableId);
      await m.query('RELEASE SAVEPOINT move_to_free_table');
      return true;
    } catch (e) {
      const pg = pgError(e);
      if (!tableId || pg?.code !== '23505' || pg.constraint !== 'forum_meeting_table_slot_idx') throw e;
      await m.query('ROLLBACK TO SAVEPOINT move_to_free_table');
      return false;
    }
  }

  /** The delegates among `delegateIds` who declared they cannot attend the slot. */
  async unavailableIn(m: EntityManager, slotId: string, delegateIds: string[]): Promise<string[]> {
    const away = await m.query<{ delegate_id: string }[]>(
      `SELECT delegate_id FROM forum_delegate_unavailable WHERE slot_id = $1 AND delegate_id = ANY($2::uuid[])`,
      [slotId, delegateIds],
    );
    return away.map((a) => a.delegate_id);
  }

  /** A meeting's status and whether its slot (as published, else as drafted) has started, locked for update. */
  async lockStarted(
    m: EntityManager,
    meetingId: string,
  ): Promise<{ status: MeetingStatus; started: boolean } | null> {
    const [mt] = await m.query<{ status: MeetingStatus; started: boolean }[]>(
      `SELECT mt.status, s.starts_at <= now() AS started
           FROM forum_meeting mt JOIN forum_slot s ON s.id = coalesce(mt.published_slot_id, mt.slot_id)
          WHERE mt.id = $1 FOR UPDATE OF mt`,
      [meetingId],
    );
    return mt ?? null;
  }

  /**
   * Records an outcome for the participants of a meeting of `organizationId` (both when null);
   * each side reported for, with its earlier outcome.
   */
  async reportOutcome(
    m: EntityManager,
    report: {
      meetingId: string;
      organizationId: string | null;
      outcome: MeetingOutcome;
      note: string | null;
      reportedBy: string | null;
    },
  ): Promise<{ delegateId: string; before: MeetingOutcome | null }[]> {
    const rows = await returning<{ delegate_id: string; before: MeetingOutcome | null }>(
      m,
      `UPDATE forum_meeting_participant p
            SET outcome = $3, outcome_note = $4, outcome_reported_by = $5, outcome_reported_at = now()
           FROM forum_delegate d, (SELECT meeting_id, delegate_id, outcome FROM forum_meeting_participant
                                    WHERE meeting_id = $1 FOR UPDATE) old
          WHERE p.meeting_id = $1 AND d.id = p.delegate_id AND ($2::uuid IS NULL OR d.organization_id = $2)
            AND old.meeting_id = p.meeting_id AND old.delegate_id = p.delegate_id
          RETURNING p.delegate_id, old.outcome AS before`,
      [report.meetingId, report.organizationId, report.outcome, report.note, report.reportedBy],
    );
    return rows.map((r) => ({ delegateId: r.delegate_id, before: r.before }));
  }

  /** When each of the meetings last changed, by id. */
  async updatedAt(m: EntityManager, meetingIds: string[]): Promise<Map<string, Date>> {
    const rows = await m.query<{ id: string; updated_at: Date }[]>(
      `SELECT id, updated_at FROM forum_meeting WHERE id = ANY($1::uuid[])`,
      [meetingIds],
    );
    return new Map(rows.map((u) => [u.id, new Date(u.updated_at)]));
  }

  /** The meetings of an agenda in time order (slot start, table label, id), each with both sides. */
  async agenda(m: EntityManager, scope: AgendaScope): Promise<AgendaRow[]> {
    const params: unknown[] = [scope.editionId, scope.draft];
    let filter = '';
    if (scope.delegateId) {
      params.push(scope.delegateId);
      filter = `AND EXISTS (SELECT 1 FROM forum_meeting_participant x WHERE x.meeting_id = mt.id AND x.delegate_id = $3)`;
    } else if (scope.organizationId) {
      params.push(scope.organizationId);
      filter = `AND EXISTS (SELECT 1 FROM forum_meeting_participant x JOIN forum_delegate xd ON xd.id = x.delegate_id
                             WHERE x.meeting_id = mt.id AND xd.organization_id = $3)`;
    } else if (scope.tableId) {
      params.push(scope.tableId);
      filter = `AND (CASE WHEN $2 THEN mt.table_id ELSE mt.published_table_id END) = $3`;
    }
    const rows = await m.query<
      {
        id: string;
        uid: string;
        sequence: number;
        status: MeetingStatus;
        pinned: boolean;
        request_id: string | null;
        slot_id: string;
        position: number;
        starts_at: Date;
        ends_at: Date;
        timezone: string;
        table_id: string | null;
        table_label: string | null;
        people: MeetingSide[];
      }[]
    >(
      `SELECT mt.id, mt.uid, mt.sequence, mt.status, mt.pinned, mt.request_id,
              s.id AS slot_id, s.position, s.starts_at, s.ends_at, e.timezone,
              t.id AS table_id, t.label AS table_label,
              json_agg(json_build_object(
                'delegateId', d.id, 'name', d.name, 'organizationId', d.organization_id)
                ORDER BY (d.id = r.from_delegate_id) DESC, d.id) AS people
         FROM forum_meeting mt
         JOIN forum_edition e ON e.id = mt.edition_id
         JOIN forum_slot s ON s.id = (CASE WHEN $2 THEN mt.slot_id ELSE mt.published_slot_id END)
         LEFT JOIN forum_table t ON t.id = (CASE WHEN $2 THEN mt.table_id ELSE mt.published_table_id END)
         LEFT JOIN forum_meeting_request r ON r.id = mt.request_id
         JOIN forum_meeting_participant p ON p.meeting_id = mt.id
         JOIN forum_delegate d ON d.id = p.delegate_id
        WHERE mt.edition_id = $1
          AND (CASE WHEN $2 THEN mt.status <> 'CANCELLED' ELSE mt.published_slot_id IS NOT NULL END)
          ${filter}
        GROUP BY mt.id, s.id, t.id, e.timezone
        ORDER BY s.starts_at, t.label NULLS LAST, mt.id`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      uid: r.uid,
      sequence: r.sequence,
      status: r.status,
      pinned: r.pinned,
      requestId: r.request_id,
      slotId: r.slot_id,
      position: r.position,
      startsAt: new Date(r.starts_at),
      endsAt: new Date(r.ends_at),
      timezone: r.timezone,
      tableId: r.table_id,
      tableLabel: r.table_label,
      people: r.people,
    }));
  }

  /** How many meetings changed since the last publication, by kind, and how many delegates they touch. */
  async changeCounts(m: EntityManager, editionId: string, delegateId: string | null): Promise<ChangeCounts> {
    const [counts] = await m.query<ChangeCounts[]>(
      `WITH ch AS (${CHANGED})
       SELECT count(*) FILTER (WHERE kind = 'NEW')::int AS new,
              count(*) FILTER (WHERE kind = 'MOVED')::int AS moved,
              count(*) FILTER (WHERE kind = 'CANCELLED')::int AS cancelled,
              (SELECT count(DISTINCT p.delegate_id)::int FROM ch JOIN forum_meeting_participant p ON p.meeting_id = ch.id
                WHERE ${OF_DELEGATE}) AS delegates
         FROM ch WHERE ${OF_DELEGATE}`,
      [editionId, delegateId],
    );
    return counts;
  }

  /** One page of the changed meetings by draft slot position and id, after a (position, id) cursor. */
  async changes(
    m: EntityManager,
    q: {
      editionId: string;
      delegateId: string | null;
      kind: ScheduleChangeKind | null;
      after: { position: number; id: string } | null;
      limit: number;
    },
  ): Promise<ChangeRow[]> {
    const rows = await m.query<
      {
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
        people: MeetingSide[] | null;
      }[]
    >(
      `WITH ch AS (${CHANGED})
       SELECT ch.id, ch.kind, ch.request_id, s.id AS slot_id, s.position, s.starts_at,
              t.id AS table_id, t.label AS table_label,
              ps.id AS published_slot_id, ps.starts_at AS published_starts_at,
              pt.id AS published_table_id, pt.label AS published_table_label,
              (SELECT json_agg(json_build_object(
                        'delegateId', d.id, 'name', d.name, 'organizationId', d.organization_id)
                      ORDER BY (d.id = r.from_delegate_id) DESC, d.id)
                 FROM forum_meeting_participant p
                 JOIN forum_delegate d ON d.id = p.delegate_id
                WHERE p.meeting_id = ch.id) AS people
         FROM ch
         JOIN forum_slot s ON s.id = ch.slot_id
         LEFT JOIN forum_table t ON t.id = ch.table_id
         LEFT JOIN forum_slot ps ON ps.id = ch.published_slot_id
         LEFT JOIN forum_table pt ON pt.id = ch.published_table_id
         LEFT JOIN forum_meeting_request r ON r.id = ch.request_id
        WHERE ${OF_DELEGATE} AND ($3::text IS NULL OR ch.kind = $3)
          AND ($4::int IS NULL OR (s.position, ch.id) > ($4::int, $5::uuid))
        ORDER BY s.position, ch.id
        LIMIT $6`,
      [q.editionId, q.delegateId, q.kind, q.after?.position ?? null, q.after?.id ?? null, q.limit],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      requestId: r.request_id,
      slotId: r.slot_id,
      position: r.position,
      startsAt: new Date(r.starts_at),
      tableId: r.table_id,
      tableLabel: r.table_label,
      publishedSlotId: r.published_slot_id,
      publishedStartsAt: r.published_starts_at ? new Date(r.published_starts_at) : null,
      publishedTableId: r.published_table_id,
      publishedTableLabel: r.published_table_label,
      people: r.people,
    }));
  }

  /** Every delegate with a changed meeting, by name and id, with the number of changes. */
  async changedDelegates(m: EntityManager, editionId: string): Promise<ChangedDelegateRow[]> {
    const rows = await m.query<
      { delegate_id: string; name: string; organization_id: string; changes: number }[]
    >(
      `WITH ch AS (${CHANGED})
       SELECT d.id AS delegate_id, d.name, d.organization_id, count(*)::int AS changes
         FROM ch JOIN forum_meeting_participant p ON p.meeting_id = ch.id
         JOIN forum_delegate d ON d.id = p.delegate_id
        GROUP BY d.id ORDER BY d.name, d.id`,
      [editionId],
    );
    return rows.map((d) => ({
      delegateId: d.delegate_id,
      name: d.name,
      organizationId: d.organization_id,
      changes: d.changes,
    }));
  }

  /**
   * Publishes every live meeting of the edition whose draft place differs from what delegates were
   * shown (moved ones get the next SEQUENCE); the ids published.
   */
  async publishDraft(m: EntityManager, editionId: string): Promise<string[]> {
    const changed = await returning<{ id: string }>(
      m,
      `UPDATE forum_meeting
            SET status = 'PUBLISHED',
                sequence = sequence + CASE WHEN published_slot_id IS NULL THEN 0 ELSE 1 END,
                published_slot_id = slot_id, published_table_id = table_id, updated_at = now()
          WHERE edition_id = $1 AND status <> 'CANCELLED'
            AND (status = 'DRAFT' OR published_slot_id IS DISTINCT FROM slot_id
                 OR published_table_id IS DISTINCT FROM table_id)
          RETURNING id`,
      [editionId],
    );
    return changed.map((c) => c.id);
  }

  /** Deletes the edition's unpinned draft meetings; how many went. */
  async deleteUnpinnedDrafts(m: EntityManager, editionId: string): Promise<number> {
    const removed = await returning<{ id: string }>(
      m,
      `DELETE FROM forum_meeting WHERE edition_id = $1 AND status = 'DRAFT' AND NOT pinned RETURNING id`,
      [editionId],
    );
    return removed.length;
  }

  /** The edition's live meetings placed from a request. */
  async liveFromRequests(m: EntityManager, editionId: string): Promise<LiveMeeting[]> {
    const live = await m.query<
      {
        id: string;
        request_id: string;
        slot_id: string;
        table_id: string | null;
        status: MeetingStatus;
        pinned: boolean;
      }[]
    >(
      `SELECT id, request_id, slot_id, table_id, status, pinned FROM forum_meeting
            WHERE edition_id = $1 AND status <> 'CANCELLED' AND request_id IS NOT NULL`,
      [editionId],
    );
    return live.map((l) => ({
      id: l.id,
      requestId: l.request_id,
      slotId: l.slot_id,
      tableId: l.table_id,
      status: l.status,
      pinned: l.pinned,
    }));
  }

  /**
   * Moves live meetings to new places in the working schedule: every one leaves its old place
   * first, so two meetings can swap slots.
   */
  async moveMany(
    m: EntityManager,
    moves: { id: string; slotId: string; tableId: string | null }[],
  ): Promise<void> {
    if (!moves.length) return;
    await m.query(`UPDATE forum_meeting SET status = 'CANCELLED' WHERE id = ANY($1::uuid[])`, [
      moves.map((x) => x.id),
    ]);
    await m.query(
      `UPDATE forum_meeting mt SET status = 'PUBLISHED', slot_id = v.slot_id, table_id = v.table_id, updated_at = now()
               FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS v(id, slot_id, table_id)
              WHERE mt.id = v.id`,
      [moves.map((x) => x.id), moves.map((x) => x.slotId), moves.map((x) => x.tableId)],
    );
  }

  /** Inserts draft meetings of the edition with their two participants. */
  async insertDrafts(m: EntityManager, editionId: string, drafts: DraftMeeting[]): Promise<void> {
    if (!drafts.length) return;
    await m.query(
      `INSERT INTO forum_meeting (id, edition_id, request_id, slot_id, table_id, status, uid)
             SELECT v.id, $1, v.request_id, v.slot_id, v.table_id, 'DRAFT', v.uid
               FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[])
                    AS v(id, request_id, slot_id, table_id, uid)`,
      [
        editionId,
        drafts.map((x) => x.id),
        drafts.map((x) => x.requestId),
        drafts.map((x) => x.slotId),
        drafts.map((x) => x.tableId),
        drafts.map((x) => x.uid),
      ],
    );
    await m.query(
      `INSERT INTO forum_meeting_participant (meeting_id, delegate_id, slot_id, status)
             SELECT v.id, v.delegate_id, v.slot_id, 'DRAFT'
               FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS v(id, delegate_id, slot_id)`,
      [
        drafts.flatMap((x) => [x.id, x.id]),
        drafts.flatMap((x) => x.delegateIds),
        drafts.flatMap((x) => [x.slotId, x.slotId]),
      ],
    );
  }
}
