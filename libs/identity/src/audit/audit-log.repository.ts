import { Injectable } from '@nestjs/common';
import type { Runs } from '../runs.js';

/** One entry of the audit log as written: the fields that changed and their values (JSON text). */
export interface AuditLogInsert {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  fields: string[];
  before: string | null;
  after: string | null;
  requestId: string | null;
}

/** One entry of the audit log as read. */
export interface AuditLogRow {
  id: string;
  at: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  fields: string[];
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** Filters of a page of the audit log, newest first; `before` is the id the page starts below. */
export interface AuditLogFilter {
  entityType: string | null;
  entityId: string | null;
  actorId: string | null;
  before: string | null;
}

/** The SQL of `audit_log`. */
@Injectable()
export class AuditLogRepository {
  async insert(m: Runs, e: AuditLogInsert): Promise<void> {
    await m.query(
      `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, fields, before, after, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [e.actorId, e.action, e.entityType, e.entityId, e.fields, e.before, e.after, e.requestId],
    );
  }

  /** Up to `limit` entries matching the filter, newest (highest id) first. */
  async page(db: Runs, filter: AuditLogFilter, limit: number): Promise<AuditLogRow[]> {
    const rows = await db.query<
      {
        id: string;
        at: Date;
        actor_id: string | null;
        action: string;
        entity_type: string;
        entity_id: string;
        fields: string[];
        before: unknown;
        after: unknown;
        request_id: string | null;
      }[]
    >(
      `SELECT id, at, actor_id, action, entity_type, entity_id, fields, before, after, request_id FROM audit_log
       WHERE ($1::text IS NULL OR entity_type = $1) AND ($2::text IS NULL OR entity_id = $2)
         AND ($3::uuid IS NULL OR actor_id = $3) AND ($4::bigint IS NULL OR id < $4)
       ORDER BY id DESC LIMIT $5`,
      [filter.entityType, filter.entityId, filter.actorId, filter.before, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      fields: r.fields,
      before: r.before,
      after: r.after,
      requestId: r.request_id,
    }));
  }
}
