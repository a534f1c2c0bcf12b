import type { OrganizationKind, OrganizationStatus, ProcessCode } from '../taxonomy/codes.js';
import type {
  Capability,
  FinancierTerms,
  Innovation,
  Programme,
  TextByLang,
} from '../organisation/organisation.entity.js';

/** Runs SQL: a DataSource, an EntityManager or a QueryRunner (the caller's, to read in its transaction). */
interface Runs {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** An active organisation as matchmaking reads it, with the latest open financing need it published. */
export interface MatchingOrganization {
  id: string;
  kind: OrganizationKind;
  subtype: string | null;
  status: OrganizationStatus;
  version: number;
  /** char(2): may carry padding, trimmed by the reader. */
  country: string;
  regionCode: string | null;
  sectors: string[];
  employeeBand: string | null;
  foundedYear: number | null;
  languages: string[];
  certifications: string[];
  innovation: Innovation | null;
  capabilities: (Omit<Capability, 'materials'> & { materials?: string[]; capacityUnit?: string | null })[];
  programmes: Partial<Programme>[];
  financier: FinancierTerms | null;
  /** Latest open financing need: what the SME seeks (numeric, as Postgres returns it). */
  needAmount: string | number | null;
  needCurrency: string | null;
}

/** An open subcontracting request, with the place and languages of the organisation that published it. */
export interface OpenSubcontractingRequest {
  id: string;
  organizationId: string;
  sectors: string[];
  processes: ProcessCode[];
  quantity: string | number | null;
  quantityUnit: string | null;
  countries: string[];
  requiredCertifications: string[];
  requiredProcesses: ProcessCode[];
  materials: string[];
  regionCodes: string[];
  preferredCertifications: string[];
  preferredRegionCodes: string[];
  title: TextByLang | null;
  description: TextByLang | null;
  ownerCountry: string;
  ownerRegionCode: string | null;
  ownerLanguages: string[];
}

/** A support institution's programmes as stored, with its place. */
export interface InstitutionProgrammes {
  id: string;
  country: string;
  regionCode: string | null;
  programmes: Partial<Programme>[];
}

/** Where an organisation stands: kind, status, place and sectors. */
export interface OrganizationPlace {
  id: string;
  kind: OrganizationKind;
  status: OrganizationStatus;
  country: string;
  regionCode: string | null;
  sectors: string[];
  updatedAt: Date;
}

/** A collaboration an organisation declared (or one declared about it), by the partner's id. */
export interface DeclaredCollaboration {
  /** The organisation asked about. */
  viewer: string;
  other: string;
  year: number | null;
}

/** A collaboration declared between two active organisations, one of them asked about. */
export interface DeclaredPair {
  a: string;
  b: string;
  year: number | null;
}

/** An opportunity's owner and whether it is still open (not closed nor archived). */
export interface OpportunityState {
  id: string;
  organizationId: string;
  open: boolean;
}

const PROFILE_SELECT = `
  SELECT o.id, o.kind, o.subtype, o.status, o.version, o.country, o.region_code AS "regionCode", o.sectors,
         o.employee_band AS "employeeBand", o.founded_year AS "foundedYear", o.languages, o.certifications,
         o.innovation, o.capabilities, o.programmes, o.financier,
         need.amount AS "needAmount", need.currency AS "needCurrency"
  FROM organization o
  LEFT JOIN LATERAL (
    SELECT p.amount, p.currency FROM opportunity p
    WHERE p.organization_id = o.id AND p.type = 'FINANCING_NEED' AND p.status = 'OPEN' AND p.archived_at IS NULL
    ORDER BY p.created_at DESC LIMIT 1) need ON true`;

const REQUEST_SELECT = `
  SELECT p.id, p.organization_id AS "organizationId", p.sectors, p.processes, p.quantity,
         p.quantity_unit AS "quantityUnit", p.countries, p.required_certifications AS "requiredCertifications",
         p.required_processes AS "requiredProcesses", p.materials, p.region_codes AS "regionCodes",
         p.preferred_certifications AS "preferredCertifications",
         p.preferred_region_codes AS "preferredRegionCodes", p.title, p.description,
         o.country AS "ownerCountry", o.region_code AS "ownerRegionCode", o.languages AS "ownerLanguages"
  FROM opportunity p JOIN organization o ON o.id = p.organization_id
  WHERE p.type = 'SUBCONTRACTING_REQUEST' AND p.status = 'OPEN' AND p.archived_at IS NULL
    AND (p.expires_at IS NULL OR p.expires_at >= current_date)
    AND (p.deadline IS NULL OR p.deadline >= current_date) AND o.status = 'ACTIVE'`;

/**
 * The directory's rows as matchmaking reads them, in bulk: one statement per call whatever the
 * number of ids, so a drain batch reads each kind of fact in one round trip. Which organisations
 * and opportunities count (active, open, not archived, not expired) is decided here.
 */
export class MatchingSourceRepository {
  /** Active organisations among `ids`. */
  async profiles(db: Runs, ids: readonly string[]): Promise<MatchingOrganization[]> {
    if (!ids.length) return [];
    return (await db.query(`${PROFILE_SELECT} WHERE o.id = ANY($1::uuid[]) AND o.status = 'ACTIVE'`, [
      ids,
    ])) as MatchingOrganization[];
  }

