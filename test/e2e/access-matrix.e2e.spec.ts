import { randomBytes, randomUUID } from 'node:crypto';
import {
  addMembership,
  bootTestApp,
  createOrganizationThroughApi,
  insertOrganization,
  openForumEdition,
  registerDelegate,
  eventually,
  signIn,
  type GqlResponse,
  type TestApp,
  type TestUser,
  ok,
  type Json,
} from '#testing';
import { UnsubscribeTokens } from '#notifications';

/*
 * Who may do what, as a table: every role against every operation with an access rule, each cell
 * either allowed (no error) or refused with its exact code; then every path to a private field
 * (contact persons, pending organisations, financier criteria); then a sweep over the schema that
 * proves every root field carries an access rule.
 */

const ROLES = [
  'anonymous',
  'unverified',
  'verified',
  'memberA',
  'ownerA',
  'otherOrg',
  'grantedOrg',
  'organiser',
  'admin',
] as const;
type Role = (typeof ROLES)[number];
type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';
type Row = Record<Role, Outcome>;

/** A row: `base` for every signed-in role, UNAUTHENTICATED for anonymous, then the exceptions. */
const row = (base: Outcome, exceptions: Partial<Row> = {}): Row => ({
  ...(Object.fromEntries(ROLES.map((r) => [r, base])) as Row),
  anonymous: 'UNAUTHENTICATED',
  ...exceptions,
});
const PUBLIC = row('OK', { anonymous: 'OK' });
const SIGNED_IN = row('OK');
const VERIFIED = row('OK', { unverified: 'FORBIDDEN' });
const MEMBERS = row('FORBIDDEN', { memberA: 'OK', ownerA: 'OK' });
const OWNERS = row('FORBIDDEN', { ownerA: 'OK' });
const ORGANISERS = row('FORBIDDEN', { organiser: 'OK', admin: 'OK' });
const MEMBERS_OR_ORGANISERS = row('FORBIDDEN', { memberA: 'OK', ownerA: 'OK', organiser: 'OK', admin: 'OK' });
const ADMINS = row('FORBIDDEN', { admin: 'OK' });
/** On an organisation that is not public: outsiders are told it does not exist. */
const HIDDEN_MEMBERS_OR_ORGANISERS = row('NOT_FOUND', {
  memberA: 'OK',
  ownerA: 'OK',
  organiser: 'OK',
  admin: 'OK',
});
/** Visible to its members and organisers, to anyone else as missing (anonymous included). */
const HIDDEN_READ = { ...HIDDEN_MEMBERS_OR_ORGANISERS, anonymous: 'NOT_FOUND' } as Row;

let app: TestApp;
const who = {} as Record<Role, TestUser | null>;
const headersOf = (r: Role) => who[r]?.headers ?? {};
let orgA: string;
let orgB: string;
let orgC: string;
let pendingP: string;
let oppA: string;
let oppP: string;
let editionId: string;
let spareOwner: string;
let spareMember: string;
const A_CONTACT = { name: 'Yasmine Kaci', email: 'y.kaci@financier-a.example', phone: '+213 21 00 11 22' };

const outcomeOf = (r: GqlResponse<unknown>): string =>
  r.errors?.length ? String(r.errors[0].extensions?.code) : 'OK';

const financierInput = (name: string) => ({
  kind: 'FINANCIER',
  subtype: 'DEVELOPMENT_BANK',
  name: { fr: name },
  country: 'DZ',
  regionCode: 'DZ-16',
  financier: {
    instruments: ['LOAN'],
    ticketMin: 1_000_000,
    ticketMax: 50_000_000,
    currency: 'DZD',
    targetSectors: ['C'],
    targetCountries: ['DZ'],
    stages: ['GROWTH'],
  },
  contacts: [A_CONTACT],
});
const smeInput = (name: string) => ({
  kind: 'SME',
  name: { fr: name },
  country: 'DZ',
  regionCode: 'DZ-09',
  sectors: ['25'],
  contacts: [{ name: `Contact ${name}`, email: `contact@${randomBytes(4).toString('hex')}.example` }],
});
const oppInput = (organizationId: string) => ({
  organizationId,
  type: 'SUBCONTRACTING_REQUEST',
  title: { fr: 'Pièces usinées en série' },
  description: { fr: 'Lots de 500 pièces.' },
  sectors: ['25'],
  processes: ['CNC_MACHINING'],
  countries: ['DZ'],
  expiresAt: '2031-12-31',
});

