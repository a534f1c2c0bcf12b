import { randomBytes } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import type { DataSource } from 'typeorm';
import { createDataSource, type AppConfig } from '#platform';
import { DIRECTORY_ENTITIES } from '#directory';
import { SearchIndexerService } from '#search';
import { createTestDatabase } from '#testing';
import { FeedbackService } from './feedback.service.js';
import { FinancierService } from './financier.service.js';
import { FullRecomputeService } from './full-recompute.service.js';
import { RecomputeService } from './recompute.service.js';
import { replaceSuggestions } from '../storage/suggestion-writer.js';

/** Recompute, replacement, feedback, the outbox drain and saved-search alerts on real Postgres and Meilisearch. */

let db: DataSource;
let drop: () => Promise<void>;
let meili: Meilisearch;
let prefix: string;
let indexer: SearchIndexerService;
let recompute: RecomputeService;

const text = (fr: string) => JSON.stringify({ ar: null, fr, en: null });
const innovation = JSON.stringify({
  rdActivity: false,
  patents: 0,
  utilityModels: 0,
  trademarks: 0,
  industrialDesigns: 0,
});

interface OrgSpec {
  kind?: string;
  name: string;
  country?: string;
  regionCode?: string | null;
  sectors?: string[];
  capabilities?: {
    process: string;
    materials: string[];
    machines: string[];
    monthlyCapacity: number | null;
  }[];
  certifications?: string[];
  foundedYear?: number | null;
  employeeBand?: string | null;
  financier?: unknown;
}

async function outbox(type: 'organization' | 'opportunity', id: string): Promise<void> {
  await db.query(
    `INSERT INTO outbox (entity_type, entity_id, op, topic) VALUES ($1, $2, 'upsert', 'search'), ($1, $2, 'upsert', 'match')`,
    [type, id],
  );
}

async function org(o: OrgSpec): Promise<string> {
  const [{ id }] = await db.query<{ id: string }[]>(
    `INSERT INTO organization (kind, subtype, name, description, country, region_code, sectors, employee_band,
       founded_year, languages, certifications, innovation, capabilities, processes, financier, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'ACTIVE') RETURNING id`,
    [
      o.kind ?? 'SME',
      o.kind === 'FINANCIER' ? 'BANK' : null,
      text(o.name),
      text(`${o.name} description`),
      o.country ?? 'DZ',
      o.country && o.country !== 'DZ' ? null : (o.regionCode ?? 'DZ-16'),
      o.sectors ?? ['25'],
      o.employeeBand ?? '10-49',
      o.foundedYear ?? 2010,
      ['fr', 'ar'],
      o.certifications ?? [],
      innovation,
      JSON.stringify(o.capabilities ?? []),
      (o.capabilities ?? []).map((c) => c.process),
      o.financier ? JSON.stringify(o.financier) : null,
    ],
  );
  await outbox('organization', id);
  return id;
}

async function request(
  owner: string,
  processes: string[],
  sectors: string[],
  countries: string[] = [],
): Promise<string> {
  const [{ id }] = await db.query<{ id: string }[]>(
    `INSERT INTO opportunity (organization_id, type, title, description, sectors, processes, quantity, countries)
     VALUES ($1, 'SUBCONTRACTING_REQUEST', $2, $3, $4, $5, 500, $6) RETURNING id`,
    [owner, text('Usinage de pièces'), text('Pièces usinées en acier'), sectors, processes, countries],
  );
  await outbox('opportunity', id);
  return id;
}

const cap = (process: string, monthlyCapacity = 2000) => ({
  process,
  materials: ['acier'],
  machines: [],
  monthlyCapacity,
});

async function suggestionsOf(orgId: string, kind = 'SUBCONTRACTING') {
  return db.query<
    {
      id: string;
      counterpart_organization_id: string;
      rank: number;
      score: number;
      role: string;
      contributions: { criterion: string; evidence: { code: string } }[];
    }[]
  >(`SELECT * FROM suggestion WHERE organization_id = $1 AND kind = $2 ORDER BY rank`, [orgId, kind]);
}

