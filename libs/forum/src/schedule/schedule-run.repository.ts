import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EditionSnapshot } from './build-input.js';
import type { RunAttempt } from './forum-queue.js';

/** Runs SQL: a DataSource, an EntityManager or a QueryRunner. */
interface Runs {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** The states of a scheduling run. */
export const SCHEDULE_RUN_STATES = ['QUEUED', 'RUNNING', 'RETRYING', 'DONE', 'FAILED'] as const;
export type ScheduleRunState = (typeof SCHEDULE_RUN_STATES)[number];

/** SQL of scheduling runs (forum_schedule_run) and of what a run reads of its edition. */
@Injectable()
export class ScheduleRunRepository {
  /** Marks a run RUNNING for this attempt, creating its row when the run was not queued through the api. */
  async start(
    db: Runs,
    run: { id: string; editionId: string; allowMoves: boolean; attempt: RunAttempt },
  ): Promise<void> {
    await db.query(
      `INSERT INTO forum_schedule_run (id, edition_id, allow_moves, state, started_at, attempt, max_attempts)
       VALUES ($1, $2, $3, 'RUNNING', now(), $4, $5)
       ON CONFLICT (id) DO UPDATE SET state = 'RUNNING', started_at = now(), finished_at = NULL,
                                      reason = NULL, attempt = $4, max_attempts = $5`,
      [run.id, run.editionId, run.allowMoves, run.attempt.attempt, run.attempt.of],
    );
  }

  /** How many scheduling runs are in each state (0 for a state with none). */
  countsByState(db: Runs): Promise<{ state: ScheduleRunState; n: number }[]> {
    return db.query(
      `SELECT s.state, count(r.id)::int AS n
       FROM unnest($1::text[]) AS s(state)
       LEFT JOIN forum_schedule_run r ON r.state = s.state
      GROUP BY s.state`,
      [SCHEDULE_RUN_STATES],
    ) as Promise<{ state: ScheduleRunState; n: number }[]>;
  }

  /**
   * What the scheduler needs of an edition besides its fairness: meeting slots, active tables,
   * registered delegates with their unavailabilities, accepted requests between registered
   * delegates, live meetings and the organisers' precedences.
   */
  async snapshotOf(m: EntityManager, editionId: string): Promise<Omit<EditionSnapshot, 'fairness'>> {
    const [slots, tables, delegates, requests, meetings, precedences] = await Promise.all([
      m.query<EditionSnapshot['slots']>(
        `SELECT id, session FROM forum_slot WHERE edition_id = $1 AND NOT is_break ORDER BY position`,
        [editionId],
      ),
      m.query<EditionSnapshot['tables']>(
        `SELECT id, organization_id AS "organizationId" FROM forum_table WHERE edition_id = $1 AND active ORDER BY label`,
        [editionId],
      ),
      m.query<EditionSnapshot['delegates']>(
        `SELECT d.id, d.organization_id AS "organizationId",
                coalesce(array_agg(u.slot_id) FILTER (WHERE u.slot_id IS NOT NULL), '{}') AS "unavailableSlotIds"
           FROM forum_delegate d LEFT JOIN forum_delegate_unavailable u ON u.delegate_id = d.id
          WHERE d.edition_id = $1 AND d.status = 'REGISTERED'
          GROUP BY d.id ORDER BY d.id`,
        [editionId],
      ),
      m.query<EditionSnapshot['requests']>(
        `SELECT r.id, r.from_delegate_id AS "fromDelegateId", r.to_delegate_id AS "toDelegateId",
                r.priority, r.session
           FROM forum_meeting_request r
           JOIN forum_delegate a ON a.id = r.from_delegate_id AND a.status = 'REGISTERED'
           JOIN forum_delegate b ON b.id = r.to_delegate_id AND b.status = 'REGISTERED'
          WHERE r.edition_id = $1 AND r.status = 'ACCEPTED'
          ORDER BY r.created_at, r.id`,
        [editionId],
      ),
      m.query<EditionSnapshot['meetings']>(
        `SELECT mt.id, mt.request_id AS "requestId", mt.slot_id AS "slotId", mt.table_id AS "tableId",
                mt.status, mt.pinned, array_agg(p.delegate_id ORDER BY p.delegate_id) AS "delegateIds"
           FROM forum_meeting mt JOIN forum_meeting_participant p ON p.meeting_id = mt.id
          WHERE mt.edition_id = $1 AND mt.status <> 'CANCELLED'
          GROUP BY mt.id`,
        [editionId],
      ),
      m.query<NonNullable<EditionSnapshot['precedences']>>(
        `SELECT before_request_id AS "beforeRequestId", after_request_id AS "afterRequestId"
           FROM forum_request_precedence WHERE edition_id = $1 ORDER BY created_at, before_request_id`,
        [editionId],
      ),
    ]);
    return { slots, tables, delegates, requests, meetings, precedences };
  }
}
