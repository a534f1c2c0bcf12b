import type { EntityManager } from 'typeorm';
import { afterCommit } from '../mail/after-commit.js';
import type { EventBus } from './event-bus.js';

/** What `meetingRequestChanged` carries: the request's ids and its new status, never its message. */
export interface MeetingRequestEvent {
  requestId: string;
  editionId: string;
  fromOrganizationId: string;
  toOrganizationId: string;
  status: string;
  /** created, accept, decline, cancel */
  action: string;
  at: string;
}

export const meetingRequestTopic = (editionId: string) => `meeting-request:${editionId}`;

/** Publishes a meeting request's change to the edition's subscribers once `m`'s transaction commits. */
export function publishMeetingRequestChange(
  bus: EventBus | undefined,
  m: EntityManager,
  event: Omit<MeetingRequestEvent, 'at'>,
): void {
  if (!bus) return;
  afterCommit(
    m,
    () => void bus.publish(meetingRequestTopic(event.editionId), { ...event, at: new Date().toISOString() }),
  );
}
