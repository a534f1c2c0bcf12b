import { useEffect, useMemo, useState } from 'react';
import { Alert } from '@mantine/core';
import { IconWifiOff } from '@tabler/icons-react';
import { toApiError } from '../api/client';
import { useSession } from '../auth/session';
import { offlineCopy, saveRequests, type StoredRequests } from './requestStore';

/** Whether the browser says it has no network (kept current through the online and offline events). */
function useBrowserOffline(): boolean {
  const [off, setOff] = useState(() => globalThis.navigator?.onLine === false);
  useEffect(() => {
    const on = () => setOff(false);
    const down = () => setOff(true);
    window.addEventListener('online', on);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', down);
    };
  }, []);
  return off;
}

/**
 * A request list as the page shows it: the api's answer when there is one (stored for later), else,
 * when the api is out of reach (no network, the session could not be resumed, or the read failed
 * with NETWORK), the copy stored the last time it was read online. `offline` says the actions
 * cannot be sent.
 */
export function useStoredList<T>(
  list: string,
  items: T[] | undefined,
  error: unknown,
): { stored: StoredRequests<T> | null; offline: boolean } {
  const { me, offline: sessionOffline } = useSession();
  const browserOffline = useBrowserOffline();
  const failed = !!error && toApiError(error).code === 'NETWORK';
  const offline = sessionOffline || browserOffline || failed;
  const userId = me?.id ?? null;
  useEffect(() => {
    if (userId && items) saveRequests(userId, list, items);
  }, [userId, list, items]);
  const stored = useMemo(
    () => (items ? null : offlineCopy<T>(userId, list, offline)),
    [userId, list, items, offline],
  );
  return { stored, offline };
}

/** The notice above a stored copy: offline, and when the list was read. */
export function StoredCopyNotice({ text }: { text: string }) {
  return (
    <Alert color="yellow" icon={<IconWifiOff size={18} aria-hidden />} data-testid="requests-offline">
      {text}
    </Alert>
  );
}
