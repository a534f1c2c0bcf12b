import { gzipSync } from 'node:zlib';
import { bootTestApp, eventually, type TestApp } from '#testing';

/*
 * Hostile input against the real api and worker, with the default limits. Each refused row gets a
 * specific error code (and, when refused before GraphQL runs, a specific HTTP status) and writes
 * nothing; text that is unusual but legitimate is stored verbatim and harmlessly. The suite ends
 * by checking that the service is still ready and the data what the accepted rows made it.
 */

type Json = Record<string, unknown>;
type Counts = { organization: number; contact_person: number; opportunity: number; outbox: number };

interface Reply {
  status: number;
  headers: Headers;
  body: {
    data?: Json | null;
    errors?: { message: string; extensions?: Json }[];
  };
}

let app: TestApp;
let seedOrg: { id: string; version: number };
let seedOpp: { id: string };
let baseline: Counts;
let seedSnapshot: unknown;
/** What the rows that must be accepted added, so the final check knows the exact expected counts. */
const accepted: Counts = { organization: 0, contact_person: 0, opportunity: 0, outbox: 0 };

const JSON_TYPE = { 'content-type': 'application/json' };
const UUID = '00000000-0000-4000-8000-000000000000';

/** Posts raw bytes with the headers given and the organiser's token (fetch adds a text/plain type to string bodies). */
async function send(
  body: string | Buffer | undefined,
  headers: Record<string, string> = JSON_TYPE,
  method: 'POST' | 'GET' = 'POST',
  query = '',
): Promise<Reply> {
  const res = await fetch(`${app.url}/graphql${query}`, {
    method,
    // Signed in as an organiser, so that each hostile input reaches validation, not the access check.
    headers: { ...app.defaultHeaders, ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? Buffer.from(body) : body,
  });
  const text = await res.text();
  let parsed: Reply['body'];
  try {
    parsed = JSON.parse(text) as Reply['body'];
  } catch {
    throw new Error(`HTTP ${res.status} with a body that is not JSON: ${text.slice(0, 300)}`);
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

const gql = (query: string, variables?: Json) => send(JSON.stringify({ query, variables }));

async function counts(): Promise<Counts> {
  const { rows } = await app.db.query<Counts>(`
    SELECT (SELECT count(*) FROM organization)::int AS organization,
           (SELECT count(*) FROM contact_person)::int AS contact_person,
           (SELECT count(*) FROM opportunity)::int AS opportunity,
           (SELECT count(*) FROM outbox WHERE topic = 'search')::int AS outbox`);
  return rows[0];
}

function ok<T = Json>(r: Reply): T {
  if (r.body.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(r.body.errors)}`);
  return r.body.data as T;
}

const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id version } }`;
const UPDATE_ORG = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }`;
const CREATE_OPP = `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }`;
const UPDATE_OPP = `mutation($input: UpdateOpportunityInput!) { updateOpportunity(input: $input) { id } }`;
const GET_ORG = `query($id: ID!) { organization(id: $id) { id } }`;
const GET_OPP = `query($id: ID!) { opportunity(id: $id) { id } }`;
const LIST_ORGS = `query($filter: OrganizationFilter, $after: String) {
  organizations(filter: $filter, after: $after) { edges { node { id } } } }`;
const LIST_OPPS = `query($filter: OpportunityFilter, $after: String) {
  opportunities(filter: $filter, after: $after) { edges { node { id } } } }`;
const SEARCH_ORGS = `query($q: String, $f: OrganizationSearchFilter, $facets: [String!]) {
  searchOrganizations(query: $q, filter: $f, facets: $facets) { estimatedTotal hits { id } } }`;
const SEARCH_OPPS = `query($q: String, $f: OpportunitySearchFilter) {
  searchOpportunities(query: $q, filter: $f) { estimatedTotal hits { id } } }`;

const sme = (patch: Json = {}): Json => ({
  kind: 'SME',
  name: { fr: 'Atelier de test' },
  country: 'DZ',
  regionCode: 'DZ-09',
  sectors: ['25'],
  contacts: [{ name: 'Karim', email: 'karim@atelier.dz' }],
  ...patch,
});
const createOrg = (patch: Json) => gql(CREATE_ORG, { input: sme(patch) });
const createOpp = (patch: Json) =>
  gql(CREATE_OPP, {
    input: { organizationId: seedOrg.id, type: 'CAPABILITY_OFFER', title: { fr: 'Offre' }, ...patch },
  });
const searchOrgs = (vars: Json) => gql(SEARCH_ORGS, vars);

const FULL_ORG = `fragment Org on Organization {
  id kind status version name { ar fr en } description { ar fr en } country regionCode region city sectors
  capabilities { process materials machines } contacts { name role email phone }
  opportunities { id title { ar fr en } description { ar fr en } sectors countries organization { id } }
}`;

/** organization → opportunities → organization … down to `levels` fields deep. */
function nested(levels: number): string {
  let selection = 'id';
  for (let depth = levels - 1; depth > 1; depth--)
    selection = depth % 2 === 0 ? `opportunities { ${selection} }` : `organization { ${selection} }`;
  return `query($id: ID!) { organization(id: $id) { ${selection} } }`;
}

interface Row {
  /** HTTP status, for what is refused before GraphQL runs. */
  status?: number;
  code: string;
  /** extensions.fields path of a BAD_USER_INPUT from the directory or search. */
  field?: string;
  /** extensions.limit of an operation that exceeds a limit. */
  limit?: string;
  message?: RegExp;
  run: () => Promise<Reply>;
}

const mutationBody = JSON.stringify({ query: CREATE_ORG, variables: { input: sme() } });

const transportRows: [string, Row][] = [
  [
    'a 300 kB body',
    {
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: /256 kB/,
      run: () =>
        send(
          JSON.stringify({
            query: CREATE_ORG,
            variables: { input: sme({ description: { fr: 'x'.repeat(300_000) } }) },
          }),
        ),
    },
  ],
  [
    'a gzip body that inflates past the limit',
    {
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      run: () =>
        send(
          gzipSync(
            JSON.stringify({ query: CREATE_ORG, variables: { input: sme({ city: ' '.repeat(2_000_000) }) } }),
          ),
          { ...JSON_TYPE, 'content-encoding': 'gzip' },
        ),
    },
  ],
  [
    'a corrupt gzip body',
    {
      status: 400,
      code: 'BAD_REQUEST',
      run: () => send(mutationBody, { ...JSON_TYPE, 'content-encoding': 'gzip' }),
    },
  ],
  [
    'truncated JSON',
    {
      status: 400,
      code: 'BAD_REQUEST',
      message: /not valid JSON/,
      run: () => send(mutationBody.slice(0, -10)),
    },
  ],
  [
    'JSON with trailing garbage',
    { status: 400, code: 'BAD_REQUEST', message: /not valid JSON/, run: () => send(`${mutationBody}}}`) },
  ],
  [
    'a JSON string instead of an object',
    { status: 400, code: 'BAD_REQUEST', run: () => send(JSON.stringify(mutationBody)) },
  ],
  [
    'a batch of 50 operations',
    {
      status: 400,
      code: 'BAD_REQUEST',
      message: /batching/i,
      run: () => send(JSON.stringify(Array.from({ length: 50 }, () => JSON.parse(mutationBody) as Json))),
    },
  ],
  ...(
    [['text/plain'], ['application/x-www-form-urlencoded'], ['multipart/form-data; boundary=x']] as const
  ).map(([type]): [string, Row] => [
    `content type ${type} (a CORS simple request)`,
    {
      status: 400,
      code: 'BAD_REQUEST',
      message: /Cross-Site Request Forgery/,
      run: () => send(mutationBody, { 'content-type': type }),
    },
  ]),
  [
    'no content type at all',
    {
      status: 400,
      code: 'BAD_REQUEST',
      message: /Cross-Site Request Forgery/,
      run: () => send(mutationBody, {}),
    },
  ],
  [
    'content type application/xml',
    {
      status: 400,
      code: 'BAD_REQUEST',
      message: /Content-Type/,
      run: () => send(mutationBody, { 'content-type': 'application/xml' }),
    },
  ],
  [
    'a Latin-1 charset',
    {
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      run: () => send(mutationBody, { 'content-type': 'application/json; charset=latin1' }),
    },
  ],
  [
    'a mutation sent with GET',
    {
      status: 405,
      code: 'BAD_REQUEST',
      run: () =>
        send(
          undefined,
          { 'apollo-require-preflight': 'true' },
          'GET',
          `?query=${encodeURIComponent(CREATE_ORG)}&variables=${encodeURIComponent(JSON.stringify({ input: sme() }))}`,
        ),
    },
  ],
  [
    'a query that is not a string',
    { status: 400, code: 'BAD_REQUEST', run: () => send(JSON.stringify({ query: 42 })) },
  ],
  [
    'variables sent as a string',
    {
      status: 400,
      code: 'BAD_REQUEST',
      run: () => send(JSON.stringify({ query: CREATE_ORG, variables: JSON.stringify({ input: sme() }) })),
    },
  ],
];

const shapeRows: [string, Row][] = [
  [
    'a query 12 levels deep (limit 10)',
    {
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'depth',
      message: /depth limit of 10/,
      run: () => gql(nested(12), { id: seedOrg.id }),
    },
  ],
  [
    'a query 3,000 fields wide',
    {
      status: 400,
      code: 'GRAPHQL_PARSE_FAILED',
      message: /2000 tokens/,
      run: () => gql(`{ organizations { edges { node { ${Array(3000).fill('id').join(' ')} } } } }`),
    },
  ],
  [
    '500 aliases of organizations',
    {
      status: 400,
      code: 'GRAPHQL_PARSE_FAILED',
      message: /2000 tokens/,
      run: () =>
        gql(
          `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: organizations { edges { node { id } } }`).join(' ')} }`,
        ),
    },
  ],
  [
    '16 aliases of createOrganization (limit 15)',
    {
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'aliases',
      message: /Aliases limit of 15/,
      run: () =>
        gql(
          `mutation($input: CreateOrganizationInput!) { ${Array.from({ length: 16 }, (_, i) => `a${i}: createOrganization(input: $input) { id }`).join(' ')} }`,
          { input: sme() },
        ),
    },
  ],
  [
    'eight pages of 100 full profiles, page size passed as a variable',
    {
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'cost',
      message: /cost limit of 20000/,
      run: () =>
        gql(
          `query($n: Int!) { ${['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((a) => `${a}: organizations(first: $n) { edges { node { ...Org } } }`).join(' ')} } ${FULL_ORG}`,
          { n: 100 },
        ),
    },
  ],
  [
    '21 directives',
    {
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'directives',
      run: () =>
        gql(
          `{ organizations { edges { node { ${Array(21).fill('... on Organization @include(if: true) { id }').join(' ')} } } } }`,
        ),
    },
  ],
  [
    'a fragment that spreads itself',
    {
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: /within itself/,
      run: () =>
        gql(
          `{ organizations { edges { node { ...A } } } } fragment A on Organization { opportunities { organization { ...A } } }`,
        ),
    },
  ],
  [
    'two mutations and no operation name',
    {
      status: 400,
      code: 'OPERATION_RESOLUTION_FAILURE',
      run: () =>
        gql(
          `mutation A($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }
           mutation B($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
          { input: sme() },
        ),
    },
  ],
  [
    'variables nested 50,000 levels deep',
    {
      status: 400,
      code: 'BAD_USER_INPUT',
      run: () =>
        send(
          `{"query":${JSON.stringify(SEARCH_ORGS)},"variables":{"f":{"countries":${'['.repeat(50_000)}${']'.repeat(50_000)}}}}`,
        ),
    },
  ],
  [
    'an input field the schema does not have (mass assignment)',
    {
      status: 400,
      code: 'BAD_USER_INPUT',
      message: /"status" is not defined/,
      run: () => createOrg({ status: 'ACTIVE' }),
    },
  ],
  [
    'a __proto__ key in an input',
    {
      status: 400,
      code: 'BAD_USER_INPUT',
      message: /__proto__/,
      run: () =>
        send(
          `{"query":${JSON.stringify(CREATE_ORG)},"variables":{"input":{"__proto__":{"kind":"SME"},"kind":"SME","name":{"fr":"x"},"country":"DZ"}}}`,
        ),
    },
  ],
];

const SQL = `x'); DROP TABLE organization; --`;
const inputRows: [string, Row][] = [
  // Oversized strings and lists.
  [
    'a 100,000-character name',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.name.fr',
      run: () => createOrg({ name: { fr: 'é'.repeat(100_000) } }),
    },
  ],
  [
    'a 5,001-character description',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.description.ar',
      run: () => createOrg({ description: { ar: 'ب'.repeat(5001) } }),
    },
  ],
  [
    'a 121-character contact name',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.contacts.0.name',
      run: () => createOrg({ contacts: [{ name: 'n'.repeat(121) }] }),
    },
  ],
  [
    'a 201-character search query',
    { code: 'BAD_USER_INPUT', field: 'query', run: () => searchOrgs({ q: 'q'.repeat(201) }) },
  ],
  [
    'a 200,000-character search query',
    { code: 'BAD_USER_INPUT', field: 'query', run: () => searchOrgs({ q: 'q'.repeat(200_000) }) },
  ],
  [
    'a 100,000-character id',
    { code: 'BAD_USER_INPUT', field: 'id', run: () => gql(GET_ORG, { id: 'a'.repeat(100_000) }) },
  ],
  [
    'a 200,000-character cursor',
    { code: 'BAD_USER_INPUT', field: 'after', run: () => gql(LIST_ORGS, { after: 'A'.repeat(200_000) }) },
  ],
  [
    '11 sectors',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.sectors',
      run: () => createOrg({ sectors: ['10', '11', '13', '14', '20', '22', '24', '25', '28', '29', '30'] }),
    },
  ],
  [
    '20,000 sectors',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.sectors',
      run: () => createOrg({ sectors: Array<string>(20_000).fill('25') }),
    },
  ],
  [
    '21 contacts',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.contacts',
      run: () => createOrg({ contacts: Array.from({ length: 21 }, (_, i) => ({ name: `C${i}` })) }),
    },
  ],
  [
    '31 capabilities',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.capabilities',
      run: () => createOrg({ capabilities: Array(31).fill({ process: 'WELDING' }) }),
    },
  ],
  [
    '31 materials',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.capabilities.0.materials',
      run: () =>
        createOrg({
          capabilities: [{ process: 'WELDING', materials: Array.from({ length: 31 }, (_, i) => `m${i}`) }],
        }),
    },
  ],
  [
    '51 countries in a search filter',
    {
      code: 'BAD_USER_INPUT',
      field: 'filter.countries',
      run: () => searchOrgs({ f: { countries: Array<string>(51).fill('DZ') } }),
    },
  ],
  [
    '20,000 countries in a search filter',
    {
      code: 'BAD_USER_INPUT',
      field: 'filter.countries',
      run: () => searchOrgs({ f: { countries: Array<string>(20_000).fill('DZ') } }),
    },
  ],
  [
    'a forged cursor dated 200,000 BC',
    {
      code: 'BAD_USER_INPUT',
      field: 'after',
      run: () =>
        gql(LIST_ORGS, { after: Buffer.from(`-200000-01-01T00:00:00.000Z|${UUID}`).toString('base64url') }),
    },
  ],
  [
    'a forged cursor with a malformed id',
    {
      code: 'BAD_USER_INPUT',
      field: 'after',
      run: () =>
        gql(LIST_OPPS, {
          after: Buffer.from(`2030-01-01T00:00:00.000Z|${'-'.repeat(36)}`).toString('base64url'),
        }),
    },
  ],
  // Invalid codes.
  [
    'an unknown country',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.country',
      run: () => createOrg({ country: 'XX', regionCode: null }),
    },
  ],
  [
    'an unknown sector',
    { code: 'BAD_USER_INPUT', field: 'input.sectors.0', run: () => createOrg({ sectors: ['34'] }) },
  ],
  [
    'an unknown wilaya',
    { code: 'BAD_USER_INPUT', field: 'input.regionCode', run: () => createOrg({ regionCode: 'DZ-99' }) },
  ],
  [
    'an unknown employee band',
    { code: 'BAD_USER_INPUT', field: 'input.employeeBand', run: () => createOrg({ employeeBand: '10-50' }) },
  ],
  [
    'an unknown language',
    { code: 'BAD_USER_INPUT', field: 'input.languages.0', run: () => createOrg({ languages: ['xx'] }) },
  ],
  [
    'an unknown process (enum)',
    {
      status: 400,
      code: 'BAD_USER_INPUT',
      message: /Process/,
      run: () => createOrg({ capabilities: [{ process: 'LASER_FUSION' }] }),
    },
  ],
  [
    'an unknown currency (enum)',
    {
      status: 400,
      code: 'BAD_USER_INPUT',
      message: /Currency/,
      run: () => createOpp({ amount: 10, currency: 'XXX' }),
    },
  ],
  [
    'an unknown country in an opportunity',
    { code: 'BAD_USER_INPUT', field: 'input.countries.1', run: () => createOpp({ countries: ['DZ', 'XX'] }) },
  ],
  [
    'an unknown facet',
    { code: 'BAD_USER_INPUT', field: 'facets', run: () => searchOrgs({ facets: ['contacts'] }) },
  ],
  // Strings built to break Meilisearch's filter syntax.
  [
    'a country closing the filter list',
    {
      code: 'BAD_USER_INPUT',
      field: 'filter.countries',
      run: () => searchOrgs({ f: { countries: ['DZ"] OR country IN ["TN'] } }),
    },
  ],
  [
    'a sector with an OR clause',
    {
      code: 'BAD_USER_INPUT',
      field: 'filter.sectors',
      run: () => searchOrgs({ f: { sectors: ['25 OR sectors EXISTS'] } }),
    },
  ],
  [
    'a wilaya with a quote',
    {
      code: 'BAD_USER_INPUT',
      field: 'filter.regionCodes',
      run: () => searchOrgs({ f: { regionCodes: ["DZ-16' OR 1=1"] } }),
    },
  ],
  [
    'an employee band with a clause',
    {
      code: 'BAD_USER_INPUT',
      field: 'filter.employeeBands',
      run: () => searchOrgs({ f: { employeeBands: ['10-49" OR kind = "FINANCIER'] } }),
    },
  ],
  [
    'a language with a backslash',
    {
      code: 'BAD_USER_INPUT',
      field: 'filter.languages',
      run: () => searchOrgs({ f: { languages: ['ar\\'] } }),
    },
  ],
  [
    'a facet list with a geo attribute',
    { code: 'BAD_USER_INPUT', field: 'facets', run: () => searchOrgs({ facets: ['kind, _geo'] }) },
  ],
  [
    'an opportunity country closing a parenthesis',
    {
      code: 'BAD_USER_INPUT',
      field: 'filter.countries',
      run: () => gql(SEARCH_OPPS, { f: { countries: ['DZ") OR (status = "CLOSED'] } }),
    },
  ],
  [
    'an opportunity sector with a clause',
    {
      code: 'BAD_USER_INPUT',
      field: 'filter.sectors',
      run: () => gql(SEARCH_OPPS, { f: { sectors: ['C") OR ("1'] } }),
    },
  ],
  [
    'a ticket amount written with an exponent (1e308)',
    {
      code: 'BAD_USER_INPUT',
      field: 'filter.ticketAmount',
      run: () => searchOrgs({ f: { ticketAmount: 1e308 } }),
    },
  ],
  [
    'a negative founding year',
    {
      code: 'BAD_USER_INPUT',
      field: 'filter.foundedFrom',
      run: () => searchOrgs({ f: { foundedFrom: -2147483648 } }),
    },
  ],
  // SQL metacharacters where only ids, codes, dates or addresses belong.
  [
    'SQL in organization(id)',
    { code: 'BAD_USER_INPUT', field: 'id', run: () => gql(GET_ORG, { id: "1' OR '1'='1" }) },
  ],
  [
    'SQL in opportunity(id)',
    { code: 'BAD_USER_INPUT', field: 'id', run: () => gql(GET_OPP, { id: `'; DROP TABLE opportunity; --` }) },
  ],
  [
    'SQL in updateOrganization id',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.id',
      run: () => gql(UPDATE_ORG, { input: { id: `${UUID}' OR '1'='1`, city: 'Oran' } }),
    },
  ],
  [
    'SQL in updateOpportunity id',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.id',
      run: () => gql(UPDATE_OPP, { input: { id: '1 OR 1=1', status: 'CANCELLED' } }),
    },
  ],
  [
    'SQL in archiveOrganization',
    {
      code: 'BAD_USER_INPUT',
      field: 'id',
      run: () =>
        gql(`mutation($id: ID!) { archiveOrganization(id: $id) { id } }`, {
          id: '1; DELETE FROM organization',
        }),
    },
  ],
  [
    'SQL in archiveOpportunity',
    {
      code: 'BAD_USER_INPUT',
      field: 'id',
      run: () => gql(`mutation($id: ID!) { archiveOpportunity(id: $id) { id } }`, { id: `' OR ''='` }),
    },
  ],
  [
    'SQL in renewOpportunity id',
    {
      code: 'BAD_USER_INPUT',
      field: 'id',
      run: () =>
        gql(`mutation($id: ID!) { renewOpportunity(id: $id, expiresAt: "2031-01-01") { id } }`, {
          id: `${UUID}'--`,
        }),
    },
  ],
  [
    'SQL in renewOpportunity date',
    {
      code: 'BAD_USER_INPUT',
      field: 'expiresAt',
      run: () =>
        gql(`mutation($id: ID!, $at: String!) { renewOpportunity(id: $id, expiresAt: $at) { id } }`, {
          id: seedOpp.id,
          at: "2031-01-01'; --",
        }),
    },
  ],
  [
    'SQL in createOpportunity organizationId',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.organizationId',
      run: () =>
        gql(CREATE_OPP, { input: { organizationId: SQL, type: 'CAPABILITY_OFFER', title: { fr: 'Offre' } } }),
    },
  ],
  [
    'SQL in an opportunity deadline',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.deadline',
      run: () => createOpp({ deadline: "2031-01-01' OR '1'='1" }),
    },
  ],
  [
    'SQL in the opportunities filter',
    {
      code: 'BAD_USER_INPUT',
      field: 'filter.organizationId',
      run: () => gql(LIST_OPPS, { filter: { organizationId: SQL } }),
    },
  ],
  [
    'SQL in a listing cursor',
    { code: 'BAD_USER_INPUT', field: 'after', run: () => gql(LIST_ORGS, { after: "' OR 1=1 --" }) },
  ],
  [
    'SQL in a country',
    { code: 'BAD_USER_INPUT', field: 'input.country', run: () => createOrg({ country: "DZ' --" }) },
  ],
  [
    'SQL in a listing filter country',
    {
      code: 'BAD_USER_INPUT',
      field: 'filter.countries.0',
      run: () => gql(LIST_ORGS, { filter: { countries: ["DZ' OR 1=1 --"] } }),
    },
  ],
  [
    'SQL in a contact email',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.contacts.0.email',
      run: () => createOrg({ contacts: [{ name: 'K', email: "a@b.dz' OR '1'='1" }] }),
    },
  ],
  [
    'SQL in a contact phone',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.contacts.0.phone',
      run: () => createOrg({ contacts: [{ name: 'K', phone: "+213'; --" }] }),
    },
  ],
  [
    'SQL in an updated wilaya',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.regionCode',
      run: () => gql(UPDATE_ORG, { input: { id: seedOrg.id, regionCode: "DZ-16'--" } }),
    },
  ],
  [
    'a deadline in year 0000',
    { code: 'BAD_USER_INPUT', field: 'input.deadline', run: () => createOpp({ deadline: '0000-01-01' }) },
  ],
  // Null bytes.
  [
    'a null byte in a name',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.name.fr',
      run: () => createOrg({ name: { fr: 'Atelier\u0000' } }),
    },
  ],
  [
    'a null byte in a contact role',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.contacts.0.role',
      run: () => createOrg({ contacts: [{ name: 'K', role: 'G\u0000rant' }] }),
    },
  ],
  [
    'a null byte in a website',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.website',
      run: () => createOrg({ website: 'https://atelier.dz/\u0000' }),
    },
  ],
  [
    'a null byte in an opportunity title',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.title.fr',
      run: () => createOpp({ title: { fr: 'Offre\u0000' } }),
    },
  ],
  [
    'a null byte in a quantity unit',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.quantityUnit',
      run: () => createOpp({ quantityUnit: 'kg\u0000' }),
    },
  ],
  [
    'a null byte in an id',
    { code: 'BAD_USER_INPUT', field: 'id', run: () => gql(GET_ORG, { id: `${UUID}\u0000` }) },
  ],
  [
    'a null byte in a cursor',
    {
      code: 'BAD_USER_INPUT',
      field: 'after',
      run: () =>
        gql(LIST_ORGS, {
          after: Buffer.from(`2030-01-01T00:00:00.000Z|${UUID}\u0000`).toString('base64url'),
        }),
    },
  ],
  [
    'a null byte in a search filter',
    {
      code: 'BAD_USER_INPUT',
      field: 'filter.countries',
      run: () => searchOrgs({ f: { countries: ['D\u0000Z'] } }),
    },
  ],
  // Bidirectional overrides and unpaired surrogates.
  [
    'a right-to-left override in a name',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.name.ar',
      run: () => createOrg({ name: { ar: 'شركة\u202Egnp.exe' } }),
    },
  ],
  [
    'a left-to-right isolate in a contact name',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.contacts.0.name',
      run: () => createOrg({ contacts: [{ name: 'Karim\u2066admin' }] }),
    },
  ],
  [
    'a bidirectional override in a city',
    { code: 'BAD_USER_INPUT', field: 'input.city', run: () => createOrg({ city: 'Blida\u202D' }) },
  ],
  [
    'a bidirectional override in a website',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.website',
      run: () => createOrg({ website: 'https://atelier.dz/\u202Efdp.exe' }),
    },
  ],
  [
    'a bidirectional override in an opportunity description',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.description.fr',
      run: () => createOpp({ description: { fr: 'Offre \u202Bcachée' } }),
    },
  ],
  [
    'an unpaired surrogate in a name',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.name.fr',
      run: () => createOrg({ name: { fr: 'Atelier \uD800' } }),
    },
  ],
  [
    'an unpaired surrogate in a material',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.capabilities.0.materials.0',
      run: () => createOrg({ capabilities: [{ process: 'WELDING', materials: ['acier\uDC00'] }] }),
    },
  ],
  // Numbers out of range.
  [
    'a founding year beyond 32 bits',
    {
      status: 400,
      code: 'BAD_USER_INPUT',
      message: /Int cannot represent/,
      run: () => createOrg({ foundedYear: 1e10 }),
    },
  ],
  [
    'a negative quantity',
    { code: 'BAD_USER_INPUT', field: 'input.quantity', run: () => createOpp({ quantity: -1 }) },
  ],
];

