import { Injectable, Logger, Optional } from '@nestjs/common';
import { EventBus, publishAgendaChanges } from '#notifications';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound, parseId, returning } from '#platform';
import { AgendaNotifier } from './agenda-notifier.js';
import { AuditService } from '#identity';
import { audit, type Actor } from '../common/audit.js';

export interface PublishOutcome {
  editionId: string;
  publishedVersion: number;
  /** Meetings delegates now see for the first time or in a new place. */
  changedMeetings: number;
  /** Delegates whose published agenda changed. */
  changedDelegates: string[];
}

/** Turns the draft schedule into the one delegates see. */
@Injectable()
export class PublishService {
  private readonly logger = new Logger(PublishService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifier: AgendaNotifier,
    private readonly auditLog: AuditService,
    @Optional() private readonly events?: EventBus,
  ) {}

  /**
   * Publishes every live meeting whose draft place differs from what delegates were shown (new
   * meetings keep SEQUENCE 0, moved ones get the next), raises the edition's published version and
   * records, per delegate, which meetings changed.
   */
  async publish(rawEditionId: string, actor: Actor = null): Promise<PublishOutcome> {
    const editionId = parseId(rawEditionId, 'editionId');
    const outcome = await this.db.transaction(async (m) => {
      const [edition] = await returning<{ published_version: number }>(
        m,
        `UPDATE forum_edition SET published_version = published_version + 1, published_at = now(), updated_at = now()
          WHERE id = $1 RETURNING published_version`,
        [editionId],
      );
      if (!edition) throw notFound('Forum edition', editionId);
      const changed = await returning<{ id: string }>(
        m,
        `UPDATE forum_meeting
            SET status = 'PUBLISHED',
                sequence = sequence + CASE WHEN published_slot_id IS NULL THEN 0 ELSE 1 END,
                published_slot_id = slot_id, published_table_id = table_id, updated_at = now()
          WHERE edition_id = $1 AND status <> 'CANCELLED'
            AND (status = 'DRAFT' OR published_slot_id IS DISTINCT FROM slot_id
                 OR published_table_id IS DISTINCT FROM table_id)
          RETURNING id`,
        [editionId],
      );
      const ids = changed.map((c) => c.id);
      const delegates = ids.length
        ? await m.query<{ delegate_id: string; meeting_ids: string[] }[]>(
            `INSERT INTO forum_agenda_change (edition_id, delegate_id, published_version, meeting_ids)
             SELECT $1, p.delegate_id, $2, array_agg(p.meeting_id ORDER BY p.meeting_id)
               FROM forum_meeting_participant p WHERE p.meeting_id = ANY($3::uuid[])
              GROUP BY p.delegate_id
              RETURNING delegate_id, meeting_ids::text[] AS meeting_ids`,
            [editionId, edition.published_version, ids],
          )
        : [];
      publishAgendaChanges(
        this.events,
        m,
        delegates.map((d) => ({
          delegateId: d.delegate_id,
          editionId,
          publishedVersion: edition.published_version,
          meetingIds: d.meeting_ids,
        })),
      );
      await audit(
        this.auditLog,
        m,
        actor,
        'forum_edition.publish',
        'forum_edition',
        editionId,
        { publishedVersion: edition.published_version - 1 },
        { publishedVersion: edition.published_version, changedMeetings: ids.length },
      );
      return {
        editionId,
        publishedVersion: edition.published_version,
        changedMeetings: ids.length,
        changedDelegates: delegates.map((d) => d.delegate_id).sort(),
      };
    });
    // The changes are recorded; when mailing fails now, the periodic sweep sends them later.
    if (outcome.changedDelegates.length)
      await this.notifier
        .agendasChanged(editionId, outcome.publishedVersion, outcome.changedDelegates)
        .catch((e: unknown) =>
          this.logger.warn(
            { editionId, err: e instanceof Error ? e.message : String(e) },
            'agenda mails deferred',
          ),
        );
    return outcome;
  }
}
