import { randomBytes } from 'node:crypto';
import { meiliClient } from '#platform';
import { indexNames, normaliseText, organizationSettings } from '#search';
import { request, sme } from '../engine/fixtures.js';
import { CandidateSelector, TIER_LIMIT } from './candidate-selector.js';

/**
 * Candidate selection against the real Meilisearch the test run started, with the product's index
 * settings. Tiers hold more suppliers than their limit here, so the order within a tier decides who
 * is scored: the suppliers working the wanted material must be kept whatever their place in the index.
 */
describe('CandidateSelector.suppliersFor', () => {
  const meili = meiliClient(process.env.MEILI_HOST!, process.env.MEILI_MASTER_KEY);
  const prefix = `cand${randomBytes(3).toString('hex')}_`;
  const uid = indexNames(prefix).organizations;
  const selector = new CandidateSelector(meili, prefix);

  const doc = (id: string, region: string, processes: string[], materials: string[]) => ({
    id,
    kind: 'SME',
    name_fr: `Atelier ${id}`,
    tags: materials,
    text_norm: normaliseText([`Atelier ${id}`, ...materials].join(' \n ')),
    country: 'DZ',
    region_code: region,
    sectors: ['C', '25'],
    processes,
    process_families: ['METALWORKING'],
    certifications: [],
  });

  const fillers = Array.from({ length: TIER_LIMIT + 60 }, (_x, i) =>
    doc(`filler-${String(i).padStart(3, '0')}`, 'DZ-09', ['CNC_MACHINING', 'WELDING'], ['plastique']),
  );
  // Written in other languages than the request's French `cuivre`, and indexed after every filler.
  const copper = [
    doc('copper-ar', 'DZ-09', ['CNC_MACHINING', 'WELDING'], ['نحاس']),
    doc('copper-en', 'DZ-31', ['CNC_MACHINING', 'WELDING'], ['copper']),
    doc('copper-fr', 'DZ-09', ['CNC_MACHINING', 'WELDING'], ['cuivre', 'laiton']),
  ];
  // In the buyer's own wilaya, naming no material: a small tier keeps them all.
  const near = [doc('near-1', 'DZ-16', ['CNC_MACHINING'], []), doc('near-2', 'DZ-16', ['CNC_MACHINING'], [])];

  beforeAll(async () => {
    await meili.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: 60_000 });
    await meili.index(uid).updateSettings(organizationSettings()).waitTask({ timeout: 120_000 });
    // Fillers first: without an order by relevance, a tier's first hits would all be fillers.
    await meili.index(uid).addDocuments(fillers).waitTask({ timeout: 120_000 });
    await meili
      .index(uid)
      .addDocuments([...copper, ...near])
      .waitTask({ timeout: 60_000 });
  });

  afterAll(async () => {
    await meili.deleteIndexIfExists(uid).catch(() => undefined);
  });

  const copperRequest = request({
    processes: ['CNC_MACHINING'],
    requiredProcesses: ['CNC_MACHINING'],
    materials: ['cuivre'],
    sectors: ['25'],
    country: 'DZ',
    regionCode: 'DZ-16',
  });

  it('keeps the suppliers working the wanted material, named in any language, when a tier overflows', async () => {
    const ids = await selector.suppliersFor(copperRequest, '');
    expect(ids).toEqual(expect.arrayContaining(['copper-ar', 'copper-en', 'copper-fr', 'near-1', 'near-2']));
  });

  it('does so for a request restricted to wilayas', async () => {
    const ids = await selector.suppliersFor({ ...copperRequest, regionCodes: ['DZ-09', 'DZ-31'] }, '');
    expect(ids).toEqual(expect.arrayContaining(['copper-ar', 'copper-en', 'copper-fr']));
    expect(ids).not.toContain('near-1');
  });

  it('does so for a request with several required processes', async () => {
    const ids = await selector.suppliersFor(
      {
        ...copperRequest,
        processes: ['CNC_MACHINING', 'WELDING'],
        requiredProcesses: ['CNC_MACHINING', 'WELDING'],
      },
      '',
    );
    expect(ids).toEqual(expect.arrayContaining(['copper-ar', 'copper-en', 'copper-fr']));
    // near-1 and near-2 do not weld: the hard filter leaves them out.
    expect(ids).not.toContain('near-1');
  });
});

