import { randomBytes } from 'node:crypto';
import { ok } from './graphql.js';
import { insertMembership, signIn, type SignInOptions, type TestUser } from './sign-in.js';
import type { TestApp } from './test-app.js';

/*
 * Factories for the rows most tests start from: one per concept, valid by default, every field a
 * test cares about given as an override. Rows a test only needs to exist go straight into the
 * database; rows whose creation the api checks (delegates, meeting requests) go through GraphQL.
 */

/** What runs SQL in a test: the `pg` pool of a booted app or a TypeORM `DataSource`/`EntityManager`. */
export interface SqlClient {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(text: string, params?: any[]): Promise<unknown>;
}

/** The rows of a query, whichever client ran it (`pg` answers `{ rows }`, TypeORM the rows themselves). */
async function rowsOf<R>(db: SqlClient, text: string, params: unknown[]): Promise<R[]> {
  const answer = await db.query(text, params);
  return (Array.isArray(answer) ? answer : (answer as { rows: R[] }).rows) as R[];
}

export type LocalizedText = { ar?: string | null; fr?: string | null; en?: string | null };

/** The organisation columns tests set; everything else keeps the database's default. */
export interface OrganizationSeed {
  /** A French name (the other languages empty), or the name in each language. Default: "Organisation test". */
  name?: string | LocalizedText;
  kind?: 'SME' | 'LARGE_FIRM' | 'SUPPORT_INSTITUTION' | 'FINANCIER' | 'PUBLIC_BODY';
  /** ISO country code; default DZ. */
  country?: string;
  regionCode?: string;
  sectors?: string[];
  /** Review status; default the database's (ACTIVE). */
  status?: 'ACTIVE' | 'PENDING' | 'REJECTED' | 'ARCHIVED';
  reviewNote?: string | null;
  website?: string;
}

/** Inserts an organisation directly (no owner, no outbox row) and returns its id. */
export async function insertOrganization(db: SqlClient, seed: OrganizationSeed = {}): Promise<string> {
  const name = typeof seed.name === 'object' ? seed.name : { fr: seed.name ?? 'Organisation test' };
  const columns: Record<string, unknown> = {
    kind: seed.kind ?? 'SME',
    name: JSON.stringify({ ar: name.ar ?? null, fr: name.fr ?? null, en: name.en ?? null }),
    description: '{}',
    country: seed.country ?? 'DZ',
    innovation: '{}',
  };
  if (seed.regionCode) columns.region_code = seed.regionCode;
  if (seed.sectors) columns.sectors = seed.sectors;
  if (seed.status) columns.status = seed.status;
  if (seed.reviewNote !== undefined) columns.review_note = seed.reviewNote;
  if (seed.website) columns.website = seed.website;
  const names = Object.keys(columns);
  const [row] = await rowsOf<{ id: string }>(
    db,
    `INSERT INTO organization (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})
     RETURNING id::text AS id`,
    Object.values(columns),
  );
  return row.id;
}

/** Inserts an organisation (as `insertOrganization`) with an existing account as its OWNER; returns its id. */
export async function insertOwnedOrganization(
  db: SqlClient,
  ownerUserId: string,
  seed: OrganizationSeed = {},
): Promise<string> {
  const id = await insertOrganization(db, seed);
  await insertMembership(db, ownerUserId, id, 'OWNER');
  return id;
}

/** Signs in a new account that is a member (OWNER unless asked) of an existing organisation. */
export function signInMember(
  app: TestApp,
  organizationId: string,
  role: 'OWNER' | 'MEMBER' = 'OWNER',
  opts: Omit<SignInOptions, 'memberships'> = {},
): Promise<TestUser> {
  return signIn(app, { ...opts, memberships: [{ organizationId, role }] });
}

/** The `RegisterDelegateInput` fields a test sets; name and email get defaults. */
export interface DelegateSeed {
  editionId: string;
  organizationId: string;
  name?: string;
  /** Default: a fresh address, so delegates never collide. */
  email?: string;
  [field: string]: unknown;
}

/** Registers a delegate through `registerDelegate` as the given caller and returns its id. */
export async function registerDelegate(
  app: TestApp,
  headers: Record<string, string>,
  seed: DelegateSeed,
): Promise<string> {
  const input = {
    name: 'Delegate',
    email: `delegate-${randomBytes(5).toString('hex')}@example.org`,
    ...seed,
  };
  return ok(
    await app.gql<{ registerDelegate: { id: string } }>(
      `mutation($input: RegisterDelegateInput!) { registerDelegate(input: $input) { id } }`,
      { input },
      headers,
    ),
  ).registerDelegate.id;
}

/** The `MeetingRequestInput` of a meeting request from one delegate to another. */
export interface MeetingRequestSeed {
  editionId: string;
  /** The requesting delegate's organisation. */
  organizationId: string;
  fromDelegateId: string;
  /** The delegate asked for (or give `toOrganizationId`). */
  toDelegateId?: string;
  [field: string]: unknown;
}

/** Sends a meeting request through `requestMeeting` as the given caller and returns its id. */
export async function requestMeeting(
  app: TestApp,
  headers: Record<string, string>,
  seed: MeetingRequestSeed,
): Promise<string> {
  return ok(
    await app.gql<{ requestMeeting: { id: string } }>(
      `mutation($input: MeetingRequestInput!) { requestMeeting(input: $input) { id } }`,
      { input: seed },
      headers,
    ),
  ).requestMeeting.id;
}

/** Accepts a meeting request as the receiving side (an organiser, or an owner of `organizationId`). */
export async function acceptMeetingRequest(
  app: TestApp,
  headers: Record<string, string>,
  requestId: string,
  organizationId?: string,
): Promise<void> {
  ok(
    await app.gql(
      `mutation($r: ID!, $o: ID) { acceptMeetingRequest(requestId: $r, organizationId: $o) { id } }`,
      { r: requestId, o: organizationId ?? null },
      headers,
    ),
  );
}

/** The required fields of `CreateOrganizationInput`, sent when a test gives none of its own. */
export const DEFAULT_ORGANIZATION_INPUT = {
  kind: 'SME',
  name: { fr: 'Organisation test' },
  country: 'DZ',
} as const;

/**
 * Creates an organisation through `createOrganization` as `ownerHeaders`' account (which becomes its
 * owner), from `DEFAULT_ORGANIZATION_INPUT` and the overrides; approves it when an organiser's
 * headers are given. Returns its id.
 */
export async function createOrganizationThroughApi(
  app: TestApp,
  ownerHeaders: Record<string, string>,
  input: Record<string, unknown> = {},
  approverHeaders?: Record<string, string>,
): Promise<string> {
  const { id } = ok(
    await app.gql<{ createOrganization: { id: string } }>(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      { input: { ...DEFAULT_ORGANIZATION_INPUT, ...input } },
      ownerHeaders,
    ),
  ).createOrganization;
  if (approverHeaders)
    ok(await app.gql(`mutation($id: ID!) { approveOrganization(id: $id) { id } }`, { id }, approverHeaders));
  return id;
}
