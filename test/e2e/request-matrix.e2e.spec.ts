import {
  addMembership,
  bootTestApp,
  codeOf,
  insertOrganization,
  ok,
  openForumEdition,
  signIn,
  type Json,
  type TestApp,
  type TestUser,
} from '#testing';

/*
 * The organisers' request matrix: an edition's meeting requests counted between organisations,
 * countries or groups, pending and accepted apart, for organisers only.
 */

let app: TestApp;
let organiser: TestUser;
let owner: TestUser;
let editionId: string;
const org: Record<string, string> = {};
const group: Record<string, string> = {};
const delegate: Record<string, string> = {};

const MATRIX = `query($e: ID!, $by: MeetingRequestMatrixGrouping!, $st: [MeetingRequestStatus!]) {
  meetingRequestMatrix(editionId: $e, groupBy: $by, statuses: $st) {
    fromKey fromLabel { fr } toKey toLabel { fr } pending accepted total
  }
}`;

beforeAll(async () => {
  app = await bootTestApp();
  organiser = await signIn(app, { roles: ['ORGANISER'] });
  owner = await signIn(app);
  for (const [key, country] of [
    ['A', 'DZ'],
    ['B', 'DZ'],
    ['C', 'MA'],
  ]) {
    org[key] = await insertOrganization(app.db, { name: `Org ${key}`, country });
  }
  await addMembership(app, owner.userId, org.A);
  editionId = await openForumEdition(app, organiser.headers, {
    name: { fr: 'Forum de la matrice' },
    startsOn: '2031-03-04',
    endsOn: '2031-03-04',
    sessions: [{ day: '2031-03-04', kind: 'MORNING', start: '09:00', end: '12:00' }],
  });
  for (const code of ['BUY', 'SELL']) {
    const { rows } = await app.db.query<{ id: string }>(
      `INSERT INTO forum_group (edition_id, code, name) VALUES ($1, $2, $3) RETURNING id`,
      [editionId, code, JSON.stringify({ fr: `Groupe ${code}` })],
    );
    group[code] = rows[0].id;
  }
  // a1, a2 (A, BUY), b1 (B, SELL), c1 (C, no group)
  for (const [key, o, g] of [
    ['a1', 'A', 'BUY'],
    ['a2', 'A', 'BUY'],
    ['b1', 'B', 'SELL'],
    ['c1', 'C', null],
  ] as const) {
    const { rows } = await app.db.query<{ id: string }>(
      `INSERT INTO forum_delegate (edition_id, organization_id, name, email, group_id)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [editionId, org[o], `Délégué ${key}`, `${key}@matrix.example.test`, g && group[g]],
    );
    delegate[key] = rows[0].id;
  }
  // from -> to (delegate or organisation only), status
  const requests: [string, string, string | null, string][] = [
    ['a1', 'B', 'b1', 'PENDING'],
    ['a2', 'B', 'b1', 'ACCEPTED'],
    ['a1', 'C', null, 'PENDING'],
    ['b1', 'C', 'c1', 'ACCEPTED'],
    ['b1', 'A', 'a1', 'DECLINED'],
    ['c1', 'A', 'a2', 'PENDING'],
  ];
  for (const [from, toOrg, to, status] of requests) {
    const fromOrg = { a1: 'A', a2: 'A', b1: 'B', c1: 'C' }[from]!;
    await app.db.query(
      `INSERT INTO forum_meeting_request (edition_id, from_delegate_id, from_organization_id, to_delegate_id,
         to_organization_id, status, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, '2031-03-01T00:00:00Z')`,
      [editionId, delegate[from], org[fromOrg], to && delegate[to], org[toOrg], status],
    );
  }
}, 120_000);
afterAll(() => app?.close());

const cells = async (by: string, st?: string[]) =>
  (ok(await app.gql(MATRIX, { e: editionId, by, st }, organiser.headers)).meetingRequestMatrix as Json[]).map(
    (c) => [c.fromKey, c.toKey, c.pending, c.accepted, c.total],
  );
const sorted = (rows: unknown[][]) =>
  [...rows].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));

it('counts requests between organisations, pending and accepted apart, with their names', async () => {
  expect(sorted(await cells('ORGANIZATION'))).toEqual(
    sorted([
      [org.A, org.B, 1, 1, 2],
      [org.A, org.C, 1, 0, 1],
      [org.B, org.C, 0, 1, 1],
      [org.B, org.A, 0, 0, 1],
      [org.C, org.A, 1, 0, 1],
    ]),
  );
  const first = ok(await app.gql(MATRIX, { e: editionId, by: 'ORGANIZATION' }, organiser.headers))
    .meetingRequestMatrix[0];
  expect(first).toMatchObject({
    fromKey: org.A,
    toKey: org.B,
    fromLabel: { fr: 'Org A' },
    toLabel: { fr: 'Org B' },
  });
});

it('counts between countries and groups, and only the statuses asked for', async () => {
  // Most requests first, then by the country codes of the two sides.
  expect(await cells('COUNTRY')).toEqual([
    ['DZ', 'DZ', 1, 1, 3],
    ['DZ', 'MA', 1, 1, 2],
    ['MA', 'DZ', 1, 0, 1],
  ]);
  expect(sorted(await cells('GROUP'))).toEqual(
    sorted([
      [group.BUY, group.SELL, 1, 1, 2],
      [group.BUY, null, 1, 0, 1],
      [group.SELL, null, 0, 1, 1],
      [group.SELL, group.BUY, 0, 0, 1],
      [null, group.BUY, 1, 0, 1],
    ]),
  );
  expect(await cells('COUNTRY', ['ACCEPTED'])).toEqual([
    ['DZ', 'DZ', 0, 1, 1],
    ['DZ', 'MA', 0, 1, 1],
  ]);
});

it('is for organisers only, and refuses a malformed edition id', async () => {
  expect(codeOf(await app.gql(MATRIX, { e: editionId, by: 'COUNTRY' }, owner.headers))).toBe('FORBIDDEN');
  expect(codeOf(await app.gql(MATRIX, { e: editionId, by: 'COUNTRY' }))).toBe('UNAUTHENTICATED');
  expect(codeOf(await app.gql(MATRIX, { e: 'nope', by: 'COUNTRY' }, organiser.headers))).toBe(
    'BAD_USER_INPUT',
  );
});

it("names each delegate's organisation and each request's delegates", async () => {
  const data = ok(
    await app.gql(
      `query($e: ID!, $o: ID!) {
        forumDelegates(editionId: $e, first: 10) { nodes { name organizationName { fr } organizationCountry } }
        meetingRequests(editionId: $e, organizationId: $o, direction: SENT) { nodes { fromDelegateName toDelegateName } }
      }`,
      { e: editionId, o: org.A },
      organiser.headers,
    ),
  );
  expect(data.forumDelegates.nodes).toEqual(
    expect.arrayContaining([
      { name: 'Délégué a1', organizationName: { fr: 'Org A' }, organizationCountry: 'DZ' },
      { name: 'Délégué c1', organizationName: { fr: 'Org C' }, organizationCountry: 'MA' },
    ]),
  );
  expect(
    (data.meetingRequests.nodes as Json[]).map((n) => `${n.fromDelegateName} -> ${n.toDelegateName}`).sort(),
  ).toEqual(['Délégué a1 -> Délégué b1', 'Délégué a1 -> null', 'Délégué a2 -> Délégué b1']);
  // A member reads the same names on its own organisation's requests.
  const mine = ok(
    await app.gql(
      `query($e: ID!, $o: ID!) { meetingRequests(editionId: $e, organizationId: $o, direction: RECEIVED) { nodes { fromDelegateName toDelegateName } } }`,
      { e: editionId, o: org.A },
      owner.headers,
    ),
  ).meetingRequests.nodes as Json[];
  expect(mine.map((n) => `${n.fromDelegateName} -> ${n.toDelegateName}`).sort()).toEqual([
    'Délégué b1 -> Délégué a1',
    'Délégué c1 -> Délégué a2',
  ]);
});
