import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { parseId } from '#platform';
import { directoryFacts, type TextByLang } from '#directory';
import type { MeetingStatus } from './meeting.entity.js';
import { MeetingRepository, type MeetingSide } from './meeting.repository.js';

/** One meeting as a participant (or a table's floor staff) sees it: plain data, ready for a renderer. */
export interface AgendaMeeting {
  meetingId: string;
  /** iCalendar UID and SEQUENCE. */
  uid: string;
  sequence: number;
  status: MeetingStatus;
  pinned: boolean;
  requestId: string | null;
  slotId: string;
  slotPosition: number;
  start: Date;
  end: Date;
  /** IANA time zone of the edition, for display and calendars. */
  timezone: string;
  tableId: string | null;
  tableLabel: string | null;
  delegateId: string;
  delegateName: string;
  organizationId: string;
  organizationName: string;
  counterpartDelegateId: string;
  counterpartDelegateName: string;
  counterpartOrganizationId: string;
  counterpartOrganizationName: string;
}

export type AgendaView = 'PUBLISHED' | 'DRAFT';

export interface AgendaQuery {
  editionId: string;
  delegateId?: string;
  organizationId?: string;
  tableId?: string;
  /** PUBLISHED (default): what delegates were shown, cancelled meetings included; DRAFT: the working schedule. */
  view?: AgendaView;
  lang?: 'ar' | 'fr' | 'en';
}

const nameIn = (name: TextByLang | undefined, lang: 'ar' | 'fr' | 'en') =>
  (name && (name[lang] ?? name.fr ?? name.en ?? name.ar)) ?? '';

/** Agendas per delegate, organisation or table, in time order. */
@Injectable()
export class AgendaService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly meetings: MeetingRepository,
  ) {}

  async agenda(q: AgendaQuery): Promise<AgendaMeeting[]> {
    const editionId = parseId(q.editionId, 'editionId');
    const draft = q.view === 'DRAFT';
    const lang = q.lang ?? 'fr';
    const delegateId = q.delegateId ? parseId(q.delegateId, 'delegateId') : undefined;
    const organizationId =
      !delegateId && q.organizationId ? parseId(q.organizationId, 'organizationId') : undefined;
    const tableId = !delegateId && !organizationId && q.tableId ? parseId(q.tableId, 'tableId') : undefined;
    const rows = await this.meetings.agenda(this.db.manager, {
      editionId,
      draft,
      delegateId,
      organizationId,
      tableId,
    });
    const names = await directoryFacts.organizations(this.db, [
      ...new Set(rows.flatMap((r) => r.people.map((p) => p.organizationId))),
    ]);
    const side = (p: MeetingSide) => ({
      ...p,
      organizationName: nameIn(names.get(p.organizationId)?.name, lang),
    });
    const out: AgendaMeeting[] = [];
    for (const r of rows) {
      const [a, b] = r.people.map(side);
      if (!a || !b) continue;
      const perspectives = delegateId
        ? [a.delegateId === delegateId ? [a, b] : [b, a]]
        : organizationId
          ? [a, b].filter((p) => p.organizationId === organizationId).map((p) => (p === a ? [a, b] : [b, a]))
          : [[a, b]];
      for (const [me, other] of perspectives)
        out.push({
          meetingId: r.id,
          uid: r.uid,
          sequence: r.sequence,
          status: draft ? r.status : r.status === 'CANCELLED' ? 'CANCELLED' : 'PUBLISHED',
          pinned: r.pinned,
          requestId: r.requestId,
          slotId: r.slotId,
          slotPosition: r.position,
          start: r.startsAt,
          end: r.endsAt,
          timezone: r.timezone,
          tableId: r.tableId,
          tableLabel: r.tableLabel,
          delegateId: me.delegateId,
          delegateName: me.name,
          organizationId: me.organizationId,
          organizationName: me.organizationName,
          counterpartDelegateId: other.delegateId,
          counterpartDelegateName: other.name,
          counterpartOrganizationId: other.organizationId,
          counterpartOrganizationName: other.organizationName,
        });
    }
    return out;
  }
}
