import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound, parseId } from '#platform';
import { SECTORS } from '#directory';
import { ForumEditionEntity } from '../edition/edition.entity.js';
import { EditionStatisticsRepository } from './edition-statistics.repository.js';

export interface EditionStatsRow {
  key: string;
  /** Registered delegates (withdrawn ones still count for the requests they sent). */
  delegates: number;
  requestsSent: number;
  accepted: number;
  declined: number;
  pending: number;
  expired: number;
  cancelled: number;
  /** accepted / (accepted + declined + expired); null when none was answered or lapsed. */
  acceptanceRate: number | null;
  meetingsScheduled: number;
  meetingsHeld: number;
  noShows: number;
}

export interface RoundUtilisation {
  slotId: string;
  position: number;
  day: string;
  session: string;
  startsAt: Date;
  meetings: number;
  tablesUsed: number;
  tablesAvailable: number;
  /** tablesUsed / tablesAvailable; null when the edition has no active table. */
  utilisation: number | null;
}

export interface EditionStatistics {
  editionId: string;
  totals: EditionStatsRow;
  byCountry: EditionStatsRow[];
  bySector: EditionStatsRow[];
  byGroup: EditionStatsRow[];
  rounds: RoundUtilisation[];
}

/** Key of a delegate without a country, sector or group. */
export { NO_KEY } from './edition-statistics.repository.js';

/** ISIC division → section, so that SQL groups organisations by the section of their first sector. */
const SECTION_OF: Record<string, string> = Object.fromEntries(
  SECTORS.filter((s) => s.parent).map((s) => [s.code, s.parent as string]),
);

const empty = (key: string): EditionStatsRow => ({
  key,
  delegates: 0,
  requestsSent: 0,
  accepted: 0,
  declined: 0,
  pending: 0,
  expired: 0,
  cancelled: 0,
  acceptanceRate: null,
  meetingsScheduled: 0,
  meetingsHeld: 0,
  noShows: 0,
});

/** Organiser statistics of one edition, counted by Postgres. */
@Injectable()
export class EditionStatisticsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly stats: EditionStatisticsRepository,
  ) {}

  async statistics(rawEditionId: string): Promise<EditionStatistics> {
    const editionId = parseId(rawEditionId, 'editionId');
    if (!(await this.db.getRepository(ForumEditionEntity).existsBy({ id: editionId })))
      throw notFound('Forum edition', editionId);
    const [rows, rounds] = await Promise.all([
      this.stats.counts(this.db.manager, editionId, SECTION_OF),
      this.stats.rounds(this.db.manager, editionId),
    ]);
    const of = (dim: string) => rows.filter((r) => r.dim === dim).map(({ dim: _, ...r }) => r);
    return {
      editionId,
      totals: of('total')[0] ?? empty('all'),
      byCountry: of('country'),
      bySector: of('sector'),
      byGroup: of('group'),
      rounds: rounds.map((r) => ({
        ...r,
        utilisation: r.tablesAvailable > 0 ? r.tablesUsed / r.tablesAvailable : null,
      })),
    };
  }
}
