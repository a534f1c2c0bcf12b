import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { directoryFacts, SPOKEN_LANGUAGES, type DemoCandidate, type OrganizationKind } from '#directory';
import { EditionService } from '../edition/edition.service.js';
import { TableService } from '../edition/table.service.js';
import { GroupService } from '../edition/group.service.js';
import { RegistrationService } from '../registration/registration.service.js';
import { RequestService } from '../request/request.service.js';
import { ScheduleRunner } from '../schedule/schedule-runner.js';
import { PublishService } from '../schedule/publish.service.js';
import { DEMO_QUOTAS, planDemoForum } from './demo-plan.js';

/** The forum services the demo seed goes through, so that it leaves what real use would (audit, grants, mails). */
export interface DemoForumServices {
  db: DataSource;
  editions: EditionService;
  tables: TableService;
  groups: GroupService;
  registrations: RegistrationService;
  requests: RequestService;
  runner: ScheduleRunner;
  publisher: PublishService;
}

/** The services from a Nest context that imports ForumModule (the worker's, for instance). */
export function demoForumServices(app: INestApplicationContext): DemoForumServices {
  return {
    db: app.get(DataSource),
    editions: app.get(EditionService),
    tables: app.get(TableService),
    groups: app.get(GroupService),
    registrations: app.get(RegistrationService),
    requests: app.get(RequestService),
    runner: app.get(ScheduleRunner),
    publisher: app.get(PublishService),
  };
}

export const DEMO_EDITION_NAME = {
  ar: 'المنتدى العربي الخامس للصناعات الصغيرة والمتوسطة',
  fr: '5e Forum arabe des petites et moyennes industries',
  en: '5th Arab Forum of Small and Medium Industries',
};

const DAYS = ['2027-03-16', '2027-03-17'];

const GROUP_NAMES: Record<OrganizationKind, { ar: string; fr: string; en: string }> = {
  SME: { ar: 'المؤسسات الصغيرة والمتوسطة', fr: 'PME', en: 'SMEs' },
  LARGE_FIRM: { ar: 'المؤسسات الكبرى', fr: 'Grandes entreprises', en: 'Large firms' },
  FINANCIER: { ar: 'هيئات التمويل', fr: 'Financeurs', en: 'Financiers' },
  SUPPORT_INSTITUTION: { ar: 'هيئات الدعم', fr: "Structures d'appui", en: 'Support institutions' },
  PUBLIC_BODY: { ar: 'الهيئات العمومية', fr: 'Organismes publics', en: 'Public bodies' },
};

const DECLINE_REASONS = [
  'Notre agenda est complet pendant le forum.',
  'Hors de notre périmètre pour cette édition.',
  'We will get in touch after the forum.',
];

export interface DemoForumOptions {
  /** Seed of the plan: the same organisations and seed give the same forum. */
  seed?: number;
  delegates?: number;
  requests?: number;
  /** Scheduler budget; it stops sooner when it proves its schedule optimal. */
  timeLimitMs?: number;
}

export interface DemoForumReport {
  editionId: string;
  /** false: the demo edition was already there and nothing was written. */
  created: boolean;
  delegates: number;
  requests: number;
  accepted: number;
  /** Published meetings (not cancelled). */
  meetings: number;
  /** The demo owner's SME (the first active SME), which has a published agenda. */
  featuredOrganizationId: string | null;
}

/**
 * The SME the demo owner account belongs to (same rule as ensureDemoAccounts in #identity): the
 * first active SME created, ties (one import transaction) broken by import reference, so a fresh
 * demo always features the same firm.
 */
function featuredSme(db: DataSource): Promise<string | null> {
  return directoryFacts.firstActiveSme(db);
}

/** The demo edition and its figures, or null when there is none. */
export async function findDemoForum(db: DataSource): Promise<DemoForumReport | null> {
  const [edition] = await db.query<{ id: string }[]>(
    `SELECT id FROM forum_edition WHERE name->>'en' = $1 ORDER BY created_at, id LIMIT 1`,
    [DEMO_EDITION_NAME.en],
  );
  if (!edition) return null;
  const [counts] = await db.query<
    { delegates: number; requests: number; accepted: number; meetings: number }[]
  >(
    `SELECT (SELECT count(*)::int FROM forum_delegate WHERE edition_id = $1) AS delegates,
            (SELECT count(*)::int FROM forum_meeting_request WHERE edition_id = $1) AS requests,
            (SELECT count(*)::int FROM forum_meeting_request WHERE edition_id = $1 AND status = 'ACCEPTED') AS accepted,
            (SELECT count(*)::int FROM forum_meeting WHERE edition_id = $1 AND status = 'PUBLISHED') AS meetings`,
    [edition.id],
  );
  return { editionId: edition.id, created: false, ...counts, featuredOrganizationId: await featuredSme(db) };
}

type CandidateRow = DemoCandidate;

/**
 * The demo edition of the forum, built through the forum's services as organisers and delegates
 * would: an open two-day edition in Algiers with tables, groups (financiers meet only SMEs) and
 * quotas, delegates of about 80 seeded organisations, meeting requests (most accepted, which
 * releases contacts and is audited), a schedule from the scheduler and its publication. Does
 * nothing when the demo edition already exists.
 */
