import {
  acceptMeetingRequest,
  bootTestApp,
  insertOrganization,
  requestMeeting,
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
 * Forum privacy through the real api, tried as another organisation would: what freeSlots and
 * bookWalkIn tell about the other side, whose outcome notes come back, what draft editions and review
 * notes show, who may link a delegate to an account or file a request as the organisers, and when a
 * calendar feed URL stops working.
 */

let app: TestApp;
let organiser: TestUser;

const get = (path: string) => fetch(`${app.url}${path}`);

const organization = (name: string, seed: Omit<OrganizationSeed, 'name'> = {}) =>
  insertOrganization(app.db, { name, ...seed });
const owner = (organizationId: string) => signInMember(app, organizationId);

/** An edition on a day to come: 6 meeting slots, two tables, one group; OPEN unless asked. */
async function edition(status: 'OPEN' | 'DRAFT' = 'OPEN') {
  const id = ok(
    await app.gql(
      `mutation($input: CreateForumEditionInput!) { createForumEdition(input: $input) { id } }`,
      {
        input: {
          name: { fr: 'Forum privé', en: 'Private forum' },
          startsOn: '2031-03-10',
          endsOn: '2031-03-10',
          slotMinutes: 30,
          sessions: [{ day: '2031-03-10', kind: 'MORNING', start: '09:00', end: '12:00' }],
        },
      },
      organiser.headers,
    ),
  ).createForumEdition.id as string;
  ok(
    await app.gql(
      `mutation($e: ID!, $t: [ForumTableInput!]!) { addForumTables(editionId: $e, tables: $t) { id } }`,
      { e: id, t: [{ label: 'T1' }, { label: 'T2' }] },
      organiser.headers,
    ),
  );
  ok(
    await app.gql(
      `mutation($e: ID!, $g: ForumGroupInput!) { createForumGroup(editionId: $e, input: $g) { id } }`,
      { e: id, g: { code: 'GUESTS', name: { fr: 'Invités' } } },
      organiser.headers,
    ),
  );
  if (status === 'OPEN')
    ok(
      await app.gql(
        `mutation($id: ID!) { setForumEditionStatus(id: $id, status: OPEN) { status } }`,
        { id },
        organiser.headers,
      ),
    );
  const slots = ok(
    await app.gql(
      `query($e: ID!) { forumSlots(editionId: $e) { id isBreak } }`,
      { e: id },
      organiser.headers,
    ),
  ).forumSlots.filter((s: Json) => !s.isBreak) as Json[];
  return { id, slots: slots.map((s) => s.id as string) };
}

const REGISTER = `mutation($input: RegisterDelegateInput!) { registerDelegate(input: $input) { id userId } }`;
const register = (by: TestUser, input: Json) => app.gql(REGISTER, { input }, by.headers);
async function delegate(by: TestUser, editionId: string, organizationId: string, extra: Json = {}) {
  const email = `d-${Math.random().toString(36).slice(2, 10)}@example.org`;
  return ok(await register(by, { editionId, organizationId, name: 'Delegate', email, ...extra }))
    .registerDelegate as { id: string; userId: string | null };
}

async function acceptedRequest(e: string, from: [TestUser, string, string], to: [TestUser, string, string]) {
  const r = await requestMeeting(app, from[0].headers, {
    editionId: e,
    organizationId: from[1],
    fromDelegateId: from[2],
    toDelegateId: to[2],
  });
  await acceptMeetingRequest(app, to[0].headers, r, to[1]);
  return r;
}

const book = async (requestId: string, slotId: string) =>
  ok(
    await app.gql(
      `mutation($r: ID!, $s: ID!) { bookMeeting(requestId: $r, slotId: $s) { id } }`,
      { r: requestId, s: slotId },
      organiser.headers,
    ),
  ).bookMeeting.id as string;

beforeAll(async () => {
  app = await bootTestApp();
  organiser = await signIn(app, { roles: ['ORGANISER'] });
}, 120_000);
afterAll(() => app?.close());

describe('freeSlots and bookWalkIn (item 6)', () => {
  const FREE = `query($e: ID!, $a: ID!, $b: ID!) { freeSlots(editionId: $e, delegateId: $a, withDelegateId: $b) { slotId freeTables } }`;
  const WALK_IN = `mutation($input: WalkInInput!) { bookWalkIn(input: $input) { request { status } meeting { id } } }`;

  it('answers only for a delegate of the caller’s organisation, both registered in the edition', async () => {
    const { id: e, slots } = await edition();
    const other = await edition();
    const [orgA, orgB, orgC] = [await organization('A'), await organization('B'), await organization('C')];
    const [a, b, c] = [await owner(orgA), await owner(orgB), await owner(orgC)];
    const dA = (await delegate(a, e, orgA)).id;
    const dB = (await delegate(b, e, orgB)).id;
    const dC = (await delegate(c, e, orgC)).id;
    const dAElsewhere = (await delegate(a, other.id, orgA)).id;
    const dBWithdrawn = (await delegate(b, e, orgB)).id;
    ok(
      await app.gql(
        `mutation($d: ID!, $o: ID) { withdrawDelegate(delegateId: $d, organizationId: $o) { status } }`,
        { d: dBWithdrawn, o: orgB },
        b.headers,
      ),
    );
    // C may not ask about A's delegate by naming its own as the other side.
    expect(codeOf(await app.gql(FREE, { e, a: dA, b: dC }, c.headers))).toBe('FORBIDDEN');
    expect(codeOf(await app.gql(FREE, { e, a: dA, b: dAElsewhere }, a.headers))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(FREE, { e, a: dA, b: dBWithdrawn }, a.headers))).toBe('NOT_FOUND');
    expect(codeOf(await app.gql(FREE, { e: other.id, a: dA, b: dB }, a.headers))).toBe('NOT_FOUND');
    // bookWalkIn tells no more about a withdrawn delegate than freeSlots does.
    expect(
      codeOf(
        await app.gql(
          WALK_IN,
          {
            input: {
              editionId: e,
              organizationId: orgA,
              fromDelegateId: dA,
              toDelegateId: dBWithdrawn,
              slotId: slots[0],
            },
          },
          a.headers,
        ),
      ),
    ).toBe('NOT_FOUND');
  }, 60_000);

  it('keeps the other side’s unavailability and the draft schedule private, in freeSlots and bookWalkIn', async () => {
    const { id: e, slots } = await edition();
    const [orgA, orgB, orgC] = [await organization('A'), await organization('B'), await organization('C')];
    const [a, b, c] = [await owner(orgA), await owner(orgB), await owner(orgC)];
    const dA = (await delegate(a, e, orgA, { unavailableSlotIds: [slots[0]] })).id;
    const dB = (await delegate(b, e, orgB, { unavailableSlotIds: [slots[1]] })).id;
    const dC = (await delegate(c, e, orgC)).id;

    // B and C meet in slot 3 (published); the organiser then moves it to slot 2 in the working draft.
    const meeting = await book(await acceptedRequest(e, [b, orgB, dB], [c, orgC, dC]), slots[3]);
    ok(
      await app.gql(
        `mutation($m: ID!, $s: ID!) { moveMeeting(meetingId: $m, slotId: $s) { id } }`,
        { m: meeting, s: slots[2] },
        organiser.headers,
      ),
    );

    // A member sees its own unavailability (slot 0) and B's published meeting (slot 3), nothing else:
    // not B's unavailable slot 1, not the draft move to slot 2, whose table stays free too.
    const mine = ok(await app.gql(FREE, { e, a: dA, b: dB }, a.headers)).freeSlots as Json[];
    expect(mine.map((s) => s.slotId)).toEqual([slots[1], slots[2], slots[4], slots[5]]);
    expect(mine.every((s) => s.freeTables === 2)).toBe(true);
    // Organisers see the working schedule and both sides' unavailability.
    const all = ok(await app.gql(FREE, { e, a: dA, b: dB }, organiser.headers)).freeSlots as Json[];
    expect(all.map((s) => s.slotId)).toEqual([slots[3], slots[4], slots[5]]);

    // bookWalkIn tells no more: a slot B declared unavailable is a proposal like any other.
    expect(
      ok(
        await app.gql(
          WALK_IN,
          {
            input: {
              editionId: e,
              organizationId: orgA,
              fromDelegateId: dA,
              toDelegateId: dB,
              slotId: slots[1],
            },
          },
          a.headers,
        ),
      ).bookWalkIn,
    ).toEqual({ request: { status: 'PENDING' }, meeting: null });
  }, 60_000);

  // Not a change: what the other side's published agenda shows still refuses a walk-in.
  it('refuses a walk-in in a slot the other side’s published agenda fills', async () => {
    const { id: e, slots } = await edition();
    const [orgA, orgB, orgC] = [await organization('A'), await organization('B'), await organization('C')];
    const [a, b, c] = [await owner(orgA), await owner(orgB), await owner(orgC)];
    const dA = (await delegate(a, e, orgA)).id;
    const dB = (await delegate(b, e, orgB)).id;
    const dC = (await delegate(c, e, orgC)).id;
    await book(await acceptedRequest(e, [b, orgB, dB], [c, orgC, dC]), slots[3]);
    expect(
      codeOf(
        await app.gql(
          WALK_IN,
          {
            input: {
              editionId: e,
              organizationId: orgA,
              fromDelegateId: dA,
              toDelegateId: dB,
              slotId: slots[3],
            },
          },
          a.headers,
        ),
      ),
    ).toBe('SLOT_TAKEN');
  }, 60_000);
});

