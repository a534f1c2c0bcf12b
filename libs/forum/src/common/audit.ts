import type { EntityManager } from 'typeorm';
import type { AuditEntry, AuditService } from '#identity';

/** Who made a change, for the audit log: a viewer, a bare user id, or null for the system. */
export type Actor = AuditEntry['actor'];

/** Plain, JSON-friendly copy of an entity for the audit log (dates as ISO strings). */
export function snapshot(o: object | null | undefined): Record<string, unknown> | null {
  if (!o) return null;
  return JSON.parse(JSON.stringify(o)) as Record<string, unknown>;
}

/** Records one forum change in the caller's transaction. */
export function audit(
  service: AuditService,
  m: EntityManager,
  actor: Actor | undefined,
  action: string,
  entityType: string,
  entityId: string,
  before: object | null | undefined,
  after: object | null | undefined,
): Promise<void> {
  return service.record(m, {
    actor: actor ?? null,
    action,
    entityType,
    entityId,
    before: snapshot(before),
    after: snapshot(after),
  });
}
