import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { badInput } from '#platform';
import { decodeCursor, encodeCursor } from './common.types.js';

export const MAX_PAGE = 100;

export interface Page<T> {
  items: T[];
  cursors: string[];
  hasNextPage: boolean;
}

/** Checks a requested page size against the bound every listing shares. */
export function checkPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
    throw badInput([{ path: 'first', message: `must be between 1 and ${MAX_PAGE}` }]);
}

/** One page of a listing in (created_at, id) order, after an opaque cursor from a previous page. */
export async function paginate<T extends ObjectLiteral & { createdAt: Date; id: string }>(
  qb: SelectQueryBuilder<T>,
  first: number,
  after: string | null | undefined,
): Promise<Page<T>> {
  checkPageSize(first);
  const a = qb.alias;
  if (after) {
    const c = decodeCursor(after);
    if (!c) throw badInput([{ path: 'after', message: 'is not a cursor returned by this API' }]);
    qb.andWhere(
      new Brackets((w) =>
        w
          .where(`${a}.created_at > :at`, { at: c.createdAt })
          .orWhere(`${a}.created_at = :at AND ${a}.id > :aid`, { aid: c.id }),
      ),
    );
  }
  const rows = await qb
    .orderBy(`${a}.created_at`, 'ASC')
    .addOrderBy(`${a}.id`, 'ASC')
    .limit(first + 1)
    .getMany();
  const items = rows.slice(0, first);
  return {
    items,
    cursors: items.map((o) => encodeCursor(o.createdAt, o.id)),
    hasNextPage: rows.length > first,
  };
}