it('returns only the caller’s side of a meeting outcome; organisers see both (item 7)', async () => {
  const { id: e, slots } = await edition();
  const [orgA, orgB] = [await organization('A'), await organization('B')];
  const [a, b] = [await owner(orgA), await owner(orgB)];
  const dA = (await delegate(a, e, orgA)).id;
  const dB = (await delegate(b, e, orgB)).id;
  const meeting = await book(await acceptedRequest(e, [a, orgA, dA], [b, orgB, dB]), slots[0]);
  await app.db.query(
    `UPDATE forum_slot SET starts_at = now() - interval '40 minutes', ends_at = now() - interval '10 minutes' WHERE id = $1`,
    [slots[0]],
  );
  const OUTCOME = `mutation($m: ID!, $o: ID, $n: String) { reportMeetingOutcome(meetingId: $m, organizationId: $o, outcome: HELD, note: $n) { delegateId outcome outcomeNote } }`;
  const mineB = ok(
    await app.gql(OUTCOME, { m: meeting, o: orgB, n: 'B thinks A overpriced' }, b.headers),
  ).reportMeetingOutcome;
  expect(mineB).toEqual([{ delegateId: dB, outcome: 'HELD', outcomeNote: 'B thinks A overpriced' }]);
  const mineA = ok(
    await app.gql(OUTCOME, { m: meeting, o: orgA, n: 'fine' }, a.headers),
  ).reportMeetingOutcome;
  expect(mineA).toEqual([{ delegateId: dA, outcome: 'HELD', outcomeNote: 'fine' }]);
  expect(JSON.stringify(mineA)).not.toContain('overpriced');
  const both = ok(await app.gql(OUTCOME, { m: meeting, o: null, n: 'checked' }, organiser.headers))
    .reportMeetingOutcome as Json[];
  expect(both.map((p) => p.delegateId).sort()).toEqual([dA, dB].sort());
}, 60_000);

