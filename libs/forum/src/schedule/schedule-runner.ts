import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, notFound } from '#platform';
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
import { ScheduleRunRepository } from './schedule-run.repository.js';
import { EditionRepository } from '../edition/edition.repository.js';
import { MeetingRepository, type DraftMeeting } from '../meeting/meeting.repository.js';
import { MeetingRequestRepository } from '../request/meeting-request.repository.js';

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
    private readonly runRows: ScheduleRunRepository,
    private readonly editions: EditionRepository,
    private readonly meetings: MeetingRepository,
    private readonly requests: MeetingRequestRepository,
    @Optional() private readonly events?: EventBus,
  ) {}

  async snapshot(editionId: string, m: EntityManager = this.db.manager): Promise<EditionSnapshot> {
    const edition = await m.findOneBy(ForumEditionEntity, { id: editionId });
    if (!edition) throw notFound('Forum edition', editionId);
    return { fairness: edition.fairness, ...(await this.runRows.snapshotOf(m, editionId)) };
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
    await this.runRows.start(this.db, { id: runId, editionId, allowMoves, attempt });
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
          await this.editions.lockExclusive(m, editionId);
          const removed = await this.meetings.deleteUnpinnedDrafts(m, editionId);
          const live = await this.meetings.liveFromRequests(m, editionId);
          const liveByRequest = new Map(live.map((l) => [l.requestId, l]));
          const accepted = await this.requests.acceptedAmong(m, editionId, [...built.requestOf.values()]);
          const acceptedById = new Map(accepted.map((a) => [a.id, a]));
          const inserts: DraftMeeting[] = [];
          const moves: { id: string; slotId: string; tableId: string | null }[] = [];
          for (const a of result.assignments) {
            const requestId = built.requestOf.get(a.meetingId);
            const req = requestId ? acceptedById.get(requestId) : undefined;
            if (!req) continue;
            const slotId = built.slotIds[a.slot];
            const tableId = a.table ?? null;
            const current = liveByRequest.get(req.id);
            if (!current) {
              const id = randomUUID();
              inserts.push({
                id,
                requestId: req.id,
                slotId,
                tableId,
                uid: meetingUid(id),
                delegateIds: [req.fromDelegateId, req.toDelegateId],
              });
            } else if (current.slotId !== slotId || current.tableId !== tableId) {
              if (current.pinned || (current.status === 'PUBLISHED' && !allowMoves)) continue;
              moves.push({ id: current.id, slotId, tableId });
            }
          }
          // Moved meetings leave their old places first, so two meetings can swap slots.
          await this.meetings.moveMany(m, moves);
          await this.meetings.insertDrafts(m, editionId, inserts);
          return { inserted: inserts.length, moved: moves.length, removedDrafts: removed };
        }),
      );
    } catch (e) {
      if (e instanceof AppError) throw e;
      return mapForumDbError(e);
    }
  }
}
