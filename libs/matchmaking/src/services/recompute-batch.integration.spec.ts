import { randomBytes } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Meilisearch } from 'meilisearch';
import type { DataSource } from 'typeorm';
import { createDataSource, meiliClient, OutboxService, type AppConfig } from '#platform';
import { DIRECTORY_ENTITIES, ImporterService } from '#directory';
import { generateRecords } from '#directory/seed';
import { SearchIndexerService } from '#search';
import { OutboxMailer } from '#notifications';
import { FORUM_ENTITIES } from '#forum';
import { createTestDatabase } from '#testing';
import { RecomputeService } from './recompute.service.js';

/**
 * The batched recompute (reads gathered, candidates in multi-searches, writes in bulk, several in
 * flight) against the one-by-one recompute, on the same generated directory: the stored suggestions
 * must be the same, row for row.
 */

let db: DataSource;
let drop: () => Promise<void>;
let meili: Meilisearch;
let prefix: string;
let recompute: RecomputeService;
let active: string[];

/** Every stored suggestion, in a stable order, with what a reader sees of it. */
async function snapshot(): Promise<string[]> {
  const rows = await db.query<{ line: string }[]>(
    `SELECT concat_ws('|', organization_id, kind, counterpart_organization_id, opportunity_id, delegate_id, role,
                      rank, round(score::numeric, 9), round(forward::numeric, 9), round(reverse::numeric, 9),
                      contributions::text) AS line
     FROM suggestion ORDER BY organization_id, kind, coalesce(delegate_id::text, ''), rank`,
  );
  return rows.map((r) => r.line);
}

beforeAll(async () => {
  const database = await createTestDatabase();
  drop = database.drop;
  db = createDataSource({ databaseUrl: database.url }, [...DIRECTORY_ENTITIES, ...FORUM_ENTITIES]);
  await db.initialize();
  meili = meiliClient(process.env.MEILI_HOST!, process.env.MEILI_MASTER_KEY);
  prefix = `t${randomBytes(4).toString('hex')}_`;
  const config = {
    meiliIndexPrefix: prefix,
    outboxBatchSize: 1000,
    publicUrl: 'http://localhost:3000',
    auth: { jwtSecret: 'matchmaking-test-secret-0123456789abcdef' },
  } as AppConfig;
  const indexer = new SearchIndexerService(db, meili, config, new OutboxService(null as never));
  await indexer.ensureIndexes();
  recompute = new RecomputeService(db, meili, config, new OutboxMailer(db, config));
  // The directory's own generator (seeded), through the importer, as an import would fill it.
  const importer = new ImporterService(db, new OutboxService({ add: async () => ({}) } as unknown as Queue));
  let line = 0;
  const records = [...generateRecords({ orgs: 400, seed: 11 })].map((value) => ({ line: ++line, value }));
  const report = await importer.import(records);
  expect(report.rejected).toEqual([]);
  await indexer.drain();
  // Hard criteria on a share of the requests (the generator states none): certifications, processes, wilayas.
  await db.query(
    `UPDATE opportunity SET required_certifications = '{ISO_9001}'
     WHERE type = 'SUBCONTRACTING_REQUEST' AND mod(abs(hashtext(id::text)), 3) = 0`,
  );
  await db.query(
    `UPDATE opportunity SET required_processes = processes[1:1]
     WHERE type = 'SUBCONTRACTING_REQUEST' AND mod(abs(hashtext(id::text)), 4) = 1 AND cardinality(processes) > 0`,
  );
  await db.query(
    `UPDATE opportunity p SET region_codes = ARRAY[o.region_code] FROM organization o
     WHERE o.id = p.organization_id AND o.region_code IS NOT NULL AND p.type = 'SUBCONTRACTING_REQUEST'
       AND mod(abs(hashtext(p.id::text)), 5) = 2`,
  );
  // An open forum edition with a delegate for one organisation in five, with goals or without.
  const [{ id: edition }] = await db.query<{ id: string }[]>(
    `INSERT INTO forum_edition (name, starts_on, ends_on, slot_minutes, status)
     VALUES ('{"fr":"Forum"}', '2026-03-14', '2026-03-15', 30, 'OPEN') RETURNING id`,
  );
  await db.query(
    `INSERT INTO forum_delegate (edition_id, organization_id, name, email, languages, goals)
     SELECT $1, id, 'd' || n, 'd' || n || '@forum.example', '{fr}',
            CASE WHEN n % 2 = 0 THEN '{FIND_SUBCONTRACTORS}'::text[] ELSE '{}'::text[] END
     FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM organization) o WHERE n % 5 = 0`,
    [edition],
  );
  // Feedback that shapes the lists: refused pairs leave them, "not relevant" reweighs them.
  const pairs = await db.query<{ org: string; other: string }[]>(
    `SELECT a.id AS org, b.id AS other FROM organization a
     JOIN LATERAL (SELECT id FROM organization WHERE kind = 'SME' AND id <> a.id ORDER BY id LIMIT 3) b ON true
     WHERE a.kind IN ('SME', 'LARGE_FIRM') ORDER BY a.id LIMIT 60`,
  );
  for (const [i, p] of pairs.entries())
    await db.query(
      `INSERT INTO suggestion_feedback (organization_id, kind, counterpart_organization_id, verdict, reason, snapshot)
       VALUES ($1, 'SUBCONTRACTING', $2, $3, $4, $5)`,
      i % 2
        ? [p.org, p.other, 'DISMISSED', null, null]
        : [p.org, p.other, 'NOT_RELEVANT', 'DISTANCE', JSON.stringify({ similarity: null })],
    );
  active = (
    await db.query<{ id: string }[]>(`SELECT id FROM organization WHERE status = 'ACTIVE' ORDER BY id`)
  ).map((r) => r.id);
}, 180_000);

