import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

/** What `scheduleRunProgress` carries: where a scheduler run stands, about once a second. */
export interface ScheduleRunProgressEvent {
  runId: string;
  editionId: string;
  /** analysis, construct, search, exact, tables, done */
  phase: string;
  fraction: number;
  bestBreaks: number | null;
  lowerBound: number | null;
  unscheduledWeight: number | null;
  elapsedMs: number;
  at: string;
}

export const scheduleRunTopic = (runId: string) => `schedule-run:${runId}`;

@ObjectType({ description: 'Where a scheduler run stands: published by the worker about once a second' })
export class ScheduleRunProgress {
  @Field(() => ID, { description: 'The scheduler run' }) runId: string;
  @Field(() => ID, { description: 'The forum edition it schedules' }) editionId: string;
  @Field({ description: 'analysis, construct, search, exact, tables or done' }) phase: string;
  @Field(() => Float, { description: 'Share of the time budget used, 0 to 1' }) fraction: number;
  @Field(() => Int, { nullable: true, description: 'Breaks in the best schedule found so far' })
  bestBreaks: number | null;
  @Field(() => Int, { nullable: true, description: 'Lower bound on the breaks, when known' })
  lowerBound: number | null;
  @Field(() => Float, { nullable: true, description: 'Weight of the meetings not yet scheduled' })
  unscheduledWeight: number | null;
  @Field(() => Int, { description: 'Milliseconds since the run started' }) elapsedMs: number;
  @Field({ description: 'When the worker published this progress' }) at: Date;
}
