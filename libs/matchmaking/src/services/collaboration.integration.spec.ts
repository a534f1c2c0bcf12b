import { randomBytes } from 'node:crypto';
import type { Meilisearch } from 'meilisearch';
import type { DataSource } from 'typeorm';
import { createDataSource, meiliClient, OutboxService, type AppConfig } from '#platform';
import { DIRECTORY_ENTITIES } from '#directory';
import { SearchIndexerService } from '#search';
import { OutboxMailer } from '#notifications';
import { FORUM_ENTITIES } from '#forum';
import { createTestDatabase } from '#testing';
import { renderReason } from '../engine/reasons.js';
import { RecomputeService } from './recompute.service.js';

/**
 * Past collaboration through the production path: declared histories and accepted contact requests
 * in Postgres, the match drain ranking suppliers for a request. A supplier the buyer worked with
 * ranks first; one that worked with the buyer's partner next, with a reason naming that partner; a
 * link between two others that the buyer cannot see changes nothing.
 */

let db: DataSource;
let drop: () => Promise<void>;
let meili: Meilisearch;
let prefix: string;
let indexer: SearchIndexerService;
let recompute: RecomputeService;

const text = (fr: string) => JSON.stringify({ ar: null, fr, en: null });
const cap = JSON.stringify([
  { process: 'CNC_MACHINING', materials: ['acier'], machines: [], monthlyCapacity: 2000 },
]);

async function org(
  name: string,
  ref: string,
  o: { kind?: string; collaborations?: { ref: string; year: number }[]; supplier?: boolean } = {},
): Promise<string> {
  const [{ id }] = await db.query<{ id: string }[]>(
    `INSERT INTO organization (kind, name, description, country, region_code, sectors, employee_band, founded_year,
       languages, certifications, innovation, capabilities, processes, collaborations, external_ref, status)
     VALUES ($1, $2, $3, 'DZ', 'DZ-16', '{25}', '10-49', 2010, '{fr,ar}', '{}',
       '{"rdActivity":false,"patents":0,"utilityModels":0,"trademarks":0,"industrialDesigns":0}', $4, $5, $6, $7,
       'ACTIVE') RETURNING id`,
    [
      o.kind ?? 'SME',
      text(name),
      text(`${name} description`),
      o.supplier ? cap : '[]',
      o.supplier ? ['CNC_MACHINING'] : [],
      JSON.stringify(o.collaborations ?? []),
      ref,
    ],
  );
  await db.query(
    `INSERT INTO outbox (entity_type, entity_id, op, topic)
     VALUES ('organization', $1, 'upsert', 'search'), ('organization', $1, 'upsert', 'match')`,
    [id],
  );
  return id;
}

const accepted = (a: string, b: string) =>
  db.query(
    `INSERT INTO contact_request (from_organization_id, to_organization_id, status, responded_at)
     VALUES ($1, $2, 'ACCEPTED', now())`,
    [a, b],
  );

let buyer: string;
let partner: string;
let worked: string;
let viaPartner: string;
let hidden: string;
let plain: string;

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
    auth: { jwtSecret: 'collaboration-test-secret-0123456789abcdef' },
  } as AppConfig;
  indexer = new SearchIndexerService(db, meili, config, new OutboxService(null as never));
  await indexer.ensureIndexes();
  recompute = new RecomputeService(db, meili, config, new OutboxMailer(db, config));

  // Four suppliers alike but for their links; names sort against the expected order.
  plain = await org('Atelier A', 'SUP-A', { supplier: true });
  hidden = await org('Atelier B', 'SUP-B', { supplier: true });
  viaPartner = await org('Atelier C', 'SUP-C', {
    supplier: true,
    collaborations: [{ ref: 'PART', year: 2022 }],
  });
  worked = await org('Atelier D', 'SUP-D', { supplier: true });
  partner = await org('Sonelgaz Services', 'PART');
  buyer = await org('Sonacome', 'BUY', {
    kind: 'LARGE_FIRM',
    collaborations: [{ ref: 'SUP-D', year: 2021 }],
  });
  await accepted(buyer, partner);
  // The partner and B met through an accepted request: private to them, the buyer does not see it.
  await accepted(partner, hidden);
  const [{ id }] = await db.query<{ id: string }[]>(
    `INSERT INTO opportunity (organization_id, type, title, description, sectors, processes, quantity)
     VALUES ($1, 'SUBCONTRACTING_REQUEST', $2, $3, '{25}', '{CNC_MACHINING}', 500) RETURNING id`,
    [buyer, text('Usinage de pièces'), text('Pièces usinées en acier')],
  );
  await db.query(
    `INSERT INTO outbox (entity_type, entity_id, op, topic) VALUES ('opportunity', $1, 'upsert', 'search'),
       ('opportunity', $1, 'upsert', 'match')`,
    [id],
  );
  await indexer.drain();
  expect((await recompute.drain()).failed).toEqual([]);
});

afterAll(async () => {
  await db?.destroy();
  await meili?.deleteIndexIfExists(`${prefix}organizations`).catch(() => undefined);
  await meili?.deleteIndexIfExists(`${prefix}opportunities`).catch(() => undefined);
  await drop?.();
});

type Contribution = {
  criterion: string;
  score: number;
  evidence: { code: string; params: Record<string, never> };
};

it('ranks a past partner first, then a partner of a partner named in the reason, through the drain', async () => {
  const rows = await db.query<{ counterpart_organization_id: string; contributions: Contribution[] }[]>(
    `SELECT counterpart_organization_id, contributions FROM suggestion
     WHERE organization_id = $1 AND kind = 'SUBCONTRACTING' ORDER BY rank`,
    [buyer],
  );
  const order = rows.map((r) => r.counterpart_organization_id);
  expect(order.slice(0, 2)).toEqual([worked, viaPartner]);
  const reason = (id: string) =>
    rows
      .find((r) => r.counterpart_organization_id === id)!
      .contributions.find((c) => c.criterion === 'collaboration')!;
  expect(renderReason(reason(worked).evidence, 'en')).toBe(
    'You have worked together before: a declared collaboration (2021)',
  );
  expect(renderReason(reason(viaPartner).evidence, 'fr')).toBe(
    'A travaillé avec Sonelgaz Services, qui travaille avec vous',
  );
  // B's link to the partner is private to them: for the buyer, B is like A.
  expect(reason(hidden).evidence.code).toBe('collaboration.none');
  expect(reason(hidden).score).toBe(reason(plain).score);
});

it('shows the supplier the same link from its side, on the request it can serve', async () => {
  const [row] = await db.query<{ counterpart_organization_id: string; contributions: Contribution[] }[]>(
    `SELECT counterpart_organization_id, contributions FROM suggestion
     WHERE organization_id = $1 AND kind = 'SUBCONTRACTING' AND role = 'REQUEST'`,
    [worked],
  );
  expect(row.counterpart_organization_id).toBe(buyer);
  const c = row.contributions.find((x) => x.criterion === 'collaboration')!;
  expect(c.evidence.code).toBe('collaboration.direct');
  expect(c.score).toBe(1);
});
