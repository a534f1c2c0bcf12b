import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound, parseId } from '#platform';
import { directoryFacts } from '#directory';
import { AgendaService, type AgendaMeeting, type AgendaView } from './agenda.service.js';
import { MeetingRepository } from './meeting.repository.js';
import { ForumEditionEntity, ForumTableEntity } from '../edition/edition.entity.js';
import { ForumDelegateEntity } from '../registration/registration.entity.js';
import { AGENDA_LABELS } from '../agenda/labels.js';
import type { Agenda, AgendaEntry, AgendaLang, AgendaOwner } from '../agenda/types.js';

const pick = (text: Record<string, string | null> | null | undefined, lang: AgendaLang) =>
  (text && (text[lang] || text.fr || text.en || text.ar)) || '';

/** An agenda ready for the pure renderers (HTML, CSV, iCalendar), with the owner and edition filled in. */
@Injectable()
export class AgendaDocumentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly agendas: AgendaService,
    private readonly meetings: MeetingRepository,
  ) {}

  async delegate(delegateId: string, view: AgendaView, lang: AgendaLang): Promise<Agenda> {
    const d = await this.db
      .getRepository(ForumDelegateEntity)
      .findOneBy({ id: parseId(delegateId, 'delegateId') });
    if (!d) throw notFound('Delegate', delegateId);
    const org = (await directoryFacts.organizations(this.db, [d.organizationId])).get(d.organizationId);
    const meetings = await this.agendas.agenda({ editionId: d.editionId, delegateId: d.id, view, lang });
    return this.document(
      d.editionId,
      { kind: 'DELEGATE', name: d.name, organization: pick(org?.name, lang) },
      meetings,
      lang,
    );
  }

  async organization(
    editionId: string,
    organizationId: string,
    view: AgendaView,
    lang: AgendaLang,
  ): Promise<Agenda> {
    const org = parseId(organizationId, 'organizationId');
    const row = (await directoryFacts.organizations(this.db, [org])).get(org);
    if (!row) throw notFound('Organization', org);
    const meetings = await this.agendas.agenda({ editionId, organizationId: org, view, lang });
    return this.document(editionId, { kind: 'ORGANIZATION', name: pick(row.name, lang) }, meetings, lang);
  }

  async table(editionId: string, tableId: string, view: AgendaView, lang: AgendaLang): Promise<Agenda> {
    const t = await this.db.getRepository(ForumTableEntity).findOneBy({ id: parseId(tableId, 'tableId') });
    if (!t || t.editionId !== parseId(editionId, 'editionId')) throw notFound('Table', tableId);
    const meetings = await this.agendas.agenda({ editionId, tableId: t.id, view, lang });
    return this.document(editionId, { kind: 'TABLE', name: t.label }, meetings, lang);
  }

  private async document(
    rawEditionId: string,
    owner: AgendaOwner,
    meetings: AgendaMeeting[],
    lang: AgendaLang,
  ): Promise<Agenda> {
    const editionId = parseId(rawEditionId, 'editionId');
    const edition = await this.db.getRepository(ForumEditionEntity).findOneBy({ id: editionId });
    if (!edition) throw notFound('Forum edition', editionId);
    const orgIds = [...new Set(meetings.map((x) => x.counterpartOrganizationId))];
    const [organizations, tables, updatedAt] = await Promise.all([
      directoryFacts.organizations(this.db, orgIds),
      this.db.getRepository(ForumTableEntity).find({ where: { editionId } }),
      this.meetings.updatedAt(
        this.db.manager,
        meetings.map((x) => x.meetingId),
      ),
    ]);
    const tableOf = new Map(tables.map((t) => [t.id, t]));
    const entries: AgendaEntry[] = meetings.map((x) => {
      const t = x.tableId ? tableOf.get(x.tableId) : undefined;
      return {
        meetingId: x.meetingId,
        uid: x.uid,
        sequence: x.sequence,
        status: x.status,
        start: x.start,
        end: x.end,
        tableLabel: x.tableLabel,
        delegate: x.delegateName,
        organization: x.organizationName,
        counterpartOrganization: x.counterpartOrganizationName,
        counterpartDelegate: x.counterpartDelegateName,
        counterpartCountry: organizations.get(x.counterpartOrganizationId)?.country,
        language: t?.languages.join(', ') || undefined,
        interpreter: t?.interpreter ?? false,
        updatedAt: updatedAt.get(x.meetingId),
      };
    });
    return {
      title: AGENDA_LABELS[lang].agenda,
      editionName: pick(edition.name, lang),
      timezone: edition.timezone,
      venue: edition.venue ?? undefined,
      owner,
      entries,
    };
  }
}
