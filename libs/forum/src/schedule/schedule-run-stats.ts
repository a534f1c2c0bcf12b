import {
  SCHEDULE_RUN_STATES,
  ScheduleRunRepository,
  type ScheduleRunState,
} from './schedule-run.repository.js';

export { SCHEDULE_RUN_STATES };

/** Anything that runs SQL: a DataSource, an EntityManager or a QueryRunner. */
interface Runs {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** How many scheduling runs are in each state (0 for a state with none). */
export function scheduleRunCountsByState(db: Runs): Promise<{ state: ScheduleRunState; n: number }[]> {
  return new ScheduleRunRepository().countsByState(db);
}
