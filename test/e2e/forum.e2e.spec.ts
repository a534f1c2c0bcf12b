import {
  bootTestApp,
  eventually,
  insertOrganization,
  signInMember,
  registerDelegate,
  signIn,
  type TestApp,
  type TestUser,
  ok,
  codeOf,
  type Json,
} from '#testing';

/*
 * The forum through the real api and worker processes: an organiser sets up an edition, members
 * register delegates and agree on meetings, the worker's scheduler job places them, the organiser
 * publishes and each side reads its agenda. Access rules are checked on the way.
 */

let app: TestApp;
let organiser: TestUser;

beforeAll(async () => {
  app = await bootTestApp({ worker: true });
  organiser = await signIn(app, { roles: ['ORGANISER'] });
}, 120_000);
afterAll(() => app?.close());

it('runs an edition from set-up to published agendas, with the scheduler job in the worker', async () => {
  const created = ok(
    await app.gql(
      `mutation($input: CreateForumEditionInput!) { createForumEdition(input: $input) { id timezone status } }`,
      {
        input: {
          name: { fr: '5e Forum arabe des PMI', en: '5th Arab SMI forum' },
          startsOn: '2026-03-14',
          endsOn: '2026-03-15',
          slotMinutes: 30,
          maxMeetingsPerDelegate: 12,
          sessions: [
            {
              day: '2026-03-14',
              kind: 'MORNING',
              start: '09:00',
              end: '11:15',
              breaks: [{ start: '10:00', end: '10:15' }],
            },
            { day: '2026-03-14', kind: 'AFTERNOON', start: '14:00', end: '16:00' },
          ],
        },
      },
      organiser.headers,
    ),
  ).createForumEdition;
  expect(created).toMatchObject({ timezone: 'Africa/Algiers', status: 'DRAFT' });
  const editionId = created.id as string;
  ok(
    await app.gql(
      `mutation($id: ID!) { setForumEditionStatus(id: $id, status: OPEN) { status } }`,
      { id: editionId },
      organiser.headers,
    ),
  );
  ok(
    await app.gql(
      `mutation($e: ID!, $t: [ForumTableInput!]!) { addForumTables(editionId: $e, tables: $t) { id label } }`,
      { e: editionId, t: [{ label: 'T1' }, { label: 'T2', interpreter: true, languages: ['ar', 'en'] }] },
      organiser.headers,
    ),
  );

  const orgs = [
    await insertOrganization(app.db, { name: 'Alpha' }),
    await insertOrganization(app.db, { name: 'Beta' }),
    await insertOrganization(app.db, { name: 'Gamma', kind: 'LARGE_FIRM' }),
  ];
  const members = await Promise.all(orgs.map((o) => signInMember(app, o)));
  // A member cannot manage the edition, nor register delegates for another organisation.
  expect(
    codeOf(
      await app.gql(
        `mutation($id: ID!) { setForumEditionStatus(id: $id, status: CLOSED) { status } }`,
        { id: editionId },
        members[0].headers,
      ),
    ),
  ).toBe('FORBIDDEN');
  const REGISTER = `mutation($input: RegisterDelegateInput!) { registerDelegate(input: $input) { id organizationId } }`;
  expect(
    codeOf(
      await app.gql(
        REGISTER,
        { input: { editionId, organizationId: orgs[1], name: 'X', email: 'x@example.org' } },
        members[0].headers,
      ),
    ),
  ).toBe('FORBIDDEN');
  const delegates: string[] = [];
  for (const [i, o] of orgs.entries())
    delegates.push(
      await registerDelegate(app, members[i].headers, {
        editionId,
        organizationId: o,
        name: `Delegate ${i}`,
        email: `d${i}@example.org`,
        goals: ['FIND_CLIENTS'],
      }),
    );

  // Alpha asks Beta's delegate and Gamma (the organisation); both accept.
  const REQUEST = `mutation($input: MeetingRequestInput!) { requestMeeting(input: $input) { id status toDelegateId } }`;
  const r1 = ok(
    await app.gql(
      REQUEST,
      {
        input: {
          editionId,
          organizationId: orgs[0],
          fromDelegateId: delegates[0],
          toDelegateId: delegates[1],
          priority: 3,
        },
      },
      members[0].headers,
    ),
  ).requestMeeting;
  const r2 = ok(
    await app.gql(
      REQUEST,
      {
        input: {
          editionId,
          organizationId: orgs[0],
          fromDelegateId: delegates[0],
          toOrganizationId: orgs[2],
          session: 'AFTERNOON',
        },
      },
      members[0].headers,
    ),
  ).requestMeeting;
  expect(r2).toMatchObject({ status: 'PENDING', toDelegateId: null });
  const ACCEPT = `mutation($r: ID!, $o: ID) { acceptMeetingRequest(requestId: $r, organizationId: $o) { id status toDelegateId } }`;
  // Only the receiving side may accept.
  expect(codeOf(await app.gql(ACCEPT, { r: r1.id, o: orgs[0] }, members[0].headers))).toBe('FORBIDDEN');
  expect(codeOf(await app.gql(ACCEPT, { r: r1.id, o: orgs[1] }, members[0].headers))).toBe('FORBIDDEN');
  ok(await app.gql(ACCEPT, { r: r1.id, o: orgs[1] }, members[1].headers));
  expect(
    ok(await app.gql(ACCEPT, { r: r2.id, o: orgs[2] }, members[2].headers)).acceptMeetingRequest,
  ).toMatchObject({
    status: 'ACCEPTED',
    toDelegateId: delegates[2],
  });
  const { rows: grants } = await app.db.query(`SELECT source FROM contact_grant`);
  expect(grants).toEqual([{ source: 'MEETING_REQUEST' }, { source: 'MEETING_REQUEST' }]);

  // The organiser asks the worker for a schedule and follows the job.
  expect(
    codeOf(
      await app.gql(
        `mutation($e: ID!) { scheduleEdition(editionId: $e) { id } }`,
        { e: editionId },
        members[0].headers,
      ),
    ),
  ).toBe('FORBIDDEN');
  const job = ok(
    await app.gql(
      `mutation($e: ID!) { scheduleEdition(editionId: $e, timeLimitSeconds: 5) { id state } }`,
      { e: editionId },
      organiser.headers,
    ),
  ).scheduleEdition;
  const run = await eventually(async () => {
    const r = ok(
      await app.gql(
        `query($j: ID!) { scheduleRun(jobId: $j) { state result progress reason summary { requests scheduled totalBreaks unscheduled { requestId reason } } } }`,
        { j: job.id },
        organiser.headers,
      ),
    ).scheduleRun;
    return r.state === 'DONE' || r.state === 'FAILED' ? r : null;
  }, 60_000);
  expect(run).toMatchObject({
    state: 'DONE',
    result: 'OPTIMAL',
    progress: 1,
    summary: { requests: 2, scheduled: 2, totalBreaks: 0 },
  });

  const AGENDA = `query($d: ID!, $o: ID, $v: AgendaView) { delegateAgenda(delegateId: $d, organizationId: $o, view: $v) {
    meetingId uid sequence status start end timezone tableLabel counterpartDelegateName counterpartOrganizationName } }`;
  // Nothing is visible to delegates before publication; the draft is for organisers only.
  expect(
    ok(await app.gql(AGENDA, { d: delegates[0], o: orgs[0] }, members[0].headers)).delegateAgenda,
  ).toEqual([]);
  expect(codeOf(await app.gql(AGENDA, { d: delegates[0], o: orgs[0], v: 'DRAFT' }, members[0].headers))).toBe(
    'FORBIDDEN',
  );
  expect(
    ok(await app.gql(AGENDA, { d: delegates[0], v: 'DRAFT' }, organiser.headers)).delegateAgenda,
  ).toHaveLength(2);

  const published = ok(
    await app.gql(
      `mutation($e: ID!) { publishSchedule(editionId: $e) { publishedVersion changedMeetings changedDelegates } }`,
      { e: editionId },
      organiser.headers,
    ),
  ).publishSchedule;
  expect(published).toMatchObject({ publishedVersion: 1, changedMeetings: 2 });
  expect([...published.changedDelegates].sort()).toEqual([...delegates].sort());

  const alpha = ok(await app.gql(AGENDA, { d: delegates[0], o: orgs[0] }, members[0].headers)).delegateAgenda;
  expect(alpha).toHaveLength(2);
  expect(alpha.map((m: Json) => m.counterpartOrganizationName)).toEqual(
    expect.arrayContaining(['Beta', 'Gamma']),
  );
  const gammaMeeting = alpha.find((m: Json) => m.counterpartOrganizationName === 'Gamma');
  // The afternoon-only request sits in the afternoon (14:00 local = 13:00 UTC or later).
  expect(new Date(gammaMeeting.start).getUTCHours()).toBeGreaterThanOrEqual(13);
  expect(alpha[0]).toMatchObject({ status: 'PUBLISHED', sequence: 0, timezone: 'Africa/Algiers' });
  // Another organisation's member cannot read Alpha's delegate agenda.
  expect(codeOf(await app.gql(AGENDA, { d: delegates[0], o: orgs[1] }, members[1].headers))).toBe(
    'FORBIDDEN',
  );
  expect(codeOf(await app.gql(AGENDA, { d: delegates[0], o: orgs[0] }, members[1].headers))).toBe(
    'FORBIDDEN',
  );
  const beta = ok(
    await app.gql(
      `query($e: ID!, $o: ID!) { organizationAgenda(editionId: $e, organizationId: $o) { delegateName counterpartDelegateName } }`,
      { e: editionId, o: orgs[1] },
      members[1].headers,
    ),
  ).organizationAgenda;
  expect(beta).toEqual([{ delegateName: 'Delegate 1', counterpartDelegateName: 'Delegate 0' }]);

  // Gamma cancels: Alpha's calendar gets the meeting back as cancelled, with a higher SEQUENCE.
  ok(
    await app.gql(
      `mutation($r: ID!, $o: ID) { cancelMeetingRequest(requestId: $r, organizationId: $o) { status } }`,
      { r: r2.id, o: orgs[2] },
      members[2].headers,
    ),
  );
  const after = ok(await app.gql(AGENDA, { d: delegates[0], o: orgs[0] }, members[0].headers)).delegateAgenda;
  expect(after.find((m: Json) => m.meetingId === gammaMeeting.meetingId)).toMatchObject({
    status: 'CANCELLED',
    sequence: 1,
    uid: gammaMeeting.uid,
  });
}, 120_000);
