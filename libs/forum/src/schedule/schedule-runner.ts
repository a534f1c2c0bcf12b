import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, notFound, returning } from '#platform';
import { EventBus, scheduleRunTopic, type ScheduleRunProgressEvent } from '#notifications';
import {
  scheduleMeetings,
  SchedulerInputError,
  type SchedulerProgress,
  type SchedulerResult,
} from '../scheduler/index.js';
import { buildSchedulerInput, type BuiltInput, type EditionSnapshot } from './build-input.js';
import { ScheduleRunEntity, type ScheduleRunSummary } from './schedule-run.entity.js';
import { ForumEditionEntity } from '../edition/edition.entity.js';
import { mapForumDbError, retryOnDeadlock } from '../common/db-errors.js';
import { meetingUid } from '../meeting/meeting.service.js';
import type { RunAttempt } from './forum-queue.js';

export interface PersistOutcome {
  inserted: number;
  moved: number;
  removedDrafts: number;
}

/**
 * One scheduler run for an edition: load what is accepted, available and fixed; solve with the pure
 * scheduler under a time limit; write the result as the draft schedule in one transaction.
 */
@Injectable()
export class ScheduleRunner {
  private readonly logger = new Logger(ScheduleRunner.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Optional() private readonly events?: EventBus,
  ) {}

  async snapshot(editionId: string, m: EntityManager = this.db.manager): Promise<EditionSnapshot> {
    const edition = await m.findOneBy(ForumEditionEntity, { id: editionId });
    if (!edition) throw notFound('Forum edition', editionId);
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
    return { fairness: edition.fairness, slots, tables, delegates, requests, meetings, precedences };
  }

  /**
   * Runs the scheduler for `runId` and writes the draft; the run row records state, progress and
   * result. When this attempt fails and `attempt` says another will follow, the run is RETRYING
   * with the reason (no finish time); it is FAILED only after the last attempt, or at once when
   * the input itself is wrong (no retry can help).
   */
  async run(
    runId: string,
    editionId: string,
    allowMoves: boolean,
    timeLimitMs: number,
    onProgress?: (p: SchedulerProgress) => void,
    attempt: RunAttempt = { attempt: 1, of: 1 },
  ): Promise<ScheduleRunEntity> {
    const runs = this.db.getRepository(ScheduleRunEntity);
    await this.db.query(
      `INSERT INTO forum_schedule_run (id, edition_id, allow_moves, state, started_at, attempt, max_attempts)
       VALUES ($1, $2, $3, 'RUNNING', now(), $4, $5)
       ON CONFLICT (id) DO UPDATE SET state = 'RUNNING', started_at = now(), finished_at = NULL,
                                      reason = NULL, attempt = $4, max_attempts = $5`,
      [runId, editionId, allowMoves, attempt.attempt, attempt.of],
    );
    let lastWrite = 0;
    let writing: Promise<unknown> = Promise.resolve();
    // Live progress for `scheduleRunProgress`: at most one event a second, and the last one.
    const started = Date.now();
    let lastEvent = 0;
    const publish = (p: SchedulerProgress, force = false) => {
      const now = Date.now();
      if (!this.events || (!force && now - lastEvent < 1000)) return;
      lastEvent = now;
      const event: ScheduleRunProgressEvent = {
        runId,
        editionId,
        phase: p.phase,
        fraction: p.fraction,
        bestBreaks: p.bestBreaks,
        lowerBound: p.lowerBound,
        unscheduledWeight: p.unscheduledWeight,
        elapsedMs: now - started,
        at: new Date(now).toISOString(),
      };
      void this.events.publish(scheduleRunTopic(runId), event);
    };
    let latest: SchedulerProgress | null = null;
    const progress = (p: SchedulerProgress) => {
      onProgress?.(p);
      latest = p;
      publish(p);
      const now = Date.now();
      if (now - lastWrite < 500) return;
      lastWrite = now;
      writing = writing
        .then(() => runs.update({ id: runId }, { progress: p.fraction, phase: p.phase }))
        .catch(() => undefined);
    };
    try {
      const built = buildSchedulerInput(await this.snapshot(editionId), allowMoves);
      const result = await scheduleMeetings(built.input, {
        ...built.options,
        timeLimitMs,
        onProgress: progress,
      });
      await writing;
      const summary = this.summary(built, result);
      if (result.status === 'INFEASIBLE') {
        await runs.update(
          { id: runId },
          {
            state: 'DONE',
            result: 'INFEASIBLE',
            reason: result.reason ?? null,
            summary,
            progress: 1,
            finishedAt: new Date(),
          },
        );
      } else {
        await this.persist(editionId, built, result, allowMoves);
        await runs.update(
          { id: runId },
          {
            state: 'DONE',
            result: result.status,
            reason: result.reason ?? null,
            summary,
            progress: 1,
            phase: 'done',
            finishedAt: new Date(),
          },
        );
      }
      publish(
        {
          fraction: 1,
          phase: 'done',
          bestBreaks: (latest as SchedulerProgress | null)?.bestBreaks ?? null,
          lowerBound: (latest as SchedulerProgress | null)?.lowerBound ?? null,
          unscheduledWeight: (latest as SchedulerProgress | null)?.unscheduledWeight ?? null,
        },
        true,
      );
      this.logger.log(
        { runId, editionId, status: result.status, scheduled: summary.scheduled, ms: result.stats.timeMs },
        'schedule run finished',
      );
    } catch (e) {
      await writing;
      const reason = (e instanceof Error ? e.message : String(e)).slice(0, 1000);
      const retrying = attempt.attempt < attempt.of && !(e instanceof SchedulerInputError);
      await runs.update(
        { id: runId },
        retrying
          ? { state: 'RETRYING', reason, finishedAt: null }
          : { state: 'FAILED', reason, finishedAt: new Date() },
      );
      this.logger.warn(
        { runId, editionId, attempt: attempt.attempt, of: attempt.of, err: reason },
        retrying ? 'schedule run attempt failed; retrying' : 'schedule run failed',
      );
      throw e;
    }
    return runs.findOneByOrFail({ id: runId });
  }

