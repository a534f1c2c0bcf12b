import { randomBytes } from 'node:crypto';
import type { Meilisearch } from 'meilisearch';
import type { DataSource } from 'typeorm';
import { type AppConfig, createDataSource, meiliClient, OutboxService, parseInput } from '#platform';
import {
  ContactGrantService,
  ContactRequestService,
  createOpportunitySchema,
  DIRECTORY_ENTITIES,
} from '#directory';
import { SearchIndexerService } from '#search';
import { AuditService, SenderBudget } from '#identity';
import { OutboxMailer } from '#notifications';
import { FORUM_ENTITIES, groupRules, meetingForbidden, RequestService } from '#forum';
import { createTestDatabase, insertMembership } from '#testing';
import { FeedbackService } from './feedback.service.js';
import { FinancierService } from './financier.service.js';
import { FullRecomputeService } from './full-recompute.service.js';
import { RecomputeService } from './recompute.service.js';
import { replaceSuggestions } from '../storage/suggestion.repository.js';

/** Recompute, replacement, feedback, the outbox drain and saved-search alerts on real Postgres and Meilisearch. */

let db: DataSource;
let drop: () => Promise<void>;
let meili: Meilisearch;
let prefix: string;
let indexer: SearchIndexerService;
let recompute: RecomputeService;
let config: AppConfig;
let mail: OutboxMailer;
const audit = new AuditService();
let budget: SenderBudget | undefined;
const feedbackService = () => {
  budget ??= new SenderBudget({
    ...config,
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    queuePrefix: prefix,
    auth: { ...config.auth, senderMails: { perHour: 100, perDay: 100 } },
  } as AppConfig);
  return new FeedbackService(
    db,
    audit,
    new RequestService(db, new ContactGrantService(), audit),
    new ContactRequestService(db, mail, audit, new ContactGrantService(), budget),
    new OutboxService(null as never),
  );
};

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

async function user(email: string, locale = 'fr'): Promise<string> {
  const [{ id }] = await db.query<{ id: string }[]>(
    `INSERT INTO user_account (email, password_hash, display_name, locale, consent_version, consented_at)
     VALUES ($1, 'x', $2, $3, 'v1', now()) RETURNING id`,
    [email, email, locale],
  );
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
      opportunity_id: string | null;
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
  db = createDataSource({ databaseUrl: database.url }, [...DIRECTORY_ENTITIES, ...FORUM_ENTITIES]);
  await db.initialize();
  meili = meiliClient(process.env.MEILI_HOST!, process.env.MEILI_MASTER_KEY);
  prefix = `t${randomBytes(4).toString('hex')}_`;
  config = {
    meiliIndexPrefix: prefix,
    outboxBatchSize: 1000,
    publicUrl: 'http://localhost:3000',
    auth: { jwtSecret: 'matchmaking-test-secret-0123456789abcdef' },
  } as AppConfig;
  indexer = new SearchIndexerService(db, meili, config, new OutboxService(null as never));
  await indexer.ensureIndexes();
  mail = new OutboxMailer(db, config);
  recompute = new RecomputeService(db, meili, config, mail);

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
  budget?.onApplicationShutdown();
  await db?.destroy();
  await meili?.deleteIndexIfExists(`${prefix}organizations`).catch(() => undefined);
  await meili?.deleteIndexIfExists(`${prefix}opportunities`).catch(() => undefined);
  await drop?.();
});