  /** Every active organisation of a kind, in id order. */
  async profilesOfKind(db: Runs, kind: OrganizationKind): Promise<MatchingOrganization[]> {
    return (await db.query(`${PROFILE_SELECT} WHERE o.kind = $1 AND o.status = 'ACTIVE' ORDER BY o.id`, [
      kind,
    ])) as MatchingOrganization[];
  }

  private async requests(db: Runs, where: string, params: unknown[]): Promise<OpenSubcontractingRequest[]> {
    return (await db.query(
      `${REQUEST_SELECT} AND ${where} ORDER BY p.id`,
      params,
    )) as OpenSubcontractingRequest[];
  }

  /** Open subcontracting requests of the organisations `organizationIds` (of active owners), in id order. */
  openRequestsOf(db: Runs, organizationIds: readonly string[]): Promise<OpenSubcontractingRequest[]> {
    if (!organizationIds.length) return Promise.resolve([]);
    return this.requests(db, `p.organization_id = ANY($1::uuid[])`, [organizationIds]);
  }

  /**
   * Open subcontracting requests among `ids`, in id order; with `servableBy`, only those whose hard
   * criteria (required certifications and processes, wilayas) that supplier meets.
   */
  openRequestsById(
    db: Runs,
    ids: readonly string[],
    servableBy?: {
      certifications: readonly string[];
      processes: readonly string[];
      regionCode: string | null;
    },
  ): Promise<OpenSubcontractingRequest[]> {
    if (!ids.length) return Promise.resolve([]);
    if (!servableBy) return this.requests(db, `p.id = ANY($1::uuid[])`, [ids]);
    return this.requests(
      db,
      `p.id = ANY($1::uuid[]) AND p.required_certifications <@ $2::text[] AND p.required_processes <@ $3::text[]
       AND (cardinality(p.region_codes) = 0 OR $4::text = ANY(p.region_codes))`,
      [ids, servableBy.certifications, servableBy.processes, servableBy.regionCode],
    );
  }

  /**
   * Active support institutions with at least one programme offering a service (all of them, or
   * those among `institutionIds`), in id order.
   */
  async supportInstitutions(db: Runs, institutionIds?: readonly string[]): Promise<InstitutionProgrammes[]> {
    return (await db.query(
      `SELECT o.id, o.country, o.region_code AS "regionCode", o.programmes FROM organization o
       WHERE o.kind = 'SUPPORT_INSTITUTION' AND o.status = 'ACTIVE'
         AND jsonb_path_exists(o.programmes, '$[*].services[*]')
         ${institutionIds ? 'AND o.id = ANY($1::uuid[])' : ''}
       ORDER BY o.id`,
      institutionIds ? [institutionIds] : [],
    )) as InstitutionProgrammes[];
  }

  /**
   * What organisations say beside their profiles that points to support: the types of their open,
   * unexpired opportunities and the certifications they aim for. Organisations among `ids` that exist.
   */
  async supportSignals(
    db: Runs,
    ids: readonly string[],
  ): Promise<{ id: string; opportunityTypes: string[]; targetCertifications: string[] }[]> {
    if (!ids.length) return [];
    return (await db.query(
      `SELECT o.id, o.target_certifications AS "targetCertifications",
              coalesce((SELECT array_agg(DISTINCT p.type ORDER BY p.type) FROM opportunity p
                        WHERE p.organization_id = o.id AND p.status = 'OPEN' AND p.archived_at IS NULL
                          AND (p.expires_at IS NULL OR p.expires_at >= current_date)), '{}') AS "opportunityTypes"
       FROM organization o WHERE o.id = ANY($1::uuid[])`,
      [ids],
    )) as { id: string; opportunityTypes: string[]; targetCertifications: string[] }[];
  }

