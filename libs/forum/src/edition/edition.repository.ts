import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { returning } from '#platform';

/** The rows whose edition `lockForMeetingWrite` can find from their id. */
const EDITION_OF = {
  edition: 'SELECT $1::uuid',
  meeting: 'SELECT edition_id FROM forum_meeting WHERE id = $1',
  request: 'SELECT edition_id FROM forum_meeting_request WHERE id = $1',
  delegate: 'SELECT edition_id FROM forum_delegate WHERE id = $1',
} as const;

export type EditionLockedBy = keyof typeof EDITION_OF;

/** What delegates were last shown of an edition's schedule. */
export interface EditionPublication {
  publishedVersion: number;
  publishedAt: Date | null;
}

/** SQL of forum editions (forum_edition and its slots) beyond TypeORM's entity calls. */
@Injectable()
export class EditionRepository {
  /**
   * Takes the edition's row (found from the id of one of its rows) in share mode, for the caller's
   * transaction: the first lock of every write that changes meetings.
   */
  async lockForMeetingWrite(m: EntityManager, of: EditionLockedBy, id: string): Promise<void> {
    await m.query(`SELECT 1 FROM forum_edition WHERE id = (${EDITION_OF[of]}) FOR SHARE`, [id]);
  }

  /** Takes the edition's row exclusively for the caller's transaction (waits for every meeting write). */
  async lockExclusive(m: EntityManager, editionId: string): Promise<void> {
    await m.query(`SELECT id FROM forum_edition WHERE id = $1 FOR UPDATE`, [editionId]);
  }

  /** Whether meetings or delegates' unavailabilities refer to the edition's slots. */
  async slotsInUse(m: EntityManager, editionId: string): Promise<boolean> {
    const [{ used }] = await m.query<{ used: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM forum_meeting WHERE edition_id = $1)
               OR EXISTS (SELECT 1 FROM forum_delegate_unavailable u JOIN forum_slot s ON s.id = u.slot_id
                          WHERE s.edition_id = $1) AS used`,
      [editionId],
    );
    return used;
  }

  /** The edition's slots that are not breaks. */
  async countMeetingSlots(m: EntityManager, editionId: string): Promise<number> {
    const [{ n }] = await m.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM forum_slot WHERE edition_id = $1 AND NOT is_break`,
      [editionId],
    );
    return n;
  }

  /** Raises the published version and stamps the publication; the new version, or null for no such edition. */
  async raisePublishedVersion(m: EntityManager, editionId: string): Promise<number | null> {
    const [edition] = await returning<{ published_version: number }>(
      m,
      `UPDATE forum_edition SET published_version = published_version + 1, published_at = now(), updated_at = now()
          WHERE id = $1 RETURNING published_version`,
      [editionId],
    );
    return edition ? edition.published_version : null;
  }

  /** The edition's published version and time; null for no such edition. */
  async publicationOf(m: EntityManager, editionId: string): Promise<EditionPublication | null> {
    const [edition] = await m.query<{ published_version: number; published_at: Date | null }[]>(
      `SELECT published_version, published_at FROM forum_edition WHERE id = $1`,
      [editionId],
    );
    return edition
      ? { publishedVersion: edition.published_version, publishedAt: edition.published_at }
      : null;
  }

  /** The ids among `slotIds` that are slots of the edition. */
  async slotsAmong(m: EntityManager, editionId: string, slotIds: string[]): Promise<Set<string>> {
    const known = await m.query<{ id: string }[]>(
      `SELECT id FROM forum_slot WHERE edition_id = $1 AND id = ANY($2::uuid[])`,
      [editionId, slotIds],
    );
    return new Set(known.map((r) => r.id));
  }
}
