import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { proposeClusters } from '../engine/clusters.js';
import { sameCore, type ClusterCore } from '../engine/cluster-core.js';
import { ProfileStore } from '../storage/profile.repository.js';
import { ClusterRepository } from '../storage/cluster.repository.js';
import { FeedbackRepository } from '../storage/feedback.repository.js';
import { MatchRunRepository } from '../storage/match-run.repository.js';
import { SuggestionRepository } from '../storage/suggestion.repository.js';
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
    private readonly runs: MatchRunRepository = new MatchRunRepository(),
    private readonly clusters: ClusterRepository = new ClusterRepository(),
    private readonly feedback: FeedbackRepository = new FeedbackRepository(),
    private readonly suggestions: SuggestionRepository = new SuggestionRepository(),
  ) {}

  /** Opens (or finds) the run named by `key`; the id is derived from the key, so a replay reuses it. */
  async openRun(key: string): Promise<string> {
    return this.runs.open(this.db, key);
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
    await this.runs.addCounts(this.db, runId, ids.length, suggestions);
    return { organizations: ids.length, suggestions };
  }

  /** After every shard: clusters, then the run is closed. */
  async finish(runId: string): Promise<{ clusters: number }> {
    const clusters = await this.recomputeClusters(runId);
    await this.runs.finish(this.db, runId);
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
      await this.clusters.lockReplacement(m);
      await this.clusters.deleteOtherThan(
        m,
        proposals.map((p) => p.id),
      );
      const ids = new Map<string, string>();
      for (const p of proposals) ids.set(p.id, await this.clusters.save(m, p, runId));
      await this.clusters.replaceMembers(
        m,
        proposals.flatMap((p) =>
          p.members.map((mm) => ({ cluster: ids.get(p.id), org: mm.id, division: mm.division, gap: mm.gap })),
        ),
      );
      // Members who refused a proposal with the same core keep it refused (engine/cluster-core.ts).
      const refusals = await this.feedback.refusedClusterCores(m);
      const refusedBy = new Map<string, ClusterCore[]>();
      for (const r of refusals)
        refusedBy.set(r.organizationId, [...(refusedBy.get(r.organizationId) ?? []), r.core]);
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
      await this.suggestions.replaceClusterSuggestions(m, maxCohesion, runId, refusedPairs);
      return proposals.length;
    });
  }
}
