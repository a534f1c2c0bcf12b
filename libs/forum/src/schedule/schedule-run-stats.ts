/** Anything that runs SQL: a DataSource, an EntityManager or a QueryRunner. */
interface Runs {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** The states of a scheduling run. */
export const SCHEDULE_RUN_STATES = ['QUEUED', 'RUNNING', 'RETRYING', 'DONE', 'FAILED'] as const;

/** How many scheduling runs are in each state (0 for a state with none). */
export function scheduleRunCountsByState(
  db: Runs,
): Promise<{ state: (typeof SCHEDULE_RUN_STATES)[number]; n: number }[]> {
  return db.query(
    `SELECT s.state, count(r.id)::int AS n
       FROM unnest($1::text[]) AS s(state)
       LEFT JOIN forum_schedule_run r ON r.state = s.state
      GROUP BY s.state`,
    [SCHEDULE_RUN_STATES],
  ) as Promise<{ state: (typeof SCHEDULE_RUN_STATES)[number]; n: number }[]>;
}
