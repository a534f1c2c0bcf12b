import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { badInput, notFound, parseId } from '#platform';
import { ForumEditionEntity } from '../edition/edition.entity.js';
import { AuditService } from '#identity';
import { audit } from '../common/audit.js';
import { ScheduleRunEntity } from './schedule-run.entity.js';
import { FORUM_JOB_OPTIONS, FORUM_JOBS, FORUM_QUEUE, type ScheduleEditionJobData } from './forum-queue.js';

/** Longest scheduler run an organiser may ask for (the worker's job lock outlasts it). */
export const MAX_TIME_LIMIT_SECONDS = 300;

/** Asks the worker for a schedule and reports on the runs. */
/** scheduleRuns is a bounded list, an edition's newest this many runs (older ones only matter by id). */
export const SCHEDULE_RUNS_LISTED = 50;

@Injectable()
export class ScheduleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(FORUM_QUEUE) private readonly queue: Queue,
    private readonly auditLog: AuditService,
  ) {}

  async enqueue(
    rawEditionId: string,
    allowMoves: boolean,
    timeLimitSeconds: number,
    userId: string | null,
  ): Promise<ScheduleRunEntity> {
    const editionId = parseId(rawEditionId, 'editionId');
    if (
      !Number.isInteger(timeLimitSeconds) ||
      timeLimitSeconds < 1 ||
      timeLimitSeconds > MAX_TIME_LIMIT_SECONDS
    )
      throw badInput([
        {
          path: 'timeLimitSeconds',
          message: `must be a whole number of seconds from 1 to ${MAX_TIME_LIMIT_SECONDS}`,
        },
      ]);
    const edition = await this.db.getRepository(ForumEditionEntity).findOneBy({ id: editionId });
    if (!edition) throw notFound('Forum edition', editionId);
    const runId = randomUUID();
    const run = await this.db.transaction(async (m) => {
      const saved = await m.save(ScheduleRunEntity, {
        id: runId,
        editionId,
        allowMoves,
        state: 'QUEUED',
        requestedBy: userId,
      } as ScheduleRunEntity);
      await audit(
        this.auditLog,
        m,
        userId ? { userId } : null,
        'forum_schedule_run.create',
        'forum_edition',
        editionId,
        null,
        { runId, allowMoves, timeLimitSeconds },
      );
      return saved;
    });
    const data: ScheduleEditionJobData = {
      editionId,
      runId,
      allowMoves,
      timeLimitMs: timeLimitSeconds * 1000,
    };
    await this.queue.add(FORUM_JOBS.scheduleEdition, data, { ...FORUM_JOB_OPTIONS.schedule, jobId: runId });
    return run;
  }

  async run(rawId: string): Promise<ScheduleRunEntity> {
    const run = await this.db.getRepository(ScheduleRunEntity).findOneBy({ id: String(rawId).slice(0, 100) });
    if (!run) throw notFound('Schedule run', rawId);
    return run;
  }

  runs(editionId: string): Promise<ScheduleRunEntity[]> {
    return this.db.getRepository(ScheduleRunEntity).find({
      where: { editionId: parseId(editionId, 'editionId') },
      order: { createdAt: 'DESC' },
      take: SCHEDULE_RUNS_LISTED,
    });
  }
}
