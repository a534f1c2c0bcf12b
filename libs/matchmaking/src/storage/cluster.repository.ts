import { Injectable } from '@nestjs/common';
import type { ClusterCore } from '../engine/cluster-core.js';
import type { ClusterProposal } from '../engine/clusters.js';
import type { Evidence } from '../engine/types.js';
import type { Sql } from './profile.repository.js';

export interface ClusterView {
  id: string;
  valueChain: string | null;
  divisions: string[];
  missingDivisions: string[];
  country: string;
  regionCode: string | null;
  supportInstitutionId: string | null;
  supportEvidence: Evidence | null;
  financierId: string | null;
  financierEvidence: Evidence | null;
  cohesion: number;
  evidence: Evidence;
  computedAt: Date;
  members: { organizationId: string; division: string; gap: Evidence }[];
}

/** Cluster proposals and their members (`cluster_proposal`, `cluster_member`). */
@Injectable()
export class ClusterRepository {
  /** Serialises the replacements of every proposal until the caller's transaction ends. */
  async lockReplacement(m: Sql): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('clusters'))`);
  }

  /** Deletes the proposals whose key is not among `keys`. */
  async deleteOtherThan(m: Sql, keys: readonly string[]): Promise<void> {
    await m.query(`DELETE FROM cluster_proposal WHERE NOT (key = ANY($1::text[]))`, [keys]);
  }

  /** Writes a proposal under its key (a proposal with the same key keeps its id); returns its id. */
  async save(m: Sql, p: ClusterProposal, runId: string | null): Promise<string> {
    const [{ id }] = await m.query<{ id: string }[]>(
      `INSERT INTO cluster_proposal (key, value_chain, divisions, missing_divisions, country, region_code,
         support_institution_id, support_evidence, financier_id, financier_evidence, cohesion, evidence,
         run_id, computed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now())
       ON CONFLICT (key) DO UPDATE SET value_chain = EXCLUDED.value_chain, divisions = EXCLUDED.divisions,
         missing_divisions = EXCLUDED.missing_divisions, country = EXCLUDED.country,
         region_code = EXCLUDED.region_code, support_institution_id = EXCLUDED.support_institution_id,
         support_evidence = EXCLUDED.support_evidence, financier_id = EXCLUDED.financier_id,
         financier_evidence = EXCLUDED.financier_evidence, cohesion = EXCLUDED.cohesion,
         evidence = EXCLUDED.evidence, run_id = EXCLUDED.run_id, computed_at = now()
       RETURNING id`,
      [
        p.id,
        p.valueChain.code,
        p.valueChain.divisions,
        p.missingDivisions,
        p.region.country,
        p.region.regionCode,
        p.supportInstitution?.id ?? null,
        p.supportInstitution ? JSON.stringify(p.supportInstitution.evidence) : null,
        p.financier?.id ?? null,
        p.financier ? JSON.stringify(p.financier.evidence) : null,
        p.cohesion,
        JSON.stringify(p.evidence),
        runId,
      ],
    );
    return id;
  }

  /** Replaces every proposal's members with `members`. */
  async replaceMembers(
    m: Sql,
    members: readonly { cluster: string | undefined; org: string; division: string; gap: unknown }[],
  ): Promise<void> {
    await m.query(`DELETE FROM cluster_member`);
    if (members.length)
      await m.query(
        `INSERT INTO cluster_member (cluster_id, organization_id, division, gap)
         SELECT r.cluster, r.org, r.division, r.gap
         FROM jsonb_to_recordset($1::jsonb) AS r(cluster uuid, org uuid, division text, gap jsonb)`,
        [JSON.stringify(members)],
      );
  }

  /** The core of a proposal (value chain, place, members in id order), which a verdict on it is kept on. */
  async coreOf(m: Sql, clusterId: string): Promise<ClusterCore | null> {
    const [cluster] = await m.query<ClusterCore[]>(
      `SELECT c.value_chain AS "valueChain", c.country, c.region_code AS "regionCode",
              coalesce(array_agg(cm.organization_id::text ORDER BY cm.organization_id)
                       FILTER (WHERE cm.organization_id IS NOT NULL), '{}') AS members
         FROM cluster_proposal c LEFT JOIN cluster_member cm ON cm.cluster_id = c.id
        WHERE c.id = $1 GROUP BY c.id`,
      [clusterId],
    );
    return cluster ?? null;
  }

  /** The proposals that include an organisation, most cohesive first. */
  async idsOf(db: Sql, organizationId: string): Promise<string[]> {
    const rows = await db.query<{ id: string }[]>(
      `SELECT c.id FROM cluster_proposal c JOIN cluster_member m ON m.cluster_id = c.id
       WHERE m.organization_id = $1 ORDER BY c.cohesion DESC, c.id`,
      [organizationId],
    );
    return rows.map((r) => r.id);
  }

  /** The proposals among `ids` that exist, with their members, in the order of `ids`. */
  async views(db: Sql, ids: readonly string[]): Promise<ClusterView[]> {
    if (!ids.length) return [];
    const rows = await db.query<
      {
        id: string;
        value_chain: string | null;
        divisions: string[];
        missing_divisions: string[];
        country: string;
        region_code: string | null;
        support_institution_id: string | null;
        support_evidence: Evidence | null;
        financier_id: string | null;
        financier_evidence: Evidence | null;
        cohesion: number;
        evidence: Evidence;
        computed_at: Date;
        members: { organizationId: string; division: string; gap: Evidence }[];
      }[]
    >(
      `SELECT c.*, coalesce((SELECT jsonb_agg(jsonb_build_object('organizationId', m.organization_id,
                'division', m.division, 'gap', m.gap) ORDER BY m.division, m.organization_id)
              FROM cluster_member m WHERE m.cluster_id = c.id), '[]') AS members
       FROM cluster_proposal c WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids
      .map((id) => byId.get(id))
      .filter((r) => r != null)
      .map((r) => ({
        id: r.id,
        valueChain: r.value_chain,
        divisions: r.divisions,
        missingDivisions: r.missing_divisions,
        country: r.country.trim(),
        regionCode: r.region_code,
        supportInstitutionId: r.support_institution_id,
        supportEvidence: r.support_evidence,
        financierId: r.financier_id,
        financierEvidence: r.financier_evidence,
        cohesion: r.cohesion,
        evidence: r.evidence,
        computedAt: r.computed_at,
        members: r.members,
      }));
  }
}
