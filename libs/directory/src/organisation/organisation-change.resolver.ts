import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AccessService,
  AnyOf,
  arg,
  Authorize,
  CurrentViewer,
  isOrganiser,
  MemberOf,
  Organiser,
  type Viewer,
} from '#identity';
import type { GqlContext } from '#identity';
import { DirectoryLoaderFactory } from '../graphql/directory.loaders.js';
import type { OrganizationEntity } from './organisation.entity.js';
import { OrganizationType } from './organisation.types.js';
import { OrganizationChangeService, type OrganizationChangeRecord } from './organisation-change.service.js';
import { OrganizationChangeConnection, OrganizationChangeObject } from './organisation-change.types.js';
import { parseId } from '#platform';

const json = (v: unknown) => (v == null ? null : JSON.stringify(v));
const toObject = (c: OrganizationChangeRecord): OrganizationChangeObject => ({
  ...c,
  changes: c.changes.map((f) => ({ field: f.field, before: json(f.before), after: json(f.after) })),
});

/** The review of identity changes, and the open change on an organisation for its members and organisers. */
@Resolver(() => OrganizationChangeObject)
export class OrganizationChangeResolver {
  constructor(
    private readonly changes: OrganizationChangeService,
    private readonly loaders: DirectoryLoaderFactory,
  ) {}

  @Authorize(Organiser)
  @Query(() => OrganizationChangeConnection, {
    description: 'Identity changes of approved organisations awaiting review, oldest first (organisers)',
  })
  async pendingOrganizationChanges(
    @Args('first', { type: () => Int, defaultValue: 20, description: '1 to 100' }) first: number,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page' })
    after: string | null,
  ): Promise<OrganizationChangeConnection> {
    const page = await this.changes.pending(first, after);
    return {
      edges: page.items.map((c, i) => ({ node: toObject(c), cursor: page.cursors[i] })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
    };
  }

  @Authorize(AnyOf(Organiser, MemberOf(arg('organizationId'))))
  @Query(() => [OrganizationChangeObject], {
    description: "An organisation's identity change requests, newest first, with organisers' notes",
  })
  async organizationChanges(
    @Args('organizationId', { type: () => ID, description: 'The organisation' }) organizationId: string,
    @Args('first', { type: () => Int, defaultValue: 20, description: '1 to 100' }) first: number,
  ): Promise<OrganizationChangeObject[]> {
    return (await this.changes.ofOrganization(organizationId, first)).map(toObject);
  }

  @Authorize(Organiser)
  @Mutation(() => OrganizationChangeObject, {
    description: 'Approves an identity change: the organisation and the search index take the new values',
  })
  async approveOrganizationChange(
    @Args('id', { type: () => ID, description: 'The change request' }) id: string,
    @Args('note', { type: () => String, nullable: true, description: 'Note kept with the decision' })
    note: string | null,
    @CurrentViewer() viewer: Viewer,
  ): Promise<OrganizationChangeObject> {
    return toObject(await this.changes.decide(viewer, id, 'APPROVE', note));
  }

  @Authorize(Organiser)
  @Mutation(() => OrganizationChangeObject, {
    description: 'Rejects an identity change with a note to the members; the approved values stay',
  })
  async rejectOrganizationChange(
    @Args('id', { type: () => ID, description: 'The change request' }) id: string,
    @Args('note', { description: 'Why, sent to its members' }) note: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<OrganizationChangeObject> {
    return toObject(await this.changes.decide(viewer, id, 'REJECT', note));
  }

  @ResolveField(() => OrganizationType, {
    nullable: true,
    description: 'The organisation, as the viewer may see it',
  })
  organization(
    @Parent() c: OrganizationChangeObject,
    @Context() ctx: object,
  ): Promise<OrganizationEntity | null> {
    return this.loaders.for(ctx).organization.load(c.organizationId);
  }
}

/** `Organization.pendingChange`: what waits for review, shown to the members and organisers only. */
@Resolver(() => OrganizationType)
export class OrganizationPendingChangeResolver {
  constructor(
    private readonly changes: OrganizationChangeService,
    private readonly access: AccessService,
  ) {}

  @ResolveField(() => OrganizationChangeObject, {
    nullable: true,
    description:
      'The identity change waiting for an organiser (members and organisers; null for anyone else)',
  })
  async pendingChange(
    @Parent() org: OrganizationEntity,
    @Context() ctx: GqlContext,
  ): Promise<OrganizationChangeObject | null> {
    const viewer = ctx.viewer;
    if (!viewer) return null;
    if (!isOrganiser(viewer) && !(await this.access.for(ctx).membership(org.id))) return null;
    const open = await this.changes.openOf(parseId(org.id));
    return open ? toObject(open) : null;
  }
}