describe('drafts and review notes (item 8)', () => {
  it('shows a draft edition, its slots, tables, groups and rules to organisers only', async () => {
    const { id: e } = await edition('DRAFT');
    const orgA = await organization('A');
    const a = await owner(orgA);
    const anonymous = {};
    for (const who of [anonymous, a.headers]) {
      const list = ok(await app.gql(`query { forumEditions { id } }`, {}, who)).forumEditions as Json[];
      expect(list.map((x) => x.id)).not.toContain(e);
      expect(codeOf(await app.gql(`query($e: ID!) { forumEdition(id: $e) { id } }`, { e }, who))).toBe(
        'NOT_FOUND',
      );
      expect(codeOf(await app.gql(`query($e: ID!) { forumSlots(editionId: $e) { id } }`, { e }, who))).toBe(
        'NOT_FOUND',
      );
      expect(
        codeOf(await app.gql(`query($e: ID!) { forumSessions(editionId: $e) { id } }`, { e }, who)),
      ).toBe('NOT_FOUND');
    }
    for (const q of ['forumTables', 'forumGroups'])
      expect(codeOf(await app.gql(`query($e: ID!) { ${q}(editionId: $e) { id } }`, { e }, a.headers))).toBe(
        'NOT_FOUND',
      );
    expect(
      codeOf(
        await app.gql(`query($e: ID!) { forumGroupRules(editionId: $e) { groupId } }`, { e }, a.headers),
      ),
    ).toBe('NOT_FOUND');
    // Organisers see it all.
    const list = ok(await app.gql(`query { forumEditions { id } }`, {}, organiser.headers))
      .forumEditions as Json[];
    expect(list.map((x) => x.id)).toContain(e);
    expect(
      ok(await app.gql(`query($e: ID!) { forumGroups(editionId: $e) { code } }`, { e }, organiser.headers))
        .forumGroups,
    ).toEqual([{ code: 'GUESTS' }]);
  }, 60_000);

  it('lets members register delegates only in an open edition; organisers may prepare a draft', async () => {
    const { id: e } = await edition('DRAFT');
    const orgA = await organization('A');
    const a = await owner(orgA);
    const input = { editionId: e, organizationId: orgA, name: 'Early bird', email: 'early@example.org' };
    expect(codeOf(await register(a, input))).toBe('NOT_FOUND');
    expect(ok(await register(organiser, input)).registerDelegate.id).toBeTruthy();
  }, 60_000);

  it('shows an organisation’s review note to organisers only', async () => {
    const org = await organization('Rejected', {
      status: 'REJECTED',
      reviewNote: 'looks like a shell company',
    });
    const member = await owner(org);
    const Q = `query($id: ID!) { organization(id: $id) { id reviewNote } }`;
    expect(ok(await app.gql(Q, { id: org }, member.headers)).organization).toEqual({
      id: org,
      reviewNote: null,
    });
    expect(ok(await app.gql(Q, { id: org }, organiser.headers)).organization.reviewNote).toBe(
      'looks like a shell company',
    );
  });
});

