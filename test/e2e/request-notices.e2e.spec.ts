import { randomBytes } from 'node:crypto';
import {
  addMembership,
  bootTestApp,
  insertOwnedOrganization,
  signIn,
  type TestApp,
  type TestUser,
  openForumEdition,
  ok,
  type Json,
} from '#testing';

/*
 * Notices of meeting and contact requests: the receiving side of a meeting request, and its sender
 * when it is answered, get a mail (a mail_outbox row in their language, linking to the request) and
 * an in-app notification; accepting a subcontracting suggestion opens its contact request through
 * requestContact's service, with the same notice and the same refusal of a duplicate.
 */

const PUBLIC_URL = 'https://forum.tashbik.test';
let app: TestApp;
let organiser: TestUser;
let alice: TestUser; // owns A (English), sends the requests
let bob: TestUser; // owns B (Arabic), receives them
let orgA: string;
let orgB: string;

/** An organisation named in each language, so each recipient's notice shows its own. */
const org = (name: string, owner: TestUser) =>
  insertOwnedOrganization(app.db, owner.userId, {
    name: { ar: `${name} (ar)`, fr: name, en: `${name} (en)` },
    status: 'ACTIVE',
  });

async function user(locale: string): Promise<TestUser> {
  const u = await signIn(app);
  await app.db.query(`UPDATE user_account SET locale = $2 WHERE id = $1`, [u.userId, locale]);
  return u;
}

const mails = async (to: string, template: string) =>
  (
    await app.db.query<{ locale: string; subject: string; body: string }>(
      `SELECT locale, subject, body FROM mail_outbox WHERE recipient = $1 AND template = $2 ORDER BY id`,
      [to, template],
    )
  ).rows;

/** The user's notifications of one kind, payload as an object. */
async function notices(u: TestUser, kind: string): Promise<Record<string, string>[]> {
  const { notifications } = ok(
    await app.gql<{ notifications: Json }>(
      `{ notifications(first: 50) { edges { node { kind payload { name value } } } } }`,
      {},
      u.headers,
    ),
  );
  return (notifications.edges as Json[])
    .map((e) => e.node)
    .filter((n) => n.kind === kind)
    .map((n) => Object.fromEntries((n.payload as Json[]).map((p) => [p.name, p.value])));
}

beforeAll(async () => {
  app = await bootTestApp({ env: { PUBLIC_URL, RATE_LIMIT_POINTS: '0' } });
  organiser = await signIn(app, { roles: ['ORGANISER'] });
  alice = await user('en');
  bob = await user('ar');
  orgA = await org(`Atelier A ${randomBytes(3).toString('hex')}`, alice);
  orgB = await org(`Fonderie B ${randomBytes(3).toString('hex')}`, bob);
}, 120_000);
afterAll(async () => {
  await app?.close();
});

