import {
  bootTestApp,
  insertOrganization,
  openForumEdition,
  registerDelegate,
  signIn,
  signInMember,
  type OrganizationSeed,
  type TestApp,
  type TestUser,
  ok,
  codeOf,
  type Json,
} from '#testing';

/*
 * The participants directory of an edition through the real api: who may read it, what it shows
 * (never an email or a phone), whom it leaves out (pending organisations, withdrawn delegates), its
 * filters and pages, the request state per delegate; and the outbox rows a registration writes so
 * matchmaking recomputes meeting suggestions.
 */

let app: TestApp;
let organiser: TestUser;
let memberA: TestUser;
let memberB: TestUser;
let memberP: TestUser;
let outsider: TestUser;
let editionId: string;
const org: Record<'A' | 'B' | 'C' | 'P' | 'U', string> = { A: '', B: '', C: '', P: '', U: '' };
const delegates: Record<string, string> = {};

/** An organisation named in French and Arabic (the directory shows either). */
const organization = (name: string, kind: OrganizationSeed['kind'], country: string, sectors: string[]) =>
  insertOrganization(app.db, { name: { ar: `${name} ar`, fr: name }, kind, country, sectors });

const PARTICIPANTS = `query($e: ID!, $f: ForumParticipantFilter, $first: Int, $after: String) {
  forumParticipants(editionId: $e, filter: $f, first: $first, after: $after) {
    edges { cursor node {
      id editionId name languages goals ownOrganization requestStatus requestId
      group { id code }
      organization { id name { ar fr en } kind country sectors }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const participants = (headers: Record<string, string>, vars: Record<string, unknown> = {}) =>
  app.gql(PARTICIPANTS, { e: editionId, first: 100, ...vars }, headers);

/** Names of every participant the filter lets through, as the organiser sees them. */
async function names(filter: Record<string, unknown>): Promise<string[]> {
  const edges = ok(await participants(organiser.headers, { f: filter })).forumParticipants.edges as Json[];
  return edges.map((e) => e.node.name as string).sort();
}

async function register(
  organizationId: string,
  name: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  delegates[name] = await registerDelegate(app, organiser.headers, {
    editionId,
    organizationId,
    name,
    email: `${name.toLowerCase().replace(/\W/g, '')}@example.org`,
    ...extra,
  });
  return delegates[name];
}

const matchRows = async (organizationId: string) =>
  Number(
    (
      await app.db.query<{ n: string }>(
        `SELECT count(*) AS n FROM outbox WHERE topic = 'match' AND entity_type = 'organization' AND entity_id = $1`,
        [organizationId],
      )
    ).rows[0].n,
  );

beforeAll(async () => {
  app = await bootTestApp();
  organiser = await signIn(app, { roles: ['ORGANISER'] });
  editionId = await openForumEdition(app, organiser.headers, {
    name: { fr: 'Forum des PMI', en: 'SMI forum' },
    startsOn: '2026-03-14',
    endsOn: '2026-03-14',
    sessions: [{ day: '2026-03-14', kind: 'MORNING', start: '09:00', end: '11:00' }],
  });
  org.A = await organization('Alpha Métal', 'SME', 'DZ', ['25']);
  org.B = await organization('Banque Beta', 'FINANCIER', 'TN', ['64']);
  org.C = await organization('Gamma 100% Food', 'LARGE_FIRM', 'MA', ['10']);
  org.P = await organization('Pending Delta', 'SME', 'DZ', ['25']);
  org.U = await organization('Unregistered Epsilon', 'SME', 'DZ', ['25']);
  memberA = await signInMember(app, org.A, 'MEMBER');
  memberB = await signInMember(app, org.B, 'OWNER');
  memberP = await signInMember(app, org.P, 'OWNER');
  outsider = await signInMember(app, org.U, 'OWNER');
}, 120_000);
afterAll(() => app?.close());

it('writes a match outbox row for the organisation when a delegate registers, changes goals or withdraws', async () => {
  const before = await matchRows(org.A);
  await register(org.A, 'Amina Alpha', { goals: ['FIND_CLIENTS'], languages: ['ar', 'fr'] });
  expect(await matchRows(org.A)).toBe(before + 1);
  await register(org.A, 'Karim Alpha', { goals: ['FIND_SUBCONTRACTORS'], languages: ['fr'] });
  expect(await matchRows(org.A)).toBe(before + 2);

  // A new name does not change suggestions; new goals do.
  const update = (i: Record<string, unknown>) =>
    app.gql(
      `mutation($i: UpdateDelegateInput!) { updateDelegate(input: $i) { id goals } }`,
      { i },
      organiser.headers,
    );
  ok(await update({ id: delegates['Karim Alpha'], name: 'Karim Alpha' }));
  expect(await matchRows(org.A)).toBe(before + 2);
  ok(await update({ id: delegates['Karim Alpha'], goals: ['FIND_SUBCONTRACTORS', 'FIND_TECHNOLOGY'] }));
  expect(await matchRows(org.A)).toBe(before + 3);

  await register(org.B, 'Bilal Beta', { goals: ['FIND_CLIENTS'], languages: ['en'] });
  await register(org.C, 'Chaima Gamma', { goals: ['FIND_SUBCONTRACTORS'], languages: ['ar'] });
  await register(org.C, 'Walid Gamma', { goals: ['FIND_FINANCING'], languages: ['fr'] });
  await register(org.P, 'Hidden Delta', { goals: ['FIND_CLIENTS'], languages: ['fr'] });

  const cBefore = await matchRows(org.C);
  ok(
    await app.gql(
      `mutation($d: ID!) { withdrawDelegate(delegateId: $d) { status } }`,
      { d: delegates['Walid Gamma'] },
      organiser.headers,
    ),
  );
  expect(await matchRows(org.C)).toBe(cBefore + 1);
  // One call writes both consumers' rows: the search row sits beside each match row.
  const { rows } = await app.db.query<{ topic: string; n: string }>(
    `SELECT topic, count(*) AS n FROM outbox WHERE entity_id = $1 GROUP BY topic ORDER BY topic`,
    [org.A],
  );
  expect(rows.map((r) => [r.topic, Number(r.n)])).toEqual([
    ['match', before + 3],
    ['search', expect.any(Number)],
  ]);

  // The organisation goes back to review after registering: it disappears from the directory.
  await app.db.query(`UPDATE organization SET status = 'PENDING' WHERE id = $1`, [org.P]);
});

it('lets organisers and registered participants read the directory, and nobody else', async () => {
  const anonymous = await participants({});
  expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
  const unregistered = await participants(outsider.headers);
  expect(codeOf(unregistered)).toBe('FORBIDDEN');
  expect(anonymous.data?.forumParticipants ?? null).toBeNull();
  // An organisation sent back to review is no longer a participant, even with a delegate on the list.
  expect(codeOf(await participants(memberP.headers))).toBe('FORBIDDEN');
  // A participant of one edition is not one of another.
  const other = ok(
    await app.gql(
      `mutation($input: CreateForumEditionInput!) { createForumEdition(input: $input) { id } }`,
      {
        input: {
          name: { fr: 'Autre forum' },
          startsOn: '2026-04-01',
          endsOn: '2026-04-01',
          slotMinutes: 30,
        },
      },
      organiser.headers,
    ),
  ).createForumEdition.id;
  expect(codeOf(await participants(memberA.headers, { e: other }))).toBe('FORBIDDEN');
  expect(codeOf(await participants(memberA.headers, { e: 'not-a-uuid' }))).toBe('BAD_USER_INPUT');

  expect(ok(await participants(memberA.headers)).forumParticipants.edges.length).toBe(4);
  expect(ok(await participants(organiser.headers)).forumParticipants.edges.length).toBe(4);
});

it('shows public facts only: no email or phone in the type, no pending organisation, no withdrawn delegate', async () => {
  const fieldsOf = async (type: string): Promise<string[]> =>
    (
      ok(await app.gql(`query($n: String!) { __type(name: $n) { fields { name } } }`, { n: type }, {})).__type
        .fields as { name: string }[]
    ).map((f) => f.name);
  for (const type of ['ForumParticipant', 'ForumParticipantOrganization', 'ForumGroup']) {
    const fields = await fieldsOf(type);
    expect(fields.length).toBeGreaterThan(2);
    expect(fields.filter((f) => /mail|phone|contact|user/i.test(f))).toEqual([]);
  }

  const edges = ok(await participants(memberA.headers)).forumParticipants.edges as Json[];
  const nodes = edges.map((e) => e.node);
  expect(nodes.map((n) => n.name).sort()).toEqual([
    'Amina Alpha',
    'Bilal Beta',
    'Chaima Gamma',
    'Karim Alpha',
  ]);
  expect(JSON.stringify(edges)).not.toMatch(/@example\.org/);
  const bilal = nodes.find((n) => n.name === 'Bilal Beta');
  expect(bilal).toEqual({
    id: delegates['Bilal Beta'],
    editionId,
    name: 'Bilal Beta',
    languages: ['en'],
    goals: ['FIND_CLIENTS'],
    ownOrganization: false,
    requestStatus: null,
    requestId: null,
    group: null,
    organization: {
      id: org.B,
      name: { ar: 'Banque Beta ar', fr: 'Banque Beta', en: null },
      kind: 'FINANCIER',
      country: 'TN',
      sectors: ['64'],
    },
  });
  expect(
    nodes
      .filter((n) => n.ownOrganization)
      .map((n) => n.name)
      .sort(),
  ).toEqual(['Amina Alpha', 'Karim Alpha']);
});

it('filters by kind, country, sector, goal, language and text', async () => {
  expect(await names({ kinds: ['FINANCIER'] })).toEqual(['Bilal Beta']);
  expect(await names({ kinds: ['SME', 'LARGE_FIRM'] })).toEqual([
    'Amina Alpha',
    'Chaima Gamma',
    'Karim Alpha',
  ]);
  expect(await names({ countries: ['MA', 'TN'] })).toEqual(['Bilal Beta', 'Chaima Gamma']);
  expect(await names({ sectors: ['25'] })).toEqual(['Amina Alpha', 'Karim Alpha']);
  expect(await names({ goals: ['FIND_SUBCONTRACTORS'] })).toEqual(['Chaima Gamma', 'Karim Alpha']);
  expect(await names({ languages: ['ar'] })).toEqual(['Amina Alpha', 'Chaima Gamma']);
  expect(await names({ languages: ['ar'], kinds: ['SME'] })).toEqual(['Amina Alpha']);
  // Text matches the delegate's name or the organisation's in any language, ignoring case.
  expect(await names({ query: 'métal' })).toEqual(['Amina Alpha', 'Karim Alpha']);
  expect(await names({ query: 'bilal' })).toEqual(['Bilal Beta']);
  expect(await names({ query: 'beta ar' })).toEqual(['Bilal Beta']);
  // Pattern characters are taken literally.
  expect(await names({ query: '100%' })).toEqual(['Chaima Gamma']);
  expect(await names({ query: '%' })).toEqual(['Chaima Gamma']);
  expect(await names({ query: '_' })).toEqual([]);
  expect(await names({ query: 'delta' })).toEqual([]);

  const bad = await participants(organiser.headers, { f: { query: 'x'.repeat(101), countries: ['XX'] } });
  expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  expect((bad.errors?.[0]?.extensions?.fields as Json[]).map((p) => p.path).sort()).toEqual([
    'filter.countries.0',
    'filter.query',
  ]);
});

it('pages with cursors, at most 100 a page', async () => {
  const all = (ok(await participants(memberA.headers)).forumParticipants.edges as Json[]).map(
    (e) => e.node.id,
  );
  const seen: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const page: Json = ok(await participants(memberA.headers, { first: 3, after })).forumParticipants;
    seen.push(...(page.edges as Json[]).map((e) => e.node.id as string));
    pages++;
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor as string;
  }
  expect(pages).toBe(2);
  expect(seen).toEqual(all);
  expect(codeOf(await participants(memberA.headers, { first: 101 }))).toBe('BAD_USER_INPUT');
  expect(codeOf(await participants(memberA.headers, { first: 0 }))).toBe('BAD_USER_INPUT');
  expect(codeOf(await participants(memberA.headers, { after: 'bm90LWEtY3Vyc29y' }))).toBe('BAD_USER_INPUT');
});

it('tells each side about the requests already exchanged with a delegate', async () => {
  const req = ok(
    await app.gql(
      `mutation($i: MeetingRequestInput!) { requestMeeting(input: $i) { id status } }`,
      {
        i: {
          editionId,
          organizationId: org.A,
          fromDelegateId: delegates['Amina Alpha'],
          toDelegateId: delegates['Bilal Beta'],
        },
      },
      memberA.headers,
    ),
  ).requestMeeting;
  const stateOf = async (viewer: TestUser) =>
    Object.fromEntries(
      (ok(await participants(viewer.headers)).forumParticipants.edges as Json[]).map((e) => [
        e.node.name,
        [e.node.requestStatus, e.node.requestId],
      ]),
    );
  expect(await stateOf(memberA)).toEqual({
    'Amina Alpha': [null, null],
    'Karim Alpha': [null, null],
    'Bilal Beta': ['PENDING', req.id],
    'Chaima Gamma': [null, null],
  });
  // The receiving side sees the delegate who asked.
  expect((await stateOf(memberB))['Amina Alpha']).toEqual(['PENDING', req.id]);
  expect((await stateOf(memberB))['Karim Alpha']).toEqual([null, null]);

  ok(
    await app.gql(
      `mutation($r: ID!, $o: ID) { acceptMeetingRequest(requestId: $r, organizationId: $o) { status } }`,
      { r: req.id, o: org.B },
      memberB.headers,
    ),
  );
  expect((await stateOf(memberA))['Bilal Beta']).toEqual(['ACCEPTED', req.id]);
});

it('lists an edition only while it is open, except to organisers', async () => {
  ok(
    await app.gql(
      `mutation($id: ID!) { setForumEditionStatus(id: $id, status: CLOSED) { status } }`,
      { id: editionId },
      organiser.headers,
    ),
  );
  expect(codeOf(await participants(memberA.headers))).toBe('CONFLICT');
  expect(ok(await participants(organiser.headers)).forumParticipants.edges.length).toBe(4);
});
