import { createHmac } from 'node:crypto';
import {
  bootTestApp,
  openForumEdition,
  insertOrganization,
  signInMember,
  registerDelegate,
  signIn,
  ok,
  type GqlResponse,
  type Json,
  type TestApp,
  type TestUser,
} from '#testing';

/*
 * The organisers' printing and venue desk through the real api: every badge of an edition, paged;
 * checking a delegate in from a scanned badge (idempotent, audited once, with a clear code for a
 * forged code, a badge of another edition, a withdrawn delegate and an edition that is over); and
 * marking a no-show on a meeting that has started. Members and anonymous callers are refused, and
 * refusals write nothing.
 */

let app: TestApp;
let organiser: TestUser;
let ownerA: TestUser;
let ownerB: TestUser;
let orgA: string;
let orgB: string;
let editionId: string;
let otherEditionId: string;
let slotIds: string[];
let withdrawnCode: string;
const d = {} as Record<'a' | 'b' | 'withdrawn' | 'elsewhere', string>;

const errorOf = (res: GqlResponse) => ({
  code: res.errors?.[0]?.extensions?.code,
  reason: res.errors?.[0]?.extensions?.reason,
});

const BADGES = `query($e: ID!, $a: String, $l: Int) { editionBadges(editionId: $e, after: $a, limit: $l) {
  total endCursor hasNextPage badges { code delegateId delegateName organizationName { fr } organizationCountry } } }`;
const CHECK_IN = `mutation($e: ID!, $c: String!) { checkInBadge(editionId: $e, code: $c) {
  alreadyCheckedIn badge { delegateId delegateName checkedInAt } } }`;
const NO_SHOW = `mutation($m: ID!, $d: ID!) { markNoShow(meetingId: $m, absentDelegateId: $d) { delegateId outcome } }`;
const BADGE = `query($d: ID!) { delegateBadge(delegateId: $d) { code } }`;

const register = (editionId: string, organizationId: string, name: string, owner: TestUser) =>
  registerDelegate(app, owner.headers, {
    editionId,
    organizationId,
    name,
    email: `${name.replace(/ /g, '.')}@example.test`,
  });

const badgeCode = async (delegateId: string) =>
  ok(await app.gql(BADGE, { d: delegateId }, organiser.headers)).delegateBadge.code as string;
