import { isUuid } from '#platform';

/*
 * The cursor of a page of badges: the (delegate name, delegate id) of the page's last badge, the
 * order the badges are listed in. The next page starts after that pair, so badges registered or
 * withdrawn between two pages shift nothing (an offset would skip or repeat a badge).
 * `b1.<base64url of the JSON pair>`.
 */

const PREFIX = 'b1.';

/** A badge position in the listing order. */
export interface BadgeKey {
  name: string;
  id: string;
}

export function badgeCursor(key: BadgeKey): string {
  return PREFIX + Buffer.from(JSON.stringify([key.name, key.id]), 'utf8').toString('base64url');
}

/** The position a cursor names, or null when it is not one this api wrote. */
export function readBadgeCursor(cursor: string): BadgeKey | null {
  if (!cursor.startsWith(PREFIX) || cursor.length > 2000) return null;
  let pair: unknown;
  try {
    pair = JSON.parse(Buffer.from(cursor.slice(PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(pair) || pair.length !== 2) return null;
  const [name, id] = pair as unknown[];
  return typeof name === 'string' && isUuid(id) ? { name, id } : null;
}
