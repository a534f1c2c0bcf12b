import { randomBytes } from 'node:crypto';
import {
  bootTestApp,
  insertOrganization,
  lastMail,
  signIn,
  type TestApp,
  type TestUser,
  ok,
  codeOf,
  type Json,
} from '#testing';

/*
 * Claiming an organisation without members: the masked choices, the code mailed to the chosen
 * address, confirmation making the claimant owner, the refusals, contested claims decided by
 * organisers, the organisers' list, the sender budget, and organisers inviting a first owner.
 */

let app: TestApp;
let organiser: TestUser;

const OPTIONS = `query($id: ID!) { claimOptions(id: $id) { address kind } }`;
const CLAIM = `mutation($id: ID!, $e: String!) {
  claimOrganization(id: $id, email: $e) { id organizationId status address expiresAt }
}`;
const CONFIRM = `mutation($c: ID!, $code: String!) {
  confirmOrganizationClaim(claimId: $c, code: $code) { id status contestReason }
}`;
const LIST = `query($s: OrganizationClaimStatus) {
  organizationClaims(status: $s) { id organizationId claimantId address status contestReason note }
}`;
const RESOLVE = `mutation($id: ID!, $a: Boolean!, $n: String) {
  resolveOrganizationClaim(id: $id, approve: $a, note: $n) { id status note }
}`;

const tokenIn = (body: string) => /token=([A-Za-z0-9_-]+)/.exec(body)?.[1];

/** An organisation as an import leaves it: public, no members, one contact person, a website. */
async function importedOrg(): Promise<{ id: string; contact: string; domain: string }> {
  const tag = randomBytes(4).toString('hex');
  const domain = `firm-${tag}.dz`;
  const contact = `amina.${tag}@${domain}`;
  const id = await insertOrganization(app.db, {
    name: `Usinage ${tag}`,
    status: 'ACTIVE',
    website: `https://www.${domain}/fr`,
  });
  await app.db.query(
    `INSERT INTO contact_person (organization_id, position, name, email) VALUES ($1, 0, 'Amina', $2)`,
    [id, contact],
  );
  return { id, contact, domain };
}

const roleOf = async (userId: string, organizationId: string) =>
  (
    await app.db.query<{ role: string }>(
      `SELECT role FROM membership WHERE user_id = $1 AND organization_id = $2`,
      [userId, organizationId],
    )
  ).rows[0]?.role ?? null;

async function claimAndCode(user: TestUser, orgId: string, email: string, to = email) {
  const claim = ok(
    await app.gql<{ claimOrganization: Json }>(CLAIM, { id: orgId, e: email }, user.headers),
  ).claimOrganization;
  const mail = await lastMail(app, to, 'organization-claim');
  return { claim, code: tokenIn(mail!.body)! };
}

beforeAll(async () => {
  app = await bootTestApp({ env: { SENDER_MAILS_PER_HOUR: '4' } });
  organiser = await signIn(app, { roles: ['ORGANISER'] });
}, 120_000);
afterAll(() => app?.close());

