import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { sectorWithAncestors } from '#directory/taxonomy';
import { compareStrings, hashString, seededRandom } from './random.js';
import { isArabLeague, sectorCredit } from './scoring.js';
import type { Evidence, OrgProfile } from './types.js';
import { buysFrom, chainOf, isChainDivision, linkStrength, suppliesTo } from './value-chain.js';

/**
 * Cluster proposals: SMEs linked along a value chain and close to each other, grouped with Louvain
 * community detection, each group given a support institution and a financier that fit it.
 */

/** SMEs as nodes, value-chain links as weighted edges. */
export type ChainGraph = UndirectedGraph<Record<string, never>, { weight: number }>;

type LouvainFn = (
  graph: ChainGraph,
  options: { getEdgeWeight?: string; rng?: () => number; resolution?: number },
) => Record<string, number>;
// The package is CommonJS (`module.exports = fn`) while its typings describe an ES default export.
const louvain = ((louvainModule as unknown as { default?: LouvainFn }).default ??
  louvainModule) as unknown as LouvainFn;

export interface ClusterOptions {
  /** Seed of Louvain's random walk: the same seed and input give the same proposals. */
  seed?: number;
  minSize?: number;
  maxSize?: number;
  /** Louvain resolution: higher gives smaller communities. */
  resolution?: number;
  /** Links each SME makes per neighbouring division of the chain in its own wilaya; bounds the graph to O(n). */
  linksPerDivision?: number;
  /**
   * Further links per neighbouring division to SMEs in other wilayas of the same country, at
   * `sameCountryWeight`. None by default: a cluster is local, and such links let distant firms chain
   * groups of different wilayas together.
   */
  outsideRegionLinks?: number;
  /** Link weight between SMEs of the same country but different wilayas, relative to the same wilaya. */
  sameCountryWeight?: number;
}

export interface ClusterMember {
  id: string;
  division: string;
  /** The gap this member fills: which divisions of the group it supplies and buys from. */
  gap: Evidence;
}

export interface AttachedOrganisation {
  id: string;
  score: number;
  evidence: Evidence;
}

export interface ClusterProposal {
  id: string;
  valueChain: { code: string | null; divisions: string[] };
  region: { country: string; regionCode: string | null };
  members: ClusterMember[];
  /** Divisions of the chain no member covers yet. */
  missingDivisions: string[];
  supportInstitution: AttachedOrganisation | null;
  financier: AttachedOrganisation | null;
  /** Internal link weight per member. */
  cohesion: number;
  evidence: Evidence;
}

const DEFAULTS = {
  seed: 1,
  minSize: 3,
  maxSize: 12,
  resolution: 1,
  linksPerDivision: 4,
  outsideRegionLinks: 0,
  sameCountryWeight: 0.3,
} satisfies Required<ClusterOptions>;

const divisionsOf = (o: OrgProfile): string[] =>
  [...new Set(o.sectors.filter((s) => sectorWithAncestors(s).length === 2 && isChainDivision(s)))].sort();

/** Picks up to `k` members of a bucket, starting at a place that depends on who asks, so no one is favoured by id. */
function pick(bucket: readonly string[] | undefined, k: number, self: string, taken: Set<string>): string[] {
  if (!bucket?.length) return [];
  const out: string[] = [];
  const start = hashString(self) % bucket.length;
  for (let i = 0; i < bucket.length && out.length < k; i++) {
    const id = bucket[(start + i) % bucket.length];
    if (id !== self && !taken.has(id)) out.push(id);
  }
  return out;
}

