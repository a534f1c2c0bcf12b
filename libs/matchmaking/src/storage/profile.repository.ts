import {
  acceptedContactsOf,
  directoryProfiles,
  type MatchingOrganization,
  type OrganizationKind,
} from '#directory';
import { forumFacts } from '#forum';
import type { FinancierCriteria, OrgProfile, SubcontractingRequest } from '../engine/types.js';
import type { SupportProgramme, SupportSignals } from '../engine/support.js';
import type { CollaborationLink, PartnerNames } from '../engine/collaboration.js';
import type { NotRelevantReason, PastVerdict, Verdict } from '../feedback/adjustments.js';
import {
  criteriaFromRow,
  profileFromRow,
  programmesFromRow,
  requestFromRow,
  type FinancierCriteriaRow,
  type OrganizationRow,
  type RequestRow,
} from './profiles.js';

/** Anything that runs SQL: a DataSource, an EntityManager or a QueryRunner. */
export interface Sql {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
}

/** Links around an organisation and the names of its partners. */
export interface Collaborations {
  links: CollaborationLink[];
  names: PartnerNames;
}

export type SuggestionKind = 'SUBCONTRACTING' | 'CLUSTER' | 'FINANCING' | 'MEETING' | 'SUPPORT';

/** Verdicts other organisations gave on suggestions of each counterpart. */
const FEEDBACK_COUNTS = `
  SELECT f.counterpart_organization_id AS id,
         count(*) FILTER (WHERE f.verdict = 'ACCEPTED')::int AS accepted,
         count(*) FILTER (WHERE f.verdict = 'DISMISSED')::int AS dismissed,
         count(*) FILTER (WHERE f.verdict = 'NOT_RELEVANT')::int AS not_relevant
  FROM suggestion_feedback f WHERE f.counterpart_organization_id = ANY($1::uuid[])
  GROUP BY f.counterpart_organization_id`;

const CRITERIA_SELECT = `SELECT c.* FROM financier_criteria c WHERE c.organization_id = ANY($1::uuid[])`;

type Text = { ar: string | null; fr: string | null; en: string | null } | null;
const words = (...t: Text[]) =>
  t
    .flatMap((x) => (x ? [x.ar, x.fr, x.en] : []))
    .filter(Boolean)
    .join(' ');

export interface LoadedRequest {
  request: SubcontractingRequest;
  /** Title and description in every language given, for the text part of candidate selection. */
  text: string;
}

/**
 * Reads what the engine needs, a bounded number of rows per call: the directory's organisations and
 * opportunities through `directoryProfiles` (one statement per call), matchmaking's own verdicts and
 * criteria here.
 */
export class ProfileStore {
  constructor(readonly db: Sql) {}

  /** The directory's rows with the verdicts others gave on each organisation (one more statement). */
  private async withFeedback(found: MatchingOrganization[]): Promise<OrganizationRow[]> {
    if (!found.length) return [];
    const counts = await this.db.query<
      { id: string; accepted: number; dismissed: number; not_relevant: number }[]
    >(FEEDBACK_COUNTS, [found.map((o) => o.id)]);
    const of = new Map(counts.map((c) => [c.id, c]));
    return found.map((o) => {
      const c = of.get(o.id);
      return {
        ...o,
        fbAccepted: c?.accepted ?? 0,
        fbDismissed: c?.dismissed ?? 0,
        fbNotRelevant: c?.not_relevant ?? 0,
      };
    });
  }

  /** Active organisations among `ids`, as engine profiles, with their versions. */
  async profiles(ids: readonly string[]): Promise<Map<string, OrgProfile & { version: number }>> {
    if (!ids.length) return new Map();
    const rows = await this.withFeedback(await directoryProfiles.profiles(this.db, ids));
    return new Map(rows.map((r) => [r.id, { ...profileFromRow(r), version: r.version }]));
  }

  async profile(id: string): Promise<(OrgProfile & { version: number }) | null> {
    return (await this.profiles([id])).get(id) ?? null;
  }

  /** Active organisations of a kind (whole table: clusters and the financier side of an SME). */
  async profilesOfKind(kind: string): Promise<OrgProfile[]> {
    const rows = await this.withFeedback(
      await directoryProfiles.profilesOfKind(this.db, kind as OrganizationKind),
    );
    return rows.map(profileFromRow);
  }

  private loaded(rows: RequestRow[]): LoadedRequest[] {
    return rows.map((r) => ({ request: requestFromRow(r), text: words(r.title, r.description) }));
  }

