import { randomBytes } from 'node:crypto';
import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { loadConfig, PlatformModule, QUEUES, type AppConfig } from '#platform';
import { DIRECTORY_ENTITIES, DirectoryModule, ImporterService } from '#directory';
import { generateRecords } from '#directory/seed';
import { IdentityModule } from '#identity';
import { NotificationsModule } from '#notifications';
import { createTestDatabase } from '#testing';
import { FORUM_ENTITIES, ForumModule } from '../forum.module.js';
import { FORUM_QUEUE } from '../schedule/forum-queue.js';
import { AgendaService } from '../meeting/agenda.service.js';
import { DEMO_QUOTAS, planDemoForum, type DemoCandidate } from './demo-plan.js';
import { DEMO_EDITION_NAME, demoForumServices, seedDemoForum, type DemoForumReport } from './demo-forum.js';

/* The demo forum seeded through the forum's services on 120 generated organisations, as `npm start` does. */

@Module({})
class DemoSeedModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DemoSeedModule,
      imports: [
        PlatformModule.forRoot(config, [...DIRECTORY_ENTITIES, ...FORUM_ENTITIES]),
        IdentityModule,
        NotificationsModule,
        DirectoryModule,
        ForumModule,
      ],
    };
  }
}

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let app: INestApplicationContext;
let db: DataSource;
let first: DemoForumReport;

beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    QUEUE_PREFIX: `tashbik-test-demo-${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: 'warn',
  });
  app = await NestFactory.createApplicationContext(DemoSeedModule.forRoot(config), { logger: ['error'] });
  db = app.get(DataSource);
  let line = 0;
  const report = await app
    .get(ImporterService)
    .import([...generateRecords({ orgs: 120, seed: 1 })].map((value) => ({ line: ++line, value })));
  expect(report.imported).toBe(120);
  first = await seedDemoForum(demoForumServices(app), { timeLimitMs: 2000 });
});

afterAll(async () => {
  for (const name of [QUEUES.searchSync, FORUM_QUEUE])
    await app
      ?.get<Queue>(getQueueToken(name))
      .obliterate({ force: true })
      .catch(() => undefined);
  await app?.close();
  await database?.drop();
});

describe('planDemoForum', () => {
  const kinds = [
    'SME',
    'SME',
    'SME',
    'LARGE_FIRM',
    'FINANCIER',
    'SUPPORT_INSTITUTION',
    'PUBLIC_BODY',
  ] as const;
  const candidates: DemoCandidate[] = Array.from({ length: 140 }, (_, i) => ({
    organizationId: `org-${i}`,
    kind: kinds[i % kinds.length],
  }));
  const opts = { seed: 5, delegates: 80, requests: 200, sessions: 4, featured: 'org-7' };

  it('gives the same plan for the same organisations and seed, another for another seed', () => {
    expect(planDemoForum(candidates, opts)).toEqual(planDemoForum(candidates, opts));
    expect(planDemoForum(candidates, { ...opts, seed: 6 })).not.toEqual(planDemoForum(candidates, opts));
  });

  it('keeps financiers with SMEs, each pair once, and every delegate within its quotas', () => {
    const plan = planDemoForum(candidates, opts);
    expect(plan.delegates).toHaveLength(80);
    expect(plan.delegates[0].organizationId).toBe('org-7');
    expect(plan.requests.length).toBeGreaterThanOrEqual(190);
    const pairs = new Set<string>();
    const sent = new Map<number, number>();
    const accepted = new Map<number, number>();
    for (const r of plan.requests) {
      const kindsOf = [plan.delegates[r.from].kind, plan.delegates[r.to].kind];
      if (kindsOf.includes('FINANCIER')) expect(kindsOf.filter((k) => k !== 'FINANCIER')).toEqual(['SME']);
      const key = [r.from, r.to].sort((a, b) => a - b).join(':');
      expect(pairs.has(key)).toBe(false);
      pairs.add(key);
      sent.set(r.from, (sent.get(r.from) ?? 0) + 1);
      if (r.outcome === 'ACCEPT') for (const d of [r.from, r.to]) accepted.set(d, (accepted.get(d) ?? 0) + 1);
    }
    for (const [d, n] of sent) expect(n).toBeLessThanOrEqual(DEMO_QUOTAS[plan.delegates[d].kind].maxRequests);
    for (const [d, n] of accepted)
      expect(n).toBeLessThanOrEqual(DEMO_QUOTAS[plan.delegates[d].kind].maxMeetings);
    expect(accepted.get(0)).toBeGreaterThanOrEqual(5);
  });
});

describe('seedDemoForum', () => {
  it('creates the open demo edition in Algiers with its days, tables and groups', async () => {
    expect(first.created).toBe(true);
    const [edition] = await db.query(
      `SELECT id, name, timezone, starts_on::text, ends_on::text, status, slot_minutes, published_version
         FROM forum_edition`,
    );
    expect(edition).toEqual({
      id: first.editionId,
      name: DEMO_EDITION_NAME,
      timezone: 'Africa/Algiers',
      starts_on: '2027-03-16',
      ends_on: '2027-03-17',
      status: 'OPEN',
      slot_minutes: 30,
      published_version: 1,
    });
    const [slots] = await db.query(
      `SELECT count(*) FILTER (WHERE NOT is_break)::int AS meeting, count(*) FILTER (WHERE is_break)::int AS breaks,
              count(DISTINCT day)::int AS days
         FROM forum_slot WHERE edition_id = $1`,
      [first.editionId],
    );
    expect(slots).toEqual({ meeting: 24, breaks: 2, days: 2 });
    const tables = await db.query<{ interpreter: boolean; kind: string | null; registered: boolean }[]>(
      `SELECT t.interpreter, o.kind,
              EXISTS (SELECT 1 FROM forum_delegate d WHERE d.edition_id = t.edition_id
                                                       AND d.organization_id = t.organization_id) AS registered
         FROM forum_table t LEFT JOIN organization o ON o.id = t.organization_id WHERE t.edition_id = $1`,
      [first.editionId],
    );
    expect(tables).toHaveLength(20);
    expect(tables.filter((t) => t.interpreter)).toHaveLength(3);
    expect(tables.filter((t) => t.kind).map((t) => [t.kind, t.registered])).toEqual([
      ['LARGE_FIRM', true],
      ['LARGE_FIRM', true],
      ['LARGE_FIRM', true],
    ]);
    const rules = await db.query(
      `SELECT g.code, m.code AS may_meet FROM forum_group_rule r
         JOIN forum_group g ON g.id = r.group_id JOIN forum_group m ON m.id = r.may_meet_group_id
        WHERE r.edition_id = $1`,
      [first.editionId],
    );
    expect(rules).toEqual([{ code: 'FINANCIER', may_meet: 'SME' }]);
    const [{ ungrouped }] = await db.query(
      `SELECT count(*) FILTER (WHERE group_id IS NULL)::int AS ungrouped FROM forum_delegate WHERE edition_id = $1`,
      [first.editionId],
    );
    expect(ungrouped).toBe(0);
    expect(first.delegates).toBe(80);
    expect(first.requests).toBeGreaterThanOrEqual(180);
  });

  it('publishes a schedule that books no delegate or table twice and pairs financiers only with SMEs', async () => {
    const id = first.editionId;
    expect(first.meetings).toBeGreaterThan(0.95 * first.accepted);
    const [{ delegateClashes }] = await db.query(
      `SELECT count(*)::int AS "delegateClashes" FROM (
         SELECT p.slot_id, p.delegate_id FROM forum_meeting_participant p JOIN forum_meeting mt ON mt.id = p.meeting_id
          WHERE mt.edition_id = $1 AND mt.status = 'PUBLISHED' GROUP BY 1, 2 HAVING count(*) > 1) x`,
      [id],
    );
    const [{ tableClashes, noTable, inBreak }] = await db.query(
      `SELECT (SELECT count(*)::int FROM (SELECT slot_id, table_id FROM forum_meeting
                 WHERE edition_id = $1 AND status = 'PUBLISHED' GROUP BY 1, 2 HAVING count(*) > 1) x) AS "tableClashes",
              (SELECT count(*)::int FROM forum_meeting WHERE edition_id = $1 AND status = 'PUBLISHED'
                 AND table_id IS NULL) AS "noTable",
              (SELECT count(*)::int FROM forum_meeting mt JOIN forum_slot s ON s.id = mt.slot_id
                WHERE mt.edition_id = $1 AND mt.status = 'PUBLISHED' AND s.is_break) AS "inBreak"`,
      [id],
    );
    expect({ delegateClashes, tableClashes, noTable, inBreak }).toEqual({
      delegateClashes: 0,
      tableClashes: 0,
      noTable: 0,
      inBreak: 0,
    });
    const pairs = await db.query<{ kinds: string[]; request_status: string; away: boolean }[]>(
      `SELECT array_agg(o.kind ORDER BY o.kind) AS kinds, min(r.status) AS request_status,
              bool_or(EXISTS (SELECT 1 FROM forum_delegate_unavailable u
                               WHERE u.delegate_id = d.id AND u.slot_id = mt.slot_id)) AS away
         FROM forum_meeting mt
         JOIN forum_meeting_request r ON r.id = mt.request_id
         JOIN forum_meeting_participant p ON p.meeting_id = mt.id
         JOIN forum_delegate d ON d.id = p.delegate_id
         JOIN organization o ON o.id = d.organization_id
        WHERE mt.edition_id = $1 AND mt.status = 'PUBLISHED'
        GROUP BY mt.id`,
      [id],
    );
    expect(pairs).toHaveLength(first.meetings);
    const financier = pairs.filter((p) => p.kinds.includes('FINANCIER'));
    expect(financier.length).toBeGreaterThan(0);
    expect(financier.every((p) => p.kinds.join() === 'FINANCIER,SME')).toBe(true);
    expect(pairs.every((p) => p.request_status === 'ACCEPTED' && !p.away)).toBe(true);
  });

  it('went through the services: contacts released and every acceptance audited', async () => {
    const [row] = await db.query(
      `SELECT (SELECT count(*)::int FROM contact_grant WHERE source = 'MEETING_REQUEST') AS grants,
              (SELECT count(*)::int FROM audit_log WHERE action = 'meeting_request.accept') AS accepts,
              (SELECT count(*)::int FROM audit_log WHERE action = 'forum_edition.publish') AS publications,
              (SELECT count(*)::int FROM mail_outbox WHERE template = 'agenda-changed') AS mails`,
    );
    expect(row.grants).toBe(first.accepted);
    expect(row.accepts).toBe(first.accepted);
    expect(row.publications).toBe(1);
    expect(row.mails).toBeGreaterThan(50);
  });

  it("gives the demo owner's SME (the first active SME) a published agenda", async () => {
    // The same firm on every fresh demo: of the SMEs the import wrote first, the lowest reference.
    const [sme] = await db.query<{ id: string }[]>(
      `SELECT id FROM organization
        WHERE kind = 'SME' AND status = 'ACTIVE'
          AND created_at = (SELECT min(created_at) FROM organization WHERE kind = 'SME' AND status = 'ACTIVE')
        ORDER BY external_ref LIMIT 1`,
    );
    expect(first.featuredOrganizationId).toBe(sme.id);
    const agenda = await app
      .get(AgendaService)
      .agenda({ editionId: first.editionId, organizationId: sme.id });
    expect(agenda.length).toBeGreaterThanOrEqual(5);
    expect(agenda.every((m) => m.status === 'PUBLISHED' && m.organizationId === sme.id)).toBe(true);
  });

  it('changes nothing when run again', async () => {
    const tables = [
      'forum_edition',
      'forum_session',
      'forum_slot',
      'forum_table',
      'forum_group',
      'forum_group_rule',
      'forum_delegate',
      'forum_delegate_unavailable',
      'forum_meeting_request',
      'forum_meeting',
      'forum_meeting_participant',
      'forum_schedule_run',
      'forum_agenda_change',
      'contact_grant',
      'audit_log',
      'mail_outbox',
    ];
    const counts = () =>
      db.query(`SELECT ${tables.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`);
    const before = await counts();
    const again = await seedDemoForum(demoForumServices(app), { timeLimitMs: 2000 });
    expect(again).toEqual({ ...first, created: false });
    expect(await counts()).toEqual(before);
  });
});
