import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, badInput, notFound, parseId, returning } from '#platform';
import { AuditService } from '#identity';
import { MeetingRequestEntity } from '../request/request.entity.js';
import { audit, type Actor } from '../common/audit.js';

export interface MeetingPrecedence {
  editionId: string;
  delegateId: string;
  beforeRequestId: string;
  afterRequestId: string;
  createdAt: Date;
}

const COLUMNS = `edition_id AS "editionId", delegate_id AS "delegateId", before_request_id AS "beforeRequestId",
                 after_request_id AS "afterRequestId", created_at AS "createdAt"`;

/**
 * Organisers' "A before B" rules: for a delegate taking part in both, the meeting of request A must
 * take an earlier slot than the meeting of request B. The scheduler receives them as precedences.
 */
@Injectable()
export class PrecedenceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly auditLog: AuditService,
  ) {}

  list(editionId: string): Promise<MeetingPrecedence[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM forum_request_precedence WHERE edition_id = $1 ORDER BY created_at, before_request_id`,
      [parseId(editionId, 'editionId')],
    );
  }

  /**
   * Adds "before, then after". The delegate is the one the two requests share (given, or found when
   * there is exactly one); a rule that would close a cycle is refused, since no schedule could obey it.
   */
  async add(
    beforeRequestId: string,
    afterRequestId: string,
    delegateId: string | null,
    actor: Actor = null,
  ): Promise<MeetingPrecedence> {
    const before = parseId(beforeRequestId, 'beforeRequestId');
    const after = parseId(afterRequestId, 'afterRequestId');
    if (before === after)
      throw badInput([{ path: 'afterRequestId', message: 'a request cannot come before itself' }]);
    return this.db.transaction(async (m) => {
      const [a, b] = await Promise.all([
        m.findOneBy(MeetingRequestEntity, { id: before }),
        m.findOneBy(MeetingRequestEntity, { id: after }),
      ]);
      if (!a) throw notFound('Meeting request', before);
      if (!b) throw notFound('Meeting request', after);
      if (a.editionId !== b.editionId)
        throw badInput([{ path: 'afterRequestId', message: 'belongs to another edition' }]);
      // Serialise rule changes of one edition, so two additions cannot build a cycle together.
      await m.query(`SELECT id FROM forum_edition WHERE id = $1 FOR UPDATE`, [a.editionId]);
      for (const r of [a, b])
        if (r.status !== 'PENDING' && r.status !== 'ACCEPTED')
          throw new AppError('CONFLICT', `request ${r.id} is ${r.status.toLowerCase()}`, {
            status: r.status,
          });
      const sideA = [a.fromDelegateId, a.toDelegateId].filter((x): x is string => !!x);
      const shared = [b.fromDelegateId, b.toDelegateId].filter((x): x is string => !!x && sideA.includes(x));
      let delegate: string;
      if (delegateId) {
        delegate = parseId(delegateId, 'delegateId');
        if (!shared.includes(delegate))
          throw badInput([{ path: 'delegateId', message: 'does not take part in both requests' }]);
      } else if (shared.length === 1) delegate = shared[0];
      else
        throw badInput([
          {
            path: 'delegateId',
            message: shared.length
              ? 'name the delegate the rule is for'
              : 'the two requests share no delegate',
          },
        ]);
      const edges = await m.query<{ b: string; a: string }[]>(
        `SELECT before_request_id AS b, after_request_id AS a FROM forum_request_precedence WHERE edition_id = $1`,
        [a.editionId],
      );
      if (reaches(edges, after, before))
        throw new AppError('CONFLICT', 'this rule would make a cycle of "before" rules', { reason: 'CYCLE' });
      await m.query(
        `INSERT INTO forum_request_precedence (edition_id, delegate_id, before_request_id, after_request_id, created_by)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (before_request_id, after_request_id) DO NOTHING`,
        [a.editionId, delegate, before, after, actor?.userId ?? null],
      );
      await audit(this.auditLog, m, actor, 'forum_precedence.add', 'meeting_request', after, null, {
        delegateId: delegate,
        beforeRequestId: before,
        afterRequestId: after,
      });
      const [row] = await m.query<MeetingPrecedence[]>(
        `SELECT ${COLUMNS} FROM forum_request_precedence WHERE before_request_id = $1 AND after_request_id = $2`,
        [before, after],
      );
      return row;
    });
  }

  async remove(beforeRequestId: string, afterRequestId: string, actor: Actor = null): Promise<boolean> {
    const before = parseId(beforeRequestId, 'beforeRequestId');
    const after = parseId(afterRequestId, 'afterRequestId');
    return this.db.transaction(async (m) => {
      const rows = await returning<{ delegate_id: string }>(
        m,
        `DELETE FROM forum_request_precedence WHERE before_request_id = $1 AND after_request_id = $2
         RETURNING delegate_id`,
        [before, after],
      );
      if (!rows.length) return false;
      await audit(
        this.auditLog,
        m,
        actor,
        'forum_precedence.remove',
        'meeting_request',
        after,
        { delegateId: rows[0].delegate_id, beforeRequestId: before, afterRequestId: after },
        null,
      );
      return true;
    });
  }
}

/** Whether `to` can be reached from `from` along before → after edges. */
function reaches(edges: { b: string; a: string }[], from: string, to: string): boolean {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.b, [...(next.get(e.b) ?? []), e.a]);
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length) {
    const x = stack.pop()!;
    if (x === to) return true;
    for (const y of next.get(x) ?? [])
      if (!seen.has(y)) {
        seen.add(y);
        stack.push(y);
      }
  }
  return false;
}
