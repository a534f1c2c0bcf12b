import { addMembership, bootTestApp, signIn, type TestApp, type TestUser } from '#testing';

/*
 * Hostile input against accounts, the forum and matchmaking, through the real api. Each row is sent
 * by someone the access rules let through (an organiser, an admin, or a member of the organisation
 * named), so that the input reaches validation. Each gets a specific error code (BAD_USER_INPUT with
 * the path of the offending field, or the documented domain code) and writes nothing: every table
 * these operations touch, the audit log, mails and the outbox (both topics) keep their row counts.
 * The suite ends by checking that the service is still ready and the seeded data unchanged.
 */

type Json = Record<string, unknown>;

interface Reply {
  status: number;
  body: { data?: Json | null; errors?: { message: string; extensions?: Json }[] };
}

/** Every table an operation of this suite could write to. */
const TABLES = [
  'user_account',
  'membership',
  'organization_invitation',
  'email_token',
  'refresh_token',
  'contact_request',
  'contact_grant',
  'audit_log',
  'mail_outbox',
  'organization',
  'forum_edition',
  'forum_session',
  'forum_slot',
  'forum_table',
  'forum_group',
  'forum_group_rule',
  'forum_delegate',
  'forum_delegate_unavailable',
  'forum_meeting_request',
  'forum_meeting',
  'forum_meeting_participant',
  'forum_request_precedence',
  'financier_criteria',
  'saved_search',
  'suggestion_feedback',
  'outbox',
] as const;
type Counts = Record<(typeof TABLES)[number], number>;

/** Seeded rows whose content must come out of the suite exactly as it went in. */
const SNAPSHOT_SQL = `SELECT jsonb_build_object(
  'organization', (SELECT jsonb_agg(to_jsonb(t) ORDER BY id) FROM organization t),
  'membership', (SELECT jsonb_agg(to_jsonb(t) ORDER BY user_id, organization_id) FROM membership t),
  'forum_edition', (SELECT jsonb_agg(to_jsonb(t) ORDER BY id) FROM forum_edition t),
  'forum_session', (SELECT jsonb_agg(to_jsonb(t) ORDER BY id) FROM forum_session t),
  'forum_slot', (SELECT jsonb_agg(to_jsonb(t) ORDER BY id) FROM forum_slot t),
  'forum_table', (SELECT jsonb_agg(to_jsonb(t) ORDER BY id) FROM forum_table t),
  'forum_group', (SELECT jsonb_agg(to_jsonb(t) ORDER BY id) FROM forum_group t),
  'forum_delegate', (SELECT jsonb_agg(to_jsonb(t) ORDER BY id) FROM forum_delegate t),
  'forum_meeting_request', (SELECT jsonb_agg(to_jsonb(t) ORDER BY id) FROM forum_meeting_request t),
  'forum_request_precedence',
    (SELECT jsonb_agg(to_jsonb(t) ORDER BY before_request_id, after_request_id) FROM forum_request_precedence t),
  'financier_criteria', (SELECT jsonb_agg(to_jsonb(t) ORDER BY organization_id) FROM financier_criteria t),
  'saved_search', (SELECT jsonb_agg(to_jsonb(t) ORDER BY id) FROM saved_search t),
  'user_account', (SELECT jsonb_agg(jsonb_build_object('id', id, 'email', email, 'name', display_name,
                     'hash', password_hash, 'epoch', session_epoch, 'roles', roles) ORDER BY id) FROM user_account)
) AS s`;

let app: TestApp;
let admin: TestUser;
/** A plain user, member of the SMEs and the bank (never an organiser), for member-only operations. */
let member: TestUser;
/** A plain user whose password the changePassword rows try to change. */
let changer: TestUser;
const org = { a: '', b: '', c: '', bank: '' };
const forum = {
  edition: '',
  otherEdition: '',
  slot: '',
  breakSlot: '',
  group: '',
  otherGroup: '',
  delegateA: '',
  delegateB: '',
  delegateC: '',
  requestAB: '',
  requestAC: '',
  requestBC: '',
};
let baseline: Counts;
let snapshot: unknown;

const UUID = '00000000-0000-4000-8000-000000000000';
const SQL = `x'); DROP TABLE user_account; --`;
const RLO = '\u202E';
const NUL = '\u0000';

async function gql(query: string, variables: Json = {}, headers?: Record<string, string>): Promise<Reply> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(headers ?? app.defaultHeaders) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as Reply['body'] };
  } catch {
    throw new Error(`HTTP ${res.status} with a body that is not JSON: ${text.slice(0, 300)}`);
  }
}

function ok<T = Json>(r: Reply): T {
  if (r.body.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(r.body.errors)}`);
  return r.body.data as T;
}

async function counts(): Promise<Counts> {
  const { rows } = await app.db.query<{ t: keyof Counts; n: number }>(
    TABLES.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM ${t}`).join(' UNION ALL '),
  );
  return Object.fromEntries(rows.map((r) => [r.t, r.n])) as Counts;
}

const asMember = (query: string, variables: Json) => gql(query, variables, member.headers);

// ---------------------------------------------------------------------------------------------
// Operations

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) }`;
const VERIFY = `mutation($t: String!) { verifyEmail(token: $t) }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;
const REQUEST_RESET = `mutation($e: String!) { requestPasswordReset(email: $e) }`;
const RESET = `mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }`;
const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;
const INVITE = `mutation($org: ID!, $email: String!, $role: MembershipRole) {
  inviteMember(organizationId: $org, email: $email, role: $role) { id } }`;
const CONTACT = `mutation($from: ID!, $to: ID!, $message: String) {
  requestContact(fromOrganizationId: $from, toOrganizationId: $to, message: $message) { id } }`;
const RESPOND = `mutation($id: ID!, $accept: Boolean!) { respondToContactRequest(id: $id, accept: $accept) { id } }`;
const AUDIT = `query($entityType: String, $entityId: String, $actorId: ID, $first: Int, $before: String) {
  auditLog(entityType: $entityType, entityId: $entityId, actorId: $actorId, first: $first, before: $before) {
    entries { id } } }`;

const CREATE_EDITION = `mutation($input: CreateForumEditionInput!) { createForumEdition(input: $input) { id } }`;
const UPDATE_EDITION = `mutation($input: UpdateForumEditionInput!) { updateForumEdition(input: $input) { id } }`;
const EDITION_STATUS = `mutation($id: ID!, $status: ForumEditionStatus!) { setForumEditionStatus(id: $id, status: $status) { id } }`;
const ADD_TABLES = `mutation($e: ID!, $tables: [ForumTableInput!]!) { addForumTables(editionId: $e, tables: $tables) { id } }`;
const CREATE_GROUP = `mutation($e: ID!, $input: ForumGroupInput!) { createForumGroup(editionId: $e, input: $input) { id } }`;
const GROUP_RULES = `mutation($g: ID!, $ids: [ID!]!) { setForumGroupRules(groupId: $g, mayMeetGroupIds: $ids) { groupId } }`;
const REGISTER_DELEGATE = `mutation($input: RegisterDelegateInput!) { registerDelegate(input: $input) { id } }`;
const REQUEST_MEETING = `mutation($input: MeetingRequestInput!) { requestMeeting(input: $input) { id } }`;
const DECLINE = `mutation($r: ID!, $o: ID, $reason: String) {
  declineMeetingRequest(requestId: $r, organizationId: $o, reason: $reason) { id } }`;
const WALK_IN = `mutation($input: WalkInInput!) { bookWalkIn(input: $input) { request { id } } }`;
const OUTCOME = `mutation($m: ID!, $o: ID, $outcome: MeetingOutcome!, $note: String) {
  reportMeetingOutcome(meetingId: $m, organizationId: $o, outcome: $outcome, note: $note) { delegateId } }`;
const PRECEDENCE = `mutation($b: ID!, $a: ID!, $d: ID) {
  addMeetingPrecedence(beforeRequestId: $b, afterRequestId: $a, delegateId: $d) { delegateId } }`;

