import {
  bootTestApp,
  eventually,
  openForumEdition,
  insertOrganization,
  registerDelegate,
  requestMeeting,
  acceptMeetingRequest,
  signIn,
  type TestApp,
  type TestUser,
  ok,
  codeOf,
  type Json,
} from '#testing';

/*
 * scheduleChanges, the console's comparison of the draft schedule with the published one: after a
 * publication, a move, a cancellation and a scheduler run, it counts and lists the new, moved and
 * cancelled meetings (all, per kind, per delegate, page by page), and publication empties it.
 * Organisers only.
 */

let app: TestApp;
let organiser: TestUser;

const CHANGES = `query($e: ID!, $d: ID, $k: ScheduleChangeKind, $f: Int, $a: String) {
  scheduleChanges(editionId: $e, delegateId: $d, kind: $k, first: $f, after: $a) {
    publishedVersion newMeetings moved cancelled delegates endCursor hasNextPage
    changes { meetingId kind slotId tableLabel publishedSlotId publishedTableLabel delegateName counterpartDelegateName }
    changedDelegates { name changes }
  } }`;

beforeAll(async () => {
  app = await bootTestApp({ worker: true });
  organiser = await signIn(app, { roles: ['ORGANISER'] });
}, 120_000);
afterAll(() => app?.close());