it('lists masked choices, mails a code to the chosen address, and the code makes the claimant owner', async () => {
  const org = await importedOrg();
  const user = await signIn(app);
  const options = ok(
    await app.gql<{ claimOptions: Json[] }>(OPTIONS, { id: org.id }, user.headers),
  ).claimOptions;
  expect(options).toEqual([
    { address: `a***@${org.domain}`, kind: 'CONTACT_PERSON' },
    { address: `*@${org.domain}`, kind: 'WEBSITE_DOMAIN' },
  ]);
  expect(JSON.stringify(options)).not.toContain(org.contact);

  // Chosen by its masked form: the code goes to the full address, the claimant sees it masked.
  const { claim, code } = await claimAndCode(user, org.id, options[0].address, org.contact);
  expect(claim).toMatchObject({ status: 'CODE_SENT', address: `a***@${org.domain}` });
  const mail = await lastMail(app, org.contact, 'organization-claim');
  expect(mail!.body).toContain(user.email);
  expect(mail!.body).toContain(`/claims/${claim.id}`);
  // At rest the code is a hash.
  const { rows } = await app.db.query<{ code_hash: string }>(
    `SELECT code_hash FROM organization_claim WHERE id = $1`,
    [claim.id],
  );
  expect(rows[0].code_hash).not.toContain(code);

  // A wrong code is refused and counted; the right one works once.
  const wrong = await app.gql(CONFIRM, { c: claim.id, code: 'not-the-code' }, user.headers);
  expect(codeOf(wrong)).toBe('INVALID_TOKEN');
  expect(await roleOf(user.userId, org.id)).toBeNull();
  // Someone else cannot use the claim, even with its code.
  const stranger = await signIn(app);
  expect(codeOf(await app.gql(CONFIRM, { c: claim.id, code }, stranger.headers))).toBe('NOT_FOUND');

  const confirmed = ok(
    await app.gql<{ confirmOrganizationClaim: Json }>(CONFIRM, { c: claim.id, code }, user.headers),
  ).confirmOrganizationClaim;
  expect(confirmed).toMatchObject({ status: 'APPROVED', contestReason: null });
  expect(await roleOf(user.userId, org.id)).toBe('OWNER');
  expect(codeOf(await app.gql(CONFIRM, { c: claim.id, code }, user.headers))).toBe('INVALID_TOKEN');

  const audit = await app.db.query<{ action: string; actor_id: string }>(
    `SELECT action, actor_id FROM audit_log WHERE entity_id = $1 ORDER BY id`,
    [org.id],
  );
  expect(audit.rows.map((r) => r.action)).toEqual([
    'organization.claim',
    'membership.join',
    'organization.claim-confirm',
  ]);
  expect(audit.rows.every((r) => r.actor_id === user.userId)).toBe(true);

  // Now it has an owner: no choices, no claims.
  expect(codeOf(await app.gql(OPTIONS, { id: org.id }, stranger.headers))).toBe('CONFLICT');
  const again = await app.gql(CLAIM, { id: org.id, e: org.contact }, stranger.headers);
  expect(codeOf(again)).toBe('CONFLICT');
  expect(again.errors![0].extensions!.reason).toBe('ORGANIZATION_HAS_OWNER');
});

it('tells apart contact addresses that would look alike, and mails the one chosen', async () => {
  const org = await importedOrg();
  // A second contact with the same first letter as the first ("amina.<hex>"); it ends in a letter
  // no hexadecimal tag ends in.
  const second = `ahmed.z@${org.domain}`;
  await app.db.query(
    `INSERT INTO contact_person (organization_id, position, name, email) VALUES ($1, 1, 'Ahmed', $2)`,
    [org.id, second],
  );
  const user = await signIn(app);
  const options = ok(
    await app.gql<{ claimOptions: { address: string; kind: string }[] }>(
      OPTIONS,
      { id: org.id },
      user.headers,
    ),
  ).claimOptions;
  expect(options).toEqual([
    { address: `a***${org.contact.split('@')[0].slice(-1)}@${org.domain}`, kind: 'CONTACT_PERSON' },
    { address: `a***z@${org.domain}`, kind: 'CONTACT_PERSON' },
    { address: `*@${org.domain}`, kind: 'WEBSITE_DOMAIN' },
  ]);
  // Each mask names one address: the second goes to the second contact.
  await claimAndCode(user, org.id, options[1].address, second);
});

it('accepts an address at the website domain, refuses any other, and voids a claim after five wrong codes', async () => {
  const org = await importedOrg();
  const user = await signIn(app);
  const elsewhere = await app.gql(CLAIM, { id: org.id, e: 'me@gmail.com' }, user.headers);
  expect(codeOf(elsewhere)).toBe('BAD_USER_INPUT');
  const own = `direction@${org.domain}`;
  const { claim, code } = await claimAndCode(user, org.id, own.toUpperCase(), own);
  for (let i = 0; i < 5; i++)
    expect(codeOf(await app.gql(CONFIRM, { c: claim.id, code: `wrong-${i}` }, user.headers))).toBe(
      'INVALID_TOKEN',
    );
  expect(codeOf(await app.gql(CONFIRM, { c: claim.id, code }, user.headers))).toBe('INVALID_TOKEN');
  expect(await roleOf(user.userId, org.id)).toBeNull();
});