describe('matchmaking storage and recompute', () => {
  it('leaves match rows pending, with the error, when the recompute fails', async () => {
    // A service pointed at indexes that do not exist: candidate selection fails for real.
    const broken = new RecomputeService(db, meili, { meiliIndexPrefix: `missing${prefix}` }, mail);
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

  it('keeps the id of a suggestion computed again, one by one and in a batch', async () => {
    const byPair = async () =>
      new Map(
        (await suggestionsOf(buyer)).map((r) => [
          `${r.counterpart_organization_id}|${r.opportunity_id}`,
          r.id,
        ]),
      );
    const before = await byPair();
    expect(before.size).toBeGreaterThan(0);
    await recompute.recompute(buyer);
    expect(await byPair()).toEqual(before);
    await recompute.recomputeMany([buyer, fit]);
    expect(await byPair()).toEqual(before);
  });

  it('never brings a dismissed pair back, and a "not relevant" reason reweighs the ranking', async () => {
    const feedback = feedbackService();
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
    const feedback = feedbackService();
    const [s] = await suggestionsOf(fit);
    const u = await user('accepts-twice@example.test');
    const a = await feedback.give({ organizationId: fit, suggestionId: s.id, verdict: 'ACCEPTED' }, u);
    const b = await feedback.give({ organizationId: fit, suggestionId: s.id, verdict: 'ACCEPTED' }, u);
    expect(a.contactRequestId).toBeTruthy();
    expect(b.contactRequestId).toBe(a.contactRequestId);
    const rows = await db.query<{ status: string }[]>(
      `SELECT status FROM contact_request WHERE from_organization_id = $1 AND to_organization_id = $2`,
      [fit, s.counterpart_organization_id],
    );
    expect(rows).toEqual([{ status: 'PENDING' }]);
  });

  it('alerts a financier once per new or updated SME matching a saved search', async () => {
    const financiers = new FinancierService(db, audit, new OutboxService(null as never));
    const analyst = await user('analyste@banque.example', 'en');
    await insertMembership(db, analyst, bank, 'MEMBER');
    const search = await financiers.createSavedSearch(
      bank,
      {
        name: 'Mécanique DZ',
        query: 'usinage',
        criteria: { sectors: ['25'], countries: ['DZ'] },
        minScore: 0.3,
      },
      analyst,
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
    // The member who saved the search is mailed, in their language, and the alert is stamped.
    const mails = () =>
      db.query<{ subject: string; body: string }[]>(
        `SELECT subject, split_part(body, E'\n', 1) AS body FROM mail_outbox
          WHERE recipient = $1 AND template = 'saved-search-alert' ORDER BY id`,
        ['analyste@banque.example'],
      );
    expect(await mails()).toEqual([
      {
        subject: 'New match for "Mécanique DZ"',
        body: 'Usinage Setif now matches your saved search "Mécanique DZ".',
      },
    ]);
    const [{ unmailed }] = await db.query<{ unmailed: number }[]>(
      `SELECT count(*) FILTER (WHERE mailed_at IS NULL)::int AS unmailed FROM saved_search_alert`,
    );
    expect(unmailed).toBe(0);
    // Replaying the same change adds nothing; a new version of the profile alerts again.
    await db.query(`UPDATE outbox SET processed_at = NULL WHERE topic = 'match' AND entity_id = $1`, [
      newcomer,
    ]);
    await recompute.drain();
    expect((await financiers.alerts(bank, search.id, 100)).length).toBe(1);
    expect(await mails()).toHaveLength(1);
    await db.query(`UPDATE organization SET version = version + 1, updated_at = now() WHERE id = $1`, [
      newcomer,
    ]);
    await outbox('organization', newcomer);
    await indexer.drain();
    await recompute.drain();
    expect((await financiers.alerts(bank, search.id, 100)).length).toBe(2);
    // One mail per alert: the new version is mailed once, the first alert not again.
    expect(await mails()).toHaveLength(2);
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
      organizations += (
        await full.runShard(runId, shard, 3, { onProgress: (done) => void progress.push(done), chunk: 2 })
      ).organizations;
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

  it('stops a shard after the organisation in hand when the worker stops, counting nothing', async () => {
    const full = new FullRecomputeService(db, recompute);
    const runId = await full.openRun(`stop-${randomBytes(3).toString('hex')}`);
    let seen = 0;
    const members = (await full.shardMembers(0, 1)).length;
    expect(members).toBeGreaterThan(1);
    const stopped = full.runShard(runId, 0, 1, {
      chunk: 1,
      signal: {
        get aborted() {
          // A stop that arrives while the first organisation is being recomputed.
          return seen++ > 0;
        },
      } as AbortSignal,
    });
    await expect(stopped).rejects.toMatchObject({ name: 'ShardStoppedError', done: 1, total: members });
    const [run] = await db.query<{ organizations: number; suggestions: number }[]>(
      `SELECT organizations, suggestions FROM match_run WHERE id = $1`,
      [runId],
    );
    expect(run).toEqual({ organizations: 0, suggestions: 0 });
    // Run again whole, it counts every member once.
    expect((await full.runShard(runId, 0, 1)).organizations).toBe(members);
  });
});

describe('subcontracting hard criteria from the opportunity', () => {
  it('validates them against the taxonomy, for subcontracting requests only', () => {
    const base = { type: 'SUBCONTRACTING_REQUEST', title: { fr: 'Usinage' } };
    const ok = parseInput(createOpportunitySchema, {
      ...base,
      requiredCertifications: ['ISO_9001'],
      requiredProcesses: ['CNC_MACHINING'],
      materials: ['acier'],
      regionCodes: ['DZ-16'],
    });
    expect(ok.requiredProcesses).toEqual(['CNC_MACHINING']);
    expect(() => parseInput(createOpportunitySchema, { ...base, requiredCertifications: ['ISO_1'] })).toThrow(
      /requiredCertifications/,
    );
    expect(() => parseInput(createOpportunitySchema, { ...base, regionCodes: ['DZ-99'] })).toThrow(/wilaya/);
    expect(() =>
      parseInput(createOpportunitySchema, {
        ...base,
        type: 'CAPABILITY_OFFER',
        requiredProcesses: ['CNC_MACHINING'],
      }),
    ).toThrow(/only a subcontracting request/);
  });

  it('never suggests a supplier that misses a required certification, process or wilaya, either way', async () => {
    const maker = await org({ kind: 'LARGE_FIRM', name: 'Cosider Engins', sectors: ['28'] });
    const certified = await org({
      name: 'Précision Rouiba',
      capabilities: [cap('CNC_MACHINING'), cap('WELDING')],
      sectors: ['25'],
      certifications: ['ISO_14001'],
    });
    const uncertified = await org({
      name: 'Usinage Baraki',
      capabilities: [cap('CNC_MACHINING'), cap('WELDING')],
      sectors: ['25'],
      certifications: ['ISO_9001'],
    });
    const elsewhere = await org({
      name: 'Usinage Oran',
      regionCode: 'DZ-31',
      capabilities: [cap('CNC_MACHINING'), cap('WELDING')],
      sectors: ['25'],
      certifications: ['ISO_14001'],
    });
    const noWelding = await org({
      name: 'Tournage Blida',
      capabilities: [cap('CNC_MACHINING')],
      sectors: ['25'],
      certifications: ['ISO_14001'],
    });
    const [{ id: opp }] = await db.query<{ id: string }[]>(
      `INSERT INTO opportunity (organization_id, type, title, description, sectors, processes, quantity,
         required_certifications, required_processes, materials, region_codes)
       VALUES ($1, 'SUBCONTRACTING_REQUEST', $2, $3, '{25}', '{CNC_MACHINING}', 500, '{ISO_14001}', '{WELDING}',
               '{acier}', '{DZ-16}') RETURNING id`,
      [maker, text('Châssis soudés'), text('Usinage et soudure de châssis en acier')],
    );
    await outbox('opportunity', opp);
    await indexer.drain();
    expect((await recompute.drain()).failed).toEqual([]);
    const forRequest = (await suggestionsOf(maker)).filter((r) => r.role === 'SUPPLIER');
    const ids = forRequest.map((r) => r.counterpart_organization_id);
    expect(ids).toContain(certified);
    for (const miss of [uncertified, elsewhere, noWelding]) expect(ids).not.toContain(miss);
    // The supplier side: the request reaches only the supplier that meets it.
    const served = async (id: string) =>
      (
        await db.query<{ opportunity_id: string }[]>(
          `SELECT opportunity_id FROM suggestion WHERE organization_id = $1 AND role = 'REQUEST'`,
          [id],
        )
      ).map((r) => r.opportunity_id);
    expect(await served(certified)).toContain(opp);
    for (const miss of [uncertified, elsewhere, noWelding]) expect(await served(miss)).not.toContain(opp);
    // Materials are scored: the stored reason names them.
    const materials = forRequest[0].contributions.find((c) => c.criterion === 'materials')!;
    expect(materials.evidence.code).toMatch(/^materials\./);
  });
});

describe('wishes of a subcontracting request', () => {
  it('rank a supplier in a preferred wilaya first and say so, without excluding the others', async () => {
    const buyer = await org({ kind: 'LARGE_FIRM', name: 'Souhaits Rouiba', sectors: ['29'] });
    const supplier = (name: string, regionCode: string) =>
      org({
        name,
        regionCode,
        capabilities: [cap('FORGING')],
        sectors: ['25'],
        certifications: ['ISO_9001'],
      });
    const setif = await supplier('Forge Sétif', 'DZ-19');
    const oran = await supplier('Forge Oran', 'DZ-31');
    const [{ id: opp }] = await db.query<{ id: string }[]>(
      `INSERT INTO opportunity (organization_id, type, title, description, sectors, processes, quantity,
         preferred_region_codes, preferred_certifications)
       VALUES ($1, 'SUBCONTRACTING_REQUEST', $2, $3, '{25}', '{FORGING}', 500, '{DZ-31}', '{ISO_14001}')
       RETURNING id`,
      [buyer, text('Pièces forgées'), text('Pièces forgées en acier')],
    );
    await outbox('opportunity', opp);
    await indexer.drain();
    expect((await recompute.drain()).failed).toEqual([]);
    const rows = (await suggestionsOf(buyer)).filter((r) =>
      [setif, oran].includes(r.counterpart_organization_id),
    );
    expect(rows.map((r) => r.counterpart_organization_id)).toEqual([oran, setif]);
    const distance = (r: (typeof rows)[number]) =>
      r.contributions.find((c) => c.criterion === 'distance')!.evidence.code;
    expect(rows.map(distance)).toEqual(['distance.preferred_region', 'distance.same_country']);
    // The wished-for certification is scored like any certification criterion.
    const certifications = rows[0].contributions.find((c) => c.criterion === 'certifications')!;
    expect(certifications.evidence.code).toMatch(/^certification\./);
  });
});

describe('needs past their deadline', () => {
  it('produce no suggestions, and a later deadline does', async () => {
    const buyer = await org({ kind: 'LARGE_FIRM', name: 'Échéance Rouiba', sectors: ['29'] });
    const supplier = await org({
      name: 'Tôlerie Échéance',
      capabilities: [cap('SHEET_METAL')],
      sectors: ['25'],
    });
    const insert = async (deadline: string) => {
      const [{ id }] = await db.query<{ id: string }[]>(
        `INSERT INTO opportunity (organization_id, type, title, description, sectors, processes, quantity, deadline)
         VALUES ($1, 'SUBCONTRACTING_REQUEST', $2, $3, '{25}', '{SHEET_METAL}', 500, $4::date) RETURNING id`,
        [buyer, text('Tôlerie'), text('Pièces de tôlerie en acier'), deadline],
      );
      await outbox('opportunity', id);
      return id;
    };
    const expired = await insert('2000-01-01');
    const open = await insert('2999-01-01');
    await indexer.drain();
    expect((await recompute.drain()).failed).toEqual([]);
    const forBuyer = await db.query<{ opportunity_id: string; counterpart_organization_id: string }[]>(
      `SELECT opportunity_id, counterpart_organization_id FROM suggestion WHERE organization_id = $1 AND role = 'SUPPLIER'`,
      [buyer],
    );
    expect(forBuyer.filter((r) => r.opportunity_id === expired)).toEqual([]);
    expect(
      forBuyer.filter((r) => r.opportunity_id === open).map((r) => r.counterpart_organization_id),
    ).toContain(supplier);
  });
});

describe('meeting suggestions for forum delegates', () => {
  let edition: string;
  const groups: Record<string, string> = {};
  const delegates: Record<string, string> = {};

  async function delegate(key: string, orgId: string, group: string | null, goals: string[]) {
    const [{ id }] = await db.query<{ id: string }[]>(
      `INSERT INTO forum_delegate (edition_id, organization_id, name, email, languages, goals, group_id)
       VALUES ($1, $2, $3, $4, '{fr}', $5, $6) RETURNING id`,
      [edition, orgId, key, `${key}@forum.example`, goals, group ? groups[group] : null],
    );
    delegates[key] = id;
  }

  const meetingRows = (orgId: string) =>
    db.query<
      {
        id: string;
        delegate_id: string;
        counterpart_delegate_id: string;
        role: string;
        rank: number;
        contributions: { criterion: string; evidence: { code: string; params: Record<string, unknown> } }[];
      }[]
    >(`SELECT * FROM suggestion WHERE organization_id = $1 AND kind = 'MEETING' ORDER BY delegate_id, rank`, [
      orgId,
    ]);

  let fit2: string;
  beforeAll(async () => {
    [{ id: edition }] = await db.query<{ id: string }[]>(
      `INSERT INTO forum_edition (name, starts_on, ends_on, slot_minutes, status)
       VALUES ('{"fr":"Forum"}', '2026-03-14', '2026-03-15', 30, 'OPEN') RETURNING id`,
    );
    for (const code of ['BUYERS', 'SUPPLIERS', 'OTHERS'])
      groups[code] = (
        await db.query<{ id: string }[]>(
          `INSERT INTO forum_group (edition_id, code, name) VALUES ($1, $2, '{"fr":"g"}') RETURNING id`,
          [edition, code],
        )
      )[0].id;
    // Buyers meet suppliers only.
    await db.query(
      `INSERT INTO forum_group_rule (edition_id, group_id, may_meet_group_id) VALUES ($1, $2, $3)`,
      [edition, groups.BUYERS, groups.SUPPLIERS],
    );
    fit2 = await org({ name: 'Usinage Hors Groupe', capabilities: [cap('CNC_MACHINING')], sectors: ['25'] });
    await delegate('buyer', buyer, 'BUYERS', ['FIND_SUBCONTRACTORS']);
    await delegate('fit', fit, 'SUPPLIERS', ['FIND_CLIENTS', 'FIND_FINANCING']);
    await delegate('fit2', fit2, 'OTHERS', ['FIND_CLIENTS']);
    await delegate('bank', bank, null, []);
    await delegate('unrelated', unrelated, 'SUPPLIERS', ['FIND_CLIENTS']);
    await indexer.drain();
    for (const id of [buyer, fit, fit2, bank, unrelated]) await recompute.recompute(id);
  });

  it('suggests delegates who serve the goals both ways, with reasons, never against the group rules', async () => {
    const mine = await meetingRows(buyer);
    expect(mine.every((r) => r.delegate_id === delegates.buyer && r.role === 'DELEGATE')).toBe(true);
    const to = mine.map((r) => r.counterpart_delegate_id);
    expect(to[0]).toBe(delegates.fit);
    // fit2 serves the buyer as well, but buyers meet suppliers only; the bank is in no group.
    expect(to).not.toContain(delegates.fit2);
    expect(to).not.toContain(delegates.bank);
    const goals = mine[0].contributions.find((c) => c.criterion === 'goals')!;
    expect(goals.evidence).toMatchObject({
      code: 'meeting.goal',
      params: { via: 'request', whose: 'yours' },
    });
    const fitSide = await meetingRows(fit);
    expect(fitSide.map((r) => r.counterpart_delegate_id)).toEqual(
      expect.arrayContaining([delegates.buyer, delegates.bank]),
    );
    expect(
      fitSide.find((r) => r.counterpart_delegate_id === delegates.bank)!.contributions[0].evidence.params,
    ).toMatchObject({ goal: 'FIND_FINANCING', via: 'financing' });
    // No stored meeting suggestion anywhere breaks a who-may-meet-whom rule.
    const rules = groupRules(
      Object.entries(groups).map(([code, id]) => ({ id, code })),
      await db.query(
        `SELECT group_id AS "groupId", may_meet_group_id AS "mayMeetGroupId" FROM forum_group_rule WHERE edition_id = $1`,
        [edition],
      ),
    );
    const all = await db.query<{ a: string | null; b: string | null }[]>(
      `SELECT d.group_id AS a, c.group_id AS b FROM suggestion s
       JOIN forum_delegate d ON d.id = s.delegate_id JOIN forum_delegate c ON c.id = s.counterpart_delegate_id
       WHERE s.kind = 'MEETING'`,
    );
    expect(all.length).toBeGreaterThan(3);
    for (const p of all) expect(meetingForbidden(rules, p.a, p.b)).toBeNull();
  });

  it('accepting opens one meeting request through the forum, then the pair is not suggested again', async () => {
    const feedback = feedbackService();
    const s = (await meetingRows(fit)).find((r) => r.counterpart_delegate_id === delegates.buyer)!;
    const a = await feedback.give({ organizationId: fit, suggestionId: s.id, verdict: 'ACCEPTED' }, null);
    const b = await feedback.give({ organizationId: fit, suggestionId: s.id, verdict: 'ACCEPTED' }, null);
    expect(a.meetingRequestId).toBeTruthy();
    expect(a.contactRequestId).toBeNull();
    expect(b.meetingRequestId).toBe(a.meetingRequestId);
    const requests = await db.query(
      `SELECT from_delegate_id, to_delegate_id, to_organization_id, status, source FROM forum_meeting_request
       WHERE edition_id = $1`,
      [edition],
    );
    expect(requests).toEqual([
      {
        from_delegate_id: delegates.fit,
        to_delegate_id: delegates.buyer,
        to_organization_id: buyer,
        status: 'PENDING',
        source: 'SUGGESTION',
      },
    ]);
    const actions = await db.query<{ action: string }[]>(
      `SELECT action FROM audit_log WHERE entity_id IN ($1, $2) ORDER BY id`,
      [s.id, a.meetingRequestId],
    );
    expect(actions.map((x) => x.action)).toEqual([
      'meeting_request.create',
      'suggestion.accepted',
      'suggestion.accepted',
    ]);
    await recompute.recompute(buyer);
    expect((await meetingRows(buyer)).map((r) => r.counterpart_delegate_id)).not.toContain(delegates.fit);
  });
});

describe('audit of matchmaking mutations', () => {
  it('records feedback, criteria and saved-search changes with their actor', async () => {
    const financiers = new FinancierService(db, audit, new OutboxService(null as never));
    const actor = await user('chargee@banque.example');
    await financiers.setCriteria(bank, { sectors: ['25'], countries: ['DZ'] }, actor);
    await financiers.setCriteria(bank, { sectors: ['25', '28'], countries: ['DZ'] }, actor);
    const s = await financiers.createSavedSearch(
      bank,
      { name: 'Métal', criteria: { sectors: ['24'] } },
      actor,
    );
    await financiers.updateSavedSearch(
      bank,
      s.id,
      { name: 'Métallurgie', criteria: { sectors: ['24'] } },
      actor,
    );
    await expect(
      financiers.updateSavedSearch(bank, '00000000-0000-4000-8000-000000000000', { name: 'x', criteria: {} }),
    ).rejects.toThrow(/no such saved search/);
    await financiers.deleteSavedSearch(bank, s.id, actor);
    await expect(financiers.deleteSavedSearch(bank, s.id, actor)).rejects.toThrow(/no such saved search/);
    expect(await financiers.deleteCriteria(bank, actor)).toBe(true);
    expect(await financiers.deleteCriteria(bank, actor)).toBe(false);
    const rows = await db.query<{ action: string; fields: string[]; actor_id: string }[]>(
      `SELECT action, fields, actor_id FROM audit_log WHERE actor_id = $1 ORDER BY id`,
      [actor],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'financier_criteria.create',
      'financier_criteria.update',
      'saved_search.create',
      'saved_search.update',
      'saved_search.delete',
      'financier_criteria.delete',
    ]);
    expect(rows[1].fields).toEqual(['sectors']);
    expect(rows[3].fields).toEqual(['name']);
    const [dismissal] = await db.query<{ after: { verdict: string; kind: string } }[]>(
      `SELECT after FROM audit_log WHERE action = 'suggestion.dismissed' ORDER BY id LIMIT 1`,
    );
    expect(dismissal.after).toMatchObject({ verdict: 'DISMISSED', kind: 'SUBCONTRACTING' });
  });
});
