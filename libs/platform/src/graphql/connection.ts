import type { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { badInput, type FieldProblem } from './app-error.js';
import { PageInfo } from './page-info.js';

/**
 * Cursor connections read by keyset over (a timestamp, the id): each page is one index range
 * read, whatever its depth, and rows inserted meanwhile neither repeat nor shift a page.
 */

/** The Relay arguments of a connection: `first`/`after` forward, `last`/`before` backward. */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** The paging arguments every keyset connection takes. */
@ArgsType()
export class ConnectionPageArgs implements ConnectionArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, reading forward (the default, 100 items)' })
  first?: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'endCursor of the previous page: read the items after it',
  })
  after?: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Page size, reading backward from the end or from `before`',
  })
  last?: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'startCursor of the next page: read the items before it',
  })
  before?: string | null;
}

/** A row's place in the listing: its timestamp as PostgreSQL text with microseconds (UTC), and its id. */
export interface KeysetPosition {
  at: string;
  id: string;
}

/** The validated request for one page. */
export interface KeysetSlice {
  size: number;
  after: KeysetPosition | null;
  before: KeysetPosition | null;
  /** `last` was given: the page is the end of the range, read in reverse. */
  backward: boolean;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * SQL for a row's keyset timestamp, exact to the microsecond (a JavaScript Date keeps only the
 * millisecond, which would skip or repeat rows created within one).
 */
export const keysetAtSql = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const PREFIX = 'k1|';
const POSITION =
  /^k1\|(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function encodeKeysetCursor(p: KeysetPosition): string {
  return Buffer.from(`${PREFIX}${p.at}|${p.id}`).toString('base64url');
}

export function decodeKeysetCursor(cursor: string): KeysetPosition | null {
  if (cursor.length > 200) return null;
  const m = POSITION.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m || Number.isNaN(new Date(m[1]).getTime())) return null;
  return { at: m[1], id: m[2] };
}

/**
 * Checks the arguments of a connection: at most one of `first` and `last`, each between 1 and
 * `max`, cursors this API wrote. Without either size, the page holds `defaultSize` items.
 * Every problem is refused as BAD_USER_INPUT naming the argument.
 */
export function sliceOf(args: ConnectionArgs, opts: { max: number; defaultSize?: number }): KeysetSlice {
  const problems: FieldProblem[] = [];
  const size = (value: number | null | undefined, path: string): number | null => {
    if (value === null || value === undefined) return null;
    if (!Number.isInteger(value) || value < 1 || value > opts.max)
      problems.push({ path, message: `must be between 1 and ${opts.max}` });
    return value;
  };
  const first = size(args.first, 'first');
  const last = size(args.last, 'last');
  if (first !== null && last !== null)
    problems.push({ path: 'last', message: 'give either first or last, not both' });
  const position = (value: string | null | undefined, path: string): KeysetPosition | null => {
    if (value === null || value === undefined) return null;
    const p = decodeKeysetCursor(value);
    if (!p) problems.push({ path, message: 'is not a cursor returned by this connection' });
    return p;
  };
  const after = position(args.after, 'after');
  const before = position(args.before, 'before');
  if (problems.length) throw badInput(problems);
  const backward = last !== null;
  return { size: last ?? first ?? Math.min(opts.defaultSize ?? opts.max, opts.max), after, before, backward };
}

/**
 * The WHERE conditions and ORDER BY (read `direction` on both columns) of one page of a listing sorted `order` on (`atColumn`,
 * `idColumn`). `param` registers a value and returns its placeholder (`$3`, `:k0`, …).
 * Fetch `limit` rows (one more than the page, to know whether more follow).
 */
export function keysetSql(
  slice: KeysetSlice,
  cols: { at: string; id: string },
  order: 'ASC' | 'DESC',
  param: (value: string) => string,
): { where: string[]; direction: 'ASC' | 'DESC'; orderBy: string; limit: number } {
  const where: string[] = [];
  const bound = (op: '<' | '>', p: KeysetPosition) =>
    where.push(
      `(${cols.at}, ${cols.id}) ${op} (CAST(${param(p.at)} AS timestamptz), CAST(${param(p.id)} AS uuid))`,
    );
  if (slice.after) bound(order === 'ASC' ? '>' : '<', slice.after);
  if (slice.before) bound(order === 'ASC' ? '<' : '>', slice.before);
  const read = slice.backward ? (order === 'ASC' ? 'DESC' : 'ASC') : order;
  return { where, direction: read, orderBy: `${cols.at} ${read}, ${cols.id} ${read}`, limit: slice.size + 1 };
}

/** The connection of rows fetched with `keysetSql` (in its read order, up to `limit` rows). */
export function connectionOf<T>(
  rows: readonly T[],
  slice: KeysetSlice,
  positionOf: (row: T) => KeysetPosition,
  totalCount: number,
): Connection<T> {
  const more = rows.length > slice.size;
  const page = rows.slice(0, slice.size);
  if (slice.backward) page.reverse();
  const edges = page.map((node) => ({ cursor: encodeKeysetCursor(positionOf(node)), node }));
  return {
    edges,
    nodes: page,
    totalCount,
    pageInfo: {
      hasNextPage: slice.backward ? Boolean(slice.before) : more,
      hasPreviousPage: slice.backward ? more : Boolean(slice.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * The GraphQL types of a connection of `node`: `<name>Edge` and the fields of `<name>Connection`
 * (extend the result and decorate it with `@ObjectType('<name>Connection', …)`).
 */
export function ConnectionType<T>(node: Type<T>, name: string, plural: string) {
  @ObjectType(`${name}Edge`, { description: `One of a page of ${plural}, with its cursor` })
  class EdgeType {
    @Field({ description: 'Opaque position of this item, for `after` or `before`' }) cursor: string;
    @Field(() => node, { description: 'The item' }) node: T;
  }
  @ObjectType({ isAbstract: true })
  abstract class ConnectionBase {
    @Field(() => [EdgeType], { description: `The ${plural} of this page, each with its cursor` })
    edges: EdgeType[];
    @Field(() => [node], { description: `The ${plural} of this page, without cursors` }) nodes: T[];
    @Field(() => PageInfo, { description: 'Whether more precede or follow, and the cursors to ask for them' })
    pageInfo: PageInfo;
    @Field(() => Int, { description: `How many ${plural} match the filters, over all pages` })
    totalCount: number;
  }
  return ConnectionBase;
}