async function pendingMatchRows(): Promise<number> {
  const [{ n }] = await db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM outbox WHERE topic = 'match' AND processed_at IS NULL`,
  );
  return n;
}

let buyer: string;
let fit: string;
let farther: string;
let unrelated: string;
let bank: string;

beforeAll(async () => {
  const database = await createTestDatabase();
  drop = database.drop;
  db = createDataSource({ databaseUrl: database.url }, DIRECTORY_ENTITIES);
  await db.initialize();
  meili = new Meilisearch({ host: process.env.MEILI_HOST!, apiKey: process.env.MEILI_MASTER_KEY });
  prefix = `t${randomBytes(4).toString('hex')}_`;
  const config = { meiliIndexPrefix: prefix, outboxBatchSize: 1000 } as AppConfig;
  indexer = new SearchIndexerService(db, meili, config);
  await indexer.ensureIndexes();
  recompute = new RecomputeService(db, meili, config);

  buyer = await org({ kind: 'LARGE_FIRM', name: 'Sonacome', sectors: ['29'] });
  fit = await org({
    name: 'Usinage Rouiba',
    capabilities: [cap('CNC_MACHINING')],
    sectors: ['25'],
    certifications: ['ISO_9001'],
  });
  farther = await org({
    name: 'Tunis Meca',
    country: 'TN',
    capabilities: [cap('CNC_MACHINING', 50)],
    sectors: ['25'],
  });
  unrelated = await org({ name: 'Biscuiterie', capabilities: [cap('FOOD_PROCESSING')], sectors: ['10'] });
  bank = await org({
    kind: 'FINANCIER',
    name: 'Banque Industrielle',
    sectors: ['64'],
    financier: {
      instruments: ['LOAN'],
      ticketMin: null,
      ticketMax: null,
      currency: null,
      targetSectors: ['25'],
      targetCountries: ['DZ'],
      stages: [],
    },
  });
  await request(buyer, ['CNC_MACHINING'], ['25']);
  await indexer.drain();
});

afterAll(async () => {
  await db?.destroy();
  await meili?.deleteIndexIfExists(`${prefix}organizations`).catch(() => undefined);
  await meili?.deleteIndexIfExists(`${prefix}opportunities`).catch(() => undefined);
  await drop?.();
});

describe('matchmaking storage and recompute', () => {
  it('leaves match rows pending, with the error, when the recompute fails', async () => {
    // A service pointed at indexes that do not exist: candidate selection fails for real.
    const broken = new RecomputeService(db, meili, { meiliIndexPrefix: `missing${prefix}` });
    const before = await pendingMatchRows();
    expect(before).toBeGreaterThan(0);
    const res = await broken.drain();
    expect(res.failed.length).toBeGreaterThan(0);
    const [row] = await db.query<
      { attempts: number; last_error: string | null; processed_at: Date | null }[]
    >(
      `SELECT attempts, last_error, processed_at FROM outbox
       WHERE topic = 'match' AND entity_id = $1`,
      [buyer],
    );
    expect(row.processed_at).toBeNull();
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/index/i);
    // The search rows were drained by the search indexer and are untouched by matchmaking.
    const [{ n }] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM outbox WHERE topic = 'search' AND processed_at IS NULL`,
    );
    expect(n).toBe(0);
    expect(await pendingMatchRows()).toBeGreaterThan(0);
  });

  it('drains the match feed: suppliers for a request, ranked, with reasons; rows marked after success', async () => {
    const res = await recompute.drain();
    expect(res.failed).toEqual([]);
    expect(await pendingMatchRows()).toBe(0);
    const rows = await suggestionsOf(buyer);
    const ids = rows.map((r) => r.counterpart_organization_id);
    expect(ids).toContain(fit);
    expect(ids).not.toContain(unrelated);
    expect(ids.indexOf(fit)).toBeLessThan(ids.includes(farther) ? ids.indexOf(farther) : Infinity);
    const top = rows[0];
    expect(top.role).toBe('SUPPLIER');
    expect(top.contributions.map((c) => c.criterion)).toEqual(
      expect.arrayContaining(['process', 'distance']),
    );
    expect(top.contributions.find((c) => c.criterion === 'process')!.evidence.code).toMatch(/^process\./);
    // The SME sees the request it can serve, and the financier whose public terms fit it.
    const reverse = await suggestionsOf(fit);
    expect(reverse.map((r) => [r.counterpart_organization_id, r.role])).toContainEqual([buyer, 'REQUEST']);
    expect((await suggestionsOf(fit, 'FINANCING')).map((r) => r.counterpart_organization_id)).toContain(bank);
    expect((await suggestionsOf(bank, 'FINANCING')).map((r) => r.counterpart_organization_id)).toContain(fit);
    // Organisations recomputed in this drain are not queued again as related.
    expect(res.related).not.toContain(buyer);
    expect(res.related).not.toContain(fit);
  });

  it('replaces suggestions atomically: a failing replacement keeps the previous set whole', async () => {
    const before = await suggestionsOf(buyer);
    expect(before.length).toBeGreaterThan(0);
    const bogus = {
      kind: 'SUBCONTRACTING' as const,
      counterpartId: fit,
      opportunityId: '00000000-0000-4000-8000-000000000000', // no such opportunity: the insert fails
      clusterId: null,
      role: 'SUPPLIER' as const,
      score: 0.9,
      forward: 0.9,
      reverse: 0.9,
      contributions: [],
    };
    await expect(
      db.transaction((m) => replaceSuggestions(m, buyer, ['SUBCONTRACTING'], [bogus], null)),
    ).rejects.toThrow(/foreign key/);
    expect((await suggestionsOf(buyer)).map((r) => r.id)).toEqual(before.map((r) => r.id));
    // Two recomputes at once leave exactly one set, ranks 1..n without duplicates.
    await Promise.all([recompute.recompute(buyer), recompute.recompute(buyer)]);
    const after = await suggestionsOf(buyer);
    expect(after.map((r) => r.rank)).toEqual(after.map((_r, i) => i + 1));
    expect(after.map((r) => r.counterpart_organization_id).sort()).toEqual(
      before.map((r) => r.counterpart_organization_id).sort(),
    );
  });

  it('never brings a dismissed pair back, and a "not relevant" reason reweighs the ranking', async () => {
    const feedback = new FeedbackService(db);
    const [s] = (await suggestionsOf(buyer)).filter((r) => r.counterpart_organization_id === fit);
    const res = await feedback.give(
      { organizationId: buyer, suggestionId: s.id, verdict: 'DISMISSED' },
      null,
    );
    expect(res.verdict).toBe('DISMISSED');
    expect((await suggestionsOf(buyer)).map((r) => r.counterpart_organization_id)).not.toContain(fit);
    await recompute.recompute(buyer);
    await recompute.drain();
    expect((await suggestionsOf(buyer)).map((r) => r.counterpart_organization_id)).not.toContain(fit);
    // Someone else's dismissal counts against the counterpart's feedback prior, not as a filter for others.
    const reverse = await suggestionsOf(fit);
    expect(reverse.length).toBeGreaterThan(0);
    // Not relevant because of distance: the distance weight grows for this organisation.
    const [far] = (await suggestionsOf(buyer)).filter((r) => r.counterpart_organization_id === farther);
    expect(far).toBeDefined();
    await expect(
      feedback.give({ organizationId: buyer, suggestionId: far.id, verdict: 'NOT_RELEVANT' }, null),
    ).rejects.toThrow(/why/);
    await feedback.give(
      { organizationId: buyer, suggestionId: far.id, verdict: 'NOT_RELEVANT', reason: 'DISTANCE' },
      null,
    );
    await recompute.recompute(buyer);
    expect((await suggestionsOf(buyer)).map((r) => r.counterpart_organization_id)).not.toContain(farther);
    await expect(
      feedback.give({ organizationId: fit, suggestionId: s.id, verdict: 'ACCEPTED' }, null),
    ).rejects.toThrow(/no such suggestion/);
  });

  it('accepting opens one contact request, even when accepted twice', async () => {
    const feedback = new FeedbackService(db);
    const [s] = await suggestionsOf(fit);
    const a = await feedback.give({ organizationId: fit, suggestionId: s.id, verdict: 'ACCEPTED' }, null);
    const b = await feedback.give({ organizationId: fit, suggestionId: s.id, verdict: 'ACCEPTED' }, null);
    expect(a.contactRequestId).toBeTruthy();
    expect(b.contactRequestId).toBe(a.contactRequestId);
    const rows = await db.query<{ status: string }[]>(
      `SELECT status FROM contact_request WHERE from_organization_id = $1 AND to_organization_id = $2`,
      [fit, s.counterpart_organization_id],
    );
    expect(rows).toEqual([{ status: 'PENDING' }]);
  });

  it('alerts a financier once per new or updated SME matching a saved search', async () => {
    const financiers = new FinancierService(db);
    const search = await financiers.createSavedSearch(
      bank,
      {
        name: 'Mécanique DZ',
        query: 'usinage',
        criteria: { sectors: ['25'], countries: ['DZ'] },
        minScore: 0.3,
      },
      null,
    );
    const newcomer = await org({
      name: 'Usinage Setif',
      capabilities: [cap('CNC_MACHINING')],
      sectors: ['25'],
    });
    const offTopic = await org({
      name: 'Meubles Blida',
      capabilities: [cap('WOODWORKING')],
      sectors: ['31'],
    });
    const abroad = await org({
      name: 'Usinage Sfax',
      country: 'TN',
      capabilities: [cap('CNC_MACHINING')],
      sectors: ['25'],
    });
    await indexer.drain();
    const res = await recompute.drain();
    expect(res.failed).toEqual([]);
    const alerted = async () =>
      (await financiers.alerts(bank, search.id, 100)).map((a) => a.organizationId).sort();
    expect(await alerted()).toEqual([newcomer]);
    expect([offTopic, abroad].some((id) => id === newcomer)).toBe(false);
    // Replaying the same change adds nothing; a new version of the profile alerts again.
    await db.query(`UPDATE outbox SET processed_at = NULL WHERE topic = 'match' AND entity_id = $1`, [
      newcomer,
    ]);
    await recompute.drain();
    expect((await financiers.alerts(bank, search.id, 100)).length).toBe(1);
    await db.query(`UPDATE organization SET version = version + 1, updated_at = now() WHERE id = $1`, [
      newcomer,
    ]);
    await outbox('organization', newcomer);
    await indexer.drain();
    await recompute.drain();
    expect((await financiers.alerts(bank, search.id, 100)).length).toBe(2);
    // Saved searches belong to financiers only.
    await expect(financiers.createSavedSearch(fit, { name: 'x', criteria: {} }, null)).rejects.toThrow(
      /financ/,
    );
  });

  it('runs a full recompute in shards with progress, then closes the run', async () => {
    const full = new FullRecomputeService(db, recompute);
    const runId = await full.openRun('test');
    const progress: number[] = [];
    let organizations = 0;
    for (let shard = 0; shard < 3; shard++)
      organizations += (await full.runShard(runId, shard, 3, (done) => void progress.push(done)))
        .organizations;
    const [{ n }] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM organization WHERE status = 'ACTIVE'`,
    );
    expect(organizations).toBe(n);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    await full.finish(runId);
    const [run] = await db.query<{ status: string; organizations: number }[]>(
      `SELECT status, organizations FROM match_run WHERE id = $1`,
      [runId],
    );
    expect(run).toEqual({ status: 'DONE', organizations: n });
    // The same key names the same run: a replayed plan reuses it.
    expect(await full.openRun('test')).toBe(runId);
    // Dismissed pairs stay out after a full recompute too.
    expect((await suggestionsOf(buyer)).map((r) => r.counterpart_organization_id)).not.toContain(fit);
  });
});