const SET_CRITERIA = `mutation($org: ID!, $input: FinancierCriteriaInput!) {
  setFinancierCriteria(organizationId: $org, input: $input) { organizationId } }`;
const SAVED_SEARCH = `mutation($org: ID!, $input: SavedSearchInput!) {
  createSavedSearch(organizationId: $org, input: $input) { id } }`;
const NOT_RELEVANT = `mutation($org: ID!, $s: ID!, $reason: NotRelevantReason!, $comment: String) {
  markSuggestionNotRelevant(organizationId: $org, suggestionId: $s, reason: $reason, comment: $comment) { verdict } }`;
const ACCEPT_SUGGESTION = `mutation($org: ID!, $s: ID!, $message: String) {
  acceptSuggestion(organizationId: $org, suggestionId: $s, message: $message) { verdict } }`;
const SUGGESTIONS = `query($org: ID!, $kind: SuggestionKind!, $first: Int, $after: String, $d: ID) {
  suggestions(organizationId: $org, kind: $kind, first: $first, after: $after, delegateId: $d) { edges { cursor } } }`;
const ALERTS = `query($org: ID!, $first: Int) { savedSearchAlerts(organizationId: $org, first: $first) { id } }`;

// ---------------------------------------------------------------------------------------------
// Inputs

const STRONG = 'ventilateur-9-orange-lampe';
const registration = (patch: Json = {}): Json => ({
  email: 'new.person@example.org',
  password: STRONG,
  displayName: 'Nadia Haddad',
  acceptTerms: true,
  ...patch,
});
const register = (patch: Json) => gql(REGISTER, { input: registration(patch) }, {});

const edition = (patch: Json = {}): Json => ({
  name: { fr: 'Forum hostile' },
  startsOn: '2031-06-10',
  endsOn: '2031-06-11',
  slotMinutes: 30,
  sessions: [{ day: '2031-06-10', kind: 'MORNING', start: '09:00', end: '11:00' }],
  ...patch,
});
const createEdition = (patch: Json) => gql(CREATE_EDITION, { input: edition(patch) });
const session = (patch: Json = {}): Json => ({
  day: '2031-06-10',
  kind: 'MORNING',
  start: '09:00',
  end: '11:00',
  ...patch,
});
const addTables = (tables: Json[], editionId = forum.edition) => gql(ADD_TABLES, { e: editionId, tables });
const createGroup = (patch: Json, editionId = forum.edition) =>
  gql(CREATE_GROUP, { e: editionId, input: { code: 'GUEST', name: { fr: 'Invités' }, ...patch } });
const registerDelegate = (patch: Json) =>
  gql(REGISTER_DELEGATE, {
    input: {
      editionId: forum.edition,
      organizationId: org.a,
      name: 'Samir Belkacem',
      email: 'samir@atelier.dz',
      ...patch,
    },
  });
const requestMeeting = (patch: Json) =>
  gql(REQUEST_MEETING, {
    input: {
      editionId: forum.edition,
      organizationId: org.b,
      fromDelegateId: forum.delegateB,
      toOrganizationId: org.a,
      ...patch,
    },
  });
const walkIn = (patch: Json) =>
  gql(WALK_IN, {
    input: {
      editionId: forum.edition,
      fromDelegateId: forum.delegateB,
      toDelegateId: forum.delegateC,
      slotId: forum.slot,
      ...patch,
    },
  });

const criteria = (patch: Json) => asMember(SET_CRITERIA, { org: org.bank, input: patch });
const savedSearch = (patch: Json) =>
  asMember(SAVED_SEARCH, { org: org.bank, input: { name: 'Usinage', criteria: {}, ...patch } });

interface Row {
  /** HTTP status, for what GraphQL's own input coercion refuses. */
  status?: number;
  code: string;
  /** A path among extensions.fields of a BAD_USER_INPUT. */
  field?: string;
  /** extensions.reason of a domain error. */
  reason?: string;
  message?: RegExp;
  run: () => Promise<Reply>;
}

