import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { paginate, returning, type Page } from '#platform';
import type { OrganizationKind, OrganizationStatus } from '../taxonomy/codes.js';
import { OrganizationEntity, type TextByLang } from './organisation.entity.js';
import { ContactPersonEntity } from './contact-person.entity.js';
import { OpportunityEntity } from '../opportunity/opportunity.entity.js';

/** Runs SQL: a DataSource, an EntityManager or a QueryRunner's manager. */
type Runs = Pick<EntityManager, 'query'>;

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

/** The filters of the public list, checked already. Each null filter is left out. */
export interface OrganizationCriteria {
  includeArchived: boolean;
  kinds: string[] | null;
  countries: string[] | null;
  regionCodes: string[] | null;
  /** Sector codes, a section letter already expanded to its divisions. */
  sectors: string[] | null;
  processes: string[] | null;
  certifications: string[] | null;
}

/** An organisation, its contact persons and opportunities, as an import writes them. */
export type ImportedOrganization = Partial<OrganizationEntity>;

/** The SQL of `organization` (with its `contact_person` rows where they are written together). */
@Injectable()
export class OrganizationRepository {
  /** Locks the organisation for the caller's transaction. */
  async lock(m: Runs, id: string): Promise<void> {
    await m.query(`SELECT 1 FROM organization WHERE id = $1 FOR UPDATE`, [id]);
  }

  /** Sets a new organisation's status and its creator. */
  async setCreated(m: Runs, id: string, status: OrganizationStatus, createdBy: string): Promise<void> {
    await m.query(`UPDATE organization SET status = $2, created_by = $3 WHERE id = $1`, [
      id,
      status,
      createdBy,
    ]);
  }

  /** Archives those of `ids` not archived yet; each one archived with its status before. */
  archive(m: Runs, ids: string[]): Promise<{ id: string; before: string }[]> {
    return returning<{ id: string; before: string }>(
      m,
      `UPDATE organization o SET status = 'ARCHIVED', archived_at = now(), version = o.version + 1, updated_at = now()
       FROM (SELECT id, status FROM organization WHERE id = ANY($1::uuid[]) FOR UPDATE) old
       WHERE o.id = old.id AND old.status <> 'ARCHIVED' RETURNING o.id, old.status AS before`,
      [ids],
    );
  }

