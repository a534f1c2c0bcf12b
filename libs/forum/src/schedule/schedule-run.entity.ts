import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * RETRYING: an attempt failed (`reason` says why) and the job will run again; FAILED only once no
 * attempt is left (or the input can never be scheduled).
 */
export const RUN_STATES = ['QUEUED', 'RUNNING', 'RETRYING', 'DONE', 'FAILED'] as const;
export type RunState = (typeof RUN_STATES)[number];
export const RUN_RESULTS = ['OPTIMAL', 'FEASIBLE', 'INFEASIBLE', 'UNKNOWN'] as const;
export type RunResult = (typeof RUN_RESULTS)[number];

export interface ScheduleRunSummary {
  requests: number;
  scheduled: number;
  unscheduled: { requestId: string; reason: string }[];
  totalBreaks: number;
  maxBreaks: number;
  minBreaks: number;
  tableChanges: number;
  moved: number;
  scheduledWeight: number;
  totalWeight: number;
  lowerBound: number | null;
  timeMs: number;
  method: string;
}

@Entity('forum_schedule_run')
export class ScheduleRunEntity {
  /** The BullMQ job id. */
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'uuid', name: 'edition_id' }) editionId: string;
  @Column({ type: 'boolean', name: 'allow_moves', default: false }) allowMoves: boolean;
  @Column({ type: 'text', default: 'QUEUED' }) state: RunState;
  @Column({ type: 'text', nullable: true }) result: RunResult | null;
  @Column({ type: 'real', default: 0 }) progress: number;
  @Column({ type: 'text', nullable: true }) phase: string | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  /** The attempt running, or the last one run (0 while queued), out of `maxAttempts`. */
  @Column({ type: 'int', default: 0 }) attempt: number;
  @Column({ type: 'int', name: 'max_attempts', default: 1 }) maxAttempts: number;
  @Column({ type: 'jsonb', nullable: true }) summary: ScheduleRunSummary | null;
  @Column({ type: 'uuid', name: 'requested_by', nullable: true }) requestedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', name: 'started_at', nullable: true }) startedAt: Date | null;
  @Column({ type: 'timestamptz', name: 'finished_at', nullable: true }) finishedAt: Date | null;
}
