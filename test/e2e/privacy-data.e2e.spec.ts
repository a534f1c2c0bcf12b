import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  createTestDatabase,
  bootTestApp,
  insertOwnedOrganization,
  signIn,
  type TestApp,
  type TestUser,
  openForumEdition,
  ok,
  type Json,
} from '#testing';
import { hashToken, keptColumns, looksPersonal, personalDataGaps, personalDataSources } from '#identity';
// The libraries declare their personal-data sources when they load, as they do in the api.
import '#directory';
import '#forum';
import '#matchmaking';
import '#notifications';

/*
 * Export and erasure of personal data (docs/PRIVACY.md): nothing is matched to an account by its
 * address until the address is verified; every personal-looking column of the migrated schema is
 * covered by a registered source or kept for a stated reason; and after `deleteMyAccount` no trace
 * of the person is left in any column.
 */

let app: TestApp;
let organiser: TestUser;
let owner: TestUser;
let orgId: string;
let otherOrgId: string;
let editionId: string;
let slotIds: string[];

const hex = () => randomBytes(4).toString('hex');

const UPDATE_ORG = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }`;
const REGISTER = `mutation($i: RegisterDelegateInput!) { registerDelegate(input: $i) { id } }`;
const INVITE = `mutation($o: ID!, $e: String!) { inviteMember(organizationId: $o, email: $e) { id } }`;
const ACCEPT = `mutation($t: String!) { acceptInvitation(token: $t) { organizationId } }`;
const DELETE = `mutation($p: String!) { deleteMyAccount(password: $p) { deleted } }`;

async function exportOf(user: TestUser): Promise<Json> {
  return JSON.parse(
    ok(await app.gql<{ exportMyData: string }>(`{ exportMyData }`, {}, user.headers)).exportMyData,
  );
}

/** An approved organisation owned by `owner`, with a contact person, written directly. */
async function smeWithContact(owner: TestUser, contact: { name: string; email: string }): Promise<string> {
  const id = await insertOwnedOrganization(app.db, owner.userId, {
    name: `Atelier ${hex()}`,
    regionCode: 'DZ-16',
    sectors: ['25'],
    status: 'ACTIVE',
  });
  await app.db.query(
    `INSERT INTO contact_person (organization_id, position, name, email) VALUES ($1, 0, $2, $3)`,
    [id, contact.name, contact.email],
  );
  return id;
}

/**
 * Someone's address spread over the platform by others: a contact-person entry (changed once, so the
 * audit log holds its before and after values), a delegate registration with unavailability, and
 * an invitation.
 */
async function traces(
  email: string,
): Promise<{ name: string; phone: string; delegateId: string; token: string }> {
  const name = `Nadia ${hex()}`;
  const phone = `+213 555 ${Math.floor(100000 + Math.random() * 899999)}`;
  ok(
    await app.gql(
      UPDATE_ORG,
      {
        input: {
          id: orgId,
          contacts: [
            { name, role: 'Directrice', email, phone },
            { name: 'Standard', email: 'std@example.org' },
          ],
        },
      },
      owner.headers,
    ),
  );
  const delegateId = ok(
    await app.gql<{ registerDelegate: Json }>(
      REGISTER,
      { i: { editionId, organizationId: orgId, name, email, unavailableSlotIds: [slotIds[0]] } },
      organiser.headers,
    ),
  ).registerDelegate.id as string;
  ok(await app.gql(INVITE, { o: orgId, e: email }, owner.headers));
  // A second invitation whose code the test knows, to try accepting it.
  const token = `inv-${randomBytes(16).toString('hex')}`;
  await app.db.query(
    `INSERT INTO organization_invitation (organization_id, email, role, token_hash, invited_by, expires_at)
     VALUES ($1, $2, 'MEMBER', $3, $4, now() + interval '1 day')`,
    [otherOrgId, email, hashToken(token), owner.userId],
  );
  return { name, phone, delegateId, token };
}

const verify = (user: TestUser) =>
  app.db.query(`UPDATE user_account SET email_verified_at = now() WHERE id = $1`, [user.userId]);

/** Every `table.column` whose text holds one of the needles (any case), across the whole database. */
async function whereFound(db: pg.Pool, needles: string[]): Promise<string[]> {
  const { rows: cols } = await db.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        AND c.data_type IN ('text', 'USER-DEFINED', 'jsonb', 'uuid', 'ARRAY', 'character varying')`,
  );
  const found: string[] = [];
  for (const { table_name: t, column_name: c } of cols) {
    // The log keeps that an account, by its random id, registered and was deleted; nothing more.
    const aboutAccounts = t === 'audit_log' && c === 'entity_id' ? ` AND entity_type <> 'user'` : '';
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${pg.escapeIdentifier(t)}
        WHERE lower(${pg.escapeIdentifier(c)}::text) LIKE ANY ($1::text[])${aboutAccounts}`,
      [needles.map((n) => `%${n.toLowerCase()}%`)],
    );
    if (rows[0].n) found.push(`${t}.${c}`);
  }
  return found.sort();
}

beforeAll(async () => {
  app = await bootTestApp({ env: { RATE_LIMIT_POINTS: '0' } });
  organiser = await signIn(app, { roles: ['ORGANISER'] });
  owner = await signIn(app);
  orgId = await smeWithContact(owner, { name: 'Premier contact', email: `first-${hex()}@example.org` });
  otherOrgId = await smeWithContact(owner, { name: 'Autre contact', email: `other-${hex()}@example.org` });
  editionId = await openForumEdition(app, organiser.headers, {
    name: { fr: `Forum ${hex()}` },
    startsOn: '2031-03-14',
    endsOn: '2031-03-15',
    sessions: [{ day: '2031-03-14', kind: 'MORNING', start: '09:00', end: '11:00' }],
  });
  slotIds = (
    await app.db.query<{ id: string }>(
      `SELECT id FROM forum_slot WHERE edition_id = $1 AND NOT is_break ORDER BY starts_at`,
      [editionId],
    )
  ).rows.map((r) => r.id);
}, 120_000);
afterAll(() => app?.close());

describe('records matched by address', () => {
  it('reach an account registered with the address only once it is verified', async () => {
    const email = `nadia-${hex()}@example.org`;
    const t = await traces(email);

    // An account registered with Nadia's address by someone else, never verified.
    const impostor = await signIn(app, { email, verified: false });
    const seen = await exportOf(impostor);
    expect(seen.account.email).toBe(email);
    for (const key of [
      'contactPersonEntries',
      'contactPersonHistory',
      'forumRegistrations',
      'invitations',
      'invitationsReceived',
      'emails',
    ])
      expect({ [key]: seen[key] }).toEqual({ [key]: [] });
    const text = JSON.stringify(seen);
    expect(text).not.toContain(t.phone);
    expect(text).not.toContain(t.name);

    // Nor may it accept an invitation sent to the address.
    const refused = await app.gql(ACCEPT, { t: t.token }, impostor.headers);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // Its deletion takes its own account only.
    ok(await app.gql(DELETE, { p: impostor.password }, impostor.headers));
    const { rows: contact } = await app.db.query(`SELECT name, phone FROM contact_person WHERE email = $1`, [
      email,
    ]);
    expect(contact).toEqual([{ name: t.name, phone: t.phone }]);
    const { rows: delegate } = await app.db.query(
      `SELECT d.name, d.email, (SELECT count(*)::int FROM forum_delegate_unavailable u WHERE u.delegate_id = d.id) AS unavailable
         FROM forum_delegate d WHERE d.id = $1`,
      [t.delegateId],
    );
    expect(delegate).toEqual([{ name: t.name, email, unavailable: 1 }]);
    const { rows: invitations } = await app.db.query(
      `SELECT 1 FROM organization_invitation WHERE email = $1`,
      [email],
    );
    expect(invitations).toHaveLength(2);
    expect(await whereFound(app.db, [t.phone])).toEqual(
      expect.arrayContaining(['audit_log.after', 'contact_person.phone']),
    );
    expect(await whereFound(app.db, [email])).toEqual(
      expect.arrayContaining(['mail_outbox.recipient', 'audit_log.after']),
    );

    // Nadia herself signs up and verifies her address: now everything carrying it is hers.
    const nadia = await signIn(app, { email, verified: false });
    await verify(nadia);
    const mine = await exportOf(nadia);
    expect(mine.contactPersonEntries).toEqual([
      expect.objectContaining({ organization_id: orgId, name: t.name, email, phone: t.phone }),
    ]);
    expect(mine.contactPersonHistory).toEqual([
      expect.objectContaining({
        action: 'organization.update',
        organization_id: orgId,
        after: [expect.objectContaining({ name: t.name, phone: t.phone })],
      }),
    ]);
    expect(mine.forumRegistrations).toEqual([
      expect.objectContaining({
        id: t.delegateId,
        name: t.name,
        unavailable: [expect.objectContaining({ slotId: slotIds[0] })],
        history: [expect.objectContaining({ action: 'forum_delegate.register' })],
      }),
    ]);
    expect(mine.invitations).toHaveLength(2);
    expect(mine.invitationsReceived).toHaveLength(1);
    expect(mine.emails).toEqual(
      expect.arrayContaining([expect.objectContaining({ template: 'invitation' })]),
    );

    expect(ok(await app.gql<{ acceptInvitation: Json }>(ACCEPT, { t: t.token }, nadia.headers))).toEqual({
      acceptInvitation: { organizationId: otherOrgId },
    });

    // Her deletion erases all of it: the entry, the delegate's name, address and unavailability,
    // the audit log's values, the invitations and the copies of mails sent to her.
    ok(await app.gql(DELETE, { p: nadia.password }, nadia.headers));
    expect((await app.db.query(`SELECT 1 FROM contact_person WHERE email = $1`, [email])).rows).toEqual([]);
    const { rows: gone } = await app.db.query(
      `SELECT d.name, d.user_id, (SELECT count(*)::int FROM forum_delegate_unavailable u WHERE u.delegate_id = d.id) AS unavailable
         FROM forum_delegate d WHERE d.id = $1`,
      [t.delegateId],
    );
    expect(gone).toEqual([{ name: 'deleted', user_id: null, unavailable: 0 }]);
    expect(await whereFound(app.db, [email, t.phone, t.name, nadia.userId])).toEqual([]);
    // The other contact person of the organisation is untouched, in the table and in the log.
    expect(await whereFound(app.db, ['std@example.org'])).toEqual(
      expect.arrayContaining(['audit_log.after', 'contact_person.email']),
    );
  }, 60_000);

  it('an unverified account keeps the rows that are its own', async () => {
    const user = await signIn(app, { verified: false });
    await app.db.query(`UPDATE organization SET created_by = $1 WHERE id = $2`, [user.userId, otherOrgId]);
    const seen = await exportOf(user);
    expect(seen.account).toEqual(expect.objectContaining({ id: user.userId, email: user.email }));
    expect(seen.sessions).toHaveLength(1);
    expect(seen.organisationsCreatedOrReviewed).toEqual([
      expect.objectContaining({ organization_id: otherOrgId }),
    ]);
    ok(await app.gql(DELETE, { p: user.password }, user.headers));
    expect(await whereFound(app.db, [user.userId])).toEqual([]);
  });
});

describe('erasure is complete', () => {
  it('leaves no trace of a verified account that wrote messages, notes and feedback', async () => {
    const user = await signIn(app, { displayName: `Karim ${hex()}` });
    const marker = `secret-${hex()}`;
    const { rows: own } = await app.db.query<{ id: string }>(
      `INSERT INTO organization (kind, name, description, country, innovation, status, created_by)
       VALUES ('SME', '{"fr":"Atelier de Karim"}', '{}', 'DZ', '{}', 'ACTIVE', $1) RETURNING id`,
      [user.userId],
    );
    const myOrg = own[0].id;
    await app.db.query(`INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, 'OWNER')`, [
      user.userId,
      myOrg,
    ]);
    ok(
      await app.gql(
        `mutation($f: ID!, $t: ID!, $m: String) { requestContact(fromOrganizationId: $f, toOrganizationId: $t, message: $m) { id } }`,
        { f: myOrg, t: orgId, m: `contact ${marker}` },
        user.headers,
      ),
    );
    ok(await app.gql(INVITE, { o: myOrg, e: `colleague-${hex()}@example.org` }, user.headers));
    const mine = ok(
      await app.gql<{ registerDelegate: Json }>(
        REGISTER,
        { i: { editionId, organizationId: orgId, name: 'Karim', email: user.email } },
        organiser.headers,
      ),
    ).registerDelegate.id as string;
    const theirs = ok(
      await app.gql<{ registerDelegate: Json }>(
        REGISTER,
        { i: { editionId, organizationId: otherOrgId, name: 'Autre', email: `autre-${hex()}@example.org` } },
        organiser.headers,
      ),
    ).registerDelegate.id as string;
    // A meeting request with a message, a meeting whose outcome the user noted, a suggestion comment,
    // and the organiser-side links (feed, precedence, schedule run, criteria, saved search).
    const { rows: req } = await app.db.query<{ id: string }>(
      `INSERT INTO forum_meeting_request (edition_id, from_delegate_id, from_organization_id, to_delegate_id,
         to_organization_id, message, requested_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now() + interval '1 day'), ($1, $4, $5, $2, $3, 'hello', NULL, now() + interval '1 day')
       RETURNING id`,
      [editionId, mine, orgId, theirs, otherOrgId, `meet ${marker}`, user.userId],
    );
    const { rows: mt } = await app.db.query<{ id: string }>(
      `INSERT INTO forum_meeting (edition_id, slot_id, uid) VALUES ($1, $2, $3) RETURNING id`,
      [editionId, slotIds[1], `m-${hex()}@test`],
    );
    await app.db.query(
      `INSERT INTO forum_meeting_participant (meeting_id, delegate_id, slot_id, status, outcome, outcome_note, outcome_reported_by)
       VALUES ($1, $2, $3, 'DRAFT', 'HELD', $4, $5), ($1, $6, $3, 'DRAFT', 'HELD', 'their own note', NULL)`,
      [mt[0].id, mine, slotIds[1], `outcome ${marker}`, user.userId, theirs],
    );
    await app.db.query(
      `INSERT INTO suggestion_feedback (organization_id, kind, counterpart_organization_id, verdict, comment, user_id)
       VALUES ($1, 'SUBCONTRACTING', $2, 'DISMISSED', $3, $4)`,
      [myOrg, orgId, `feedback ${marker}`, user.userId],
    );
    // A member of the other organisation, the user sets up its delegate's calendar feed.
    await app.db.query(`INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, 'MEMBER')`, [
      user.userId,
      otherOrgId,
    ]);
    ok(
      await app.gql(
        `mutation($d: ID!) { agendaFeedUrl(delegateId: $d) { path } }`,
        { d: theirs },
        user.headers,
      ),
    );
    await app.db.query(
      `INSERT INTO forum_request_precedence (edition_id, delegate_id, before_request_id, after_request_id, created_by)
       VALUES ($1, $2, $3, $4, $5)`,
      [editionId, mine, req[0].id, req[1].id, user.userId],
    );
    await app.db.query(
      `INSERT INTO forum_schedule_run (id, edition_id, state, requested_by) VALUES ($1, $2, 'DONE', $3)`,
      [`run-${hex()}`, editionId, user.userId],
    );
    await app.db.query(`UPDATE organization SET reviewed_by = $1 WHERE id = $2`, [user.userId, otherOrgId]);
    // Reasons the user gave: declining a request to another delegate, and cancelling one (through the api).
    await app.db.query(
      `INSERT INTO forum_meeting_request (edition_id, from_delegate_id, from_organization_id, to_delegate_id,
         to_organization_id, status, responded_by, responded_at, reason, expires_at)
       VALUES ($1, $2, $3, $4, $5, 'DECLINED', $6, now(), $7, now() + interval '1 day')`,
      [editionId, mine, orgId, theirs, otherOrgId, user.userId, `declined ${marker}`],
    );
    ok(
      await app.gql(
        `mutation($r: ID!, $o: ID!, $why: String) { cancelMeetingRequest(requestId: $r, organizationId: $o, reason: $why) { status } }`,
        { r: req[1].id, o: otherOrgId, why: `cancel ${marker}` },
        user.headers,
      ),
    );

    // An in-app notification addressed to the user.
    await app.db.query(
      `INSERT INTO notification (user_id, kind, payload) VALUES ($1, 'organization-rejected', $2)`,
      [user.userId, { organizationId: myOrg, reason: `notice ${marker}` }],
    );

    const exported = await exportOf(user);
    const text = JSON.stringify(exported);
    expect(exported.notifications.map((n: Json) => n.kind)).toContain('organization-rejected');
    for (const what of ['contact', 'meet', 'outcome', 'feedback', 'declined', 'cancel', 'notice'])
      expect(text).toContain(`${what} ${marker}`);
    expect(exported.forumOrganiserActions.map((a: Json) => a.what).sort()).toEqual([
      'agenda feed',
      'request precedence',
      'schedule run',
    ]);

    ok(await app.gql(DELETE, { p: user.password }, user.headers));
    expect(await whereFound(app.db, [marker, user.email, user.userId])).toEqual([]);
    // What belongs to others stays: the other side's note and message.
    expect(await whereFound(app.db, ['their own note'])).toEqual(['forum_meeting_participant.outcome_note']);
    expect(
      (await app.db.query(`SELECT 1 FROM forum_meeting_request WHERE message = 'hello'`)).rows,
    ).toHaveLength(1);
  }, 60_000);
});

describe('the schema', () => {
  it('has no personal-looking column that no source covers and no keep-list names', async () => {
    // The migrated template the api's databases are cloned from.
    const database = await createTestDatabase();
    const db = new pg.Pool({ connectionString: database.url, max: 1 });
    try {
      const { rows } = await db.query<{ table: string; column: string }>(
        `SELECT c.table_name AS table, c.column_name AS column FROM information_schema.columns c
           JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
          WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'`,
      );
      expect(rows.length).toBeGreaterThan(100);
      expect(personalDataGaps(rows)).toEqual({ uncovered: [], unknown: [] });
      // The rule itself catches what the issue names, and a new column would be caught.
      expect(
        personalDataGaps([...rows, { table: 'forum_delegate', column: 'ip_address' }]).uncovered,
      ).toEqual(['forum_delegate.ip_address']);
    } finally {
      await db.end();
      await database.drop();
    }
  });

  it('recognises personal-looking names', () => {
    for (const c of [
      'email',
      'phone',
      'display_name',
      'message',
      'outcome_note',
      'comment',
      'created_by',
      'user_id',
      'ip',
      'user_agent',
    ])
      expect([c, looksPersonal(c)]).toEqual([c, true]);
    for (const c of ['description', 'recipe', 'shipping', 'status', 'edition_id', 'by_kind'])
      expect([c, looksPersonal(c)]).toEqual([c, false]);
    for (const [column, reason] of keptColumns())
      expect([column, reason.length > 10]).toEqual([column, true]);
    expect(personalDataSources().every((s) => !/\$[3-9]/.test(s.exportSql + (s.deleteSql ?? '')))).toBe(true);
  });
});
