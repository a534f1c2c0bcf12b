import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEmbeddedMeili, type EmbeddedMeili } from '#platform';
import { bootTestApp, eventually, startProcess, type TestApp } from '#testing';

/*
 * Postgres is the source of truth and Meilisearch is derived from it through the outbox. These
 * tests run the real api, worker and CLI processes and compare the whole index with the rows.
 */

interface Versioned {
  id: string;
  version: number;
}

const PAGE = 1000;

/**
 * How long a test waits for one Meilisearch task of its own. The test Meilisearch is shared by the
 * whole run and handles one batch at a time, so a task may queue behind other files' indexing; on a
 * loaded machine a one-document addition was measured at 1 to 5 s and queued behind another as
 * long, past the client's default of 5 s. The product waits 120 s (`settled`).
 */
const TASK_WAIT = { timeout: 60_000 };

/** Every document of an index, read page by page, reduced to id and version. */
async function indexedDocs(app: TestApp, uid: string): Promise<Versioned[]> {
  const all: Versioned[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await app.meili
      .index(uid)
      .getDocuments<Versioned>({ fields: ['id', 'version'], limit: PAGE, offset });
    all.push(...page.results);
    if (page.results.length < PAGE) return all;
  }
}

/** What search must hold: active organisations, and open opportunities of active organisations. */
async function liveRows(app: TestApp): Promise<{ organizations: Versioned[]; opportunities: Versioned[] }> {
  const orgs = await app.db.query<Versioned>(`SELECT id, version FROM organization WHERE status = 'ACTIVE'`);
  const opps = await app.db.query<Versioned>(
    `SELECT p.id, p.version FROM opportunity p JOIN organization o ON o.id = p.organization_id
     WHERE p.archived_at IS NULL AND o.status = 'ACTIVE'`,
  );
  return { organizations: orgs.rows, opportunities: opps.rows };
}

interface Drift {
  index: string;
  missing: string[];
  extra: string[];
  stale: string[];
  duplicates: number;
  documents: number;
  rows: number;
}

/** Differences between each index and Postgres; empty when they agree exactly. */
async function drift(app: TestApp): Promise<Drift[]> {
  const rows = await liveRows(app);
  const out: Drift[] = [];
  for (const kind of ['organizations', 'opportunities'] as const) {
    const uid = app.indexes[kind];
    const docs = await indexedDocs(app, uid);
    const { numberOfDocuments } = await app.meili.index(uid).getStats();
    const inIndex = new Map(docs.map((d) => [d.id, d.version]));
    const inDb = new Map(rows[kind].map((r) => [r.id, r.version]));
    const d: Drift = {
      index: kind,
      missing: [...inDb.keys()].filter((id) => !inIndex.has(id)),
      extra: [...inIndex.keys()].filter((id) => !inDb.has(id)),
      stale: [...inDb].filter(([id, v]) => inIndex.has(id) && inIndex.get(id) !== v).map(([id]) => id),
      duplicates: docs.length - inIndex.size,
      documents: numberOfDocuments,
      rows: inDb.size,
    };
    if (
      d.missing.length ||
      d.extra.length ||
      d.stale.length ||
      d.duplicates ||
      d.documents !== docs.length ||
      d.documents !== d.rows
    )
      out.push(d);
  }
  return out;
}

async function expectIndexEqualsPostgres(app: TestApp, timeoutMs = 20_000): Promise<void> {
  await eventually(async () => (await drift(app)).length === 0, timeoutMs).catch(() => undefined);
  expect(await drift(app)).toEqual([]);
}

async function outboxCounts(app: TestApp): Promise<{ done: number; pending: number }> {
  const { rows } = await app.db.query<{ done: number; pending: number }>(
    `SELECT count(*) FILTER (WHERE processed_at IS NOT NULL)::int AS done,
            count(*) FILTER (WHERE processed_at IS NULL)::int AS pending FROM outbox WHERE topic = 'search'`,
  );
  return rows[0];
}

