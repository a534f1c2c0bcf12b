import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DirectoryLoaderFactory, LangEnum, OrganizationType } from '#directory';
import type { GqlContext } from '#identity';
import { parseId } from '#platform';
import type { OrganizationEntity } from '#directory';
import type { Lang } from '#directory/taxonomy';
import {
  AccessService,
  AnyOf,
  arg,
  Authorize,
  CurrentViewer,
  MemberOf,
  Organiser,
  type Viewer,
} from '#identity';
import { FeedbackService } from '../services/feedback.service.js';
import { FinancierService } from '../services/financier.service.js';
import {
  MAX_SUGGESTIONS_PAGE,
  reasonsOf,
  renderEvidence,
  SuggestionQueryService,
  type ClusterView,
} from '../services/suggestion-query.service.js';
import type { SuggestionKind } from '../storage/profile.repository.js';
import type { NotRelevantReason } from '../feedback/adjustments.js';
import { MatchmakingCommands } from '../services/matchmaking-commands.service.js';
import {
  ClusterProposalObject,
  FinancierCriteriaInput,
  FinancierScreeningObject,
  NotRelevantReasonEnum,
  SavedSearchAlertObject,
  SavedSearchInput,
  SavedSearchObject,
  SuggestionConnection,
  SuggestionFeedbackResult,
  SuggestionKindEnum,
  SuggestionObject,
} from './matchmaking.types.js';

/** Suggestions are visible to the organisation they are for, and to organisers. */
const ForOrganisation = AnyOf(Organiser, MemberOf(arg('organizationId')));
/** A financier's criteria and saved searches are private to its members: not even organisers see them. */
const FinancierMembers = MemberOf(arg('organizationId'));

const LangArg = {
  name: 'lang',
  type: () => LangEnum,
  nullable: true,
  description: 'Defaults to Accept-Language',
};

function clusterObject(c: ClusterView, lang: Lang): ClusterProposalObject {
  return {
    id: c.id,
    valueChain: c.valueChain,
    divisions: c.divisions,
    missingDivisions: c.missingDivisions,
    country: c.country,
    regionCode: c.regionCode,
    supportInstitutionId: c.supportInstitutionId,
    supportInstitutionReason: c.supportEvidence ? renderEvidence(c.supportEvidence, lang) : null,
    financierId: c.financierId,
    financierReason: c.financierEvidence ? renderEvidence(c.financierEvidence, lang) : null,
    cohesion: c.cohesion,
    summary: renderEvidence(c.evidence, lang),
    members: c.members.map((m) => ({
      organizationId: m.organizationId,
      division: m.division,
      gap: renderEvidence(m.gap, lang),
    })),
    computedAt: c.computedAt,
  };
}

@Resolver(() => SuggestionObject)
export class MatchmakingResolver {
  constructor(
    private readonly query: SuggestionQueryService,
    private readonly feedback: FeedbackService,
    private readonly financiers: FinancierService,
    private readonly commands: MatchmakingCommands,
    private readonly loaders: DirectoryLoaderFactory,
    private readonly access: AccessService,
  ) {}

