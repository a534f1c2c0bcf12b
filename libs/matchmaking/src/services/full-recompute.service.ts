import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { proposeClusters } from '../engine/clusters.js';
import { sameCore, type ClusterCore } from '../engine/cluster-core.js';
import { ProfileStore } from '../storage/profile.repository.js';
import { isMeiliUnavailable } from '#platform';
import { directoryProfiles } from '#directory';
import { DRAIN_CHUNK, RecomputeService, type RecomputeResult } from './recompute.service.js';

/** Chunks that share one batch computer (and what it has read) in a full recompute. */
const COMPUTER_CHUNKS = 20;

/** A shard left part-way because the worker is stopping; the job is put back to run again. */
export class ShardStoppedError extends Error {
  constructor(
    readonly shard: number,
    readonly done: number,
    readonly total: number,
  ) {
    super(`shard ${shard} stopped after ${done} of ${total} organisations: the worker is stopping`);
    this.name = 'ShardStoppedError';
  }
}

/**
 * The nightly full recompute: a run, shards of organisations (by a hash of the id, so shards are
 * stable and disjoint), and a finishing step that recomputes clusters and closes the run. Every
 * step replaces whole sets of rows, so a retried shard or a replayed run writes the same result.
 */
@Injectable()
export class FullRecomputeService {
  private readonly logger = new Logger(FullRecomputeService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly recompute: RecomputeService,
  ) {}

  /** Opens (or finds) the run named by `key`; the id is derived from the key, so a replay reuses it. */
  async openRun(key: string): Promise<string> {
    const [{ id }] = await this.db.query<{ id: string }[]>(
      `INSERT INTO match_run (id, kind) VALUES (md5($1)::uuid, 'FULL')
       ON CONFLICT (id) DO UPDATE SET status = 'RUNNING', finished_at = NULL RETURNING id`,
      [`full:${key}`],
    );
    return id;
  }

  /** Active organisations of one shard, in id order. */
  async shardMembers(shard: number, shards: number): Promise<string[]> {
    return directoryProfiles.activeIdsOfShard(this.db, shard, shards);
  }

  /**
   * Recomputes one shard. An aborted `signal` (the worker stopping) ends it after the chunk in hand
   * with a `ShardStoppedError` and counts nothing: the shard runs again whole later, and
   * since each recompute replaces a whole set, the organisations done before the stop come out the same.
   */
  async runShard(
    runId: string,
    shard: number,
    shards: number,
    opts: {
      onProgress?: (done: number, total: number) => void | Promise<void>;
      signal?: AbortSignal;
      /** Organisations recomputed together; DRAIN_CHUNK by default. */
      chunk?: number;
    } = {},
  ): Promise<{ organizations: number; suggestions: number }> {
    const { onProgress, signal, chunk: size = DRAIN_CHUNK } = opts;
    const ids = await this.shardMembers(shard, shards);
    // Chunks recomputed together (candidate queries in one multi-search, profiles loaded in sets,
    // suggestions written in one transaction), as the outbox drain does; a chunk that fails as a
    // whole is done again one by one, so only the organisation at fault fails the shard.
    let computer = this.recompute.batchComputer();
    let suggestions = 0;
    for (let i = 0; i < ids.length; i += size) {
      if (signal?.aborted) throw new ShardStoppedError(shard, i, ids.length);
      // What a computer has read is shared by its chunks; a fresh one now and then bounds the memory.
      if (i > 0 && i % (size * COMPUTER_CHUNKS) === 0) computer = this.recompute.batchComputer();
      const chunk = ids.slice(i, i + size);
      let results: Map<string, RecomputeResult>;
      try {
        results = await this.recompute.recomputeMany(chunk, computer, runId);
      } catch (e) {
        if (isMeiliUnavailable(e)) throw e;
        const single = this.recompute.computer();
        results = new Map();
        for (const id of chunk) {
          if (signal?.aborted) throw new ShardStoppedError(shard, i + results.size, ids.length);
          results.set(id, await this.recompute.recompute(id, runId, single));
        }
      }
      for (const r of results.values()) suggestions += r.suggestions;
      const done = Math.min(i + size, ids.length);
      if (done < ids.length) await onProgress?.(done, ids.length);
    }
    await onProgress?.(ids.length, ids.length);
    await this.db.query(
      `UPDATE match_run SET organizations = organizations + $2, suggestions = suggestions + $3 WHERE id = $1`,
      [runId, ids.length, suggestions],
    );
    return { organizations: ids.length, suggestions };
  }

