import {
  addMembership,
  bootTestApp,
  insertOrganization,
  openForumEdition,
  signIn,
  type TestApp,
  type TestUser,
  ok,
  codeOf,
  type Json,
} from '#testing';

/*
 * The three lists that used to stop silently at a fixed length (forumDelegates, meetingRequests,
 * contactRequests) are cursor connections: paging forward or backward yields every row once, in
 * order, with the right total, even for rows created within one millisecond; the organisers'
 * filters narrow the rows and the total; members still see only their organisation's rows; a
 * malformed cursor or page size is BAD_USER_INPUT.
 */

let app: TestApp;
let organiser: TestUser;
let ownerA: TestUser;
let ownerB: TestUser;
let editionId: string;
const org: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };
const group: Record<'G1' | 'G2', string> = { G1: '', G2: '' };

interface DelegateRow {
  id: string;
  at: string;
  org: 'A' | 'B' | 'C';
  group: 'G1' | 'G2' | null;
  status: 'REGISTERED' | 'WITHDRAWN';
  checkedIn: boolean;
  name: string;
}
interface RequestRow {
  id: string;
  at: string;
  from: DelegateRow;
  to: DelegateRow;
  status: 'PENDING' | 'ACCEPTED' | 'DECLINED';
}
const delegates: DelegateRow[] = [];
const requests: RequestRow[] = [];
const contactIds: { id: string; at: string }[] = [];

/** Sorts by (timestamp, id) as PostgreSQL does: timestamps in one format, uuids compare as hex text. */
const byKey = <T extends { at: string; id: string }>(rows: T[], desc = false): string[] =>
  [...rows]
    .sort((x, y) => (x.at === y.at ? (x.id < y.id ? -1 : 1) : x.at < y.at ? -1 : 1) * (desc ? -1 : 1))
    .map((r) => r.id);

// Rows share a millisecond (and some a microsecond): a cursor that kept only milliseconds would skip them.
const stamp = (i: number) =>
  `2031-01-10T09:00:00.${String(Math.floor(i / 3) * 1000 + (i % 3 === 2 ? 1 : 0)).padStart(6, '0')}Z`;

