import { acceptedContactsOf } from '#identity';
import { forumFacts } from '#forum';
import type { FinancierCriteria, OrgProfile, SubcontractingRequest } from '../engine/types.js';
import type { SupportProgramme, SupportSignals } from '../engine/support.js';
import type { CollaborationLink, PartnerNames } from '../engine/collaboration.js';
import type { NotRelevantReason, PastVerdict, Verdict } from '../feedback/adjustments.js';
import {
  criteriaFromRow,
  profileFromRow,
  programmesFromRow,
  type ProgrammeRow,
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

const PROFILE_SELECT = `
  SELECT o.id, o.kind, o.subtype, o.status, o.version, o.country, o.region_code, o.sectors, o.employee_band,
         o.founded_year, o.languages, o.certifications, o.innovation, o.capabilities, o.programmes, o.financier,
         need.amount AS need_amount, need.currency AS need_currency,
         coalesce(fb.accepted, 0)::int AS fb_accepted, coalesce(fb.dismissed, 0)::int AS fb_dismissed,
         coalesce(fb.not_relevant, 0)::int AS fb_not_relevant
  FROM organization o
  LEFT JOIN LATERAL (
    SELECT p.amount, p.currency FROM opportunity p
    WHERE p.organization_id = o.id AND p.type = 'FINANCING_NEED' AND p.status = 'OPEN' AND p.archived_at IS NULL
    ORDER BY p.created_at DESC LIMIT 1) need ON true
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE f.verdict = 'ACCEPTED') AS accepted,
           count(*) FILTER (WHERE f.verdict = 'DISMISSED') AS dismissed,
           count(*) FILTER (WHERE f.verdict = 'NOT_RELEVANT') AS not_relevant
    FROM suggestion_feedback f WHERE f.counterpart_organization_id = o.id) fb ON true`;

const REQUEST_SELECT = `
  SELECT p.id, p.organization_id, p.sectors, p.processes, p.quantity, p.quantity_unit, p.countries, p.required_certifications,
         p.required_processes, p.materials, p.region_codes, p.preferred_certifications, p.preferred_region_codes,
         p.title, p.description,
         o.country AS owner_country, o.region_code AS owner_region_code, o.languages AS owner_languages
  FROM opportunity p JOIN organization o ON o.id = p.organization_id
  WHERE p.type = 'SUBCONTRACTING_REQUEST' AND p.status = 'OPEN' AND p.archived_at IS NULL
    AND (p.expires_at IS NULL OR p.expires_at >= current_date)
    AND (p.deadline IS NULL OR p.deadline >= current_date) AND o.status = 'ACTIVE'`;

const CRITERIA_SELECT = `
  SELECT c.*, o.country AS owner_country, o.region_code AS owner_region_code
  FROM financier_criteria c JOIN organization o ON o.id = c.organization_id
  WHERE o.status = 'ACTIVE' AND o.kind = 'FINANCIER'`;

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

/** Reads what the engine needs from Postgres, a bounded number of rows per call. */
export class ProfileStore {
  constructor(readonly db: Sql) {}

  /** Active organisations among `ids`, as engine profiles, with their versions. */
  async profiles(ids: readonly string[]): Promise<Map<string, OrgProfile & { version: number }>> {
    if (!ids.length) return new Map();
    const rows = await this.db.query<OrganizationRow[]>(
      `${PROFILE_SELECT} WHERE o.id = ANY($1::uuid[]) AND o.status = 'ACTIVE'`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { ...profileFromRow(r), version: r.version }]));
  }

  async profile(id: string): Promise<(OrgProfile & { version: number }) | null> {
    return (await this.profiles([id])).get(id) ?? null;
  }

  /** Active organisations of a kind (whole table: clusters and the financier side of an SME). */
  async profilesOfKind(kind: string): Promise<OrgProfile[]> {
    const rows = await this.db.query<OrganizationRow[]>(
      `${PROFILE_SELECT} WHERE o.kind = $1 AND o.status = 'ACTIVE' ORDER BY o.id`,
      [kind],
    );
    return rows.map(profileFromRow);
  }

  private async requests(where: string, params: unknown[]): Promise<LoadedRequest[]> {
    const rows = await this.db.query<(RequestRow & { title: Text; description: Text })[]>(
      `${REQUEST_SELECT} AND ${where} ORDER BY p.id`,
      params,
    );
    return rows.map((r) => ({ request: requestFromRow(r), text: words(r.title, r.description) }));
  }

  /** Open subcontracting requests of an organisation. */
  requestsOf(organizationId: string): Promise<LoadedRequest[]> {
    return this.requests(`p.organization_id = $1`, [organizationId]);
  }

  /** Open subcontracting requests of several organisations. */
  requestsOfMany(organizationIds: readonly string[]): Promise<LoadedRequest[]> {
    if (!organizationIds.length) return Promise.resolve([]);
    return this.requests(`p.organization_id = ANY($1::uuid[])`, [organizationIds]);
  }

  /**
   * Open subcontracting requests among `ids`; with `servableBy`, only those whose hard criteria
   * (required certifications and processes, wilayas) that supplier meets, checked in Postgres.
   */
  requestsById(ids: readonly string[], servableBy?: OrgProfile): Promise<LoadedRequest[]> {
    if (!ids.length) return Promise.resolve([]);
    if (!servableBy) return this.requests(`p.id = ANY($1::uuid[])`, [ids]);
    return this.requests(
      `p.id = ANY($1::uuid[]) AND p.required_certifications <@ $2::text[] AND p.required_processes <@ $3::text[]
       AND (cardinality(p.region_codes) = 0 OR $4::text = ANY(p.region_codes))`,
      [
        ids,
        servableBy.certifications,
        servableBy.capabilities.map((c) => c.process),
        servableBy.regionCode ?? null,
      ],
    );
  }

  /** The programmes of active support institutions that offer at least one service, in institution order. */
  async supportProgrammes(institutionIds?: readonly string[]): Promise<SupportProgramme[]> {
    const rows = await this.db.query<ProgrammeRow[]>(
      `SELECT o.id, o.country, o.region_code, o.programmes FROM organization o
       WHERE o.kind = 'SUPPORT_INSTITUTION' AND o.status = 'ACTIVE'
         AND jsonb_path_exists(o.programmes, '$[*].services[*]')
         ${institutionIds ? 'AND o.id = ANY($1::uuid[])' : ''}
       ORDER BY o.id`,
      institutionIds ? [institutionIds] : [],
    );
    return rows.flatMap(programmesFromRow);
  }

  /** What organisations say beside their profiles that points to support: open opportunity types, certifications aimed for. */
  async supportSignalsOfMany(organizationIds: readonly string[]): Promise<Map<string, SupportSignals>> {
    if (!organizationIds.length) return new Map();
    const rows = await this.db.query<{ id: string; types: string[]; targets: string[] }[]>(
      `SELECT o.id, o.target_certifications AS targets,
              coalesce((SELECT array_agg(DISTINCT p.type ORDER BY p.type) FROM opportunity p
                        WHERE p.organization_id = o.id AND p.status = 'OPEN' AND p.archived_at IS NULL
                          AND (p.expires_at IS NULL OR p.expires_at >= current_date)), '{}') AS types
       FROM organization o WHERE o.id = ANY($1::uuid[])`,
      [organizationIds],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        { opportunityTypes: r.types as SupportSignals['opportunityTypes'], targetCertifications: r.targets },
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
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT o.id FROM organization o
       WHERE o.kind = 'SME' AND o.status = 'ACTIVE' AND o.country = $1
         AND ($2::text[] IS NULL OR o.region_code = ANY($2::text[]))
         AND ($3::text[] IS NULL OR o.sectors && $3::text[]
              OR EXISTS (SELECT 1 FROM unnest($3::text[]) s(code) JOIN unnest(o.sectors) m(code)
                         ON left(s.code, 2) = left(m.code, 2)))
       ORDER BY o.id LIMIT $4`,
      [programmes[0].country, regions, sectors, limit],
    );
    return rows.map((r) => r.id);
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
    const own = await this.db.query<
      {
        viewer: string;
        other: string;
        source: CollaborationLink['source'];
        year: number | null;
        edition_id: string | null;
      }[]
    >(
      `WITH me AS (SELECT id, external_ref FROM organization WHERE id = ANY($1::uuid[]))
       SELECT me.id AS viewer, p.id AS other, 'HISTORY' AS source, (e->>'year')::int AS year, NULL::uuid AS edition_id
       FROM me JOIN organization o ON o.id = me.id, jsonb_array_elements(o.collaborations) e
       JOIN organization p ON p.external_ref = e->>'ref'
       WHERE p.id <> me.id AND p.status = 'ACTIVE'
       UNION
       SELECT me.id, o.id, 'HISTORY', (e->>'year')::int, NULL::uuid
       FROM me JOIN organization o
         ON o.collaborations @> jsonb_build_array(jsonb_build_object('ref', me.external_ref)),
         jsonb_array_elements(o.collaborations) e
       WHERE me.external_ref IS NOT NULL AND o.status = 'ACTIVE' AND o.id <> me.id
         AND e->>'ref' = me.external_ref`,
      [organizationIds],
    );
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
    const [theirs, named] = await Promise.all([
      this.db.query<{ a: string; b: string; year: number | null }[]>(
        `SELECT o.id AS a, p.id AS b, (e->>'year')::int AS year
         FROM organization o, jsonb_array_elements(o.collaborations) e
         JOIN organization p ON p.external_ref = e->>'ref'
         WHERE o.id = ANY($1::uuid[]) AND p.id <> o.id AND p.status = 'ACTIVE'
         UNION
         SELECT o.id, p.id, (e->>'year')::int
         FROM organization p JOIN organization o
           ON o.collaborations @> jsonb_build_array(jsonb_build_object('ref', p.external_ref)),
           jsonb_array_elements(o.collaborations) e
         WHERE p.id = ANY($1::uuid[]) AND p.external_ref IS NOT NULL AND o.status = 'ACTIVE' AND o.id <> p.id
           AND e->>'ref' = p.external_ref`,
        [partners],
      ),
      this.db.query<{ id: string; name: { ar: string | null; fr: string | null; en: string | null } }[]>(
        `SELECT id, name FROM organization WHERE id = ANY($1::uuid[])`,
        [partners],
      ),
    ]);
    const names = new Map(named.map((n) => [n.id, n.name]));
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
    const rows = await this.db.query<FinancierCriteriaRow[]>(
      `${CRITERIA_SELECT} AND c.organization_id = ANY($1::uuid[])`,
      [financierIds],
    );
    return new Map(rows.map((r) => [r.organization_id, criteriaFromRow(r)]));
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
