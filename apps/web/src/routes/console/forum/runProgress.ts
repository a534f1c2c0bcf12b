import { useEffect, useState } from 'react';
import { documentText, requestState } from '../../../api/client';
import { SCHEDULE_RUN_PROGRESS, type RunProgress } from '../../../api/consoleForum';

const socketUrl = () => {
  const url = new URL('/graphql', globalThis.location.origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
};

/**
 * A scheduler run's progress as the worker publishes it (`scheduleRunProgress`, about once a
 * second) over the api's graphql-ws endpoint; null until the first report. `live` says whether the
 * subscription is open, so the page can poll the run while it is not.
 */
export function useRunProgress(
  runId: string | null,
  active: boolean,
): { progress: RunProgress | null; live: boolean } {
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [live, setLive] = useState(false);
  useEffect(() => {
    setProgress(null);
    if (!runId || !active || typeof WebSocket === 'undefined') return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    void import('graphql-ws').then(({ createClient }) => {
      if (cancelled) return;
      const client = createClient({
        url: socketUrl(),
        connectionParams: () =>
          requestState.accessToken ? { authorization: `Bearer ${requestState.accessToken}` } : {},
        retryAttempts: 5,
        on: { connected: () => setLive(true), closed: () => setLive(false) },
      });
      const unsubscribe = client.subscribe<{ scheduleRunProgress: RunProgress }>(
        { query: documentText(SCHEDULE_RUN_PROGRESS), variables: { runId } },
        {
          next: ({ data }) => data && setProgress(data.scheduleRunProgress),
          error: () => setLive(false),
          complete: () => undefined,
        },
      );
      stop = () => {
        unsubscribe();
        void client.dispose();
      };
    });
    return () => {
      cancelled = true;
      stop?.();
      setLive(false);
    };
  }, [runId, active]);
  return { progress, live };
}
