import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A side of a meeting, as the desk tells who came. */
export interface MeetingSide {
  delegateId: string;
  organizationId: string;
  outcome: string | null;
}

/** The SQL of the venue desk's reads. Stateless: each call runs on the manager given. */
@Injectable()
export class DeskRepository {
  /**
   * Whether the edition's last day has passed in its time zone; null when there is no such
   * edition.
   */
  async editionOver(m: EntityManager, editionId: string): Promise<boolean | null> {
    const [edition] = await m.query<{ over: boolean }[]>(
      `SELECT (now() AT TIME ZONE timezone)::date > ends_on AS over FROM forum_edition WHERE id = $1`,
      [editionId],
    );
    return edition ? edition.over : null;
  }

  /** The participants of a meeting with their organisations and reported outcomes (none: no such meeting). */
  async sides(m: EntityManager, meetingId: string): Promise<MeetingSide[]> {
    const rows = await m.query<{ delegate_id: string; organization_id: string; outcome: string | null }[]>(
      `SELECT p.delegate_id, d.organization_id, p.outcome
         FROM forum_meeting_participant p JOIN forum_delegate d ON d.id = p.delegate_id
        WHERE p.meeting_id = $1`,
      [meetingId],
    );
    return rows.map((r) => ({
      delegateId: r.delegate_id,
      organizationId: r.organization_id,
      outcome: r.outcome,
    }));
  }
}
