import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
} from 'meilisearch';
import { freePort, startEmbeddedMeili, type EmbeddedMeili } from './embedded-meili.js';
import { isMeiliUnavailable, meiliApiError, meiliClient } from './meili.provider.js';

/**
 * The keep-alive node:http transport against the real Meilisearch the test run started, side by
 * side with the client's default fetch transport: same answers, same errors.
 */
describe('Meilisearch client on the node:http transport', () => {
  const host = process.env.MEILI_HOST!;
  const key = process.env.MEILI_MASTER_KEY;
  const client = meiliClient(host, key);
  const viaFetch = new Meilisearch({ host, apiKey: key, timeout: 10_000 });
  const uid = `tr${randomBytes(4).toString('hex')}_docs`;
  const docs = [
    { id: 1, name: 'Soudure industrielle de Blida', city: 'Blida' },
    { id: 2, name: 'الشركة الجزائرية للميكانيك', city: 'الجزائر' },
    { id: 3, name: 'Oran Welding Works', city: 'Oran' },
  ];

  beforeAll(async () => {
    const task = await client
      .index(uid)
      .addDocuments(docs, { primaryKey: 'id' })
      .waitTask({ timeout: 30_000 });
    expect(task.status).toBe('succeeded');
    await client
      .index(uid)
      .updateSettings({ filterableAttributes: ['city'] })
      .waitTask({ timeout: 30_000 });
  });

  afterAll(async () => {
    await client.deleteIndexIfExists(uid).catch(() => undefined);
  });

  it('searches, with highlights and filters, exactly as the fetch transport does', async () => {
    const params = {
      filter: ['city = Blida OR city = Oran'],
      attributesToHighlight: ['name'],
      highlightPreTag: '<mark>',
      highlightPostTag: '</mark>',
    };
    const got = await client.index(uid).search('soudure', params);
    expect(got.hits.map((h) => h.id)).toEqual([1]);
    expect(got.hits[0]._formatted?.name).toContain('<mark>Soudure</mark>');
    const ref = await viaFetch.index(uid).search('soudure', params);
    const { processingTimeMs: _a, ...gotRest } = got;
    const { processingTimeMs: _b, ...refRest } = ref;
    expect(gotRest).toEqual(refRest);
    // Many requests in a row and in parallel over the kept-alive connections.
    const many = await Promise.all(
      Array.from({ length: 40 }, (_, i) => client.index(uid).search(i % 2 ? 'welding' : 'الجزائرية')),
    );
    expect(many.map((r) => r.hits.length)).toEqual(Array.from({ length: 40 }, () => 1));
    expect((await client.health()).status).toBe('available');
    expect((await client.index(uid).getDocument(3)).name).toBe('Oran Welding Works');
  });

  it("maps Meilisearch's refusals to the same MeilisearchApiError as fetch: an unknown index, a bad filter", async () => {
    const missing = `${uid}_missing`;
    const viaHttp = await client
      .index(missing)
      .search('x')
      .catch((e: unknown) => e);
    const viaF = await viaFetch
      .index(missing)
      .search('x')
      .catch((e: unknown) => e);
    expect(viaF).toBeInstanceOf(MeilisearchApiError);
    // A custom transport's errors reach the caller wrapped; meiliApiError() unwraps both shapes.
    expect(viaHttp).toBeInstanceOf(MeilisearchRequestError);
    for (const e of [viaHttp, viaF]) {
      const api = meiliApiError(e);
      expect(api).toBeInstanceOf(MeilisearchApiError);
      expect(api!.response.status).toBe(404);
      expect(api!.cause).toEqual((viaF as MeilisearchApiError).cause);
      expect(api!.cause?.code).toBe('index_not_found');
      expect(api!.message).toBe((viaF as MeilisearchApiError).message);
      expect(isMeiliUnavailable(e)).toBe(false);
    }
    const badFilter = await client
      .index(uid)
      .search('x', { filter: 'name = x' })
      .catch((e: unknown) => e);
    expect(meiliApiError(badFilter)?.response.status).toBe(400);
    expect(meiliApiError(badFilter)?.cause?.code).toBe('invalid_search_filter');
    expect(isMeiliUnavailable(badFilter)).toBe(false);
  });

  it('fails a request to a closed port as fetch does, as unavailable', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    for (const c of [meiliClient(closed, key), new Meilisearch({ host: closed, apiKey: key })]) {
      const e = await c.health().catch((err: unknown) => err);
      expect(e).toBeInstanceOf(MeilisearchRequestError);
      const cause = (e as Error).cause as Error & { cause?: { code?: string } };
      // fetch's TypeError comes from another realm than Jest's: compared by name.
      expect([cause.name, cause.message]).toEqual(['TypeError', 'fetch failed']);
      expect(cause.cause?.code).toBe('ECONNREFUSED');
      expect(isMeiliUnavailable(e)).toBe(true);
    }
  });

  /**
   * Waits until every thread of `pid` is stopped: a group stop takes effect asynchronously, thread
   * by thread, so a request sent right after kill() could still be answered.
   */
  async function stopped(pid: number): Promise<void> {
    const deadline = Date.now() + 5000;
    const state = (tid: string) =>
      readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')
        .replace(/^.*\) /s, '')
        .charAt(0);
    while (!readdirSync(`/proc/${pid}/task`).every((tid) => state(tid) === 'T')) {
      if (Date.now() > deadline) throw new Error(`process ${pid} did not stop`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  describe('against a frozen Meilisearch', () => {
    let own: EmbeddedMeili;
    let dir: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'tashbik-meili-frozen-'));
      own = await startEmbeddedMeili({ dir, binDir: resolve('.data/bin') });
    }, 60_000);

    afterAll(async () => {
      process.kill(own.pid, 'SIGCONT');
      await own.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it("times out with the client's MeilisearchRequestTimeOutError, aborts on a caller's signal, and reuses the pool after SIGCONT", async () => {
      const c = meiliClient(own.host, own.masterKey, { timeout: 300 });
      expect((await c.health()).status).toBe('available'); // one connection is now kept alive
      process.kill(own.pid, 'SIGSTOP');
      await stopped(own.pid);
      try {
        const timedOut = await c.health().catch((e: unknown) => e);
        expect(timedOut).toBeInstanceOf(MeilisearchRequestError);
        expect((timedOut as Error).cause).toBeInstanceOf(MeilisearchRequestTimeOutError);
        expect(((timedOut as Error).cause as MeilisearchRequestTimeOutError).cause.timeout).toBe(300);
        expect(isMeiliUnavailable(timedOut)).toBe(true);

        const reason = new Error('caller gave up');
        const controller = new AbortController();
        const pending = c.index('anything').search('x', {}, { signal: controller.signal });
        setTimeout(() => controller.abort(reason), 50);
        const aborted = await pending.catch((e: unknown) => e);
        expect(aborted).toBeInstanceOf(MeilisearchRequestError);
        expect((aborted as Error).cause).toBe(reason);
        expect(isMeiliUnavailable(aborted)).toBe(true);
      } finally {
        process.kill(own.pid, 'SIGCONT');
      }
      expect((await c.health()).status).toBe('available');
      expect((await c.getVersion()).pkgVersion).toMatch(/^1\./);
    });
  });
});
