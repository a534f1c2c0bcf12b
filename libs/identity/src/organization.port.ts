import type { EntityManager } from 'typeorm';
import type { Viewer } from './viewer.js';

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
