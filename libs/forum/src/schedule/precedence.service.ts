import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, badInput, notFound, parseId } from '#platform';
import { AuditService } from '#identity';
import { MeetingRequestEntity } from '../request/request.entity.js';
import { audit, type Actor } from '../common/audit.js';
import { EditionRepository } from '../edition/edition.repository.js';
import { PrecedenceRepository, type MeetingPrecedence } from './precedence.repository.js';

export type { MeetingPrecedence } from './precedence.repository.js';

/**
 * Organisers' "A before B" rules: for a delegate taking part in both, the meeting of request A must
 * take an earlier slot than the meeting of request B. The scheduler receives them as precedences.
 */
@Injectable()
export class PrecedenceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly precedences: PrecedenceRepository,
    private readonly editions: EditionRepository,
    private readonly auditLog: AuditService,
  ) {}

  list(editionId: string): Promise<MeetingPrecedence[]> {
    return this.precedences.list(this.db.manager, parseId(editionId, 'editionId'));
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
      await this.editions.lockExclusive(m, a.editionId);
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
      const edges = await this.precedences.edges(m, a.editionId);
      if (reaches(edges, after, before))
        throw new AppError('CONFLICT', 'this rule would make a cycle of "before" rules', { reason: 'CYCLE' });
      await this.precedences.add(m, {
        editionId: a.editionId,
        delegateId: delegate,
        beforeRequestId: before,
        afterRequestId: after,
        createdBy: actor?.userId ?? null,
      });
      await audit(this.auditLog, m, actor, 'forum_precedence.add', 'meeting_request', after, null, {
        delegateId: delegate,
        beforeRequestId: before,
        afterRequestId: after,
      });
      return (await this.precedences.find(m, before, after))!;
    });
  }

  async remove(beforeRequestId: string, afterRequestId: string, actor: Actor = null): Promise<boolean> {
    const before = parseId(beforeRequestId, 'beforeRequestId');
    const after = parseId(afterRequestId, 'afterRequestId');
    return this.db.transaction(async (m) => {
      const delegateId = await this.precedences.remove(m, before, after);
      if (delegateId === null) return false;
      await audit(
        this.auditLog,
        m,
        actor,
        'forum_precedence.remove',
        'meeting_request',
        after,
        { delegateId, beforeRequestId: before, afterRequestId: after },
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
