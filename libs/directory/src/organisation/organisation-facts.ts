import type { EntityManager } from 'typeorm';
import {
  OrganizationRepository,
  type DemoCandidate,
  type OrganizationFacts,
} from './organisation.repository.js';

export type { DemoCandidate, OrganizationFacts } from './organisation.repository.js';

/** Runs SQL: a DataSource, an EntityManager or a QueryRunner. */
interface Runs {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** Whatever runs SQL runs the repository's statements; their rows are typed there. */
const sql = (db: Runs) => db as Pick<EntityManager, 'query'>;

const organizations = new OrganizationRepository();

/** What the directory tells other code about its organisations outside a request (start, seeds). */
export const directoryFacts = {
  /** Organisations stored, whatever their status. */
  count(db: Runs): Promise<number> {
    return organizations.count(sql(db));
  },

  /**
   * The first active SME created, ties (one import transaction) broken by import reference: the
   * firm a fresh demo features.
   */
  firstActiveSme(db: Runs): Promise<string | null> {
    return organizations.firstActiveSme(sql(db));
  },

  /** Every active organisation with its first contact person, by import reference. */
  demoCandidates(db: Runs): Promise<DemoCandidate[]> {
    return organizations.demoCandidates(sql(db));
  },

  /** The organisations among `ids` that exist, by id, whatever their status (one query for the batch). */
  organizations(db: Runs, ids: readonly string[]): Promise<Map<string, OrganizationFacts>> {
    return organizations.facts(sql(db), ids);
  },
};
