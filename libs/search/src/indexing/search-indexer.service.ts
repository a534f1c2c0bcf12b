import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, QueryRunner } from 'typeorm';
import type { EnqueuedTaskPromise, Meilisearch, Settings } from 'meilisearch';
import { APP_CONFIG, MEILI_CLIENT, OutboxService, outboxFeed, type AppConfig } from '#platform';
import { SearchSourceRepository } from '#directory';
import { indexNames } from './index-names.js';
import { opportunityDocument, organizationDocument } from './documents.js';
import { opportunitySettings, organizationSettings } from './index-settings.js';
import { settled, waitFor } from './meili-task.js';
import { SearchStateRepository, type SearchEntityType } from './search-state.repository.js';
/** Page size when reading documents back from Meilisearch or rows for a rebuild. */
const BATCH = 1000;
/** Batches a drain may have queued in Meilisearch before it waits for the oldest. */
const PIPELINE = 4;

interface SentBatch {
  tasks: EnqueuedTaskPromise[];
  upserted: number;
  deleted: number;
  record(): Promise<void>;
}

export interface DrainResult {
  rows: number;
  upserted: number;
  deleted: number;
  /** False when another process held the writer lock. */
  ran: boolean;
}

/**
 * Carries Postgres changes to Meilisearch. Documents are rebuilt whole from the current rows, so
 * replaying any outbox row is harmless: a crash at any point only means rows are read again.
 */
