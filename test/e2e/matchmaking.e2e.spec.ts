import { bootTestApp, eventually, signIn, type TestApp, type TestUser } from '#testing';

/** Matchmaking through GraphQL with the real api and worker: suggestions, reasons, feedback, access rules. */

let app: TestApp;
let buyer: string;
let fit: string;
let other: string;
let bank: string;
let buyerUser: TestUser;
let fitUser: TestUser;
let bankUser: TestUser;
let organiser: TestUser;

const text = (fr: string) => JSON.stringify({ ar: null, fr, en: `${fr} (en)` });
const innovation = JSON.stringify({
  rdActivity: false,
  patents: 0,
  utilityModels: 0,
  trademarks: 0,
  industrialDesigns: 0,
});

async function org(
  kind: string,
  name: string,
  sectors: string[],
  capabilities: unknown[] = [],
  financier: unknown = null,
) {
  const { rows } = await app.db.query<{ id: string }>(
    `INSERT INTO organization (kind, subtype, name, description, country, region_code, sectors, employee_band,
       founded_year, languages, certifications, innovation, capabilities, processes, financier, status)
     VALUES ($1, $2, $3, $4, 'DZ', 'DZ-16', $5, '10-49', 2012, '{fr}', '{}', $6, $7, $8, $9, 'ACTIVE') RETURNING id`,
    [
      kind,
      kind === 'FINANCIER' ? 'BANK' : null,
      text(name),
      text(`${name}, description`),
      sectors,
      innovation,
      JSON.stringify(capabilities),
      (capabilities as { process: string }[]).map((c) => c.process),
      financier ? JSON.stringify(financier) : null,
    ],
  );
  return rows[0].id;
}

const SUGGESTIONS = `query($org: ID!, $kind: SuggestionKind!, $lang: Lang, $first: Int, $after: String) {
  suggestions(organizationId: $org, kind: $kind, lang: $lang, first: $first, after: $after) {
    edges { cursor node { id kind role score rank counterpartId opportunityId verdict
      counterpart { id } reasons { criterion code text contribution } } }
    pageInfo { hasNextPage endCursor } } }`;

