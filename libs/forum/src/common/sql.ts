import type { EntityManager } from 'typeorm';

/**
 * Rows of an UPDATE or DELETE … RETURNING: TypeORM's Postgres driver answers those with
 * `[rows, rowCount]` instead of the rows themselves.
 */
export async function changedRows<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const res = (await m.query(sql, params)) as unknown;
  if (Array.isArray(res) && res.length === 2 && Array.isArray(res[0]) && typeof res[1] === 'number')
    return res[0] as T[];
  return res as T[];
}