/**
 * A request naming no material: more suppliers of the wanted process in the buyer's country than a
 * tier holds, most of another sector, and those of the request's sector (one of them holding a scheme
 * that includes the preferred certification) indexed last. In index order the tier would keep only the
 * first ones; the tiers by the request's facts must keep the fitting ones.
 */
describe('CandidateSelector.suppliersFor by the request facts', () => {
  const meili = meiliClient(process.env.MEILI_HOST!, process.env.MEILI_MASTER_KEY);
  const prefix = `cands${randomBytes(3).toString('hex')}_`;
  const uid = indexNames(prefix).organizations;
  const selector = new CandidateSelector(meili, prefix);

  const supplier = (id: string, sectors: string[], certifications: string[] = []) => ({
    id,
    kind: 'SME',
    name_fr: `Atelier ${id}`,
    tags: [],
    text_norm: normaliseText(`Atelier ${id}`),
    country: 'DZ',
    region_code: 'DZ-09',
    sectors,
    processes: ['CNC_MACHINING'],
    process_families: ['METALWORKING'],
    certifications,
  });
  // Another sector (plastics), then the request's sector without the preferred scheme.
  const others = Array.from({ length: TIER_LIMIT + 40 }, (_x, i) =>
    supplier(`other-${String(i).padStart(3, '0')}`, ['C', '22']),
  );
  const sameSector = Array.from({ length: TIER_LIMIT - 10 }, (_x, i) =>
    supplier(`sector-${String(i).padStart(3, '0')}`, ['C', '25']),
  );
  const fits = [
    supplier('fit-sector', ['C', '25']),
    // IATF 16949 is built on ISO 9001: its holder meets the preference for ISO 9001.
    supplier('fit-certified', ['C', '25'], ['IATF_16949']),
  ];

  beforeAll(async () => {
    await meili.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: 60_000 });
    await meili.index(uid).updateSettings(organizationSettings()).waitTask({ timeout: 120_000 });
    await meili.index(uid).addDocuments(others).waitTask({ timeout: 120_000 });
    await meili.index(uid).addDocuments(sameSector).waitTask({ timeout: 120_000 });
    await meili.index(uid).addDocuments(fits).waitTask({ timeout: 60_000 });
  });

  afterAll(async () => {
    await meili.deleteIndexIfExists(uid).catch(() => undefined);
  });

  const machining = request({
    processes: ['CNC_MACHINING'],
    requiredProcesses: [],
    materials: [],
    sectors: ['25'],
    country: 'DZ',
    regionCode: 'DZ-16',
  });

  it('keeps the suppliers of the request sector when the tier of the wanted process overflows', async () => {
    const ids = await selector.suppliersFor(machining, '');
    expect(ids).toEqual(expect.arrayContaining(['fit-sector', 'fit-certified']));
    expect(ids.indexOf('fit-sector')).toBeLessThan(ids.indexOf('other-000'));
  });

  it('keeps the holder of a scheme including the preferred certification first among its sector', async () => {
    const ids = await selector.suppliersFor({ ...machining, preferredCertifications: ['ISO_9001'] }, '');
    expect(ids[0]).toBe('fit-certified');
    expect(ids).toContain('fit-sector');
  });
});

/**
 * Financiers for an SME: more financiers pass its country than a tier holds, all targeting its sector,
 * and those whose terms fit it (stage, instrument, ticket band) are indexed last. In index order the
 * pool would hold only the first ones; the tiers by matching facts must keep the fitting ones.
 */
