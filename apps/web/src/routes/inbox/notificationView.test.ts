// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isKnownKind, notificationTarget } from './notificationView';

const n = (kind: string, payload: Record<string, string>) => ({
  kind,
  payload: Object.entries(payload).map(([name, value]) => ({ name, value })),
});

describe('notificationTarget', () => {
  it('sends contact notices to the contact inbox', () => {
    expect(notificationTarget(n('contact-request-accepted', { contactRequestId: 'c1' }))).toEqual({
      to: '/requests/contact',
    });
  });
  it('sends a meeting notice to its request, whichever id name the payload uses', () => {
    expect(notificationTarget(n('meeting-request', { meetingRequestId: 'm1', editionId: 'e' }))).toEqual({
      to: '/requests/meetings/$requestId',
      params: { requestId: 'm1' },
    });
    expect(notificationTarget(n('meeting-request-declined', { requestId: 'm2' }))).toEqual({
      to: '/requests/meetings/$requestId',
      params: { requestId: 'm2' },
    });
    expect(notificationTarget(n('meeting-request-expired', {}))).toEqual({ to: '/requests/meetings' });
  });
  it('sends reviews to the organisation, agendas to the edition, alerts to the saved searches', () => {
    expect(notificationTarget(n('organization-rejected', { organizationId: 'o1' }))).toEqual({
      to: '/o/$id',
      params: { id: 'o1' },
    });
    expect(notificationTarget(n('agenda-changed', { editionId: 'e1' }))).toEqual({
      to: '/agenda/$edition',
      params: { edition: 'e1' },
    });
    expect(notificationTarget(n('saved-search-alert', { savedSearchId: 's' }))).toEqual({ to: '/searches' });
  });
  it('keeps an unknown kind on the notifications page', () => {
    expect(notificationTarget(n('something-new', { organizationId: 'o1' }))).toEqual({
      to: '/notifications',
    });
    expect(isKnownKind('something-new')).toBe(false);
    expect(isKnownKind('contact-request')).toBe(true);
  });
});
