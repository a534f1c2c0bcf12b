import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MeetingStatus } from './meeting.entity.js';
import { parseId } from '#platform';

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

interface Row {
  id: string;
  uid: string;
  sequence: number;
  status: MeetingStatus;
  pinned: boolean;
  request_id: string | null;
  slot_id: string;
  position: number;
  starts_at: Date;
  ends_at: Date;
  timezone: string;
  table_id: string | null;
  table_label: string | null;
  people: { delegateId: string; name: string; organizationId: string; organizationName: string }[];
}

/** Agendas per delegate, organisation or table, in time order. */
@Injectable()
export class AgendaService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async agenda(q: AgendaQuery): Promise<AgendaMeeting[]> {
    const editionId = parseId(q.editionId, 'editionId');
    const draft = q.view === 'DRAFT';
    const params: unknown[] = [editionId, draft, q.lang ?? 'fr'];
    let filter = '';
    if (q.delegateId) {
      params.push(parseId(q.delegateId, 'delegateId'));
      filter = `AND EXISTS (SELECT 1 FROM forum_meeting_participant x WHERE x.meeting_id = mt.id AND x.delegate_id = $4)`;
    } else if (q.organizationId) {
      params.push(parseId(q.organizationId, 'organizationId'));
      filter = `AND EXISTS (SELECT 1 FROM forum_meeting_participant x JOIN forum_delegate xd ON xd.id = x.delegate_id
                             WHERE x.meeting_id = mt.id AND xd.organization_id = $4)`;
    } else if (q.tableId) {
      params.push(parseId(q.tableId, 'tableId'));
      filter = `AND (CASE WHEN $2 THEN mt.table_id ELSE mt.published_table_id END) = $4`;
    }
    const rows = await this.db.query<Row[]>(
      `SELECT mt.id, mt.uid, mt.sequence, mt.status, mt.pinned, mt.request_id,
              s.id AS slot_id, s.position, s.starts_at, s.ends_at, e.timezone,
              t.id AS table_id, t.label AS table_label,
              json_agg(json_build_object(
                'delegateId', d.id, 'name', d.name, 'organizationId', d.organization_id,
                'organizationName', coalesce(o.name->>$3, o.name->>'fr', o.name->>'en', o.name->>'ar'))
                ORDER BY (d.id = r.from_delegate_id) DESC, d.id) AS people
         FROM forum_meeting mt
         JOIN forum_edition e ON e.id = mt.edition_id
         JOIN forum_slot s ON s.id = (CASE WHEN $2 THEN mt.slot_id ELSE mt.published_slot_id END)
         LEFT JOIN forum_table t ON t.id = (CASE WHEN $2 THEN mt.table_id ELSE mt.published_table_id END)
         LEFT JOIN forum_meeting_request r ON r.id = mt.request_id
         JOIN forum_meeting_participant p ON p.meeting_id = mt.id
         JOIN forum_delegate d ON d.id = p.delegate_id
         JOIN organization o ON o.id = d.organization_id
        WHERE mt.edition_id = $1
          AND (CASE WHEN $2 THEN mt.status <> 'CANCELLED' ELSE mt.published_slot_id IS NOT NULL END)
          ${filter}
        GROUP BY mt.id, s.id, t.id, e.timezone
        ORDER BY s.starts_at, t.label NULLS LAST, mt.id`,
      params,
    );
    const out: AgendaMeeting[] = [];
    for (const r of rows) {
      const [a, b] = r.people;
      if (!a || !b) continue;
      const perspectives = q.delegateId
        ? [a.delegateId === params[3] ? [a, b] : [b, a]]
        : q.organizationId
          ? [a, b].filter((p) => p.organizationId === params[3]).map((p) => (p === a ? [a, b] : [b, a]))
          : [[a, b]];
      for (const [me, other] of perspectives)
        out.push({
          meetingId: r.id,
          uid: r.uid,
          sequence: r.sequence,
          status: draft ? r.status : r.status === 'CANCELLED' ? 'CANCELLED' : 'PUBLISHED',
          pinned: r.pinned,
          requestId: r.request_id,
          slotId: r.slot_id,
          slotPosition: r.position,
          start: new Date(r.starts_at),
          end: new Date(r.ends_at),
          timezone: r.timezone,
          tableId: r.table_id,
          tableLabel: r.table_label,
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
