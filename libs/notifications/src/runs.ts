import type { EntityManager } from 'typeorm';

/** Runs SQL: a DataSource, an EntityManager or a QueryRunner's manager (the caller's connection or transaction). */
export type Runs = Pick<EntityManager, 'query'>;
