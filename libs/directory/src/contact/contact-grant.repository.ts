import { Injectable } from '@nestjs/common';
import type { Runs } from './contact-request.repository.js';

/** Why two organisations may see each other's contact persons. */
export type ContactGrantSource = 'CONTACT_REQUEST' | 'MEETING_REQUEST';

/** The SQL of `contact_grant`: which pairs of organisations see each other's contact persons. */
@Injectable()
export class ContactGrantRepository {
  /** Records the grant of an ordered pair (`low` < `high`) once; a second grant of the pair is a no-op. */
  async insertOnce(
    m: Runs,
    low: string,
    high: string,
    source: ContactGrantSource,
    sourceId: string,
  ): Promise<void> {
    await m.query(
      `INSERT INTO contact_grant (org_low, org_high, source, source_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (org_low, org_high) DO NOTHING`,
      [low, high, source, sourceId],
    );
  }

  /** The grants of which one side is among `organizationIds`, as ordered [low, high] pairs. */
  async pairsTouching(db: Runs, organizationIds: readonly string[]): Promise<[string, string][]> {
    const rows = await db.query<{ org_low: string; org_high: string }[]>(
      `SELECT org_low, org_high FROM contact_grant WHERE org_low = ANY($1) OR org_high = ANY($1)`,
      [organizationIds],
    );
    return rows.map((r) => [r.org_low, r.org_high]);
  }
}