afterAll(async () => {
  await db?.destroy();
  await meili?.deleteIndexIfExists(`${prefix}organizations`).catch(() => undefined);
  await meili?.deleteIndexIfExists(`${prefix}opportunities`).catch(() => undefined);
  await drop?.();
});

describe('batched recompute', () => {
  let oneByOne: string[];

  beforeAll(async () => {
    const computer = recompute.computer();
    for (const id of active) await recompute.recompute(id, null, computer);
    oneByOne = await snapshot();
  }, 180_000);

  it('has something to compare: suggestions of several kinds for most organisations', () => {
    const orgs = new Set(oneByOne.map((l) => l.split('|')[0]));
    const kinds = new Set(oneByOne.map((l) => l.split('|')[1]));
    expect(orgs.size).toBeGreaterThan(active.length / 2);
    expect([...kinds].sort()).toEqual(['FINANCING', 'MEETING', 'SUBCONTRACTING', 'SUPPORT']);
  });

  it('recomputeMany stores the very suggestions of the one-by-one recompute', async () => {
    await db.query(`DELETE FROM suggestion`);
    for (let i = 0; i < active.length; i += 50) {
      const chunk = active.slice(i, i + 50);
      const res = await recompute.recomputeMany(chunk);
      expect([...res.keys()]).toEqual(chunk);
    }
    expect(await snapshot()).toEqual(oneByOne);
  }, 120_000);

  it('the sharded drain, two at once, stores them too and marks every row done', async () => {
    await db.query(`DELETE FROM suggestion`);
    await db.query(`UPDATE outbox SET processed_at = now() WHERE processed_at IS NULL`);
    await db.query(
      `INSERT INTO outbox (entity_type, entity_id, op, topic)
       SELECT 'organization', id, 'upsert', 'match' FROM organization ORDER BY id`,
    );
    const [a, b] = await Promise.all([recompute.drain(), recompute.drain()]);
    expect([...a.failed, ...b.failed]).toEqual([]);
    // Each organisation was recomputed by exactly one of the two drains.
    expect(a.organizations + b.organizations).toBe(active.length);
    const [{ n }] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM outbox WHERE topic = 'match' AND processed_at IS NULL`,
    );
    expect(n).toBe(0);
    expect(await snapshot()).toEqual(oneByOne);
  }, 120_000);
});
