import { randomBytes } from 'node:crypto';
import type { Meilisearch } from 'meilisearch';
import type { DataSource } from 'typeorm';
import { createDataSource, meiliClient, OutboxService, type AppConfig } from '#platform';
import { DIRECTORY_ENTITIES } from '#directory';
import { SearchIndexerService } from '#search';
import { AuditService } from '#identity';
import { OutboxMailer } from '#notifications';
import { FORUM_ENTITIES } from '#forum';
import { createTestDatabase } from '#testing';
import { renderReason } from '../engine/reasons.js';
import { FeedbackService } from './feedback.service.js';
import { RecomputeService } from './recompute.service.js';

/**
 * Support suggestions through the production path: organisations written to Postgres with their
 * outbox rows, indexed in Meilisearch, recomputed by the match drain; both directions, reserved
 * programmes, stages, countries and a dismissal that holds for the one who gave it.
 */

let db: DataSource;
let drop: () => Promise<void>;
let meili: Meilisearch;
let prefix: string;
let indexer: SearchIndexerService;
let recompute: RecomputeService;

const text = (fr: string) => JSON.stringify({ ar: null, fr, en: null });
const innovation = (rd = false, patents = 0) =>
  JSON.stringify({ rdActivity: rd, patents, utilityModels: 0, trademarks: 0, industrialDesigns: 0 });

interface Spec {
  kind?: 'SME' | 'SUPPORT_INSTITUTION';
  subtype?: string;
  name: string;
  country?: string;
  regionCode?: string | null;
  sectors: string[];
  foundedYear?: number;
  targetCertifications?: string[];
  certifications?: string[];
  rd?: boolean;
  programmes?: unknown[];
}

async function org(o: Spec): Promise<string> {
  const [{ id }] = await db.query<{ id: string }[]>(
    `INSERT INTO organization (kind, subtype, name, description, country, region_code, sectors, employee_band,
       founded_year, languages, certifications, target_certifications, innovation, capabilities, processes,
       programmes, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, '10-49', $8, '{fr,ar}', $9, $10, $11, '[]', '{}', $12, 'ACTIVE')
     RETURNING id`,
    [
      o.kind ?? 'SME',
      o.subtype ?? null,
      text(o.name),
      text(`${o.name} description`),
      o.country ?? 'DZ',
      o.country && o.country !== 'DZ' ? null : (o.regionCode ?? 'DZ-16'),
      o.sectors,
      o.foundedYear ?? 2005,
      o.certifications ?? [],
      o.targetCertifications ?? [],
      innovation(o.rd),
      JSON.stringify(o.programmes ?? []),
    ],
  );
  await match(id, true);
  return id;
}

async function match(id: string, search = false): Promise<void> {
  await db.query(
    `INSERT INTO outbox (entity_type, entity_id, op, topic) VALUES ${search ? `('organization', $1, 'upsert', 'search'), ` : ''}('organization', $1, 'upsert', 'match')`,
    [id],
  );
}

const programme = (over: Record<string, unknown>) => ({
  name: { ar: null, fr: 'Programme', en: null },
  description: { ar: null, fr: null, en: null },
  sectors: [],
  services: [],
  stages: [],
  regionCodes: [],
  reserved: false,
  cost: null,
  certifications: [],
  ...over,
});

type Row = {
  id: string;
  counterpart_organization_id: string;
  role: string;
  rank: number;
  score: number;
  contributions: { criterion: string; evidence: { code: string; params: Record<string, unknown> } }[];
};
const supportOf = (id: string) =>
  db.query<Row[]>(`SELECT * FROM suggestion WHERE organization_id = $1 AND kind = 'SUPPORT' ORDER BY rank`, [
    id,
  ]);
const counterparts = async (id: string) => (await supportOf(id)).map((r) => r.counterpart_organization_id);