const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id status } }`;
const APPROVE = `mutation($id: ID!) { approveOrganization(id: $id) { id status } }`;

/** An organisation created through the api by `owner`, approved by an organiser unless asked not to. */
const orgThroughApi = (owner: TestUser, input: Json, approve = true) =>
  createOrganizationThroughApi(app, owner.headers, input, approve ? who.organiser!.headers : undefined);

/**
 * A throw-away organisation for one cell of a destructive operation, written directly: ownerA and a
 * spare owner own it, memberA and a spare member belong to it.
 */
async function freshOrg(status: 'ACTIVE' | 'PENDING' | 'REJECTED' = 'ACTIVE'): Promise<string> {
  const id = await insertOrganization(app.db, { name: `Cellule ${randomBytes(3).toString('hex')}`, status });
  await addMembership(app, who.ownerA!.userId, id, 'OWNER');
  await addMembership(app, spareOwner, id, 'OWNER');
  await addMembership(app, who.memberA!.userId, id, 'MEMBER');
  await addMembership(app, spareMember, id, 'MEMBER');
  return id;
}

/** A public organisation without members (as an import leaves it), with one contact address. */
async function ownerlessOrg(): Promise<{ id: string; contact: string }> {
  const tag = randomBytes(3).toString('hex');
  const id = await insertOrganization(app.db, { name: `Importée ${tag}`, status: 'ACTIVE' });
  const contact = `contact@importee-${tag}.example`;
  await app.db.query(
    `INSERT INTO contact_person (organization_id, position, name, email) VALUES ($1, 0, 'Contact', $2)`,
    [id, contact],
  );
  return { id, contact };
}

async function freshOpportunity(organizationId: string): Promise<string> {
  const { rows } = await app.db.query<{ id: string }>(
    `INSERT INTO opportunity (organization_id, type, title, description)
     VALUES ($1, 'CAPABILITY_OFFER', '{"ar":null,"fr":"Offre jetable","en":null}', '{}') RETURNING id`,
    [organizationId],
  );
  return rows[0].id;
}

async function freshContactRequest(from: string, to: string): Promise<string> {
  const { rows } = await app.db.query<{ id: string }>(
    `INSERT INTO contact_request (from_organization_id, to_organization_id, requested_by) VALUES ($1, $2, $3)
     RETURNING id`,
    [from, to, spareOwner],
  );
  return rows[0].id;
}

async function freshInvitation(organizationId: string): Promise<string> {
  const { rows } = await app.db.query<{ id: string }>(
    `INSERT INTO organization_invitation (organization_id, email, role, token_hash, expires_at)
     VALUES ($1, $2, 'MEMBER', $3, now() + interval '7 days') RETURNING id`,
    [
      organizationId,
      `invitee-${randomBytes(4).toString('hex')}@example.org`,
      randomBytes(16).toString('hex'),
    ],
  );
  return rows[0].id;
}

async function bareUser(): Promise<string> {
  const { rows } = await app.db.query<{ id: string }>(
    `INSERT INTO user_account (email, password_hash, display_name, consent_version, consented_at)
     VALUES ($1, 'not-a-hash', 'Spare', 'test', now()) RETURNING id`,
    [`spare-${randomBytes(5).toString('hex')}@example.org`],
  );
  return rows[0].id;
}

beforeAll(async () => {
  // The worker indexes organisations, for the search paths.
  app = await bootTestApp({ worker: true, env: { RATE_LIMIT_POINTS: '0' } });
  who.anonymous = null;
  who.organiser = await signIn(app, { roles: ['ORGANISER'] });
  who.admin = await signIn(app, { roles: ['ADMIN'] });
  who.unverified = await signIn(app, { verified: false });
  who.verified = await signIn(app);
  who.ownerA = await signIn(app);
  who.memberA = await signIn(app);
  who.otherOrg = await signIn(app);
  who.grantedOrg = await signIn(app);
  spareOwner = await bareUser();
  spareMember = await bareUser();

  orgA = await orgThroughApi(who.ownerA, financierInput('Banque Alpha du Développement'));
  await addMembership(app, who.memberA.userId, orgA, 'MEMBER');
  orgB = await orgThroughApi(who.otherOrg, smeInput('Fonderie Beta'));
  orgC = await orgThroughApi(who.grantedOrg, smeInput('Chaudronnerie Gamma'));
  pendingP = await orgThroughApi(who.ownerA, financierInput('Banque Pendante'), false);
  await addMembership(app, who.memberA.userId, pendingP, 'MEMBER');

  // C asks A for contact, A accepts: C's members may now see A's contact persons.
  const request = ok(
    await app.gql<{ requestContact: Json }>(
      `mutation($f: ID!, $t: ID!) { requestContact(fromOrganizationId: $f, toOrganizationId: $t, message: "Bonjour") { id } }`,
      { f: orgC, t: orgA },
      who.grantedOrg.headers,
    ),
  ).requestContact;
  ok(
    await app.gql(
      `mutation($id: ID!) { respondToContactRequest(id: $id, accept: true) { status } }`,
      { id: request.id },
      who.ownerA.headers,
    ),
  );

  const CREATE_OPP = `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }`;
  oppA = ok(
    await app.gql<{ createOpportunity: Json }>(CREATE_OPP, { input: oppInput(orgA) }, who.ownerA.headers),
  ).createOpportunity.id;
  oppP = ok(
    await app.gql<{ createOpportunity: Json }>(CREATE_OPP, { input: oppInput(pendingP) }, who.ownerA.headers),
  ).createOpportunity.id;

  ok(
    await app.gql(
      `mutation($o: ID!, $i: FinancierCriteriaInput!) { setFinancierCriteria(organizationId: $o, input: $i) { sectors } }`,
      { o: orgA, i: { sectors: ['C'], countries: ['DZ'], stages: ['GROWTH'] } },
      who.ownerA.headers,
    ),
  );

  editionId = await openForumEdition(app, who.organiser.headers, editionInput());
  // Org A takes part in the edition, so its members may browse the participants directory.
  await registerDelegate(app, who.organiser.headers, {
    editionId,
    organizationId: orgA,
    name: 'Delegate A',
    email: 'delegate.a@example.org',
  });
}, 180_000);
afterAll(() => app?.close());

function editionInput() {
  return {
    name: { fr: `Forum ${randomBytes(3).toString('hex')}` },
    startsOn: '2031-03-14',
    endsOn: '2031-03-15',
    slotMinutes: 30,
    sessions: [{ day: '2031-03-14', kind: 'MORNING', start: '09:00', end: '11:00' }],
  };
}

interface Operation {
  name: string;
  query: string;
  /** The variables of one cell; destructive operations make a fresh target per cell. */
  vars?: (role: Role) => Json | Promise<Json>;
  expect: Row;
}

const OPERATIONS: Operation[] = [
  // identity
  { name: 'me', query: `{ me { id } }`, expect: PUBLIC },
  { name: 'exportMyData', query: `{ exportMyData }`, expect: SIGNED_IN },
  { name: 'mySessions', query: `{ mySessions { id current } }`, expect: SIGNED_IN },
  { name: 'setMyLocale', query: `mutation { setMyLocale(locale: ar) }`, expect: SIGNED_IN },
  { name: 'auditLog', query: `{ auditLog(first: 5) { entries { id action } } }`, expect: ADMINS },
  { name: 'platformStaff', query: `{ platformStaff { userId roles } }`, expect: ADMINS },
  {
    name: 'userByEmail',
    query: `{ userByEmail(email: "nobody@example.org") { userId } }`,
    expect: ADMINS,
  },
  {
    name: 'importOrganizations (a part whose one record is rejected)',
    query: `mutation { importOrganizations(input: { format: JSONL, text: "{}" }) { read rejected { line } } }`,
    expect: ORGANISERS,
  },
  {
    name: 'organizationMembers (public org A)',
    query: `query($o: ID!) { organizationMembers(organizationId: $o) { userId role } }`,
    vars: () => ({ o: orgA }),
    expect: MEMBERS_OR_ORGANISERS,
  },
  {
    name: 'organizationMembers (pending org P)',
    query: `query($o: ID!) { organizationMembers(organizationId: $o) { userId role } }`,
    vars: () => ({ o: pendingP }),
    expect: HIDDEN_MEMBERS_OR_ORGANISERS,
  },
  {
    name: 'inviteMember',
    query: `mutation($o: ID!, $e: String!) { inviteMember(organizationId: $o, email: $e) { id } }`,
    vars: () => ({ o: orgA, e: `invitee-${randomBytes(4).toString('hex')}@example.org` }),
    expect: row('FORBIDDEN', { ownerA: 'OK', organiser: 'OK', admin: 'OK' }),
  },
  {
    name: 'openJobQueues',
    query: `mutation { openJobQueues }`,
    vars: () => ({}),
    expect: ADMINS,
  },
  {
    name: 'organizationInvitations',
    query: `query($o: ID!) { organizationInvitations(organizationId: $o) { id email } }`,
    vars: () => ({ o: orgA }),
    expect: row('FORBIDDEN', { ownerA: 'OK', organiser: 'OK', admin: 'OK' }),
  },
  {
    name: 'revokeInvitation',
    query: `mutation($o: ID!, $i: ID!) { revokeInvitation(organizationId: $o, invitationId: $i) }`,
    vars: async () => ({ o: orgA, i: await freshInvitation(orgA) }),
    expect: row('FORBIDDEN', { ownerA: 'OK', organiser: 'OK', admin: 'OK' }),
  },
  {
    name: 'claimOptions',
    query: `query($id: ID!) { claimOptions(id: $id) { address } }`,
    vars: async () => ({ id: (await ownerlessOrg()).id }),
    expect: VERIFIED,
  },
  {
    name: 'claimOrganization',
    query: `mutation($id: ID!, $e: String!) { claimOrganization(id: $id, email: $e) { id } }`,
    vars: async () => {
      const org = await ownerlessOrg();
      return { id: org.id, e: org.contact };
    },
    expect: VERIFIED,
  },
  {
    name: 'myOrganizationClaims',
    query: `{ myOrganizationClaims { id status } }`,
    expect: VERIFIED,
  },
  {
    name: 'organizationClaims',
    query: `{ organizationClaims { id status } }`,
    expect: ORGANISERS,
  },
  {
    name: 'resolveOrganizationClaim',
    query: `mutation($id: ID!) { resolveOrganizationClaim(id: $id, approve: false) { status } }`,
    vars: async () => {
      const org = await ownerlessOrg();
      const { rows } = await app.db.query<{ id: string }>(
        `INSERT INTO organization_claim (organization_id, user_id, email, status, contest_reason, expires_at)
         VALUES ($1, $2, $3, 'CONTESTED', 'OTHER_CLAIMANT', now() + interval '1 day') RETURNING id`,
        [org.id, spareOwner, org.contact],
      );
      return { id: rows[0].id };
    },
    expect: ORGANISERS,
  },
  {
    name: 'removeMember',
    query: `mutation($o: ID!, $u: ID!) { removeMember(organizationId: $o, userId: $u) }`,
    vars: async () => ({ o: await freshOrg(), u: spareMember }),
    expect: OWNERS,
  },
  {
    name: 'setMemberRole',
    query: `mutation($o: ID!, $u: ID!) { setMemberRole(organizationId: $o, userId: $u, role: MEMBER) }`,
    vars: () => ({ o: orgA, u: who.memberA!.userId }),
    expect: OWNERS,
  },
  {
    name: 'leaveOrganization',
    query: `mutation($o: ID!) { leaveOrganization(organizationId: $o) }`,
    vars: async () => ({ o: await freshOrg() }),
    expect: MEMBERS,
  },
  {
    name: 'requestContact (from A)',
    query: `mutation($f: ID!, $t: ID!) { requestContact(fromOrganizationId: $f, toOrganizationId: $t) { id } }`,
    vars: async () => ({ f: orgA, t: await freshOrg() }),
    expect: MEMBERS,
  },
  {
    name: 'respondToContactRequest (to A)',
    query: `mutation($id: ID!) { respondToContactRequest(id: $id, accept: false) { status } }`,
    vars: async () => ({ id: await freshContactRequest(await freshOrg(), orgA) }),
    expect: MEMBERS,
  },
  {
    name: 'respondToContactRequest with a decline message (to A)',
    query: `mutation($id: ID!) { respondToContactRequest(id: $id, accept: false, message: "Pas pour l'instant") { status declineMessage } }`,
    vars: async () => ({ id: await freshContactRequest(await freshOrg(), orgA) }),
    expect: MEMBERS,
  },
  {
    name: 'cancelContactRequest (from A)',
    query: `mutation($id: ID!) { cancelContactRequest(id: $id) { status } }`,
    vars: async () => ({ id: await freshContactRequest(orgA, await freshOrg()) }),
    expect: MEMBERS,
  },
  {
    name: 'contactRequests (of A)',
    query: `query($o: ID!) { contactRequests(organizationId: $o, direction: INCOMING) { nodes { id } } }`,
    vars: () => ({ o: orgA }),
    expect: MEMBERS,
  },
  {
    name: 'contactRequests (of A): decline messages and expiry dates',
    query: `query($o: ID!) { contactRequests(organizationId: $o, direction: OUTGOING) { nodes { id status declineMessage expiresAt } } }`,
    vars: () => ({ o: orgA }),
    expect: MEMBERS,
  },
  // directory
  {
    name: 'createOrganization',
    query: CREATE_ORG,
    vars: (r) => ({ input: smeInput(`Nouvelle ${r}`) }),
    expect: VERIFIED,
  },
  {
    name: 'updateOrganization (public org A)',
    query: `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }`,
    vars: () => ({ input: { id: orgA, website: 'https://banque-alpha.example' } }),
    expect: MEMBERS,
  },
  {
    name: 'updateOrganization (pending org P)',
    query: `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }`,
    vars: () => ({ input: { id: pendingP, website: 'https://banque-p.example' } }),
    // Organisers may see a pending organisation, so for them it exists: refused, not missing.
    expect: row('NOT_FOUND', { memberA: 'OK', ownerA: 'OK', organiser: 'FORBIDDEN', admin: 'FORBIDDEN' }),
  },
  {
    name: 'archiveOrganization',
    query: `mutation($id: ID!) { archiveOrganization(id: $id) { status } }`,
    vars: async () => ({ id: await freshOrg() }),
    expect: row('FORBIDDEN', { ownerA: 'OK', admin: 'OK' }),
  },
  {
    name: 'createOpportunity (for A)',
    query: `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }`,
    vars: () => ({ input: oppInput(orgA) }),
    expect: MEMBERS,
  },
  {
    name: 'updateOpportunity (of A)',
    query: `mutation($input: UpdateOpportunityInput!) { updateOpportunity(input: $input) { id } }`,
    vars: () => ({ input: { id: oppA, quantity: 600 } }),
    expect: MEMBERS,
  },
  {
    name: 'renewOpportunity (of A)',
    query: `mutation($id: ID!) { renewOpportunity(id: $id, expiresAt: "2032-01-31") { id } }`,
    vars: () => ({ id: oppA }),
    expect: MEMBERS,
  },
  {
    name: 'archiveOpportunity (of A)',
    query: `mutation($id: ID!) { archiveOpportunity(id: $id) { archived } }`,
    vars: async () => ({ id: await freshOpportunity(orgA) }),
    expect: MEMBERS,
  },
  {
    name: 'organization (pending org P)',
    query: `query($id: ID!) { organization(id: $id) { id } }`,
    vars: () => ({ id: pendingP }),
    expect: HIDDEN_READ,
  },
  {
    name: 'opportunity (of pending org P)',
    query: `query($id: ID!) { opportunity(id: $id) { id } }`,
    vars: () => ({ id: oppP }),
    expect: HIDDEN_READ,
  },
  { name: 'myOrganizations', query: `{ myOrganizations { id } }`, expect: SIGNED_IN },
  // review queue
  { name: 'reviewQueue', query: `{ reviewQueue { edges { node { id } } } }`, expect: ORGANISERS },
  {
    name: 'approveOrganization',
    query: APPROVE,
    vars: async () => ({ id: await freshOrg('PENDING') }),
    expect: ORGANISERS,
  },
  {
    name: 'rejectOrganization',
    query: `mutation($id: ID!) { rejectOrganization(id: $id, note: "Pièces justificatives manquantes") { status } }`,
    vars: async () => ({ id: await freshOrg('PENDING') }),
    expect: ORGANISERS,
  },
  {
    name: 'resubmitOrganization',
    query: `mutation($id: ID!) { resubmitOrganization(id: $id) { status } }`,
    vars: async () => ({ id: await freshOrg('REJECTED') }),
    expect: row('NOT_FOUND', {
      memberA: 'FORBIDDEN',
      ownerA: 'OK',
      organiser: 'FORBIDDEN',
      admin: 'FORBIDDEN',
    }),
  },
  // matchmaking
  {
    name: 'suggestions (for A)',
    query: `query($o: ID!) { suggestions(organizationId: $o, kind: FINANCING) { edges { cursor } } }`,
    vars: () => ({ o: orgA }),
    expect: MEMBERS_OR_ORGANISERS,
  },
  {
    name: 'support suggestions (for A)',
    query: `query($o: ID!) { suggestions(organizationId: $o, kind: SUPPORT) { edges { cursor } } }`,
    vars: () => ({ o: orgA }),
    expect: MEMBERS_OR_ORGANISERS,
  },
  {
    name: 'clusterProposals (for A)',
    query: `query($o: ID!) { clusterProposals(organizationId: $o) { id } }`,
    vars: () => ({ o: orgA }),
    expect: MEMBERS_OR_ORGANISERS,
  },
  {
    name: 'requestSuggestionRecompute (for A)',
    query: `mutation($o: ID!) { requestSuggestionRecompute(organizationId: $o) }`,
    vars: () => ({ o: orgA }),
    expect: MEMBERS_OR_ORGANISERS,
  },
  {
    name: 'financierCriteria (of A)',
    query: `query($o: ID!) { financierCriteria(organizationId: $o) { sectors } }`,
    vars: () => ({ o: orgA }),
    expect: MEMBERS,
  },
  {
    name: 'setFinancierCriteria (of A)',
    query: `mutation($o: ID!) { setFinancierCriteria(organizationId: $o, input: { sectors: ["C"], countries: ["DZ"], stages: [GROWTH] }) { sectors } }`,
    vars: () => ({ o: orgA }),
    expect: MEMBERS,
  },
  {
    name: 'savedSearches (of A)',
    query: `query($o: ID!) { savedSearches(organizationId: $o) { id } }`,
    vars: () => ({ o: orgA }),
    expect: MEMBERS,
  },
  {
    name: 'createSavedSearch (for A)',
    query: `mutation($o: ID!) { createSavedSearch(organizationId: $o, input: { name: "PME mécaniques", criteria: { sectors: ["25"] } }) { id } }`,
    vars: () => ({ o: orgA }),
    expect: MEMBERS,
  },
  {
    name: 'savedSearchAlerts (of A)',
    query: `query($o: ID!) { savedSearchAlerts(organizationId: $o) { id } }`,
    vars: () => ({ o: orgA }),
    expect: MEMBERS,
  },
  // forum
  { name: 'forumEditions', query: `{ forumEditions { id } }`, expect: PUBLIC },
  {
    name: 'forumTables',
    query: `query($e: ID!) { forumTables(editionId: $e) { id } }`,
    vars: () => ({ e: editionId }),
    expect: SIGNED_IN,
  },
  {
    name: 'createForumEdition',
    query: `mutation($input: CreateForumEditionInput!) { createForumEdition(input: $input) { id } }`,
    vars: () => ({ input: editionInput() }),
    expect: ORGANISERS,
  },
  {
    name: 'editionStatistics',
    query: `query($e: ID!) { editionStatistics(editionId: $e) { totals { requestsSent } } }`,
    vars: () => ({ e: editionId }),
    expect: ORGANISERS,
  },
  {
    name: 'followUpReport',
    query: `query($e: ID!) { followUpReport(editionId: $e, first: 5) { meetings } }`,
    vars: () => ({ e: editionId }),
    expect: ORGANISERS,
  },
  {
    name: 'forumDelegates (of A)',
    query: `query($e: ID!, $o: ID!) { forumDelegates(editionId: $e, organizationId: $o) { nodes { id } totalCount } }`,
    vars: () => ({ e: editionId, o: orgA }),
    expect: MEMBERS_OR_ORGANISERS,
  },
  {
    name: 'forumDelegates (whole edition, filtered)',
    query: `query($e: ID!) { forumDelegates(editionId: $e, country: "DZ", status: REGISTERED, search: "a", first: 5) { edges { cursor node { id } } pageInfo { hasNextPage } totalCount } }`,
    vars: () => ({ e: editionId }),
    // Without an organisation, a member's rule finds none to be a member of, as before.
    expect: row('NOT_FOUND', { organiser: 'OK', admin: 'OK' }),
  },
  {
    name: 'editionBadges',
    query: `query($e: ID!) { editionBadges(editionId: $e, limit: 5) { total } }`,
    vars: () => ({ e: editionId }),
    expect: ORGANISERS,
  },
  {
    name: 'forumParticipants (A takes part)',
    query: `query($e: ID!) { forumParticipants(editionId: $e) { edges { node { id } } } }`,
    vars: () => ({ e: editionId }),
    expect: MEMBERS_OR_ORGANISERS,
  },
  {
    name: 'meetingRequests (of A)',
    query: `query($e: ID!, $o: ID!) { meetingRequests(editionId: $e, organizationId: $o) { nodes { id } totalCount } }`,
    vars: () => ({ e: editionId, o: orgA }),
    expect: MEMBERS_OR_ORGANISERS,
  },
  {
    name: 'meetingRequests (whole edition, filtered)',
    query: `query($e: ID!) { meetingRequests(editionId: $e, statuses: [PENDING], direction: SENT, last: 5) { edges { cursor node { id } } pageInfo { hasPreviousPage } totalCount } }`,
    vars: () => ({ e: editionId }),
    // Without an organisation, a member's rule finds none to be a member of, as before.
    expect: row('NOT_FOUND', { organiser: 'OK', admin: 'OK' }),
  },
  // Everyone signed in reads and marks only their own notifications.
  {
    name: 'notifications',
    query: `{ notifications(first: 5) { edges { node { id } } } }`,
    expect: SIGNED_IN,
  },
  { name: 'unreadNotificationCount', query: `{ unreadNotificationCount }`, expect: SIGNED_IN },
  {
    name: 'markNotificationsRead',
    query: `mutation { markNotificationsRead(input: { all: true }) { marked } }`,
    expect: SIGNED_IN,
  },
  // Email preferences: each person their own; an unsubscribe link works for anyone who holds it.
  {
    name: 'notificationPreferences',
    query: `{ notificationPreferences { kind email } }`,
    expect: SIGNED_IN,
  },
  {
    name: 'setNotificationPreferences',
    query: `mutation { setNotificationPreferences(preferences: [{ kind: AGENDA, email: true }]) { kind } }`,
    expect: SIGNED_IN,
  },
  {
    name: 'unsubscribe (a valid link)',
    query: `mutation($t: String!) { unsubscribe(token: $t) { kind } }`,
    vars: () => ({
      t: new UnsubscribeTokens(app.env.JWT_SECRET).sign(who.verified!.userId, 'SUGGESTIONS_DIGEST'),
    }),
    expect: PUBLIC,
  },
];

describe('role × operation', () => {
  it.each(OPERATIONS.map((o) => [o.name, o] as const))('%s', async (_, op) => {
    const actual = {} as Record<Role, string>;
    const details: string[] = [];
    for (const role of ROLES) {
      const r = await app.gql(op.query, op.vars ? await op.vars(role) : {}, headersOf(role));
      actual[role] = outcomeOf(r);
      if (actual[role] !== op.expect[role]) details.push(`${role}: ${JSON.stringify(r.errors ?? r.data)}`);
      // A refusal carries a code and never internals.
      for (const e of r.errors ?? []) expect(e.extensions ?? {}).not.toHaveProperty('stacktrace');
    }
    expect({ actual, details }).toEqual({ actual: op.expect, details: [] });
  });

  it('refuses a stranger without changing anything', async () => {
    // The FORBIDDEN cells above wrote nothing: org A keeps its owner and members, its opportunity is live.
    const { rows } = await app.db.query<{ user_id: string; role: string }>(
      `SELECT user_id, role FROM membership WHERE organization_id = $1 ORDER BY role`,
      [orgA],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { user_id: who.ownerA!.userId, role: 'OWNER' },
        { user_id: who.memberA!.userId, role: 'MEMBER' },
      ]),
    );
    expect(rows).toHaveLength(2);
    const { rows: org } = await app.db.query<{ status: string }>(
      `SELECT status FROM organization WHERE id = $1`,
      [orgA],
    );
    expect(org[0].status).toBe('ACTIVE');
  });
});

describe('private fields through every path', () => {
  /** Who sees A's contact persons: its members, organisers, and members of an organisation it granted. */
  const SEES_CONTACTS: Record<Role, boolean> = {
    anonymous: false,
    unverified: false,
    verified: false,
    memberA: true,
    ownerA: true,
    otherOrg: false,
    grantedOrg: true,
    organiser: true,
    admin: true,
  };
  const CONTACTS = `contactsVisible contacts { name email phone }`;

  const expectContacts = (role: Role, org: Json | undefined) => {
    expect({ role, id: org?.id }).toEqual({ role, id: orgA });
    if (SEES_CONTACTS[role]) {
      expect({ role, visible: org!.contactsVisible, contacts: org!.contacts }).toEqual({
        role,
        visible: true,
        contacts: [A_CONTACT],
      });
    } else {
      expect({ role, visible: org!.contactsVisible, contacts: org!.contacts }).toEqual({
        role,
        visible: false,
        contacts: [],
      });
    }
  };

  it.each(ROLES)('organization(id) as %s', async (role) => {
    const r = ok(
      await app.gql<{ organization: Json }>(
        `query($id: ID!) { organization(id: $id) { id ${CONTACTS} } }`,
        { id: orgA },
        headersOf(role),
      ),
    );
    expectContacts(role, r.organization);
  });

  it.each(ROLES)('organizations(...) list nodes as %s', async (role) => {
    const r = ok(
      await app.gql<{ organizations: { edges: { node: Json }[] } }>(
        `{ organizations(first: 100) { edges { node { id status ${CONTACTS} } } } }`,
        {},
        headersOf(role),
      ),
    );
    const nodes = r.organizations.edges.map((e) => e.node);
    expectContacts(
      role,
      nodes.find((n) => n.id === orgA),
    );
    // Other organisations in the same list follow their own rule: B's people stay with B.
    const b = nodes.find((n) => n.id === orgB)!;
    expect({ role, b: b.contacts.length > 0 }).toEqual({
      role,
      b: role === 'otherOrg' || role === 'organiser' || role === 'admin',
    });
    // Pending organisations are not listed, even to their members.
    expect(nodes.map((n) => n.id)).not.toContain(pendingP);
    for (const n of nodes) expect(n.status).toBe('ACTIVE');
  });

  it.each(ROLES)('opportunity(id) { organization { contacts } } as %s', async (role) => {
    const r = ok(
      await app.gql<{ opportunity: Json }>(
        `query($id: ID!) { opportunity(id: $id) { id organization { id ${CONTACTS} } } }`,
        { id: oppA },
        headersOf(role),
      ),
    );
    expectContacts(role, r.opportunity.organization);
  });

  it.each(ROLES)('opportunities(...) { organization { contacts } } as %s', async (role) => {
    const r = ok(
      await app.gql<{ opportunities: { edges: { node: Json }[] } }>(
        `query($o: ID!) { opportunities(filter: { organizationId: $o }, first: 50) { edges { node { id organization { id ${CONTACTS} } } } } }`,
        { o: orgA },
        headersOf(role),
      ),
    );
    const node = r.opportunities.edges.map((e) => e.node).find((n) => n.id === oppA);
    expectContacts(role, node?.organization);
  });

  it.each(ROLES.filter((r) => r !== 'anonymous'))('myOrganizations as %s', async (role) => {
    const mine = ok(
      await app.gql<{ myOrganizations: Json[] }>(
        `{ myOrganizations { id status ${CONTACTS} } }`,
        {},
        headersOf(role),
      ),
    ).myOrganizations;
    const ids = mine.map((o) => o.id);
    if (role === 'memberA' || role === 'ownerA') {
      expectContacts(
        role,
        mine.find((o) => o.id === orgA),
      );
      // Their pending organisation is theirs to see, with its people.
      const p = mine.find((o) => o.id === pendingP)!;
      expect(p).toMatchObject({ status: 'PENDING', contactsVisible: true, contacts: [A_CONTACT] });
    } else {
      expect(ids).not.toContain(orgA);
      expect(ids).not.toContain(pendingP);
    }
    // Whatever the role, each listed organisation is one the viewer belongs to.
    const { rows } = await app.db.query<{ organization_id: string }>(
      `SELECT organization_id FROM membership WHERE user_id = $1`,
      [who[role]!.userId],
    );
    expect(ids.sort()).toEqual(rows.map((m) => m.organization_id).sort());
  });

  it('myOrganizations is refused to anonymous', async () => {
    expect(outcomeOf(await app.gql(`{ myOrganizations { id } }`, {}, {}))).toBe('UNAUTHENTICATED');
  });

  it('search hits never carry contact data, and pending organisations are never found', async () => {
    const SEARCH = `query($q: String) { searchOrganizations(query: $q, limit: 50) { hits { id name { fr } } } }`;
    // A is indexed once the worker drained the outbox.
    await eventually(async () => {
      const r = ok(await app.gql<{ searchOrganizations: { hits: Json[] } }>(SEARCH, { q: 'Banque' }, {}));
      return r.searchOrganizations.hits.some((h) => h.id === orgA);
    });
    for (const role of ROLES) {
      const hits = ok(
        await app.gql<{ searchOrganizations: { hits: Json[] } }>(SEARCH, { q: 'Banque' }, headersOf(role)),
      ).searchOrganizations.hits;
      expect({ role, a: hits.some((h) => h.id === orgA), p: hits.some((h) => h.id === pendingP) }).toEqual({
        role,
        a: true,
        p: false,
      });
    }
    // The hit type has no field that could hold a person: asking for one is a validation error.
    const asked = await app.gql(
      `{ searchOrganizations(query: "Banque") { hits { id contacts { email } } } }`,
      {},
      who.organiser!.headers,
    );
    expect(outcomeOf(asked)).toBe('GRAPHQL_VALIDATION_FAILED');
    const type = ok(
      await app.gql<{ __type: { fields: { name: string }[] } }>(
        `{ __type(name: "OrganizationHit") { fields { name } } }`,
        {},
        {},
      ),
    ).__type;
    expect(type.fields.map((f) => f.name).filter((n) => /contact|email|phone|person/i.test(n))).toEqual([]);
    // Nor does the index itself hold them, so no query, filter or highlight can leak them.
    const doc = await app.meili.index(app.indexes.organizations).getDocument(orgA);
    const text = JSON.stringify(doc);
    expect(text).toContain('Banque Alpha');
    for (const secret of [A_CONTACT.name, A_CONTACT.email, A_CONTACT.phone])
      expect(text).not.toContain(secret);
    // Searching for a contact's name or email finds nothing.
    for (const q of [A_CONTACT.email, 'Yasmine Kaci']) {
      const hits = ok(
        await app.gql<{ searchOrganizations: { hits: Json[] } }>(SEARCH, { q }, who.admin!.headers),
      ).searchOrganizations.hits;
      expect(hits.map((h) => h.id)).not.toContain(orgA);
    }
    // The pending one is not even in the index's answer to its own name.
    const p = ok(
      await app.gql<{ searchOrganizations: { hits: Json[] } }>(
        SEARCH,
        { q: 'Pendante' },
        who.ownerA!.headers,
      ),
    ).searchOrganizations.hits;
    expect(p.map((h) => h.id)).not.toContain(pendingP);
  });

  it('the review queue shows pending organisations to organisers only', async () => {
    const q = `{ reviewQueue(first: 100) { edges { node { id status } } } }`;
    for (const role of ['organiser', 'admin'] as const) {
      const ids = ok(
        await app.gql<{ reviewQueue: { edges: { node: Json }[] } }>(q, {}, headersOf(role)),
      ).reviewQueue.edges.map((e) => e.node.id);
      expect(ids).toContain(pendingP);
    }
    for (const role of ['ownerA', 'memberA'] as const)
      expect(outcomeOf(await app.gql(q, {}, headersOf(role)))).toBe('FORBIDDEN');
  });

  it('financier criteria are shown to the financier’s members, and to no one else, organisers included', async () => {
    const q = `query($o: ID!) { financierCriteria(organizationId: $o) { sectors countries stages } }`;
    for (const role of ROLES) {
      const r = await app.gql<{ financierCriteria: Json }>(q, { o: orgA }, headersOf(role));
      if (role === 'memberA' || role === 'ownerA') {
        expect(ok(r).financierCriteria).toEqual({ sectors: ['C'], countries: ['DZ'], stages: ['GROWTH'] });
      } else {
        expect({ role, data: r.data?.financierCriteria ?? null, code: outcomeOf(r) }).toEqual({
          role,
          data: null,
          code: role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
        });
      }
    }
    // Saved searches likewise.
    const s = `query($o: ID!) { savedSearches(organizationId: $o) { id name } }`;
    expect(
      ok(await app.gql<{ savedSearches: Json[] }>(s, { o: orgA }, headersOf('memberA'))).savedSearches.length,
    ).toBeGreaterThan(0);
    for (const role of ['organiser', 'admin', 'grantedOrg'] as const)
      expect(outcomeOf(await app.gql(s, { o: orgA }, headersOf(role)))).toBe('FORBIDDEN');
  });
});

describe('every root field has an access rule', () => {
  interface TypeRef {
    kind: string;
    name: string | null;
    ofType: TypeRef | null;
  }
  interface FullType {
    kind: string;
    name: string;
    fields: { name: string; args: { name: string; type: TypeRef }[]; type: TypeRef }[] | null;
    inputFields: { name: string; type: TypeRef }[] | null;
    enumValues: { name: string }[] | null;
  }
  const TYPE_REF = `kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`;
  const INTROSPECT = `{ __schema { queryType { name } mutationType { name } types {
      kind name
      fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } }
      inputFields { name type { ${TYPE_REF} } }
      enumValues { name }
  } } }`;

  const typeString = (t: TypeRef): string =>
    t.kind === 'NON_NULL'
      ? `${typeString(t.ofType!)}!`
      : t.kind === 'LIST'
        ? `[${typeString(t.ofType!)}]`
        : t.name!;

  it('no Query or Mutation field, called anonymously with valid dummy arguments, lacks a rule', async () => {
    const schema = ok(
      await app.gql<{
        __schema: { queryType: { name: string }; mutationType: { name: string }; types: FullType[] };
      }>(INTROSPECT, {}, {}),
    ).__schema;
    const types = new Map(schema.types.map((t) => [t.name, t]));

    /** A value of the type that passes GraphQL validation (not necessarily the domain's). */
    const dummy = (t: TypeRef, depth = 0): unknown => {
      if (t.kind === 'NON_NULL') return dummy(t.ofType!, depth);
      if (t.kind === 'LIST') return [dummy(t.ofType!, depth)];
      const named = types.get(t.name!)!;
      if (named.kind === 'ENUM') return named.enumValues![0].name;
      if (named.kind === 'INPUT_OBJECT') {
        const out: Json = {};
        for (const f of named.inputFields ?? [])
          if (f.type.kind === 'NON_NULL' && depth < 6) out[f.name] = dummy(f.type, depth + 1);
        return out;
      }
      switch (named.name) {
        case 'ID':
          return randomUUID();
        case 'Int':
          return 1;
        case 'Float':
          return 1.5;
        case 'Boolean':
          return true;
        case 'String':
          return 'x';
        default:
          // Custom scalars here are dates and times.
          return new Date().toISOString();
      }
    };
    const named = (t: TypeRef): string => (t.ofType ? named(t.ofType) : t.name!);

    const missing: string[] = [];
    const codes = new Map<string, string>();
    let called = 0;
    for (const [op, rootName] of [
      ['query', schema.queryType.name],
      ['mutation', schema.mutationType.name],
    ] as const) {
      for (const field of types.get(rootName)!.fields ?? []) {
        const args = field.args.filter((a) => a.type.kind === 'NON_NULL');
        const decl = args.map((a, i) => `$a${i}: ${typeString(a.type)}`).join(', ');
        const call = args.map((a, i) => `${a.name}: $a${i}`).join(', ');
        const selection = ['OBJECT', 'INTERFACE', 'UNION'].includes(types.get(named(field.type))!.kind)
          ? ' { __typename }'
          : '';
        const query = `${op}${decl ? `(${decl})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
        const vars = Object.fromEntries(args.map((a, i) => [`a${i}`, dummy(a.type)]));
        const r = await app.gql(query, vars, {});
        called++;
        const code = outcomeOf(r);
        codes.set(`${op} ${field.name}`, code);
        // The dummy arguments must get past GraphQL validation, or the rule was never reached.
        expect({ field: field.name, code }).not.toEqual({
          field: field.name,
          code: 'GRAPHQL_VALIDATION_FAILED',
        });
        expect({ field: field.name, code }).not.toEqual({ field: field.name, code: 'INTERNAL_SERVER_ERROR' });
        if ((r.errors ?? []).some((e) => /has no access rule/.test(e.message)))
          missing.push(`${op} ${field.name}`);
      }
    }
    expect(missing).toEqual([]);
    expect(called).toBeGreaterThan(60);
    // The sweep reached the rules: anonymous calls of member-only operations were refused by them.
    expect(codes.get('mutation updateOrganization')).toBe('UNAUTHENTICATED');
    expect(codes.get('query auditLog')).toBe('UNAUTHENTICATED');
    expect(codes.get('query me')).toBe('OK');
  });
});
