import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, QueryRunner } from 'typeorm';
import type { Meilisearch } from 'meilisearch';
import {
  APP_CONFIG,
  isMeiliUnavailable,
  MEILI_QUERY_CLIENT,
  outboxFeed,
  type AppConfig,
  type OutboxRow,
} from '#platform';
import { directoryProfiles, OUTBOX_ROW_ORGANIZATION } from '#directory';
import { MAIL_PORT, type MailPort } from '#identity';
import { BatchProfileStore } from '../storage/batch-profile.repository.js';
import { ProfileStore } from '../storage/profile.repository.js';
import { MatchDrainRepository } from '../storage/match-drain.repository.js';
import {
  replaceManySuggestions,
  replaceSuggestions,
  SuggestionRepository,
} from '../storage/suggestion.repository.js';
import { BatchCandidateSelector, CandidateSelector } from './candidate-selector.js';
import { SavedSearchAlerts } from './saved-search-alerts.js';
import { SavedSearchMailer } from './saved-search-mailer.js';
import {
  RECOMPUTED_KINDS,
  SuggestionComputer,
  type Computation,
  type ComputerOptions,
} from './suggestion-computer.js';

/** Shards of organisations (by a hash of the organisation id) the drains share out. */
export const MATCH_DRAIN_SHARDS = 16;
/** Outbox rows read from a shard per round of a drain. */
const DRAIN_BATCH = 500;
/** Organisations recomputed together: reads gathered, candidates in one multi-search, one write. */
export const DRAIN_CHUNK = 50;

/** An error's message with its cause's (the client wraps Meilisearch's answer in a request error). */
const errorText = (e: unknown): string => {
  const err = e as Error;
  return err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : String(err.message);
};

export interface MatchDrainResult {
  /** False when another process held the drain lock. */
  ran: boolean;
  rows: number;
  organizations: number;
  alerts: number;
  /** Alerts mailed after the drain (any alert not mailed yet, this drain's or an earlier one's). */
  mailed: number;
  /** Organisations whose recompute failed; their rows stay pending and are read again. */
  failed: string[];
  /** Organisations whose suggestions may have changed too: to recompute once, later. */
  related: string[];
  /**
   * Set when Meilisearch could not answer: the drain stopped at that organisation and left it and
   * every row after it pending, untouched; `backlog` is the number of match rows still pending.
   */
  unavailable: { error: string; backlog: number } | null;
  /** True when the drain stopped early because `signal` was aborted (shutdown); the rest stays pending. */
  interrupted: boolean;
}

export interface RecomputeResult {
  suggestions: number;
  related: string[];
}

/**
 * Recomputes suggestions: one organisation at a time, each replaced in one transaction, and the
 * outbox drain that feeds it. Everything here is idempotent: a replay writes the same rows.
 */
