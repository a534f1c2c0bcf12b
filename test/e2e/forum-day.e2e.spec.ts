import ICAL from 'ical.js';
import {
  bootTestApp,
  eventually,
  lastMail,
  insertOrganization,
  signInMember,
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
 * The forum day through the real api: agendas over HTTP (HTML, CSV) under the GraphQL access rules,
 * the private iCalendar feed read by a real parser before and after a cancellation and a move,
 * agenda change mails, check-in, outcomes, walk-ins, statistics and the privacy export.
 */

let app: TestApp;
let organiser: TestUser;

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.url}${path}`, { headers });

function events(ics: string) {
  return new ICAL.Component(ICAL.parse(ics) as unknown[]).getAllSubcomponents('vevent').map((v) => ({
    uid: String(v.getFirstPropertyValue('uid')),
    sequence: Number(v.getFirstPropertyValue('sequence')),
    status: String(v.getFirstPropertyValue('status')),
    tzid: v.getFirstProperty('dtstart')?.getParameter('tzid'),
    start: (v.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
  }));
}

beforeAll(async () => {
  app = await bootTestApp();
  organiser = await signIn(app, { roles: ['ORGANISER'] });
}, 120_000);
afterAll(() => app?.close());

it('serves agendas, a private calendar feed and the day’s operations', async () => {
  const editionId = ok(
    await app.gql(
      `mutation($input: CreateForumEditionInput!) { createForumEdition(input: $input) { id reminderMinutes } }`,
      {
        input: {
          name: { fr: 'Forum du jour', en: 'Day forum' },
          startsOn: '2030-05-10',
          endsOn: '2030-05-10',
          slotMinutes: 30,
          reminderMinutes: 10,
          sessions: [{ day: '2030-05-10', kind: 'MORNING', start: '09:00', end: '12:00' }],
        },
      },
      organiser.headers,
    ),
  ).createForumEdition.id as string;
  ok(
    await app.gql(
      `mutation($id: ID!) { setForumEditionStatus(id: $id, status: OPEN) { status } }`,
      { id: editionId },
      organiser.headers,
    ),
  );
  const tables = ok(
    await app.gql(
      `mutation($e: ID!, $t: [ForumTableInput!]!) { addForumTables(editionId: $e, tables: $t) { id label } }`,
      { e: editionId, t: [{ label: 'T1' }, { label: 'T2' }] },
      organiser.headers,
    ),
  ).addForumTables as Json[];
  const slots = ok(
    await app.gql(
      `query($e: ID!) { forumSlots(editionId: $e) { id isBreak startsAt } }`,
      { e: editionId },
      organiser.headers,
    ),
  ).forumSlots.filter((s: Json) => !s.isBreak) as Json[];

  const orgs = [
    await insertOrganization(app.db, { name: 'Alpha' }),
    await insertOrganization(app.db, { name: 'Beta', kind: 'LARGE_FIRM', country: 'TN' }),
    await insertOrganization(app.db, { name: 'Gamma' }),
  ];
  const members = await Promise.all(orgs.map((o) => signInMember(app, o)));
  const delegates: string[] = [];
  for (const [i, o] of orgs.entries())
    delegates.push(
      await registerDelegate(app, members[i].headers, {
        editionId,
        organizationId: o,
        name: `Delegate ${i}`,
        email: members[i].email,
        userId: members[i].userId,
      }),
    );
  const accepted = async (from: number, to: number) => {
    const r = await requestMeeting(app, members[from].headers, {
      editionId,
      organizationId: orgs[from],
      fromDelegateId: delegates[from],
      toDelegateId: delegates[to],
    });
    await acceptMeetingRequest(app, members[to].headers, r, orgs[to]);
    return r;
  };
  const BOOK = `mutation($r: ID!, $s: ID!) { bookMeeting(requestId: $r, slotId: $s) { id uid slotId } }`;
  const m1 = ok(
    await app.gql(BOOK, { r: await accepted(0, 1), s: slots[0].id }, organiser.headers),
  ).bookMeeting;
  const m2 = ok(
    await app.gql(BOOK, { r: await accepted(0, 2), s: slots[1].id }, organiser.headers),
  ).bookMeeting;

  // Printable agendas need a signed-in caller allowed by the same rules as the GraphQL agendas.
  const html = `/forum/agendas/delegates/${delegates[0]}.html?lang=fr`;
  expect((await get(html)).status).toBe(401);
  expect((await get(html, members[1].headers)).status).toBe(403);
  const page = await get(html, members[0].headers);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const body = await page.text();
  expect(body).toContain('Beta');
  expect(body).toContain('Gamma');
  const csv = await get(
    `/forum/agendas/editions/${editionId}/organizations/${orgs[1]}.csv`,
    members[1].headers,
  );
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
  expect(csv.headers.get('content-disposition')).toMatch(/^attachment;/);
  expect((await csv.text()).split('\r\n').filter(Boolean)).toHaveLength(2);
  const tablePath = `/forum/agendas/editions/${editionId}/tables/${tables[0].id}.html`;
  expect((await get(tablePath, members[0].headers)).status).toBe(403);
  expect((await get(tablePath, organiser.headers)).status).toBe(200);
  expect((await get(`${html}&view=DRAFT`, members[0].headers)).status).toBe(403);

  // The feed URL is for the delegate's organisation; the URL alone opens the feed.
  const FEED = `mutation($d: ID!) { agendaFeedUrl(delegateId: $d) { url path } }`;
  expect(codeOf(await app.gql(FEED, { d: delegates[0] }, members[1].headers))).toBe('FORBIDDEN');
  const feed = ok(await app.gql(FEED, { d: delegates[0] }, members[0].headers)).agendaFeedUrl;
  expect(feed.url.endsWith(feed.path)).toBe(true);
  const first = await get(feed.path);
  expect(first.status).toBe(200);
  expect(first.headers.get('content-type')).toMatch(/^text\/calendar/);
  const before = events(await first.text());
  expect(before.map((e) => e.uid).sort()).toEqual([m1.uid, m2.uid].sort());
  expect(
    before.every((e) => e.sequence === 0 && e.status === 'CONFIRMED' && e.tzid === 'Africa/Algiers'),
  ).toBe(true);

  // The organiser cancels one meeting and moves the other, then republishes.
  ok(
    await app.gql(
      `mutation($m: ID!) { cancelMeeting(meetingId: $m) { status } }`,
      { m: m1.id },
      organiser.headers,
    ),
  );
  ok(
    await app.gql(
      `mutation($m: ID!, $s: ID!) { moveMeeting(meetingId: $m, slotId: $s) { slotId } }`,
      { m: m2.id, s: slots[4].id },
      organiser.headers,
    ),
  );
  ok(
    await app.gql(
      `mutation($e: ID!) { publishSchedule(editionId: $e) { changedMeetings } }`,
      { e: editionId },
      organiser.headers,
    ),
  );
  const after = events(await (await get(feed.path)).text());
  const byUid = new Map(after.map((e) => [e.uid, e]));
  expect(byUid.get(m1.uid)).toMatchObject({ status: 'CANCELLED', sequence: 1 });
  expect(byUid.get(m2.uid)).toMatchObject({
    status: 'CONFIRMED',
    sequence: 1,
    start: new Date(slots[4].startsAt).toISOString(),
  });
  expect(after).toHaveLength(2);
  expect(await lastMail(app, members[0].email, 'agenda-changed')).not.toBeNull();
  const { rows: pending } = await app.db.query(
    `SELECT 1 FROM forum_agenda_change WHERE edition_id = $1 AND notified_at IS NULL`,
    [editionId],
  );
  expect(pending).toEqual([]);
  // Rotating the URL closes the old one.
  const rotated = ok(await app.gql(FEED, { d: delegates[0] }, members[0].headers)).agendaFeedUrl;
  expect((await get(feed.path)).status).toBe(404);
  expect((await get(rotated.path)).status).toBe(200);

  // Check-in is for organisers and floor staff.
  const CHECK_IN = `mutation($d: ID!) { checkIn(delegateId: $d) { checkedInAt } }`;
  expect(codeOf(await app.gql(CHECK_IN, { d: delegates[1] }, members[1].headers))).toBe('FORBIDDEN');
  expect(
    ok(await app.gql(CHECK_IN, { d: delegates[1] }, organiser.headers)).checkIn.checkedInAt,
  ).toBeTruthy();

  // Walk-in: Beta proposes a free slot to Gamma, Gamma books it back.
  const free = ok(
    await app.gql(
      `query($e: ID!, $a: ID!, $b: ID!) { freeSlots(editionId: $e, delegateId: $a, withDelegateId: $b) { slotId freeTables } }`,
      { e: editionId, a: delegates[1], b: delegates[2] },
      members[1].headers,
    ),
  ).freeSlots as Json[];
  expect(free.length).toBeGreaterThan(0);
  const WALK_IN = `mutation($input: WalkInInput!) { bookWalkIn(input: $input) { request { id status source } meeting { id slotId } } }`;
  const proposed = ok(
    await app.gql(
      WALK_IN,
      {
        input: {
          editionId,
          organizationId: orgs[1],
          fromDelegateId: delegates[1],
          toDelegateId: delegates[2],
          slotId: free[0].slotId,
        },
      },
      members[1].headers,
    ),
  ).bookWalkIn;
  expect(proposed).toMatchObject({ request: { status: 'PENDING', source: 'WALK_IN' }, meeting: null });
  const walkIn = ok(
    await app.gql(
      WALK_IN,
      {
        input: {
          editionId,
          organizationId: orgs[2],
          fromDelegateId: delegates[2],
          toDelegateId: delegates[1],
          slotId: free[0].slotId,
        },
      },
      members[2].headers,
    ),
  ).bookWalkIn;
  expect(walkIn.meeting).toMatchObject({ slotId: free[0].slotId });

  // Outcomes once the moved meeting has started, from Gamma's side.
  await app.db.query(
    `UPDATE forum_slot SET starts_at = now() - interval '40 minutes', ends_at = now() - interval '10 minutes' WHERE id = $1`,
    [slots[4].id],
  );
  const OUTCOME = `mutation($m: ID!, $o: ID, $x: MeetingOutcome!) { reportMeetingOutcome(meetingId: $m, organizationId: $o, outcome: $x, note: "quote next week") { delegateId outcome } }`;
  expect(codeOf(await app.gql(OUTCOME, { m: m2.id, o: orgs[1], x: 'HELD' }, members[1].headers))).toBe(
    'FORBIDDEN',
  );
  const reported = ok(
    await app.gql(OUTCOME, { m: m2.id, o: orgs[2], x: 'FOLLOW_UP_PLANNED' }, members[2].headers),
  ).reportMeetingOutcome;
  // Only the reporting side comes back: the other side's outcome and note are theirs.
  expect(reported).toEqual([{ delegateId: delegates[2], outcome: 'FOLLOW_UP_PLANNED' }]);

  // Organiser statistics, as GraphQL and as CSV.
  const STATS = `query($e: ID!) { forumStatistics(editionId: $e) { totals { delegates requestsSent accepted meetingsScheduled meetingsHeld followUpsPlanned }
    tableUtilisation { usedSlotTables availableSlotTables } byCountry { key delegates } } }`;
  expect(codeOf(await app.gql(STATS, { e: editionId }, members[0].headers))).toBe('FORBIDDEN');
  const stats = ok(await app.gql(STATS, { e: editionId }, organiser.headers)).forumStatistics;
  expect(stats.totals).toEqual({
    delegates: 3,
    requestsSent: 3,
    accepted: 3,
    meetingsScheduled: 2,
    meetingsHeld: 1,
    followUpsPlanned: 1,
  });
  expect(stats.tableUtilisation).toEqual({ usedSlotTables: 2, availableSlotTables: 12 });
  expect(stats.byCountry).toEqual([
    { key: 'DZ', delegates: 2 },
    { key: 'TN', delegates: 1 },
  ]);
  const statsCsv = await get(`/forum/editions/${editionId}/statistics.csv`, organiser.headers);
  expect(statsCsv.status).toBe(200);
  expect(statsCsv.headers.get('content-disposition')).toMatch(/^attachment;/);
  expect(await statsCsv.text()).toContain('"total","all","3"');
  expect((await get(`/forum/editions/${editionId}/statistics.csv`, members[0].headers)).status).toBe(403);

  // Every change above left its trace in the audit log.
  const { rows: actions } = await app.db.query<{ action: string }>(
    `SELECT DISTINCT action FROM audit_log WHERE action LIKE 'forum_%'`,
  );
  expect(actions.map((a) => a.action)).toEqual(
    expect.arrayContaining([
      'forum_edition.create',
      'forum_edition.status',
      'forum_table.create',
      'forum_delegate.register',
      'forum_meeting.book',
      'forum_meeting.cancel',
      'forum_meeting.move',
      'forum_edition.publish',
      'forum_delegate.check_in',
      'forum_meeting.outcome',
      'forum_agenda_feed.rotate',
    ]),
  );

  // The privacy export lists the person's registrations.
  const exported = JSON.parse(
    ok(await app.gql(`query { exportMyData }`, {}, members[0].headers)).exportMyData,
  );
  expect(exported.forumRegistrations).toEqual([
    expect.objectContaining({ name: 'Delegate 0', edition_id: editionId }),
  ]);

  // The worker's minute job reminds both sides of the walk-in starting in 5 minutes (lead time 10), once.
  await app.db.query(
    `UPDATE forum_slot SET starts_at = now() + interval '5 minutes', ends_at = now() + interval '35 minutes' WHERE id = $1`,
    [free[0].slotId],
  );
  await app.startWorker();
  const reminder = await eventually(() => lastMail(app, members[2].email, 'meeting-reminder'), 90_000);
  expect(reminder.body).toContain('Delegate 1');
  await eventually(() => lastMail(app, members[1].email, 'meeting-reminder'), 30_000);
  const { rows: sent } = await app.db.query(
    `SELECT delegate_id FROM forum_meeting_reminder WHERE meeting_id = $1 ORDER BY delegate_id`,
    [walkIn.meeting.id],
  );
  expect(sent).toHaveLength(2);
}, 180_000);