  /** Open subcontracting requests of an organisation. */
  async requestsOf(organizationId: string): Promise<LoadedRequest[]> {
    return this.loaded(await directoryProfiles.openRequestsOf(this.db, [organizationId]));
  }

  /** Open subcontracting requests of several organisations. */
  async requestsOfMany(organizationIds: readonly string[]): Promise<LoadedRequest[]> {
    return this.loaded(await directoryProfiles.openRequestsOf(this.db, organizationIds));
  }

  /**
   * Open subcontracting requests among `ids`; with `servableBy`, only those whose hard criteria
   * (required certifications and processes, wilayas) that supplier meets, checked in Postgres.
   */
  async requestsById(ids: readonly string[], servableBy?: OrgProfile): Promise<LoadedRequest[]> {
    return this.loaded(
      await directoryProfiles.openRequestsById(
        this.db,
        ids,
        servableBy && {
          certifications: servableBy.certifications,
          processes: servableBy.capabilities.map((c) => c.process),
          regionCode: servableBy.regionCode ?? null,
        },
      ),
    );
  }

  /** The programmes of active support institutions that offer at least one service, in institution order. */
  async supportProgrammes(institutionIds?: readonly string[]): Promise<SupportProgramme[]> {
    return (await directoryProfiles.supportInstitutions(this.db, institutionIds)).flatMap(programmesFromRow);
  }

  /** What organisations say beside their profiles that points to support: open opportunity types, certifications aimed for. */
  async supportSignalsOfMany(organizationIds: readonly string[]): Promise<Map<string, SupportSignals>> {
    if (!organizationIds.length) return new Map();
    const rows = await directoryProfiles.supportSignals(this.db, organizationIds);
    return new Map(
      rows.map((r) => [
        r.id,
        {
          opportunityTypes: r.opportunityTypes as SupportSignals['opportunityTypes'],
          targetCertifications: r.targetCertifications,
        },
      ]),
    );
  }

  /**
   * Active SMEs a set of programmes may serve, at most \`limit\`: in the institution's country, in
   * the wilayas of its reserved programmes when all are reserved, sharing a sector with a programme
   * that names sectors (by division or its section). The engine then applies every criterion.
   */
  async supportCandidates(programmes: readonly SupportProgramme[], limit: number): Promise<string[]> {
    if (!programmes.length) return [];
    const allReserved = programmes.every((p) => p.reserved);
    const regions = allReserved ? [...new Set(programmes.flatMap((p) => p.regionCodes))] : null;
    const sectors = programmes.some((p) => !p.sectors.length)
      ? null
      : [...new Set(programmes.flatMap((p) => p.sectors))];
    return directoryProfiles.smesIn(this.db, { country: programmes[0].country, regions, sectors }, limit);
  }

  /**
   * The collaboration links around an organisation: its own (meetings held or carried further at
   * forum editions, accepted contact requests, declared histories either way) and the declared,
   * public histories of its partners, with the names of those partners for reasons.
   */
  async collaborationsAround(organizationId: string): Promise<Collaborations> {
    return (await this.collaborationsAroundMany([organizationId])).get(organizationId)!;
  }

  /** `collaborationsAround` for several organisations at once; every one of `organizationIds` has an entry. */
  async collaborationsAroundMany(organizationIds: readonly string[]): Promise<Map<string, Collaborations>> {
    const out = new Map<string, Collaborations>(
      organizationIds.map((id) => [id, { links: [], names: new Map() }]),
    );
    if (!organizationIds.length) return out;
    const own: {
      viewer: string;
      other: string;
      source: CollaborationLink['source'];
      year: number | null;
      edition_id: string | null;
    }[] = (await directoryProfiles.declaredCollaborations(this.db, organizationIds)).map((d) => ({
      ...d,
      source: 'HISTORY',
      edition_id: null,
    }));
    for (const m of await forumFacts.meetingPartners(this.db, organizationIds))
      own.push({
        viewer: m.organizationId,
        other: m.otherId,
        source: 'MEETING',
        year: m.year,
        edition_id: m.editionId,
      });
    for (const c of await acceptedContactsOf(this.db, organizationIds))
      own.push({
        viewer: c.organizationId,
        other: c.otherId,
        source: 'CONTACT',
        year: c.year,
        edition_id: null,
      });
    const partnersOf = new Map<string, Set<string>>();
    for (const r of own) {
      out.get(r.viewer)!.links.push({
        a: r.viewer,
        b: r.other,
        source: r.source,
        year: r.year,
        public: r.source === 'HISTORY',
        editionId: r.edition_id,
      });
      (partnersOf.get(r.viewer) ?? partnersOf.set(r.viewer, new Set()).get(r.viewer)!).add(r.other);
    }
    const partners = [...new Set(own.map((r) => r.other))];
    if (!partners.length) return out;
    const [theirs, names] = await Promise.all([
      directoryProfiles.declaredPairs(this.db, partners),
      directoryProfiles.names(this.db, partners),
    ]);
    for (const [viewer, mine] of partnersOf) {
      const entry = out.get(viewer)!;
      for (const r of theirs)
        if (mine.has(r.a) || mine.has(r.b))
          entry.links.push({ a: r.a, b: r.b, source: 'HISTORY', year: r.year, public: true });
      entry.names = new Map([...mine].filter((id) => names.has(id)).map((id) => [id, names.get(id)!]));
    }
    return out;
  }