it('lists what publishing would change, in all and per delegate, for organisers only', async () => {
  const editionId = await openForumEdition(app, organiser.headers, {
    name: { fr: 'Forum comparaison' },
    startsOn: '2031-04-10',
    endsOn: '2031-04-10',
    sessions: [{ day: '2031-04-10', kind: 'MORNING', start: '09:00', end: '10:30' }],
  });
  const tables = ok(
    await app.gql(
      `mutation($e: ID!, $t: [ForumTableInput!]!) { addForumTables(editionId: $e, tables: $t) { id label } }`,
      { e: editionId, t: [{ label: 'T1' }, { label: 'T2' }] },
      organiser.headers,
    ),
  ).addForumTables as Json[];
  const slots = ok(
    await app.gql(`query($e: ID!) { forumSlots(editionId: $e) { id } }`, { e: editionId }, organiser.headers),
  ).forumSlots as Json[];
  expect(slots).toHaveLength(3);
  const orgs: string[] = [];
  for (const name of ['Alpha', 'Beta', 'Gamma', 'Delta'])
    orgs.push(await insertOrganization(app.db, { name, country: 'TN' }));
  const delegates: string[] = [];
  for (const [i, organizationId] of orgs.entries())
    delegates.push(
      await registerDelegate(app, organiser.headers, {
        editionId,
        organizationId,
        name: `Delegate ${i}`,
        email: `c${i}@example.org`,
      }),
    );
  const accepted = async (from: number, to: number) => {
    const request = await requestMeeting(app, organiser.headers, {
      editionId,
      organizationId: orgs[from],
      fromDelegateId: delegates[from],
      toDelegateId: delegates[to],
    });
    await acceptMeetingRequest(app, organiser.headers, request, orgs[to]);
    return request;
  };
  const book = async (from: number, to: number, slot: number, table: number) => {
    const request = await accepted(from, to);
    const meeting = ok(
      await app.gql(
        `mutation($r: ID!, $s: ID!, $t: ID) { bookMeeting(requestId: $r, slotId: $s, tableId: $t) { id } }`,
        { r: request, s: slots[slot].id, t: tables[table].id },
        organiser.headers,
      ),
    ).bookMeeting.id as string;
    return { request, meeting };
  };
  const changes = async (vars: Json = {}) =>
    ok(await app.gql(CHANGES, { e: editionId, ...vars }, organiser.headers)).scheduleChanges as Json;

  const { meeting: first } = await book(0, 1, 0, 0);
  const { meeting: second, request: secondRequest } = await book(2, 0, 1, 1);
  ok(
    await app.gql(
      `mutation($e: ID!) { publishSchedule(editionId: $e) { publishedVersion } }`,
      { e: editionId },
      organiser.headers,
    ),
  );
  expect(await changes()).toMatchObject({
    publishedVersion: 1,
    newMeetings: 0,
    moved: 0,
    cancelled: 0,
    delegates: 0,
    changes: [],
    changedDelegates: [],
    hasNextPage: false,
  });

  // A move, a cancelled request and a scheduler run that places one newly accepted request.
  ok(
    await app.gql(
      `mutation($m: ID!, $s: ID!, $t: ID) { moveMeeting(meetingId: $m, slotId: $s, tableId: $t) { id } }`,
      { m: first, s: slots[2].id, t: tables[1].id },
      organiser.headers,
    ),
  );
  // The organiser withdraws the request for both sides: its meeting goes and no run places it again.
  ok(
    await app.gql(
      `mutation($r: ID!) { cancelMeetingRequest(requestId: $r) { status } }`,
      { r: secondRequest },
      organiser.headers,
    ),
  );
  await accepted(3, 2);
  const job = ok(
    await app.gql(
      `mutation($e: ID!) { scheduleEdition(editionId: $e, timeLimitSeconds: 5) { id } }`,
      { e: editionId },
      organiser.headers,
    ),
  ).scheduleEdition.id as string;
  await eventually(async () => {
    const r = ok(
      await app.gql(`query($j: ID!) { scheduleRun(jobId: $j) { state } }`, { j: job }, organiser.headers),
    ).scheduleRun as Json;
    if (r.state === 'FAILED') throw new Error('the scheduler run failed');
    return r.state === 'DONE';
  }, 60_000);

  const all = await changes();
  expect(all).toMatchObject({ publishedVersion: 1, newMeetings: 1, moved: 1, cancelled: 1, delegates: 4 });
  expect(all.changedDelegates).toEqual([
    { name: 'Delegate 0', changes: 2 },
    { name: 'Delegate 1', changes: 1 },
    { name: 'Delegate 2', changes: 2 },
    { name: 'Delegate 3', changes: 1 },
  ]);
  const byKind = Object.fromEntries((all.changes as Json[]).map((c) => [c.kind, c]));
  expect(byKind.MOVED).toMatchObject({
    meetingId: first,
    slotId: slots[2].id,
    tableLabel: 'T2',
    publishedSlotId: slots[0].id,
    publishedTableLabel: 'T1',
    delegateName: 'Delegate 0',
    counterpartDelegateName: 'Delegate 1',
  });
  expect(byKind.CANCELLED).toMatchObject({
    meetingId: second,
    publishedSlotId: slots[1].id,
    publishedTableLabel: 'T2',
    delegateName: 'Delegate 2',
    counterpartDelegateName: 'Delegate 0',
  });
  expect(byKind.NEW).toMatchObject({
    publishedSlotId: null,
    publishedTableLabel: null,
    delegateName: 'Delegate 3',
    counterpartDelegateName: 'Delegate 2',
  });

  // Per delegate: Delegate 0 has the move and the cancellation, with Delegates 1 and 2.
  expect(await changes({ d: delegates[0] })).toMatchObject({
    newMeetings: 0,
    moved: 1,
    cancelled: 1,
    delegates: 3,
  });
  const onlyMoved = await changes({ k: 'MOVED' });
  expect((onlyMoved.changes as Json[]).map((c) => c.meetingId)).toEqual([first]);
  expect(onlyMoved.moved).toBe(1);

  // Page by page, one at a time: the three changes once each.
  const seen: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 5; i++) {
    const page: Json = await changes({ f: 1, a: after });
    seen.push(...(page.changes as Json[]).map((c) => c.meetingId as string));
    if (!page.hasNextPage) break;
    after = page.endCursor as string;
  }
  expect(seen).toHaveLength(3);
  expect(new Set(seen)).toEqual(new Set((all.changes as Json[]).map((c) => c.meetingId)));

  expect(codeOf(await app.gql(CHANGES, { e: editionId, a: 'bm9wZQ' }, organiser.headers))).toBe(
    'BAD_USER_INPUT',
  );
  expect(codeOf(await app.gql(CHANGES, { e: editionId, f: 500 }, organiser.headers))).toBe('BAD_USER_INPUT');

  // Publication shows the draft to delegates: nothing is left to compare.
  ok(
    await app.gql(
      `mutation($e: ID!) { publishSchedule(editionId: $e) { publishedVersion } }`,
      { e: editionId },
      organiser.headers,
    ),
  );
  expect(await changes()).toMatchObject({
    publishedVersion: 2,
    newMeetings: 0,
    moved: 0,
    cancelled: 0,
    delegates: 0,
  });

  const member = await signIn(app, { memberships: [{ organizationId: orgs[0], role: 'OWNER' }] });
  expect(codeOf(await app.gql(CHANGES, { e: editionId }, member.headers))).toBe('FORBIDDEN');
  expect(codeOf(await app.gql(CHANGES, { e: editionId }, {}))).toBe('UNAUTHENTICATED');
}, 120_000);