describe('CandidateSelector.financiersFor', () => {
  const meili = meiliClient(process.env.MEILI_HOST!, process.env.MEILI_MASTER_KEY);
  const prefix = `candf${randomBytes(3).toString('hex')}_`;
  const uid = indexNames(prefix).organizations;
  const selector = new CandidateSelector(meili, prefix);

  interface Terms {
    sectors: string[];
    stages: string[];
    instruments: string[];
    ticket: [number, number, string];
    countries?: string[];
  }
  const financier = (id: string, t: Terms) => ({
    id,
    kind: 'FINANCIER',
    name_fr: `Banque ${id}`,
    tags: [],
    text_norm: normaliseText(`Banque ${id}`),
    country: 'DZ',
    region_code: 'DZ-16',
    sectors: ['64'],
    target_sectors: t.sectors.flatMap((s) => (s === '25' || s === '28' ? [s, 'C'] : [s])),
    target_countries: t.countries ?? ['DZ'],
    stages: t.stages,
    instruments: t.instruments,
    ticket_min: t.ticket[0],
    ticket_max: t.ticket[1],
    ticket_currency: t.ticket[2],
  });

  // Same sector, but a band of millions, and equity only or mature firms only: near misses for the
  // SMEs below, the second half missing the ticket band alone.
  const fillers = Array.from({ length: 2 * TIER_LIMIT + 60 }, (_x, i) =>
    financier(`filler-${String(i).padStart(3, '0')}`, {
      sectors: ['25'],
      stages: i % 2 ? ['GROWTH'] : ['MATURE'],
      instruments: i % 2 ? ['LEASING'] : ['EQUITY'],
      ticket: [2_000_000, 9_000_000, 'EUR'],
    }),
  );
  const fits = [
    // A band in dinars around 100,000 EUR (about 14.7 million DZD).
    financier('fit-dzd', {
      sectors: ['25'],
      stages: ['GROWTH'],
      instruments: ['LEASING', 'LOAN'],
      ticket: [5_000_000, 40_000_000, 'DZD'],
    }),
    financier('fit-eur', {
      sectors: ['25', '28'],
      stages: ['STARTUP', 'GROWTH'],
      instruments: ['LEASING'],
      ticket: [50_000, 500_000, 'EUR'],
      countries: ['DZ', 'TN', 'MA'],
    }),
    // Names no target sector: open to every sector.
    financier('fit-open', {
      sectors: [],
      stages: ['GROWTH'],
      instruments: ['LEASING'],
      ticket: [20_000, 300_000, 'EUR'],
    }),
    // States a minimum ticket only: any larger need is inside its band.
    {
      ...financier('fit-floor', {
        sectors: ['25'],
        stages: ['GROWTH'],
        instruments: ['LEASING'],
        ticket: [10_000, 0, 'EUR'],
      }),
      ticket_max: null,
    },
  ];
  // Fits the SME on everything but lends only in Tunisia: the hard filter leaves it out.
  const abroad = financier('abroad', {
    sectors: ['25'],
    stages: ['GROWTH'],
    instruments: ['LEASING'],
    ticket: [50_000, 500_000, 'EUR'],
    countries: ['TN'],
  });

  beforeAll(async () => {
    await meili.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: 60_000 });
    await meili.index(uid).updateSettings(organizationSettings()).waitTask({ timeout: 120_000 });
    await meili.index(uid).addDocuments(fillers).waitTask({ timeout: 120_000 });
    await meili
      .index(uid)
      .addDocuments([...fits, abroad])
      .waitTask({ timeout: 60_000 });
  });

  afterAll(async () => {
    await meili.deleteIndexIfExists(uid).catch(() => undefined);
  });

  it('keeps the financiers whose terms fit the SME when more pass its country than a tier holds', async () => {
    const grower = sme('sme-grower', {
      sectors: ['25'],
      stage: 'GROWTH',
      financingNeed: { amount: 100_000, currency: 'EUR', instruments: ['LEASING'] },
    });
    const ids = await selector.financiersFor(grower, 2026);
    // Matching every fact of the SME (an open bound admits its need), they come first.
    expect(ids.slice(0, 4).sort()).toEqual(['fit-dzd', 'fit-eur', 'fit-floor', 'fit-open']);
    expect(ids).not.toContain('abroad');
  });

  it('reads the stage from the founding year and the need in dinars when the SME states no stage', async () => {
    const quiet = sme('sme-quiet', {
      sectors: ['25'],
      stage: null,
      foundedYear: 2017,
      financingNeed: { amount: 15_000_000, currency: 'DZD', instruments: ['LEASING'] },
    });
    const ids = await selector.financiersFor(quiet, 2026);
    expect(ids).toEqual(expect.arrayContaining(['fit-dzd', 'fit-eur', 'fit-open', 'fit-floor']));
  });
});