const accountRows: [string, Row][] = [
  // register
  [
    'register: a 100,000-character display name',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.displayName',
      run: () => register({ displayName: 'n'.repeat(100_000) }),
    },
  ],
  [
    'register: a right-to-left override in the display name',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.displayName',
      run: () => register({ displayName: `Nadia${RLO}exe.gpj` }),
    },
  ],
  [
    'register: a null byte in the display name',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.displayName',
      run: () => register({ displayName: `Nadia${NUL}` }),
    },
  ],
  [
    'register: a display name of zero-width characters only',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.displayName',
      run: () => register({ displayName: '\u200B\u200C\u2060' }),
    },
  ],
  [
    'register: SQL in the email',
    { code: 'BAD_USER_INPUT', field: 'input.email', run: () => register({ email: `a@b.dz' OR '1'='1` }) },
  ],
  [
    'register: a null byte in the email',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.email',
      run: () => register({ email: `nadia${NUL}@example.org` }),
    },
  ],
  [
    'register: a 300-character email',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.email',
      run: () => register({ email: `${'a'.repeat(290)}@example.org` }),
    },
  ],
  [
    'register: a 100,000-character password',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.password',
      run: () => register({ password: 'p'.repeat(100_000) }),
    },
  ],
  [
    'register: a 129-character password',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.password',
      run: () => register({ password: 'Zq9!'.repeat(32) + 'x' }),
    },
  ],
  [
    'register: terms not accepted',
    { code: 'BAD_USER_INPUT', field: 'input.acceptTerms', run: () => register({ acceptTerms: false }) },
  ],
  [
    'register: an unknown locale (enum)',
    { status: 400, code: 'BAD_USER_INPUT', message: /Locale/, run: () => register({ locale: 'xx' }) },
  ],
  // verifyEmail, login, reset
  [
    'verifyEmail: a 100,000-character token',
    { code: 'INVALID_TOKEN', run: () => gql(VERIFY, { t: 'A'.repeat(100_000) }, {}) },
  ],
  [
    'verifyEmail: SQL in the token',
    { code: 'INVALID_TOKEN', run: () => gql(VERIFY, { t: `' OR used_at IS NULL --` }, {}) },
  ],
  [
    'verifyEmail: a null byte in the token',
    { code: 'INVALID_TOKEN', run: () => gql(VERIFY, { t: `abc${NUL}` }, {}) },
  ],
  [
    'login: SQL in the email',
    { code: 'BAD_USER_INPUT', field: 'email', run: () => gql(LOGIN, { e: `' OR 1=1 --`, p: STRONG }, {}) },
  ],
  [
    'login: a 100,000-character password',
    {
      code: 'INVALID_CREDENTIALS',
      run: () => gql(LOGIN, { e: 'nobody@example.org', p: 'p'.repeat(100_000) }, {}),
    },
  ],
  [
    'requestPasswordReset: SQL in the email',
    {
      code: 'BAD_USER_INPUT',
      field: 'email',
      run: () => gql(REQUEST_RESET, { e: `x@y.dz'; DELETE FROM email_token; --` }, {}),
    },
  ],
  [
    'requestPasswordReset: a null byte in the email',
    { code: 'BAD_USER_INPUT', field: 'email', run: () => gql(REQUEST_RESET, { e: `x${NUL}@y.dz` }, {}) },
  ],
  [
    'requestPasswordReset: a 100,000-character email',
    {
      code: 'BAD_USER_INPUT',
      field: 'email',
      run: () => gql(REQUEST_RESET, { e: `${'x'.repeat(100_000)}@y.dz` }, {}),
    },
  ],
  [
    'resetPassword: a too short new password',
    {
      code: 'BAD_USER_INPUT',
      field: 'newPassword',
      run: () => gql(RESET, { t: 'whatever', p: 'short' }, {}),
    },
  ],
  [
    'resetPassword: a 100,000-character new password',
    {
      code: 'BAD_USER_INPUT',
      field: 'newPassword',
      run: () => gql(RESET, { t: 'whatever', p: 'p'.repeat(100_000) }, {}),
    },
  ],
  [
    'resetPassword: SQL in the token',
    { code: 'INVALID_TOKEN', run: () => gql(RESET, { t: `' OR '1'='1`, p: STRONG }, {}) },
  ],
  // changePassword (a user of its own: wrong current passwords slow down that account)
  [
    'changePassword: a too short new password',
    {
      code: 'BAD_USER_INPUT',
      field: 'newPassword',
      run: () => gql(CHANGE, { c: changer.password, n: 'short' }, changer.headers),
    },
  ],
  [
    'changePassword: a 129-character new password',
    {
      code: 'BAD_USER_INPUT',
      field: 'newPassword',
      run: () => gql(CHANGE, { c: changer.password, n: 'Zq9!'.repeat(32) + 'x' }, changer.headers),
    },
  ],
  [
    'changePassword: a leaked new password',
    {
      code: 'BAD_USER_INPUT',
      field: 'newPassword',
      run: () => gql(CHANGE, { c: changer.password, n: 'password123' }, changer.headers),
    },
  ],
  [
    'changePassword: a 100,000-character current password',
    {
      code: 'INVALID_CREDENTIALS',
      run: () => gql(CHANGE, { c: 'c'.repeat(100_000), n: STRONG }, changer.headers),
    },
  ],
  // inviteMember
  [
    'inviteMember: SQL in the email',
    {
      code: 'BAD_USER_INPUT',
      field: 'email',
      run: () => gql(INVITE, { org: org.a, email: `x@y.dz'); DELETE FROM membership; --` }),
    },
  ],
  [
    'inviteMember: a bidirectional override in the email',
    { code: 'BAD_USER_INPUT', field: 'email', run: () => gql(INVITE, { org: org.a, email: `${RLO}x@y.dz` }) },
  ],
  [
    'inviteMember: SQL as the organisation id',
    {
      code: 'BAD_USER_INPUT',
      field: 'organizationId',
      run: () => gql(INVITE, { org: SQL, email: 'x@y.dz' }),
    },
  ],
  [
    'inviteMember: an unknown role (enum)',
    {
      status: 400,
      code: 'BAD_USER_INPUT',
      message: /MembershipRole/,
      run: () => gql(INVITE, { org: org.a, email: 'x@y.dz', role: 'ADMIN' }),
    },
  ],
  // contact requests
  [
    'requestContact: a 2,001-character message',
    {
      code: 'BAD_USER_INPUT',
      field: 'message',
      run: () => asMember(CONTACT, { from: org.a, to: org.b, message: 'm'.repeat(2001) }),
    },
  ],
  [
    'requestContact: a null byte in the message',
    {
      code: 'BAD_USER_INPUT',
      field: 'message',
      run: () => asMember(CONTACT, { from: org.a, to: org.b, message: `Bonjour${NUL}` }),
    },
  ],
  [
    'requestContact: a right-to-left override in the message',
    {
      code: 'BAD_USER_INPUT',
      field: 'message',
      run: () => asMember(CONTACT, { from: org.a, to: org.b, message: `Bonjour ${RLO}fdp.exe` }),
    },
  ],
  [
    'requestContact: an unpaired surrogate in the message',
    {
      code: 'BAD_USER_INPUT',
      field: 'message',
      run: () => asMember(CONTACT, { from: org.a, to: org.b, message: 'Bonjour \uD800' }),
    },
  ],
  [
    'requestContact: SQL as the target',
    {
      code: 'BAD_USER_INPUT',
      field: 'toOrganizationId',
      run: () => asMember(CONTACT, { from: org.a, to: SQL }),
    },
  ],
  [
    'requestContact: SQL as the sender',
    {
      code: 'BAD_USER_INPUT',
      field: 'fromOrganizationId',
      run: () => asMember(CONTACT, { from: `${org.a}' OR '1'='1`, to: org.b }),
    },
  ],
  [
    'requestContact: to its own organisation',
    {
      code: 'BAD_USER_INPUT',
      field: 'toOrganizationId',
      run: () => asMember(CONTACT, { from: org.a, to: org.a }),
    },
  ],
  [
    'requestContact: to an organisation that does not exist',
    { code: 'NOT_FOUND', run: () => asMember(CONTACT, { from: org.a, to: UUID }) },
  ],
  [
    'respondToContactRequest: SQL as the id',
    {
      code: 'BAD_USER_INPUT',
      field: 'id',
      run: () => asMember(RESPOND, { id: `1; UPDATE contact_request SET status = 'ACCEPTED'`, accept: true }),
    },
  ],
  [
    'respondToContactRequest: an id that does not exist',
    { code: 'NOT_FOUND', run: () => asMember(RESPOND, { id: UUID, accept: true }) },
  ],
  [
    'respondToContactRequest: accept given as a string',
    {
      status: 400,
      code: 'BAD_USER_INPUT',
      message: /Boolean/,
      run: () => asMember(RESPOND, { id: UUID, accept: 'true' }),
    },
  ],
  // auditLog (admins)
  [
    'auditLog: a page of 1,000,000',
    { code: 'BAD_USER_INPUT', field: 'first', run: () => gql(AUDIT, { first: 1_000_000 }, admin.headers) },
  ],
  [
    'auditLog: a negative page size',
    { code: 'BAD_USER_INPUT', field: 'first', run: () => gql(AUDIT, { first: -1 }, admin.headers) },
  ],
  [
    'auditLog: a page size beyond 32 bits',
    {
      status: 400,
      code: 'BAD_USER_INPUT',
      message: /Int cannot represent/,
      run: () => gql(AUDIT, { first: 2 ** 31 }, admin.headers),
    },
  ],
  [
    'auditLog: SQL in the cursor',
    { code: 'BAD_USER_INPUT', field: 'before', run: () => gql(AUDIT, { before: '1 OR 1=1' }, admin.headers) },
  ],
  [
    'auditLog: a cursor beyond bigint',
    {
      code: 'BAD_USER_INPUT',
      field: 'before',
      run: () => gql(AUDIT, { before: '9'.repeat(30) }, admin.headers),
    },
  ],
  [
    'auditLog: SQL as the actor id',
    {
      code: 'BAD_USER_INPUT',
      field: 'actorId',
      run: () => gql(AUDIT, { actorId: `${UUID}'--` }, admin.headers),
    },
  ],
  [
    'auditLog: a 101-character entity type',
    {
      code: 'BAD_USER_INPUT',
      field: 'entityType',
      run: () => gql(AUDIT, { entityType: 't'.repeat(101) }, admin.headers),
    },
  ],
  [
    'auditLog: a 100,000-character entity id',
    {
      code: 'BAD_USER_INPUT',
      field: 'entityId',
      run: () => gql(AUDIT, { entityId: 'i'.repeat(100_000) }, admin.headers),
    },
  ],
];

