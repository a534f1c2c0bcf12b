import { bootTestApp, eventually, type TestApp } from '#testing';

describe('api smoke', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootTestApp({ worker: true });
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
});
