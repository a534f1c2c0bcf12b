import { Injectable, Logger } from '@nestjs/common';

/**
 * Told, after a publication commits, which delegates' agendas changed. The durable record is the
 * forum_agenda_change rows (notified_at still null); a mail or push step sends from those rows and
 * stamps them. Replace this provider to send at once.
 */
@Injectable()
export class AgendaNotifier {
  private readonly logger = new Logger(AgendaNotifier.name);

  async agendasChanged(editionId: string, publishedVersion: number, delegateIds: string[]): Promise<void> {
    this.logger.log({ editionId, publishedVersion, delegates: delegateIds.length }, 'agendas changed');
  }
}
