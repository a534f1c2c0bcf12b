import { randomBytes } from 'node:crypto';
import { loadConfig, meiliClient } from '#platform';
import { SearchIndexerService } from './search-indexer.service.js';
import { indexNames } from './index-names.js';

/** Index creation against the real Meilisearch the test run started. */
describe('ensureIndexes', () => {
  const meili = meiliClient(process.env.MEILI_HOST!, process.env.MEILI_MASTER_KEY);
  const prefix = `ens${randomBytes(3).toString('hex')}_`;
  const names = indexNames(prefix);
  const indexer = () =>
    // Index preparation never touches Postgres.
    new SearchIndexerService(null as never, meili, loadConfig({ MEILI_INDEX_PREFIX: prefix }), null as never);

  afterAll(async () => {
    for (const uid of Object.values(names)) await meili.deleteIndexIfExists(uid).catch(() => undefined);
  });

  it('is idempotent when several processes (or a drain) create the indexes at the same moment', async () => {
    await Promise.all([indexer().ensureIndexes(), indexer().ensureIndexes(), indexer().ensureIndexes()]);
    for (const uid of Object.values(names)) {
      const index = await meili.getIndex(uid);
      expect(index.primaryKey).toBe('id');
      expect((await index.getSettings()).filterableAttributes?.length).toBeGreaterThan(0);
    }
    await indexer().ensureIndexes();
  });
});
