import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Queue } from 'bullmq';
import { createDataSource, OutboxService, type AppConfig } from '#platform';
import { createTestDatabase, insertOrganization } from '#testing';
import { AuditService } from '#identity';
import { ContactGrantService } from '#directory';
import { OutboxMailer } from '#notifications';
import { EditionService } from './edition/edition.service.js';
import { TableService } from './edition/table.service.js';
import { GroupService } from './edition/group.service.js';
import { RegistrationService } from './registration/registration.service.js';
import { RequestService } from './request/request.service.js';
import { MeetingService } from './meeting/meeting.service.js';
import { AgendaService } from './meeting/agenda.service.js';
import { ScheduleRunner } from './schedule/schedule-runner.js';
import { PublishService } from './schedule/publish.service.js';
import { AgendaNotifier } from './schedule/agenda-notifier.js';
import { PrecedenceService } from './schedule/precedence.service.js';
import { AgendaDocumentService } from './meeting/agenda-document.service.js';
import { WalkInService } from './day/walk-in.service.js';
import { AgendaFeedService } from './day/agenda-feed.service.js';
import { StatisticsService } from './day/statistics.service.js';
import { ReminderService } from './day/reminder.service.js';
import { EditionStatisticsService } from './statistics/edition-statistics.service.js';
import { FollowUpService } from './statistics/follow-up.service.js';
import { FORUM_ENTITIES } from './forum.module.js';
import { MeetingRepository } from './meeting/meeting.repository.js';
import { AgendaChangeRepository } from './meeting/agenda-change.repository.js';
import { ScheduleRunRepository } from './schedule/schedule-run.repository.js';
import { PrecedenceRepository } from './schedule/precedence.repository.js';
import { DelegateRepository } from './registration/delegate.repository.js';
import { AgendaFeedRepository } from './day/agenda-feed.repository.js';
import { ReminderRepository } from './day/reminder.repository.js';
import { StatisticsRepository } from './day/statistics.repository.js';
import { WalkInRepository } from './day/walk-in.repository.js';
import { EditionStatisticsRepository } from './statistics/edition-statistics.repository.js';
import { FollowUpRepository } from './statistics/follow-up.repository.js';
import { EditionRepository } from './edition/edition.repository.js';
import { MeetingRequestRepository } from './request/meeting-request.repository.js';
import type { ForumEditionEntity } from './edition/edition.entity.js';
import type { ForumDelegateEntity } from './registration/registration.entity.js';

/** The forum's services on a fresh test database, wired by hand (no Nest), for integration specs. */
export interface ForumHarness {
  db: DataSource;
  editions: EditionService;
  tables: TableService;
  groups: GroupService;
  registrations: RegistrationService;
  requests: RequestService;
  meetings: MeetingService;
  agendas: AgendaService;
  runner: ScheduleRunner;
  publisher: PublishService;
  notifier: AgendaNotifier;
  precedences: PrecedenceService;
  documents: AgendaDocumentService;
  walkIns: WalkInService;
  feeds: AgendaFeedService;
  stats: StatisticsService;
  reminders: ReminderService;
  editionStats: EditionStatisticsService;
  followUps: FollowUpService;
  notified: { editionId: string; version: number; delegateIds: string[] }[];
  close(): Promise<void>;
}

