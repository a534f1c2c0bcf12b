import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The agenda change recorded for one delegate: which of its meetings changed, at which published version. */
export interface AgendaChangeRow {
  delegateId: string;
  editionId: string;
  publishedVersion: number;
  meetingIds: string[];
}

/** A delegate's agenda changes not yet mailed, with what the mail needs. */
export interface PendingAgendaChange {
  /** The forum_agenda_change rows the mail covers. */
  ids: string[];
  delegateId: string;
  email: string;
  userId: string | null;
  editionId: string;
  editionName: Record<string, string | null>;
}

/** SQL of forum_agenda_change: what each delegate's published agenda gained, lost or moved, and whether they were told. */
@Injectable()
export class AgendaChangeRepository {
  /** One row per delegate of the given meetings, at their edition's current published version. */
  async recordForMeetings(m: EntityManager, meetingIds: string[]): Promise<AgendaChangeRow[]> {
    const rows = await m.query<
      { delegate_id: string; edition_id: string; published_version: number; meeting_ids: string[] }[]
    >(
      `INSERT INTO forum_agenda_change (edition_id, delegate_id, published_version, meeting_ids)
     SELECT mt.edition_id, p.delegate_id, e.published_version, array_agg(mt.id ORDER BY mt.id)
       FROM forum_meeting mt
       JOIN forum_meeting_participant p ON p.meeting_id = mt.id
       JOIN forum_edition e ON e.id = mt.edition_id
      WHERE mt.id = ANY($1::uuid[])
      GROUP BY mt.edition_id, p.delegate_id, e.published_version
     RETURNING delegate_id, edition_id, published_version, meeting_ids::text[] AS meeting_ids`,
      [meetingIds],
    );
    return rows.map((r) => ({
      delegateId: r.delegate_id,
      editionId: r.edition_id,
      publishedVersion: Number(r.published_version),
      meetingIds: r.meeting_ids,
    }));
  }

  /** One row per delegate of the meetings a publication changed, at the version it published. */
  async recordPublished(
    m: EntityManager,
    editionId: string,
    publishedVersion: number,
    meetingIds: string[],
  ): Promise<AgendaChangeRow[]> {
    const rows = await m.query<{ delegate_id: string; meeting_ids: string[] }[]>(
      `INSERT INTO forum_agenda_change (edition_id, delegate_id, published_version, meeting_ids)
             SELECT $1, p.delegate_id, $2, array_agg(p.meeting_id ORDER BY p.meeting_id)
               FROM forum_meeting_participant p WHERE p.meeting_id = ANY($3::uuid[])
              GROUP BY p.delegate_id
              RETURNING delegate_id, meeting_ids::text[] AS meeting_ids`,
      [editionId, publishedVersion, meetingIds],
    );
    return rows.map((d) => ({
      delegateId: d.delegate_id,
      editionId,
      publishedVersion,
      meetingIds: d.meeting_ids,
    }));
  }

  /**
   * Claims, for the caller's transaction, up to `delegates` registered delegates' changes not yet
   * mailed (of one edition, or all), grouped per delegate; rows another transaction holds are
   * skipped (SKIP LOCKED).
   */
  async claimPending(
    m: EntityManager,
    editionId: string | null,
    delegates: number,
  ): Promise<PendingAgendaChange[]> {
    const batch = Math.floor(delegates);
    const rows = await m.query<
      {
        ids: string[];
        delegate_id: string;
        email: string;
        user_id: string | null;
        edition_id: string;
        edition_name: Record<string, string | null>;
      }[]
    >(
      `WITH pending AS (
           SELECT c.id, c.delegate_id FROM forum_agenda_change c
            WHERE c.notified_at IS NULL AND ($1::uuid IS NULL OR c.edition_id = $1)
            ORDER BY c.id LIMIT ${batch * 4}
            FOR UPDATE SKIP LOCKED)
         SELECT array_agg(p.id::text ORDER BY p.id) AS ids, d.id AS delegate_id, d.email, d.user_id,
                d.edition_id, e.name AS edition_name
           FROM pending p
           JOIN forum_delegate d ON d.id = p.delegate_id
           JOIN forum_edition e ON e.id = d.edition_id
          WHERE d.status = 'REGISTERED'
          GROUP BY d.id, d.email, d.user_id, d.edition_id, e.name
          LIMIT ${batch}`,
      [editionId],
    );
    return rows.map((r) => ({
      ids: r.ids,
      delegateId: r.delegate_id,
      email: r.email,
      userId: r.user_id,
      editionId: r.edition_id,
      editionName: r.edition_name,
    }));
  }

  /**
   * Stamps the given rows as told, and closes without a mail the pending changes of withdrawn
   * delegates (of one edition, or all).
   */
  async markNotified(m: EntityManager, ids: string[], editionId: string | null): Promise<void> {
    await m.query(
      `UPDATE forum_agenda_change c SET notified_at = now()
          WHERE c.notified_at IS NULL AND (c.id = ANY($1::bigint[])
             OR (($2::uuid IS NULL OR c.edition_id = $2)
                 AND EXISTS (SELECT 1 FROM forum_delegate d WHERE d.id = c.delegate_id AND d.status <> 'REGISTERED')))`,
      [ids, editionId],
    );
  }
}
