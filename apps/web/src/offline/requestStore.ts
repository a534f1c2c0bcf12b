/**
 * The last contact and meeting requests loaded, kept in localStorage per list (received, sent, one
 * edition's…) so the request pages still show them offline, as the agenda does (forum/agendaStore.ts;
 * the service worker caches the app itself). A copy belongs to the user who loaded it: another
 * signed-in user never sees it, and sign-out clears every copy. The items are whatever the page
 * shows (the api's request nodes), capped so that a long list cannot fill the storage.
 */

export interface StoredRequests<T> {
  userId: string;
  /** When the list was loaded from the api (ISO 8601). */
  savedAt: string;
  items: T[];
  /** True when the list had more items than were kept (the page says the copy is partial). */
  truncated: boolean;
}

/** The most items kept per list. */
export const MAX_STORED_REQUESTS = 200;

const PREFIX = 'tashbik.requests.';

/** Stores the list `list` (e.g. 'contact:received') as loaded now for `userId`. */
export function saveRequests<T>(userId: string, list: string, items: T[], now: Date = new Date()): void {
  const stored: StoredRequests<T> = {
    userId,
    savedAt: now.toISOString(),
    items: items.slice(0, MAX_STORED_REQUESTS),
    truncated: items.length > MAX_STORED_REQUESTS,
  };
  try {
    localStorage.setItem(PREFIX + list, JSON.stringify(stored));
  } catch {
    // Storage full or refused: the list is then not available offline.
  }
}

/** The stored copy of a list for this user, or null (none, another user's, or unreadable). */
export function loadRequests<T>(userId: string, list: string): StoredRequests<T> | null {
  try {
    const raw = localStorage.getItem(PREFIX + list);
    if (!raw) return null;
    const stored = JSON.parse(raw) as StoredRequests<T>;
    return stored.userId === userId && Array.isArray(stored.items) ? stored : null;
  } catch {
    return null;
  }
}

/**
 * The copy a page shows instead of the api's answer: with a session, the user's own copy when the
 * api is out of reach; with no session because the network is down (the session cannot be resumed
 * offline), the copy this browser stored last, whoever loaded it (sign-out erases every copy).
 * Null while the api answers.
 */
export function offlineCopy<T>(
  userId: string | null,
  list: string,
  unreachable: boolean,
): StoredRequests<T> | null {
  if (!unreachable) return null;
  if (userId) return loadRequests<T>(userId, list);
  try {
    const raw = localStorage.getItem(PREFIX + list);
    if (!raw) return null;
    const stored = JSON.parse(raw) as StoredRequests<T>;
    return typeof stored.userId === 'string' && Array.isArray(stored.items) ? stored : null;
  } catch {
    return null;
  }
}

/** Forgets every stored list (at sign-out). */
export function clearRequests(): void {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  } catch {
    // Nothing stored.
  }
}