beforeAll(async () => {
  app = await bootTestApp();
  organiser = await signIn(app, { roles: ['ORGANISER'] });
  ownerA = await signIn(app);
  ownerB = await signIn(app);
  org.A = await insertOrganization(app.db, { name: { ar: 'ورشة ألفا', fr: 'Atelier Alpha' }, country: 'DZ' });
  org.B = await insertOrganization(app.db, { name: { fr: 'Bureau Bêta', en: 'Beta Office' }, country: 'MA' });
  org.C = await insertOrganization(app.db, { name: 'Cuivre Gamma', country: 'TN' });
  await addMembership(app, ownerA.userId, org.A);
  await addMembership(app, ownerB.userId, org.B);
  editionId = await openForumEdition(app, organiser.headers, {
    name: { fr: 'Forum des pages' },
    startsOn: '2031-03-04',
    endsOn: '2031-03-04',
    sessions: [{ day: '2031-03-04', kind: 'MORNING', start: '09:00', end: '12:00' }],
  });
  for (const code of ['G1', 'G2'] as const) {
    const { rows } = await app.db.query<{ id: string }>(
      `INSERT INTO forum_group (edition_id, code, name) VALUES ($1, $2, $3) RETURNING id`,
      [editionId, code, JSON.stringify({ fr: code })],
    );
    group[code] = rows[0].id;
  }
  const orgs = ['A', 'B', 'C'] as const;
  for (let i = 0; i < 23; i++) {
    const d: Omit<DelegateRow, 'id'> = {
      at: stamp(i),
      org: orgs[i % 3],
      group: i % 4 === 0 ? null : i % 4 === 1 ? 'G1' : 'G2',
      status: i % 5 === 4 ? 'WITHDRAWN' : 'REGISTERED',
      checkedIn: i % 6 === 0,
      name: i === 7 ? 'Samira Zitouni' : `Délégué ${String(i).padStart(2, '0')}`,
    };
    const { rows } = await app.db.query<{ id: string }>(
      `INSERT INTO forum_delegate (edition_id, organization_id, name, email, group_id, status, checked_in_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        editionId,
        org[d.org],
        d.name,
        `d${i}@pages.example.test`,
        d.group && group[d.group],
        d.status,
        d.checkedIn ? '2031-03-04T08:00:00Z' : null,
        d.at,
      ],
    );
    delegates.push({ ...d, id: rows[0].id });
  }
  // 31 requests between delegates of different organisations, several per millisecond.
  const open = new Set<string>();
  for (let i = 0; i < 31; i++) {
    const from = delegates[i % 23];
    const to = delegates.filter((d) => d.org !== from.org)[(i * 7) % 15];
    // One open (pending or accepted) request per delegate and organisation asked.
    const pair = `${from.id}:${to.org}`;
    const status = open.has(pair) ? 'DECLINED' : (['PENDING', 'ACCEPTED', 'DECLINED'] as const)[i % 3];
    if (status !== 'DECLINED') open.add(pair);
    const at = stamp(i + 5);
    const { rows } = await app.db.query<{ id: string }>(
      `INSERT INTO forum_meeting_request (edition_id, from_delegate_id, from_organization_id, to_delegate_id,
         to_organization_id, status, expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, '2031-03-01T00:00:00Z', $7) RETURNING id`,
      [editionId, from.id, org[from.org], to.id, org[to.org], status, at],
    );
    requests.push({ id: rows[0].id, at, from, to, status });
  }
  // Seven contact requests to A within two milliseconds, and one from A.
  for (let i = 0; i < 7; i++) {
    const at = `2031-01-10T10:00:00.00${Math.floor(i / 4)}00${i % 4}Z`;
    const { rows } = await app.db.query<{ id: string }>(
      `INSERT INTO contact_request (from_organization_id, to_organization_id, status, created_at, expires_at)
       VALUES ($1, $2, 'DECLINED', $3, '2031-03-01T00:00:00Z') RETURNING id`,
      [i % 2 ? org.B : org.C, org.A, at],
    );
    contactIds.push({ id: rows[0].id, at });
  }
  await app.db.query(
    `INSERT INTO contact_request (from_organization_id, to_organization_id, created_at) VALUES ($1, $2, now())`,
    [org.A, org.B],
  );
}, 120_000);
afterAll(() => app?.close());

const DELEGATES = `query($e: ID!, $o: ID, $g: ID, $s: DelegateStatus, $c: Boolean, $country: String, $q: String,
    $first: Int, $after: String, $last: Int, $before: String) {
  forumDelegates(editionId: $e, organizationId: $o, groupId: $g, status: $s, checkedIn: $c, country: $country,
      search: $q, first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { id organizationId } }
    nodes { id }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    totalCount
  }
}`;
const REQUESTS = `query($e: ID!, $o: ID, $dir: RequestDirection, $st: [MeetingRequestStatus!], $d: ID, $g: ID,
    $first: Int, $after: String, $last: Int, $before: String) {
  meetingRequests(editionId: $e, organizationId: $o, direction: $dir, statuses: $st, delegateId: $d, groupId: $g,
      first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { id fromOrganizationId toOrganizationId status } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    totalCount
  }
}`;
const CONTACTS = `query($o: ID!, $dir: ContactRequestDirection, $first: Int, $after: String, $last: Int, $before: String) {
  contactRequests(organizationId: $o, direction: $dir, first: $first, after: $after, last: $last, before: $before) {
    nodes { id }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    totalCount
  }
}`;

type Conn = Json & { pageInfo: Json; totalCount: number };
const idsOf = (c: Conn): string[] =>
  (c.edges ?? c.nodes.map((node: Json) => ({ node }))).map((e: Json) => e.node.id);

/** Reads every page forward, checking each page's info; returns the ids in the order read. */
async function forward(read: (vars: Json) => Promise<Conn>, size: number, total: number): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let page = 0; ; page++) {
    const c: Conn = await read({ first: size, after });
    expect(c.totalCount).toBe(total);
    expect(c.pageInfo.hasPreviousPage).toBe(page > 0);
    seen.push(...idsOf(c));
    expect(c.pageInfo.hasNextPage).toBe(seen.length < total);
    if (!c.pageInfo.hasNextPage) return seen;
    after = c.pageInfo.endCursor;
    if (page > total) throw new Error('paging does not end');
  }
}

/** Reads every page backward from the end; returns the ids in listing order. */
async function backward(read: (vars: Json) => Promise<Conn>, size: number, total: number): Promise<string[]> {
  let seen: string[] = [];
  let before: string | null = null;
  for (let page = 0; ; page++) {
    const c: Conn = await read({ last: size, before });
    expect(c.totalCount).toBe(total);
    expect(c.pageInfo.hasNextPage).toBe(page > 0);
    seen = [...idsOf(c), ...seen];
    expect(c.pageInfo.hasPreviousPage).toBe(seen.length < total);
    if (!c.pageInfo.hasPreviousPage) return seen;
    before = c.pageInfo.startCursor;
    if (page > total) throw new Error('paging does not end');
  }
}

describe('forumDelegates', () => {
  const read = (user: TestUser, vars: Json) => async (page: Json) =>
    ok(await app.gql(DELEGATES, { e: editionId, ...vars, ...page }, user.headers)).forumDelegates as Conn;

  it('pages forward and backward over every delegate once, in registration order', async () => {
    const expected = byKey(delegates);
    expect(await forward(read(organiser, {}), 5, 23)).toEqual(expected);
    expect(await backward(read(organiser, {}), 4, 23)).toEqual(expected);
    // A page read backward from a forward page's start cursor is the page before it.
    const second = await read(
      organiser,
      {},
    )({ first: 6, after: (await read(organiser, {})({ first: 6 })).pageInfo.endCursor });
    const before = await read(organiser, {})({ last: 6, before: second.pageInfo.startCursor });
    expect(idsOf(before)).toEqual(expected.slice(0, 6));
    expect(before.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  it('filters by organisation, group, status, check-in, country and name', async () => {
    const cases: [Json, (d: DelegateRow) => boolean][] = [
      [{ o: org.B }, (d) => d.org === 'B'],
      [{ g: group.G1 }, (d) => d.group === 'G1'],
      [{ s: 'WITHDRAWN' }, (d) => d.status === 'WITHDRAWN'],
      [{ s: 'REGISTERED', c: true }, (d) => d.status === 'REGISTERED' && d.checkedIn],
      [{ c: false, g: group.G2 }, (d) => !d.checkedIn && d.group === 'G2'],
      [{ country: 'ma' }, (d) => d.org === 'B'],
      [{ country: 'TN', s: 'REGISTERED' }, (d) => d.org === 'C' && d.status === 'REGISTERED'],
      [{ q: 'zitoun' }, (d) => d.name === 'Samira Zitouni'],
      [{ q: 'ألفا' }, (d) => d.org === 'A'],
      [{ q: 'beta office' }, (d) => d.org === 'B'],
      [{ q: '100%' }, () => false],
    ];
    for (const [vars, keep] of cases) {
      const expected = byKey(delegates.filter(keep));
      expect({ vars, ids: await forward(read(organiser, vars), 3, expected.length) }).toEqual({
        vars,
        ids: expected,
      });
    }
  });

  it("shows members only their organisation's delegates, as before", async () => {
    const mine = await forward(
      read(ownerA, { o: org.A }),
      100,
      delegates.filter((d) => d.org === 'A').length,
    );
    expect(mine).toEqual(byKey(delegates.filter((d) => d.org === 'A')));
    expect(codeOf(await app.gql(DELEGATES, { e: editionId, o: org.B }, ownerA.headers))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(DELEGATES, { e: editionId }, ownerA.headers))).toBe('NOT_FOUND');
  });

  it('refuses malformed cursors, page sizes and filters as BAD_USER_INPUT', async () => {
    const directoryCursor = Buffer.from(`2031-01-10T09:00:00.000Z|${delegates[0].id}`).toString('base64url');
    for (const vars of [
      { after: 'not-a-cursor' },
      { before: directoryCursor },
      { first: 0 },
      { first: 501 },
      { last: -1 },
      { first: 5, last: 5 },
      { country: 'XX' },
      { q: 'x'.repeat(101) },
    ]) {
      const res = await app.gql(DELEGATES, { e: editionId, ...vars }, organiser.headers);
      expect({ vars, code: codeOf(res) }).toEqual({ vars, code: 'BAD_USER_INPUT' });
    }
    const res = await app.gql(DELEGATES, { e: editionId, after: 'bm90LWEtY3Vyc29y' }, organiser.headers);
    expect(res.errors?.[0]?.message).toBe('after: is not a cursor returned by this connection');
  });
});

describe('meetingRequests', () => {
  const read = (user: TestUser, vars: Json) => async (page: Json) =>
    ok(await app.gql(REQUESTS, { e: editionId, ...vars, ...page }, user.headers)).meetingRequests as Conn;

  it('pages forward and backward over every request once, newest first', async () => {
    const expected = byKey(requests, true);
    expect(await forward(read(organiser, {}), 7, 31)).toEqual(expected);
    expect(await backward(read(organiser, {}), 10, 31)).toEqual(expected);
  });

  it('filters by status, direction, organisation, delegate and group', async () => {
    const d = delegates[4];
    const inG1 = (x: DelegateRow) => x.group === 'G1';
    const cases: [Json, (r: RequestRow) => boolean][] = [
      [{ st: ['PENDING'] }, (r) => r.status === 'PENDING'],
      [{ st: ['ACCEPTED', 'DECLINED'] }, (r) => r.status !== 'PENDING'],
      [{ o: org.B, dir: 'SENT' }, (r) => r.from.org === 'B'],
      [{ o: org.B, dir: 'RECEIVED', st: ['ACCEPTED'] }, (r) => r.to.org === 'B' && r.status === 'ACCEPTED'],
      [{ o: org.C }, (r) => r.from.org === 'C' || r.to.org === 'C'],
      [{ d: d.id }, (r) => r.from === d || r.to === d],
      [{ d: d.id, dir: 'SENT' }, (r) => r.from === d],
      [{ g: group.G1, dir: 'SENT' }, (r) => inG1(r.from)],
      [{ g: group.G1, dir: 'RECEIVED' }, (r) => inG1(r.to)],
      [{ g: group.G1 }, (r) => inG1(r.from) || inG1(r.to)],
    ];
    for (const [vars, keep] of cases) {
      const expected = byKey(requests.filter(keep), true);
      expect({ vars, ids: await forward(read(organiser, vars), 4, expected.length) }).toEqual({
        vars,
        ids: expected,
      });
    }
  });

  it("shows members only their organisation's requests, as before", async () => {
    const mine = requests.filter((r) => r.from.org === 'A' || r.to.org === 'A');
    const c = await read(ownerA, { o: org.A })({ first: 500 });
    expect(idsOf(c)).toEqual(byKey(mine, true));
    expect(c.totalCount).toBe(mine.length);
    for (const e of c.edges) expect([e.node.fromOrganizationId, e.node.toOrganizationId]).toContain(org.A);
    expect(codeOf(await app.gql(REQUESTS, { e: editionId, o: org.B }, ownerA.headers))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(REQUESTS, { e: editionId }, ownerA.headers))).toBe('NOT_FOUND');
  });

  it('refuses a cursor of another connection or a forged one as BAD_USER_INPUT', async () => {
    const forged = Buffer.from(`k1|2031-13-45T99:00:00.000000Z|${requests[0].id}`).toString('base64url');
    for (const vars of [{ after: forged }, { before: '%%%' }, { last: 1000 }]) {
      const res = await app.gql(REQUESTS, { e: editionId, ...vars }, organiser.headers);
      expect({ vars, code: codeOf(res) }).toEqual({ vars, code: 'BAD_USER_INPUT' });
    }
  });
});

describe('contactRequests', () => {
  const read = (user: TestUser, vars: Json) => async (page: Json) =>
    ok(await app.gql(CONTACTS, { o: org.A, dir: 'INCOMING', ...vars, ...page }, user.headers))
      .contactRequests as Conn;

  it('pages forward and backward over every request once, newest first, microseconds apart', async () => {
    const expected = byKey(contactIds, true);
    expect(await forward(read(ownerA, {}), 3, 7)).toEqual(expected);
    expect(await backward(read(ownerA, {}), 2, 7)).toEqual(expected);
    expect((await read(ownerA, { dir: 'OUTGOING' })({})).totalCount).toBe(1);
  });

  it('keeps requests to members of the organisation and refuses bad cursors', async () => {
    expect(codeOf(await app.gql(CONTACTS, { o: org.A }, ownerB.headers))).toBe('FORBIDDEN');
    const res = await app.gql(CONTACTS, { o: org.A, before: 'AAAA' }, ownerA.headers);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(codeOf(await app.gql(CONTACTS, { o: org.A, first: 201 }, ownerA.headers))).toBe('BAD_USER_INPUT');
  });
});
