import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Meilisearch } from 'meilisearch';
import { sectorWithAncestors, PROCESS_FAMILY, type ProcessCode } from '#directory/taxonomy';
import { loadConfig, meiliClient, startEmbeddedMeili, type EmbeddedMeili } from '#platform';
import { indexNames, normaliseText, organizationSettings } from '#search';
import { CandidateSelector } from '#matchmaking';
import { rankSuppliers, type OrgProfile, type SubcontractingRequest } from '#matchmaking/engine';
import { generateLatentWorld, type LatentWorld } from '#matchmaking/evaluation';

/**
 * Recall of the production candidate selection (`CandidateSelector.suppliersFor`, the code the worker
 * runs) against exhaustive scoring: for each request, the engine's top 10 over every supplier of the
 * world, and its top 10 over the pool the selector returns from a real Meilisearch index built with the
 * product's settings. Requests are taken as written, restricted to a few wilayas, and with every wanted
 * process required.
 */

const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

/** The fields of the product's organisation document that candidate selection reads. */
function supplierDocument(o: OrgProfile, text: string) {
  const processes = uniq(o.capabilities.map((c) => c.process));
  const tags = uniq(o.capabilities.flatMap((c) => c.materials));
  return {
    id: o.id,
    kind: o.kind,
    name_fr: null,
    name_en: null,
    name_ar: null,
    tags,
    text_norm: normaliseText([text, ...tags].join(' \n ')),
    country: o.country,
    region_code: o.regionCode ?? null,
    sectors: uniq(o.sectors.flatMap((s) => sectorWithAncestors(s))),
    processes,
    process_families: uniq(processes.map((p) => PROCESS_FAMILY[p as ProcessCode]).filter(Boolean)),
    certifications: o.certifications,
  };
}

export type RequestVariant = 'as written' | 'restricted to wilayas' | 'several required processes';

/** The request as written, restricted to its wilaya and two others, or requiring every wanted process. */
export function requestVariants(
  world: LatentWorld,
): { variant: RequestVariant; request: SubcontractingRequest; text: string }[] {
  const wilayas = uniq(
    world.suppliers.flatMap((s) => (s.country === 'DZ' && s.regionCode ? [s.regionCode] : [])),
  );
  const out: { variant: RequestVariant; request: SubcontractingRequest; text: string }[] = [];
  world.cases.forEach((c, i) => {
    const request = c.request as SubcontractingRequest;
    const text = c.text.text;
    out.push({ variant: 'as written', request, text });
    if (request.country === 'DZ' && request.regionCode) {
      const others = [1, 2].map((k) => wilayas[(i * 7 + k * 13) % wilayas.length]);
      out.push({
        variant: 'restricted to wilayas',
        request: {
          ...request,
          id: `${request.id}-w`,
          countries: ['DZ'],
          regionCodes: uniq([request.regionCode, ...others]),
        },
        text,
      });
    }
    if (request.processes.length >= 2)
      out.push({
        variant: 'several required processes',
        request: { ...request, id: `${request.id}-p`, requiredProcesses: [...request.processes] },
        text,
      });
  });
  return out;
}

export interface RecallRow {
  variant: RequestVariant | 'all';
  requests: number;
  /** Exhaustive top-10 suppliers found in the selector's top 10, over all of them. */
  recallAt10: number;
  /** Mean pool size the selector returned. */
  pool: number;
}

/** Recall@10 of `selector` against exhaustive scoring, by request variant. */
export async function selectorRecall(selector: CandidateSelector, world: LatentWorld): Promise<RecallRow[]> {
  const suppliers = world.suppliers as OrgProfile[];
  const byId = new Map(suppliers.map((s) => [s.id, s]));
  const tally = new Map<string, { requests: number; found: number; total: number; pool: number }>();
  const add = (key: string, found: number, total: number, pool: number) => {
    const t = tally.get(key) ?? { requests: 0, found: 0, total: 0, pool: 0 };
    t.requests++;
    t.found += found;
    t.total += total;
    t.pool += pool;
    tally.set(key, t);
  };
  for (const { variant, request, text } of requestVariants(world)) {
    const exhaustive = rankSuppliers(request, suppliers, { limit: 10 }).results.map((r) => r.candidateId);
    const ids = await selector.suppliersFor(request, text);
    const pool = ids.flatMap((id) => byId.get(id) ?? []);
    const kept = new Set(rankSuppliers(request, pool, { limit: 10 }).results.map((r) => r.candidateId));
    const found = exhaustive.filter((id) => kept.has(id)).length;
    add(variant, found, exhaustive.length, ids.length);
    add('all', found, exhaustive.length, ids.length);
  }
  return [...tally].map(([variant, t]) => ({
    variant: variant as RecallRow['variant'],
    requests: t.requests,
    recallAt10: t.total ? t.found / t.total : NaN,
    pool: t.pool / t.requests,
  }));
}

/** A Meilisearch for the benchmark: MEILI_HOST when set, else the bundled server in its own folder. */
export async function benchMeili(
  folder: string,
): Promise<{ client: Meilisearch; stop: () => Promise<void> }> {
  let embedded: EmbeddedMeili | null = null;
  let host = process.env.MEILI_HOST;
  let apiKey = process.env.MEILI_MASTER_KEY;
  if (!host) {
    embedded = await startEmbeddedMeili({ dir: join(loadConfig().dataDir, folder, 'meili') });
    host = embedded.host;
    apiKey = embedded.masterKey;
  }
  return { client: meiliClient(host, apiKey), stop: async () => void (await embedded?.stop()) };
}

/** Indexes a world's suppliers under `prefix` with the product's organisation settings. */
export async function indexWorld(client: Meilisearch, prefix: string, world: LatentWorld): Promise<void> {
  const uid = indexNames(prefix).organizations;
  await client.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: 120_000 });
  const index = client.index(uid);
  await index.updateSettings(organizationSettings()).waitTask({ timeout: 300_000 });
  const docs = world.suppliers.map((s) => supplierDocument(s as OrgProfile, world.texts[s.id]?.text ?? ''));
  const task = await index.addDocuments(docs).waitTask({ timeout: 600_000 });
  if (task.status !== 'succeeded') throw new Error(`indexing failed: ${task.error?.message ?? task.status}`);
}

/** The candidate-recall section over `seeds`, each world with `background` firms beside the planted ones. */
export async function candidateRecall(
  seeds: readonly number[],
  background: number,
  say: (s: string) => void,
): Promise<{ seed: number; suppliers: number; rows: RecallRow[] }[]> {
  const meili = await benchMeili('bench-match-candidates');
  const out: { seed: number; suppliers: number; rows: RecallRow[] }[] = [];
  try {
    for (const seed of seeds) {
      const world = generateLatentWorld({ seed, background });
      const prefix = `benchcand_${seed}_${Date.now()}_`;
      try {
        const t0 = performance.now();
        await indexWorld(meili.client, prefix, world);
        const indexed = (performance.now() - t0) / 1000;
        const rows = await selectorRecall(new CandidateSelector(meili.client, prefix), world);
        say(
          `  seed ${seed}: ${world.suppliers.length} suppliers indexed in ${indexed.toFixed(1)} s (load ${loadavg()[0].toFixed(1)}); ` +
            rows.map((r) => `${r.variant} ${r.recallAt10.toFixed(3)}`).join(', '),
        );
        out.push({ seed, suppliers: world.suppliers.length, rows });
      } finally {
        await meili.client.deleteIndexIfExists(indexNames(prefix).organizations).catch(() => undefined);
      }
    }
  } finally {
    await meili.stop();
  }
  return out;
}
