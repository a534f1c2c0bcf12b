import { useEffect, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { documentText, requestState } from '../../api/client';
import { NOTIFICATION_ADDED, type Notification } from '../../api/inboxLive';

/*
 * Notifications as they happen, through the api's graphql-ws endpoint (`notificationAdded`, the
 * access token in the connection parameters). While the socket is down the inbox queries poll
 * instead (POLL_MS); either way every query under the 'inbox' key is refreshed on news.
 */

export const POLL_MS = 30_000;

let connected = false;
const listeners = new Set<() => void>();
function setConnected(next: boolean) {
  if (connected === next) return;
  connected = next;
  for (const l of listeners) l();
}

/** Whether the notification socket is open: the inbox queries poll only while it is not. */
export function useLiveConnected(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => connected,
    () => false,
  );
}

/** The refetch interval for an inbox query: none while notifications arrive live. */
export const pollInterval = (live: boolean): number | false => (live ? false : POLL_MS);

const socketUrl = () => {
  const url = new URL('/graphql', globalThis.location.origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
};

/** Opens the notification stream while a user is signed in (mounted once, by the bell in the header). */
export function useNotificationStream(userId: string | null, onNotification?: (n: Notification) => void) {
  const queries = useQueryClient();
  useEffect(() => {
    if (!userId || typeof WebSocket === 'undefined') return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    // graphql-ws is loaded on sign-in only, so the first load of public pages does not grow.
    void import('graphql-ws').then(({ createClient }) => {
      if (cancelled) return;
      const client = createClient({
        url: socketUrl(),
        connectionParams: () =>
          requestState.accessToken ? { authorization: `Bearer ${requestState.accessToken}` } : {},
        retryAttempts: Infinity,
        shouldRetry: () => true,
        on: {
          connected: () => setConnected(true),
          closed: () => setConnected(false),
        },
      });
      const unsubscribe = client.subscribe<{ notificationAdded: Notification }>(
        { query: documentText(NOTIFICATION_ADDED) },
        {
          next: ({ data }) => {
            void queries.invalidateQueries({ queryKey: ['inbox'] });
            if (data?.notificationAdded) onNotification?.(data.notificationAdded);
          },
          error: () => setConnected(false),
          complete: () => undefined,
        },
      );
      stop = () => {
        unsubscribe();
        void client.dispose();
        setConnected(false);
      };
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [userId, queries, onNotification]);
}