const auditCount = async (action: string, entityId: string) =>
  (
    await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND entity_id = $2`,
      [action, entityId],
    )
  ).rows[0].n;

beforeAll(async () => {
  app = await bootTestApp();
  organiser = await signIn(app, { roles: ['ORGANISER'] });
  orgA = await insertOrganization(app.db, { name: 'Atelier Desk', country: 'DZ' });
  orgB = await insertOrganization(app.db, { name: 'Fonderie Desk', country: 'TN' });
  ownerA = await signInMember(app, orgA);
  ownerB = await signInMember(app, orgB);
  const edition = (name: string) =>
    openForumEdition(app, organiser.headers, {
      name: { fr: name },
      startsOn: '2031-06-10',
      endsOn: '2031-06-10',
      sessions: [{ day: '2031-06-10', kind: 'MORNING', start: '09:00', end: '11:00' }],
    });
  editionId = await edition('Forum du guichet');
  otherEditionId = await edition('Autre forum');
  ok(
    await app.gql(
      `mutation($e: ID!, $t: [ForumTableInput!]!) { addForumTables(editionId: $e, tables: $t) { id } }`,
      { e: editionId, t: [{ label: 'T1' }, { label: 'T2' }] },
      organiser.headers,
    ),
  );
  slotIds = ok(
    await app.gql(`query($e: ID!) { forumSlots(editionId: $e) { id } }`, { e: editionId }, organiser.headers),
  ).forumSlots.map((s: Json) => s.id);
  d.b = await register(editionId, orgB, 'Zineb Bennani', ownerB);
  d.a = await register(editionId, orgA, 'Amine Aouadi', ownerA);
  d.withdrawn = await register(editionId, orgA, 'Walid Retire', ownerA);
  d.elsewhere = await register(otherEditionId, orgA, 'Amine Ailleurs', ownerA);
  withdrawnCode = await badgeCode(d.withdrawn);
  ok(
    await app.gql(
      `mutation($d: ID!, $o: ID) { withdrawDelegate(delegateId: $d, organizationId: $o) { status } }`,
      { d: d.withdrawn, o: orgA },
      ownerA.headers,
    ),
  );
}, 120_000);
afterAll(() => app?.close());

it('lists the badges of the registered delegates, by name, page by page, to organisers only', async () => {
  const all = ok(await app.gql(BADGES, { e: editionId }, organiser.headers)).editionBadges;
  expect(all.total).toBe(2);
  expect(all.badges).toEqual([
    {
      code: await badgeCode(d.a),
      delegateId: d.a,
      delegateName: 'Amine Aouadi',
      organizationName: { fr: 'Atelier Desk' },
      organizationCountry: 'DZ',
    },
    {
      code: await badgeCode(d.b),
      delegateId: d.b,
      delegateName: 'Zineb Bennani',
      organizationName: { fr: 'Fonderie Desk' },
      organizationCountry: 'TN',
    },
  ]);
  expect(all.hasNextPage).toBe(false);
  // Page after page of one: each starts after the last badge of the one before, then none follow.
  const first = ok(await app.gql(BADGES, { e: editionId, l: 1 }, organiser.headers)).editionBadges;
  expect(first).toMatchObject({ total: 2, hasNextPage: true, badges: [{ delegateId: d.a }] });
  const second = ok(
    await app.gql(BADGES, { e: editionId, a: first.endCursor, l: 1 }, organiser.headers),
  ).editionBadges;
  expect(second).toMatchObject({ total: 2, hasNextPage: false, badges: [{ delegateId: d.b }] });
  const past = ok(
    await app.gql(BADGES, { e: editionId, a: second.endCursor, l: 1 }, organiser.headers),
  ).editionBadges;
  expect(past).toMatchObject({ total: 2, hasNextPage: false, endCursor: null, badges: [] });
  for (const l of [0, 501])
    expect(errorOf(await app.gql(BADGES, { e: editionId, l }, organiser.headers)).code).toBe(
      'BAD_USER_INPUT',
    );
  for (const a of ['', '1', 'b1.bm90IGpzb24'])
    expect(errorOf(await app.gql(BADGES, { e: editionId, a }, organiser.headers)).code).toBe(
      'BAD_USER_INPUT',
    );
  expect(errorOf(await app.gql(BADGES, { e: editionId }, ownerA.headers)).code).toBe('FORBIDDEN');
  expect(errorOf(await app.gql(BADGES, { e: editionId })).code).toBe('UNAUTHENTICATED');
  expect(
    errorOf(await app.gql(BADGES, { e: '00000000-0000-4000-8000-000000000000' }, organiser.headers)).code,
  ).toBe('NOT_FOUND');
});

it('checks a delegate in from the badge once, and says so the second time', async () => {
  const code = await badgeCode(d.a);
  const first = ok(await app.gql(CHECK_IN, { e: editionId, c: code }, organiser.headers)).checkInBadge;
  expect(first).toMatchObject({
    alreadyCheckedIn: false,
    badge: { delegateId: d.a, delegateName: 'Amine Aouadi' },
  });
  expect(first.badge.checkedInAt).not.toBeNull();
  const again = ok(
    await app.gql(CHECK_IN, { e: editionId, c: `  ${code}\n` }, organiser.headers),
  ).checkInBadge;
  expect(again).toEqual({ alreadyCheckedIn: true, badge: first.badge });
  const { rows } = await app.db.query<{ checked_in_at: Date }>(
    `SELECT checked_in_at FROM forum_delegate WHERE id = $1`,
    [d.a],
  );
  expect(rows[0].checked_in_at.toISOString()).toBe(first.badge.checkedInAt);
  expect(await auditCount('forum_delegate.check_in', d.a)).toBe(1);
});

it('refuses forged, foreign, withdrawn and expired badges and outsiders, writing nothing', async () => {
  const hex = d.b.replace(/-/g, '');
  const forged = `TB1.${hex}.${createHmac('sha256', 'a-guessed-key').update(`TB1.${hex}`).digest().subarray(0, 16).toString('base64url')}`;
  for (const bad of [forged, d.b, 'TB1.x.y', ''])
    expect(errorOf(await app.gql(CHECK_IN, { e: editionId, c: bad }, organiser.headers))).toEqual({
      code: 'INVALID_TOKEN',
      reason: undefined,
    });
  expect(
    errorOf(await app.gql(CHECK_IN, { e: editionId, c: await badgeCode(d.elsewhere) }, organiser.headers)),
  ).toEqual({ code: 'CONFLICT', reason: 'OTHER_EDITION' });
  expect(errorOf(await app.gql(CHECK_IN, { e: editionId, c: withdrawnCode }, organiser.headers))).toEqual({
    code: 'CONFLICT',
    reason: 'WITHDRAWN',
  });
  expect(
    errorOf(await app.gql(CHECK_IN, { e: editionId, c: await badgeCode(d.b) }, ownerB.headers)).code,
  ).toBe('FORBIDDEN');
  expect(errorOf(await app.gql(CHECK_IN, { e: editionId, c: await badgeCode(d.b) })).code).toBe(
    'UNAUTHENTICATED',
  );
  // The other edition is over: its badges no longer check anyone in.
  await app.db.query(
    `UPDATE forum_edition SET starts_on = '2020-01-10', ends_on = '2020-01-10' WHERE id = $1`,
    [otherEditionId],
  );
  expect(
    errorOf(
      await app.gql(CHECK_IN, { e: otherEditionId, c: await badgeCode(d.elsewhere) }, organiser.headers),
    ),
  ).toEqual({ code: 'CONFLICT', reason: 'EXPIRED' });
  const { rows } = await app.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM forum_delegate WHERE id = ANY($1::uuid[]) AND checked_in_at IS NOT NULL`,
    [[d.b, d.elsewhere, d.withdrawn]],
  );
  expect(rows[0].n).toBe(0);
});