  /** After every shard: clusters, then the run is closed. */
  async finish(runId: string): Promise<{ clusters: number }> {
    const clusters = await this.recomputeClusters(runId);
    await this.db.query(`UPDATE match_run SET status = 'DONE', finished_at = now() WHERE id = $1`, [runId]);
    this.logger.log({ runId, clusters }, 'full recompute finished');
    return { clusters };
  }

  /**
   * Cluster proposals over every active SME, replaced in one transaction. A proposal keeps its id
   * while its member set is the same; each member gets a CLUSTER suggestion unless it dismissed it.
   */
  async recomputeClusters(runId: string | null = null): Promise<number> {
    const store = new ProfileStore(this.db);
    const [smes, support, financiers] = [
      await store.profilesOfKind('SME'),
      await store.profilesOfKind('SUPPORT_INSTITUTION'),
      await store.profilesOfKind('FINANCIER'),
    ];
    const proposals = proposeClusters(smes, support, financiers, { seed: 1 });
    const maxCohesion = Math.max(1e-9, ...proposals.map((p) => p.cohesion));
    return this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('clusters'))`);
      const keys = proposals.map((p) => p.id);
      await m.query(`DELETE FROM cluster_proposal WHERE NOT (key = ANY($1::text[]))`, [keys]);
      const ids = new Map<string, string>();
      for (const p of proposals) {
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
        ids.set(p.id, id);
      }
      await m.query(`DELETE FROM cluster_member`);
      const members = proposals.flatMap((p) =>
        p.members.map((mm) => ({ cluster: ids.get(p.id), org: mm.id, division: mm.division, gap: mm.gap })),
      );
      if (members.length)
        await m.query(
          `INSERT INTO cluster_member (cluster_id, organization_id, division, gap)
           SELECT r.cluster, r.org, r.division, r.gap
           FROM jsonb_to_recordset($1::jsonb) AS r(cluster uuid, org uuid, division text, gap jsonb)`,
          [JSON.stringify(members)],
        );
      // Members who refused a proposal with the same core keep it refused (engine/cluster-core.ts).
      const refusals = await m.query<{ organization_id: string; core: ClusterCore }[]>(
        `SELECT organization_id, snapshot->'cluster' AS core FROM suggestion_feedback
          WHERE kind = 'CLUSTER' AND verdict <> 'ACCEPTED' AND snapshot ? 'cluster'`,
      );
      const refusedBy = new Map<string, ClusterCore[]>();
      for (const r of refusals)
        refusedBy.set(r.organization_id, [...(refusedBy.get(r.organization_id) ?? []), r.core]);
      const refusedPairs = proposals.flatMap((p) => {
        const core: ClusterCore = {
          valueChain: p.valueChain.code,
          country: p.region.country,
          regionCode: p.region.regionCode,
          members: p.members.map((mm) => mm.id),
        };
        return p.members
          .filter((mm) => (refusedBy.get(mm.id) ?? []).some((judged) => sameCore(judged, core, mm.id)))
          .map((mm) => ({ org: mm.id, key: p.id }));
      });
      await m.query(`DELETE FROM suggestion WHERE kind = 'CLUSTER'`);
      await m.query(
        `INSERT INTO suggestion (organization_id, kind, cluster_id, role, score, rank, contributions, run_id)
         SELECT cm.organization_id, 'CLUSTER', c.id, 'CLUSTER', least(1, c.cohesion / $1),
                row_number() OVER (PARTITION BY cm.organization_id ORDER BY c.cohesion DESC, c.id),
                jsonb_build_array(
                  jsonb_build_object('criterion', 'cluster', 'direction', 'forward', 'weight', 1,
                    'score', least(1, c.cohesion / $1), 'contribution', 1, 'applicable', true, 'evidence', c.evidence),
                  jsonb_build_object('criterion', 'role', 'direction', 'forward', 'weight', 0, 'score', 1,
                    'contribution', 0, 'applicable', true, 'evidence', cm.gap)),
                $2
         FROM cluster_member cm JOIN cluster_proposal c ON c.id = cm.cluster_id
         WHERE NOT EXISTS (
           SELECT 1 FROM suggestion_feedback f WHERE f.organization_id = cm.organization_id
             AND f.kind = 'CLUSTER' AND f.cluster_key = c.key AND f.verdict <> 'ACCEPTED')
           AND NOT EXISTS (
             SELECT 1 FROM jsonb_to_recordset($3::jsonb) AS k(org uuid, key text)
             WHERE k.org = cm.organization_id AND k.key = c.key)`,
        [maxCohesion, runId, JSON.stringify(refusedPairs)],
      );
      return proposals.length;
    });
  }
}
