import type { DataSource } from 'typeorm';
import { createDataSource, OutboxService } from '#platform';
import { DIRECTORY_ENTITIES } from '#directory';
import { AuditService } from '#identity';
import { createTestDatabase } from '#testing';
import { FeedbackService } from './feedback.service.js';
import { FullRecomputeService } from './full-recompute.service.js';

/**
 * A dismissed cluster proposal stays dismissed for the firm that dismissed it when the proposal
 * comes back with a member more (a new key), on real Postgres; the other members still see it.
 */

let db: DataSource;
let drop: () => Promise<void>;
let clusters: FullRecomputeService;
let feedback: FeedbackService;

const text = (fr: string) => JSON.stringify({ ar: null, fr, en: null });

async function sme(name: string, division: string): Promise<string> {
  const [{ id }] = await db.query<{ id: string }[]>(
    `INSERT INTO organization (kind, name, description, country, region_code, sectors, employee_band,
       founded_year, languages, certifications, innovation, capabilities, processes, status)
     VALUES ('SME', $1, $2, 'DZ', 'DZ-19', $3, '10-49', 2012, '{fr,ar}', '{}',
       '{"rdActivity":false,"patents":0,"utilityModels":0,"trademarks":0,"industrialDesigns":0}', '[]', '{}',
       'ACTIVE')
     RETURNING id`,
    [text(name), text(`${name}, Sétif`), [division]],
  );
  return id;
}

const proposalsOf = (org: string) =>
  db.query<{ suggestion: string; key: string }[]>(
    `SELECT s.id AS suggestion, c.key FROM suggestion s JOIN cluster_proposal c ON c.id = s.cluster_id
      WHERE s.organization_id = $1 AND s.kind = 'CLUSTER'`,
    [org],
  );

const membersOf = async (key: string) =>
  (
    await db.query<{ organization_id: string }[]>(
      `SELECT cm.organization_id FROM cluster_member cm JOIN cluster_proposal c ON c.id = cm.cluster_id
        WHERE c.key = $1`,
      [key],
    )
  ).map((r) => r.organization_id);

beforeAll(async () => {
  const database = await createTestDatabase();
  drop = database.drop;
  db = createDataSource({ databaseUrl: database.url }, [...DIRECTORY_ENTITIES]);
  await db.initialize();
  // Cluster proposals read profiles only; dismissing opens no request.
  clusters = new FullRecomputeService(db, null as never);
  feedback = new FeedbackService(
    db,
    new AuditService(),
    null as never,
    null as never,
    new OutboxService(null as never),
  );
});

afterAll(async () => {
  await db?.destroy();
  await drop?.();
});

it('keeps a dismissal on the proposal’s core when a member joins', async () => {
  // A metal value chain in one wilaya: basic metals, metal products, machinery.
  const firms: string[] = [];
  for (const [i, division] of ['24', '25', '28'].entries())
    firms.push(await sme(`Atelier ${i + 1}`, division));
  expect(await clusters.recomputeClusters()).toBeGreaterThan(0);
  const [judge, other] = firms;
  const [before] = await proposalsOf(judge);
  expect(before).toBeDefined();
  expect(await membersOf(before.key)).toContain(other);

  await feedback.give(
    { organizationId: judge, suggestionId: before.suggestion, verdict: 'DISMISSED' } as never,
    null,
  );
  expect(await proposalsOf(judge)).toEqual([]);

  // A newcomer of the same chain and wilaya joins the group: the proposal gets a new key.
  const newcomer = await sme('Atelier 4', '25');
  await clusters.recomputeClusters();
  const [{ key: after }] = await proposalsOf(other);
  expect(after).not.toBe(before.key);
  const members = await membersOf(after);
  expect(members).toContain(newcomer);
  expect(members).toContain(judge);
  // The firm that dismissed it does not see it again; the others do.
  expect(await proposalsOf(judge)).toEqual([]);
  expect((await proposalsOf(newcomer)).map((p) => p.key)).toEqual([after]);
});
