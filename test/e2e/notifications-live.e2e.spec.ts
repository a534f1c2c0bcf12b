import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import {
  bootTestApp,
  eventually,
  insertOwnedOrganization,
  registerDelegate,
  requestMeeting,
  acceptMeetingRequest,
  signIn,
  startProcess,
  type RunningProcess,
  type TestApp,
  type TestUser,
  openForumEdition,
  ok,
  type Json,
} from '#testing';

/*
 * In-app notifications and their live feed: a notice is written with the event that causes it,
 * listed, counted and marked read by its recipient only, and pushed over graphql-ws to the
 * recipient's subscribers on any api process (two processes here, sharing Redis).
 */

let app: TestApp;
let second: RunningProcess;
let secondUrl: string;
let redis: Redis;
let alice: TestUser; // owns org A, asks for contact
let bob: TestUser; // owns org B, receives the request
let carol: TestUser; // owns org C, a bystander
let orgA: string;
let orgB: string;
let orgC: string;
const clients: Client[] = [];

const org = (name: string, owner: TestUser) =>
  insertOwnedOrganization(app.db, owner.userId, { name, status: 'ACTIVE' });

const wsUrl = (httpUrl: string) => `${httpUrl.replace(/^http/, 'ws')}/graphql`;

/** A graphql-ws client signed in with `user`'s access token (or the given connection parameters). */
function client(url: string, params: Record<string, unknown>): Client {
  const c = createClient({
    url: wsUrl(url),
    webSocketImpl: WebSocket,
    connectionParams: params,
    retryAttempts: 0,
    lazy: true,
  });
  clients.push(c);
  return c;
}

interface Feed {
  events: Json[];
  errors: unknown[];
  completed: boolean;
  stop: () => void;
}

function subscribe(c: Client, query: string): Feed {
  const feed: Feed = { events: [], errors: [], completed: false, stop: () => undefined };
  feed.stop = c.subscribe(
    { query },
    {
      next: (v) => feed.events.push(v as Json),
      error: (e) => feed.errors.push(e),
      complete: () => (feed.completed = true),
    },
  );
  return feed;
}

const NOTIFICATION_ADDED = `subscription { notificationAdded { id kind payload { name value } createdAt readAt } }`;

/** How many processes listen on a user's notification channel in Redis. */
async function listeners(userId: string): Promise<number> {
  const [, n] = (await redis.pubsub('NUMSUB', `${app.env.QUEUE_PREFIX}:events:notification:${userId}`)) as [
    string,
    number,
  ];
  return Number(n);
}

/** Opens a raw graphql-transport-ws connection, sends connection_init, resolves with the close code or 'ack'. */
function connectRaw(url: string, payload?: Json): Promise<{ code: number | 'ack'; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(url), 'graphql-transport-ws');
    ws.on('open', () =>
      ws.send(JSON.stringify({ type: 'connection_init', ...(payload ? { payload } : {}) })),
    );
    ws.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') {
        resolve({ code: 'ack', reason: '' });
        ws.close();
      }
    });
    ws.on('close', (code, reason) => resolve({ code, reason: String(reason) }));
    ws.on('error', reject);
  });
}

beforeAll(async () => {
  const env = { WS_CONNECTIONS_PER_USER: '3', WS_SUBS_PER_CONNECTION: '2' };
  // Generous start-up bounds: the api boots twice on a busy machine.
  app = await bootTestApp({ env, readyTimeoutMs: 120_000 });
  second = await startProcess('api', app.env, /"msg":"api listening"/, [], 120_000);
  const port = Number(/"port":(\d+)/.exec(second.output.find((l) => l.includes('api listening')) ?? '')?.[1]);
  secondUrl = `http://127.0.0.1:${port}`;
  redis = new Redis(app.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  alice = await signIn(app);
  bob = await signIn(app);
  carol = await signIn(app);
  const tag = randomBytes(3).toString('hex');
  orgA = await org(`Atelier A ${tag}`, alice);
  orgB = await org(`Fonderie B ${tag}`, bob);
  orgC = await org(`Chaudronnerie C ${tag}`, carol);
}, 300_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  redis?.disconnect();
  await second?.stop();
  await app?.close();
});

