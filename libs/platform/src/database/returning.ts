/** Anything that runs SQL: a DataSource, an EntityManager or a QueryRunner. */
interface Runs {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Rows of an UPDATE or DELETE … RETURNING: TypeORM's Postgres driver answers those with
 * `[rows, affectedCount]` rather than the rows themselves (INSERT and SELECT give rows).
 */
export async function returning<T>(db: Runs, sql: string, params: unknown[]): Promise<T[]> {
  const result = await db.query(sql, params);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  )
    return result[0] as T[];
  return result as T[];
}
