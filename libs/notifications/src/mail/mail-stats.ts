/** Anything that runs SQL: a DataSource, an EntityManager or a QueryRunner. */
interface Runs {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** Mail states worth watching: waiting to be sent (PENDING, SENDING) or given up on (FAILED). */
export const WATCHED_MAIL_STATES = ['PENDING', 'SENDING', 'FAILED'] as const;

/** How many mails of the outbox are in each watched state (0 for a state with none). */
export function mailCountsByStatus(
  db: Runs,
): Promise<{ status: (typeof WATCHED_MAIL_STATES)[number]; n: number }[]> {
  return db.query(
    `SELECT s.status, count(m.id)::int AS n
       FROM unnest($1::text[]) AS s(status)
       LEFT JOIN mail_outbox m ON m.status = s.status
      GROUP BY s.status`,
    [WATCHED_MAIL_STATES],
  ) as Promise<{ status: (typeof WATCHED_MAIL_STATES)[number]; n: number }[]>;
}
