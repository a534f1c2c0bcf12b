import { useEffect, useRef, useState } from 'react';
import type { Client } from 'graphql-ws';
import { documentText, requestState } from '../../../../api/client';
import { DESK_AGENDA_CHANGED, DESK_REQUEST_CHANGED } from '../../../../api/consoleDesk';

/*
 * The venue desk's board, live: one graphql-ws connection to the api, subscribed to the edition's
 * `meetingRequestChanged` (walk-ins booked, requests cancelled, at any desk or by any member) and to
 * `agendaChanged` of each delegate on the board (a publication or a cancellation that moves them).
 * Every event calls `onChange`; `live` says whether the connection is open, so the board polls only
 * while it is not.
 */

/** At most this many delegates followed one by one: a round of 150 tables seats 300. */
export const MAX_FOLLOWED = 400;

const socketUrl = () => {
  const url = new URL('/graphql', globalThis.location.origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
};

export function useDeskLive(editionId: string, delegateIds: string[], onChange: () => void): boolean {
  const [client, setClient] = useState<Client | null>(null);
  const [live, setLive] = useState(false);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    if (typeof WebSocket === 'undefined') return;
    let cancelled = false;
    let opened: Client | null = null;
    // graphql-ws loads with the desk only.
    void import('graphql-ws').then(({ createClient }) => {
      if (cancelled) return;
      opened = createClient({
        url: socketUrl(),
        connectionParams: () =>
          requestState.accessToken ? { authorization: `Bearer ${requestState.accessToken}` } : {},
        retryAttempts: Infinity,
        shouldRetry: () => true,
        on: { connected: () => setLive(true), closed: () => setLive(false) },
      });
      setClient(opened);
    });
    return () => {
      cancelled = true;
      setClient(null);
      setLive(false);
      void opened?.dispose();
    };
  }, []);

  useEffect(() => {
    if (!client) return;
    return client.subscribe(
      { query: documentText(DESK_REQUEST_CHANGED), variables: { editionId } },
      { next: () => changed.current(), error: () => undefined, complete: () => undefined },
    );
  }, [client, editionId]);

  const followed = [...new Set(delegateIds)].sort().slice(0, MAX_FOLLOWED).join(' ');
  useEffect(() => {
    if (!client || !followed) return;
    const stops = followed
      .split(' ')
      .map((delegateId) =>
        client.subscribe(
          { query: documentText(DESK_AGENDA_CHANGED), variables: { delegateId } },
          { next: () => changed.current(), error: () => undefined, complete: () => undefined },
        ),
      );
    return () => stops.forEach((stop) => stop());
  }, [client, followed]);

  return live;
}
