import { isUuid } from '#platform';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AccessFacts } from '../policy/rules.js';
import type { IdentityContext } from '../graphql/identity-context.js';
import { isOrganiser, type MembershipRole, type Viewer } from '../viewer.js';

/** SQL returning `organization_id` of a record by `$1`, per record kind. */
const OWNER_LOOKUPS = new Map<string, string>([
  ['organization', `SELECT id AS organization_id FROM organization WHERE id = $1`],
  [
    'organization.public',
    `SELECT id AS organization_id FROM organization WHERE id = $1 AND status = 'ACTIVE'`,
  ],
]);

/**
 * Lets a module name the organisation that owns its records, for access rules such as
 * `MemberOf(ownerOfRecord('meeting_request.to', 'id'))`. The query takes the record id as `$1` and
 * returns one row with `organization_id`.
 */
export function registerOwnerLookup(kind: string, sql: string): void {
  OWNER_LOOKUPS.set(kind, sql);
}

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
    this.memberships ??= this.db
      .query<{ organization_id: string; role: MembershipRole }[]>(
        `SELECT organization_id, role FROM membership WHERE user_id = $1`,
        [this.viewer.userId],
      )
      .then((rows) => new Map(rows.map((r) => [r.organization_id, r.role])));
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
    const sql = OWNER_LOOKUPS.get(kind);
    if (!sql) throw new Error(`no owner lookup registered for "${kind}"`);
    if (!isUuid(id)) return Promise.resolve(null);
    const key = `${kind}:${id}`;
    let found = this.owners.get(key);
    if (!found) {
      found = this.db
        .query<{ organization_id: string }[]>(sql, [id])
        .then((rows) => rows[0]?.organization_id ?? null);
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