/** The value-chain graph: an edge when one SME's division supplies the other's, weighted by link strength and nearness. */
export function valueChainGraph(smes: readonly OrgProfile[], options: ClusterOptions = {}): ChainGraph {
  const o = { ...DEFAULTS, ...options };
  const graph = new UndirectedGraph() as ChainGraph;
  const byId = new Map<string, OrgProfile>();
  const inCountry = new Map<string, string[]>();
  const inRegion = new Map<string, string[]>();
  const sorted = [...smes].sort((a, b) => compareStrings(a.id, b.id));
  for (const sme of sorted) {
    const divisions = divisionsOf(sme);
    if (!divisions.length) continue;
    byId.set(sme.id, sme);
    graph.addNode(sme.id);
    for (const d of divisions) {
      const ck = `${sme.country}|${d}`;
      (inCountry.get(ck) ?? inCountry.set(ck, []).get(ck)!).push(sme.id);
      const rk = `${sme.country}|${sme.regionCode ?? '*'}|${d}`;
      (inRegion.get(rk) ?? inRegion.set(rk, []).get(rk)!).push(sme.id);
    }
  }
  for (const sme of byId.values()) {
    for (const d of divisionsOf(sme)) {
      const neighbours = new Map([...suppliesTo(d), ...buysFrom(d)]);
      for (const [t, strength] of [...neighbours].sort((a, b) => compareStrings(a[0], b[0]))) {
        const taken = new Set<string>();
        // The region is the wilaya in Algeria and the country elsewhere.
        const near = pick(
          inRegion.get(`${sme.country}|${sme.regionCode ?? '*'}|${t}`),
          o.linksPerDivision,
          sme.id,
          taken,
        );
        near.forEach((id) => taken.add(id));
        const far = pick(inCountry.get(`${sme.country}|${t}`), o.outsideRegionLinks, sme.id, taken);
        for (const id of [...near, ...far]) {
          const other = byId.get(id)!;
          const sameRegion = (sme.regionCode ?? null) === (other.regionCode ?? null);
          const w = strength * (sameRegion ? 1 : o.sameCountryWeight);
          if (graph.hasEdge(sme.id, id)) {
            // Both ends may pick each other; keep the strongest reading rather than double counting.
            graph.setEdgeAttribute(
              sme.id,
              id,
              'weight',
              Math.max(w, graph.getEdgeAttribute(sme.id, id, 'weight')),
            );
          } else graph.addEdge(sme.id, id, { weight: w });
        }
      }
    }
  }
  return graph;
}

/** Connected components of the sub-graph induced by `nodes`, each sorted, in order of their first node. */
export function connectedParts(graph: ChainGraph, nodes: readonly string[]): string[][] {
  const inside = new Set(nodes);
  const seen = new Set<string>();
  const parts: string[][] = [];
  for (const start of [...nodes].sort(compareStrings)) {
    if (seen.has(start)) continue;
    const part: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length) {
      const n = stack.pop()!;
      part.push(n);
      graph.forEachNeighbor(n, (m) => {
        if (inside.has(m) && !seen.has(m)) {
          seen.add(m);
          stack.push(m);
        }
      });
    }
    parts.push(part.sort(compareStrings));
  }
  return parts;
}

function induced(graph: ChainGraph, nodes: readonly string[]): ChainGraph {
  const sub = new UndirectedGraph() as ChainGraph;
  const inside = new Set(nodes);
  for (const n of [...nodes].sort(compareStrings)) sub.addNode(n);
  for (const n of [...nodes].sort(compareStrings))
    graph.forEachEdge(n, (_e, attrs, s, t) => {
      if (inside.has(s) && inside.has(t) && !sub.hasEdge(s, t)) sub.addEdge(s, t, { weight: attrs.weight });
    });
  return sub;
}

const strengthWithin = (graph: ChainGraph, n: string, inside: Set<string>): number => {
  let sum = 0;
  graph.forEachEdge(n, (_e, attrs, s, t) => {
    if (inside.has(s === n ? t : s)) sum += attrs.weight;
  });
  return sum;
};

