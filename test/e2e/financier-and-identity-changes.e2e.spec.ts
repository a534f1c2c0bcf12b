import { randomBytes } from 'node:crypto';
import {
  addMembership,
  bootTestApp,
  createOrganizationThroughApi,
  eventually,
  signIn,
  type TestApp,
  type TestUser,
  ok,
  codeOf,
  type Json,
} from '#testing';

/*
 * A financier's private screening data reaches its members only (not organisers, admins, the audit
 * log's values, nor reason texts shown to others); changes to an approved organisation's identity
 * wait for an organiser while the approved values stay public, in the API and in the index.
 */

let app: TestApp;
let organiser: TestUser;
let admin: TestUser;
let bankOwner: TestUser;
let bankMember: TestUser;
let smeOwner: TestUser;
let outsider: TestUser;
let bank: string;
let sme: string;

/** An organisation created through the api by `owner`, approved by an organiser unless asked not to. */
const orgThroughApi = (owner: TestUser, input: Json, approve = true) =>
  createOrganizationThroughApi(app, owner.headers, input, approve ? organiser.headers : undefined);

const tag = randomBytes(3).toString('hex');
// Public terms (1M to 50M) differ from the private criteria (7.5M to 42M) the financier screens with.
const PRIVATE_MIN = 7_500_000;
const PRIVATE_MAX = 42_000_000;

beforeAll(async () => {
  app = await bootTestApp({ worker: true, env: { RATE_LIMIT_POINTS: '0' } });
  organiser = await signIn(app, { roles: ['ORGANISER'] });
  admin = await signIn(app, { roles: ['ADMIN'] });
  bankOwner = await signIn(app);
  bankMember = await signIn(app);
  smeOwner = await signIn(app);
  outsider = await signIn(app);
  bank = await orgThroughApi(bankOwner, {
    kind: 'FINANCIER',
    subtype: 'DEVELOPMENT_BANK',
    name: { fr: `Banque Sigma ${tag}` },
    country: 'DZ',
    regionCode: 'DZ-16',
    financier: {
      instruments: ['LOAN'],
      ticketMin: 1_000_000,
      ticketMax: 50_000_000,
      currency: 'DZD',
      targetSectors: ['25'],
      targetCountries: ['DZ'],
      stages: [],
    },
  });
  await addMembership(app, bankMember.userId, bank, 'MEMBER');
  sme = await orgThroughApi(smeOwner, {
    kind: 'SME',
    name: { fr: `Forge Delta ${tag}` },
    country: 'DZ',
    regionCode: 'DZ-09',
    sectors: ['25'],
    employeeBand: '10-49',
    foundedYear: 2010,
  });
  ok(
    await app.gql(
      `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }`,
      {
        input: {
          organizationId: sme,
          type: 'FINANCING_NEED',
          title: { fr: 'Extension de la ligne de forge' },
          description: { fr: 'Un prêt pour une deuxième presse.' },
          amount: 20_000_000,
          currency: 'DZD',
        },
      },
      smeOwner.headers,
    ),
  );
}, 180_000);
afterAll(() => app?.close());

const SET_CRITERIA = `mutation($o: ID!, $i: FinancierCriteriaInput!) {
  setFinancierCriteria(organizationId: $o, input: $i) { ticketMin ticketMax } }`;
const CREATE_SEARCH = `mutation($o: ID!, $i: SavedSearchInput!) { createSavedSearch(organizationId: $o, input: $i) { id } }`;
const UPDATE_SEARCH = `mutation($o: ID!, $id: ID!, $i: SavedSearchInput!) {
  updateSavedSearch(organizationId: $o, id: $id, input: $i) { id } }`;
const AUDIT = `query($t: String!) { auditLog(entityType: $t, first: 50) { entries { action entityId fields before after } } }`;
const SUGGESTIONS = `query($o: ID!) { suggestions(organizationId: $o, kind: FINANCING, lang: en) {
  edges { node { counterpartId role score reasons { criterion code text } } } } }`;

