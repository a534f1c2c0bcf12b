import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { returning } from '#platform';

/** An organisers' rule: for the delegate, the meeting of `beforeRequestId` takes an earlier slot than that of `afterRequestId`. */
export interface MeetingPrecedence {
  editionId: string;
  delegateId: string;
  beforeRequestId: string;
  afterRequestId: string;
  createdAt: Date;
}

const COLUMNS = `edition_id AS "editionId", delegate_id AS "delegateId", before_request_id AS "beforeRequestId",
                 after_request_id AS "afterRequestId", created_at AS "createdAt"`;

/** SQL of the organisers' "A before B" rules (forum_request_precedence). */
@Injectable()
export class PrecedenceRepository {
  /** The edition's rules, oldest first. */
  list(m: EntityManager, editionId: string): Promise<MeetingPrecedence[]> {
    return m.query(
      `SELECT ${COLUMNS} FROM forum_request_precedence WHERE edition_id = $1 ORDER BY created_at, before_request_id`,
      [editionId],
    );
  }

  /** The edition's rules as before → after edges. */
  edges(m: EntityManager, editionId: string): Promise<{ b: string; a: string }[]> {
    return m.query(
      `SELECT before_request_id AS b, after_request_id AS a FROM forum_request_precedence WHERE edition_id = $1`,
      [editionId],
    );
  }

  /** Adds a rule unless the same pair already has one. */
  async add(
    m: EntityManager,
    rule: Omit<MeetingPrecedence, 'createdAt'> & { createdBy: string | null },
  ): Promise<void> {
    await m.query(
      `INSERT INTO forum_request_precedence (edition_id, delegate_id, before_request_id, after_request_id, created_by)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (before_request_id, after_request_id) DO NOTHING`,
      [rule.editionId, rule.delegateId, rule.beforeRequestId, rule.afterRequestId, rule.createdBy],
    );
  }

  /** The rule between two requests, if any. */
  async find(
    m: EntityManager,
    beforeRequestId: string,
    afterRequestId: string,
  ): Promise<MeetingPrecedence | null> {
    const [row] = await m.query<MeetingPrecedence[]>(
      `SELECT ${COLUMNS} FROM forum_request_precedence WHERE before_request_id = $1 AND after_request_id = $2`,
      [beforeRequestId, afterRequestId],
    );
    return row ?? null;
  }

  /** Removes the rule between two requests; the delegate it was for, or null when there was none. */
  async remove(m: EntityManager, beforeRequestId: string, afterRequestId: string): Promise<string | null> {
    const rows = await returning<{ delegate_id: string }>(
      m,
      `DELETE FROM forum_request_precedence WHERE before_request_id = $1 AND after_request_id = $2
         RETURNING delegate_id`,
      [beforeRequestId, afterRequestId],
    );
    return rows.length ? rows[0].delegate_id : null;
  }
}
