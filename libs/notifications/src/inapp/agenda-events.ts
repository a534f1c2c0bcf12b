import type { EntityManager } from 'typeorm';
import { afterCommit } from '../mail/after-commit.js';
import type { EventBus } from './event-bus.js';

/** What `agendaChanged` carries: which delegate's published agenda changed, and which meetings. */
export interface AgendaChangeEvent {
  delegateId: string;
  editionId: string;
  publishedVersion: number;
  meetingIds: string[];
  at: string;
}

export const agendaTopic = (delegateId: string) => `agenda:${delegateId}`;

/** Publishes each delegate's agenda change to its subscribers once `m`'s transaction commits. */
export function publishAgendaChanges(
  bus: EventBus | undefined,
  m: EntityManager,
  changes: Omit<AgendaChangeEvent, 'at'>[],
): void {
  if (!bus || !changes.length) return;
  afterCommit(m, () => {
    const at = new Date().toISOString();
    for (const c of changes) void bus.publish(agendaTopic(c.delegateId), { ...c, at });
  });
}
