import type { Notification } from '../../api/inbox';

/** Where a notification leads: the page of what it is about (the same routes as its mail). */
export type NotificationTarget =
  | { to: '/requests/contact' }
  | { to: '/requests/meetings/$requestId'; params: { requestId: string } }
  | { to: '/requests/meetings' }
  | { to: '/o/$id'; params: { id: string } }
  | { to: '/agenda/$edition'; params: { edition: string } }
  | { to: '/agenda' }
  | { to: '/searches' }
  | { to: '/notifications' };

/** The kinds the interface has a sentence for; any other reads as a generic notice. */
export const KNOWN_KINDS = [
  'contact-request',
  'contact-request-accepted',
  'contact-request-declined',
  'contact-request-expired',
  'meeting-request',
  'meeting-request-accepted',
  'meeting-request-declined',
  'meeting-request-cancelled',
  'meeting-request-expired',
  'organization-approved',
  'organization-rejected',
  'agenda-changed',
  'saved-search-alert',
] as const;
export type KnownKind = (typeof KNOWN_KINDS)[number];

export const isKnownKind = (kind: string): kind is KnownKind =>
  (KNOWN_KINDS as readonly string[]).includes(kind);

export function payloadOf(n: Pick<Notification, 'payload'>): Record<string, string> {
  return Object.fromEntries(n.payload.map((p) => [p.name, p.value]));
}

export function notificationTarget(n: Pick<Notification, 'kind' | 'payload'>): NotificationTarget {
  const p = payloadOf(n);
  if (n.kind.startsWith('contact-request')) return { to: '/requests/contact' };
  if (n.kind.startsWith('meeting-request')) {
    const requestId = p.meetingRequestId ?? p.requestId;
    return requestId
      ? { to: '/requests/meetings/$requestId', params: { requestId } }
      : { to: '/requests/meetings' };
  }
  if (n.kind.startsWith('organization-') && p.organizationId)
    return { to: '/o/$id', params: { id: p.organizationId } };
  if (n.kind === 'agenda-changed' || n.kind === 'meeting-reminder')
    return p.editionId ? { to: '/agenda/$edition', params: { edition: p.editionId } } : { to: '/agenda' };
  if (n.kind === 'saved-search-alert') return { to: '/searches' };
  return { to: '/notifications' };
}