const forumRows: [string, Row][] = [
  // createForumEdition
  [
    'createForumEdition: a 201-character name',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.name.fr',
      run: () => createEdition({ name: { fr: 'n'.repeat(201) } }),
    },
  ],
  [
    'createForumEdition: a right-to-left override in the name',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.name.ar',
      run: () => createEdition({ name: { ar: `منتدى${RLO}` } }),
    },
  ],
  [
    'createForumEdition: a null byte in the venue',
    { code: 'BAD_USER_INPUT', field: 'input.venue', run: () => createEdition({ venue: `Oran${NUL}` }) },
  ],
  [
    'createForumEdition: time zone Mars/Olympus',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.timezone',
      run: () => createEdition({ timezone: 'Mars/Olympus' }),
    },
  ],
  [
    'createForumEdition: a time zone with a null byte',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.timezone',
      run: () => createEdition({ timezone: `Africa/Algiers${NUL}` }),
    },
  ],
  [
    'createForumEdition: a 100,000-character time zone',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.timezone',
      run: () => createEdition({ timezone: 'Z'.repeat(100_000) }),
    },
  ],
  [
    'createForumEdition: 30 February',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.startsOn',
      run: () => createEdition({ startsOn: '2031-02-30', sessions: [] }),
    },
  ],
  [
    'createForumEdition: 31 April as the end',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.endsOn',
      run: () => createEdition({ endsOn: '2031-04-31', startsOn: '2031-04-01', sessions: [] }),
    },
  ],
  [
    'createForumEdition: the year 0000',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.startsOn',
      run: () => createEdition({ startsOn: '0000-01-01', sessions: [] }),
    },
  ],
  [
    'createForumEdition: a 13th month',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.startsOn',
      run: () => createEdition({ startsOn: '2031-13-01', sessions: [] }),
    },
  ],
  [
    'createForumEdition: SQL in a date',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.startsOn',
      run: () => createEdition({ startsOn: `2031-06-10' OR '1'='1` }),
    },
  ],
  [
    'createForumEdition: an end before the start',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.endsOn',
      run: () => createEdition({ startsOn: '2031-06-11', endsOn: '2031-06-10', sessions: [] }),
    },
  ],
  [
    'createForumEdition: slots of 0 minutes',
    { code: 'BAD_USER_INPUT', field: 'input.slotMinutes', run: () => createEdition({ slotMinutes: 0 }) },
  ],
  [
    'createForumEdition: slots of -30 minutes',
    { code: 'BAD_USER_INPUT', field: 'input.slotMinutes', run: () => createEdition({ slotMinutes: -30 }) },
  ],
  [
    'createForumEdition: slots of 2,147,483,647 minutes',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.slotMinutes',
      run: () => createEdition({ slotMinutes: 2 ** 31 - 1 }),
    },
  ],
  [
    'createForumEdition: slots of 1e10 minutes (beyond 32 bits)',
    {
      status: 400,
      code: 'BAD_USER_INPUT',
      message: /Int cannot represent/,
      run: () => createEdition({ slotMinutes: 1e10 }),
    },
  ],
  [
    'createForumEdition: a negative request expiry',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.requestExpiryHours',
      run: () => createEdition({ requestExpiryHours: -1 }),
    },
  ],
  [
    'createForumEdition: a quota of a billion meetings',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.maxMeetingsPerDelegate',
      run: () => createEdition({ maxMeetingsPerDelegate: 1e9 }),
    },
  ],
  [
    'createForumEdition: a negative fairness',
    { code: 'BAD_USER_INPUT', field: 'input.fairness', run: () => createEdition({ fairness: -2 }) },
  ],
  [
    'createForumEdition: 61 sessions',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.sessions',
      run: () => createEdition({ sessions: Array.from({ length: 61 }, () => session()) }),
    },
  ],
  [
    'createForumEdition: a session outside the edition dates',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.sessions.0.day',
      run: () => createEdition({ sessions: [session({ day: '2031-07-01' })] }),
    },
  ],
  [
    'createForumEdition: a session on 31 June',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.sessions.0.day',
      run: () => createEdition({ endsOn: '2031-07-02', sessions: [session({ day: '2031-06-31' })] }),
    },
  ],
  [
    'createForumEdition: a session kind NIGHT (enum)',
    {
      status: 400,
      code: 'BAD_USER_INPUT',
      message: /ForumSessionKind/,
      run: () => createEdition({ sessions: [session({ kind: 'NIGHT' })] }),
    },
  ],
  [
    'createForumEdition: a session starting at 25:00',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.sessions.0.start',
      run: () => createEdition({ sessions: [session({ start: '25:00' })] }),
    },
  ],
  [
    'createForumEdition: a session time with SQL',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.sessions.0.end',
      run: () => createEdition({ sessions: [session({ end: `11:00'--` })] }),
    },
  ],
  [
    'createForumEdition: a session ending before it starts',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.sessions.0',
      run: () => createEdition({ sessions: [session({ start: '11:00', end: '09:00' })] }),
    },
  ],
  [
    'createForumEdition: overlapping sessions',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.sessions',
      run: () =>
        createEdition({
          sessions: [
            session({ start: '09:00', end: '12:00' }),
            session({ kind: 'AFTERNOON', start: '11:00', end: '14:00' }),
          ],
        }),
    },
  ],
  [
    'createForumEdition: the same session twice',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.sessions.1',
      run: () => createEdition({ sessions: [session(), session({ start: '10:00' })] }),
    },
  ],
  [
    'createForumEdition: a session that is not a whole number of slots',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.sessions.0',
      run: () => createEdition({ sessions: [session({ end: '10:45' })] }),
    },
  ],
  [
    'createForumEdition: a 7-minute slot grid',
    { code: 'BAD_USER_INPUT', field: 'input.sessions.0', run: () => createEdition({ slotMinutes: 7 }) },
  ],
  [
    'createForumEdition: 11 breaks',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.sessions.0.breaks',
      run: () =>
        createEdition({ sessions: [session({ breaks: Array(11).fill({ start: '10:00', end: '10:30' }) })] }),
    },
  ],
  [
    'createForumEdition: a break outside its session',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.sessions.0.breaks.0',
      run: () => createEdition({ sessions: [session({ breaks: [{ start: '12:00', end: '12:30' }] })] }),
    },
  ],
  [
    'createForumEdition: overlapping breaks',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.sessions.0.breaks.1',
      run: () =>
        createEdition({
          sessions: [
            session({
              breaks: [
                { start: '09:30', end: '10:30' },
                { start: '10:00', end: '10:30' },
              ],
            }),
          ],
        }),
    },
  ],
  [
    'createForumEdition: a break off the slot grid',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.sessions.0.breaks.0',
      run: () => createEdition({ sessions: [session({ breaks: [{ start: '09:10', end: '09:40' }] })] }),
    },
  ],
  // updateForumEdition, setForumEditionStatus
  [
    'updateForumEdition: SQL as the id',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.id',
      run: () => gql(UPDATE_EDITION, { input: { id: `${UUID}' OR '1'='1`, venue: 'Oran' } }),
    },
  ],
  [
    'updateForumEdition: an end before the start',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.endsOn',
      run: () => gql(UPDATE_EDITION, { input: { id: forum.edition, endsOn: '2031-06-01' } }),
    },
  ],
  [
    'updateForumEdition: time zone Mars/Olympus',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.timezone',
      run: () => gql(UPDATE_EDITION, { input: { id: forum.edition, timezone: 'Mars/Olympus' } }),
    },
  ],
  [
    'updateForumEdition: 29 February of a common year',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.startsOn',
      run: () => gql(UPDATE_EDITION, { input: { id: forum.edition, startsOn: '2031-02-29' } }),
    },
  ],
  [
    'setForumEditionStatus: an unknown status (enum)',
    {
      status: 400,
      code: 'BAD_USER_INPUT',
      message: /ForumEditionStatus/,
      run: () => gql(EDITION_STATUS, { id: forum.edition, status: 'ARCHIVED' }),
    },
  ],
  // addForumTables
  [
    'addForumTables: SQL as the edition id',
    { code: 'BAD_USER_INPUT', field: 'editionId', run: () => addTables([{ label: 'T9' }], SQL) },
  ],
  [
    'addForumTables: an edition that does not exist',
    { code: 'NOT_FOUND', run: () => addTables([{ label: 'T9' }], UUID) },
  ],
  ['addForumTables: no tables', { code: 'BAD_USER_INPUT', field: 'tables', run: () => addTables([]) }],
  [
    'addForumTables: 501 tables',
    {
      code: 'BAD_USER_INPUT',
      field: 'tables',
      run: () => addTables(Array.from({ length: 501 }, (_, i) => ({ label: `X${i}` }))),
    },
  ],
  [
    'addForumTables: a 41-character label',
    { code: 'BAD_USER_INPUT', field: 'tables.0.label', run: () => addTables([{ label: 'L'.repeat(41) }]) },
  ],
  [
    'addForumTables: a null byte in a label',
    { code: 'BAD_USER_INPUT', field: 'tables.0.label', run: () => addTables([{ label: `T9${NUL}` }]) },
  ],
  [
    'addForumTables: a bidirectional isolate in a label',
    {
      code: 'BAD_USER_INPUT',
      field: 'tables.1.label',
      run: () => addTables([{ label: 'T9' }, { label: 'T\u2067 10' }]),
    },
  ],
  [
    'addForumTables: a label of zero-width characters only',
    { code: 'BAD_USER_INPUT', field: 'tables.0.label', run: () => addTables([{ label: '\u200B\u200B' }]) },
  ],
  [
    'addForumTables: a negative capacity',
    {
      code: 'BAD_USER_INPUT',
      field: 'tables.0.capacity',
      run: () => addTables([{ label: 'T9', capacity: -4 }]),
    },
  ],
  [
    'addForumTables: a capacity of a billion',
    {
      code: 'BAD_USER_INPUT',
      field: 'tables.0.capacity',
      run: () => addTables([{ label: 'T9', capacity: 1e9 }]),
    },
  ],
  [
    'addForumTables: an unknown language',
    {
      code: 'BAD_USER_INPUT',
      field: 'tables.0.languages.0',
      run: () => addTables([{ label: 'T9', languages: ['xx'] }]),
    },
  ],
  [
    'addForumTables: a language built to break a filter',
    {
      code: 'BAD_USER_INPUT',
      field: 'tables.0.languages.0',
      run: () => addTables([{ label: 'T9', languages: ['ar" OR languages EXISTS OR "'] }]),
    },
  ],
  [
    'addForumTables: SQL as the stand organisation',
    {
      code: 'BAD_USER_INPUT',
      field: 'tables.0.organizationId',
      run: () => addTables([{ label: 'T9', organizationId: SQL }]),
    },
  ],
  [
    'addForumTables: two tables with one label',
    { code: 'CONFLICT', reason: 'DUPLICATE_TABLE', run: () => addTables([{ label: 'T9' }, { label: 'T9' }]) },
  ],
  [
    'addForumTables: the label of an existing table',
    { code: 'CONFLICT', reason: 'DUPLICATE_TABLE', run: () => addTables([{ label: 'T1' }]) },
  ],
  // createForumGroup, setForumGroupRules
  [
    'createForumGroup: a lower-case code',
    { code: 'BAD_USER_INPUT', field: 'input.code', run: () => createGroup({ code: 'guest' }) },
  ],
  [
    'createForumGroup: SQL in the code',
    { code: 'BAD_USER_INPUT', field: 'input.code', run: () => createGroup({ code: `SME' OR '1'='1` }) },
  ],
  [
    'createForumGroup: a 33-character code',
    { code: 'BAD_USER_INPUT', field: 'input.code', run: () => createGroup({ code: 'G'.repeat(33) }) },
  ],
  [
    'createForumGroup: a right-to-left override in the name',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.name.fr',
      run: () => createGroup({ name: { fr: `Invités${RLO}` } }),
    },
  ],
  [
    'createForumGroup: a quota of 0',
    { code: 'BAD_USER_INPUT', field: 'input.maxMeetings', run: () => createGroup({ maxMeetings: 0 }) },
  ],
  [
    'createForumGroup: a quota of 2,147,483,647',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.maxRequests',
      run: () => createGroup({ maxRequests: 2 ** 31 - 1 }),
    },
  ],
  [
    'createForumGroup: an edition that does not exist',
    { code: 'NOT_FOUND', run: () => createGroup({}, UUID) },
  ],
  [
    'createForumGroup: the code of an existing group',
    { code: 'CONFLICT', reason: 'DUPLICATE_GROUP', run: () => createGroup({ code: 'SME' }) },
  ],
  [
    'setForumGroupRules: SQL as the group id',
    { code: 'BAD_USER_INPUT', field: 'groupId', run: () => gql(GROUP_RULES, { g: SQL, ids: [] }) },
  ],
  [
    'setForumGroupRules: a bad id in the list',
    {
      code: 'BAD_USER_INPUT',
      field: 'mayMeetGroupIds.1',
      run: () => gql(GROUP_RULES, { g: forum.group, ids: [forum.group, `' OR 1=1 --`] }),
    },
  ],
  [
    'setForumGroupRules: a group of another edition',
    {
      code: 'BAD_USER_INPUT',
      field: 'mayMeetGroupIds.0',
      run: () => gql(GROUP_RULES, { g: forum.group, ids: [forum.otherGroup] }),
    },
  ],
  [
    'setForumGroupRules: 5,000 group ids',
    {
      code: 'BAD_USER_INPUT',
      field: 'mayMeetGroupIds',
      run: () => gql(GROUP_RULES, { g: forum.group, ids: Array<string>(5000).fill(forum.group) }),
    },
  ],
  // registerDelegate
  [
    'registerDelegate: SQL as the edition id',
    { code: 'BAD_USER_INPUT', field: 'input.editionId', run: () => registerDelegate({ editionId: SQL }) },
  ],
  [
    'registerDelegate: a 121-character name',
    { code: 'BAD_USER_INPUT', field: 'input.name', run: () => registerDelegate({ name: 'n'.repeat(121) }) },
  ],
  [
    'registerDelegate: a right-to-left override in the name',
    { code: 'BAD_USER_INPUT', field: 'input.name', run: () => registerDelegate({ name: `Samir${RLO}` }) },
  ],
  [
    'registerDelegate: a null byte in the name',
    { code: 'BAD_USER_INPUT', field: 'input.name', run: () => registerDelegate({ name: `Sa${NUL}mir` }) },
  ],
  [
    'registerDelegate: a name of zero-width characters only',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.name',
      run: () => registerDelegate({ name: '\u200B\u200D\uFEFF\u2060' }),
    },
  ],
  [
    'registerDelegate: SQL in the email',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.email',
      run: () => registerDelegate({ email: `s@a.dz' OR '1'='1` }),
    },
  ],
  [
    'registerDelegate: an unknown language',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.languages.0',
      run: () => registerDelegate({ languages: ['klingon'] }),
    },
  ],
  [
    'registerDelegate: 10 languages',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.languages',
      run: () => registerDelegate({ languages: Array(10).fill('ar') }),
    },
  ],
  [
    'registerDelegate: an unknown goal (enum)',
    {
      status: 400,
      code: 'BAD_USER_INPUT',
      message: /DelegateGoal/,
      run: () => registerDelegate({ goals: ['WORLD_DOMINATION'] }),
    },
  ],
  [
    'registerDelegate: a bad unavailable slot id',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.unavailableSlotIds.0',
      run: () => registerDelegate({ unavailableSlotIds: ['1 OR 1=1'] }),
    },
  ],
  [
    'registerDelegate: an unavailable slot of no edition',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.unavailableSlotIds.0',
      run: () => registerDelegate({ unavailableSlotIds: [UUID] }),
    },
  ],
  [
    'registerDelegate: 501 unavailable slots',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.unavailableSlotIds',
      run: () => registerDelegate({ unavailableSlotIds: Array<string>(501).fill(UUID) }),
    },
  ],
  [
    'registerDelegate: SQL as the user id',
    { code: 'BAD_USER_INPUT', field: 'input.userId', run: () => registerDelegate({ userId: SQL }) },
  ],
  [
    'registerDelegate: the email of a registered delegate',
    {
      code: 'CONFLICT',
      reason: 'DUPLICATE_DELEGATE',
      run: () => registerDelegate({ email: 'a@atelier.dz' }),
    },
  ],
  // requestMeeting
  [
    'requestMeeting: SQL as the sender delegate',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.fromDelegateId',
      run: () => requestMeeting({ fromDelegateId: SQL }),
    },
  ],
  [
    'requestMeeting: no one to meet',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.toDelegateId',
      run: () => requestMeeting({ toOrganizationId: null }),
    },
  ],
  [
    'requestMeeting: a 1,001-character message',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.message',
      run: () => requestMeeting({ message: 'm'.repeat(1001) }),
    },
  ],
  [
    'requestMeeting: a null byte in the message',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.message',
      run: () => requestMeeting({ message: `Bonjour${NUL}` }),
    },
  ],
  [
    'requestMeeting: a right-to-left override in the message',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.message',
      run: () => requestMeeting({ message: `Bonjour ${RLO}` }),
    },
  ],
  [
    'requestMeeting: priority 0',
    { code: 'BAD_USER_INPUT', field: 'input.priority', run: () => requestMeeting({ priority: 0 }) },
  ],
  [
    'requestMeeting: priority -2,147,483,648',
    { code: 'BAD_USER_INPUT', field: 'input.priority', run: () => requestMeeting({ priority: -(2 ** 31) }) },
  ],
  [
    'requestMeeting: an unknown session preference (enum)',
    {
      status: 400,
      code: 'BAD_USER_INPUT',
      message: /SessionPreference/,
      run: () => requestMeeting({ session: 'EVENING' }),
    },
  ],
  [
    'requestMeeting: a forged WALK_IN source',
    { code: 'BAD_USER_INPUT', field: 'input.source', run: () => requestMeeting({ source: 'WALK_IN' }) },
  ],
  // bookWalkIn
  [
    'bookWalkIn: SQL as the slot id',
    { code: 'BAD_USER_INPUT', field: 'input.slotId', run: () => walkIn({ slotId: SQL }) },
  ],
  [
    'bookWalkIn: a null byte in the message',
    { code: 'BAD_USER_INPUT', field: 'input.message', run: () => walkIn({ message: `Salut${NUL}` }) },
  ],
  [
    'bookWalkIn: a 1,001-character message',
    { code: 'BAD_USER_INPUT', field: 'input.message', run: () => walkIn({ message: 'm'.repeat(1001) }) },
  ],
  [
    'bookWalkIn: a break as the slot',
    { code: 'CONFLICT', reason: 'BREAK', run: () => walkIn({ slotId: forum.breakSlot }) },
  ],
  ['bookWalkIn: a slot that does not exist', { code: 'NOT_FOUND', run: () => walkIn({ slotId: UUID }) }],
  [
    'bookWalkIn: a meeting with oneself',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.toDelegateId',
      run: () => walkIn({ toDelegateId: forum.delegateB }),
    },
  ],
  // reportMeetingOutcome, declineMeetingRequest
  [
    'reportMeetingOutcome: SQL as the meeting id',
    { code: 'BAD_USER_INPUT', field: 'meetingId', run: () => gql(OUTCOME, { m: SQL, outcome: 'HELD' }) },
  ],
  [
    'reportMeetingOutcome: an unknown outcome (enum)',
    {
      status: 400,
      code: 'BAD_USER_INPUT',
      message: /MeetingOutcome/,
      run: () => gql(OUTCOME, { m: UUID, outcome: 'FOLLOW_UP' }),
    },
  ],
  [
    'reportMeetingOutcome: a 100,000-character note',
    {
      code: 'BAD_USER_INPUT',
      field: 'note',
      run: () => gql(OUTCOME, { m: UUID, outcome: 'HELD', note: 'n'.repeat(100_000) }),
    },
  ],
  [
    'reportMeetingOutcome: a null byte in the note',
    {
      code: 'BAD_USER_INPUT',
      field: 'note',
      run: () => gql(OUTCOME, { m: UUID, outcome: 'HELD', note: `ok${NUL}` }),
    },
  ],
  [
    'reportMeetingOutcome: a right-to-left override in the note',
    {
      code: 'BAD_USER_INPUT',
      field: 'note',
      run: () => gql(OUTCOME, { m: UUID, outcome: 'HELD', note: `ok ${RLO}` }),
    },
  ],
  [
    'reportMeetingOutcome: a meeting that does not exist',
    { code: 'NOT_FOUND', run: () => gql(OUTCOME, { m: UUID, outcome: 'HELD' }) },
  ],
  [
    'declineMeetingRequest: a null byte in the reason',
    {
      code: 'BAD_USER_INPUT',
      field: 'reason',
      run: () => gql(DECLINE, { r: forum.requestAB, reason: `non${NUL}` }),
    },
  ],
  [
    'declineMeetingRequest: a 100,000-character reason',
    {
      code: 'BAD_USER_INPUT',
      field: 'reason',
      run: () => gql(DECLINE, { r: forum.requestAB, reason: 'r'.repeat(100_000) }),
    },
  ],
  // addMeetingPrecedence
  [
    'addMeetingPrecedence: SQL as a request id',
    {
      code: 'BAD_USER_INPUT',
      field: 'beforeRequestId',
      run: () => gql(PRECEDENCE, { b: SQL, a: forum.requestAC }),
    },
  ],
  [
    'addMeetingPrecedence: a request before itself',
    {
      code: 'BAD_USER_INPUT',
      field: 'afterRequestId',
      run: () => gql(PRECEDENCE, { b: forum.requestAB, a: forum.requestAB }),
    },
  ],
  [
    'addMeetingPrecedence: a two-rule cycle',
    {
      code: 'CONFLICT',
      reason: 'CYCLE',
      run: () => gql(PRECEDENCE, { b: forum.requestAC, a: forum.requestAB }),
    },
  ],
  [
    'addMeetingPrecedence: a three-rule cycle',
    {
      code: 'CONFLICT',
      reason: 'CYCLE',
      run: () => gql(PRECEDENCE, { b: forum.requestBC, a: forum.requestAB }),
    },
  ],
  [
    'addMeetingPrecedence: a delegate in only one of the requests',
    {
      code: 'BAD_USER_INPUT',
      field: 'delegateId',
      run: () => gql(PRECEDENCE, { b: forum.requestAC, a: forum.requestBC, d: forum.delegateA }),
    },
  ],
  [
    'addMeetingPrecedence: a request that does not exist',
    { code: 'NOT_FOUND', run: () => gql(PRECEDENCE, { b: forum.requestAB, a: UUID }) },
  ],
];

