import { Args, Context, ID, Int, Query, Resolver } from '@nestjs/graphql';
import {
  AccessService,
  Authorize,
  CurrentViewer,
  isOrganiser,
  type IdentityContext,
  type Viewer,
} from '#identity';
import { ParticipantDirectoryService } from '../registration/participant-directory.service.js';
import { ParticipantOf } from '../common/registrations.js';
import { ParticipantConnection, ParticipantFilterInput, ParticipantType } from './participant.types.js';

/** The participants directory of an edition: whom a delegate can ask for a meeting. */
@Resolver(() => ParticipantType)
export class ForumParticipantResolver {
  constructor(
    private readonly directory: ParticipantDirectoryService,
    private readonly access: AccessService,
  ) {}

  @Query(() => ParticipantConnection, {
    description: 'Registered delegates of active organisations in an open edition, with public facts only',
  })
  @Authorize(ParticipantOf('editionId'))
  async forumParticipants(
    @Args('editionId', { type: () => ID, description: 'The forum edition' }) editionId: string,
    @Args('filter', { type: () => ParticipantFilterInput, nullable: true, description: 'Narrows the list' })
    filter: ParticipantFilterInput | null,
    @Args('first', { type: () => Int, defaultValue: 20, description: '1 to 100' }) first: number,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page' })
    after: string | null,
    @CurrentViewer() viewer: Viewer | null,
    @Context() ctx: IdentityContext,
  ): Promise<ParticipantConnection> {
    const mine = await this.access.for(ctx).organizations();
    const page = await this.directory.list(
      editionId,
      filter ? { ...filter } : null,
      first,
      after,
      mine,
      isOrganiser(viewer),
    );
    return {
      edges: page.items.map((node, i) => ({ cursor: page.cursors[i], node })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
    };
  }
}
