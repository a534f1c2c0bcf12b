import type { EntityManager } from 'typeorm';
import type { Viewer } from './viewer.js';
import type { Runs } from './runs.js';

/**
 * What identity asks of the library that owns organisations (the directory provides it, as
 * DirectoryModule's ORGANIZATION_PORT), for the rules identity enforces on accounts.
 */
export interface OrganizationPort {
  /**
   * Archives the organisations not archived yet, inside the caller's transaction: one audit entry
   * each (`organization.archive`, with `reason`) and their search documents removed through the
   * outbox. The caller wakes the outbox after its commit.
   */
  archiveWithin(m: EntityManager, actor: Viewer, organizationIds: string[], reason: string): Promise<void>;
}

/** Injection token of the organisation port. */
export const ORGANIZATION_PORT = Symbol('ORGANIZATION_PORT');

/** What identity reads of an organisation by id: its names (by language) and review status. */
export interface OrganizationSummary {
  name: Record<string, string | null>;
  status: string;
}

/**
 * Reads of the directory's organisations that identity needs outside dependency injection (plain
 * functions, the demo, the privacy export), each on the caller's connection or transaction. The
 * directory registers them when it loads (`registerOrganizationReads`).
 */
export interface OrganizationReads {
  /** The organisations among `ids` that exist, whatever their status, by id. */
  organizations(db: Runs, ids: readonly string[]): Promise<Map<string, OrganizationSummary>>;
  /** The organisation the demo owner account belongs to, or null when there is none. */
  firstActiveSme(db: Runs): Promise<string | null>;
}

let registeredReads: OrganizationReads | null = null;

/** Lets the directory provide the organisation reads identity needs. */
export function registerOrganizationReads(reads: OrganizationReads): void {
  registeredReads = reads;
}

/** The organisation reads the directory registered. */
export function organizationReads(): OrganizationReads {
  if (!registeredReads) throw new Error('the directory has not registered its organisation reads');
  return registeredReads;
}
