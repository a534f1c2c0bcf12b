import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { badInput } from './app-error.js';

/** The page-size bound every forward listing shares. */
export const MAX_PAGE = 100;

export interface Page<T> {
  items: T[];
  cursors: string[];
  hasNextPage: boolean;
}

/** Checks a requested page size against the bound every listing shares. */
export function checkPageSize(first: number, max = MAX_PAGE, path = 'first'): void {
  if (!Number.isInteger(first) || first < 1 || first > max)
    throw badInput([{ path, message: `must be between 1 and ${max}` }]);
}

/** Opaque cursor over (created_at, id), the order of every directory listing. */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

// Exactly what encodeCursor writes: a forged date outside PostgreSQL's range or a malformed id
// would otherwise reach the query and fail there.
const CURSOR =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const m = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const createdAt = new Date(m?.[1] ?? '');
  if (!m || Number.isNaN(createdAt.getTime())) return null;
  return { createdAt, id: m[2] };
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
