import DataLoader from 'dataloader';
import type { FinancierCriteria, OrgProfile } from '../engine/types.js';
import type { PastVerdict } from '../feedback/adjustments.js';
import type { SupportSignals } from '../engine/support.js';
import {
  ProfileStore,
  type Collaborations,
  type LoadedRequest,
  type Sql,
  type SuggestionKind,
} from './profile.repository.js';

type Verdicts = { refused: Set<string>; verdicts: PastVerdict[] };

/** True when `supplier` meets a request's hard criteria as `ProfileStore.requestsById` checks them in SQL. */
export function servable(request: LoadedRequest['request'], supplier: OrgProfile): boolean {
  const processes = new Set(supplier.capabilities.map((c) => c.process));
  return (
    request.requiredCertifications.every((c) => supplier.certifications.includes(c as never)) &&
    request.requiredProcesses.every((p) => processes.has(p)) &&
    (request.regionCodes.length === 0 ||
      (supplier.regionCode != null && request.regionCodes.includes(supplier.regionCode)))
  );
}

/**
 * The same reads as `ProfileStore`, for many recomputes in flight at once: the calls they make in
 * the same tick are gathered into one query per kind of read (DataLoader), and every answer is kept
 * for the life of the instance (one drain batch), so a profile read by several recomputes is loaded
 * once. The rows are read as they are when the batch runs, as one-by-one reads would see them.
 */
export class BatchProfileStore extends ProfileStore {
  private readonly profileLoader = new DataLoader<string, (OrgProfile & { version: number }) | null>(
    async (ids) => {
      const found = await super.profiles(ids);
      return ids.map((id) => found.get(id) ?? null);
    },
    { maxBatchSize: 5000 },
  );
  private readonly verdictLoaders = new Map<SuggestionKind, DataLoader<string, Verdicts>>();
  private readonly requestsOfLoader = new DataLoader<string, LoadedRequest[]>(async (orgIds) => {
    const all = await super.requestsOfMany(orgIds);
    return orgIds.map((id) => all.filter((l) => l.request.requesterId === id));
  });
  private readonly requestLoader = new DataLoader<string, LoadedRequest | null>(
    async (ids) => {
      const found = new Map((await super.requestsById(ids)).map((l) => [l.request.id, l]));
      return ids.map((id) => found.get(id) ?? null);
    },
    { maxBatchSize: 5000 },
  );
  private readonly criteriaLoader = new DataLoader<string, FinancierCriteria | null>(async (ids) => {
    const found = await super.criteriaOfMany(ids);
    return ids.map((id) => found.get(id) ?? null);
  });
  private readonly editionsLoader = new DataLoader<string, string[]>(async (ids) => {
    const found = await super.openEditionsOfMany(ids);
    return ids.map((id) => found.get(id) ?? []);
  });

  private readonly signalsLoader = new DataLoader<string, SupportSignals | null>(
    async (ids) => {
      const found = await super.supportSignalsOfMany(ids);
      return ids.map((id) => found.get(id) ?? null);
    },
    { maxBatchSize: 5000 },
  );

  private readonly collaborationLoader = new DataLoader<string, Collaborations>(
    async (ids) => {
      const found = await super.collaborationsAroundMany(ids);
      return ids.map((id) => found.get(id)!);
    },
    { maxBatchSize: 500 },
  );

  constructor(db: Sql) {
    super(db);
  }

  /** Loads the profiles of `ids` in one query ahead of the recomputes that will ask for them. */
  prime(ids: readonly string[]): Promise<unknown> {
    return this.profileLoader.loadMany(ids);
  }

  override async profiles(ids: readonly string[]): Promise<Map<string, OrgProfile & { version: number }>> {
    const out = new Map<string, OrgProfile & { version: number }>();
    for (const p of await this.profileLoader.loadMany(ids)) {
      if (p instanceof Error) throw p;
      if (p) out.set(p.id, p);
    }
    return out;
  }

  override verdictsOf(organizationId: string, kind: SuggestionKind): Promise<Verdicts> {
    let loader = this.verdictLoaders.get(kind);
    if (!loader) {
      loader = new DataLoader<string, Verdicts>(async (ids) => {
        const found = await super.verdictsOfMany(ids, kind);
        return ids.map((id) => found.get(id)!);
      });
      this.verdictLoaders.set(kind, loader);
    }
    return loader.load(organizationId);
  }

  override requestsOf(organizationId: string): Promise<LoadedRequest[]> {
    return this.requestsOfLoader.load(organizationId);
  }

  override async requestsById(ids: readonly string[], servableBy?: OrgProfile): Promise<LoadedRequest[]> {
    const out: LoadedRequest[] = [];
    for (const l of await this.requestLoader.loadMany(ids)) {
      if (l instanceof Error) throw l;
      if (l && (!servableBy || servable(l.request, servableBy))) out.push(l);
    }
    // In id order, as the query orders them.
    return out.sort((a, b) => (a.request.id < b.request.id ? -1 : a.request.id > b.request.id ? 1 : 0));
  }

  override async criteriaOf(financierId: string): Promise<FinancierCriteria | null> {
    return this.criteriaLoader.load(financierId);
  }

  override openEditionsOf(organizationId: string): Promise<string[]> {
    return this.editionsLoader.load(organizationId);
  }

  override collaborationsAround(organizationId: string): Promise<Collaborations> {
    return this.collaborationLoader.load(organizationId);
  }

  override async supportSignalsOfMany(
    organizationIds: readonly string[],
  ): Promise<Map<string, SupportSignals>> {
    const out = new Map<string, SupportSignals>();
    const found = await this.signalsLoader.loadMany(organizationIds);
    found.forEach((s, i) => {
      if (s instanceof Error) throw s;
      if (s) out.set(organizationIds[i], s);
    });
    return out;
  }
}
