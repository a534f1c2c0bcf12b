import { isUuid } from '#platform';

/*
 * The cursor of a page of the follow-up list: the position of the page's last meeting in the list's
 * order (its stage rank, furthest first, then its start to the microsecond, then its id). The next
 * page starts after it, so a meeting whose stage changes between two pages moves in the list
 * without shifting the others (an offset would skip or repeat one).
 * `f1.<base64url of the JSON [rank, start, id]>`.
 */

const PREFIX = 'f1.';
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A meeting's position in the follow-up list. */
export interface FollowUpKey {
  /** 1-based position of its stage in the stage order. */
  rank: number;
  /** Its start, `YYYY-MM-DDTHH:MM:SS.ffffffZ`. */
  startsAt: string;
  id: string;
}

export function followUpCursor(key: FollowUpKey): string {
  return PREFIX + Buffer.from(JSON.stringify([key.rank, key.startsAt, key.id]), 'utf8').toString('base64url');
}

/** The position a cursor names, or null when it is not one this api wrote. */
export function readFollowUpCursor(cursor: string): FollowUpKey | null {
  if (!cursor.startsWith(PREFIX) || cursor.length > 200) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor.slice(PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 3) return null;
  const [rank, startsAt, id] = value as unknown[];
  if (typeof rank !== 'number' || !Number.isInteger(rank) || rank < 1 || rank > 100) return null;
  if (typeof startsAt !== 'string' || !INSTANT.test(startsAt) || !isUuid(id)) return null;
  return { rank, startsAt, id };
}