const matchRows: [string, Row][] = [
  // setFinancierCriteria
  [
    'setFinancierCriteria: SQL as the organisation id',
    {
      code: 'BAD_USER_INPUT',
      field: 'organizationId',
      run: () => asMember(SET_CRITERIA, { org: SQL, input: {} }),
    },
  ],
  [
    'setFinancierCriteria: an unknown sector',
    { code: 'BAD_USER_INPUT', field: 'input.sectors.0', run: () => criteria({ sectors: ['34'] }) },
  ],
  [
    'setFinancierCriteria: a sector with an OR clause',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.sectors.0',
      run: () => criteria({ sectors: ['25 OR sectors EXISTS'] }),
    },
  ],
  [
    'setFinancierCriteria: a country closing a filter list',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.countries.0',
      run: () => criteria({ countries: ['DZ"] OR country IN ["TN'] }),
    },
  ],
  [
    'setFinancierCriteria: a country with a backslash',
    { code: 'BAD_USER_INPUT', field: 'input.countries.0', run: () => criteria({ countries: ['DZ\\'] }) },
  ],
  [
    'setFinancierCriteria: a country with a null byte',
    { code: 'BAD_USER_INPUT', field: 'input.countries.0', run: () => criteria({ countries: [`D${NUL}Z`] }) },
  ],
  [
    'setFinancierCriteria: 61 countries',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.countries',
      run: () => criteria({ countries: Array<string>(61).fill('DZ') }),
    },
  ],
  [
    'setFinancierCriteria: 20,000 sectors',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.sectors',
      run: () => criteria({ sectors: Array<string>(20_000).fill('25') }),
    },
  ],
  [
    'setFinancierCriteria: a negative ticket',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.ticketMin',
      run: () => criteria({ ticketMin: -1, currency: 'DZD' }),
    },
  ],
  [
    'setFinancierCriteria: a ticket of 1e308',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.ticketMax',
      run: () => criteria({ ticketMax: 1e308, currency: 'DZD' }),
    },
  ],
  [
    'setFinancierCriteria: a minimum above the maximum',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.ticketMin',
      run: () => criteria({ ticketMin: 10, ticketMax: 5, currency: 'DZD' }),
    },
  ],
  [
    'setFinancierCriteria: a ticket range without a currency',
    { code: 'BAD_USER_INPUT', field: 'input.currency', run: () => criteria({ ticketMin: 10 }) },
  ],
  [
    'setFinancierCriteria: an unknown currency (enum)',
    {
      status: 400,
      code: 'BAD_USER_INPUT',
      message: /Currency/,
      run: () => criteria({ ticketMin: 10, currency: 'BTC' }),
    },
  ],
  [
    'setFinancierCriteria: an unknown certification (enum)',
    {
      status: 400,
      code: 'BAD_USER_INPUT',
      message: /Certification/,
      run: () => criteria({ requiredCertifications: ['ISO_99999'] }),
    },
  ],
  [
    'setFinancierCriteria: an unknown stage (enum)',
    {
      status: 400,
      code: 'BAD_USER_INPUT',
      message: /CompanyStage/,
      run: () => criteria({ stages: ['UNICORN'] }),
    },
  ],
  [
    'setFinancierCriteria: an unknown employee band',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.minEmployeeBand',
      run: () => criteria({ minEmployeeBand: `10-49' OR '1'='1` }),
    },
  ],
  [
    'setFinancierCriteria: a negative company age',
    { code: 'BAD_USER_INPUT', field: 'input.minAgeYears', run: () => criteria({ minAgeYears: -1 }) },
  ],
  [
    'setFinancierCriteria: 2,147,483,647 patents',
    { code: 'BAD_USER_INPUT', field: 'input.minPatents', run: () => criteria({ minPatents: 2 ** 31 - 1 }) },
  ],
  [
    'setFinancierCriteria: for an organisation that is not a financier',
    {
      code: 'BAD_USER_INPUT',
      field: 'organizationId',
      run: () => asMember(SET_CRITERIA, { org: org.a, input: { sectors: ['25'] } }),
    },
  ],
  // createSavedSearch
  [
    'createSavedSearch: an empty name',
    { code: 'BAD_USER_INPUT', field: 'input.name', run: () => savedSearch({ name: '   ' }) },
  ],
  [
    'createSavedSearch: a 201-character name',
    { code: 'BAD_USER_INPUT', field: 'input.name', run: () => savedSearch({ name: 'n'.repeat(201) }) },
  ],
  [
    'createSavedSearch: a null byte in the name',
    { code: 'BAD_USER_INPUT', field: 'input.name', run: () => savedSearch({ name: `Usinage${NUL}` }) },
  ],
  [
    'createSavedSearch: a right-to-left override in the name',
    { code: 'BAD_USER_INPUT', field: 'input.name', run: () => savedSearch({ name: `Usinage${RLO}` }) },
  ],
  [
    'createSavedSearch: a null byte in the query',
    { code: 'BAD_USER_INPUT', field: 'input.query', run: () => savedSearch({ query: `usinage${NUL}` }) },
  ],
  [
    'createSavedSearch: an unpaired surrogate in the query',
    { code: 'BAD_USER_INPUT', field: 'input.query', run: () => savedSearch({ query: 'usinage \uDC00' }) },
  ],
  [
    'createSavedSearch: a 201-character query',
    { code: 'BAD_USER_INPUT', field: 'input.query', run: () => savedSearch({ query: 'q'.repeat(201) }) },
  ],
  [
    'createSavedSearch: an unknown sector in the criteria',
    {
      code: 'BAD_USER_INPUT',
      field: 'input.criteria.sectors.0',
      run: () => savedSearch({ criteria: { sectors: ['C") OR ("1'] } }),
    },
  ],
  [
    'createSavedSearch: a score of 2',
    { code: 'BAD_USER_INPUT', field: 'input.minScore', run: () => savedSearch({ minScore: 2 }) },
  ],
  [
    'createSavedSearch: a negative score',
    { code: 'BAD_USER_INPUT', field: 'input.minScore', run: () => savedSearch({ minScore: -0.5 }) },
  ],
  // feedback on suggestions
  [
    'markSuggestionNotRelevant: SQL as the suggestion id',
    {
      code: 'BAD_USER_INPUT',
      field: 'suggestionId',
      run: () => asMember(NOT_RELEVANT, { org: org.a, s: SQL, reason: 'SECTOR' }),
    },
  ],
  [
    'markSuggestionNotRelevant: an unknown reason (enum)',
    {
      status: 400,
      code: 'BAD_USER_INPUT',
      message: /NotRelevantReason/,
      run: () => asMember(NOT_RELEVANT, { org: org.a, s: UUID, reason: 'BORING' }),
    },
  ],
  [
    'markSuggestionNotRelevant: a 1,001-character comment',
    {
      code: 'BAD_USER_INPUT',
      field: 'comment',
      run: () => asMember(NOT_RELEVANT, { org: org.a, s: UUID, reason: 'SECTOR', comment: 'c'.repeat(1001) }),
    },
  ],
  [
    'markSuggestionNotRelevant: a null byte in the comment',
    {
      code: 'BAD_USER_INPUT',
      field: 'comment',
      run: () => asMember(NOT_RELEVANT, { org: org.a, s: UUID, reason: 'SECTOR', comment: `non${NUL}` }),
    },
  ],
  [
    'markSuggestionNotRelevant: a right-to-left override in the comment',
    {
      code: 'BAD_USER_INPUT',
      field: 'comment',
      run: () => asMember(NOT_RELEVANT, { org: org.a, s: UUID, reason: 'SECTOR', comment: `non ${RLO}` }),
    },
  ],
  [
    'markSuggestionNotRelevant: a suggestion that does not exist',
    { code: 'NOT_FOUND', run: () => asMember(NOT_RELEVANT, { org: org.a, s: UUID, reason: 'SECTOR' }) },
  ],
  [
    'acceptSuggestion: a null byte in the message',
    {
      code: 'BAD_USER_INPUT',
      field: 'message',
      run: () => asMember(ACCEPT_SUGGESTION, { org: org.a, s: UUID, message: `Bonjour${NUL}` }),
    },
  ],
  // suggestions, alerts
  [
    'suggestions: a page of 0',
    {
      code: 'BAD_USER_INPUT',
      field: 'first',
      run: () => asMember(SUGGESTIONS, { org: org.a, kind: 'SUBCONTRACTING', first: 0 }),
    },
  ],
  [
    'suggestions: a page of 1,000,000',
    {
      code: 'BAD_USER_INPUT',
      field: 'first',
      run: () => asMember(SUGGESTIONS, { org: org.a, kind: 'SUBCONTRACTING', first: 1_000_000 }),
    },
  ],
  [
    'suggestions: a negative page size',
    {
      code: 'BAD_USER_INPUT',
      field: 'first',
      run: () => asMember(SUGGESTIONS, { org: org.a, kind: 'SUBCONTRACTING', first: -5 }),
    },
  ],
  [
    'suggestions: SQL as the cursor',
    {
      code: 'BAD_USER_INPUT',
      field: 'after',
      run: () => asMember(SUGGESTIONS, { org: org.a, kind: 'SUBCONTRACTING', after: `' OR 1=1 --` }),
    },
  ],
  [
    'suggestions: a forged cursor with a rank beyond int',
    {
      code: 'BAD_USER_INPUT',
      field: 'after',
      run: () =>
        asMember(SUGGESTIONS, {
          org: org.a,
          kind: 'SUBCONTRACTING',
          after: Buffer.from(`rank:${'9'.repeat(20)}`).toString('base64url'),
        }),
    },
  ],
  [
    'suggestions: a 200,000-character cursor',
    {
      code: 'BAD_USER_INPUT',
      field: 'after',
      run: () => asMember(SUGGESTIONS, { org: org.a, kind: 'SUBCONTRACTING', after: 'A'.repeat(200_000) }),
    },
  ],
  [
    'suggestions: an unknown kind (enum)',
    {
      status: 400,
      code: 'BAD_USER_INPUT',
      message: /SuggestionKind/,
      run: () => asMember(SUGGESTIONS, { org: org.a, kind: 'SPOUSE' }),
    },
  ],
  [
    'suggestions: SQL as the delegate id',
    {
      code: 'BAD_USER_INPUT',
      field: 'delegateId',
      run: () => asMember(SUGGESTIONS, { org: org.a, kind: 'MEETING', d: SQL }),
    },
  ],
  [
    'suggestions: SQL as the organisation id',
    {
      code: 'BAD_USER_INPUT',
      field: 'organizationId',
      run: () => asMember(SUGGESTIONS, { org: SQL, kind: 'SUBCONTRACTING' }),
    },
  ],
  [
    'savedSearchAlerts: a page of 1,000,000',
    {
      code: 'BAD_USER_INPUT',
      field: 'first',
      run: () => asMember(ALERTS, { org: org.bank, first: 1_000_000 }),
    },
  ],
];