describe('who a delegate is (item 9)', () => {
  const UPDATE = `mutation($input: UpdateDelegateInput!) { updateDelegate(input: $input) { id userId } }`;

  it('refuses a member’s link of a delegate to someone else’s account', async () => {
    const { id: e } = await edition();
    const [orgA, orgB] = [await organization('A'), await organization('B')];
    const a = await owner(orgA);
    const bob = await owner(orgB);
    const input = {
      editionId: e,
      organizationId: orgA,
      name: 'Bob?',
      email: 'x@a.example',
      userId: bob.userId,
    };
    expect(codeOf(await register(a, input))).toBe('FORBIDDEN');
    // The member's own account is theirs to link; changing it to Bob's later is refused as well.
    const mine = await delegate(a, e, orgA, { userId: a.userId });
    expect(mine.userId).toBe(a.userId);
    expect(
      codeOf(
        await app.gql(
          UPDATE,
          { input: { id: mine.id, organizationId: orgA, userId: bob.userId } },
          a.headers,
        ),
      ),
    ).toBe('FORBIDDEN');
  }, 60_000);

  it('lets no organisation block another’s registration by taking the person’s address first', async () => {
    const { id: e } = await edition();
    const [orgA, orgB] = [await organization('A'), await organization('B')];
    const a = await owner(orgA);
    const bob = await owner(orgB);
    ok(await register(a, { editionId: e, organizationId: orgA, name: 'Bob', email: bob.email }));
    const own = ok(
      await register(bob, {
        editionId: e,
        organizationId: orgB,
        name: 'Bob',
        email: bob.email,
        userId: bob.userId,
      }),
    ).registerDelegate;
    expect(own.userId).toBe(bob.userId);
  }, 60_000);

  it('links a delegate by a verified address only, and unlinks it when the address changes', async () => {
    const { id: e } = await edition();
    const orgA = await organization('A');
    const a = await owner(orgA);
    const verified = await signIn(app);
    const unverified = await signIn(app, { verified: false });
    const linked = ok(
      await register(a, { editionId: e, organizationId: orgA, name: 'V', email: verified.email }),
    ).registerDelegate;
    expect(linked.userId).toBe(verified.userId);
    const notYet = ok(
      await register(a, { editionId: e, organizationId: orgA, name: 'U', email: unverified.email }),
    ).registerDelegate;
    expect(notYet.userId).toBeNull();
    const moved = ok(
      await app.gql(
        UPDATE,
        { input: { id: linked.id, organizationId: orgA, email: 'someone@else.example' } },
        a.headers,
      ),
    ).updateDelegate;
    expect(moved.userId).toBeNull();
  }, 60_000);

  it('accepts source ORGANISER on a meeting request from organisers only', async () => {
    const { id: e } = await edition();
    const [orgA, orgB] = [await organization('A'), await organization('B')];
    const [a, b] = [await owner(orgA), await owner(orgB)];
    const dA = (await delegate(a, e, orgA)).id;
    const dB = (await delegate(b, e, orgB)).id;
    const REQUEST = `mutation($input: MeetingRequestInput!) { requestMeeting(input: $input) { id source } }`;
    const input = {
      editionId: e,
      organizationId: orgA,
      fromDelegateId: dA,
      toDelegateId: dB,
      source: 'ORGANISER',
    };
    expect(codeOf(await app.gql(REQUEST, { input }, a.headers))).toBe('FORBIDDEN');
    expect(ok(await app.gql(REQUEST, { input }, organiser.headers)).requestMeeting.source).toBe('ORGANISER');
  }, 60_000);
});

