import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ContactGrantRepository, type ContactGrantSource } from './contact-grant.repository.js';

/**
 * Contact grants: two organisations whose contact or meeting request was accepted see each
 * other's contact persons (identity's access rules read them, see ./registrations.ts).
 */
@Injectable()
export class ContactGrantService {
  constructor(private readonly grants: ContactGrantRepository = new ContactGrantRepository()) {}

  /**
   * Records, in the caller's transaction, that two organisations may see each other's contact
   * persons (an accepted contact or meeting request). Idempotent.
   */
  async grant(
    m: EntityManager,
    organizationA: string,
    organizationB: string,
    source: ContactGrantSource,
    sourceId: string,
  ): Promise<void> {
    if (organizationA === organizationB) return;
    const [low, high] =
      organizationA < organizationB ? [organizationA, organizationB] : [organizationB, organizationA];
    await this.grants.insertOnce(m, low, high, source, sourceId);
  }
}
