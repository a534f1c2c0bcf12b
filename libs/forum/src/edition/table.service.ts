import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound, parseId, parseInput } from '#platform';
import { ForumEditionEntity, ForumTableEntity } from './edition.entity.js';
import { tableSchema } from './edition.schema.js';
import { withForumErrors } from '../common/db-errors.js';
import { z } from 'zod';
import { AuditService } from '#identity';
import { audit, snapshot, type Actor } from '../common/audit.js';

const tableListSchema = z
  .array(tableSchema)
  .min(1, 'give at least one table')
  .max(500, 'at most 500 tables at once');

/** Meeting tables (or rooms) of an edition. */
@Injectable()
export class TableService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly auditLog: AuditService,
  ) {}

  list(editionId: string, includeInactive = false): Promise<ForumTableEntity[]> {
    return this.db.getRepository(ForumTableEntity).find({
      where: { editionId: parseId(editionId, 'editionId'), ...(includeInactive ? {} : { active: true }) },
      order: { label: 'ASC' },
    });
  }

  async add(editionId: string, tables: unknown[], actor: Actor = null): Promise<ForumTableEntity[]> {
    const id = parseId(editionId, 'editionId');
    const data = parseInput(tableListSchema, tables, 'tables');
    return withForumErrors(() =>
      this.db.transaction(async (m) => {
        if (!(await m.existsBy(ForumEditionEntity, { id }))) throw notFound('Forum edition', id);
        const rows = data.map((t) => m.create(ForumTableEntity, { ...t, editionId: id }));
        const saved = await m.save(ForumTableEntity, rows);
        for (const t of saved)
          await audit(this.auditLog, m, actor, 'forum_table.create', 'forum_table', t.id, null, t);
        return saved;
      }),
    );
  }

  async update(
    input: { id: string; active?: boolean | null } & Record<string, unknown>,
    actor: Actor = null,
  ): Promise<ForumTableEntity> {
    const { id: rawId, active, ...changes } = input;
    const id = parseId(rawId, 'input.id');
    return withForumErrors(() =>
      this.db.transaction(async (m) => {
        const current = await m.findOne(ForumTableEntity, {
          where: { id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!current) throw notFound('Table', id);
        const before = snapshot(current);
        const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
        const merged = parseInput(tableSchema, {
          label: current.label,
          capacity: current.capacity,
          languages: current.languages,
          interpreter: current.interpreter,
          organizationId: current.organizationId,
          ...given,
        });
        m.merge(ForumTableEntity, current, merged);
        if (active != null) current.active = active;
        const saved = await m.save(ForumTableEntity, current);
        await audit(this.auditLog, m, actor, 'forum_table.update', 'forum_table', id, before, saved);
        return saved;
      }),
    );
  }
}
