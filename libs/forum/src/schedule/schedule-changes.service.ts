import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { badInput, checkPageSize, notFound, parseId } from '#platform';
import { directoryFacts, type TextByLang } from '#directory';
import { EditionRepository } from '../edition/edition.repository.js';
import { MeetingRepository } from '../meeting/meeting.repository.js';

export const SCHEDULE_CHANGE_KINDS = ['NEW', 'MOVED', 'CANCELLED'] as const;
export type ScheduleChangeKind = (typeof SCHEDULE_CHANGE_KINDS)[number];

/** One meeting whose place in the draft differs from what delegates were last shown. */
export interface ScheduleChange {
  meetingId: string;
  kind: ScheduleChangeKind;
  requestId: string | null;
  /** Its place in the draft (for a cancelled meeting: where it was when cancelled). */
  slotId: string;
  start: Date;
  tableId: string | null;
  tableLabel: string | null;
  /** Its place as last published; null for a new meeting. */
  publishedSlotId: string | null;
  publishedStart: Date | null;
  publishedTableId: string | null;
  publishedTableLabel: string | null;
  /** The requesting delegate first, as in agendas. */
  delegateId: string;
  delegateName: string;
  organizationName: string;
  counterpartDelegateId: string;
  counterpartDelegateName: string;
  counterpartOrganizationName: string;
}

export interface ChangedDelegate {
  delegateId: string;
  name: string;
  organizationName: string;
  changes: number;
}

export interface ScheduleComparison {
  editionId: string;
  publishedVersion: number;
  publishedAt: Date | null;
  newMeetings: number;
  moved: number;
  cancelled: number;
  /** Delegates with at least one change (within the delegate filter). */
  delegates: number;
  changes: ScheduleChange[];
  endCursor: string | null;
  hasNextPage: boolean;
  /** Every delegate with a change, whatever the filters, by name. */
  changedDelegates: ChangedDelegate[];
}

export interface ScheduleChangesQuery {
  editionId: string;
  delegateId?: string | null;
  kind?: ScheduleChangeKind | null;
  first?: number;
  after?: string | null;
}

const encode = (position: number, id: string) => Buffer.from(`${position}:${id}`).toString('base64url');
function decode(cursor: string): { position: number; id: string } | null {
  const m = /^(\d{1,9}):([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return m ? { position: Number(m[1]), id: m[2] } : null;
}

/** An organisation's name as the organisers' console shows it: French, else English, else Arabic. */
const consoleName = (name: TextByLang | undefined) => (name && (name.fr ?? name.en ?? name.ar)) ?? '';

/** Compares an edition's draft schedule with the one last published (organisers' console). */
@Injectable()
export class ScheduleChangesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly editions: EditionRepository,
    private readonly meetings: MeetingRepository,
  ) {}

  async compare(q: ScheduleChangesQuery): Promise<ScheduleComparison> {
    const editionId = parseId(q.editionId, 'editionId');
    const delegateId = q.delegateId ? parseId(q.delegateId, 'delegateId') : null;
    const first = q.first ?? 50;
    checkPageSize(first);
    const cursor = q.after ? decode(q.after) : null;
    if (q.after && !cursor)
      throw badInput([{ path: 'after', message: 'is not a cursor returned by this API' }]);
    const m = this.db.manager;
    const edition = await this.editions.publicationOf(m, editionId);
    if (!edition) throw notFound('Forum edition', editionId);
    const counts = await this.meetings.changeCounts(m, editionId, delegateId);
    const rows = await this.meetings.changes(m, {
      editionId,
      delegateId,
      kind: q.kind ?? null,
      after: cursor,
      limit: first + 1,
    });
    const changedDelegates = await this.meetings.changedDelegates(m, editionId);
    const names = await directoryFacts.organizations(m, [
      ...new Set([
        ...rows.flatMap((r) => (r.people ?? []).map((p) => p.organizationId)),
        ...changedDelegates.map((d) => d.organizationId),
      ]),
    ]);
    const nameOf = (organizationId: string) => consoleName(names.get(organizationId)?.name);
    const page = rows.slice(0, first);
    const last = page.at(-1);
    return {
      editionId,
      publishedVersion: edition.publishedVersion,
      publishedAt: edition.publishedAt,
      newMeetings: counts.new,
      moved: counts.moved,
      cancelled: counts.cancelled,
      delegates: counts.delegates,
      changes: page.flatMap((r) => {
        const [a, b] = r.people ?? [];
        if (!a || !b) return [];
        return [
          {
            meetingId: r.id,
            kind: r.kind,
            requestId: r.requestId,
            slotId: r.slotId,
            start: r.startsAt,
            tableId: r.tableId,
            tableLabel: r.tableLabel,
            publishedSlotId: r.publishedSlotId,
            publishedStart: r.publishedStartsAt,
            publishedTableId: r.publishedTableId,
            publishedTableLabel: r.publishedTableLabel,
            delegateId: a.delegateId,
            delegateName: a.name,
            organizationName: nameOf(a.organizationId),
            counterpartDelegateId: b.delegateId,
            counterpartDelegateName: b.name,
            counterpartOrganizationName: nameOf(b.organizationId),
          },
        ];
      }),
      endCursor: last ? encode(last.position, last.id) : null,
      hasNextPage: rows.length > first,
      changedDelegates: changedDelegates.map((d) => ({
        delegateId: d.delegateId,
        name: d.name,
        organizationName: nameOf(d.organizationId),
        changes: d.changes,
      })),
    };
  }
}
