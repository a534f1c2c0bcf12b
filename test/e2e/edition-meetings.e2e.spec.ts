import {
  bootTestApp,
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
 * editionMeetings, the organisers' view of a whole edition's schedule (the console's slots x tables
 * grid): one entry per meeting, seen from the requesting delegate, the draft before publication
 * and the published schedule after; members are refused.
 */

let app: TestApp;
let organiser: TestUser;

const MEETINGS = `query($e: ID!, $v: AgendaView!) { editionMeetings(editionId: $e, view: $v) {
  meetingId status slotId tableId tableLabel delegateId delegateName organizationName
  counterpartDelegateId counterpartDelegateName counterpartOrganizationName } }`;

beforeAll(async () => {
  app = await bootTestApp();
  organiser = await signIn(app, { roles: ['ORGANISER'] });
}, 120_000);
afterAll(() => app?.close());

it('lists every meeting of the edition once, draft then published, for organisers only', async () => {
  const editionId = await openForumEdition(app, organiser.headers, {
    name: { fr: 'Forum grille' },
    startsOn: '2031-03-14',
    endsOn: '2031-03-14',
    sessions: [{ day: '2031-03-14', kind: 'MORNING', start: '09:00', end: '10:30' }],
  });
  const tables = ok(
    await app.gql(
      `mutation($e: ID!, $t: [ForumTableInput!]!) { addForumTables(editionId: $e, tables: $t) { id label } }`,
      { e: editionId, t: [{ label: 'T1' }, { label: 'T2' }] },
      organiser.headers,
    ),
  ).addForumTables as Json[];
  const slots = ok(
    await app.gql(
      `query($e: ID!) { forumSlots(editionId: $e) { id position } }`,
      { e: editionId },
      organiser.headers,
    ),
  ).forumSlots as Json[];
  expect(slots).toHaveLength(3);

  const orgs: string[] = [];
  for (const name of ['Alpha', 'Beta', 'Gamma']) orgs.push(await insertOrganization(app.db, { name }));
  const delegates: string[] = [];
  for (const [i, organizationId] of orgs.entries())
    delegates.push(
      await registerDelegate(app, organiser.headers, {
        editionId,
        organizationId,
        name: `Delegate ${i}`,
        email: `d${i}@example.org`,
      }),
    );
  const book = async (from: number, to: number, slot: number, table: number) => {
    const request = await requestMeeting(app, organiser.headers, {
      editionId,
      organizationId: orgs[from],
      fromDelegateId: delegates[from],
      toDelegateId: delegates[to],
    });
    await acceptMeetingRequest(app, organiser.headers, request, orgs[to]);
    return ok(
      await app.gql(
        `mutation($r: ID!, $s: ID!, $t: ID) { bookMeeting(requestId: $r, slotId: $s, tableId: $t) { id } }`,
        { r: request, s: slots[slot].id, t: tables[table].id },
        organiser.headers,
      ),
    ).bookMeeting.id as string;
  };
  const first = await book(0, 1, 0, 0);
  const second = await book(2, 0, 1, 1);

  // Organisers' bookings are published at once; a move changes the draft until the next publication.
  const moved = ok(
    await app.gql(
      `mutation($m: ID!, $s: ID!, $t: ID) { moveMeeting(meetingId: $m, slotId: $s, tableId: $t) { id } }`,
      { m: first, s: slots[2].id, t: tables[1].id },
      organiser.headers,
    ),
  ).moveMeeting;
  expect(moved.id).toBe(first);

  const draft = ok(await app.gql(MEETINGS, { e: editionId, v: 'DRAFT' }, organiser.headers))
    .editionMeetings as Json[];
  // In slot order: the second meeting (slot 1) before the moved one (slot 2); each seen from its requester.
  expect(draft).toHaveLength(2);
  expect(draft[0]).toMatchObject({
    meetingId: second,
    slotId: slots[1].id,
    tableLabel: 'T2',
    delegateName: 'Delegate 2',
    organizationName: 'Gamma',
    counterpartDelegateName: 'Delegate 0',
    counterpartOrganizationName: 'Alpha',
  });
  expect(draft[1]).toMatchObject({
    meetingId: first,
    slotId: slots[2].id,
    tableId: tables[1].id,
    delegateName: 'Delegate 0',
    counterpartDelegateName: 'Delegate 1',
    counterpartOrganizationName: 'Beta',
  });

  const published = () =>
    app
      .gql(MEETINGS, { e: editionId, v: 'PUBLISHED' }, organiser.headers)
      .then((r) => (ok(r).editionMeetings as Json[]).map((m) => [m.meetingId, m.slotId, m.tableLabel]));
  expect(await published()).toEqual([
    [first, slots[0].id, 'T1'],
    [second, slots[1].id, 'T2'],
  ]);
  ok(
    await app.gql(
      `mutation($e: ID!) { publishSchedule(editionId: $e) { changedMeetings } }`,
      { e: editionId },
      organiser.headers,
    ),
  );
  expect(await published()).toEqual([
    [second, slots[1].id, 'T2'],
    [first, slots[2].id, 'T2'],
  ]);

  const member = await signIn(app, { memberships: [{ organizationId: orgs[0], role: 'OWNER' }] });
  expect(codeOf(await app.gql(MEETINGS, { e: editionId, v: 'DRAFT' }, member.headers))).toBe('FORBIDDEN');
  expect(codeOf(await app.gql(MEETINGS, { e: editionId, v: 'DRAFT' }, {}))).toBe('UNAUTHENTICATED');
});