describe('meeting request notices', () => {
  let editionId: string;
  let fromDelegate: string;
  let register: (organizationId: string, email: string) => Promise<string>;
  /** Another delegate of A: a delegate has one open or accepted request per organisation. */
  const anotherDelegate = () => register(orgA, `delegate-a-${randomBytes(4).toString('hex')}@example.org`);
  const toDelegateEmail = `delegate-b-${randomBytes(4).toString('hex')}@example.org`;
  const fromDelegateEmail = `delegate-a-${randomBytes(4).toString('hex')}@example.org`;

  const requestMeeting = async (input: Json) =>
    ok(
      await app.gql<{ requestMeeting: { id: string } }>(
        `mutation($input: MeetingRequestInput!) { requestMeeting(input: $input) { id } }`,
        { input: { editionId, organizationId: orgA, fromDelegateId: fromDelegate, ...input } },
        alice.headers,
      ),
    ).requestMeeting.id;

  beforeAll(async () => {
    editionId = await openForumEdition(app, organiser.headers, {
      name: { fr: 'Forum de Sétif', en: 'Setif Forum', ar: 'منتدى سطيف' },
      startsOn: '2031-03-14',
      endsOn: '2031-03-15',
      sessions: [{ day: '2031-03-14', kind: 'MORNING', start: '09:00', end: '11:00' }],
    });
    register = async (organizationId: string, email: string) =>
      ok(
        await app.gql<{ registerDelegate: { id: string } }>(
          `mutation($input: RegisterDelegateInput!) { registerDelegate(input: $input) { id } }`,
          { input: { editionId, organizationId, name: 'Delegate', email } },
          organiser.headers,
        ),
      ).registerDelegate.id;
    fromDelegate = await register(orgA, fromDelegateEmail);
    await register(orgB, toDelegateEmail);
  }, 60_000);

  it('tells the receiving side of a new request, by mail in its language and in the app', async () => {
    const requestId = await requestMeeting({ toOrganizationId: orgB, message: 'Pièces moulées en série ?' });
    const link = `${PUBLIC_URL}/requests/meetings/${requestId}`;

    // The receiving organisation's member, in Arabic, with the link to the request.
    const [toBob] = await mails(bob.email, 'meeting-request');
    expect(toBob.locale).toBe('ar');
    expect(toBob.subject).toContain('Atelier A');
    expect(toBob.subject).toContain('منتدى سطيف');
    expect(toBob.body).toContain('Pièces moulées en série ?');
    expect(toBob.body).toContain(link);
    // The receiving organisation's delegate (no account: mail only, in the default French).
    const [toDelegate] = await mails(toDelegateEmail, 'meeting-request');
    expect(toDelegate.locale).toBe('fr');
    expect(toDelegate.body).toContain(link);
    // The requesting side hears nothing of its own request.
    expect(await mails(alice.email, 'meeting-request')).toEqual([]);
    expect(await mails(fromDelegateEmail, 'meeting-request')).toEqual([]);

    const [n] = await notices(bob, 'meeting-request');
    expect(n).toMatchObject({ meetingRequestId: requestId, requestId, editionId });
    expect(n.organization).toMatch(/^Atelier A .* \(ar\)$/);
    expect(n).not.toHaveProperty('message');
    expect(await notices(alice, 'meeting-request')).toEqual([]);

    // Accepted: the sender (the account that sent it, and its delegate) hears it, in English.
    ok(
      await app.gql(
        `mutation($r: ID!, $o: ID) { acceptMeetingRequest(requestId: $r, organizationId: $o) { id } }`,
        { r: requestId, o: orgB },
        bob.headers,
      ),
    );
    const [accepted] = await mails(alice.email, 'meeting-request-accepted');
    expect(accepted.locale).toBe('en');
    expect(accepted.subject).toMatch(/^Fonderie B .* \(en\) accepted your meeting request$/);
    expect(accepted.body).toContain('Setif Forum');
    expect(accepted.body).toContain(link);
    expect(await mails(fromDelegateEmail, 'meeting-request-accepted')).toHaveLength(1);
    expect(await notices(alice, 'meeting-request-accepted')).toEqual([
      expect.objectContaining({ meetingRequestId: requestId, editionId }),
    ]);
    expect(await mails(bob.email, 'meeting-request-accepted')).toEqual([]);
  }, 60_000);

  it('tells the sender of a decline, with the reason in the mail only', async () => {
    const requestId = await requestMeeting({
      toOrganizationId: orgB,
      fromDelegateId: await anotherDelegate(),
    });
    ok(
      await app.gql(
        `mutation($r: ID!, $o: ID, $why: String) { declineMeetingRequest(requestId: $r, organizationId: $o, reason: $why) { id } }`,
        { r: requestId, o: orgB, why: 'Carnet de commandes plein' },
        bob.headers,
      ),
    );
    const [declined] = await mails(alice.email, 'meeting-request-declined');
    expect(declined.locale).toBe('en');
    expect(declined.subject).toMatch(/declined your meeting request$/);
    expect(declined.body).toContain('Carnet de commandes plein');
    expect(declined.body).toContain(`${PUBLIC_URL}/requests/meetings/${requestId}`);
    const [n] = await notices(alice, 'meeting-request-declined');
    expect(n).toMatchObject({ meetingRequestId: requestId });
    expect(JSON.stringify(n)).not.toContain('Carnet');
  }, 30_000);

  it('tells the other side of a cancellation, and the sender of an expiry', async () => {
    const sender = await anotherDelegate();
    const cancelled = await requestMeeting({ toOrganizationId: orgB, fromDelegateId: sender });
    const before = (await mails(bob.email, 'meeting-request-cancelled')).length;
    ok(
      await app.gql(
        `mutation($r: ID!, $o: ID) { cancelMeetingRequest(requestId: $r, organizationId: $o) { id } }`,
        { r: cancelled, o: orgA },
        alice.headers,
      ),
    );
    expect(await mails(bob.email, 'meeting-request-cancelled')).toHaveLength(before + 1);
    expect(await mails(alice.email, 'meeting-request-cancelled')).toEqual([]);
    expect(await notices(bob, 'meeting-request-cancelled')).toEqual([
      expect.objectContaining({ meetingRequestId: cancelled }),
    ]);

    const lapsed = await requestMeeting({ toOrganizationId: orgB, fromDelegateId: sender });
    await app.db.query(
      `UPDATE forum_meeting_request SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [lapsed],
    );
    // Listing the edition's requests records the expiry, and its notice, once.
    for (let i = 0; i < 2; i++)
      ok(
        await app.gql(
          `query($e: ID!, $o: ID) { meetingRequests(editionId: $e, organizationId: $o) { nodes { id status } } }`,
          { e: editionId, o: orgA },
          alice.headers,
        ),
      );
    const expired = await mails(alice.email, 'meeting-request-expired');
    expect(expired).toHaveLength(1);
    expect(expired[0].body).toContain(`${PUBLIC_URL}/requests/meetings/${lapsed}`);
    expect(await notices(alice, 'meeting-request-expired')).toEqual([
      expect.objectContaining({ meetingRequestId: lapsed }),
    ]);
  }, 30_000);
  it("erases the sender's message and a decline's reason from the notices' copies with their accounts", async () => {
    // Erin (a member of A) writes the request; Fred (a member of B) declines it with a reason.
    const erin = await user('fr');
    const fred = await user('fr');
    await addMembership(app, erin.userId, orgA, 'MEMBER');
    await addMembership(app, fred.userId, orgB, 'MEMBER');
    const requestId = ok(
      await app.gql<{ requestMeeting: { id: string } }>(
        `mutation($input: MeetingRequestInput!) { requestMeeting(input: $input) { id } }`,
        {
          input: {
            editionId,
            organizationId: orgA,
            fromDelegateId: await anotherDelegate(),
            toOrganizationId: orgB,
            message: 'Message confidentiel 7731',
          },
        },
        erin.headers,
      ),
    ).requestMeeting.id;
    ok(
      await app.gql(
        `mutation($r: ID!, $o: ID, $why: String) { declineMeetingRequest(requestId: $r, organizationId: $o, reason: $why) { id } }`,
        { r: requestId, o: orgB, why: 'Raison confidentielle 4419' },
        fred.headers,
      ),
    );
    const copies = async (template: string) =>
      (
        await app.db.query<{ body: string; params: Json }>(
          `SELECT body, params FROM mail_outbox WHERE template = $1 AND params->>'requestId' = $2`,
          [template, requestId],
        )
      ).rows;
    expect((await copies('meeting-request'))[0].body).toContain('Message confidentiel 7731');
    expect((await copies('meeting-request-declined'))[0].body).toContain('Raison confidentielle 4419');
    for (const u of [erin, fred])
      ok(
        await app.gql(
          `mutation($p: String!) { deleteMyAccount(password: $p) { deleted } }`,
          { p: u.password },
          u.headers,
        ),
      );
    const received = await copies('meeting-request');
    const declined = await copies('meeting-request-declined');
    expect(received.length).toBeGreaterThan(0);
    expect(declined.length).toBeGreaterThan(0);
    for (const c of received) {
      expect(c.body).not.toContain('Message confidentiel 7731');
      expect(c.params.message).toBe('(message deleted)');
    }
    for (const c of declined) {
      expect(c.body).not.toContain('Raison confidentielle 4419');
      expect(c.params.message).toBe('(message deleted)');
    }
  }, 30_000);
});

describe('accepting a subcontracting suggestion', () => {
  const ACCEPT = `mutation($org: ID!, $id: ID!) { acceptSuggestion(organizationId: $org, suggestionId: $id) { contactRequestId } }`;
  const REQUEST_CONTACT = `mutation($f: ID!, $t: ID!) { requestContact(fromOrganizationId: $f, toOrganizationId: $t) { id } }`;

  async function suggestion(counterpart: string, rank: number): Promise<string> {
    const { rows } = await app.db.query<{ id: string }>(
      `INSERT INTO suggestion (organization_id, kind, counterpart_organization_id, role, score, rank)
       VALUES ($1, 'SUBCONTRACTING', $2, 'SUPPLIER', 0.8, $3) RETURNING id`,
      [orgA, counterpart, rank],
    );
    return rows[0].id;
  }

  it('opens the contact request through requestContact, with its notice to the receiving side', async () => {
    const carol = await user('fr');
    const orgC = await org(`Usinage C ${randomBytes(3).toString('hex')}`, carol);
    const id = await suggestion(orgC, 1);
    const { acceptSuggestion } = ok(
      await app.gql<{ acceptSuggestion: { contactRequestId: string } }>(
        ACCEPT,
        { org: orgA, id },
        alice.headers,
      ),
    );
    const contactRequestId = acceptSuggestion.contactRequestId;
    expect(contactRequestId).toBeTruthy();
    const { rows } = await app.db.query(
      `SELECT from_organization_id, to_organization_id, requested_by, status FROM contact_request WHERE id = $1`,
      [contactRequestId],
    );
    expect(rows).toEqual([
      { from_organization_id: orgA, to_organization_id: orgC, requested_by: alice.userId, status: 'PENDING' },
    ]);
    const [mail] = await mails(carol.email, 'contact-request');
    expect(mail.locale).toBe('fr');
    expect(mail.subject).toMatch(/^Demande de contact de Atelier A /);
    expect(await notices(carol, 'contact-request')).toEqual([
      expect.objectContaining({ contactRequestId, fromOrganizationId: orgA }),
    ]);
    const { rows: audit } = await app.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'contact-request.create' AND entity_id = $1`,
      [contactRequestId],
    );
    expect(audit).toEqual([{ n: 1 }]);
  }, 30_000);

  it('is refused with requestContact’s code when a request to that organisation is pending', async () => {
    const dave = await user('fr');
    const orgD = await org(`Chaudronnerie D ${randomBytes(3).toString('hex')}`, dave);
    const id = await suggestion(orgD, 2);
    ok(await app.gql(REQUEST_CONTACT, { f: orgA, t: orgD }, alice.headers));
    const direct = await app.gql(REQUEST_CONTACT, { f: orgA, t: orgD }, alice.headers);
    const accepted = await app.gql(ACCEPT, { org: orgA, id }, alice.headers);
    expect(direct.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(accepted.errors?.[0]?.extensions?.code).toBe(direct.errors?.[0]?.extensions?.code);
    // Nothing of the refused acceptance was kept: no feedback, one request, one notice.
    const { rows } = await app.db.query(
      `SELECT (SELECT count(*)::int FROM suggestion_feedback WHERE organization_id = $1 AND counterpart_organization_id = $2) AS feedback,
              (SELECT count(*)::int FROM contact_request WHERE from_organization_id = $1 AND to_organization_id = $2) AS requests`,
      [orgA, orgD],
    );
    expect(rows).toEqual([{ feedback: 0, requests: 1 }]);
    expect(await mails(dave.email, 'contact-request')).toHaveLength(1);
  }, 30_000);
});