describe('hostile input', () => {
  beforeAll(async () => {
    app = await bootTestApp({ worker: true, signedIn: 'ORGANISER' });
    const org = ok<{ createOrganization: { id: string; version: number } }>(
      await gql(CREATE_ORG, { input: sme({ name: { fr: 'Usinage Tassili' } }) }),
    ).createOrganization;
    seedOrg = org;
    seedOpp = ok<{ createOpportunity: { id: string } }>(
      await createOpp({ title: { fr: 'Tournage Tassili' } }),
    ).createOpportunity;
    // Search rows must meet a live index, and no drain may be pending while counts are compared.
    await eventually(async () => {
      const r = ok<{ searchOrganizations: { hits: { id: string }[] } }>(await searchOrgs({ q: 'Tassili' }));
      const { rows } = await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox WHERE topic = 'search' AND processed_at IS NULL`,
      );
      return r.searchOrganizations.hits.some((h) => h.id === org.id) && rows[0].n === 0;
    });
    baseline = await counts();
    seedSnapshot = (await app.db.query(`SELECT to_jsonb(o) AS o FROM organization o WHERE id = $1`, [org.id]))
      .rows[0].o;
  });
  afterAll(() => app?.close());

  describe.each([
    ['refused before GraphQL runs', transportRows],
    ['operations beyond the limits', shapeRows],
    ['inputs the directory and search refuse', inputRows],
  ])('%s', (_group, rows) => {
    it.each(rows)('%s', async (_label, row) => {
      const before = await counts();
      const r = await row.run();
      if (row.status) expect(r.status).toBe(row.status);
      const error = r.body.errors?.[0];
      expect({ code: error?.extensions?.code, message: error?.message }).toEqual({
        code: row.code,
        message: expect.any(String),
      });
      if (row.message) expect(error!.message).toMatch(row.message);
      if (row.limit) expect(error!.extensions).toMatchObject({ limit: row.limit, max: expect.any(Number) });
      if (row.field) {
        const fields = (error!.extensions?.fields ?? []) as { path: string }[];
        expect(fields.map((f) => f.path)).toContain(row.field);
      }
      // Nothing of the server's insides, and no partial result.
      expect(JSON.stringify(r.body)).not.toMatch(
        /stacktrace|\bat .+\.js:\d+|QueryFailedError|SELECT |INSERT /,
      );
      expect(Object.values(r.body.data ?? {}).every((v) => v === null)).toBe(true);
      expect(await counts()).toEqual(before);
    });
  });

  describe('unusual text that is accepted verbatim', () => {
    /** Creates, then checks the write added exactly one row per table it touches. */
    async function acceptedCreate<T>(run: () => Promise<Reply>, added: Partial<Counts>): Promise<T> {
      const before = await counts();
      const data = ok<T>(await run());
      const after = await counts();
      const delta = { organization: 0, contact_person: 0, opportunity: 0, outbox: 0, ...added };
      expect(after).toEqual({
        organization: before.organization + delta.organization,
        contact_person: before.contact_person + delta.contact_person,
        opportunity: before.opportunity + delta.opportunity,
        outbox: before.outbox + delta.outbox,
      });
      for (const k of Object.keys(accepted) as (keyof Counts)[]) accepted[k] += delta[k];
      return data;
    }

    it('stores SQL metacharacters in every text field of an organisation as plain text', async () => {
      const t = (n: number) =>
        [
          `Robert'); DROP TABLE organization;--`,
          `' OR '1'='1`,
          `"; SELECT pg_sleep(10); --`,
          `\\'; $1 :name ? %_ */ /*`,
        ][n % 4] + ` #${n}`;
      const input = {
        kind: 'LARGE_FIRM',
        name: { ar: `شركة ${t(0)}`, fr: t(1), en: t(2) },
        description: { ar: t(3), fr: t(4), en: t(5) },
        country: 'TN',
        region: t(6),
        city: t(7),
        sectors: ['29'],
        capabilities: [{ process: 'ASSEMBLY', materials: [t(8)], machines: [t(9)], capacityUnit: 'u;--' }],
        purchasingCategories: [t(10)],
        services: [t(11)],
        programmes: [{ name: { fr: t(12) }, description: { en: t(13) } }],
        contacts: [
          { name: t(14), role: t(15) },
          { name: t(16), role: null },
        ],
      };
      const { createOrganization } = await acceptedCreate<{ createOrganization: { id: string } }>(
        () => gql(CREATE_ORG, { input }),
        { organization: 1, contact_person: 2, outbox: 1 },
      );
      const { rows } = await app.db.query(
        `SELECT name, description, region, city, capabilities, purchasing_categories, services, programmes
         FROM organization WHERE id = $1`,
        [createOrganization.id],
      );
      expect(rows[0]).toMatchObject({
        name: input.name,
        description: input.description,
        region: input.region,
        city: input.city,
        capabilities: [expect.objectContaining(input.capabilities[0])],
        purchasing_categories: input.purchasingCategories,
        services: input.services,
        programmes: [expect.objectContaining({ name: expect.objectContaining(input.programmes[0].name) })],
      });
      const contacts = await app.db.query(
        `SELECT name, role FROM contact_person WHERE organization_id = $1 ORDER BY position`,
        [createOrganization.id],
      );
      expect(contacts.rows).toEqual(input.contacts);
    });

    it('stores SQL metacharacters in an opportunity as plain text', async () => {
      const input = {
        title: { fr: `Offre'); DELETE FROM opportunity; --`, ar: `عرض ' OR 1=1` },
        description: { en: `"; UPDATE organization SET status = 'ARCHIVED'; --` },
        quantityUnit: `kg'--`,
      };
      const { createOpportunity } = await acceptedCreate<{ createOpportunity: { id: string } }>(
        () => createOpp(input),
        { opportunity: 1, outbox: 1 },
      );
      const { rows } = await app.db.query(
        `SELECT title, description, quantity_unit FROM opportunity WHERE id = $1`,
        [createOpportunity.id],
      );
      expect(rows[0]).toEqual({
        title: { ...input.title, en: null },
        description: { ar: null, fr: null, ...input.description },
        quantity_unit: input.quantityUnit,
      });
      const { rows: active } = await app.db.query(
        `SELECT count(*)::int AS n FROM organization WHERE status = 'ARCHIVED'`,
      );
      expect(active[0].n).toBe(0);
    });

    it('keeps zero-width joiners and spaces verbatim, and search still finds the words they sit in', async () => {
      // ZWNJ and ZWJ shape Arabic-script words; the search normaliser ignores every format character.
      const name = {
        ar: 'مصنع\u200Cالزرداب',
        fr: 'Fonderie Zer\u200Bdaba\u2060',
        en: 'Zerdaba\uFEFF Foundry',
      };
      const { createOrganization } = await acceptedCreate<{ createOrganization: { id: string } }>(
        () => createOrg({ name, contacts: [] }),
        { organization: 1, outbox: 1 },
      );
      const { rows } = await app.db.query(`SELECT name FROM organization WHERE id = $1`, [
        createOrganization.id,
      ]);
      expect(rows[0].name).toEqual(name);
      await eventually(async () => {
        const r = ok<{ searchOrganizations: { hits: { id: string }[] } }>(await searchOrgs({ q: 'Zerdaba' }));
        return r.searchOrganizations.hits.some((h) => h.id === createOrganization.id);
      });
    });

    it.each([
      ['Meilisearch filter syntax', 'country = "DZ" OR kind IN [SME] AND _geoRadius(0, 0, 1)'],
      ['SQL', `Tassili'; DROP TABLE organization; --`],
      ['a null byte', 'Tassili\u0000'],
      ['a right-to-left override', 'Tassili\u202E'],
      ['an unpaired surrogate', 'Tassili\uD800'],
    ])('searches for text with %s as for its words alone', async (_l, q) => {
      const before = await counts();
      const words = q.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      type R = { searchOrganizations: { estimatedTotal: number; hits: { id: string }[] } };
      const hostile = ok<R>(await searchOrgs({ q }));
      const plain = ok<R>(await searchOrgs({ q: words }));
      expect(hostile.searchOrganizations).toEqual(plain.searchOrganizations);
      expect(await counts()).toEqual(before);
    });
  });

  describe('afterwards', () => {
    it('the service is still ready, with the data exactly as the accepted writes left it', async () => {
      const res = await fetch(`${app.url}/health/ready`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok' });
      expect(app.api.child.exitCode).toBeNull();
      expect(app.worker!.child.exitCode).toBeNull();
      expect(await counts()).toEqual({
        organization: baseline.organization + accepted.organization,
        contact_person: baseline.contact_person + accepted.contact_person,
        opportunity: baseline.opportunity + accepted.opportunity,
        outbox: baseline.outbox + accepted.outbox,
      });
      const { rows } = await app.db.query(`SELECT to_jsonb(o) AS o FROM organization o WHERE id = $1`, [
        seedOrg.id,
      ]);
      expect(rows[0].o).toEqual(seedSnapshot);
      const { rows: tables } = await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_tables WHERE tablename IN ('organization', 'opportunity', 'contact_person', 'outbox')`,
      );
      expect(tables[0].n).toBe(4);
    });
  });
});