let centre: string;
let incubator: string;
let foodSouth: string;
let foodNorth: string;
let startup: string;
let mature: string;
let tunisian: string;

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
    auth: { jwtSecret: 'support-test-secret-0123456789abcdef' },
  } as AppConfig;
  indexer = new SearchIndexerService(db, meili, config, new OutboxService(null as never));
  await indexer.ensureIndexes();
  recompute = new RecomputeService(db, meili, config, new OutboxMailer(db, config));

  centre = await org({
    kind: 'SUPPORT_INSTITUTION',
    subtype: 'TECHNICAL_CENTRE',
    name: 'Centre technique agroalimentaire du Sud',
    regionCode: 'DZ-30',
    sectors: ['10', '71'],
    programmes: [
      programme({
        name: { ar: 'برنامج الجودة للجنوب', fr: 'Programme qualité du Sud', en: null },
        sectors: ['10'],
        services: ['QUALITY_CERTIFICATION', 'TESTING'],
        certifications: ['FSSC_22000'],
        regionCodes: ['DZ-30', 'DZ-47', 'DZ-01'],
        reserved: true,
        cost: 'FREE',
      }),
    ],
  });
  incubator = await org({
    kind: 'SUPPORT_INSTITUTION',
    subtype: 'INCUBATOR',
    name: 'Incubateur numérique d’Alger',
    sectors: ['62'],
    programmes: [
      programme({ name: { ar: null, fr: 'Programme sans service', en: null }, sectors: ['62'] }),
      programme({
        name: { ar: null, fr: 'Programme d’incubation', en: 'Incubation Programme' },
        sectors: ['62'],
        services: ['INCUBATION', 'TRAINING'],
        stages: ['IDEA', 'STARTUP'],
        cost: 'FREE',
      }),
    ],
  });
  foodSouth = await org({
    name: 'Dattes de Ouargla',
    regionCode: 'DZ-30',
    sectors: ['10'],
    targetCertifications: ['ISO_22000'],
  });
  foodNorth = await org({
    name: 'Conserverie de Blida',
    regionCode: 'DZ-09',
    sectors: ['10'],
    targetCertifications: ['ISO_22000'],
  });
  startup = await org({ name: 'Appli Alger', sectors: ['62'], foundedYear: new Date().getUTCFullYear() - 1 });
  mature = await org({ name: 'Logiciels anciens', sectors: ['62'], foundedYear: 1995 });
  tunisian = await org({
    name: 'Startup Tunis',
    country: 'TN',
    sectors: ['62'],
    foundedYear: new Date().getUTCFullYear() - 1,
  });
  await indexer.drain();
  const res = await recompute.drain();
  expect(res.failed).toEqual([]);
});

afterAll(async () => {
  await db?.destroy();
  await meili?.deleteIndexIfExists(`${prefix}organizations`).catch(() => undefined);
  await meili?.deleteIndexIfExists(`${prefix}opportunities`).catch(() => undefined);
  await drop?.();
});

describe('support suggestions through the match drain', () => {
  it('gives an SME of a southern wilaya the programme reserved for it, with its reasons', async () => {
    const [top, ...rest] = await supportOf(foodSouth);
    expect(rest).toEqual([]);
    expect(top.counterpart_organization_id).toBe(centre);
    expect(top.role).toBe('SUPPORT_PROVIDER');
    const codes = top.contributions.map((c) => c.evidence.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'support.programme',
        'support.services',
        'support.certifications',
        'support.region_target',
      ]),
    );
    const name = top.contributions.find((c) => c.criterion === 'programme')!.evidence;
    expect(renderReason(name as never, 'ar')).toBe(
      'برنامج «برنامج الجودة للجنوب»: الجودة والإشهاد واختبارات وتحاليل',
    );
    // No English name: the French one stands in.
    expect(renderReason(name as never, 'en')).toBe(
      'Programme “Programme qualité du Sud”: quality and certification and testing',
    );
  });

  it('keeps the reserved programme from an SME elsewhere', async () => {
    expect(await counterparts(foodNorth)).toEqual([]);
  });

  it('shows the incubator the start-up its programme fits, not a mature firm nor one in another country', async () => {
    const rows = await supportOf(incubator);
    expect(rows.map((r) => r.counterpart_organization_id)).toEqual([startup]);
    expect(rows[0].role).toBe('BENEFICIARY');
    // The programme that offers services, named by its position among the institution's programmes.
    expect(rows[0].contributions[0].evidence.params.index).toBe(1);
    expect(await counterparts(startup)).toEqual([incubator]);
    expect(await counterparts(mature)).toEqual([]);
    expect(await counterparts(tunisian)).toEqual([]);
    expect(await supportOf(centre)).toEqual([
      expect.objectContaining({ counterpart_organization_id: foodSouth, role: 'BENEFICIARY' }),
    ]);
  });

  it('keeps a dismissal for the institution that gave it, not for the SME', async () => {
    const feedback = new FeedbackService(
      db,
      new AuditService(),
      null as never,
      null as never,
      new OutboxService(null as never),
    );
    const [row] = await supportOf(incubator);
    await feedback.give(
      { organizationId: incubator, suggestionId: row.id, verdict: 'DISMISSED' } as never,
      null,
    );
    await match(incubator);
    await match(startup);
    expect((await recompute.drain()).failed).toEqual([]);
    expect(await counterparts(incubator)).toEqual([]);
    expect(await counterparts(startup)).toEqual([incubator]);
  });
});