export async function forumHarness(poolSize = 12): Promise<ForumHarness> {
  const database = await createTestDatabase();
  const db = createDataSource({ databaseUrl: database.url }, FORUM_ENTITIES);
  (db.options.extra as { max: number }).max = poolSize;
  await db.initialize();
  const notified: ForumHarness['notified'] = [];
  const audit = new AuditService();
  // Mails land in mail_outbox, as in the running apps (no queue: nothing is delivered).
  const mail = new OutboxMailer(db, {
    publicUrl: 'https://forum.test',
    auth: { jwtSecret: 'forum-test-secret-0123456789abcdef' },
  } as AppConfig);
  const editionRows = new EditionRepository();
  const meetingRows = new MeetingRepository();
  const agendaChanges = new AgendaChangeRepository();
  const notifier = new AgendaNotifier(db, agendaChanges, mail);
  const send = notifier.agendasChanged.bind(notifier);
  notifier.agendasChanged = (editionId, version, delegateIds) => {
    notified.push({ editionId, version, delegateIds });
    return send(editionId, version, delegateIds);
  };
  const requests = new RequestService(db, new ContactGrantService(), audit);
  // No worker runs here: outbox rows are written and stay for specs to read; waking is a no-op.
  const outbox = new OutboxService({ add: () => Promise.resolve() } as unknown as Queue);
  const agendas = new AgendaService(db, meetingRows);
  return {
    db,
    editions: new EditionService(db, editionRows, audit),
    tables: new TableService(db, audit),
    groups: new GroupService(db, audit),
    registrations: new RegistrationService(
      db,
      audit,
      outbox,
      new DelegateRepository(),
      new MeetingRequestRepository(),
      new EditionRepository(),
    ),
    requests,
    meetings: new MeetingService(db, meetingRows, audit),
    agendas,
    runner: new ScheduleRunner(
      db,
      new ScheduleRunRepository(),
      editionRows,
      meetingRows,
      new MeetingRequestRepository(),
    ),
    publisher: new PublishService(db, editionRows, meetingRows, agendaChanges, notifier, audit),
    notifier,
    precedences: new PrecedenceService(db, new PrecedenceRepository(), editionRows, audit),
    documents: new AgendaDocumentService(db, agendas, meetingRows),
    walkIns: new WalkInService(db, requests, new WalkInRepository()),
    feeds: new AgendaFeedService(db, audit, new AgendaFeedRepository()),
    stats: new StatisticsService(db, new StatisticsRepository()),
    reminders: new ReminderService(db, mail, new ReminderRepository()),
    editionStats: new EditionStatisticsService(db, new EditionStatisticsRepository()),
    followUps: new FollowUpService(db, mail, new FollowUpRepository()),
    notified,
    async close() {
      await db.destroy();
      await database.drop();
    },
  };
}

export async function createOrganization(
  db: DataSource,
  kind: 'SME' | 'LARGE_FIRM' | 'FINANCIER' | 'SUPPORT_INSTITUTION' = 'SME',
  name = `Org ${randomUUID().slice(0, 6)}`,
): Promise<string> {
  return insertOrganization(db, { kind, name });
}

/** Two days with a morning (4 slots of 30 minutes around a 15-minute break) and an afternoon (4 slots). */
export async function createEdition(
  h: ForumHarness,
  overrides: Record<string, unknown> = {},
): Promise<ForumEditionEntity> {
  const day = (d: string) => [
    { day: d, kind: 'MORNING', start: '09:00', end: '11:15', breaks: [{ start: '10:00', end: '10:15' }] },
    { day: d, kind: 'AFTERNOON', start: '14:00', end: '16:00' },
  ];
  const edition = await h.editions.create({
    name: { fr: 'Forum test', ar: null, en: 'Test forum' },
    startsOn: '2026-03-14',
    endsOn: '2026-03-15',
    slotMinutes: 30,
    sessions: [...day('2026-03-14'), ...day('2026-03-15')],
    ...overrides,
  });
  return h.editions.setStatus(edition.id, 'OPEN');
}

export async function registerDelegates(
  h: ForumHarness,
  editionId: string,
  organizationId: string,
  n: number,
): Promise<ForumDelegateEntity[]> {
  const out: ForumDelegateEntity[] = [];
  for (let i = 0; i < n; i++)
    out.push(
      await h.registrations.register({
        editionId,
        organizationId,
        name: `Delegate ${i}`,
        email: `d${randomUUID().slice(0, 8)}@example.org`,
      }),
    );
  return out;
}

/** A request from `a` to `b`, accepted by b's organisation. */
export async function acceptedRequest(
  h: ForumHarness,
  editionId: string,
  a: ForumDelegateEntity,
  b: ForumDelegateEntity,
  extra: Record<string, unknown> = {},
) {
  const r = await h.requests.request(
    { editionId, organizationId: a.organizationId, fromDelegateId: a.id, toDelegateId: b.id, ...extra },
    null,
  );
  return h.requests.accept(r.id, b.organizationId, null, null);
}

/** The error a promise rejected with (fails the test when it resolved). */
export async function errorOf(
  p: Promise<unknown>,
): Promise<{ code?: string; message: string; extensions?: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code?: string; message: string; extensions?: Record<string, unknown> };
    return err;
  }
  throw new Error('expected the operation to fail');
}