describe('notificationAdded across api processes', () => {
  it('delivers a notice caused through one process to the recipient subscribed on the other, and to nobody else', async () => {
    const bobFeed = subscribe(
      client(secondUrl, { authorization: bob.headers.authorization }),
      NOTIFICATION_ADDED,
    );
    const aliceFeed = subscribe(
      client(secondUrl, { authorization: alice.headers.authorization }),
      NOTIFICATION_ADDED,
    );
    const carolFeed = subscribe(
      client(secondUrl, { authorization: carol.headers.authorization }),
      NOTIFICATION_ADDED,
    );
    await eventually(async () =>
      (await listeners(bob.userId)) >= 1 &&
      (await listeners(alice.userId)) >= 1 &&
      (await listeners(carol.userId)) >= 1
        ? true
        : null,
    );

    // The request goes through the first process; the subscribers are on the second.
    const sentAt = Date.now();
    const { requestContact } = ok(
      await app.gql<{ requestContact: { id: string } }>(
        `mutation($f: ID!, $t: ID!) { requestContact(fromOrganizationId: $f, toOrganizationId: $t, message: "Bonjour, pièces moulées ?") { id } }`,
        { f: orgA, t: orgB },
        alice.headers,
      ),
    );
    const received = await eventually(async () => bobFeed.events[0] ?? null, 10_000);
    const delayMs = Date.now() - sentAt;
    const node = received.data.notificationAdded;
    const payload = Object.fromEntries(node.payload.map((p: Json) => [p.name, p.value]));
    expect(node.kind).toBe('contact-request');
    expect(node.readAt).toBeNull();
    expect(payload.contactRequestId).toBe(requestContact.id);
    expect(payload.fromOrganizationId).toBe(orgA);
    expect(payload.organization).toMatch(/^Atelier A /);
    // The sender's words stay on the request; the notice only points to it.
    expect(JSON.stringify(node)).not.toContain('Bonjour');
    // The row written with the request is the one pushed.
    const { rows } = await app.db.query(
      `SELECT id::text AS id, user_id FROM notification WHERE user_id = $1`,
      [bob.userId],
    );
    expect(rows).toEqual([{ id: node.id, user_id: bob.userId }]);

    // Bob accepts through the second process: alice hears it, live, on the same process.
    ok(
      await app.gql(
        `mutation($id: ID!) { respondToContactRequest(id: $id, accept: true) { status } }`,
        { id: requestContact.id },
        bob.headers,
      ),
    );
    const answer = await eventually(async () => aliceFeed.events[0] ?? null, 10_000);
    expect(answer.data.notificationAdded.kind).toBe('contact-request-accepted');
    expect(answer.data.notificationAdded.payload).toEqual(
      expect.arrayContaining([
        { name: 'contactRequestId', value: requestContact.id },
        { name: 'toOrganizationId', value: orgB },
      ]),
    );

    // Carol's feed is live (her own notice arrives) and held nothing of the others'.
    ok(
      await app.gql(
        `mutation($f: ID!, $t: ID!) { requestContact(fromOrganizationId: $f, toOrganizationId: $t) { id } }`,
        { f: orgA, t: orgC },
        alice.headers,
      ),
    );
    await eventually(async () => carolFeed.events[0] ?? null, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(carolFeed.events.map((e) => e.data.notificationAdded.kind)).toEqual(['contact-request']);
    expect(bobFeed.events).toHaveLength(1);
    expect(aliceFeed.events).toHaveLength(1);
    expect([bobFeed.errors, aliceFeed.errors, carolFeed.errors]).toEqual([[], [], []]);
    process.stdout.write(`notificationAdded across processes: ${delayMs} ms from request to delivery\n`);
  }, 60_000);

  it('refuses a connection without a token, with a malformed one, or with one not signed by the platform', async () => {
    expect((await connectRaw(secondUrl)).code).toBe(4403);
    expect((await connectRaw(secondUrl, { authorization: 'Bearer not-a-token' })).code).toBe(4403);
    const [h, p] = bob.headers.authorization.slice(7).split('.');
    const forged = `${h}.${p}.${Buffer.from('forged-signature-of-32-bytes-xx').toString('base64url')}`;
    expect((await connectRaw(secondUrl, { authorization: `Bearer ${forged}` })).code).toBe(4403);
    // The genuine token is accepted.
    expect((await connectRaw(secondUrl, { authorization: bob.headers.authorization })).code).toBe('ack');
  });

  it('refuses a token whose session ended (logoutEverywhere)', async () => {
    const dave = await signIn(app);
    expect((await connectRaw(app.url, { authorization: dave.headers.authorization })).code).toBe('ack');
    ok(await app.gql(`mutation { logoutEverywhere }`, {}, dave.headers));
    expect((await connectRaw(app.url, { authorization: dave.headers.authorization })).code).toBe(4403);
  });

  it('bounds connections per user and subscriptions per connection', async () => {
    const erin = await signIn(app);
    const auth = { authorization: erin.headers.authorization };
    // Three connections held open (the limit in this test), each with a live subscription.
    const held = [client(app.url, auth), client(app.url, auth), client(app.url, auth)];
    const feeds = held.map((c) => subscribe(c, NOTIFICATION_ADDED));
    await eventually(async () => ((await listeners(erin.userId)) >= 1 ? true : null));
    await eventually(async () => {
      // All three acknowledged: a fourth is refused.
      const fourth = await connectRaw(app.url, auth);
      return fourth.code === 4429 ? fourth : null;
    }, 5000);
    // A third subscription on one connection is refused with RATE_LIMITED; the first two run.
    const second2 = subscribe(held[0], NOTIFICATION_ADDED);
    const third = subscribe(held[0], NOTIFICATION_ADDED);
    const refused = await eventually(async () => (third.errors[0] as Json[] | undefined) ?? null, 5000);
    expect(refused[0].extensions.code).toBe('RATE_LIMITED');
    expect(second2.errors).toEqual([]);
    expect(feeds.map((f) => f.errors)).toEqual([[], [], []]);
    // Closing one connection frees its place.
    await held[2].dispose();
    expect(
      (
        await eventually(async () => {
          const again = await connectRaw(app.url, auth);
          return again.code === 'ack' ? again : null;
        }, 5000)
      ).code,
    ).toBe('ack');
  });

  it('bounds a subscription like a query: unknown fields, aliases, tokens', async () => {
    const c = client(app.url, { authorization: carol.headers.authorization });
    const fine = subscribe(c, NOTIFICATION_ADDED);
    const unknown = subscribe(c, `subscription { notificationAdded { id nope } }`);
    const e1 = await eventually(async () => (unknown.errors[0] as Json[] | undefined) ?? null, 5000);
    expect(e1[0].message).toMatch(/nope/);
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: id`).join(' ');
    const many = subscribe(c, `subscription { notificationAdded { ${aliases} } }`);
    const e2 = await eventually(async () => (many.errors[0] as Json[] | undefined) ?? null, 5000);
    expect(e2[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases' });
    const long = subscribe(c, `subscription { notificationAdded { ${'id '.repeat(3000)} } }`);
    const e3 = await eventually(async () => (long.errors[0] as Json[] | undefined) ?? null, 5000);
    expect(e3[0].extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED' });
    expect(fine.errors).toEqual([]);
  });
});

describe('reading and marking notifications', () => {
  const LIST = `query($first: Int, $after: String) { notifications(first: $first, after: $after) {
      edges { cursor node { id kind readAt payload { name value } } } pageInfo { hasNextPage endCursor } } }`;
  const COUNT = `{ unreadNotificationCount }`;
  const MARK = `mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked unreadCount } }`;

  it('lists only your own, newest first, in pages; counts and marks only your own', async () => {
    // Two more notices for bob: org C asks him twice (the first declined in between).
    const ask = async () =>
      ok(
        await app.gql<{ requestContact: { id: string } }>(
          `mutation($f: ID!, $t: ID!) { requestContact(fromOrganizationId: $f, toOrganizationId: $t) { id } }`,
          { f: orgC, t: orgB },
          carol.headers,
        ),
      ).requestContact.id;
    const r1 = await ask();
    ok(
      await app.gql(
        `mutation($id: ID!) { respondToContactRequest(id: $id, accept: false) { status } }`,
        { id: r1 },
        bob.headers,
      ),
    );
    await ask();

    expect(
      ok(await app.gql<{ unreadNotificationCount: number }>(COUNT, {}, bob.headers)).unreadNotificationCount,
    ).toBe(3);
    const page1 = ok(await app.gql<{ notifications: Json }>(LIST, { first: 2 }, bob.headers)).notifications;
    expect(page1.edges).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = ok(
      await app.gql<{ notifications: Json }>(
        LIST,
        { first: 2, after: page1.pageInfo.endCursor },
        bob.headers,
      ),
    ).notifications;
    expect(page2.edges).toHaveLength(1);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const ids = [...page1.edges, ...page2.edges].map((e: Json) => Number(e.node.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(page2.edges[0].node.kind).toBe('contact-request');
    const { rows } = await app.db.query<{ id: string }>(
      `SELECT id::text AS id FROM notification WHERE user_id = $1 ORDER BY id DESC`,
      [bob.userId],
    );
    expect(ids.map(String)).toEqual(rows.map((r) => r.id));

    // Alice's notice is not bob's to mark; his own is.
    const aliceIds = ok(
      await app.gql<{ notifications: Json }>(LIST, { first: 10 }, alice.headers),
    ).notifications.edges.map((e: Json) => e.node.id);
    expect(aliceIds.length).toBeGreaterThan(0);
    expect(
      ok(await app.gql<{ markNotificationsRead: Json }>(MARK, { input: { ids: aliceIds } }, bob.headers))
        .markNotificationsRead,
    ).toEqual({
      marked: 0,
      unreadCount: 3,
    });
    expect(
      ok(await app.gql<{ unreadNotificationCount: number }>(COUNT, {}, alice.headers))
        .unreadNotificationCount,
    ).toBe(aliceIds.length);
    expect(
      ok(
        await app.gql<{ markNotificationsRead: Json }>(
          MARK,
          { input: { ids: [String(ids[0])] } },
          bob.headers,
        ),
      ).markNotificationsRead,
    ).toEqual({ marked: 1, unreadCount: 2 });
    // Marking again changes nothing.
    expect(
      ok(
        await app.gql<{ markNotificationsRead: Json }>(
          MARK,
          { input: { ids: [String(ids[0])] } },
          bob.headers,
        ),
      ).markNotificationsRead,
    ).toEqual({ marked: 0, unreadCount: 2 });
    const after = ok(await app.gql<{ notifications: Json }>(LIST, { first: 10 }, bob.headers)).notifications
      .edges;
    expect(after.map((e: Json) => e.node.readAt !== null)).toEqual([true, false, false]);
    expect(
      ok(await app.gql<{ markNotificationsRead: Json }>(MARK, { input: { all: true } }, bob.headers))
        .markNotificationsRead,
    ).toEqual({
      marked: 2,
      unreadCount: 0,
    });
    expect(
      ok(await app.gql<{ unreadNotificationCount: number }>(COUNT, {}, alice.headers))
        .unreadNotificationCount,
    ).toBe(aliceIds.length);
  });

  it('refuses unclear or oversized input with BAD_USER_INPUT', async () => {
    for (const input of [{}, { all: true, ids: ['1'] }, { ids: [] }, { ids: ['abc'] }, { all: false }]) {
      const r = await app.gql(MARK, { input }, bob.headers);
      expect([input, r.errors?.[0]?.extensions?.code]).toEqual([input, 'BAD_USER_INPUT']);
    }
    for (const vars of [{ first: 0 }, { first: 101 }, { first: 5, after: 'x' }]) {
      const r = await app.gql(LIST, vars, bob.headers);
      expect([vars, r.errors?.[0]?.extensions?.code]).toEqual([vars, 'BAD_USER_INPUT']);
    }
  });
});

describe('meetingRequestChanged', () => {
  it('tells the members of both organisations and organisers, on the other process, and nobody else', async () => {
    const organiser = await signIn(app, { roles: ['ORGANISER'] });
    const editionId = await openForumEdition(app, organiser.headers, {
      name: { fr: `Forum ${randomBytes(3).toString('hex')}` },
      startsOn: '2031-03-14',
      endsOn: '2031-03-15',
      sessions: [{ day: '2031-03-14', kind: 'MORNING', start: '09:00', end: '11:00' }],
    });
    const register = (organizationId: string) =>
      registerDelegate(app, organiser.headers, { editionId, organizationId });
    const fromDelegate = await register(orgA);
    const toDelegate = await register(orgB);

    const CHANGED = `subscription($e: ID!) { meetingRequestChanged(editionId: $e) { requestId editionId status action fromOrganizationId toOrganizationId at } }`;
    const on = (user: TestUser) => {
      const feed: Feed = { events: [], errors: [], completed: false, stop: () => undefined };
      feed.stop = client(secondUrl, { authorization: user.headers.authorization }).subscribe(
        { query: CHANGED, variables: { e: editionId } },
        {
          next: (v) => feed.events.push(v as Json),
          error: (e) => feed.errors.push(e),
          complete: () => (feed.completed = true),
        },
      );
      return feed;
    };
    const bobFeed = on(bob);
    const carolFeed = on(carol);
    const organiserFeed = on(organiser);
    const channel = `${app.env.QUEUE_PREFIX}:events:meeting-request:${editionId}`;
    await eventually(async () => {
      const [, n] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
      // One subscriber connection per process; wait until the three subscriptions have started.
      return Number(n) >= 1 && bobFeed.errors.length + carolFeed.errors.length === 0 ? true : null;
    });
    await new Promise((r) => setTimeout(r, 300));

    const requestId = await requestMeeting(app, alice.headers, {
      editionId,
      organizationId: orgA,
      fromDelegateId: fromDelegate,
      toDelegateId: toDelegate,
    });
    const created = await eventually(async () => bobFeed.events[0] ?? null, 10_000);
    expect(created.data.meetingRequestChanged).toMatchObject({
      requestId,
      editionId,
      status: 'PENDING',
      action: 'create',
      fromOrganizationId: orgA,
      toOrganizationId: orgB,
    });
    await acceptMeetingRequest(app, bob.headers, requestId, orgB);
    await eventually(
      async () => (bobFeed.events.length >= 2 && organiserFeed.events.length >= 2 ? true : null),
      10_000,
    );
    expect(bobFeed.events.map((e) => e.data.meetingRequestChanged.status)).toEqual(['PENDING', 'ACCEPTED']);
    expect(organiserFeed.events.map((e) => e.data.meetingRequestChanged.action)).toEqual([
      'create',
      'accept',
    ]);
    await new Promise((r) => setTimeout(r, 300));
    expect(carolFeed.events).toEqual([]);
    expect([bobFeed.errors, carolFeed.errors, organiserFeed.errors]).toEqual([[], [], []]);
  }, 60_000);
});

let liveEditionId: string;

describe('agendaChanged', () => {
  const AGENDA = (d: string) =>
    `subscription { agendaChanged(delegateId: "${d}") { delegateId editionId publishedVersion meetingIds at } }`;
  const agendaListeners = async (delegateId: string) =>
    Number(
      (
        (await redis.pubsub('NUMSUB', `${app.env.QUEUE_PREFIX}:events:agenda:${delegateId}`)) as [
          string,
          number,
        ]
      )[1],
    );

  it("pushes a cancelled published meeting to the delegate's account, its organisation and organisers on another process; refuses others", async () => {
    const organiser = await signIn(app, { roles: ['ORGANISER'] });
    const colleague = await signIn(app, { memberships: [{ organizationId: orgA, role: 'MEMBER' }] });
    const editionId = await openForumEdition(app, organiser.headers, {
      name: { fr: 'Forum live', en: 'Live forum' },
      startsOn: '2030-06-10',
      endsOn: '2030-06-10',
      sessions: [{ day: '2030-06-10', kind: 'MORNING', start: '09:00', end: '12:00' }],
    });
    liveEditionId = editionId;
    ok(
      await app.gql(
        `mutation($e: ID!, $t: [ForumTableInput!]!) { addForumTables(editionId: $e, tables: $t) { id } }`,
        { e: editionId, t: [{ label: 'T1' }] },
        organiser.headers,
      ),
    );
    const slots = ok(
      await app.gql<{ forumSlots: Json[] }>(
        `query($e: ID!) { forumSlots(editionId: $e) { id isBreak } }`,
        { e: editionId },
        organiser.headers,
      ),
    ).forumSlots.filter((s) => !s.isBreak);
    const register = (organizationId: string, user: TestUser) =>
      registerDelegate(app, user.headers, {
        editionId,
        organizationId,
        email: user.email,
        userId: user.userId,
      });
    const delegateA = await register(orgA, alice);
    const delegateB = await register(orgB, bob);
    const requestId = await requestMeeting(app, alice.headers, {
      editionId,
      organizationId: orgA,
      fromDelegateId: delegateA,
      toDelegateId: delegateB,
    });
    await acceptMeetingRequest(app, bob.headers, requestId, orgB);
    const meetingId = ok(
      await app.gql<{ bookMeeting: { id: string } }>(
        `mutation($r: ID!, $s: ID!) { bookMeeting(requestId: $r, slotId: $s) { id } }`,
        { r: requestId, s: slots[0].id },
        organiser.headers,
      ),
    ).bookMeeting.id;

    // A member of another organisation may not follow delegate A's agenda.
    const refused = subscribe(
      client(secondUrl, { authorization: carol.headers.authorization }),
      AGENDA(delegateA),
    );
    // The refusal arrives as the operation's only result, with no data, and the operation ends.
    await eventually(async () => (refused.completed ? true : null), 5000);
    expect(refused.events).toHaveLength(1);
    expect(refused.events[0].data ?? null).toBeNull();
    expect(refused.events[0].errors[0].extensions.code).toBe('FORBIDDEN');

    const own = subscribe(
      client(secondUrl, { authorization: alice.headers.authorization }),
      AGENDA(delegateA),
    );
    const member = subscribe(
      client(secondUrl, { authorization: colleague.headers.authorization }),
      AGENDA(delegateA),
    );
    const staff = subscribe(
      client(secondUrl, { authorization: organiser.headers.authorization }),
      AGENDA(delegateB),
    );
    await eventually(async () =>
      (await agendaListeners(delegateA)) >= 1 && (await agendaListeners(delegateB)) >= 1 ? true : null,
    );
    await eventually(async () => (own.events.length === 0 && member.events.length === 0 ? true : null));

    // The organiser cancels the published meeting through the first process.
    ok(
      await app.gql(
        `mutation($m: ID!) { cancelMeeting(meetingId: $m) { status } }`,
        { m: meetingId },
        organiser.headers,
      ),
    );
    const got = await eventually(async () => own.events[0] ?? null, 10_000);
    expect(got.data.agendaChanged).toMatchObject({
      delegateId: delegateA,
      editionId,
      meetingIds: [meetingId],
    });
    const { rows } = await app.db.query<{ published_version: number }>(
      `SELECT published_version FROM forum_agenda_change WHERE delegate_id = $1 ORDER BY id DESC LIMIT 1`,
      [delegateA],
    );
    expect(got.data.agendaChanged.publishedVersion).toBe(rows[0].published_version);
    const seenByMember = await eventually(async () => member.events[0] ?? null, 10_000);
    expect(seenByMember.data.agendaChanged.delegateId).toBe(delegateA);
    const seenByStaff = await eventually(async () => staff.events[0] ?? null, 10_000);
    expect(seenByStaff.data.agendaChanged).toMatchObject({ delegateId: delegateB, meetingIds: [meetingId] });
    await new Promise((r) => setTimeout(r, 300));
    expect([own.events.length, member.events.length, staff.events.length]).toEqual([1, 1, 1]);
    expect([own.errors, member.errors, staff.errors]).toEqual([[], [], []]);
  }, 60_000);
});

describe('scheduleRunProgress', () => {
  it("pushes a worker's scheduler run to organisers on another api process, about once a second, ending with done; refuses others", async () => {
    const organiser = await signIn(app, { roles: ['ORGANISER'] });
    // Queued while no worker runs, so the subscription is in place before the run starts.
    const runId = ok(
      await app.gql<{ scheduleEdition: { id: string } }>(
        `mutation($e: ID!) { scheduleEdition(editionId: $e, timeLimitSeconds: 3) { id } }`,
        { e: liveEditionId },
        organiser.headers,
      ),
    ).scheduleEdition.id;
    const PROGRESS = `subscription { scheduleRunProgress(runId: "${runId}") { runId editionId phase fraction bestBreaks lowerBound elapsedMs at } }`;
    const refused = subscribe(client(secondUrl, { authorization: carol.headers.authorization }), PROGRESS);
    await eventually(async () => (refused.completed || refused.errors.length ? true : null), 5000);
    expect(refused.events[0]?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const feed = subscribe(client(secondUrl, { authorization: organiser.headers.authorization }), PROGRESS);
    await eventually(async () => {
      const [, n] = (await redis.pubsub(
        'NUMSUB',
        `${app.env.QUEUE_PREFIX}:events:schedule-run:${runId}`,
      )) as [string, number];
      return Number(n) >= 1 ? true : null;
    });
    await app.startWorker();
    const last = await eventually(
      async () => feed.events.find((e) => e.data?.scheduleRunProgress?.phase === 'done') ?? null,
      60_000,
    );
    expect(last.data.scheduleRunProgress).toMatchObject({ runId, editionId: liveEditionId, fraction: 1 });
    expect(feed.errors).toEqual([]);
    const got = feed.events.map((e) => e.data.scheduleRunProgress);
    expect(got.every((p) => p.runId === runId && p.elapsedMs >= 0)).toBe(true);
    // Throttled: events before the last are at least about a second apart.
    const times = got.slice(0, -1).map((p) => Date.parse(p.at));
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(950);
    const run = ok(
      await app.gql<{ scheduleRun: { state: string } }>(
        `query($j: ID!) { scheduleRun(jobId: $j) { state } }`,
        { j: runId },
        organiser.headers,
      ),
    ).scheduleRun;
    expect(run.state).toBe('DONE');
  }, 120_000);
});
