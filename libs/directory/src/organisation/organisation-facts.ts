import type { OrganizationKind, OrganizationStatus } from '../taxonomy/codes.js';
import type { TextByLang } from './organisation.entity.js';

/** Runs SQL: a DataSource, an EntityManager or a QueryRunner. */
interface Runs {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** An active organisation with its first contact person, for a demo built on the directory. */
export interface DemoCandidate {
  id: string;
  kind: OrganizationKind;
  languages: string[];
  contact_name: string | null;
  contact_email: string | null;
  /** In French, else English, else Arabic. */
  name: string;
}

/** What other libraries may read of an organisation by id: its names, country, kind and sectors. */
export interface OrganizationFacts {
  id: string;
  name: TextByLang;
  country: string;
  kind: OrganizationKind;
  sectors: string[];
  status: OrganizationStatus;
}

/** What the directory tells other code about its organisations outside a request (start, seeds). */
export const directoryFacts = {
  /** Organisations stored, whatever their status. */
  async count(db: Runs): Promise<number> {
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM organization`)) as { n: number }[];
    return n;
  },

  /**
   * The first active SME created, ties (one import transaction) broken by import reference: the
   * firm a fresh demo features.
   */
  async firstActiveSme(db: Runs): Promise<string | null> {
    const [row] = (await db.query(
      `SELECT id FROM organization WHERE kind = 'SME' AND status = 'ACTIVE'
        ORDER BY created_at, external_ref NULLS LAST, id LIMIT 1`,
    )) as { id: string }[];
    return row?.id ?? null;
  },

  /** Every active organisation with its first contact person, by import reference. */
  demoCandidates(db: Runs): Promise<DemoCandidate[]> {
    return db.query(
      `SELECT o.id, o.kind, o.languages, cp.name AS contact_name, cp.email AS contact_email,
              coalesce(o.name->>'fr', o.name->>'en', o.name->>'ar') AS name
         FROM organization o
         LEFT JOIN LATERAL (SELECT name, email FROM contact_person c
                             WHERE c.organization_id = o.id ORDER BY c.position LIMIT 1) cp ON true
        WHERE o.status = 'ACTIVE'
        ORDER BY o.external_ref NULLS LAST, o.id`,
    ) as Promise<DemoCandidate[]>;
  },

  /** The organisations among `ids` that exist, by id, whatever their status (one query for the batch). */
  async organizations(db: Runs, ids: readonly string[]): Promise<Map<string, OrganizationFacts>> {
    if (!ids.length) return new Map();
    const rows = (await db.query(
      `SELECT id::text AS id, name, country, kind, sectors, status
         FROM organization WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    )) as OrganizationFacts[];
    return new Map(rows.map((r) => [r.id, r]));
  },
};