/** Greedy connected split of an oversized group: grow each piece from its best-connected node up to `maxSize`. */
function peel(graph: ChainGraph, nodes: readonly string[], maxSize: number): string[][] {
  const remaining = new Set(nodes);
  const groups: string[][] = [];
  while (remaining.size > maxSize) {
    const seed = [...remaining].sort(
      (a, b) =>
        strengthWithin(graph, b, remaining) - strengthWithin(graph, a, remaining) || compareStrings(a, b),
    )[0];
    const group = new Set([seed]);
    while (group.size < maxSize) {
      const gain = new Map<string, number>();
      for (const g of group)
        graph.forEachEdge(g, (_e, attrs, s, t) => {
          const m = s === g ? t : s;
          if (remaining.has(m) && !group.has(m)) gain.set(m, (gain.get(m) ?? 0) + attrs.weight);
        });
      if (!gain.size) break;
      const next = [...gain].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))[0][0];
      group.add(next);
    }
    groups.push([...group].sort(compareStrings));
    for (const g of group) remaining.delete(g);
  }
  if (remaining.size) groups.push([...remaining].sort(compareStrings));
  // Removing a piece may disconnect what is left.
  return groups.flatMap((g) => connectedParts(graph, g));
}

function refine(
  graph: ChainGraph,
  nodes: string[],
  o: Required<ClusterOptions>,
  rng: () => number,
  depth: number,
): string[][] {
  if (nodes.length < o.minSize) return [];
  if (nodes.length <= o.maxSize) return [nodes];
  // Re-run Louvain at a finer resolution; accept the split only when no part is too small to be a
  // cluster, otherwise fragments would be dropped and firms lost.
  for (let level = depth; level < 4; level++) {
    const sub = induced(graph, nodes);
    const communities = louvain(sub, {
      getEdgeWeight: 'weight',
      rng,
      resolution: o.resolution * 2 ** (level + 1),
    });
    const parts = groupBy(nodes, communities).flatMap((p) => connectedParts(graph, p));
    if (parts.length > 1 && parts.every((p) => p.length >= o.minSize))
      return parts.flatMap((p) => refine(graph, p, o, rng, level + 1));
  }
  return peel(graph, nodes, o.maxSize).flatMap((p) => refine(graph, p, o, rng, depth + 1));
}

function groupBy(nodes: readonly string[], communities: Record<string, number>): string[][] {
  const groups = new Map<number, string[]>();
  for (const n of nodes) {
    const c = communities[n];
    (groups.get(c) ?? groups.set(c, []).get(c)!).push(n);
  }
  return [...groups.values()].map((g) => g.sort(compareStrings)).sort((a, b) => compareStrings(a[0], b[0]));
}

/** Groups of SMEs (ids), connected, of allowed size; no value-chain naming. */
export function clusterGroups(
  smes: readonly OrgProfile[],
  options: ClusterOptions = {},
): { graph: ChainGraph; groups: string[][] } {
  const o = { ...DEFAULTS, ...options };
  const graph = valueChainGraph(smes, o);
  const rng = seededRandom(o.seed);
  const communities = graph.size
    ? louvain(graph, { getEdgeWeight: 'weight', rng, resolution: o.resolution })
    : {};
  const groups = groupBy(graph.nodes(), communities)
    .flatMap((c) => connectedParts(graph, c))
    .flatMap((p) => refine(graph, p, o, rng, 0))
    .filter((g) => g.length >= o.minSize && g.length <= o.maxSize);
  return { graph, groups };
}

const proximity = (
  a: { country: string; regionCode?: string | null },
  b: { country: string; regionCode?: string | null },
) =>
  a.country === b.country
    ? a.regionCode && a.regionCode === b.regionCode
      ? 1
      : 0.7
    : isArabLeague(a.country) && isArabLeague(b.country)
      ? 0.3
      : 0.1;

