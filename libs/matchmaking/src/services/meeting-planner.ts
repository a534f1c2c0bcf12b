import { forumFacts, groupRules, meetingForbidden, type GroupRules } from '#forum';
import {
  MEETING_GOALS,
  rankMeetings,
  type MeetingGoal,
  type MeetingOptions,
  type MeetingParty,
} from '../engine/meeting.js';
import type { MatchResult, OrgProfile } from '../engine/types.js';
import { criteriaFromTerms } from '../storage/profiles.js';
import type { ProfileStore, Sql } from '../storage/profile.repository.js';

interface Delegate extends MeetingParty {
  groupId: string | null;
}

/** What ranking the delegates of one edition needs, loaded once per edition and computer. */
export interface EditionContext {
  editionId: string;
  delegates: Map<string, Delegate>;
  rules: GroupRules;
  /** Organisation pairs (`low|high`) that already have a pending or accepted request in the edition. */
  requested: Set<string>;
}

export interface MeetingMatch {
  editionId: string;
  delegateId: string;
  counterpartDelegateId: string;
  counterpart: OrgProfile;
  result: MatchResult;
}

const pair = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * Meeting suggestions for the delegates of an organisation in every open forum edition. Candidates
 * are the other registered delegates of the same edition (bounded by the edition, not the
 * directory); the forum's own group rules decide who may meet whom, so a suggestion never proposes a
 * meeting the request service would refuse for that reason; pairs that already have a request are left out.
 */
export class MeetingPlanner {
  private readonly editions = new Map<string, Promise<EditionContext>>();

  constructor(
    private readonly db: Sql,
    private readonly store: ProfileStore,
    private readonly asOfYear = new Date().getUTCFullYear(),
  ) {}

  edition(editionId: string): Promise<EditionContext> {
    let ctx = this.editions.get(editionId);
    if (!ctx) {
      ctx = this.load(editionId);
      this.editions.set(editionId, ctx);
    }
    return ctx;
  }

  private async load(editionId: string): Promise<EditionContext> {
    const rows = await forumFacts.registeredDelegates(this.db, editionId);
    const orgIds = [...new Set(rows.map((r) => r.organization_id))];
    const [profiles, requests, groups, ruleRows, open] = await Promise.all([
      this.store.profiles(orgIds),
      this.store.requestsOfMany(orgIds),
      forumFacts.groups(this.db, editionId),
      forumFacts.groupRules(this.db, editionId),
      forumFacts.openRequestPairs(this.db, editionId),
    ]);
    const requestsOf = new Map<string, MeetingParty['requests'][number][]>();
    for (const { request } of requests)
      (
        requestsOf.get(request.requesterId) ??
        requestsOf.set(request.requesterId, []).get(request.requesterId)!
      ).push(request);
    const delegates = new Map<string, Delegate>();
    for (const r of rows) {
      const organization = profiles.get(r.organization_id);
      if (!organization) continue;
      delegates.set(r.id, {
        delegateId: r.id,
        organization,
        goals: r.goals.filter((g): g is MeetingGoal => (MEETING_GOALS as readonly string[]).includes(g)),
        languages: r.languages,
        requests: requestsOf.get(r.organization_id) ?? [],
        financierCriteria: organization.kind === 'FINANCIER' ? criteriaFromTerms(organization) : null,
        groupId: r.group_id,
      });
    }
    return {
      editionId,
      delegates,
      rules: groupRules(groups, ruleRows),
      requested: new Set(open.map((o) => pair(o.a, o.b))),
    };
  }

  /** Ranked counterparts for each delegate of the organisation, `perDelegate` at most each. */
  async meetingsOf(
    organizationId: string,
    refused: ReadonlySet<string>,
    perDelegate: number,
    network?: MeetingOptions['network'],
  ): Promise<MeetingMatch[]> {
    const out: MeetingMatch[] = [];
    for (const editionId of await this.store.openEditionsOf(organizationId)) {
      const ctx = await this.edition(editionId);
      const forbidden = (me: MeetingParty, other: MeetingParty): string | null => {
        if (ctx.requested.has(pair(me.organization.id, other.organization.id)))
          return 'a meeting request between the two organisations is already open';
        return meetingForbidden(
          ctx.rules,
          (me as Delegate).groupId ?? null,
          (other as Delegate).groupId ?? null,
        );
      };
      const others = [...ctx.delegates.values()].filter(
        (d) => d.organization.id !== organizationId && !refused.has(d.organization.id),
      );
      for (const me of ctx.delegates.values()) {
        if (me.organization.id !== organizationId) continue;
        const ranked = rankMeetings(me, others, {
          forbidden,
          asOfYear: this.asOfYear,
          limit: perDelegate,
          // Meetings of this very edition are what is being planned: only earlier ones count.
          network: network && ((mine, theirs) => network(mine, theirs, editionId)),
        });
        for (const result of ranked.results) {
          const other = ctx.delegates.get(result.candidateId)!;
          out.push({
            editionId,
            delegateId: me.delegateId,
            counterpartDelegateId: other.delegateId,
            counterpart: other.organization,
            result,
          });
        }
      }
    }
    return out;
  }
}
