import { randomUUID } from 'node:crypto';
import { bootTestApp, eventually, type GqlResponse, type TestApp, ok } from '#testing';

/*
 * The directory through the real api process: organisations, contacts, opportunities, listings and
 * taxonomies over GraphQL, with the database read directly to check what was (not) written.
 */

type Json = Record<string, unknown>;
type Input = Record<string, unknown>;

interface Org {
  id: string;
  kind: string;
  subtype: string | null;
  status: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  name: { ar: string | null; fr: string | null; en: string | null };
  country: string;
  regionCode: string | null;
  city: string | null;
  website: string | null;
  sectors: string[];
  contacts: { name: string; role: string | null; email: string | null; phone: string | null }[];
  opportunities?: { id: string }[];
  [k: string]: unknown;
}

interface Opp {
  id: string;
  organizationId: string;
  status: string;
  version: number;
  archived: boolean;
  expiresAt: string | null;
  organization: { id: string };
  [k: string]: unknown;
}

interface FieldProblem {
  path: string;
  message: string;
}

const ORG = `
  fragment Org on Organization {
    id kind subtype status version createdAt updatedAt
    name { ar fr en }
    description { ar fr en }
    country regionCode region city sectors employeeBand foundedYear website languages certifications
    innovation { rdActivity patents utilityModels trademarks industrialDesigns }
    capabilities { process materials machines monthlyCapacity capacityUnit }
    purchasingCategories services
    programmes { name { ar fr en } description { ar fr en } sectors }
    financier { instruments ticketMin ticketMax currency targetSectors targetCountries stages }
    contacts { name role email phone }
  }`;

const OPP = `
  fragment Opp on Opportunity {
    id organizationId type status version archived createdAt updatedAt
    title { ar fr en }
    description { ar fr en }
    sectors processes quantity quantityUnit amount currency countries deadline expiresAt
    organization { id }
  }`;