type SuggestionNode = {
  counterpartId: string;
  role: string;
  score: number;
  reasons: { criterion: string; code: string; text: string }[];
};
const financing = async (org: string, user: TestUser): Promise<SuggestionNode[]> =>
  ok(
    await app.gql<{ suggestions: { edges: { node: SuggestionNode }[] } }>(
      SUGGESTIONS,
      { o: org },
      user.headers,
    ),
  ).suggestions.edges.map((e) => e.node);

describe("a financier's screening criteria and saved searches", () => {
  it('reach the audit log as the names of the fields changed, never their values', async () => {
    const criteria = {
      sectors: ['25'],
      countries: ['DZ'],
      ticketMin: PRIVATE_MIN,
      ticketMax: PRIVATE_MAX,
      currency: 'DZD',
      minAgeYears: 3,
    };
    ok(await app.gql(SET_CRITERIA, { o: bank, i: criteria }, bankOwner.headers));
    ok(await app.gql(SET_CRITERIA, { o: bank, i: { ...criteria, minAgeYears: 4 } }, bankMember.headers));
    const search = { name: `Forges ${tag}`, query: 'forge', criteria: { sectors: ['25'] }, minScore: 0.3 };
    const created = ok(
      await app.gql<{ createSavedSearch: Json }>(CREATE_SEARCH, { o: bank, i: search }, bankOwner.headers),
    ).createSavedSearch.id as string;
    ok(
      await app.gql(
        UPDATE_SEARCH,
        { o: bank, id: created, i: { ...search, minScore: 0.5 } },
        bankOwner.headers,
      ),
    );

    const criteriaLog = ok(
      await app.gql<{ auditLog: { entries: Json[] } }>(AUDIT, { t: 'financier_criteria' }, admin.headers),
    ).auditLog.entries.filter((e) => e.entityId === bank);
    expect(criteriaLog.map((e) => e.action).sort()).toEqual([
      'financier_criteria.create',
      'financier_criteria.update',
    ]);
    expect(criteriaLog.find((e) => e.action === 'financier_criteria.update')!.fields).toEqual([
      'minAgeYears',
    ]);
    expect(criteriaLog.find((e) => e.action === 'financier_criteria.create')!.fields).toEqual(
      expect.arrayContaining(['ticketMin', 'ticketMax', 'minAgeYears']),
    );
    const searchLog = ok(
      await app.gql<{ auditLog: { entries: Json[] } }>(AUDIT, { t: 'saved_search' }, admin.headers),
    ).auditLog.entries.filter((e) => e.entityId === created);
    expect(searchLog.find((e) => e.action === 'saved_search.update')!.fields).toEqual(['minScore']);
    for (const e of [...criteriaLog, ...searchLog])
      expect({ before: e.before, after: e.after }).toEqual({ before: null, after: null });
    // Nowhere in the stored log either, nor in what a member who made the change exports.
    const { rows } = await app.db.query(
      `SELECT before, after FROM audit_log WHERE entity_type IN ('financier_criteria', 'saved_search')
         AND (before IS NOT NULL OR after IS NOT NULL)`,
    );
    expect(rows).toEqual([]);
    const exported = JSON.stringify(ok(await app.gql(`{ exportMyData }`, {}, bankMember.headers)));
    expect(exported).not.toContain(String(PRIVATE_MAX));
  });

  it('are read and changed by its members only, neither organisers nor admins', async () => {
    const READ = `query($o: ID!) { financierCriteria(organizationId: $o) { ticketMin } }`;
    const SEARCHES = `query($o: ID!) { savedSearches(organizationId: $o) { id } }`;
    for (const q of [READ, SEARCHES]) {
      expect(codeOf(await app.gql(q, { o: bank }, organiser.headers))).toBe('FORBIDDEN');
      expect(codeOf(await app.gql(q, { o: bank }, admin.headers))).toBe('FORBIDDEN');
      expect(codeOf(await app.gql(q, { o: bank }, smeOwner.headers))).toBe('FORBIDDEN');
      expect(codeOf(await app.gql(q, { o: bank }, bankMember.headers))).toBeUndefined();
    }
    expect(
      codeOf(await app.gql(SET_CRITERIA, { o: bank, i: { ticketMin: 1, currency: 'DZD' } }, admin.headers)),
    ).toBe('FORBIDDEN');
  });

  it("show reasons quoting the criteria to the financier's members, and to nobody else", async () => {
    // The worker recomputes the financier with its private criteria and finds the SME.
    const mine = await eventually(async () => {
      const nodes = await financing(bank, bankMember);
      const node = nodes.find((n) => n.counterpartId === sme);
      return node?.reasons.some((r) => r.code === 'ticket.in_range') ? node : null;
    }, 60_000);
    expect(mine.role).toBe('CANDIDATE');
    const ticket = mine.reasons.find((r) => r.code === 'ticket.in_range')!;
    // The sentence quotes the private range: 7,500,000–42,000,000.
    expect(ticket.text.replace(/\D/g, '')).toContain(`${PRIVATE_MIN}${PRIVATE_MAX}`);

    for (const reader of [organiser, admin]) {
      const nodes = await financing(bank, reader);
      const node = nodes.find((n) => n.counterpartId === sme)!;
      expect(node).toBeDefined();
      expect(node.score).toBe(mine.score);
      expect(node.reasons).toEqual([]);
    }

    // The SME sees the financier through its public terms, never the private range.
    const smeSide = await eventually(async () => {
      const nodes = await financing(sme, smeOwner);
      return nodes.find((n) => n.counterpartId === bank) ?? null;
    }, 60_000);
    const digits = smeSide.reasons.map((r) => r.text.replace(/\D/g, '')).join(' ');
    expect(digits).not.toContain(String(PRIVATE_MIN));
    expect(digits).not.toContain(String(PRIVATE_MAX));
  });
});