type Suggestions = {
  suggestions: {
    edges: {
      node: {
        id: string;
        role: string;
        score: number;
        rank: number;
        counterpartId: string;
        counterpart: { id: string } | null;
        reasons: { criterion: string; code: string; text: string }[];
      };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

const suggestions = (org: string, user: TestUser | null, kind = 'SUBCONTRACTING', lang = 'en') =>
  app.gql<Suggestions>(SUGGESTIONS, { org, kind, lang }, user?.headers);

beforeAll(async () => {
  app = await bootTestApp({ worker: true });
  const machining = { process: 'CNC_MACHINING', materials: ['acier'], machines: [], monthlyCapacity: 2000 };
  buyer = await org('LARGE_FIRM', 'Constructeur Rouiba', ['29']);
  fit = await org('SME', 'Usinage Blida', ['25'], [machining]);
  other = await org('SME', 'Conserverie Tipaza', ['10'], [{ ...machining, process: 'FOOD_PROCESSING' }]);
  bank = await org('FINANCIER', 'Banque Industrielle', ['64'], [], {
    instruments: ['LOAN'],
    ticketMin: null,
    ticketMax: null,
    currency: null,
    targetSectors: ['25'],
    targetCountries: ['DZ'],
    stages: [],
  });
  const { rows } = await app.db.query<{ id: string }>(
    `INSERT INTO opportunity (organization_id, type, title, description, sectors, processes, quantity)
     VALUES ($1, 'SUBCONTRACTING_REQUEST', $2, $3, '{25}', '{CNC_MACHINING}', 500) RETURNING id`,
    [buyer, text('Pièces usinées'), text('Usinage CNC de pièces en acier')],
  );
  // What the directory's services write in their transactions: one outbox row per consumer.
  for (const [type, id] of [
    ...[buyer, fit, other, bank].map((id) => ['organization', id]),
    ['opportunity', rows[0].id],
  ])
    await app.db.query(
      `INSERT INTO outbox (entity_type, entity_id, op, topic) VALUES ($1, $2, 'upsert', 'search'), ($1, $2, 'upsert', 'match')`,
      [type, id],
    );
  buyerUser = await signIn(app, { memberships: [{ organizationId: buyer, role: 'OWNER' }] });
  fitUser = await signIn(app, { memberships: [{ organizationId: fit, role: 'OWNER' }] });
  bankUser = await signIn(app, { memberships: [{ organizationId: bank, role: 'MEMBER' }] });
  organiser = await signIn(app, { roles: ['ORGANISER'] });
}, 120_000);

afterAll(() => app?.close());

describe('matchmaking over GraphQL', () => {
  it('suggests a fitting supplier with reasons in the asked language, after the worker drains the outbox', async () => {
    const found = await eventually(async () => {
      const r = await suggestions(buyer, buyerUser);
      const edge = r.data?.suggestions.edges.find((e) => e.node.counterpartId === fit);
      return edge ? r : null;
    }, 40_000);
    const nodes = found.data!.suggestions.edges.map((e) => e.node);
    expect(nodes.map((n) => n.counterpartId)).not.toContain(other);
    const top = nodes.find((n) => n.counterpartId === fit)!;
    expect(top.role).toBe('SUPPLIER');
    expect(top.counterpart).toEqual({ id: fit });
    expect(top.score).toBeGreaterThan(0);
    expect(top.score).toBeLessThanOrEqual(1);
    const process = top.reasons.find((r) => r.criterion === 'process')!;
    expect(process.text).toMatch(/[a-z]/i);
    expect(process.text).not.toBe(process.code);
    const ar = await suggestions(buyer, buyerUser, 'SUBCONTRACTING', 'ar');
    const arProcess = ar
      .data!.suggestions.edges.find((e) => e.node.counterpartId === fit)!
      .node.reasons.find((r) => r.criterion === 'process')!;
    expect(arProcess.text).toMatch(/[\u0600-\u06FF]/);
    expect(arProcess.text).not.toBe(process.text);
  });

  it('shows suggestions only to the organisation they are for, and to organisers', async () => {
    const anonymous = await suggestions(buyer, null);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const stranger = await suggestions(buyer, fitUser);
    expect(stranger.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byOrganiser = await suggestions(buyer, organiser);
    expect(byOrganiser.errors).toBeUndefined();
    expect(byOrganiser.data!.suggestions.edges.length).toBeGreaterThan(0);
  });

  it('keeps financier criteria and saved searches private to the financier, organisers included', async () => {
    const SET = `mutation($org: ID!) { setFinancierCriteria(organizationId: $org,
      input: { sectors: ["25"], countries: ["DZ"], instruments: [LOAN] }) { organizationId sectors countries } }`;
    const set = await app.gql<{ setFinancierCriteria: { sectors: string[] } }>(
      SET,
      { org: bank },
      bankUser.headers,
    );
    expect(set.errors).toBeUndefined();
    expect(set.data!.setFinancierCriteria.sectors).toEqual(['25']);
    const READ = `query($org: ID!) { financierCriteria(organizationId: $org) { sectors } savedSearches(organizationId: $org) { id } }`;
    expect((await app.gql(READ, { org: bank }, organiser.headers)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await app.gql(READ, { org: bank }, fitUser.headers)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    const CREATE = `mutation($org: ID!) { createSavedSearch(organizationId: $org,
      input: { name: "Usinage", query: "usinage", criteria: { sectors: ["25"] }, minScore: 0.2 }) { id name } }`;
    const created = await app.gql<{ createSavedSearch: { id: string } }>(
      CREATE,
      { org: bank },
      bankUser.headers,
    );
    expect(created.errors).toBeUndefined();
    const mine = await app.gql<{ savedSearches: { id: string }[] }>(READ, { org: bank }, bankUser.headers);
    expect(mine.data!.savedSearches.map((s) => s.id)).toEqual([created.data!.createSavedSearch.id]);
    // The financier is recomputed with its new criteria and finds the SME.
    await eventually(async () => {
      const r = await suggestions(bank, bankUser, 'FINANCING');
      return r.data?.suggestions.edges.some((e) => e.node.counterpartId === fit);
    }, 40_000);
  });

  it('accepting opens a contact request; dismissing removes the pair for good', async () => {
    const ACCEPT = `mutation($org: ID!, $id: ID!) { acceptSuggestion(organizationId: $org, suggestionId: $id) {
      verdict contactRequestId } }`;
    const DISMISS = `mutation($org: ID!, $id: ID!) { dismissSuggestion(organizationId: $org, suggestionId: $id) { verdict } }`;
    const fitSide = await eventually(async () => {
      const r = await suggestions(fit, fitUser);
      return r.data?.suggestions.edges.find((e) => e.node.counterpartId === buyer)?.node;
    }, 40_000);
    // Someone else's suggestion cannot be judged, even by a member of another organisation.
    expect(
      (await app.gql(ACCEPT, { org: buyer, id: fitSide.id }, fitUser.headers)).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    const accepted = await app.gql<{ acceptSuggestion: { contactRequestId: string } }>(
      ACCEPT,
      { org: fit, id: fitSide.id },
      fitUser.headers,
    );
    expect(accepted.errors).toBeUndefined();
    const { rows } = await app.db.query(
      `SELECT from_organization_id, to_organization_id, status FROM contact_request WHERE id = $1`,
      [accepted.data!.acceptSuggestion.contactRequestId],
    );
    expect(rows).toEqual([{ from_organization_id: fit, to_organization_id: buyer, status: 'PENDING' }]);

    const buyerSide = (await suggestions(buyer, buyerUser)).data!.suggestions.edges.find(
      (e) => e.node.counterpartId === fit,
    )!.node;
    const dismissed = await app.gql(DISMISS, { org: buyer, id: buyerSide.id }, buyerUser.headers);
    expect(dismissed.errors).toBeUndefined();
    const recompute = await app.gql(
      `mutation($org: ID!) { requestSuggestionRecompute(organizationId: $org) }`,
      { org: buyer },
      buyerUser.headers,
    );
    expect(recompute.errors).toBeUndefined();
    // Once the requested recompute has run, the dismissed supplier is still absent.
    await eventually(async () => {
      const { rows: pending } = await app.db.query(
        `SELECT 1 FROM outbox WHERE topic = 'match' AND processed_at IS NULL AND entity_id = $1`,
        [buyer],
      );
      return pending.length === 0;
    }, 40_000);
    const after = await suggestions(buyer, buyerUser);
    expect(after.data!.suggestions.edges.map((e) => e.node.counterpartId)).not.toContain(fit);
  });
});