it('marks who did not come to a started meeting, once, from the side that came', async () => {
  const free = ok(
    await app.gql(
      `query($e: ID!, $a: ID!, $b: ID!) { freeSlots(editionId: $e, delegateId: $a, withDelegateId: $b) { slotId } }`,
      { e: editionId, a: d.a, b: d.b },
      organiser.headers,
    ),
  ).freeSlots as Json[];
  const slotId = free[0].slotId as string;
  expect(slotIds).toContain(slotId);
  const meeting = ok(
    await app.gql(
      `mutation($input: WalkInInput!) { bookWalkIn(input: $input) { meeting { id } } }`,
      { input: { editionId, fromDelegateId: d.a, toDelegateId: d.b, slotId } },
      organiser.headers,
    ),
  ).bookWalkIn.meeting.id as string;
  expect(errorOf(await app.gql(NO_SHOW, { m: meeting, d: d.b }, organiser.headers))).toEqual({
    code: 'CONFLICT',
    reason: 'NOT_STARTED',
  });
  await app.db.query(
    `UPDATE forum_slot SET starts_at = now() - interval '10 minutes', ends_at = now() + interval '20 minutes' WHERE id = $1`,
    [slotId],
  );
  expect(errorOf(await app.gql(NO_SHOW, { m: meeting, d: d.b }, ownerA.headers)).code).toBe('FORBIDDEN');
  expect(errorOf(await app.gql(NO_SHOW, { m: meeting, d: d.elsewhere }, organiser.headers)).code).toBe(
    'BAD_USER_INPUT',
  );
  expect(
    errorOf(await app.gql(NO_SHOW, { m: '00000000-0000-4000-8000-000000000000', d: d.b }, organiser.headers))
      .code,
  ).toBe('NOT_FOUND');
  const marked = ok(await app.gql(NO_SHOW, { m: meeting, d: d.b }, organiser.headers)).markNoShow;
  expect(marked).toEqual([{ delegateId: d.a, outcome: 'NO_SHOW' }]);
  expect(ok(await app.gql(NO_SHOW, { m: meeting, d: d.b }, organiser.headers)).markNoShow).toEqual(marked);
  const { rows } = await app.db.query<{ delegate_id: string; outcome: string | null }>(
    `SELECT delegate_id, outcome FROM forum_meeting_participant WHERE meeting_id = $1 ORDER BY outcome NULLS LAST`,
    [meeting],
  );
  expect(rows).toEqual([
    { delegate_id: d.a, outcome: 'NO_SHOW' },
    { delegate_id: d.b, outcome: null },
  ]);
  expect(await auditCount('forum_meeting.outcome', meeting)).toBe(1);
});