@Injectable()
export class RecomputeService {
  private readonly logger = new Logger(RecomputeService.name);
  private readonly prefix: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    // Candidate queries give up after SEARCH_TIMEOUT_MS: a frozen Meilisearch pauses the drain that soon.
    @Inject(MEILI_QUERY_CLIENT) private readonly meili: Meilisearch,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'meiliIndexPrefix'>,
    @Inject(MAIL_PORT) private readonly mail: MailPort,
    private readonly suggestions: SuggestionRepository = new SuggestionRepository(),
    private readonly drainLocks: MatchDrainRepository = new MatchDrainRepository(),
  ) {
    this.prefix = config.meiliIndexPrefix;
  }

  /** A computer with fresh caches: one per drain batch or shard. */
  computer(options?: ComputerOptions): SuggestionComputer {
    return new SuggestionComputer(
      new ProfileStore(this.db),
      new CandidateSelector(this.meili, this.prefix),
      options,
    );
  }

  /**
   * A computer for many recomputes in flight at once (`recomputeMany`): the reads they make together
   * become one query or one multi-search each, kept for the instance's life (one round of a drain).
   */
  batchComputer(options?: ComputerOptions): SuggestionComputer {
    return new SuggestionComputer(
      new BatchProfileStore(this.db),
      new BatchCandidateSelector(this.meili, this.prefix),
      options,
    );
  }

  async recompute(
    organizationId: string,
    runId: string | null = null,
    computer = this.computer(),
  ): Promise<RecomputeResult> {
    const computed = await computer.compute(organizationId);
    const suggestions = await this.db.transaction(async (m) => {
      if (!computed.active) {
        await this.suggestions.deleteAllOf(m, organizationId);
        return 0;
      }
      return replaceSuggestions(m, organizationId, RECOMPUTED_KINDS, computed.suggestions, runId);
    });
    return { suggestions, related: computed.related };
  }

  /**
   * Recomputes several organisations at once with a batch computer and replaces all their
   * suggestions in one transaction; the suggestions are those `recompute` gives each one. Rejects
   * with the first failure, writing nothing: the caller then retries them one by one.
   */
  async recomputeMany(
    organizationIds: readonly string[],
    computer = this.batchComputer(),
    runId: string | null = null,
  ): Promise<Map<string, RecomputeResult>> {
    // A failed read-ahead rejects like a failed recompute: the caller retries one by one, or pauses.
    await computer.prefetch(organizationIds);
    const computed = await Promise.allSettled(organizationIds.map((id) => computer.compute(id)));
    // An outage first: it is what the drain must see, whatever else failed.
    const failures = computed.flatMap((c) => (c.status === 'rejected' ? [c.reason as unknown] : []));
    if (failures.length) throw failures.find((e) => isMeiliUnavailable(e)) ?? failures[0];
    const results = computed.map((c) => (c as PromiseFulfilledResult<Computation>).value);
    const written = await this.db.transaction((m) =>
      replaceManySuggestions(
        m,
        RECOMPUTED_KINDS,
        organizationIds.map((organizationId, i) => ({
          organizationId,
          active: results[i].active,
          suggestions: results[i].suggestions,
        })),
        runId,
      ),
    );
    return new Map(
      organizationIds.map((id, i) => [
        id,
        { suggestions: written.get(id) ?? 0, related: results[i].related },
      ]),
    );
  }

  /**
   * Drains the outbox's `match` rows: the organisations they touch are recomputed and checked
   * against saved searches, and only then are their rows marked done. Organisations are split in
   * shards; a drain works on one shard at a time under that shard's lock, so drains running side by
   * side (in one worker or several) share the backlog and never recompute the same organisation at
   * once. A shard's rows are recomputed in chunks of `DRAIN_CHUNK` organisations (`recomputeMany`).
   * When a chunk fails for another reason than Meilisearch, its organisations are retried one by one:
   * a failure then leaves that organisation's rows pending (with the error) and the others proceed;
   * the job then fails so the queue retries it. A failure because Meilisearch cannot answer (down,
   * frozen, 5xx) is no fault of the organisations: the drain stops there, leaving the chunk and the
   * rest pending without an attempt counted, and reports the backlog, so an outage costs one failed
   * request, not one per organisation. An aborted `signal` stops the drain after the chunk in hand.
   */
  async drain(onProgress?: (done: number) => void, signal?: AbortSignal): Promise<MatchDrainResult> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    const result: MatchDrainResult = {
      ran: false,
      rows: 0,
      organizations: 0,
      alerts: 0,
      mailed: 0,
      failed: [],
      related: [],
      unavailable: null,
      interrupted: false,
    };
    try {
      const started = await this.drainLocks.now(runner);
      const related = new Set<string>();
      const done = new Set<string>();
      // Per shard, the last row read: rows left pending by a failure are not read again in this drain.
      const after = new Map<number, string>();
      const first = Math.floor(Math.random() * MATCH_DRAIN_SHARDS);
      let drained = false;
      rounds: while (!drained) {
        drained = true;
        for (let k = 0; k < MATCH_DRAIN_SHARDS; k++) {
          const shard = (first + k) % MATCH_DRAIN_SHARDS;
          if (signal?.aborted) {
            result.interrupted = true;
            break rounds;
          }
          if (!(await this.drainLocks.tryLockShard(runner, shard))) continue;
          result.ran = true;
          try {
            const rows = await this.pendingRows(runner, shard, after.get(shard) ?? '0');
            if (!rows.length) continue;
            drained = false;
            after.set(shard, rows[rows.length - 1].id);
            await this.drainRows(rows, result, related, done, onProgress, signal);
          } finally {
            await this.drainLocks.unlockShard(runner, shard);
          }
          if (result.unavailable || result.interrupted) break rounds;
        }
      }
      if (!result.ran) return result;
      for (const id of done) related.delete(id);
      if (related.size) {
        // Recomputed by another drain since this one started, or about to be: nothing to queue.
        const covered = await outboxFeed.touchedSince(runner, 'match', 'organization', [...related], started);
        for (const id of covered) related.delete(id);
      }
      result.related = [...related];
      if (result.unavailable) {
        result.unavailable.backlog = await outboxFeed.backlog(runner, 'match');
      }
      const mailer = new SavedSearchMailer(this.db, this.mail);
      for (let n = -1; n !== 0 && !signal?.aborted;) {
        n = await mailer.sendPending();
        result.mailed += n;
      }
      return result;
    } finally {
      await runner.release();
    }
  }

  /**
   * Pending `match` rows of one shard after `after`, in id order. Candidates come from the search
   * index: a change is matched only once search has indexed everything up to it (its own search row
   * was written just before its match row). An opportunity's row belongs to its owner's shard.
   */
  private pendingRows(runner: QueryRunner, shard: number, after: string): Promise<OutboxRow[]> {
    return outboxFeed.pending(runner, 'match', {
      after,
      limit: DRAIN_BATCH,
      behind: 'search',
      shard: { key: OUTBOX_ROW_ORGANIZATION, index: shard, count: MATCH_DRAIN_SHARDS },
    });
  }

  /** Recomputes the organisations of a shard's rows, chunk by chunk, and marks their rows done. */
  private async drainRows(
    rows: OutboxRow[],
    result: MatchDrainResult,
    related: Set<string>,
    done: Set<string>,
    onProgress: ((done: number) => void) | undefined,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const byOrg = [...(await this.organisationsOf(rows))];
    // One computer per round: what the chunks read is shared between them, never kept longer.
    const computer = this.batchComputer();
    const alerts = new SavedSearchAlerts(this.db, new BatchProfileStore(this.db));
    for (let i = 0; i < byOrg.length; i += DRAIN_CHUNK) {
      if (signal?.aborted) {
        result.interrupted = true;
        return;
      }
      const chunk = byOrg.slice(i, i + DRAIN_CHUNK);
      let recomputed: Map<string, RecomputeResult> | null = null;
      try {
        recomputed = await this.recomputeMany(
          chunk.map(([orgId]) => orgId),
          computer,
        );
      } catch (e) {
        if (isMeiliUnavailable(e)) {
          result.unavailable = { error: errorText(e), backlog: 0 };
          return;
        }
      }
      const finished: [string, string[]][] = [];
      if (recomputed) {
        const checked = await Promise.allSettled(chunk.map(([orgId]) => alerts.evaluate(orgId)));
        for (const [j, [orgId, ids]] of chunk.entries()) {
          const c = checked[j];
          if (c.status === 'fulfilled') {
            result.alerts += c.value;
            for (const id of recomputed.get(orgId)!.related) related.add(id);
            finished.push([orgId, ids]);
          } else await this.recordFailure(result, orgId, ids, c.reason);
        }
      } else {
        // The chunk failed as a whole: each organisation on its own, so only the one at fault fails.
        const single = this.computer();
        for (const [orgId, ids] of chunk) {
          try {
            const r = await this.recompute(orgId, null, single);
            result.alerts += await alerts.evaluate(orgId);
            for (const id of r.related) related.add(id);
            finished.push([orgId, ids]);
          } catch (e) {
            if (isMeiliUnavailable(e)) {
              result.unavailable = { error: errorText(e), backlog: 0 };
              break;
            }
            await this.recordFailure(result, orgId, ids, e);
          }
        }
      }
      if (finished.length) {
        await outboxFeed.markProcessed(
          this.db,
          finished.flatMap(([, ids]) => ids),
        );
        for (const [orgId, ids] of finished) {
          result.rows += ids.length;
          result.organizations++;
          done.add(orgId);
        }
        onProgress?.(result.rows);
      }
      if (result.unavailable) return;
    }
  }

  private async recordFailure(
    result: MatchDrainResult,
    orgId: string,
    ids: string[],
    e: unknown,
  ): Promise<void> {
    result.failed.push(orgId);
    this.logger.warn({ organizationId: orgId, err: errorText(e) }, 'recompute failed');
    await outboxFeed.markFailed(this.db, ids, errorText(e));
  }

  /**
   * Outbox rows grouped by the organisation to recompute. A changed opportunity recomputes its
   * owner; one that is closed or gone also leaves every other organisation's suggestions now.
   */
  private async organisationsOf(rows: OutboxRow[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    const add = (org: string, id: string) => (out.get(org) ?? out.set(org, []).get(org)!).push(id);
    const oppIds = [...new Set(rows.filter((r) => r.entity_type === 'opportunity').map((r) => r.entity_id))];
    const owners = new Map<string, string>();
    if (oppIds.length) {
      const found = await directoryProfiles.opportunityStates(this.db, oppIds);
      for (const f of found) owners.set(f.id, f.organizationId);
      await this.suggestions.deleteAboutOpportunities(
        this.db,
        found.filter((f) => !f.open).map((f) => f.id),
      );
    }
    const orphans: string[] = [];
    for (const r of rows) {
      if (r.entity_type === 'organization') add(r.entity_id, r.id);
      else if (owners.has(r.entity_id)) add(owners.get(r.entity_id)!, r.id);
      else orphans.push(r.id);
    }
    // An opportunity deleted outright took its suggestions with it (foreign key); nothing is left to do.
    await outboxFeed.markProcessed(this.db, orphans);
    return out;
  }
}