  private summary(built: BuiltInput, r: SchedulerResult): ScheduleRunSummary {
    const requests = [...built.requestOf.keys()];
    return {
      requests: requests.length,
      scheduled: r.assignments.filter((a) => built.requestOf.has(a.meetingId)).length,
      unscheduled: r.unscheduled
        .filter((u) => built.requestOf.has(u.meetingId))
        .slice(0, 500)
        .map((u) => ({ requestId: u.meetingId, reason: u.reason })),
      totalBreaks: r.totalBreaks,
      maxBreaks: r.maxBreaks,
      minBreaks: r.minBreaks,
      tableChanges: r.tableChanges,
      moved: r.moved,
      scheduledWeight: r.scheduledWeight,
      totalWeight: r.totalWeight,
      lowerBound: r.lowerBound,
      timeMs: r.stats.timeMs,
      method: r.stats.method,
    };
  }

  /**
   * Replaces the edition's draft in one transaction: unpinned drafts go, new drafts come in, and
   * (with `allowMoves`) published meetings move to their new place, which delegates see once the
   * schedule is published. Requests cancelled since the run started are skipped. A manual booking
   * that took a slot meanwhile makes the whole write fail with SLOT_TAKEN (the job then retries).
   */
  async persist(
    editionId: string,
    built: BuiltInput,
    result: Pick<SchedulerResult, 'assignments'>,
    allowMoves: boolean,
  ): Promise<PersistOutcome> {
    try {
      return await retryOnDeadlock(() =>
        this.db.transaction(async (m) => {
          // Exclusive: meeting writes hold this row in share mode (lockEditionMeetings) until they commit.
          await m.query(`SELECT id FROM forum_edition WHERE id = $1 FOR UPDATE`, [editionId]);
          const removed = await returning<{ id: string }>(
            m,
            `DELETE FROM forum_meeting WHERE edition_id = $1 AND status = 'DRAFT' AND NOT pinned RETURNING id`,
            [editionId],
          );
          const live = await m.query<
            {
              id: string;
              request_id: string;
              slot_id: string;
              table_id: string | null;
              status: string;
              pinned: boolean;
            }[]
          >(
            `SELECT id, request_id, slot_id, table_id, status, pinned FROM forum_meeting
            WHERE edition_id = $1 AND status <> 'CANCELLED' AND request_id IS NOT NULL`,
            [editionId],
          );
          const liveByRequest = new Map(live.map((l) => [l.request_id, l]));
          const accepted = await m.query<{ id: string; from_delegate_id: string; to_delegate_id: string }[]>(
            `SELECT id, from_delegate_id, to_delegate_id FROM forum_meeting_request
            WHERE edition_id = $1 AND status = 'ACCEPTED' AND id = ANY($2::uuid[])`,
            [editionId, [...built.requestOf.values()]],
          );
          const acceptedById = new Map(accepted.map((a) => [a.id, a]));
          const inserts: {
            id: string;
            requestId: string;
            slotId: string;
            tableId: string | null;
            a: string;
            b: string;
          }[] = [];
          const moves: { id: string; slotId: string; tableId: string | null }[] = [];
          for (const a of result.assignments) {
            const requestId = built.requestOf.get(a.meetingId);
            const req = requestId ? acceptedById.get(requestId) : undefined;
            if (!req) continue;
            const slotId = built.slotIds[a.slot];
            const tableId = a.table ?? null;
            const current = liveByRequest.get(req.id);
            if (!current) {
              inserts.push({
                id: randomUUID(),
                requestId: req.id,
                slotId,
                tableId,
                a: req.from_delegate_id,
                b: req.to_delegate_id,
              });
            } else if (current.slot_id !== slotId || current.table_id !== tableId) {
              if (current.pinned || (current.status === 'PUBLISHED' && !allowMoves)) continue;
              moves.push({ id: current.id, slotId, tableId });
            }
          }
          if (moves.length) {
            // Moved meetings leave their old places first, so two meetings can swap slots.
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
          if (inserts.length) {
            await m.query(
              `INSERT INTO forum_meeting (id, edition_id, request_id, slot_id, table_id, status, uid)
             SELECT v.id, $1, v.request_id, v.slot_id, v.table_id, 'DRAFT', v.uid
               FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[])
                    AS v(id, request_id, slot_id, table_id, uid)`,
              [
                editionId,
                inserts.map((x) => x.id),
                inserts.map((x) => x.requestId),
                inserts.map((x) => x.slotId),
                inserts.map((x) => x.tableId),
                inserts.map((x) => meetingUid(x.id)),
              ],
            );
            await m.query(
              `INSERT INTO forum_meeting_participant (meeting_id, delegate_id, slot_id, status)
             SELECT v.id, v.delegate_id, v.slot_id, 'DRAFT'
               FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS v(id, delegate_id, slot_id)`,
              [
                inserts.flatMap((x) => [x.id, x.id]),
                inserts.flatMap((x) => [x.a, x.b]),
                inserts.flatMap((x) => [x.slotId, x.slotId]),
              ],
            );
          }
          return { inserted: inserts.length, moved: moves.length, removedDrafts: removed.length };
        }),
      );
    } catch (e) {
      if (e instanceof AppError) throw e;
      return mapForumDbError(e);
    }
  }
}
