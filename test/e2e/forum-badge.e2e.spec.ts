import { createHmac } from 'node:crypto';
import {
  addMembership,
  bootTestApp,
  insertOrganization,
  openForumEdition,
  registerDelegate,
  signIn,
  type TestApp,
  type TestUser,
  ok,
  codeOf,
  type Json,
} from '#testing';

/*
 * Badges through the real api: the delegate's organisation gets a signed code (never the bare id),
 * the venue desk reads it back, a forged or altered code is refused with INVALID_TOKEN, outsiders get
 * nothing, and the delegates list tells each delegate's unavailable slots.
 */

let app: TestApp;
let organiser: TestUser;
let owner: TestUser;
let stranger: TestUser;
let organizationId: string;
let delegateId: string;
let slotIds: string[];

const BADGE = `query($d: ID!) { delegateBadge(delegateId: $d) { code delegateId editionId delegateName organizationId organizationName { fr } status } }`;
const READ = `query($c: String!) { forumBadge(code: $c) { delegateId delegateName status checkedInAt } }`;

beforeAll(async () => {
  app = await bootTestApp();
  organiser = await signIn(app, { roles: ['ORGANISER'] });
  owner = await signIn(app);
  stranger = await signIn(app);
  organizationId = await insertOrganization(app.db, { name: 'Atelier Badge' });
  await addMembership(app, owner.userId, organizationId);
  const editionId = await openForumEdition(app, organiser.headers, {
    name: { fr: 'Forum des badges' },
    startsOn: '2031-03-04',
    endsOn: '2031-03-04',
    sessions: [{ day: '2031-03-04', kind: 'MORNING', start: '09:00', end: '10:30' }],
  });
  slotIds = ok(
    await app.gql(`query($e: ID!) { forumSlots(editionId: $e) { id } }`, { e: editionId }, owner.headers),
  ).forumSlots.map((s: Json) => s.id);
  delegateId = await registerDelegate(app, owner.headers, {
    editionId,
    organizationId,
    name: 'Samia Badge',
    email: 'samia.badge@example.test',
    unavailableSlotIds: [slotIds[1]],
  });
}, 120_000);
afterAll(() => app?.close());

it('issues a signed badge code to the organisation and reads it back at the venue desk', async () => {
  const badge = ok(await app.gql(BADGE, { d: delegateId }, owner.headers)).delegateBadge;
  expect(badge).toMatchObject({
    delegateId,
    delegateName: 'Samia Badge',
    organizationId,
    organizationName: { fr: 'Atelier Badge' },
    status: 'REGISTERED',
  });
  expect(badge.code).toMatch(/^TB1\.[0-9a-f]{32}\.[A-Za-z0-9_-]{22}$/);
  expect(badge.code).not.toContain(delegateId);
  // Issued again, the same code: a printed badge and the phone's stay interchangeable.
  expect(ok(await app.gql(BADGE, { d: delegateId }, owner.headers)).delegateBadge.code).toBe(badge.code);

  const read = ok(await app.gql(READ, { c: badge.code }, organiser.headers)).forumBadge;
  expect(read).toEqual({ delegateId, delegateName: 'Samia Badge', status: 'REGISTERED', checkedInAt: null });
});

it('refuses forged codes and outsiders', async () => {
  const { code } = ok(await app.gql(BADGE, { d: delegateId }, owner.headers)).delegateBadge;
  const hex = delegateId.replace(/-/g, '');
  const forged = `TB1.${hex}.${createHmac('sha256', 'a-guessed-key').update(`TB1.${hex}`).digest().subarray(0, 16).toString('base64url')}`;
  for (const bad of [forged, delegateId, `${code.slice(0, -2)}AA`, 'TB1.x.y'])
    expect(codeOf(await app.gql(READ, { c: bad }, organiser.headers))).toBe('INVALID_TOKEN');
  expect(codeOf(await app.gql(READ, { c: code }, owner.headers))).toBe('FORBIDDEN');
  expect(codeOf(await app.gql(BADGE, { d: delegateId }, stranger.headers))).toBe('FORBIDDEN');
  expect(codeOf(await app.gql(BADGE, { d: delegateId }))).toBe('UNAUTHENTICATED');
});

it('lists each delegate with its unavailable slots', async () => {
  const delegates = ok(
    await app.gql(
      `query($e: ID!, $o: ID!) { forumDelegates(editionId: $e, organizationId: $o) { nodes { id unavailableSlotIds } } }`,
      {
        e: ok(await app.gql(BADGE, { d: delegateId }, owner.headers)).delegateBadge.editionId,
        o: organizationId,
      },
      owner.headers,
    ),
  ).forumDelegates.nodes;
  expect(delegates).toEqual([{ id: delegateId, unavailableSlotIds: [slotIds[1]] }]);
});
