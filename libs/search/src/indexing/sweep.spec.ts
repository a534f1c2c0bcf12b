import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource, loadConfig, meiliClient, OutboxService } from '#platform';
import { DIRECTORY_ENTITIES } from '#directory';
import { createTestDatabase, insertOrganization } from '#testing';
import { SearchIndexerService } from './search-indexer.service.js';
import { indexNames } from './index-names.js';

/* The sweep against real Postgres and Meilisearch: what it queues, and what it leaves to pending rows. */

const meili = meiliClient(process.env.MEILI_HOST!, process.env.MEILI_MASTER_KEY);
const prefix = `swp${randomBytes(3).toString('hex')}_`;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: DataSource;
let indexer: SearchIndexerService;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDataSource({ databaseUrl: database.url }, DIRECTORY_ENTITIES);
  await db.initialize();
  indexer = new SearchIndexerService(
    db,
    meili,
    loadConfig({ MEILI_INDEX_PREFIX: prefix }),
    new OutboxService(null as never),
  );
  await indexer.ensureIndexes();
});

afterAll(async () => {
  for (const uid of Object.values(indexNames(prefix)))
    await meili.deleteIndexIfExists(uid).catch(() => undefined);
  await db?.destroy();
  await database?.drop();
});

const organisation = (name: string) => insertOrganization(db, { name });

async function opportunity(organizationId: string, archived = false): Promise<string> {
  const [row] = await db.query<{ id: string }[]>(
    `INSERT INTO opportunity (organization_id, type, title, description, archived_at)
     VALUES ($1, 'CAPABILITY_OFFER', '{"fr":"Usinage"}'::jsonb, '{}'::jsonb, $2) RETURNING id`,
    [organizationId, archived ? new Date() : null],
  );
  return row.id;
}

const pendingFor = async (ids: string[]): Promise<number> =>
  (
    await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM outbox
        WHERE topic = 'search' AND processed_at IS NULL AND entity_id = ANY($1::uuid[])`,
      [ids],
    )
  )[0].n;

it('leaves the opportunities of an organisation with a pending row to that row, and the drain indexes them', async () => {
  const imported = await organisation('Importée');
  const queue = (type: string, id: string) =>
    db.query(`INSERT INTO outbox (entity_type, entity_id, op, topic) VALUES ($1, $2, 'upsert', 'search')`, [
      type,
      id,
    ]);
  // Indexed once, then archived: the organisation's row will not cover it (only current opportunities).
  const archived = await opportunity(imported);
  await queue('organization', imported);
  await indexer.drain();
  await db.query(`UPDATE opportunity SET archived_at = now(), version = version + 1 WHERE id = $1`, [
    archived,
  ]);
  // An import wrote the organisation's row again; its new opportunities have no row and no document yet.
  const opps = [await opportunity(imported), await opportunity(imported), await opportunity(imported)];
  await queue('organization', imported);
  // Another organisation, with nothing pending: the sweep repairs it as before.
  const other = await organisation('Autre');
  const otherOpp = await opportunity(other);

  const { queued } = await indexer.sweep();
  expect(await pendingFor(opps)).toBe(0);
  expect(await pendingFor([imported])).toBe(1);
  expect(await pendingFor([archived])).toBe(1);
  expect(await pendingFor([other, otherOpp])).toBe(2);
  expect(queued).toBe(3);
  // A second sweep finds the same drift already queued.
  expect((await indexer.sweep()).queued).toBe(0);

  // Nothing is lost by waiting: draining the organisation's row indexes its opportunities.
  await indexer.drain();
  const state = await db.query<{ entity_id: string }[]>(
    `SELECT entity_id FROM search_state WHERE entity_type = 'opportunity' ORDER BY entity_id`,
  );
  expect(state.map((s) => s.entity_id)).toEqual([...opps, otherOpp].sort());
  const docs = await meili.index(indexNames(prefix).opportunities).getDocuments({ limit: 100 });
  expect(docs.results.map((d) => d.id as string).sort()).toEqual([...opps, otherOpp].sort());
  expect((await indexer.sweep()).queued).toBe(0);
});
