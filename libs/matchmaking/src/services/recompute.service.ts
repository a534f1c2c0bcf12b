import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Meilisearch } from 'meilisearch';
import { APP_CONFIG, isMeiliUnavailable, MEILI_QUERY_CLIENT, type AppConfig } from '#platform';
import { MAIL_PORT, type MailPort } from '#identity';
import { ProfileStore } from '../storage/profile-store.js';
import { replaceSuggestions } from '../storage/suggestion-writer.js';
import { CandidateSelector } from './candidate-selector.js';
import { SavedSearchAlerts } from './saved-search-alerts.js';
import { SavedSearchMailer } from './saved-search-mailer.js';
import { RECOMPUTED_KINDS, SuggestionComputer, type ComputerOptions } from './suggestion-computer.js';

/** Held by the matchmaking drain, so two workers never read the same rows at once. */
const MATCH_DRAIN_LOCK = 727_245_101;
/** Outbox rows read per round of a drain. */
const DRAIN_BATCH = 500;

/** An error's message with its cause's (the client wraps Meilisearch's answer in a request error). */
const errorText = (e: unknown): string => {
  const err = e as Error;
  return err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : String(err.message);
};

interface OutboxRow {
  id: string;
  entity_type: 'organization' | 'opportunity';
  entity_id: string;
}

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

  async recompute(
    organizationId: string,
    runId: string | null = null,
    computer = this.computer(),
  ): Promise<RecomputeResult> {
    const computed = await computer.compute(organizationId);
    const suggestions = await this.db.transaction(async (m) => {
      if (!computed.active) {
        await m.query(`DELETE FROM suggestion WHERE organization_id = $1`, [organizationId]);
        return 0;
      }
      return replaceSuggestions(m, organizationId, RECOMPUTED_KINDS, computed.suggestions, runId);
    });
    return { suggestions, related: computed.related };
  }

  /**
   * Drains the outbox's `match` rows: the organisations they touch are recomputed and checked
   * against saved searches, and only then are their rows marked done. A failure leaves that
   * organisation's rows pending (with the error) and the others proceed; the job then fails so
   * the queue retries it. A failure because Meilisearch cannot answer (down, frozen, 5xx) is no
   * fault of that organisation: the drain stops there, leaving it and the rest pending without an
   * attempt counted, and reports the backlog, so an outage costs one failed request, not one per
   * organisation. An aborted `signal` stops the drain after the organisation in hand.
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
      const [{ ok }] = await runner.query('SELECT pg_try_advisory_lock($1) AS ok', [MATCH_DRAIN_LOCK]);
      if (!ok) return result;
      result.ran = true;
      try {
        const computer = this.computer();
        const alerts = new SavedSearchAlerts(this.db, new ProfileStore(this.db));
        const related = new Set<string>();
        const done = new Set<string>();
        let after = '0';
        rounds: for (;;) {
          const rows: OutboxRow[] = await runner.query(
            // Candidates come from the search index: a change is matched only once search has indexed
            // everything up to it (its own search row was written just before its match row).
            `SELECT id, entity_type, entity_id FROM outbox
             WHERE topic = 'match' AND processed_at IS NULL AND id > $2::bigint
               AND id < coalesce((SELECT min(id) FROM outbox WHERE topic = 'search' AND processed_at IS NULL),
                                 9223372036854775807)
             ORDER BY id LIMIT $1`,
            [DRAIN_BATCH, after],
          );
          if (!rows.length) break;
          after = rows[rows.length - 1].id;
          const byOrg = await this.organisationsOf(rows);
          for (const [orgId, ids] of byOrg) {
            if (signal?.aborted) {
              result.interrupted = true;
              break rounds;
            }
            try {
              const r = await this.recompute(orgId, null, computer);
              for (const id of r.related) related.add(id);
              result.alerts += await alerts.evaluate(orgId);
              await runner.query(`UPDATE outbox SET processed_at = now() WHERE id = ANY($1::bigint[])`, [
                ids,
              ]);
              result.rows += ids.length;
              result.organizations++;
              done.add(orgId);
              onProgress?.(result.rows);
            } catch (e) {
              if (isMeiliUnavailable(e)) {
                result.unavailable = { error: errorText(e), backlog: 0 };
                break rounds;
              }
              result.failed.push(orgId);
              this.logger.warn({ organizationId: orgId, err: errorText(e) }, 'recompute failed');
              await runner.query(
                `UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[])`,
                [ids, errorText(e).slice(0, 1000)],
              );
            }
          }
        }
        for (const id of done) related.delete(id);
        result.related = [...related];
        if (result.unavailable) {
          const [{ n }] = await runner.query(
            `SELECT count(*)::int AS n FROM outbox WHERE topic = 'match' AND processed_at IS NULL`,
          );
          result.unavailable.backlog = n;
        }
        const mailer = new SavedSearchMailer(this.db, this.mail);
        for (let n = -1; n !== 0 && !signal?.aborted;) {
          n = await mailer.sendPending();
          result.mailed += n;
        }
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [MATCH_DRAIN_LOCK]);
      }
      return result;
    } finally {
      await runner.release();
    }
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
      const found = await this.db.query<{ id: string; organization_id: string }[]>(
        `SELECT id, organization_id FROM opportunity WHERE id = ANY($1::uuid[])`,
        [oppIds],
      );
      for (const f of found) owners.set(f.id, f.organization_id);
      await this.db.query(
        `DELETE FROM suggestion s USING opportunity p
         WHERE s.opportunity_id = p.id AND p.id = ANY($1::uuid[])
           AND NOT (p.status = 'OPEN' AND p.archived_at IS NULL)`,
        [oppIds],
      );
    }
    const orphans: string[] = [];
    for (const r of rows) {
      if (r.entity_type === 'organization') add(r.entity_id, r.id);
      else if (owners.has(r.entity_id)) add(owners.get(r.entity_id)!, r.id);
      else orphans.push(r.id);
    }
    // An opportunity deleted outright took its suggestions with it (foreign key); nothing is left to do.
    if (orphans.length)
      await this.db.query(`UPDATE outbox SET processed_at = now() WHERE id = ANY($1::bigint[])`, [orphans]);
    return out;
  }
}