const UPDATE = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) {
  id version name { fr } country regionCode region city website } }`;
const READ_ORG = `query($id: ID!) { organization(id: $id) { name { fr } country regionCode city website
  pendingChange { id status changes { field before after } } } }`;
const PENDING = `{ pendingOrganizationChanges(first: 100) { edges { node { id organizationId status
  organization { id } changes { field before after } } } } }`;
const APPROVE_CHANGE = `mutation($id: ID!) { approveOrganizationChange(id: $id) { id status } }`;
const REJECT_CHANGE = `mutation($id: ID!, $note: String!) { rejectOrganizationChange(id: $id, note: $note) { id status reviewNote } }`;
const HISTORY = `query($o: ID!) { organizationChanges(organizationId: $o) { id status reviewNote changes { field } } }`;

const indexed = async (id: string): Promise<Json | null> => {
  try {
    return (await app.meili.index(app.indexes.organizations).getDocument(id)) as Json;
  } catch {
    return null;
  }
};
/** Every outbox row of the organisation processed: the index has what Postgres says. */
const drained = (id: string) =>
  eventually(async () => {
    const { rows } = await app.db.query(
      `SELECT 1 FROM outbox WHERE entity_id = $1 AND processed_at IS NULL`,
      [id],
    );
    return rows.length === 0;
  }, 30_000);

describe("changes to an approved organisation's identity", () => {
  const oldName = () => `Forge Delta ${tag}`;
  const newName = `Forge Omega ${tag}`;
  let changeId: string;

  it('wait for an organiser, the approved values staying public in the api and the index; other fields apply at once', async () => {
    await eventually(async () => (await indexed(sme))?.name_fr === oldName(), 30_000);
    const { rows: outboxBefore } = await app.db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE entity_id = $1`,
      [sme],
    );

    const updated = ok(
      await app.gql<{ updateOrganization: Json }>(
        UPDATE,
        {
          input: { id: sme, name: { fr: newName }, website: 'https://forge-omega.example', city: 'Boufarik' },
        },
        smeOwner.headers,
      ),
    ).updateOrganization;
    expect(updated).toMatchObject({ name: { fr: oldName() }, website: null, city: 'Boufarik' });

    // The request and its outbox row were written together.
    const { rows: requests } = await app.db.query(
      `SELECT id, status, fields FROM organization_change WHERE organization_id = $1`,
      [sme],
    );
    expect(requests).toEqual([{ id: expect.any(String), status: 'PENDING', fields: ['name', 'website'] }]);
    changeId = requests[0].id;
    const { rows: outboxAfter } = await app.db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE entity_id = $1`,
      [sme],
    );
    expect(outboxAfter[0].n).toBeGreaterThan(outboxBefore[0].n);

    const seenByAll = ok(await app.gql<{ organization: Json }>(READ_ORG, { id: sme }, {})).organization;
    expect(seenByAll).toMatchObject({
      name: { fr: oldName() },
      website: null,
      city: 'Boufarik',
      pendingChange: null,
    });
    expect(
      ok(await app.gql<{ organization: Json }>(READ_ORG, { id: sme }, outsider.headers)).organization
        .pendingChange,
    ).toBeNull();

    const seenByMember = ok(
      await app.gql<{ organization: Json }>(READ_ORG, { id: sme }, smeOwner.headers),
    ).organization;
    expect(seenByMember.pendingChange).toEqual({
      id: changeId,
      status: 'PENDING',
      changes: [
        { field: 'name', before: expect.any(String), after: expect.any(String) },
        { field: 'website', before: null, after: JSON.stringify('https://forge-omega.example') },
      ],
    });
    expect(JSON.parse(seenByMember.pendingChange.changes[0].before)).toEqual({
      ar: null,
      en: null,
      fr: oldName(),
    });
    expect(JSON.parse(seenByMember.pendingChange.changes[0].after)).toEqual({
      ar: null,
      en: null,
      fr: newName,
    });

    // The index keeps the approved name, takes the new city.
    await drained(sme);
    const doc = await indexed(sme);
    expect(doc).toMatchObject({ name_fr: oldName(), city: 'Boufarik' });
    const search = ok(
      await app.gql<{ searchOrganizations: { hits: { id: string }[] } }>(
        `query($q: String!) { searchOrganizations(query: $q) { hits { id } } }`,
        { q: `Omega ${tag}` },
      ),
    );
    expect(search.searchOrganizations.hits.map((h) => h.id)).not.toContain(sme);
  });

  it('are listed with their diff for organisers only', async () => {
    const queue = ok(
      await app.gql<{ pendingOrganizationChanges: { edges: { node: Json }[] } }>(
        PENDING,
        {},
        organiser.headers,
      ),
    ).pendingOrganizationChanges.edges.map((e) => e.node);
    const mine = queue.find((n) => n.id === changeId)!;
    expect(mine).toMatchObject({ organizationId: sme, status: 'PENDING', organization: { id: sme } });
    expect(mine.changes.map((c: Json) => c.field)).toEqual(['name', 'website']);
    expect(JSON.parse(mine.changes[0].before)).toMatchObject({ fr: oldName() });
    expect(JSON.parse(mine.changes[0].after)).toMatchObject({ fr: newName });
    expect(codeOf(await app.gql(PENDING, {}, smeOwner.headers))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(APPROVE_CHANGE, { id: changeId }, smeOwner.headers))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(HISTORY, { o: sme }, outsider.headers))).toBe('FORBIDDEN');
  });

  it('apply once approved, and reach the index through the outbox', async () => {
    expect(
      ok(
        await app.gql<{ approveOrganizationChange: Json }>(
          APPROVE_CHANGE,
          { id: changeId },
          organiser.headers,
        ),
      ).approveOrganizationChange.status,
    ).toBe('APPROVED');
    const now = ok(await app.gql<{ organization: Json }>(READ_ORG, { id: sme }, {})).organization;
    expect(now).toMatchObject({
      name: { fr: newName },
      website: 'https://forge-omega.example',
      city: 'Boufarik',
    });
    await eventually(async () => (await indexed(sme))?.name_fr === newName, 30_000);
    expect(codeOf(await app.gql(APPROVE_CHANGE, { id: changeId }, organiser.headers))).toBe('CONFLICT');
    const { rows } = await app.db.query(
      `SELECT action FROM audit_log WHERE entity_id IN ($1, $2) ORDER BY id`,
      [sme, changeId],
    );
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'organization_change.request',
        'organization_change.approve',
        'organization.update',
      ]),
    );
  });

  it('keep the approved values when rejected, with a note the members read', async () => {
    const moved = ok(
      await app.gql<{ updateOrganization: Json }>(
        UPDATE,
        { input: { id: sme, country: 'TN', regionCode: null, region: 'Sfax' } },
        smeOwner.headers,
      ),
    ).updateOrganization;
    expect(moved).toMatchObject({ country: 'DZ', regionCode: 'DZ-09', region: null });
    const pending = ok(await app.gql<{ organization: Json }>(READ_ORG, { id: sme }, smeOwner.headers))
      .organization.pendingChange;
    expect(pending.changes.map((c: Json) => c.field)).toEqual(['country', 'region', 'regionCode']);

    expect(codeOf(await app.gql(REJECT_CHANGE, { id: pending.id, note: '  ' }, organiser.headers))).toBe(
      'BAD_USER_INPUT',
    );
    const note = 'Joindre le justificatif du transfert du siège.';
    const rejected = ok(
      await app.gql<{ rejectOrganizationChange: Json }>(
        REJECT_CHANGE,
        { id: pending.id, note },
        organiser.headers,
      ),
    ).rejectOrganizationChange;
    expect(rejected).toMatchObject({ status: 'REJECTED', reviewNote: note });
    const after = ok(
      await app.gql<{ organization: Json }>(READ_ORG, { id: sme }, smeOwner.headers),
    ).organization;
    expect(after).toMatchObject({ country: 'DZ', regionCode: 'DZ-09', pendingChange: null });
    const history = ok(
      await app.gql<{ organizationChanges: Json[] }>(HISTORY, { o: sme }, smeOwner.headers),
    ).organizationChanges;
    expect(history[0]).toMatchObject({ id: pending.id, status: 'REJECTED', reviewNote: note });
  });

  it('are withdrawn by sending the approved values back, and refused whole when any field is bad', async () => {
    ok(
      await app.gql(UPDATE, { input: { id: sme, website: 'https://forge-zeta.example' } }, smeOwner.headers),
    );
    ok(
      await app.gql(UPDATE, { input: { id: sme, website: 'https://forge-omega.example' } }, smeOwner.headers),
    );
    const { rows: statuses } = await app.db.query(
      `SELECT status FROM organization_change WHERE organization_id = $1 ORDER BY requested_at DESC LIMIT 1`,
      [sme],
    );
    expect(statuses).toEqual([{ status: 'WITHDRAWN' }]);

    const count = async () =>
      (
        await app.db.query(
          `SELECT count(*)::int AS n, max(version) AS v FROM organization_change, organization
                           WHERE organization.id = $1 AND organization_change.organization_id = $1`,
          [sme],
        )
      ).rows[0];
    const before = await count();
    const bad = await app.gql(
      UPDATE,
      {
        input: { id: sme, name: { fr: `Forge Kappa ${tag}` }, website: 'ftp://forge.example', city: 'Blida' },
      },
      smeOwner.headers,
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(await count()).toEqual(before);
    expect(ok(await app.gql<{ organization: Json }>(READ_ORG, { id: sme }, {})).organization.city).toBe(
      'Boufarik',
    );
  });

  it('apply at once while the organisation is still awaiting its first review', async () => {
    const pendingOrg = await orgThroughApi(
      outsider,
      { kind: 'SME', name: { fr: `Atelier Eta ${tag}` }, country: 'DZ' },
      false,
    );
    const r = ok(
      await app.gql<{ updateOrganization: Json }>(
        UPDATE,
        { input: { id: pendingOrg, name: { fr: `Atelier Theta ${tag}` } } },
        outsider.headers,
      ),
    ).updateOrganization;
    expect(r.name.fr).toBe(`Atelier Theta ${tag}`);
    const { rows } = await app.db.query(`SELECT 1 FROM organization_change WHERE organization_id = $1`, [
      pendingOrg,
    ]);
    expect(rows).toEqual([]);
  });
});