  /** A financier's private screening criteria, if it stated them. */
  async criteriaOf(financierId: string): Promise<FinancierCriteria | null> {
    return (await this.criteriaOfMany([financierId])).get(financierId) ?? null;
  }

  /** The private screening criteria of those of `financierIds` that stated them. */
  async criteriaOfMany(financierIds: readonly string[]): Promise<Map<string, FinancierCriteria>> {
    if (!financierIds.length) return new Map();
    const rows = await this.db.query<Omit<FinancierCriteriaRow, 'owner_country' | 'owner_region_code'>[]>(
      CRITERIA_SELECT,
      [financierIds],
    );
    if (!rows.length) return new Map();
    // Criteria count only while their financier is active (and still a financier), placed where it is.
    const owners = await directoryProfiles.places(
      this.db,
      rows.map((r) => r.organization_id),
    );
    return new Map(
      rows.flatMap((r) => {
        const o = owners.get(r.organization_id);
        return o && o.status === 'ACTIVE' && o.kind === 'FINANCIER'
          ? [
              [
                r.organization_id,
                criteriaFromRow({ ...r, owner_country: o.country, owner_region_code: o.regionCode }),
              ],
            ]
          : [];
      }),
    );
  }

  /** Open forum editions in which the organisation has a registered delegate, in id order. */
  async openEditionsOf(organizationId: string): Promise<string[]> {
    return (await this.openEditionsOfMany([organizationId])).get(organizationId) ?? [];
  }

  /** `openEditionsOf` for several organisations at once. */
  async openEditionsOfMany(organizationIds: readonly string[]): Promise<Map<string, string[]>> {
    return forumFacts.openEditionsOf(this.db, organizationIds);
  }

  /**
   * What an organisation said about past suggestions of a kind: the refused counterparts (never
   * suggested again) and the verdicts that shift its ranking.
   */
  async verdictsOf(
    organizationId: string,
    kind: SuggestionKind,
  ): Promise<{ refused: Set<string>; verdicts: PastVerdict[] }> {
    return (await this.verdictsOfMany([organizationId], kind)).get(organizationId)!;
  }

  /** `verdictsOf` for several organisations at once; every one of `organizationIds` has an entry. */
  async verdictsOfMany(
    organizationIds: readonly string[],
    kind: SuggestionKind,
  ): Promise<Map<string, { refused: Set<string>; verdicts: PastVerdict[] }>> {
    const out = new Map(
      organizationIds.map((id) => [id, { refused: new Set<string>(), verdicts: [] as PastVerdict[] }]),
    );
    if (!organizationIds.length) return out;
    const rows = await this.db.query<
      {
        organization_id: string;
        counterpart: string | null;
        cluster_key: string | null;
        verdict: Verdict;
        reason: NotRelevantReason | null;
        similarity: string | null;
      }[]
    >(
      `SELECT organization_id, counterpart_organization_id AS counterpart, cluster_key, verdict, reason,
              snapshot->>'similarity' AS similarity
       FROM suggestion_feedback WHERE organization_id = ANY($1::uuid[]) AND kind = $2`,
      [organizationIds, kind],
    );
    for (const r of rows) {
      const of = out.get(r.organization_id)!;
      if (r.verdict !== 'ACCEPTED') of.refused.add((r.counterpart ?? r.cluster_key)!);
      of.verdicts.push({ verdict: r.verdict, reason: r.reason, similarity: r.similarity });
    }
    return out;
  }
}