  /**
   * Active SMEs of a country, at most `limit` in id order: in `regions` when given, sharing a sector
   * with `sectors` (by division or its section) when given.
   */
  async smesIn(
    db: Runs,
    filter: { country: string; regions: string[] | null; sectors: string[] | null },
    limit: number,
  ): Promise<string[]> {
    const rows = (await db.query(
      `SELECT o.id FROM organization o
       WHERE o.kind = 'SME' AND o.status = 'ACTIVE' AND o.country = $1
         AND ($2::text[] IS NULL OR o.region_code = ANY($2::text[]))
         AND ($3::text[] IS NULL OR o.sectors && $3::text[]
              OR EXISTS (SELECT 1 FROM unnest($3::text[]) s(code) JOIN unnest(o.sectors) m(code)
                         ON left(s.code, 2) = left(m.code, 2)))
       ORDER BY o.id LIMIT $4`,
      [filter.country, filter.regions, filter.sectors, limit],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /**
   * The collaborations declared by each of `ids` with an active organisation, and those active
   * organisations declared with it (by import reference).
   */
  async declaredCollaborations(db: Runs, ids: readonly string[]): Promise<DeclaredCollaboration[]> {
    if (!ids.length) return [];
    return (await db.query(
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
      [ids],
    )) as DeclaredCollaboration[];
  }

  /** Collaborations declared by or about any of `ids` with active organisations, as pairs (declarer first). */
  async declaredPairs(db: Runs, ids: readonly string[]): Promise<DeclaredPair[]> {
    if (!ids.length) return [];
    return (await db.query(
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
      [ids],
    )) as DeclaredPair[];
  }

  /** The names of the organisations among `ids` that exist, whatever their status. */
  async names(db: Runs, ids: readonly string[]): Promise<Map<string, TextByLang>> {
    if (!ids.length) return new Map();
    const rows = (await db.query(`SELECT id, name FROM organization WHERE id = ANY($1::uuid[])`, [ids])) as {
      id: string;
      name: TextByLang;
    }[];
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Kind, status, place and sectors of the organisations among `ids` that exist, whatever their status. */
  async places(db: Runs, ids: readonly string[]): Promise<Map<string, OrganizationPlace>> {
    if (!ids.length) return new Map();
    const rows = (await db.query(
      `SELECT id, kind, status, country, region_code AS "regionCode", sectors, updated_at AS "updatedAt"
         FROM organization WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    )) as OrganizationPlace[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Active organisations of one shard (`mod(abs(hashtext(id)), shards) = shard`), in id order. */
  async activeIdsOfShard(db: Runs, shard: number, shards: number): Promise<string[]> {
    const rows = (await db.query(
      `SELECT id FROM organization WHERE status = 'ACTIVE' AND mod(abs(hashtext(id::text)), $2) = $1 ORDER BY id`,
      [shard, shards],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** The words an organisation's profile shows: names, descriptions and the materials of its capabilities. */
  async profileText(
    db: Runs,
    id: string,
  ): Promise<{ name: TextByLang | null; description: TextByLang | null; tags: string | null } | null> {
    const [row] = (await db.query(
      `SELECT name, description,
              (SELECT string_agg(m, ' ') FROM jsonb_array_elements(capabilities) c,
                      jsonb_array_elements_text(c->'materials') m) AS tags
       FROM organization WHERE id = $1`,
      [id],
    )) as { name: TextByLang | null; description: TextByLang | null; tags: string | null }[];
    return row ?? null;
  }

  /** The owner of each opportunity among `ids` that still exists, and whether it is open and not archived. */
  async opportunityStates(db: Runs, ids: readonly string[]): Promise<OpportunityState[]> {
    if (!ids.length) return [];
    return (await db.query(
      `SELECT id, organization_id AS "organizationId", (status = 'OPEN' AND archived_at IS NULL) AS open
         FROM opportunity WHERE id = ANY($1::uuid[])`,
      [ids],
    )) as OpportunityState[];
  }
}

/** The directory's bulk reads for matchmaking (`MatchingSourceRepository`), outside dependency injection. */
export const directoryProfiles = new MatchingSourceRepository();