it('refuses unverified users, and organisations that have an owner', async () => {
  const org = await importedOrg();
  const unverified = await signIn(app, { verified: false });
  expect(codeOf(await app.gql(OPTIONS, { id: org.id }, unverified.headers))).toBe('FORBIDDEN');
  expect(codeOf(await app.gql(CLAIM, { id: org.id, e: org.contact }, unverified.headers))).toBe('FORBIDDEN');
  expect(await lastMail(app, org.contact, 'organization-claim')).toBeNull();

  const owned = await importedOrg();
  await signIn(app, { memberships: [{ organizationId: owned.id, role: 'OWNER' }] });
  const user = await signIn(app);
  expect(codeOf(await app.gql(CLAIM, { id: owned.id, e: owned.contact }, user.headers))).toBe('CONFLICT');
  expect(await lastMail(app, owned.contact, 'organization-claim')).toBeNull();
});

it('sends contested claims to organisers, whose decision applies; only organisers list claims', async () => {
  const org = await importedOrg();
  const first = await signIn(app);
  const second = await signIn(app);
  const a = await claimAndCode(first, org.id, org.contact);
  const b = await claimAndCode(second, org.id, `achats@${org.domain}`);

  // Two claimants with open claims: confirming does not make either owner.
  for (const [user, c] of [
    [first, a],
    [second, b],
  ] as const)
    expect(
      ok(
        await app.gql<{ confirmOrganizationClaim: Json }>(
          CONFIRM,
          { c: c.claim.id, code: c.code },
          user.headers,
        ),
      ).confirmOrganizationClaim,
    ).toMatchObject({ status: 'CONTESTED', contestReason: 'OTHER_CLAIMANT' });
  expect(await roleOf(first.userId, org.id)).toBeNull();
  expect(await roleOf(second.userId, org.id)).toBeNull();

  // Each contested confirmation reaches the organisers, by mail (in their language) and in the app.
  const claimIds = [a.claim.id, b.claim.id];
  const { rows: told } = await app.db.query<{ subject: string; body: string }>(
    `SELECT subject, body FROM mail_outbox
      WHERE recipient = $1 AND template = 'organization-claim-contested' AND params->>'claimId' = ANY($2)`,
    [organiser.email, claimIds],
  );
  expect(told).toHaveLength(2);
  for (const mail of told) {
    expect(mail.subject).toMatch(/^Revendication contestée de Usinage [0-9a-f]{8}$/);
    expect(mail.body).toContain('une autre personne la revendique aussi');
    expect(mail.body).toContain('/console/claims');
  }
  const { rows: contestedNotices } = await app.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM notification
      WHERE user_id = $1 AND kind = 'organization-claim-contested' AND payload->>'claimId' = ANY($2)`,
    [organiser.userId, claimIds],
  );
  expect(contestedNotices[0].n).toBe(2);

  // Organisers see them, with the full addresses; nobody else may list or decide.
  const contested = ok(
    await app.gql<{ organizationClaims: Json[] }>(LIST, { s: 'CONTESTED' }, organiser.headers),
  ).organizationClaims.filter((c) => c.organizationId === org.id);
  expect(contested.map((c) => c.claimantId).sort()).toEqual([first.userId, second.userId].sort());
  expect(contested.map((c) => c.address).sort()).toEqual([`achats@${org.domain}`, org.contact].sort());
  for (const who of [first, second]) expect(codeOf(await app.gql(LIST, {}, who.headers))).toBe('FORBIDDEN');
  expect(codeOf(await app.gql(LIST, {}, {}))).toBe('UNAUTHENTICATED');
  expect(codeOf(await app.gql(RESOLVE, { id: a.claim.id, a: true }, first.headers))).toBe('FORBIDDEN');

  // The organisers approve the second and reject the first.
  expect(
    ok(
      await app.gql<{ resolveOrganizationClaim: Json }>(
        RESOLVE,
        { id: b.claim.id, a: true, n: 'Registre du commerce vérifié' },
        organiser.headers,
      ),
    ).resolveOrganizationClaim,
  ).toMatchObject({ status: 'APPROVED', note: 'Registre du commerce vérifié' });
  ok(
    await app.gql(RESOLVE, { id: a.claim.id, a: false, n: 'Pas de lien avec la société' }, organiser.headers),
  );
  expect(await roleOf(second.userId, org.id)).toBe('OWNER');
  expect(await roleOf(first.userId, org.id)).toBeNull();
  // Each claimant sees the outcome of their own claim, the address masked, and no one else's.
  const mine = ok(
    await app.gql<{ myOrganizationClaims: Json[] }>(
      `{ myOrganizationClaims { id status address note } }`,
      {},
      first.headers,
    ),
  ).myOrganizationClaims;
  expect(mine).toEqual([
    {
      id: a.claim.id,
      status: 'REJECTED',
      address: org.contact.replace(/^(.).*@/, '$1***@'),
      note: 'Pas de lien avec la société',
    },
  ]);
  // The claimants hear of the decision, with the note, by mail and in the app.
  expect((await lastMail(app, first.email, 'organization-claim-rejected'))!.body).toContain(
    'Pas de lien avec la société',
  );
  expect(await lastMail(app, second.email, 'organization-claim-approved')).not.toBeNull();
  const notices = await app.db.query<{ kind: string; payload: Json }>(
    `SELECT kind, payload FROM notification WHERE user_id = $1`,
    [first.userId],
  );
  expect(notices.rows).toEqual([
    expect.objectContaining({
      kind: 'organization-claim-rejected',
      payload: expect.objectContaining({ claimId: a.claim.id, organizationId: org.id }),
    }),
  ]);
  // A decided claim stays decided.
  expect(codeOf(await app.gql(RESOLVE, { id: a.claim.id, a: true }, organiser.headers))).toBe('CONFLICT');
  const rejected = ok(
    await app.gql<{ organizationClaims: Json[] }>(LIST, { s: 'REJECTED' }, organiser.headers),
  ).organizationClaims.find((c) => c.id === a.claim.id);
  expect(rejected).toMatchObject({ status: 'REJECTED', note: 'Pas de lien avec la société' });
});

it('sends a claim to organisers when the organisation got an owner before its code was confirmed', async () => {
  const org = await importedOrg();
  const claimant = await signIn(app);
  const c = await claimAndCode(claimant, org.id, org.contact);
  // Meanwhile an organiser invites a first owner, who accepts.
  const invitee = await signIn(app);
  ok(
    await app.gql(
      `mutation($o: ID!, $e: String!) { inviteMember(organizationId: $o, email: $e, role: OWNER) { id } }`,
      { o: org.id, e: invitee.email },
      organiser.headers,
    ),
  );
  const token = tokenIn((await lastMail(app, invitee.email, 'invitation'))!.body)!;
  ok(
    await app.gql(
      `mutation($t: String!) { acceptInvitation(token: $t) { role } }`,
      { t: token },
      invitee.headers,
    ),
  );
  expect(await roleOf(invitee.userId, org.id)).toBe('OWNER');

  expect(
    ok(
      await app.gql<{ confirmOrganizationClaim: Json }>(
        CONFIRM,
        { c: c.claim.id, code: c.code },
        claimant.headers,
      ),
    ).confirmOrganizationClaim,
  ).toMatchObject({ status: 'CONTESTED', contestReason: 'HAS_OWNER' });
  expect(await roleOf(claimant.userId, org.id)).toBeNull();
});

it('counts claims against the sender budget', async () => {
  const user = await signIn(app);
  const orgs = await Promise.all([1, 2, 3, 4, 5].map(() => importedOrg()));
  for (const org of orgs.slice(0, 4)) ok(await app.gql(CLAIM, { id: org.id, e: org.contact }, user.headers));
  const over = await app.gql(CLAIM, { id: orgs[4].id, e: orgs[4].contact }, user.headers);
  expect(codeOf(over)).toBe('RATE_LIMITED');
  expect(await lastMail(app, orgs[4].contact, 'organization-claim')).toBeNull();
});

it("exports the claimant's claims and erases them with the account", async () => {
  const org = await importedOrg();
  const user = await signIn(app);
  const { claim } = await claimAndCode(user, org.id, org.contact);
  const exported = ok(
    await app.gql<{ exportMyData: unknown }>(`{ exportMyData }`, {}, user.headers),
  ).exportMyData;
  const data = (typeof exported === 'string' ? JSON.parse(exported) : exported) as Json;
  expect(data.organizationClaims).toEqual([
    expect.objectContaining({
      id: claim.id,
      organization_id: org.id,
      email: org.contact,
      status: 'CODE_SENT',
    }),
  ]);
  ok(
    await app.gql(
      `mutation($p: String!) { deleteMyAccount(password: $p) { deleted } }`,
      { p: user.password },
      user.headers,
    ),
  );
  const { rows } = await app.db.query(`SELECT 1 FROM organization_claim WHERE id = $1`, [claim.id]);
  expect(rows).toEqual([]);
});

it('lists pending invitations and withdraws one: its emailed code then stops working', async () => {
  const org = await importedOrg();
  const [kept, withdrawn] = [await signIn(app), await signIn(app)];
  const INVITE = `mutation($o: ID!, $e: String!) { inviteMember(organizationId: $o, email: $e) { id createdAt invitedBy } }`;
  const PENDING = `query($o: ID!) { organizationInvitations(organizationId: $o) { id email role expiresAt invitedBy } }`;
  const REVOKE = `mutation($o: ID!, $i: ID!) { revokeInvitation(organizationId: $o, invitationId: $i) }`;
  const ACCEPT = `mutation($t: String!) { acceptInvitation(token: $t) { role } }`;
  const first = ok(
    await app.gql<{ inviteMember: Json }>(INVITE, { o: org.id, e: kept.email }, organiser.headers),
  );
  const second = ok(
    await app.gql<{ inviteMember: Json }>(INVITE, { o: org.id, e: withdrawn.email }, organiser.headers),
  );
  const pending = () =>
    app.gql<{ organizationInvitations: Json[] }>(PENDING, { o: org.id }, organiser.headers).then(ok);
  // Newest first, with who sent them.
  expect((await pending()).organizationInvitations.map((i) => i.email)).toEqual([
    withdrawn.email,
    kept.email,
  ]);
  expect((await pending()).organizationInvitations[0]).toMatchObject({
    id: second.inviteMember.id,
    role: 'MEMBER',
    invitedBy: expect.any(String),
  });

  expect(ok(await app.gql(REVOKE, { o: org.id, i: second.inviteMember.id }, organiser.headers))).toEqual({
    revokeInvitation: true,
  });
  expect((await pending()).organizationInvitations.map((i) => i.id)).toEqual([first.inviteMember.id]);
  const { rows: audit } = await app.db.query<{ action: string }>(
    `SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'membership.revoke-invitation'`,
    [org.id],
  );
  expect(audit).toHaveLength(1);
  // The withdrawn code is refused; the other one still works.
  const withdrawnToken = tokenIn((await lastMail(app, withdrawn.email, 'invitation'))!.body)!;
  expect(codeOf(await app.gql(ACCEPT, { t: withdrawnToken }, withdrawn.headers))).toBe('INVALID_TOKEN');
  const keptToken = tokenIn((await lastMail(app, kept.email, 'invitation'))!.body)!;
  ok(await app.gql(ACCEPT, { t: keptToken }, kept.headers));
  expect(await roleOf(kept.userId, org.id)).toBe('MEMBER');
  // Accepted or withdrawn: neither is pending, and neither can be withdrawn again.
  expect((await pending()).organizationInvitations).toEqual([]);
  for (const id of [first.inviteMember.id, second.inviteMember.id])
    expect(codeOf(await app.gql(REVOKE, { o: org.id, i: id }, organiser.headers))).toBe('NOT_FOUND');
  // An invitation of another organisation is not found through this one.
  const other = await importedOrg();
  const foreign = ok(
    await app.gql<{ inviteMember: Json }>(INVITE, { o: other.id, e: withdrawn.email }, organiser.headers),
  );
  expect(codeOf(await app.gql(REVOKE, { o: org.id, i: foreign.inviteMember.id }, organiser.headers))).toBe(
    'NOT_FOUND',
  );
  expect(codeOf(await app.gql(REVOKE, { o: org.id, i: 'not-an-id' }, organiser.headers))).toBe(
    'BAD_USER_INPUT',
  );
});