export async function seedDemoForum(
  s: DemoForumServices,
  opts: DemoForumOptions = {},
): Promise<DemoForumReport> {
  const existing = await findDemoForum(s.db);
  if (existing) return existing;
  const seed = opts.seed ?? 5;

  const candidates: CandidateRow[] = await directoryFacts.demoCandidates(s.db);
  const featured = await featuredSme(s.db);
  const sessions = DAYS.flatMap((day) => [
    { day, kind: 'MORNING', start: '09:00', end: '12:30', breaks: [{ start: '10:30', end: '11:00' }] },
    // Lunch from 12:30 to 14:00, between the two sessions.
    { day, kind: 'AFTERNOON', start: '14:00', end: '17:00' },
  ]);
  const plan = planDemoForum(
    candidates.map((c) => ({ organizationId: c.id, kind: c.kind })),
    {
      seed,
      delegates: opts.delegates ?? 80,
      requests: opts.requests ?? 200,
      sessions: sessions.length,
      featured,
    },
  );

  const edition = await s.editions.create({
    name: DEMO_EDITION_NAME,
    venue: 'Palais des expositions, Pins maritimes, Alger',
    timezone: 'Africa/Algiers',
    startsOn: DAYS[0],
    endsOn: DAYS[DAYS.length - 1],
    slotMinutes: 30,
    maxMeetingsPerDelegate: 10,
    maxRequestsPerDelegate: 12,
    fairness: 2,
    sessions,
  });
  await s.editions.setStatus(edition.id, 'OPEN');

  const stands = plan.delegates.filter((d) => d.kind === 'LARGE_FIRM').slice(0, 3);
  await s.tables.add(edition.id, [
    ...Array.from({ length: 17 }, (_, i) => ({
      label: `T${String(i + 1).padStart(2, '0')}`,
      languages: i < 3 ? ['ar', 'fr', 'en'] : ['ar', 'fr'],
      interpreter: i < 3,
    })),
    ...stands.map((d, i) => ({
      label: `Stand ${String.fromCharCode(65 + i)}`,
      capacity: 4,
      languages: ['ar', 'fr', 'en'],
      organizationId: d.organizationId,
    })),
  ]);

  const groups = new Map<OrganizationKind, string>();
  for (const kind of Object.keys(DEMO_QUOTAS) as OrganizationKind[]) {
    const g = await s.groups.create(edition.id, {
      code: kind,
      name: GROUP_NAMES[kind],
      ...DEMO_QUOTAS[kind],
    });
    groups.set(kind, g.id);
  }
  await s.groups.setRules(groups.get('FINANCIER')!, [groups.get('SME')!]);

  const slots = (await s.editions.slots(edition.id)).filter((x) => !x.isBreak);
  const sessionOfSlot = (slot: (typeof slots)[number]) =>
    DAYS.indexOf(slot.day) * 2 + (slot.session === 'MORNING' ? 0 : 1);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const emails = new Set<string>();
  const delegateIds: string[] = [];
  for (const [i, d] of plan.delegates.entries()) {
    const org = byId.get(d.organizationId)!;
    let email = org.contact_email?.toLowerCase() ?? '';
    if (!email || emails.has(email)) email = `delegate-${i + 1}@forum.tashbik.test`;
    emails.add(email);
    const languages = org.languages.filter((l) => (SPOKEN_LANGUAGES as readonly string[]).includes(l));
    const delegate = await s.registrations.register({
      editionId: edition.id,
      organizationId: d.organizationId,
      name: org.contact_name ?? org.name.slice(0, 120),
      email,
      languages: languages.length ? languages : ['ar', 'fr'],
      goals: d.goals,
      unavailableSlotIds:
        d.awaySession === null
          ? []
          : slots.filter((x) => sessionOfSlot(x) === d.awaySession).map((x) => x.id),
    });
    delegateIds.push(delegate.id);
  }

  for (const [i, r] of plan.requests.entries()) {
    const from = plan.delegates[r.from];
    const to = plan.delegates[r.to];
    const req = await s.requests.request(
      {
        editionId: edition.id,
        organizationId: from.organizationId,
        fromDelegateId: delegateIds[r.from],
        toDelegateId: delegateIds[r.to],
        message: r.message,
        priority: r.priority,
        session: r.session,
      },
      null,
    );
    if (r.outcome === 'ACCEPT') await s.requests.accept(req.id, to.organizationId, null, null);
    else if (r.outcome === 'DECLINE')
      await s.requests.decline(req.id, to.organizationId, DECLINE_REASONS[i % DECLINE_REASONS.length], null);
  }

  // Synchronously, not through the queue: the demo is ready when this returns.
  await s.runner.run(`demo-${edition.id}`, edition.id, false, opts.timeLimitMs ?? 5000);
  await s.publisher.publish(edition.id);
  const report = (await findDemoForum(s.db))!;
  return { ...report, created: true };
}
