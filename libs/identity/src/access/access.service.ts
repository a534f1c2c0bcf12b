import { isUuid } from '#platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AccessFacts } from '../policy/rules.js';
import type { IdentityContext } from '../graphql/identity-context.js';
import { isOrganiser, type MembershipRole, type Viewer } from '../viewer.js';
import { MembershipRepository } from '../membership/membership.repository.js';
import type { Runs } from '../runs.js';
import { OwnerLookupRepository } from './owner-lookup.repository.js';

/** A lookup of the organisation owning a record, by the record's id (a valid UUID), on the given connection. */
export type OwnerLookup = (db: Runs, id: string) => Promise<string | null>;

/** How to find the organisation owning a record, per record kind: SQL, or a function of the owning library. */
const OWNER_LOOKUPS = new Map<string, string | OwnerLookup>();

/**
 * Lets a module name the organisation that owns its records, for access rules such as
 * `MemberOf(ownerOfRecord('meeting_request.to', 'id'))`: a query taking the record id as `$1` and
 * returning one row with `organization_id`, or a function answering the organisation's id or null
 * (the directory registers `organization` and `organization.public` so, from its facts).
 */
export function registerOwnerLookup(kind: string, lookup: string | OwnerLookup): void {
  OWNER_LOOKUPS.set(kind, lookup);
}

/** The repositories behind the access facts (stateless: each call takes the request's connection). */
const memberships = new MembershipRepository();
const ownerLookups = new OwnerLookupRepository();

/**
 * Reads the contact grants (pairs of organisations that see each other's contact persons) of which
 * one side is among `organizationIds`, as ordered [low, high] pairs.
 */
export type ContactGrantReader = (
  db: Pick<EntityManager, 'query'>,
  organizationIds: string[],
) => Promise<[string, string][]>;

let contactGrantReader: ContactGrantReader | null = null;

/** Lets the library that owns contact grants (the directory) tell the access rules where to read them. */
export function registerContactGrantReader(reader: ContactGrantReader): void {
  contactGrantReader = reader;
}

const ordered = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

/**
 * Access facts for one viewer, each loaded by one query the first time a rule needs it: a user
 * belongs to few organisations, so their memberships and contact grants fit in memory per request.
 */
class RequestAccess implements AccessFacts {
  private memberships?: Promise<Map<string, MembershipRole>>;
  private grants?: Promise<Set<string>>;

  constructor(
    private readonly db: DataSource,
    readonly viewer: Viewer | null,
  ) {}

  private loadMemberships(): Promise<Map<string, MembershipRole>> {
    if (!this.viewer) return Promise.resolve(new Map());
    this.memberships ??= memberships
      .rolesOf(this.db, this.viewer.userId)
      .then((rows) => new Map(rows.map((r) => [r.organizationId, r.role])));
    return this.memberships;
  }

  /** Organisations that have a contact grant with any of the viewer's organisations, as "mine|theirs". */
  private loadGrants(): Promise<Set<string>> {
    this.grants ??= this.loadMemberships().then(async (mine) => {
      if (!mine.size) return new Set<string>();
      if (!contactGrantReader) throw new Error('no contact grant reader registered');
      const pairs = await contactGrantReader(this.db, [...mine.keys()]);
      return new Set(pairs.map(([low, high]) => `${low}|${high}`));
    });
    return this.grants;
  }

  async membership(organizationId: string): Promise<MembershipRole | null> {
    return (await this.loadMemberships()).get(organizationId) ?? null;
  }

  async organizations(): Promise<string[]> {
    return [...(await this.loadMemberships()).keys()];
  }

  private readonly owners = new Map<string, Promise<string | null>>();

  organizationOf(kind: string, id: string): Promise<string | null> {
    const lookup = OWNER_LOOKUPS.get(kind);
    if (!lookup) throw new Error(`no owner lookup registered for "${kind}"`);
    if (!isUuid(id)) return Promise.resolve(null);
    const key = `${kind}:${id}`;
    let found = this.owners.get(key);
    if (!found) {
      found =
        typeof lookup === 'string' ? ownerLookups.organizationOf(this.db, lookup, id) : lookup(this.db, id);
      this.owners.set(key, found);
    }
    return found;
  }

  async contactGranted(a: string, b: string): Promise<boolean> {
    const [low, high] = ordered(a, b);
    return (await this.loadGrants()).has(`${low}|${high}`);
  }

  /**
   * Whether the viewer may see an organisation's contact persons: its members, organisers, and
   * members of an organisation whose contact or meeting request with it was accepted.
   */
  async canSeeContacts(organizationId: string): Promise<boolean> {
    if (!this.viewer) return false;
    if (isOrganiser(this.viewer)) return true;
    const mine = await this.organizations();
    if (mine.includes(organizationId)) return true;
    for (const own of mine) if (await this.contactGranted(own, organizationId)) return true;
    return false;
  }

  /** Whether the viewer may see an organisation at all: active ones to anyone, others to members and organisers. */
  async canSeeOrganization(org: { id: string; status: string }): Promise<boolean> {
    if (org.status === 'ACTIVE') return true;
    if (isOrganiser(this.viewer)) return true;
    return (await this.membership(org.id)) !== null;
  }
}

export type { RequestAccess };

@Injectable()
export class AccessService {
  private readonly perRequest = new WeakMap<object, RequestAccess>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The access facts of a GraphQL request, created once per request context. */
  for(ctx: IdentityContext): RequestAccess {
    let access = this.perRequest.get(ctx);
    if (!access) {
      access = new RequestAccess(this.db, ctx.viewer ?? null);
      this.perRequest.set(ctx, access);
    }
    return access;
  }

  /** Access facts for a viewer outside GraphQL (jobs, the CLI, tests). */
  forViewer(viewer: Viewer | null): RequestAccess {
    return new RequestAccess(this.db, viewer);
  }
}
