import { Injectable, Logger, Optional } from '@nestjs/common';
import { EventBus, publishAgendaChanges } from '#notifications';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound, parseId } from '#platform';
import { AgendaNotifier } from './agenda-notifier.js';
import { AuditService } from '#identity';
import { audit, type Actor } from '../common/audit.js';
import { EditionRepository } from '../edition/edition.repository.js';
import { MeetingRepository } from '../meeting/meeting.repository.js';
import { AgendaChangeRepository } from '../meeting/agenda-change.repository.js';

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
    private readonly editions: EditionRepository,
    private readonly meetings: MeetingRepository,
    private readonly agendaChanges: AgendaChangeRepository,
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
      const version = await this.editions.raisePublishedVersion(m, editionId);
      if (version === null) throw notFound('Forum edition', editionId);
      const ids = await this.meetings.publishDraft(m, editionId);
      const delegates = ids.length
        ? await this.agendaChanges.recordPublished(m, editionId, version, ids)
        : [];
      publishAgendaChanges(this.events, m, delegates);
      await audit(
        this.auditLog,
        m,
        actor,
        'forum_edition.publish',
        'forum_edition',
        editionId,
        { publishedVersion: version - 1 },
        { publishedVersion: version, changedMeetings: ids.length },
      );
      return {
        editionId,
        publishedVersion: version,
        changedMeetings: ids.length,
        changedDelegates: delegates.map((d) => d.delegateId).sort(),
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
