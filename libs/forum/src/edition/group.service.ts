import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { badInput, notFound, parseId, parseInput } from '#platform';
import { ForumGroupEntity, ForumGroupRuleEntity } from '../registration/registration.entity.js';
import { ForumEditionEntity } from './edition.entity.js';
import { groupSchema } from './edition.schema.js';
import { withForumErrors } from '../common/db-errors.js';
import { AuditService } from '#identity';
import { audit, snapshot, type Actor } from '../common/audit.js';

/** Groups one group may be allowed to meet: an edition has a handful, never hundreds. */
const MAX_RULE_GROUPS = 100;

/** Delegate groups, their quotas and who-may-meet-whom rules. */
@Injectable()
export class GroupService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly auditLog: AuditService,
  ) {}

  list(editionId: string): Promise<ForumGroupEntity[]> {
    return this.db
      .getRepository(ForumGroupEntity)
      .find({ where: { editionId: parseId(editionId, 'editionId') }, order: { code: 'ASC' } });
  }

  rules(editionId: string): Promise<ForumGroupRuleEntity[]> {
    return this.db
      .getRepository(ForumGroupRuleEntity)
      .find({ where: { editionId: parseId(editionId, 'editionId') } });
  }

  async create(
    editionId: string,
    input: Record<string, unknown>,
    actor: Actor = null,
  ): Promise<ForumGroupEntity> {
    const id = parseId(editionId, 'editionId');
    const data = parseInput(groupSchema, input);
    return withForumErrors(() =>
      this.db.transaction(async (m) => {
        if (!(await m.existsBy(ForumEditionEntity, { id }))) throw notFound('Forum edition', id);
        const saved = await m.save(ForumGroupEntity, m.create(ForumGroupEntity, { ...data, editionId: id }));
        await audit(this.auditLog, m, actor, 'forum_group.create', 'forum_group', saved.id, null, saved);
        return saved;
      }),
    );
  }

  async update(
    input: { id: string } & Record<string, unknown>,
    actor: Actor = null,
  ): Promise<ForumGroupEntity> {
    const { id: rawId, ...changes } = input;
    const id = parseId(rawId, 'input.id');
    return withForumErrors(() =>
      this.db.transaction(async (m) => {
        const current = await m.findOne(ForumGroupEntity, {
          where: { id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!current) throw notFound('Group', id);
        const before = snapshot(current);
        const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
        const merged = parseInput(groupSchema, {
          code: current.code,
          name: current.name,
          maxMeetings: current.maxMeetings,
          maxRequests: current.maxRequests,
          ...given,
        });
        m.merge(ForumGroupEntity, current, merged);
        const saved = await m.save(ForumGroupEntity, current);
        await audit(this.auditLog, m, actor, 'forum_group.update', 'forum_group', id, before, saved);
        return saved;
      }),
    );
  }

  /**
   * Replaces the groups a group may meet. An empty list lifts the restriction: the group then meets
   * anyone whose own group allows it.
   */
  async setRules(
    groupId: string,
    mayMeetGroupIds: string[],
    actor: Actor = null,
  ): Promise<ForumGroupRuleEntity[]> {
    const id = parseId(groupId, 'groupId');
    if (mayMeetGroupIds.length > MAX_RULE_GROUPS)
      throw badInput([{ path: 'mayMeetGroupIds', message: `at most ${MAX_RULE_GROUPS} groups` }]);
    const targets = [...new Set(mayMeetGroupIds.map((g, i) => parseId(g, `mayMeetGroupIds.${i}`)))];
    return this.db.transaction(async (m) => {
      const group = await m.findOne(ForumGroupEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!group) throw notFound('Group', id);
      const known = await m.find(ForumGroupEntity, { where: { editionId: group.editionId } });
      const ids = new Set(known.map((g) => g.id));
      const bad = targets.map((t, i) => ({ t, i })).filter(({ t }) => !ids.has(t));
      if (bad.length)
        throw badInput(
          bad.map(({ i }) => ({ path: `mayMeetGroupIds.${i}`, message: 'is not a group of this edition' })),
        );
      const previous = await m.find(ForumGroupRuleEntity, { where: { groupId: id } });
      await m.delete(ForumGroupRuleEntity, { groupId: id });
      const rows = targets.map((t) => ({ editionId: group.editionId, groupId: id, mayMeetGroupId: t }));
      if (rows.length) await m.insert(ForumGroupRuleEntity, rows);
      await audit(
        this.auditLog,
        m,
        actor,
        'forum_group.rules',
        'forum_group',
        id,
        { mayMeet: previous.map((r) => r.mayMeetGroupId).sort() },
        { mayMeet: [...targets].sort() },
      );
      return rows as ForumGroupRuleEntity[];
    });
  }
}
