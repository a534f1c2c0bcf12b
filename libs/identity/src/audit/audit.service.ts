import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { currentRequestId } from '#platform';
import type { Viewer } from '../viewer.js';
import { AuditLogRepository, type AuditLogFilter, type AuditLogRow } from './audit-log.repository.js';

export interface AuditEntry {
  /** The user who made the change; null for the system (imports, jobs, expiry). */
  actor: Viewer | { userId: string } | null;
  /** What happened, e.g. `organization.update`, `membership.remove`. */
  action: string;
  entityType: string;
  entityId: string;
  /** The entity before and after; only fields that differ are stored. Omit for creations or deletions. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /**
   * Record which fields changed but not their values: for data private to an organisation that
   * the log's readers (admins) must not see, such as a financier's screening criteria.
   */
  valuesWithheld?: boolean;
}

/** Fields never written to the audit log, whatever the entity. */
const SECRET_FIELDS = new Set(['passwordHash', 'password_hash', 'password', 'tokenHash', 'token_hash']);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields that differ, with their values before and after (secrets left out). */
export function diff(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): { fields: string[]; before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (k) => !SECRET_FIELDS.has(k) && !['version', 'updatedAt', 'updated_at'].includes(k),
  );
  const fields = keys.filter((k) => !same(before?.[k], after?.[k])).sort();
  const pick = (o: Record<string, unknown> | null | undefined) =>
    o ? Object.fromEntries(fields.filter((k) => k in o).map((k) => [k, o[k]])) : null;
  return { fields, before: pick(before), after: pick(after) };
}

/** The audit log: who changed what, when, written in the transaction of the change itself. */
@Injectable()
export class AuditService {
  constructor(private readonly log: AuditLogRepository = new AuditLogRepository()) {}

  async record(m: EntityManager, entry: AuditEntry): Promise<void> {
    const d = diff(entry.before, entry.after);
    if (entry.before && entry.after && d.fields.length === 0) return;
    await this.log.insert(m, {
      actorId: entry.actor?.userId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      fields: d.fields,
      before: d.before && !entry.valuesWithheld ? JSON.stringify(d.before) : null,
      after: d.after && !entry.valuesWithheld ? JSON.stringify(d.after) : null,
      requestId: currentRequestId() ?? null,
    });
  }

  /** Up to `limit` entries of the log matching the filter, newest first (on any connection). */
  page(db: Pick<EntityManager, 'query'>, filter: AuditLogFilter, limit: number): Promise<AuditLogRow[]> {
    return this.log.page(db, filter, limit);
  }
}