const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { ...Org } } ${ORG}`;
const UPDATE_ORG = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { ...Org } } ${ORG}`;
const GET_ORG = `query($id: ID!) { organization(id: $id) { ...Org } } ${ORG}`;
const ARCHIVE_ORG = `mutation($id: ID!) { archiveOrganization(id: $id) { id status version } }`;
const LIST_ORGS = `query($filter: OrganizationFilter, $first: Int, $after: String) {
  organizations(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const CREATE_OPP = `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { ...Opp } } ${OPP}`;
const UPDATE_OPP = `mutation($input: UpdateOpportunityInput!) { updateOpportunity(input: $input) { ...Opp } } ${OPP}`;
const GET_OPP = `query($id: ID!) { opportunity(id: $id) { ...Opp } } ${OPP}`;
const LIST_OPPS = `query($filter: OpportunityFilter, $first: Int) {
  opportunities(filter: $filter, first: $first) { edges { node { id organizationId archived } } pageInfo { hasNextPage } }
}`;

const sme: Input = {
  kind: 'SME',
  name: {
    ar: 'مؤسسة البليدة للتشغيل الميكانيكي',
    fr: 'Usinage de Blida – pièces « sur mesure »',
    en: 'Blida Machining',
  },
  description: {
    ar: 'قطع مخروطة ومفرزة للميكانيك والمحروقات',
    fr: 'Pièces tournées et fraisées pour la mécanique et les hydrocarbures.',
  },
  country: 'DZ',
  regionCode: 'DZ-09',
  city: 'Blida',
  sectors: ['25', 'C'],
  employeeBand: '10-49',
  foundedYear: 2008,
  website: 'https://usinage-blida.dz',
  languages: ['ar', 'fr'],
  certifications: ['ISO_9001', 'ISO_14001'],
  innovation: { rdActivity: true, patents: 1 },
  capabilities: [
    {
      process: 'CNC_MACHINING',
      materials: ['acier 42CrMo4', 'inox 316L'],
      machines: ['tour CNC 3 axes'],
      monthlyCapacity: 5000,
      capacityUnit: 'pièces',
    },
    { process: 'WELDING' },
  ],
  contacts: [
    { name: 'Karim Belkacem', role: 'Gérant', email: 'contact@usinage-blida.dz', phone: '+213 25 00 00 00' },
    { name: 'سارة بن علي', role: 'مديرة المبيعات' },
  ],
};

const largeFirm: Input = {
  kind: 'LARGE_FIRM',
  name: { fr: 'Société nationale des véhicules industriels', en: 'National industrial vehicles company' },
  country: 'DZ',
  regionCode: 'DZ-16',
  sectors: ['29'],
  employeeBand: '1000+',
  certifications: ['IATF_16949', 'ISO_45001'],
  capabilities: [{ process: 'ASSEMBLY' }],
  purchasingCategories: ['pièces forgées', 'faisceaux électriques'],
  contacts: [{ name: 'Direction des achats', email: 'achats@snvi.example' }],
};

const supportInstitution: Input = {
  kind: 'SUPPORT_INSTITUTION',
  subtype: 'TECHNICAL_CENTRE',
  name: { ar: 'المركز التقني للصناعات الميكانيكية', fr: 'Centre technique des industries mécaniques' },
  country: 'DZ',
  regionCode: 'DZ-25',
  services: ['essais de matériaux', 'métrologie'],
  programmes: [
    {
      name: { fr: 'Programme de mise à niveau', ar: 'برنامج التأهيل' },
      description: { fr: 'Diagnostic et plan de mise à niveau des PME.' },
      sectors: ['C', '25'],
    },
  ],
};

const financier: Input = {
  kind: 'FINANCIER',
  subtype: 'ISLAMIC_FINANCE',
  name: { ar: 'مصرف السلام', en: 'Al Salam Bank' },
  country: 'BH',
  region: 'Manama',
  financier: {
    instruments: ['MURABAHA', 'IJARA', 'ISTISNA'],
    ticketMin: 1_000_000,
    ticketMax: 50_000_000,
    currency: 'BHD',
    targetSectors: ['C', '10'],
    targetCountries: ['DZ', 'BH'],
    stages: ['GROWTH', 'MATURE'],
  },
};

const publicBody: Input = {
  kind: 'PUBLIC_BODY',
  subtype: 'MINISTRY',
  name: { ar: 'وزارة الصناعة', fr: "Ministère de l'Industrie", en: 'Ministry of Industry' },
  country: 'DZ',
  regionCode: 'DZ-16',
  city: 'Alger',
  website: 'https://www.industrie.gov.dz/',
};

let app: TestApp;

async function gql<T = Json>(
  query: string,
  variables?: Json,
  headers?: Record<string, string>,
): Promise<GqlResponse<T>> {
  return app.gql<T>(query, variables, headers);
}

/** The data of a response that must have succeeded; the errors otherwise, to explain the failure. */
function fieldsOf(r: GqlResponse<unknown>): FieldProblem[] {
  return (r.errors?.[0]?.extensions?.fields as FieldProblem[] | undefined) ?? [];
}

/** Every error response must carry a code a client can act on, and no server internals. */
function expectError(r: GqlResponse<unknown>, code: string, path?: string): void {
  expect(r.errors?.length).toBeGreaterThan(0);
  expect(r.errors![0].extensions?.code).toBe(code);
  for (const e of r.errors!) expect(e.extensions ?? {}).not.toHaveProperty('stacktrace');
  if (path) {
    const fields = fieldsOf(r);
    expect(fields.map((f) => f.path)).toContain(path);
    for (const f of fields) expect(f.message).toEqual(expect.any(String));
  }
}

async function createOrg(input: Input): Promise<GqlResponse<{ createOrganization: Org }>> {
  return gql<{ createOrganization: Org }>(CREATE_ORG, { input });
}

async function newOrg(input: Input): Promise<Org> {
  return ok(await createOrg(input)).createOrganization;
}

async function getOrg(id: string): Promise<Org> {
  return ok(await gql<{ organization: Org }>(GET_ORG, { id })).organization;
}

async function newOpp(input: Input): Promise<Opp> {
  return ok(await gql<{ createOpportunity: Opp }>(CREATE_OPP, { input })).createOpportunity;
}

/** Row counts of every table a directory write touches, to prove a rejected write left no trace. */
async function rowCounts(): Promise<Record<string, number>> {
  const { rows } = await app.db.query<Record<string, number>>(`
    SELECT (SELECT count(*) FROM organization)::int AS organization,
           (SELECT count(*) FROM contact_person)::int AS contact_person,
           (SELECT count(*) FROM opportunity)::int AS opportunity,
           (SELECT count(*) FROM outbox WHERE topic = 'search')::int AS outbox`);
  return rows[0];
}

/** Every id of a listing, following cursors to the end. */
async function pageThrough(
  filter: Json | undefined,
  first: number,
): Promise<{ ids: string[]; pages: { size: number; hasNextPage: boolean }[] }> {
  const ids: string[] = [];
  const pages: { size: number; hasNextPage: boolean }[] = [];
  let after: string | null = null;
  for (;;) {
    type Page = {
      organizations: {
        edges: { cursor: string; node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const page: Page = ok(await gql<Page>(LIST_ORGS, { filter, first, after }));
    const { edges, pageInfo } = page.organizations;
    ids.push(...edges.map((e) => e.node.id));
    pages.push({ size: edges.length, hasNextPage: pageInfo.hasNextPage });
    expect(edges.length).toBeLessThanOrEqual(first);
    expect(pageInfo.endCursor).toBe(edges.at(-1)?.cursor ?? null);
    if (!pageInfo.hasNextPage) return { ids, pages };
    after = pageInfo.endCursor;
    if (pages.length > 200) throw new Error('pagination does not end');
  }
}

async function listIds(filter: Json, first = 100): Promise<string[]> {
  const r = ok(
    await gql<{ organizations: { edges: { node: { id: string } }[] } }>(LIST_ORGS, { filter, first }),
  );
  return r.organizations.edges.map((e) => e.node.id);
}

/** Ids of active organisations in the listing order, straight from Postgres. */
async function dbOrder(where = `status = 'ACTIVE'`, params: unknown[] = []): Promise<string[]> {
  const { rows } = await app.db.query<{ id: string }>(
    `SELECT id FROM organization WHERE ${where} ORDER BY created_at, id`,
    params,
  );
  return rows.map((r) => r.id);
}

function without<T extends object>(o: T, keys: string[]): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k))) as Partial<T>;
}

describe('directory over GraphQL', () => {
  beforeAll(async () => {
    app = await bootTestApp({ signedIn: 'ORGANISER' });
  });
  afterAll(() => app?.close());

  describe('createOrganization and organization(id)', () => {
    it.each([
      ['SME with capabilities', sme],
      ['LARGE_FIRM with purchasing categories', largeFirm],
      ['SUPPORT_INSTITUTION with subtype and programmes', supportInstitution],
      ['FINANCIER with financing terms', financier],
      ['PUBLIC_BODY', publicBody],
    ])('stores a %s and reads it back', async (_label, input) => {
      const created = await newOrg(input);
      expect(created).toMatchObject(input);
      expect(created).toMatchObject({ status: 'ACTIVE', version: 1 });
      expect(created.id).toMatch(/^[0-9a-f-]{36}$/);

      const read = await getOrg(created.id);
      expect(read).toEqual(created);

      // Names reach Postgres exactly as sent, in each of the three languages.
      const { rows } = await app.db.query<{ name: Json; kind: string }>(
        'SELECT name, kind FROM organization WHERE id = $1',
        [created.id],
      );
      const sent = input.name as Json;
      expect(rows[0].kind).toBe(input.kind);
      for (const lang of ['ar', 'fr', 'en']) expect(rows[0].name[lang] ?? null).toBe(sent[lang] ?? null);
    });

    it('fills absent optional fields with empty values rather than leaving them undefined', async () => {
      const org = await newOrg({ kind: 'SME', name: { fr: 'Atelier minimal' }, country: 'TN' });
      expect(org).toMatchObject({
        subtype: null,
        description: { ar: null, fr: null, en: null },
        name: { ar: null, fr: 'Atelier minimal', en: null },
        regionCode: null,
        sectors: [],
        certifications: [],
        innovation: { rdActivity: false, patents: 0, utilityModels: 0, trademarks: 0, industrialDesigns: 0 },
        capabilities: [],
        purchasingCategories: [],
        programmes: [],
        financier: null,
        contacts: [],
      });
    });

    it('keeps contacts in the order given', async () => {
      const contacts = [{ name: 'Amine' }, { name: 'Bouchra' }, { name: 'Chafik' }, { name: 'Dalila' }];
      const org = await newOrg({ ...sme, contacts });
      expect((await getOrg(org.id)).contacts.map((c) => c.name)).toEqual(contacts.map((c) => c.name));
    });

    it('accepts values at the bounds (200-character name, 10 sectors)', async () => {
      const name = 'م'.repeat(200);
      const sectors = ['10', '11', '13', '14', '20', '22', '24', '25', '28', '29'];
      const org = await newOrg({ ...sme, name: { ar: name }, sectors });
      expect(org.name.ar).toBe(name);
      expect(org.sectors).toEqual(sectors);
    });
  });

  describe('input validation', () => {
    const elevenSectors = ['10', '11', '13', '14', '20', '22', '24', '25', '28', '29', '30'];
    const createWith = (patch: Input) => () => createOrg({ ...sme, ...patch });
    const cases: [string, () => Promise<GqlResponse<unknown>>, string][] = [
      ['an unknown ISIC code', createWith({ sectors: ['25', '34'] }), 'input.sectors.1'],
      ['an unknown country', createWith({ country: 'XX', regionCode: null }), 'input.country'],
      ['an unknown wilaya DZ-99', createWith({ regionCode: 'DZ-99' }), 'input.regionCode'],
      [
        'a region code outside Algeria',
        createWith({ country: 'TN', regionCode: 'DZ-16' }),
        'input.regionCode',
      ],
      ['a subtype of another kind', createWith({ subtype: 'COMMERCIAL_BANK' }), 'input.subtype'],
      [
        'a support institution without subtype',
        () => createOrg({ ...supportInstitution, subtype: null }),
        'input.subtype',
      ],
      [
        'a financier subtype on a support institution',
        () => createOrg({ ...supportInstitution, subtype: 'LEASING' }),
        'input.subtype',
      ],
      ['a 201-character name', createWith({ name: { fr: 'é'.repeat(201) } }), 'input.name.fr'],
      ['a name in no language', createWith({ name: { ar: '  ', fr: null } }), 'input.name'],
      ['11 sectors', createWith({ sectors: elevenSectors }), 'input.sectors'],
      ['a null byte in the name', createWith({ name: { fr: 'Usinage\u0000Blida' } }), 'input.name.fr'],
      [
        'a right-to-left override in the name',
        createWith({ name: { ar: 'شركة\u202Egnp.exe' } }),
        'input.name.ar',
      ],
      [
        'ticketMin above ticketMax',
        () => createOrg({ ...financier, financier: { ticketMin: 10, ticketMax: 5, currency: 'DZD' } }),
        'input.financier.ticketMin',
      ],
      [
        'a ticket range without currency',
        () => createOrg({ ...financier, financier: { ticketMin: 10, ticketMax: 50 } }),
        'input.financier.currency',
      ],
      ['financing terms on an SME', createWith({ financier: { instruments: ['LOAN'] } }), 'input.financier'],
      [
        'capabilities on a financier',
        () => createOrg({ ...financier, capabilities: [{ process: 'WELDING' }] }),
        'input.capabilities',
      ],
      [
        'a bad contact email',
        createWith({ contacts: [{ name: 'Karim', email: 'karim(at)blida' }] }),
        'input.contacts.0.email',
      ],
      ['a javascript: website', createWith({ website: 'javascript:alert(1)' }), 'input.website'],
      [
        'a founding year in the future',
        createWith({ foundedYear: new Date().getUTCFullYear() + 1 }),
        'input.foundedYear',
      ],
      ['a bad UUID in organization(id)', () => gql(GET_ORG, { id: 'not-a-uuid' }), 'id'],
      [
        'a bad UUID in updateOrganization',
        () => gql(UPDATE_ORG, { input: { id: '12345', city: 'Oran' } }),
        'input.id',
      ],
      ['a bad UUID in archiveOrganization', () => gql(ARCHIVE_ORG, { id: "1' OR '1'='1" }), 'id'],
      [
        'a bad organisation id in createOpportunity',
        () =>
          gql(CREATE_OPP, {
            input: { organizationId: 'x', type: 'CAPABILITY_OFFER', title: { fr: 'Offre' } },
          }),
        'input.organizationId',
      ],
    ];

    it.each(cases)(
      'rejects %s with BAD_USER_INPUT naming the field, writing nothing',
      async (_l, run, path) => {
        const before = await rowCounts();
        const r = await run();
        expectError(r, 'BAD_USER_INPUT', path);
        expect(Object.values(r.data ?? {}).every((v) => v === null)).toBe(true);
        expect(await rowCounts()).toEqual(before);
      },
    );

    it('lists every bad field of an input, not just the first', async () => {
      const r = await createOrg({
        ...sme,
        country: 'XX',
        regionCode: null,
        website: 'ftp://x.dz',
        sectors: ['ZZ'],
      });
      expectError(r, 'BAD_USER_INPUT');
      expect(fieldsOf(r).map((f) => f.path)).toEqual(
        expect.arrayContaining(['input.country', 'input.website', 'input.sectors.0']),
      );
    });

    it.each([
      ['organization', () => gql(GET_ORG, { id: randomUUID() })],
      ['updateOrganization', () => gql(UPDATE_ORG, { input: { id: randomUUID(), city: 'Oran' } })],
      ['archiveOrganization', () => gql(ARCHIVE_ORG, { id: randomUUID() })],
      [
        'createOpportunity',
        () =>
          gql(CREATE_OPP, {
            input: { organizationId: randomUUID(), type: 'CAPABILITY_OFFER', title: { fr: 'Offre' } },
          }),
      ],
      ['opportunity', () => gql(GET_OPP, { id: randomUUID() })],
      ['updateOpportunity', () => gql(UPDATE_OPP, { input: { id: randomUUID(), status: 'FULFILLED' } })],
    ])('%s with an unknown id gives NOT_FOUND and writes nothing', async (_l, run) => {
      const before = await rowCounts();
      expectError(await run(), 'NOT_FOUND');
      expect(await rowCounts()).toEqual(before);
    });

    it('rejects a kind outside the enum with a GraphQL validation error', async () => {
      const before = await rowCounts();
      const inline = await gql(
        `mutation { createOrganization(input: { kind: "BANK", name: { fr: "Banque" }, country: "DZ" }) { id } }`,
      );
      expectError(inline, 'GRAPHQL_VALIDATION_FAILED');
      expect(inline.errors![0].message).toMatch(/OrganizationKind/);
      const bare = await gql(
        `mutation { createOrganization(input: { kind: BANK, name: { fr: "Banque" }, country: "DZ" }) { id } }`,
      );
      expectError(bare, 'GRAPHQL_VALIDATION_FAILED');
      // Through variables the value fails coercion before any resolver runs.
      const asVariable = await createOrg({ ...sme, kind: 'BANK' });
      expectError(asVariable, 'BAD_USER_INPUT');
      expect(asVariable.errors![0].message).toMatch(/OrganizationKind/);
      expect(await rowCounts()).toEqual(before);
    });
  });

  describe('updateOrganization', () => {
    it('changes only the fields given, and increases the version', async () => {
      const before = await newOrg(sme);
      const r = await gql<{ updateOrganization: Org }>(UPDATE_ORG, {
        input: { id: before.id, expectedVersion: before.version, city: 'Boufarik' },
      });
      const after = ok(r).updateOrganization;
      expect(after.city).toBe('Boufarik');
      expect(after.version).toBeGreaterThan(before.version);
      expect(new Date(after.updatedAt).getTime()).toBeGreaterThanOrEqual(
        new Date(before.updatedAt).getTime(),
      );
      const unchanged = ['city', 'version', 'updatedAt'];
      expect(without(after, unchanged)).toEqual(without(before, unchanged));
      expect(await getOrg(before.id)).toEqual(after);
    });

    it('clears a nullable field given as null', async () => {
      const org = await newOrg(sme);
      const after = ok(
        await gql<{ updateOrganization: Org }>(UPDATE_ORG, { input: { id: org.id, website: null } }),
      ).updateOrganization;
      expect(after.website).toBeNull();
      expect(after.city).toBe(org.city);
    });

    it('refuses a stale expectedVersion with CONFLICT and changes nothing', async () => {
      const org = await newOrg(sme);
      const v2 = ok(
        await gql<{ updateOrganization: Org }>(UPDATE_ORG, { input: { id: org.id, city: 'Médéa' } }),
      ).updateOrganization;
      const before = await rowCounts();
      const r = await gql(UPDATE_ORG, {
        input: { id: org.id, expectedVersion: org.version, city: 'Tipaza' },
      });
      expectError(r, 'CONFLICT');
      expect(r.errors![0].extensions?.currentVersion).toBe(v2.version);
      expect(await getOrg(org.id)).toEqual(v2);
      expect(await rowCounts()).toEqual(before);
    });

    it.each([
      ['an unknown wilaya', { regionCode: 'DZ-99' }, 'input.regionCode'],
      ['a country that does not fit the stored wilaya', { country: 'MA' }, 'input.regionCode'],
      ['a subtype that does not fit the stored kind', { subtype: 'INCUBATOR' }, 'input.subtype'],
      ['financing terms on the stored SME', { financier: { instruments: ['LOAN'] } }, 'input.financier'],
      ['a name emptied in every language', { name: { ar: null, fr: '', en: null } }, 'input.name'],
      ['an unknown sector', { sectors: ['25', '34'] }, 'input.sectors.1'],
    ])('re-validates the merged organisation: rejects %s', async (_l, patch, path) => {
      const org = await newOrg(sme);
      const before = await rowCounts();
      const r = await gql(UPDATE_ORG, { input: { id: org.id, ...patch } });
      expectError(r, 'BAD_USER_INPUT', path);
      expect(await getOrg(org.id)).toEqual(org);
      expect(await rowCounts()).toEqual(before);
    });

    it('replaces contacts when given and keeps them when not', async () => {
      const org = await newOrg(sme);
      const kept = ok(
        await gql<{ updateOrganization: Org }>(UPDATE_ORG, { input: { id: org.id, city: 'Oran' } }),
      ).updateOrganization;
      expect(kept.contacts).toEqual(org.contacts);

      const contacts = [
        { name: 'Nadia Haddad', role: 'Responsable qualité', email: 'qualite@usinage-blida.dz' },
      ];
      const replaced = ok(
        await gql<{ updateOrganization: Org }>(UPDATE_ORG, { input: { id: org.id, contacts } }),
      ).updateOrganization;
      expect(replaced.contacts).toEqual([{ ...contacts[0], phone: null }]);
      expect((await getOrg(org.id)).contacts).toEqual(replaced.contacts);
      const { rows } = await app.db.query('SELECT name FROM contact_person WHERE organization_id = $1', [
        org.id,
      ]);
      expect(rows).toEqual([{ name: 'Nadia Haddad' }]);

      const emptied = ok(
        await gql<{ updateOrganization: Org }>(UPDATE_ORG, { input: { id: org.id, contacts: [] } }),
      ).updateOrganization;
      expect(emptied.contacts).toEqual([]);
    });
  });

  describe('archiveOrganization', () => {
    it('archives, hides from the default listing and refuses new opportunities', async () => {
      // Somalia is used by no other test of this file, so the listing holds only these two.
      const active = await newOrg({ ...sme, country: 'SO', regionCode: null, region: 'Mogadishu' });
      const doomed = await newOrg({ ...largeFirm, country: 'SO', regionCode: null });

      const archived = ok(
        await gql<{ archiveOrganization: { id: string; status: string; version: number } }>(ARCHIVE_ORG, {
          id: doomed.id,
        }),
      ).archiveOrganization;
      expect(archived).toMatchObject({ id: doomed.id, status: 'ARCHIVED' });
      expect(archived.version).toBeGreaterThan(doomed.version);
      expect((await getOrg(doomed.id)).status).toBe('ARCHIVED');

      expect(await listIds({ countries: ['SO'] })).toEqual([active.id]);
      expect((await listIds({ countries: ['SO'], includeArchived: true })).sort()).toEqual(
        [active.id, doomed.id].sort(),
      );
      expect(await listIds({})).not.toContain(doomed.id);

      const before = await rowCounts();
      const opp = await gql(CREATE_OPP, {
        input: { organizationId: doomed.id, type: 'SUBCONTRACTING_REQUEST', title: { fr: 'Forgeage' } },
      });
      expectError(opp, 'CONFLICT');
      expectError(await gql(UPDATE_ORG, { input: { id: doomed.id, city: 'Hargeisa' } }), 'CONFLICT');
      expect(await rowCounts()).toEqual(before);

      // Archiving twice is harmless.
      const again = ok(
        await gql<{ archiveOrganization: { status: string } }>(ARCHIVE_ORG, { id: doomed.id }),
      );
      expect(again.archiveOrganization.status).toBe('ARCHIVED');
    });
  });

  describe('opportunities', () => {
    const request = {
      type: 'SUBCONTRACTING_REQUEST',
      title: { fr: 'Sous-traitance de pièces soudées', ar: 'مناولة قطع ملحومة' },
      description: { fr: 'Châssis mécano-soudés, 500 pièces par an.' },
      sectors: ['25'],
      processes: ['WELDING', 'SHEET_METAL'],
      quantity: 500,
      quantityUnit: 'pièces',
      amount: 1_200_000,
      currency: 'DZD',
      countries: ['DZ', 'TN'],
      deadline: '2031-06-30',
      expiresAt: '2031-12-31',
    };

    it('creates, updates, renews and archives an opportunity', async () => {
      const org = await newOrg(largeFirm);
      const created = await newOpp({ organizationId: org.id, ...request });
      expect(created).toMatchObject({
        ...request,
        description: { ...request.description, ar: null, en: null },
        organizationId: org.id,
        organization: { id: org.id },
        status: 'OPEN',
        archived: false,
        version: 1,
      });
      expect(ok(await gql<{ opportunity: Opp }>(GET_OPP, { id: created.id })).opportunity).toEqual(created);

      const updated = ok(
        await gql<{ updateOpportunity: Opp }>(UPDATE_OPP, {
          input: { id: created.id, expectedVersion: created.version, status: 'IN_PROGRESS' },
        }),
      ).updateOpportunity;
      expect(updated.status).toBe('IN_PROGRESS');
      expect(updated.version).toBeGreaterThan(created.version);
      const moving = ['status', 'version', 'updatedAt'];
      expect(without(updated, moving)).toEqual(without(created, moving));

      const stale = await gql(UPDATE_OPP, {
        input: { id: created.id, expectedVersion: created.version, status: 'CANCELLED' },
      });
      expectError(stale, 'CONFLICT');
      expect(stale.errors![0].extensions?.currentVersion).toBe(updated.version);

      const renewed = ok(
        await gql<{ renewOpportunity: Opp }>(
          `mutation($id: ID!, $at: String!) { renewOpportunity(id: $id, expiresAt: $at) { ...Opp } } ${OPP}`,
          { id: created.id, at: '2032-03-31' },
        ),
      ).renewOpportunity;
      expect(renewed.expiresAt).toBe('2032-03-31');
      expect(renewed.version).toBeGreaterThan(updated.version);
      expect(renewed.status).toBe('IN_PROGRESS');

      const archived = ok(
        await gql<{ archiveOpportunity: Opp }>(
          `mutation($id: ID!) { archiveOpportunity(id: $id) { ...Opp } } ${OPP}`,
          { id: created.id },
        ),
      ).archiveOpportunity;
      expect(archived.archived).toBe(true);
      expectError(await gql(UPDATE_OPP, { input: { id: created.id, status: 'OPEN' } }), 'CONFLICT');

      const listed = ok(
        await gql<{ opportunities: { edges: { node: { id: string } }[] } }>(LIST_OPPS, {
          filter: { organizationId: org.id },
        }),
      );
      expect(listed.opportunities.edges).toEqual([]);
      const withArchived = ok(
        await gql<{ opportunities: { edges: { node: { id: string; archived: boolean } }[] } }>(LIST_OPPS, {
          filter: { organizationId: org.id, includeArchived: true },
        }),
      );
      expect(withArchived.opportunities.edges.map((e) => e.node)).toEqual([
        expect.objectContaining({ id: created.id, archived: true }),
      ]);
      expect(
        ok(
          await gql<{ organization: { opportunities: unknown[] } }>(
            `query($id: ID!) { organization(id: $id) { opportunities { id } } }`,
            { id: org.id },
          ),
        ).organization.opportunities,
      ).toEqual([]);
    });

    it('rejects a bad renewal date, naming the argument', async () => {
      const org = await newOrg(largeFirm);
      const opp = await newOpp({ organizationId: org.id, ...request });
      const r = await gql(`mutation($id: ID!) { renewOpportunity(id: $id, expiresAt: "next year") { id } }`, {
        id: opp.id,
      });
      expectError(r, 'BAD_USER_INPUT', 'expiresAt');
      const badId = await gql(`mutation { renewOpportunity(id: "42", expiresAt: "2032-01-01") { id } }`);
      expectError(badId, 'BAD_USER_INPUT', 'id');
      const stored = ok(await gql<{ opportunity: Opp }>(GET_OPP, { id: opp.id })).opportunity;
      expect(stored).toEqual(opp);
    });

    it('refuses an amount without currency, on create and on update', async () => {
      const org = await newOrg(largeFirm);
      const before = await rowCounts();
      const r = await gql(CREATE_OPP, {
        input: { organizationId: org.id, type: 'FINANCING_NEED', title: { fr: 'Besoin' }, amount: 5_000_000 },
      });
      expectError(r, 'BAD_USER_INPUT', 'input.currency');
      expect(await rowCounts()).toEqual(before);

      const opp = await newOpp({ organizationId: org.id, type: 'FINANCING_NEED', title: { fr: 'Besoin' } });
      const mid = await rowCounts();
      const u = await gql(UPDATE_OPP, { input: { id: opp.id, amount: 5_000_000 } });
      expectError(u, 'BAD_USER_INPUT', 'input.currency');
      expect(ok(await gql<{ opportunity: Opp }>(GET_OPP, { id: opp.id })).opportunity).toEqual(opp);
      expect(await rowCounts()).toEqual(mid);
    });

    it.each([
      ['an unknown sector', { sectors: ['34'] }, 'input.sectors.0'],
      ['an unknown country', { countries: ['DZ', 'XX'] }, 'input.countries.1'],
      ['a malformed deadline', { deadline: '31/12/2031' }, 'input.deadline'],
      ['a title in no language', { title: { fr: ' ' } }, 'input.title'],
      ['a negative quantity', { quantity: -1 }, 'input.quantity'],
    ])('rejects an opportunity with %s', async (_l, patch, path) => {
      const org = await newOrg(largeFirm);
      const before = await rowCounts();
      const r = await gql(CREATE_OPP, { input: { organizationId: org.id, ...request, ...patch } });
      expectError(r, 'BAD_USER_INPUT', path);
      expect(await rowCounts()).toEqual(before);
    });

    it('lists the opportunities of one organisation in creation order', async () => {
      const [a, b] = await Promise.all([newOrg(largeFirm), newOrg(sme)]);
      const ofA: string[] = [];
      for (const type of ['SUBCONTRACTING_REQUEST', 'TECHNOLOGY_REQUEST', 'PARTNERSHIP_REQUEST'])
        ofA.push((await newOpp({ organizationId: a.id, type, title: { fr: type } })).id);
      await newOpp({ organizationId: b.id, type: 'CAPABILITY_OFFER', title: { fr: 'Usinage' } });

      const listed = ok(
        await gql<{ opportunities: { edges: { node: { id: string; organizationId: string } }[] } }>(
          LIST_OPPS,
          {
            filter: { organizationId: a.id },
          },
        ),
      );
      expect(listed.opportunities.edges.map((e) => e.node.id)).toEqual(ofA);
      const nested = await gql<{ organization: { opportunities: { id: string }[] } }>(
        `query($id: ID!) { organization(id: $id) { opportunities { id } } }`,
        { id: a.id },
      );
      expect(ok(nested).organization.opportunities.map((o) => o.id)).toEqual(ofA);
      expectError(
        await gql(LIST_OPPS, { filter: { organizationId: 'nope' } }),
        'BAD_USER_INPUT',
        'filter.organizationId',
      );
    });
  });

  describe('listing', () => {
    it('pages through every organisation exactly once, in order', async () => {
      // Mauritania is used by no other test of this file, so the filtered listing holds only these.
      const created: string[] = [];
      for (let batch = 0; batch < 5; batch++) {
        const orgs = await Promise.all(
          Array.from({ length: 5 }, (_, i) =>
            newOrg({ kind: 'SME', name: { fr: `Entreprise ${batch * 5 + i}` }, country: 'MR' }),
          ),
        );
        created.push(...orgs.map((o) => o.id));
      }

      const mr = await pageThrough({ countries: ['MR'] }, 10);
      expect(mr.ids).toEqual(await dbOrder(`status = 'ACTIVE' AND country = 'MR'`));
      expect([...mr.ids].sort()).toEqual([...created].sort());
      expect(mr.pages.map((p) => p.size)).toEqual([10, 10, 5]);
      expect(mr.pages.map((p) => p.hasNextPage)).toEqual([true, true, false]);

      const all = await pageThrough(undefined, 7);
      expect(all.ids).toEqual(await dbOrder());
      expect(new Set(all.ids).size).toBe(all.ids.length);
      expect(all.ids).toEqual(expect.arrayContaining(created));
      expect(all.pages.at(-1)!.hasNextPage).toBe(false);
    });

    it.each([
      ['first: 0', { first: 0 }, 'first'],
      ['first: 101', { first: 101 }, 'first'],
      ['first: -1', { first: -1 }, 'first'],
      ['a garbage cursor', { after: 'garbage' }, 'after'],
      ['a cursor of another shape', { after: Buffer.from('2030-01-01|12').toString('base64url') }, 'after'],
    ])('rejects %s with BAD_USER_INPUT', async (_l, vars, path) => {
      expectError(await gql(LIST_ORGS, { first: 10, ...vars }), 'BAD_USER_INPUT', path);
    });

    it.each([
      ['a NUL byte in a country', { countries: ['D\u0000Z'] }, 'filter.countries.0'],
      ['an unknown country', { countries: ['DZ', 'XX'] }, 'filter.countries.1'],
      ['an unknown sector', { sectors: ['34'] }, 'filter.sectors.0'],
      ['an unknown wilaya', { regionCodes: ['DZ-16', 'DZ-99'] }, 'filter.regionCodes.1'],
    ])('rejects a filter with %s with BAD_USER_INPUT', async (_l, filter, path) => {
      expectError(await gql(LIST_ORGS, { filter }), 'BAD_USER_INPUT', path);
    });

    it('filters by kind, country, sector (a section matches its divisions), process and certification', async () => {
      // The Comoros and Djibouti are used by no other test of this file.
      const welder = await newOrg({
        kind: 'SME',
        name: { fr: 'Soudure des Comores' },
        country: 'KM',
        sectors: ['25'],
        capabilities: [{ process: 'WELDING' }],
        certifications: ['ISO_9001', 'ISO_14001'],
      });
      const trader = await newOrg({
        kind: 'LARGE_FIRM',
        name: { fr: 'Négoce des Comores' },
        country: 'KM',
        sectors: ['46'],
        capabilities: [{ process: 'ASSEMBLY' }],
        certifications: ['ISO_9001'],
      });
      const incubator = await newOrg({
        kind: 'SUPPORT_INSTITUTION',
        subtype: 'INCUBATOR',
        name: { fr: 'Incubateur de Djibouti' },
        country: 'DJ',
        sectors: ['C'],
      });
      const both = ['KM', 'DJ'];
      const sorted = (ids: string[]) => [...ids].sort();

      expect(sorted(await listIds({ countries: ['KM'] }))).toEqual(sorted([welder.id, trader.id]));
      expect(sorted(await listIds({ countries: both }))).toEqual(
        sorted([welder.id, trader.id, incubator.id]),
      );
      expect(sorted(await listIds({ countries: both, kinds: ['SME', 'SUPPORT_INSTITUTION'] }))).toEqual(
        sorted([welder.id, incubator.id]),
      );
      expect(await listIds({ countries: both, kinds: ['FINANCIER'] })).toEqual([]);
      expect(sorted(await listIds({ countries: both, sectors: ['C'] }))).toEqual(
        sorted([welder.id, incubator.id]),
      );
      expect(await listIds({ countries: both, sectors: ['G'] })).toEqual([trader.id]);
      expect(await listIds({ countries: both, sectors: ['46'] })).toEqual([trader.id]);
      expect(await listIds({ countries: both, processes: ['WELDING'] })).toEqual([welder.id]);
      expect(sorted(await listIds({ countries: both, processes: ['WELDING', 'ASSEMBLY'] }))).toEqual(
        sorted([welder.id, trader.id]),
      );
      expect(await listIds({ countries: both, certifications: ['ISO_14001'] })).toEqual([welder.id]);
      expect(sorted(await listIds({ countries: both, certifications: ['ISO_9001'] }))).toEqual(
        sorted([welder.id, trader.id]),
      );
      // Filters combine: every condition must hold.
      expect(await listIds({ countries: ['DJ'], processes: ['WELDING'] })).toEqual([]);
    });
  });

  describe('taxonomies', () => {
    type Entries = { code: string; label: string; parent: string | null; level: string | null }[];
    const arabic = /[\u0600-\u06FF]/;

    it('lists the 109 ISIC sections and divisions with Arabic labels', async () => {
      const { sectors } = ok(
        await gql<{ sectors: Entries }>(`{ sectors(lang: ar) { code label parent level } }`),
      );
      expect(sectors).toHaveLength(109);
      expect(sectors.filter((s) => s.level === 'section')).toHaveLength(21);
      for (const s of sectors) expect(s.label).toMatch(arabic);
      const codes = new Set(sectors.map((s) => s.code));
      for (const s of sectors.filter((x) => x.level === 'division')) expect(codes.has(s.parent!)).toBe(true);
      expect(sectors.find((s) => s.code === '25')?.parent).toBe('C');
    });

    it('lists the 22 Arab League members first among the countries', async () => {
      const members = 'DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE'.split(' ');
      const { countries } = ok(
        await gql<{ countries: { code: string; label: string; arabLeague: boolean }[] }>(
          `{ countries(lang: fr) { code label arabLeague } }`,
        ),
      );
      expect(
        countries
          .slice(0, 22)
          .map((c) => c.code)
          .sort(),
      ).toEqual([...members].sort());
      expect(countries.slice(0, 22).every((c) => c.arabLeague)).toBe(true);
      expect(countries.slice(22).some((c) => c.arabLeague)).toBe(false);
      expect(countries.find((c) => c.code === 'FR')?.label).toBe('France');
      expect(new Set(countries.map((c) => c.code)).size).toBe(countries.length);
    });

    it('lists the wilayas of Algeria', async () => {
      const { regions } = ok(
        await gql<{ regions: Entries }>(`{ regions(country: "DZ", lang: fr) { code label parent } }`),
      );
      expect(regions.find((r) => r.code === 'DZ-16')?.label).toBe('Alger');
      for (let n = 1; n <= 58; n++)
        expect(regions.map((r) => r.code)).toContain(`DZ-${String(n).padStart(2, '0')}`);
      for (const r of regions)
        expect(r).toMatchObject({ code: expect.stringMatching(/^DZ-\d{2}$/), parent: 'DZ' });
      expect(ok(await gql<{ regions: Entries }>(`{ regions(country: "MA") { code } }`)).regions).toEqual([]);
    });

    it('takes the label language from Accept-Language when no lang is given', async () => {
      const q = `{ sectors { code label } regions { code label } }`;
      type R = { sectors: Entries; regions: Entries };
      const explicit = async (lang: string) =>
        ok(await gql<R>(`{ sectors(lang: ${lang}) { code label } regions(lang: ${lang}) { code label } }`));
      const [ar, en, fr] = [await explicit('ar'), await explicit('en'), await explicit('fr')];
      expect(en.sectors).not.toEqual(fr.sectors);

      const asAr = ok(await gql<R>(q, undefined, { 'accept-language': 'ar' }));
      expect(asAr).toEqual(ar);
      expect(asAr.regions.find((r) => r.code === 'DZ-16')?.label).toBe('الجزائر');
      expect(ok(await gql<R>(q, undefined, { 'accept-language': 'en-GB,en;q=0.9' }))).toEqual(en);
      expect(ok(await gql<R>(q, undefined, { 'accept-language': 'de-DE,en;q=0.5,ar;q=0.8' }))).toEqual(ar);
      // French is the default, and an explicit lang wins over the header.
      expect(ok(await gql<R>(q, undefined, { 'accept-language': 'de' }))).toEqual(fr);
      expect(
        ok(
          await gql<R>(`{ sectors(lang: fr) { code label } regions(lang: fr) { code label } }`, undefined, {
            'accept-language': 'ar',
          }),
        ),
      ).toEqual(fr);
    });
  });

  describe('error masking', () => {
    it('sends no stack trace with any kind of error', async () => {
      const org = await newOrg(sme);
      const responses: [string, GqlResponse<unknown>][] = [
        ['BAD_USER_INPUT', await createOrg({ ...sme, country: 'XX' })],
        ['NOT_FOUND', await gql(GET_ORG, { id: randomUUID() })],
        ['CONFLICT', await gql(UPDATE_ORG, { input: { id: org.id, expectedVersion: 99, city: 'Oran' } })],
        ['GRAPHQL_VALIDATION_FAILED', await gql(`{ organization(id: "x") { nope } }`)],
        ['GRAPHQL_PARSE_FAILED', await gql(`{ organization(id: `)],
      ];
      for (const [code, r] of responses) {
        expectError(r, code);
        for (const e of r.errors!) {
          expect(JSON.stringify(e)).not.toMatch(/\bat .+\.js:\d+/);
          expect(e.extensions).not.toHaveProperty('exception');
        }
      }
    });

    it('masks an unexpected failure, quoting the request id', async () => {
      const org = await newOrg(sme);
      const requestId = `mask-${randomUUID()}`;
      // A table gone missing stands for any failure the api did not foresee.
      await app.db.query('ALTER TABLE contact_person RENAME TO contact_person_away');
      let r: GqlResponse<unknown>;
      try {
        r = await gql(
          `query($id: ID!) { organization(id: $id) { id contacts { name } } }`,
          { id: org.id },
          // Signed in as an organiser, who may see contact persons, so that the failing query runs.
          { ...app.defaultHeaders, 'x-request-id': requestId },
        );
      } finally {
        await app.db.query('ALTER TABLE contact_person_away RENAME TO contact_person');
      }
      expectError(r, 'INTERNAL_SERVER_ERROR');
      expect(r.errors![0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId });
      expect(r.errors![0].message).toContain(requestId);
      expect(JSON.stringify(r)).not.toMatch(/contact_person|relation|SELECT|QueryFailedError/i);
      // Operators find the real cause in the log under the id the client quotes.
      const logged = await eventually(async () =>
        app.api.output.find(
          (l) => l.includes('unhandled error in GraphQL operation') && l.includes(requestId),
        ),
      );
      expect(logged).toMatch(/contact_person/);
      // Logged once, at error level: no second report of the same failure.
      const errorLines = app.api.output.filter((l) => l.includes(requestId) && l.includes('"level":50'));
      expect(errorLines).toHaveLength(1);
    });

    it('does not log refusals and missing records as server errors', async () => {
      const requestId = `quiet-${randomUUID()}`;
      const r = await gql(
        GET_ORG,
        { id: randomUUID() },
        { ...app.defaultHeaders, 'x-request-id': requestId },
      );
      expectError(r, 'NOT_FOUND');
      await gql(`{ organizations(first: 1) { edges { cursor } } }`);
      expect(app.api.output.filter((l) => l.includes(requestId) && l.includes('"level":50'))).toEqual([]);
    });
  });
});

describe('relation fields on a page of organisations', () => {
  let sqlApp: TestApp;

  beforeAll(async () => {
    sqlApp = await bootTestApp({ env: { LOG_SQL: 'true' }, signedIn: 'ORGANISER' });
    // Rows are written straight to Postgres: the test is about reading them, and 100 mutations would be slow.
    await sqlApp.db.query(`
      WITH orgs AS (
        INSERT INTO organization (kind, name, description, country, sectors, innovation, created_at)
        SELECT 'SME',
               jsonb_build_object('ar', NULL, 'fr', 'Entreprise ' || g, 'en', NULL),
               '{"ar": null, "fr": null, "en": null}',
               'DZ', '{25}',
               '{"rdActivity": false, "patents": 0, "utilityModels": 0, "trademarks": 0, "industrialDesigns": 0}',
               date_trunc('milliseconds', now()) + g * interval '1 millisecond'
        FROM generate_series(1, 100) AS g
        RETURNING id, created_at
      ), numbered AS (
        SELECT id, row_number() OVER (ORDER BY created_at) AS n FROM orgs
      ), contacts AS (
        INSERT INTO contact_person (organization_id, position, name)
        SELECT id, 0, 'Contact ' || n FROM numbered
      )
      INSERT INTO opportunity (organization_id, type, title, description)
      SELECT id, 'CAPABILITY_OFFER',
             jsonb_build_object('ar', NULL, 'fr', 'Offre ' || n || '.' || k, 'en', NULL),
             '{"ar": null, "fr": null, "en": null}'
      FROM numbered, generate_series(1, 2) AS k
      WHERE k <= 1 + n % 2`);
  });
  afterAll(() => sqlApp?.close());

  type Page = {
    organizations: {
      edges: { node: { id: string; opportunities: { id: string }[]; contacts: { name: string }[] } }[];
    };
  };
  const query = `query($first: Int) {
    organizations(first: $first) { edges { node { id opportunities { id } contacts { name } } } }
  }`;

  /** SQL statements the api ran for one request, found by the request id it logs with each of them. */
  async function sqlCountOf(first: number): Promise<{ count: number; page: Page }> {
    const requestId = `loader-${first}-${randomUUID()}`;
    const res = await fetch(`${sqlApp.url}/graphql`, {
      method: 'POST',
      // An organiser sees contact persons, so the contacts relation is loaded for the whole page.
      headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...sqlApp.defaultHeaders },
      body: JSON.stringify({ query, variables: { first } }),
    });
    expect(res.headers.get('x-request-id')).toBe(requestId);
    const body = (await res.json()) as GqlResponse<Page>;
    // Output is read asynchronously: a later request's statements prove this one's are all in.
    const marker = `marker-${randomUUID()}`;
    await sqlApp.gql(`{ organizations(first: 1) { edges { node { id } } } }`, undefined, {
      'x-request-id': marker,
    });
    const sqlLines = () =>
      sqlApp.api.output
        .filter((l) => l.startsWith('{') && l.includes('"msg":"sql"'))
        .map((l) => JSON.parse(l) as { requestId?: string; query: string });
    await eventually(async () => sqlLines().some((l) => l.requestId === marker));
    return { count: sqlLines().filter((l) => l.requestId === requestId).length, page: ok(body) };
  }

  it('costs the same few SQL statements for 10 or 100 organisations', async () => {
    const ten = await sqlCountOf(10);
    const hundred = await sqlCountOf(100);

    expect(ten.page.organizations.edges).toHaveLength(10);
    expect(hundred.page.organizations.edges).toHaveLength(100);
    expect(hundred.count).toBeGreaterThan(0);
    expect(hundred.count).toBeLessThanOrEqual(6);
    expect(hundred.count).toBe(ten.count);

    // The batched answers still belong to the right organisation.
    const { rows } = await sqlApp.db.query<{ organization_id: string; ids: string[]; contact: string }>(`
      SELECT p.organization_id, array_agg(p.id ORDER BY p.created_at, p.id) AS ids, min(c.name) AS contact
      FROM opportunity p JOIN contact_person c USING (organization_id)
      GROUP BY p.organization_id`);
    const expected = new Map(rows.map((r) => [r.organization_id, r]));
    for (const { node } of hundred.page.organizations.edges) {
      const want = expected.get(node.id)!;
      expect(node.opportunities.map((o) => o.id)).toEqual(want.ids);
      expect(node.contacts).toEqual([{ name: want.contact }]);
    }
    const sizes = new Set(hundred.page.organizations.edges.map((e) => e.node.opportunities.length));
    expect([...sizes].sort()).toEqual([1, 2]);
  });
});
