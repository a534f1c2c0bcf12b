import { bootTestApp, eventually, type TestApp } from '#testing';

describe('api smoke', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootTestApp({ worker: true, signedIn: 'ORGANISER' });
  });
  afterAll(() => app?.close());

  it('creates an organisation and finds it in search', async () => {
    const created = await app.gql<{ createOrganization: { id: string } }>(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id version name { ar fr } } }`,
      {
        input: {
          kind: 'SME',
          name: { ar: 'الشركة الجزائرية للميكانيك', fr: 'Société Algérienne de Mécanique' },
          country: 'DZ',
          regionCode: 'DZ-19',
          sectors: ['25'],
          capabilities: [{ process: 'MACHINING', materials: ['acier'] }],
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createOrganization.id;
    const hit = await eventually(async () => {
      const r = await app.gql<{ searchOrganizations: { hits: { id: string }[] } }>(
        `{ searchOrganizations(query: "ميكانيك") { hits { id } } }`,
      );
      return r.data?.searchOrganizations.hits.find((h) => h.id === id);
    });
    expect(hit.id).toBe(id);
  });

  it('keeps an expired opportunity out of search until it is renewed', async () => {
    const org = await app.gql<{ createOrganization: { id: string } }>(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      { input: { kind: 'LARGE_FIRM', name: { fr: 'Groupe Expiration' }, country: 'DZ' } },
    );
    const created = await app.gql<{ createOpportunity: { id: string } }>(
      `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }`,
      {
        input: {
          organizationId: org.data!.createOrganization.id,
          type: 'SUBCONTRACTING_REQUEST',
          title: { fr: 'Usinage de brides périmées' },
          expiresAt: '2020-01-31',
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createOpportunity.id;
    const find = async (includeExpired: boolean) => {
      const r = await app.gql<{ searchOpportunities: { hits: { id: string; expiresAt: string | null }[] } }>(
        `query($f: OpportunitySearchFilter) { searchOpportunities(query: "brides", filter: $f) { hits { id expiresAt } } }`,
        { f: { includeExpired } },
      );
      return r.data?.searchOpportunities.hits.find((h) => h.id === id);
    };
    // Indexed (visible when expired ones are asked for) but not in a normal search.
    const indexed = await eventually(() => find(true));
    expect(indexed.expiresAt).toBe('2020-01-31');
    expect(await find(false)).toBeUndefined();

    const renewed = await app.gql(
      `mutation { renewOpportunity(id: "${id}", expiresAt: "2099-12-31") { id expiresAt } }`,
    );
    expect(renewed.errors).toBeUndefined();
    const back = await eventually(() => find(false));
    expect(back.expiresAt).toBe('2099-12-31');
  });
});