/** Inserts organisations and their outbox rows in one statement, as OrganizationService.insert would. */
async function insertOrganizations(app: TestApp, n: number, label: string): Promise<void> {
  await app.db.query(
    `WITH o AS (
       INSERT INTO organization (kind, name, description, country, sectors, innovation)
       SELECT 'SME',
              jsonb_build_object('ar', NULL, 'fr', $2::text || ' ' || g, 'en', NULL),
              '{"ar":null,"fr":null,"en":null}',
              'DZ', '{25}',
              '{"rdActivity":false,"patents":0,"utilityModels":0,"trademarks":0,"industrialDesigns":0}'
       FROM generate_series(1, $1::int) g
       RETURNING id)
     INSERT INTO outbox (entity_type, entity_id, op) SELECT 'organization', id, 'upsert' FROM o`,
    [n, label],
  );
}

const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id version } }`;
const orgInput = (fr: string) => ({
  kind: 'SME',
  name: { fr },
  country: 'DZ',
  regionCode: 'DZ-16',
  sectors: ['25'],
  capabilities: [{ process: 'MACHINING', materials: ['acier'] }],
});

async function createOrg(app: TestApp, fr: string): Promise<Versioned> {
  const r = await app.gql<{ createOrganization: Versioned }>(CREATE_ORG, { input: orgInput(fr) });
  expect(r.errors).toBeUndefined();
  return r.data!.createOrganization;
}

async function doc<T extends Record<string, unknown>>(
  app: TestApp,
  uid: string,
  id: string,
): Promise<T | null> {
  const page = await app.meili.index(uid).getDocuments<T>({ ids: [id], limit: 1 });
  return page.results[0] ?? null;
}

/** An app on the shared test Meilisearch, without a worker until the first test starts one. */
let app: TestApp;
/** An app on a Meilisearch of its own (in `ownDir`), which the last test stops and restarts. */
let ownApp: TestApp;
let ownMeili: EmbeddedMeili;
let ownDir: string;

beforeAll(async () => {
  ownDir = mkdtempSync(join(tmpdir(), 'tashbik-sync-meili-'));
  ownMeili = await startEmbeddedMeili({ dir: ownDir, binDir: resolve('.data/bin') });
  // Booting processes dominates the run time, so both apps start together.
  const [a, b] = await Promise.allSettled([
    bootTestApp({ signedIn: 'ORGANISER' }),
    bootTestApp({
      worker: true,
      env: { MEILI_HOST: ownMeili.host, MEILI_MASTER_KEY: ownMeili.masterKey },
      signedIn: 'ORGANISER',
    }),
  ]);
  if (a.status === 'fulfilled') app = a.value;
  if (b.status === 'fulfilled') ownApp = b.value;
  for (const r of [a, b]) if (r.status === 'rejected') throw r.reason;
});

afterAll(async () => {
  await Promise.all([app?.close(), ownApp?.close()]);
  await ownMeili?.stop();
  if (ownDir) rmSync(ownDir, { recursive: true, force: true });
});

describe('search sync with the worker (Postgres → Meilisearch)', () => {
  it('converges after the worker is killed in the middle of a drain', async () => {
    const total = 3000;
    await insertOrganizations(app, total, 'Atelier de chaudronnerie');
    expect(await outboxCounts(app)).toEqual({ done: 0, pending: total });

    // Small batches, so the drain commits several and can be killed between them.
    const first = await app.startWorker({ OUTBOX_BATCH_SIZE: '500' });
    // A drain commits one batch of rows at a time; kill it once some, not all, are committed.
    await eventually(async () => (await outboxCounts(app)).done > 0, 30_000);
    await first.stop('SIGKILL');
    const atKill = await outboxCounts(app);
    expect(atKill.done).toBeGreaterThan(0);
    expect(atKill.pending).toBeGreaterThan(0);

    await app.startWorker();
    await eventually(async () => (await outboxCounts(app)).pending === 0, 30_000);
    expect(await drift(app)).toEqual([]);
    const { rows } = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM organization WHERE status = 'ACTIVE'`,
    );
    expect(rows[0].n).toBe(total);
  });

  it('follows updates and archives, and keeps opportunities with their organisation', async () => {
    const org = await createOrg(app, 'Fonderie Oranaise');
    const opp = (title: string) =>
      app.gql<{ createOpportunity: Versioned }>(
        `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id version } }`,
        { input: { organizationId: org.id, type: 'CAPABILITY_OFFER', title: { fr: title } } },
      );
    const [a, b] = await Promise.all([opp('Moulage sable'), opp('Moulage coquille')]);
    expect(a.errors ?? b.errors).toBeUndefined();
    const oppA = a.data!.createOpportunity.id;
    const oppB = b.data!.createOpportunity.id;
    await eventually(async () => {
      const o = await doc(app, app.indexes.organizations, org.id);
      const p = await doc(app, app.indexes.opportunities, oppA);
      const q = await doc(app, app.indexes.opportunities, oppB);
      return o?.version === org.version && p && q;
    });

    const updated = await app.gql<{ updateOrganization: Versioned }>(
      `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id version } }`,
      { input: { id: org.id, expectedVersion: org.version, name: { fr: 'Fonderie de Tlemcen' } } },
    );
    expect(updated.errors).toBeUndefined();
    const v2 = updated.data!.updateOrganization.version;
    expect(v2).toBeGreaterThan(org.version);
    const orgDoc = await eventually(async () => {
      const d = await doc<{ version: number; name_fr: string }>(app, app.indexes.organizations, org.id);
      return d?.version === v2 ? d : null;
    });
    expect(orgDoc.name_fr).toBe('Fonderie de Tlemcen');
    // The organisation's name is copied into its opportunities' documents.
    await eventually(async () => {
      const docs = await Promise.all(
        [oppA, oppB].map((id) => doc<{ organization_name: string }>(app, app.indexes.opportunities, id)),
      );
      return docs.every((d) => d?.organization_name === 'Fonderie de Tlemcen');
    });

    const archivedOpp = await app.gql(`mutation($id: ID!) { archiveOpportunity(id: $id) { id } }`, {
      id: oppB,
    });
    expect(archivedOpp.errors).toBeUndefined();
    await eventually(async () => (await doc(app, app.indexes.opportunities, oppB)) === null);
    expect(await doc(app, app.indexes.opportunities, oppA)).not.toBeNull();

    const archived = await app.gql(`mutation($id: ID!) { archiveOrganization(id: $id) { id } }`, {
      id: org.id,
    });
    expect(archived.errors).toBeUndefined();
    await eventually(
      async () =>
        (await doc(app, app.indexes.organizations, org.id)) === null &&
        (await doc(app, app.indexes.opportunities, oppA)) === null,
    );
    const search = await app.gql<{ searchOrganizations: { hits: { id: string }[] } }>(
      `{ searchOrganizations(query: "Fonderie Tlemcen") { hits { id } } }`,
    );
    expect(search.errors).toBeUndefined();
    expect(search.data!.searchOrganizations.hits.map((h) => h.id)).not.toContain(org.id);
    await expectIndexEqualsPostgres(app);
  });

  it('puts back a document lost from the index and removes one added behind its back', async () => {
    const { rows } = await app.db.query<{ id: string }>(
      `SELECT id FROM organization WHERE status = 'ACTIVE' ORDER BY id LIMIT 1`,
    );
    const lost = rows[0].id;
    await app.meili.index(app.indexes.organizations).deleteDocument(lost).waitTask(TASK_WAIT);
    expect(await doc(app, app.indexes.organizations, lost)).toBeNull();
    await expectIndexEqualsPostgres(app, 30_000);

    const bogus = randomUUID();
    await app.meili
      .index(app.indexes.organizations)
      .addDocuments([{ id: bogus, version: 1, kind: 'SME', name_fr: 'Fantôme', sort_name: 'fantome' }])
      .waitTask(TASK_WAIT);
    expect(await doc(app, app.indexes.organizations, bogus)).not.toBeNull();
    await expectIndexEqualsPostgres(app, 30_000);
  });

  it('reindexes through the CLI while searches keep finding every organisation', async () => {
    const { rows } = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM organization WHERE status = 'ACTIVE'`,
    );
    const expected = rows[0].n;
    // The rebuild writes into `<index>_next` until the swap, so its presence tells a search that
    // ran during the rebuild from one that ran while the CLI was starting or stopping.
    const next = `${app.indexes.organizations}_next`;
    const seen: { rebuilding: boolean; total?: number; error?: string }[] = [];
    let reindexing = true;
    const searching = (async () => {
      while (reindexing) {
        const rebuilding = await app.meili.getIndex(next).then(
          () => true,
          () => false,
        );
        const r = await app
          .gql<{ searchOrganizations: { estimatedTotal: number } }>(
            `{ searchOrganizations(query: "") { estimatedTotal } }`,
          )
          .catch((e: Error) => ({ errors: [{ message: e.message }], data: undefined }));
        seen.push(
          r.errors
            ? { rebuilding, error: JSON.stringify(r.errors) }
            : { rebuilding, total: r.data!.searchOrganizations.estimatedTotal },
        );
        // A visitor's pace, not a loop's: the api's rate limit (600 a minute per address) holds
        // for this test's client too, and a rebuild can outlast a minute on a loaded machine.
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    const cli = await startProcess('cli', app.env, null, ['reindex'], 45_000);
    reindexing = false;
    await searching;
    expect(cli.child.exitCode).toBe(0);
    expect(cli.output.join('\n')).toMatch(new RegExp(`reindexed ${expected} organisation`));
    expect(seen.filter((s) => s.rebuilding).length).toBeGreaterThan(0);
    expect(seen.filter((s) => s.error || s.total !== expected)).toEqual([]);
    await expectIndexEqualsPostgres(app);
  });
});

describe('search sync when Meilisearch is down', () => {
  it('keeps writes and liveness up, reports search down, and catches up when it returns', async () => {
    const app = ownApp;
    const before = await createOrg(app, 'Tissage de Tizi Ouzou');
    await eventually(async () => (await doc(app, app.indexes.organizations, before.id)) !== null);

    await ownMeili.stop();
    const search = await app.gql(`{ searchOrganizations(query: "") { estimatedTotal } }`);
    expect(search.errors?.[0]?.extensions?.code).toBe('SEARCH_UNAVAILABLE');

    const during = await createOrg(app, 'Céramique de Ghardaïa');
    const { rows } = await app.db.query<{ status: string }>(`SELECT status FROM organization WHERE id = $1`, [
      during.id,
    ]);
    expect(rows).toEqual([{ status: 'ACTIVE' }]);
    // The worker keeps trying; each failed attempt is counted on the pending row.
    const pending = await eventually(async () => {
      const r = await app.db.query<{
        processed_at: Date | null;
        attempts: number;
        last_error: string | null;
      }>(`SELECT processed_at, attempts, last_error FROM outbox WHERE entity_id = $1 AND topic = 'search'`, [
        during.id,
      ]);
      return r.rows[0]?.attempts > 0 ? r.rows[0] : null;
    });
    expect(pending.processed_at).toBeNull();
    expect(pending.last_error).toBeTruthy();

    const ready = await fetch(`${app.url}/health/ready`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { error?: Record<string, { status: string }> };
    expect(body.error?.meilisearch?.status).toBe('down');
    expect((await fetch(`${app.url}/health`)).status).toBe(200);

    // Same folder and port: the app's client and the worker reconnect without being told.
    ownMeili = await startEmbeddedMeili({
      dir: ownDir,
      binDir: resolve('.data/bin'),
      port: Number(new URL(ownMeili.host).port),
    });
    await eventually(async () => (await doc(app, app.indexes.organizations, during.id)) !== null, 30_000);
    const after = await app.gql<{ searchOrganizations: { hits: { id: string }[] } }>(
      `{ searchOrganizations(query: "Céramique Ghardaïa") { hits { id } } }`,
    );
    expect(after.errors).toBeUndefined();
    expect(after.data!.searchOrganizations.hits.map((h) => h.id)).toContain(during.id);
    expect((await fetch(`${app.url}/health/ready`)).status).toBe(200);
    await expectIndexEqualsPostgres(app);
  });
});
