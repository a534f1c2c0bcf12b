import { badInput, isUuid } from '#platform';
import { isAdmin, isOrganiser, type MembershipRole, type PlatformRole, type Viewer } from '../viewer.js';

/** What a rule may consult: the viewer, the operation's arguments and the request's access facts. */
export interface PolicyInput {
  viewer: Viewer | null;
  args: Record<string, unknown>;
  /** The parent object, for rules on nested fields. */
  parent?: unknown;
  access: AccessFacts;
}

/** Facts about the viewer, loaded at most once per request. */
export interface AccessFacts {
  /** The viewer's role in an organisation, or null when not a member (or anonymous). */
  membership(organizationId: string): Promise<MembershipRole | null>;
  /** Whether the two organisations have an accepted contact or meeting request between them. */
  contactGranted(organizationA: string, organizationB: string): Promise<boolean>;
  /** Organisation ids the viewer belongs to. */
  organizations(): Promise<string[]>;
  /** The organisation that owns a record of a registered kind (see `registerOwnerLookup`), or null. */
  organizationOf(kind: string, id: string): Promise<string | null>;
}

/**
 * The outcome of a rule: allowed, or refused with why. `UNAUTHENTICATED` when signing in could
 * change the answer, `FORBIDDEN` otherwise, `NOT_FOUND` when even the resource's existence is private.
 */
export type Verdict =
  { allowed: true } | { allowed: false; code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND'; reason: string };

export interface Rule {
  /** Human-readable, for errors, logs and the generated access table. */
  readonly describe: string;
  check(input: PolicyInput): Promise<Verdict>;
}

const ALLOW: Verdict = { allowed: true };
const deny = (code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND', reason: string): Verdict => ({
  allowed: false,
  code,
  reason,
});

/** Picks an organisation id out of an operation's arguments (or loads it from another id). */
export type OrgPicker = (
  args: Record<string, unknown>,
  access: AccessFacts,
) => string | null | undefined | Promise<string | null | undefined>;

/** Refuses an id that is not a UUID as bad input, naming the argument. */
export function requireUuid(value: unknown, path: string): string {
  if (!isUuid(value)) throw badInput([{ path, message: 'must be a UUID' }]);
  return value;
}

/**
 * Reads an id at a dotted path such as `input.organizationId` from the arguments. An id that is not
 * a UUID is refused as bad input before any rule or query looks at it.
 */
export const arg =
  (path: string): OrgPicker =>
  (args) => {
    let v: unknown = args;
    for (const k of path.split('.'))
      v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
    if (typeof v !== 'string') return null;
    if (!isUuid(v)) throw badInput([{ path, message: 'must be a UUID' }]);
    return v;
  };

/** The organisation owning the record whose id sits at `path`, e.g. `ownerOf('opportunity', 'input.id')`. */
export const ownerOfRecord =
  (kind: string, path: string): OrgPicker =>
  async (args, access) => {
    const id = await arg(path)(args, access);
    return id ? access.organizationOf(kind, id) : null;
  };

export const Public: Rule = { describe: 'anyone', check: () => Promise.resolve(ALLOW) };

export const Authenticated: Rule = {
  describe: 'signed-in users',
  check: ({ viewer }) => Promise.resolve(viewer ? ALLOW : deny('UNAUTHENTICATED', 'sign in to do this')),
};

export const Verified: Rule = {
  describe: 'signed-in users with a verified email',
  check: ({ viewer }) =>
    Promise.resolve(
      !viewer
        ? deny('UNAUTHENTICATED', 'sign in to do this')
        : viewer.emailVerified
          ? ALLOW
          : deny('FORBIDDEN', 'verify your email address first'),
    ),
};

export function HasRole(role: PlatformRole): Rule {
  return {
    describe: role === 'ORGANISER' ? 'organisers and admins' : 'admins',
    check: ({ viewer }) =>
      Promise.resolve(
        !viewer
          ? deny('UNAUTHENTICATED', 'sign in to do this')
          : (role === 'ADMIN' ? isAdmin(viewer) : isOrganiser(viewer))
            ? ALLOW
            : deny('FORBIDDEN', `only ${role === 'ADMIN' ? 'admins' : 'organisers'} may do this`),
      ),
  };
}

export const Organiser = HasRole('ORGANISER');
export const Admin = HasRole('ADMIN');

function membershipRule(pick: OrgPicker, roles: readonly MembershipRole[], describe: string): Rule {
  return {
    describe,
    async check({ viewer, args, access }) {
      if (!viewer) return deny('UNAUTHENTICATED', 'sign in to do this');
      const orgId = await pick(args, access);
      if (!orgId) return deny('NOT_FOUND', 'no such organisation');
      const role = await access.membership(orgId);
      if (role && roles.includes(role)) return ALLOW;
      // To anyone outside it, an organisation that is not public does not exist; organisers see
      // every organisation (the review queue), so for them only a missing one is NOT_FOUND.
      if (
        !role &&
        !(await access.organizationOf(isOrganiser(viewer) ? 'organization' : 'organization.public', orgId))
      )
        return deny('NOT_FOUND', `Organization ${orgId} does not exist`);
      return deny(
        'FORBIDDEN',
        `only the organisation's ${roles.length === 1 ? 'owners' : 'members'} may do this`,
      );
    },
  };
}

/** Members (owners included) of the organisation the picker names. */
export const MemberOf = (pick: OrgPicker): Rule =>
  membershipRule(pick, ['OWNER', 'MEMBER'], 'organisation members');

/** Owners of the organisation the picker names. */
export const OwnerOf = (pick: OrgPicker): Rule => membershipRule(pick, ['OWNER'], 'organisation owners');

/**
 * Allowed when any rule allows. Otherwise UNAUTHENTICATED first (signing in may help), then
 * NOT_FOUND (the resource is missing or hidden), then FORBIDDEN.
 */
export function AnyOf(...rules: Rule[]): Rule {
  return {
    describe: rules.map((r) => r.describe).join(' or '),
    async check(input) {
      const refusals: Verdict[] = [];
      for (const r of rules) {
        const v = await r.check(input);
        if (v.allowed) return v;
        refusals.push(v);
      }
      return (
        refusals.find((v) => !v.allowed && v.code === 'UNAUTHENTICATED') ??
        refusals.find((v) => !v.allowed && v.code === 'NOT_FOUND') ??
        refusals.find((v) => !v.allowed && v.code === 'FORBIDDEN') ??
        refusals[0] ??
        deny('FORBIDDEN', 'not allowed')
      );
    },
  };
}

/** Allowed only when every rule allows. */
export function AllOf(...rules: Rule[]): Rule {
  return {
    describe: rules.map((r) => r.describe).join(' and '),
    async check(input) {
      for (const r of rules) {
        const v = await r.check(input);
        if (!v.allowed) return v;
      }
      return ALLOW;
    },
  };
}

/** A rule with its own logic, for cases the combinators do not express. */
export function Custom(describe: string, fn: (input: PolicyInput) => Promise<Verdict> | Verdict): Rule {
  return { describe, check: async (input) => fn(input) };
}

export const verdict = { allow: (): Verdict => ALLOW, deny };