describe('calendar feed URLs (item 10)', () => {
  const FEED = `mutation($d: ID!) { agendaFeedUrl(delegateId: $d) { path } }`;
  const feed = async (by: TestUser, d: string) =>
    ok(await app.gql(FEED, { d }, by.headers)).agendaFeedUrl.path as string;

  it('stop working when their creator leaves the organisation', async () => {
    const { id: e } = await edition();
    const orgA = await organization('A');
    const a = await owner(orgA);
    const colleague = await signIn(app, { memberships: [{ organizationId: orgA, role: 'MEMBER' }] });
    const d = await delegate(a, e, orgA);
    const path = await feed(colleague, d.id);
    expect((await get(path)).status).toBe(200);
    ok(
      await app.gql(
        `mutation($o: ID!) { leaveOrganization(organizationId: $o) }`,
        { o: orgA },
        colleague.headers,
      ),
    );
    expect((await get(path)).status).toBe(404);
  }, 60_000);

  it('stop working when the delegate withdraws', async () => {
    const { id: e } = await edition();
    const orgA = await organization('A');
    const a = await owner(orgA);
    const d = await delegate(a, e, orgA);
    const path = await feed(a, d.id);
    expect((await get(path)).status).toBe(200);
    ok(
      await app.gql(
        `mutation($d: ID!, $o: ID) { withdrawDelegate(delegateId: $d, organizationId: $o) { status } }`,
        { d: d.id, o: orgA },
        a.headers,
      ),
    );
    expect((await get(path)).status).toBe(404);
  }, 60_000);

  it('stop working when the delegate’s email changes', async () => {
    const { id: e } = await edition();
    const orgA = await organization('A');
    const a = await owner(orgA);
    const d = await delegate(a, e, orgA);
    const path = await feed(a, d.id);
    expect((await get(path)).status).toBe(200);
    ok(
      await app.gql(
        `mutation($input: UpdateDelegateInput!) { updateDelegate(input: $input) { id } }`,
        { input: { id: d.id, organizationId: orgA, email: 'new-address@example.org' } },
        a.headers,
      ),
    );
    expect((await get(path)).status).toBe(404);
    // A new URL asked after the change works.
    expect((await get(await feed(a, d.id))).status).toBe(200);
  }, 60_000);

  it('can be rotated by the delegate themselves', async () => {
    const { id: e } = await edition();
    const orgA = await organization('A');
    const a = await owner(orgA);
    const guest = await signIn(app); // verified, not a member of A
    const d = await delegate(a, e, orgA, { email: guest.email });
    expect(d.userId).toBe(guest.userId);
    const outsider = await signIn(app);
    expect(codeOf(await app.gql(FEED, { d: d.id }, outsider.headers))).toBe('FORBIDDEN');

    const first = await feed(guest, d.id);
    expect((await get(first)).status).toBe(200);
    const second = await feed(guest, d.id);
    expect((await get(first)).status).toBe(404);
    expect((await get(second)).status).toBe(200);
  }, 60_000);

  it('can be rotated by a delegate whose account verified the address after the registration', async () => {
    const { id: e } = await edition();
    const orgA = await organization('A');
    const a = await owner(orgA);
    const late = await signIn(app, { verified: false });
    const d = await delegate(a, e, orgA, { email: late.email });
    expect(d.userId).toBeNull();
    expect(codeOf(await app.gql(FEED, { d: d.id }, late.headers))).toBe('FORBIDDEN');
    await app.db.query(`UPDATE user_account SET email_verified_at = now() WHERE id = $1`, [late.userId]);
    const path = await feed(late, d.id);
    expect((await get(path)).status).toBe(200);
  }, 60_000);
});