  @Query(() => SuggestionConnection, { description: 'Ranked suggestions for an organisation, with reasons' })
  @Authorize(ForOrganisation)
  async suggestions(
    @Args('organizationId', { type: () => ID, description: 'The organisation the suggestions are for' })
    organizationId: string,
    @Args('kind', { type: () => SuggestionKindEnum, description: 'Which list' }) kind: SuggestionKind,
    @Args('first', { type: () => Int, defaultValue: 20, description: `1 to ${MAX_SUGGESTIONS_PAGE}` })
    first: number,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page' })
    after: string | null,
    @Args('delegateId', {
      type: () => ID,
      nullable: true,
      description: "MEETING: only this delegate's suggestions",
    })
    delegateId: string | null,
    @Args(LangArg) lang: Lang | null,
    @Context() ctx: GqlContext,
  ): Promise<SuggestionConnection> {
    const l = lang ?? ctx.lang;
    const orgId = parseId(organizationId, 'organizationId');
    const page = await this.query.page(
      orgId,
      kind,
      first,
      after,
      delegateId ? parseId(delegateId, 'delegateId') : null,
    );
    // A financier's candidates are scored on its private criteria, and their reasons quote them
    // (ticket range, thresholds): only its members read them, organisers see the ranking alone.
    const member = (await this.access.for(ctx).membership(orgId)) !== null;
    const withheld = (s: { role: string | null }) => s.role === 'CANDIDATE' && !member;
    return {
      edges: page.items.map((s, i) => ({
        cursor: page.cursors[i],
        node: { ...s, reasons: withheld(s) ? [] : reasonsOf(s.contributions, l, s.role) },
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
    };
  }

  @Query(() => [ClusterProposalObject], { description: 'Cluster partnerships proposed to an organisation' })
  @Authorize(ForOrganisation)
  async clusterProposals(
    @Args('organizationId', { type: () => ID, description: 'An SME; the proposals it is a member of' })
    organizationId: string,
    @Args(LangArg) lang: Lang | null,
    @Context() ctx: GqlContext,
  ): Promise<ClusterProposalObject[]> {
    const clusters = await this.query.clustersOf(parseId(organizationId, 'organizationId'));
    return clusters.map((c) => clusterObject(c, lang ?? ctx.lang));
  }

  @ResolveField(() => OrganizationType, {
    nullable: true,
    description: 'The organisation suggested, as the viewer may see it; null for a cluster',
  })
  counterpart(
    @Parent() s: SuggestionObject,
    @Context() ctx: object,
  ): Promise<OrganizationEntity | null> | null {
    return s.counterpartId ? this.loaders.for(ctx).organization.load(s.counterpartId) : null;
  }

  @ResolveField(() => ClusterProposalObject, {
    nullable: true,
    description: 'CLUSTER: the proposed group, in the language of the request',
  })
  async clusterProposal(
    @Parent() s: SuggestionObject,
    @Context() ctx: GqlContext,
  ): Promise<ClusterProposalObject | null> {
    if (!s.clusterId) return null;
    const [c] = await this.query.clusters([s.clusterId]);
    return c ? clusterObject(c, ctx.lang) : null;
  }

  @Mutation(() => SuggestionFeedbackResult, {
    description:
      'Accepts a suggestion; opens a contact request by default, or for a MEETING suggestion a meeting request ' +
      'from your delegate to the suggested one',
  })
  @Authorize(MemberOf(arg('organizationId')))
  acceptSuggestion(
    @Args('organizationId', { type: () => ID, description: 'Your organisation, giving the verdict' })
    organizationId: string,
    @Args('suggestionId', { type: () => ID, description: 'One of its suggestions' }) suggestionId: string,
    @Args('openContactRequest', {
      type: () => Boolean,
      nullable: true,
      description: 'false records the acceptance without opening a contact or meeting request (default true)',
    })
    openContactRequest: boolean | null,
    @Args('message', { type: () => String, nullable: true, description: 'Note sent with the request opened' })
    message: string | null,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<SuggestionFeedbackResult> {
    return this.feedback.give(
      {
        organizationId: parseId(organizationId, 'organizationId'),
        suggestionId: parseId(suggestionId, 'suggestionId'),
        verdict: 'ACCEPTED',
        openContactRequest,
        message,
      },
      viewer?.userId ?? null,
    );
  }

  @Mutation(() => SuggestionFeedbackResult, {
    description: 'Dismisses a suggestion; the pair never comes back',
  })
  @Authorize(MemberOf(arg('organizationId')))
  dismissSuggestion(
    @Args('organizationId', { type: () => ID, description: 'Your organisation, giving the verdict' })
    organizationId: string,
    @Args('suggestionId', { type: () => ID, description: 'One of its suggestions' }) suggestionId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<SuggestionFeedbackResult> {
    return this.feedback.give(
      {
        organizationId: parseId(organizationId, 'organizationId'),
        suggestionId: parseId(suggestionId, 'suggestionId'),
        verdict: 'DISMISSED',
      },
      viewer?.userId ?? null,
    );
  }

  @Mutation(() => SuggestionFeedbackResult, {
    description: 'Marks a suggestion not relevant, saying why; the reason reweighs future suggestions',
  })
  @Authorize(MemberOf(arg('organizationId')))
  markSuggestionNotRelevant(
    @Args('organizationId', { type: () => ID, description: 'Your organisation, giving the verdict' })
    organizationId: string,
    @Args('suggestionId', { type: () => ID, description: 'One of its suggestions' }) suggestionId: string,
    @Args('reason', { type: () => NotRelevantReasonEnum, description: 'Why it does not fit' })
    reason: NotRelevantReason,
    @Args('comment', { type: () => String, nullable: true, description: 'Free text kept with the verdict' })
    comment: string | null,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<SuggestionFeedbackResult> {
    return this.feedback.give(
      {
        organizationId: parseId(organizationId, 'organizationId'),
        suggestionId: parseId(suggestionId, 'suggestionId'),
        verdict: 'NOT_RELEVANT',
        reason,
        comment,
      },
      viewer?.userId ?? null,
    );
  }

  @Mutation(() => Boolean, { description: "Queues a recompute of the organisation's suggestions" })
  @Authorize(ForOrganisation)
  async requestSuggestionRecompute(
    @Args('organizationId', { type: () => ID, description: 'The organisation to recompute' })
    organizationId: string,
  ): Promise<boolean> {
    await this.commands.requestRecompute(parseId(organizationId, 'organizationId'));
    return true;
  }

  @Mutation(() => Int, {
    description:
      'Queues a recompute of every organisation with a delegate in the edition (meeting suggestions); returns how many',
  })
  @Authorize(Organiser)
  requestMeetingSuggestions(
    @Args('editionId', { type: () => ID, description: 'The forum edition' }) editionId: string,
  ): Promise<number> {
    return this.commands.requestEditionRecompute(parseId(editionId, 'editionId'));
  }

  @Query(() => FinancierScreeningObject, {
    nullable: true,
    description: "A financier's private screening criteria",
  })
  @Authorize(FinancierMembers)
  financierCriteria(
    @Args('organizationId', { type: () => ID, description: 'The financier' }) organizationId: string,
  ): Promise<FinancierScreeningObject | null> {
    return this.financiers.criteria(
      parseId(organizationId, 'organizationId'),
    ) as Promise<FinancierScreeningObject | null>;
  }

  @Mutation(() => FinancierScreeningObject, {
    description:
      "Sets a financier's private screening criteria (its members only); its candidate SMEs are recomputed",
  })
  @Authorize(FinancierMembers)
  setFinancierCriteria(
    @Args('organizationId', { type: () => ID, description: 'The financier' }) organizationId: string,
    @Args('input', { description: 'The criteria, replacing the previous ones' })
    input: FinancierCriteriaInput,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<FinancierScreeningObject> {
    return this.financiers.setCriteria(
      parseId(organizationId, 'organizationId'),
      { ...input },
      viewer?.userId ?? null,
    ) as Promise<FinancierScreeningObject>;
  }

  @Mutation(() => Boolean, { description: "Deletes a financier's screening criteria (its members only)" })
  @Authorize(FinancierMembers)
  deleteFinancierCriteria(
    @Args('organizationId', { type: () => ID, description: 'The financier' }) organizationId: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<boolean> {
    return this.financiers.deleteCriteria(parseId(organizationId, 'organizationId'), viewer?.userId ?? null);
  }

  @Query(() => [SavedSearchObject], { description: "A financier's saved searches (its members only)" })
  @Authorize(FinancierMembers)
  savedSearches(
    @Args('organizationId', { type: () => ID, description: 'The financier' }) organizationId: string,
  ): Promise<SavedSearchObject[]> {
    return this.financiers.savedSearches(parseId(organizationId, 'organizationId')) as Promise<
      SavedSearchObject[]
    >;
  }

  @Mutation(() => SavedSearchObject, {
    description:
      'Saves a search whose new or updated matching SMEs raise alerts and mails (financier members only)',
  })
  @Authorize(FinancierMembers)
  createSavedSearch(
    @Args('organizationId', { type: () => ID, description: 'The financier' }) organizationId: string,
    @Args('input', { description: 'The search to save' }) input: SavedSearchInput,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<SavedSearchObject> {
    return this.financiers.createSavedSearch(
      parseId(organizationId, 'organizationId'),
      { ...input, criteria: { ...input.criteria } },
      viewer?.userId ?? null,
    ) as Promise<SavedSearchObject>;
  }

  @Mutation(() => SavedSearchObject, { description: 'Changes a saved search (financier members only)' })
  @Authorize(FinancierMembers)
  updateSavedSearch(
    @Args('organizationId', { type: () => ID, description: 'The financier' }) organizationId: string,
    @Args('id', { type: () => ID, description: 'The saved search' }) id: string,
    @Args('input', { description: 'Its new name, words, criteria and alert settings' })
    input: SavedSearchInput,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<SavedSearchObject> {
    return this.financiers.updateSavedSearch(
      parseId(organizationId, 'organizationId'),
      parseId(id),
      { ...input, criteria: { ...input.criteria } },
      viewer?.userId ?? null,
    ) as Promise<SavedSearchObject>;
  }

  @Mutation(() => Boolean, { description: 'Deletes a saved search and its alerts (financier members only)' })
  @Authorize(FinancierMembers)
  deleteSavedSearch(
    @Args('organizationId', { type: () => ID, description: 'The financier' }) organizationId: string,
    @Args('id', { type: () => ID, description: 'The saved search' }) id: string,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<boolean> {
    return this.financiers.deleteSavedSearch(
      parseId(organizationId, 'organizationId'),
      parseId(id),
      viewer?.userId ?? null,
    );
  }

  @Query(() => [SavedSearchAlertObject], {
    description: 'SMEs that newly matched the saved searches, newest first',
  })
  @Authorize(FinancierMembers)
  savedSearchAlerts(
    @Args('organizationId', { type: () => ID, description: 'The financier' }) organizationId: string,
    @Args('savedSearchId', {
      type: () => ID,
      nullable: true,
      description: 'Only the alerts of this saved search',
    })
    savedSearchId: string | null,
    @Args('first', { type: () => Int, defaultValue: 20, description: '1 to 100' }) first: number,
  ): Promise<SavedSearchAlertObject[]> {
    return this.financiers.alerts(
      parseId(organizationId, 'organizationId'),
      savedSearchId ? parseId(savedSearchId, 'savedSearchId') : null,
      first,
    );
  }
}