  /** The organisation's status and name, locked for a review; null when it does not exist. */
  async lockForReview(
    m: Runs,
    id: string,
  ): Promise<{ status: string; name: Record<string, string | null> } | null> {
    const [org] = await m.query<{ status: string; name: Record<string, string | null> }[]>(
      `SELECT status, name FROM organization WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return org ?? null;
  }

  /** Records an organiser's review: the new status, who reviewed and why. */
  async recordReview(
    m: Runs,
    id: string,
    status: OrganizationStatus,
    reviewedBy: string,
    note: string | null,
  ): Promise<void> {
    await m.query(
      `UPDATE organization SET status = $2, reviewed_by = $3, reviewed_at = now(), review_note = $4,
           version = version + 1, updated_at = now() WHERE id = $1`,
      [id, status, reviewedBy, note],
    );
  }

  /** Sends a rejected organisation back to review; false when it is not rejected. */
  async resubmit(m: Runs, id: string): Promise<boolean> {
    const [row] = await returning<unknown>(
      m,
      `UPDATE organization SET status = 'PENDING', updated_at = now(), version = version + 1
         WHERE id = $1 AND status = 'REJECTED' RETURNING id`,
      [id],
    );
    return !!row;
  }

  /** The review queue: organisations awaiting approval, oldest first. */
  pendingPage(db: DataSource, first: number, after?: string | null): Promise<Page<OrganizationEntity>> {
    const qb = db.getRepository(OrganizationEntity).createQueryBuilder('o').andWhere(`o.status = 'PENDING'`);
    return paginate(qb, first, after);
  }

  /** A page of the public list (and archived organisations when asked). */
  listPage(
    db: DataSource,
    c: OrganizationCriteria,
    first: number,
    after?: string | null,
  ): Promise<Page<OrganizationEntity>> {
    const qb = db.getRepository(OrganizationEntity).createQueryBuilder('o');
    qb.andWhere(c.includeArchived ? `o.status IN ('ACTIVE', 'ARCHIVED')` : `o.status = 'ACTIVE'`);
    if (c.kinds) qb.andWhere('o.kind IN (:...kinds)', { kinds: c.kinds });
    if (c.countries) qb.andWhere('o.country IN (:...countries)', { countries: c.countries });
    if (c.regionCodes) qb.andWhere('o.region_code IN (:...regions)', { regions: c.regionCodes });
    if (c.sectors) qb.andWhere('o.sectors && :sectors', { sectors: c.sectors });
    if (c.processes) qb.andWhere('o.processes && :processes', { processes: c.processes });
    if (c.certifications) qb.andWhere('o.certifications @> :certs', { certs: c.certifications });
    return paginate(qb, first, after);
  }

  /** The import references among `refs` that an organisation holds already. */
  async existingRefs(m: Runs, refs: string[]): Promise<Set<string>> {
    if (!refs.length) return new Set();
    const rows = await m.query<{ external_ref: string }[]>(
      `SELECT external_ref FROM organization WHERE external_ref = ANY($1)`,
      [refs],
    );
    return new Set(rows.map((r) => r.external_ref));
  }

  /**
   * Imported organisations in multi-row inserts, with their contact persons and opportunities
   * (given per organisation, in its order); the new organisations' ids, in the same order.
   */
  async insertImported(
    m: EntityManager,
    rows: {
      organization: ImportedOrganization;
      contacts: Partial<ContactPersonEntity>[];
      opportunities: Partial<OpportunityEntity>[];
    }[],
  ): Promise<string[]> {
    const inserted = await m
      .createQueryBuilder()
      .insert()
      .into(OrganizationEntity)
      .values(rows.map((r) => r.organization))
      .returning(['id'])
      .execute();
    const ids: string[] = inserted.identifiers.map((i) => i.id as string);
    const contacts = rows.flatMap((r, i) =>
      r.contacts.map((c, position) => ({ ...c, position, organizationId: ids[i] })),
    );
    if (contacts.length)
      await m.createQueryBuilder().insert().into(ContactPersonEntity).values(contacts).execute();
    const opps = rows.flatMap((r, i) => r.opportunities.map((o) => ({ ...o, organizationId: ids[i] })));
    if (opps.length) await m.createQueryBuilder().insert().into(OpportunityEntity).values(opps).execute();
    return ids;
  }

  /** Organisations stored, whatever their status. */
  async count(m: Runs): Promise<number> {
    const [{ n }] = await m.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM organization`);
    return n;
  }

  /** The first active SME created, ties (one import transaction) broken by import reference. */
  async firstActiveSme(m: Runs): Promise<string | null> {
    const [row] = await m.query<{ id: string }[]>(
      `SELECT id FROM organization WHERE kind = 'SME' AND status = 'ACTIVE'
        ORDER BY created_at, external_ref NULLS LAST, id LIMIT 1`,
    );
    return row?.id ?? null;
  }

  /** Every active organisation with its first contact person, by import reference. */
  demoCandidates(m: Runs): Promise<DemoCandidate[]> {
    return m.query<DemoCandidate[]>(
      `SELECT o.id, o.kind, o.languages, cp.name AS contact_name, cp.email AS contact_email,
              coalesce(o.name->>'fr', o.name->>'en', o.name->>'ar') AS name
         FROM organization o
         LEFT JOIN LATERAL (SELECT name, email FROM contact_person c
                             WHERE c.organization_id = o.id ORDER BY c.position LIMIT 1) cp ON true
        WHERE o.status = 'ACTIVE'
        ORDER BY o.external_ref NULLS LAST, o.id`,
    );
  }

  /** The organisations among `ids` that exist, by id, whatever their status (one query for the batch). */
  async facts(m: Runs, ids: readonly string[]): Promise<Map<string, OrganizationFacts>> {
    if (!ids.length) return new Map();
    const rows = await m.query<OrganizationFacts[]>(
      `SELECT id::text AS id, name, country, kind, sectors, status
         FROM organization WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }
}