@Injectable()
export class SearchIndexerService {
  private readonly logger = new Logger(SearchIndexerService.name);
  readonly names: { organizations: string; opportunities: string };
  /** Large by default: Meilisearch indexes a few big additions much faster than many small ones. */
  private readonly batchSize: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(MEILI_CLIENT) private readonly meili: Meilisearch,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly outbox: OutboxService,
    @Optional() private readonly state: SearchStateRepository = new SearchStateRepository(),
    @Optional() private readonly source: SearchSourceRepository = new SearchSourceRepository(),
  ) {
    this.names = indexNames(config.meiliIndexPrefix);
    this.batchSize = config.outboxBatchSize;
  }

  /** Creates missing indexes and applies the settings (idempotent). */
  async ensureIndexes(): Promise<void> {
    await this.prepareIndex(this.names.organizations, organizationSettings());
    await this.prepareIndex(this.names.opportunities, opportunitySettings());
  }

  private async prepareIndex(uid: string, settings: Settings): Promise<void> {
    const exists = await this.meili
      .getIndex(uid)
      .then(() => true)
      .catch(() => false);
    if (!exists) {
      // A drain that starts at the same moment may create the index first (adding documents
      // creates it): that is the state wanted, so "already exists" is not a failure.
      const task = await waitFor(this.meili.createIndex(uid, { primaryKey: 'id' }));
      if (task.status !== 'succeeded' && task.error?.code !== 'index_already_exists')
        throw new Error(
          `Meilisearch task ${task.uid} (indexCreation) ${task.status}: ${task.error?.message ?? 'no detail'}`,
        );
    }
    await settled(this.meili.index(uid).updateSettings(settings));
  }

  private async withWriterLock<T>(fn: (runner: QueryRunner) => Promise<T>, wait: boolean): Promise<T | null> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      if (wait) await this.state.lock(runner.manager);
      else if (!(await this.state.tryLock(runner.manager))) return null;
      try {
        return await fn(runner);
      } finally {
        await this.state.unlock(runner.manager);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * Drains the outbox until it is empty; returns how much was done. Up to PIPELINE batches are in
   * Meilisearch's queue at once (it indexes consecutive additions together); rows are marked done
   * strictly in order, each batch only after its own tasks succeeded.
   */
  async drain(onProgress?: (done: number) => void): Promise<DrainResult> {
    const result = await this.withWriterLock(async (runner) => {
      const total: DrainResult = { rows: 0, upserted: 0, deleted: 0, ran: true };
      const inFlight: { ids: string[]; batch: SentBatch }[] = [];
      const failed = async (ids: string[], e: unknown) => {
        // Later batches stay unmarked too; all of them are read again on the next drain.
        await outboxFeed.markFailed(runner, ids, String((e as Error).message));
        return e;
      };
      const settleOldest = async () => {
        const { ids, batch } = inFlight.shift()!;
        try {
          for (const t of batch.tasks) await settled(t);
        } catch (e) {
          throw await failed(ids, e);
        }
        await batch.record();
        await outboxFeed.markProcessed(runner, ids);
        total.rows += ids.length;
        total.upserted += batch.upserted;
        total.deleted += batch.deleted;
        onProgress?.(total.rows);
      };
      let after = '0';
      for (;;) {
        const rows = await outboxFeed.pending(runner, 'search', { after, limit: this.batchSize });
        if (rows.length === 0) break;
        after = rows[rows.length - 1].id;
        const of = (type: (typeof rows)[number]['entity_type']) => [
          ...new Set(rows.filter((r) => r.entity_type === type).map((r) => r.entity_id)),
        ];
        const ids = rows.map((r) => r.id);
        try {
          inFlight.push({ ids, batch: await this.sendBatch(runner, of('organization'), of('opportunity')) });
        } catch (e) {
          throw await failed(ids, e);
        }
        if (inFlight.length >= PIPELINE) await settleOldest();
      }
      while (inFlight.length) await settleOldest();
      return total;
    }, false);
    return result ?? { rows: 0, upserted: 0, deleted: 0, ran: false };
  }

  /**
   * Rebuilds the documents of the given entities from Postgres and enqueues them in Meilisearch;
   * `record` notes what the index will hold once the tasks have succeeded.
   */
  private async sendBatch(runner: QueryRunner, orgIds: string[], oppIds: string[]): Promise<SentBatch> {
    // An organisation's name, place and status are part of its opportunities' documents.
    const { organizations: known, opportunities: opps } = await this.source.changed(
      runner.manager,
      orgIds,
      oppIds,
    );
    const activeOrgs = orgIds.flatMap((id) => {
      const o = known.get(id);
      return o?.status === 'ACTIVE' ? [o] : [];
    });
    const activeIds = new Set(activeOrgs.map((o) => o.id));
    const goneOrgIds = orgIds.filter((id) => !activeIds.has(id));
    const liveOpps = opps.filter((p) => !p.archivedAt && known.get(p.organizationId)?.status === 'ACTIVE');
    const liveOppIds = new Set(liveOpps.map((p) => p.id));
    const goneOppIds = [...new Set([...oppIds, ...opps.map((p) => p.id)])].filter(
      (id) => !liveOppIds.has(id),
    );

    const orgIndex = this.meili.index(this.names.organizations);
    const oppIndex = this.meili.index(this.names.opportunities);
    const tasks: EnqueuedTaskPromise[] = [];
    if (activeOrgs.length) tasks.push(orgIndex.addDocuments(activeOrgs.map(organizationDocument)));
    if (goneOrgIds.length) tasks.push(orgIndex.deleteDocuments(goneOrgIds));
    if (liveOpps.length)
      tasks.push(
        oppIndex.addDocuments(liveOpps.map((p) => opportunityDocument(p, known.get(p.organizationId)!))),
      );
    if (goneOppIds.length) tasks.push(oppIndex.deleteDocuments(goneOppIds));
    // Awaited one by one later: a rejection of a later task must not count as unhandled meanwhile.
    for (const t of tasks) t.catch(() => undefined);
    return {
      tasks,
      upserted: activeOrgs.length + liveOpps.length,
      deleted: goneOrgIds.length + goneOppIds.length,
      record: async () => {
        await this.state.record(runner.manager, 'organization', activeOrgs, goneOrgIds);
        await this.state.record(runner.manager, 'opportunity', liveOpps, goneOppIds);
      },
    };
  }

  /**
   * Finds drift between Postgres and what the index last received (missed, stale or orphaned
   * documents, or an index that lost documents) and queues outbox rows to repair it. Nothing is
   * queued for an entity whose row is still pending, nor for the current opportunities of an
   * organisation whose row is: that row's drain rewrites them.
   */
  async sweep(): Promise<{ queued: number }> {
    const result = await this.withWriterLock(async (runner) => {
      for (const [type, uid] of [
        ['organization', this.names.organizations],
        ['opportunity', this.names.opportunities],
      ] as const) {
        const stats = await this.meili.index(uid).getStats();
        const n = await this.state.count(runner.manager, type);
        if (stats.numberOfDocuments !== n) {
          this.logger.warn(
            { index: uid, documents: stats.numberOfDocuments, expected: n },
            'index drifted; reconciling with its documents',
          );
          await this.reconcile(runner, type, uid);
        }
      }
      // Organisations with a pending row: draining it rebuilds (or deletes) the documents of their
      // current opportunities too, so those wait for it instead of getting rows of their own.
      const pendingOrgs = await outboxFeed.pendingEntities(runner, 'search', 'organization');
      const drift = await this.state.drift(runner.manager, pendingOrgs);
      const queued = await this.outbox.record(
        runner.manager,
        drift.map((d) => ({ entityType: d.t, entityId: d.id })),
        ['search'],
        { unlessPending: true },
      );
      await outboxFeed.purgeProcessed(runner, 1);
      return { queued };
    }, false);
    return result ?? { queued: 0 };
  }

  /**
   * Rewrites search_state from what the index really holds and deletes the documents that have no
   * live row. The drift query only sees rows and search_state, so a document neither knows about
   * (written behind the outbox's back) would otherwise stay searchable and keep the counts apart.
   */
  private async reconcile(runner: QueryRunner, type: SearchEntityType, uid: string): Promise<void> {
    const live = await this.state.liveIds(runner.manager, type);
    const held: { id: string; version: number }[] = [];
    const orphans: string[] = [];
    for (let offset = 0; ; offset += BATCH) {
      const page = await this.meili
        .index(uid)
        .getDocuments<{ id: string; version?: unknown }>({ fields: ['id', 'version'], limit: BATCH, offset });
      for (const d of page.results) {
        if (!live.has(String(d.id))) orphans.push(String(d.id));
        // A live document without a usable version is left out, so the drift query rewrites it.
        else if (typeof d.version === 'number') held.push({ id: String(d.id), version: d.version });
      }
      if (page.results.length < BATCH) break;
    }
    if (orphans.length) await settled(this.meili.index(uid).deleteDocuments(orphans));
    await this.state.clear(runner.manager, type);
    await this.state.record(runner.manager, type, held, []);
  }

  /**
   * Builds fresh indexes from Postgres next to the live ones, then swaps them in one Meilisearch
   * task: searches see the old index until the new one is complete.
   */
  async reindex(
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ organizations: number; opportunities: number }> {
    const out = await this.withWriterLock(async (runner) => {
      const tmp = {
        organizations: `${this.names.organizations}_next`,
        opportunities: `${this.names.opportunities}_next`,
      };
      await this.meili.deleteIndexIfExists(tmp.organizations);
      await this.meili.deleteIndexIfExists(tmp.opportunities);
      await this.prepareIndex(tmp.organizations, organizationSettings());
      await this.prepareIndex(tmp.opportunities, opportunitySettings());
      await this.ensureIndexes();
      // Rows changed from here on are in the outbox and drained into the swapped index afterwards.
      await outboxFeed.skipPending(runner, 'search');
      const totalOrgs = await this.source.countListed(runner.manager);
      await this.state.clear(runner.manager);
      let orgCount = 0;
      let oppCount = 0;
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const { organizations: orgs, opportunities: opps } = await this.source.listedPage(
          runner.manager,
          after,
          BATCH,
        );
        if (orgs.length === 0) break;
        after = orgs[orgs.length - 1].id;
        const byId = new Map(orgs.map((o) => [o.id, o]));
        const t1 = this.meili.index(tmp.organizations).addDocuments(orgs.map(organizationDocument));
        const t2 = opps.length
          ? this.meili
              .index(tmp.opportunities)
              .addDocuments(opps.map((p) => opportunityDocument(p, byId.get(p.organizationId)!)))
          : null;
        t2?.catch(() => undefined); // awaited after t1; its rejection is not unhandled meanwhile
        await settled(t1);
        if (t2) await settled(t2);
        await this.state.record(runner.manager, 'organization', orgs, []);
        await this.state.record(runner.manager, 'opportunity', opps, []);
        orgCount += orgs.length;
        oppCount += opps.length;
        onProgress?.(orgCount, totalOrgs);
      }
      await settled(
        this.meili.swapIndexes([
          { indexes: [this.names.organizations, tmp.organizations], rename: false },
          { indexes: [this.names.opportunities, tmp.opportunities], rename: false },
        ]),
      );
      await this.meili.deleteIndexIfExists(tmp.organizations);
      await this.meili.deleteIndexIfExists(tmp.opportunities);
      return { organizations: orgCount, opportunities: oppCount };
    }, true);
    return out!;
  }
}
