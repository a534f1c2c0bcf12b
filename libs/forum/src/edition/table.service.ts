import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '#platform';
import { parseId, parseInput } from '#directory';
import { ForumTableEntity } from './edition.entity.js';
import { tableSchema } from './edition.schema.js';
import { withForumErrors } from '../common/db-errors.js';
import { z } from 'zod';

const tableListSchema = z
  .array(tableSchema)
  .min(1, 'give at least one table')
  .max(500, 'at most 500 tables at once');

/** Meeting tables (or rooms) of an edition. */
@Injectable()
export class TableService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(editionId: string, includeInactive = false): Promise<ForumTableEntity[]> {
    return this.db.getRepository(ForumTableEntity).find({
      where: { editionId: parseId(editionId, 'editionId'), ...(includeInactive ? {} : { active: true }) },
      order: { label: 'ASC' },
    });
  }

  async add(editionId: string, tables: unknown[]): Promise<ForumTableEntity[]> {
    const id = parseId(editionId, 'editionId');
    const data = parseInput(tableListSchema, tables, 'tables');
    return withForumErrors(() =>
      this.db.transaction(async (m) => {
        const rows = data.map((t) => m.create(ForumTableEntity, { ...t, editionId: id }));
        return m.save(ForumTableEntity, rows);
      }),
    );
  }

  async update(
    input: { id: string; active?: boolean | null } & Record<string, unknown>,
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
        return m.save(ForumTableEntity, current);
      }),
    );
  }
}