/** Best organisation serving the group's divisions: share of divisions covered times nearness. */
function attach(
  candidates: readonly OrgProfile[],
  divisions: readonly string[],
  region: { country: string; regionCode: string | null },
  code: string,
  sectorsOf: (o: OrgProfile) => readonly string[],
  eligible: (o: OrgProfile) => boolean,
): AttachedOrganisation | null {
  let best: AttachedOrganisation | null = null;
  for (const c of candidates) {
    if (!eligible(c)) continue;
    const served = sectorsOf(c);
    const covered = divisions.filter((d) => served.some((s) => sectorCredit(s, d) === 1));
    if (!covered.length) continue;
    const score = (covered.length / divisions.length) * proximity(region, c);
    if (!best || score > best.score || (score === best.score && compareStrings(c.id, best.id) < 0))
      best = {
        id: c.id,
        score,
        evidence: { code, params: { sectors: covered, country: c.country, region: c.regionCode ?? null } },
      };
  }
  return best;
}

function majority(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))[0]?.[0] ?? null;
}

/**
 * Proposes clusters of `minSize`..`maxSize` complementary SMEs, each connected in the value-chain graph,
 * with the support institution and financier that fit best. Same input and seed, same proposals.
 */
export function proposeClusters(
  smes: readonly OrgProfile[],
  supportInstitutions: readonly OrgProfile[],
  financiers: readonly OrgProfile[],
  options: ClusterOptions = {},
): ClusterProposal[] {
  const { graph, groups } = clusterGroups(smes, options);
  const byId = new Map(smes.map((s) => [s.id, s]));
  const proposals = groups.map((ids): ClusterProposal => {
    const members = ids.map((id) => byId.get(id)!);
    const inside = new Set(ids);
    // Each member plays the division that links it most strongly to the others.
    const roleOf = new Map<string, string>();
    for (const m of members) {
      const scored = divisionsOf(m).map((d) => {
        let s = 0;
        for (const other of members)
          if (other !== m) for (const e of divisionsOf(other)) s += linkStrength(d, e);
        return [d, s] as const;
      });
      roleOf.set(m.id, scored.sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))[0][0]);
    }
    const divisions = [...new Set(roleOf.values())].sort();
    const chain = chainOf(divisions);
    const country = majority(members.map((m) => m.country))!;
    const regionCode = majority(
      members.filter((m) => m.country === country && m.regionCode).map((m) => m.regionCode!),
    );
    const region = { country, regionCode };
    const gapMembers: ClusterMember[] = members.map((m) => {
      const d = roleOf.get(m.id)!;
      const others = members.filter((x) => x !== m).map((x) => roleOf.get(x.id)!);
      return {
        id: m.id,
        division: d,
        gap: {
          code: 'cluster.gap',
          params: {
            division: d,
            suppliesTo: [...new Set(others.filter((o) => suppliesTo(d).has(o)))].sort(),
            buysFrom: [...new Set(others.filter((o) => buysFrom(d).has(o)))].sort(),
          },
        },
      };
    });
    let weight = 0;
    for (const id of ids) weight += strengthWithin(graph, id, inside);
    const chainDivisions = chain ? chain.divisions.filter((d) => divisions.includes(d)) : divisions;
    const missingDivisions = chain ? chain.divisions.filter((d) => !divisions.includes(d)) : [];
    return {
      id: `cluster-${hashString(ids.join(',')).toString(36)}`,
      valueChain: { code: chain?.code ?? null, divisions: chainDivisions },
      region,
      members: gapMembers,
      missingDivisions,
      supportInstitution: attach(
        supportInstitutions,
        divisions,
        region,
        'cluster.support',
        (o) => [...o.sectors, ...(o.programmeSectors ?? [])],
        () => true,
      ),
      financier: attach(
        financiers,
        divisions,
        region,
        'cluster.financier',
        (o) => [...(o.financier?.targetSectors ?? []), ...(o.programmeSectors ?? [])],
        (o) => !o.financier?.targetCountries.length || o.financier.targetCountries.includes(country),
      ),
      cohesion: weight / 2 / ids.length,
      evidence: {
        code: 'cluster.chain',
        params: {
          chain: chain?.code ?? null,
          divisions: chainDivisions,
          country,
          region: regionCode,
          size: ids.length,
        },
      },
    };
  });
  return proposals.sort((a, b) => b.cohesion - a.cohesion || compareStrings(a.id, b.id));
}