describe('hostile input to accounts, the forum and matchmaking', () => {
  beforeAll(async () => {
    app = await bootTestApp({ signedIn: 'ORGANISER' });
    admin = await signIn(app, { roles: ['ADMIN'] });
    member = await signIn(app);
    changer = await signIn(app, { displayName: 'Yacine Changer' });

    const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
    const sme = (name: string) => ({
      kind: 'SME',
      name: { fr: name },
      country: 'DZ',
      regionCode: 'DZ-09',
      sectors: ['25'],
    });
    type Created = { createOrganization: { id: string } };
    org.a = ok<Created>(await gql(CREATE_ORG, { input: sme('Atelier Aurès') })).createOrganization.id;
    org.b = ok<Created>(await gql(CREATE_ORG, { input: sme('Fonderie Biskra') })).createOrganization.id;
    org.c = ok<Created>(await gql(CREATE_ORG, { input: sme('Chaudronnerie Cirta') })).createOrganization.id;
    org.bank = ok<Created>(
      await gql(CREATE_ORG, {
        input: {
          kind: 'FINANCIER',
          subtype: 'COMMERCIAL_BANK',
          name: { fr: 'Banque du Tell' },
          country: 'DZ',
          sectors: ['64'],
        },
      }),
    ).createOrganization.id;
    // The member acts for the SMEs and the bank without any platform role.
    for (const id of [org.a, org.b, org.c, org.bank]) await addMembership(app, member.userId, id, 'OWNER');

    // A forum edition with a break, tables, groups, three delegates and three requests among them.
    type Id = { id: string };
    const e = ok<{ createForumEdition: Id }>(
      await gql(CREATE_EDITION, {
        input: edition({
          sessions: [session({ breaks: [{ start: '10:00', end: '10:30' }] })],
        }),
      }),
    ).createForumEdition;
    forum.edition = e.id;
    forum.otherEdition = ok<{ createForumEdition: Id }>(
      await createEdition({ name: { fr: 'Autre forum' }, sessions: [] }),
    ).createForumEdition.id;
    const slots = ok<{ forumSlots: { id: string; isBreak: boolean }[] }>(
      await gql(`query($e: ID!) { forumSlots(editionId: $e) { id isBreak } }`, { e: e.id }),
    ).forumSlots;
    forum.slot = slots.find((s) => !s.isBreak)!.id;
    forum.breakSlot = slots.find((s) => s.isBreak)!.id;
    ok(await addTables([{ label: 'T1' }, { label: 'T2', capacity: 4, languages: ['ar', 'fr'] }]));
    forum.group = ok<{ createForumGroup: Id }>(
      await createGroup({ code: 'SME', name: { fr: 'PME' } }),
    ).createForumGroup.id;
    forum.otherGroup = ok<{ createForumGroup: Id }>(
      await createGroup({ code: 'SME' }, forum.otherEdition),
    ).createForumGroup.id;
    ok(await gql(EDITION_STATUS, { id: e.id, status: 'OPEN' }));
    const delegate = async (organizationId: string, name: string, email: string) =>
      ok<{ registerDelegate: Id }>(await registerDelegate({ organizationId, name, email })).registerDelegate
        .id;
    forum.delegateA = await delegate(org.a, 'Amina', 'a@atelier.dz');
    forum.delegateB = await delegate(org.b, 'Bilal', 'b@fonderie.dz');
    forum.delegateC = await delegate(org.c, 'Chahinez', 'c@cirta.dz');
    const request = async (organizationId: string, from: string, to: string) =>
      ok<{ requestMeeting: Id }>(
        await gql(REQUEST_MEETING, {
          input: { editionId: e.id, organizationId, fromDelegateId: from, toDelegateId: to },
        }),
      ).requestMeeting.id;
    forum.requestAB = await request(org.a, forum.delegateA, forum.delegateB);
    forum.requestAC = await request(org.a, forum.delegateA, forum.delegateC);
    forum.requestBC = await request(org.b, forum.delegateB, forum.delegateC);
    // AB before AC (for A), AC before BC (for C): BC before AB would close a cycle of three.
    ok(await gql(PRECEDENCE, { b: forum.requestAB, a: forum.requestAC }));
    ok(await gql(PRECEDENCE, { b: forum.requestAC, a: forum.requestBC }));

    // The bank's private criteria and one saved search.
    ok(
      await criteria({
        sectors: ['25'],
        countries: ['DZ'],
        ticketMin: 1000,
        ticketMax: 5000,
        currency: 'DZD',
      }),
    );
    ok(await savedSearch({ name: 'Usinage', query: 'usinage', criteria: { sectors: ['25'] } }));

    baseline = await counts();
    snapshot = (await app.db.query(SNAPSHOT_SQL)).rows[0].s;
  });
  afterAll(() => app?.close());

  describe.each([
    ['accounts', accountRows],
    ['the forum', forumRows],
    ['matchmaking', matchRows],
  ])('%s', (_group, rows) => {
    it.each(rows)('%s', async (_label, row) => {
      const before = await counts();
      const r = await row.run();
      const error = r.body.errors?.[0];
      expect({ code: error?.extensions?.code, message: error?.message }).toEqual({
        code: row.code,
        message: expect.any(String),
      });
      if (row.status) expect(r.status).toBe(row.status);
      if (row.message) expect(error!.message).toMatch(row.message);
      if (row.reason) expect(error!.extensions).toMatchObject({ reason: row.reason });
      if (row.field) {
        const fields = (error!.extensions?.fields ?? []) as { path: string }[];
        expect(fields.map((f) => f.path)).toContain(row.field);
      }
      // Nothing of the server's insides, and no partial result.
      expect(JSON.stringify(r.body)).not.toMatch(
        /stacktrace|\bat .+\.js:\d+|QueryFailedError|SELECT |INSERT |UPDATE |violates/,
      );
      expect(Object.values(r.body.data ?? {}).every((v) => v === null)).toBe(true);
      expect(await counts()).toEqual(before);
    });
  });

  describe('afterwards', () => {
    it('the service is still ready, with every count and the seeded data unchanged', async () => {
      const res = await fetch(`${app.url}/health/ready`);
      expect(res.status).toBe(200);
      expect(app.api.child.exitCode).toBeNull();
      expect(await counts()).toEqual(baseline);
      expect((await app.db.query(SNAPSHOT_SQL)).rows[0].s).toEqual(snapshot);
      // The accounts still work: the changer's password is the one it started with.
      ok(await gql(LOGIN, { e: changer.email, p: changer.password }, {}));
    });
  });
});
