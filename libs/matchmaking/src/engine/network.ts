import { compareStrings } from './random.js';
import type { CriterionScore, Evidence } from './types.js';

/**
 * The collaboration network criterion: organisations that worked with the same partners, or in the same
 * programmes, are likely to work together. Built from past projects (co-participations); large consortia
 * create many weak ties, so each shared project weighs 1 / (participants − 1).
 */

export interface ProjectInput {
  id: string;
  participants: readonly string[];
  programmes: readonly string[];
}

export interface NetworkSuggestion {
  id: string;
  score: number;
  evidence: Evidence;
}

export interface NetworkOptions {
  /** Share of the score given to programme similarity; the rest to partners of partners. */
  programmeWeight?: number;
}

export class CollaborationGraph {
  private readonly index = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly adjacency: Map<number, number>[] = [];
  private readonly strength: number[] = [];
  private readonly programmeCounts: Map<string, number>[] = [];
  private readonly programmeNorm: number[] = [];
  private readonly projectCount: number[] = [];
  // Compressed rows of the adjacency for the hot loop of `suggest`.
  private offsets = new Int32Array(0);
  private neighbours = new Int32Array(0);
  private weights = new Float64Array(0);
  private accumulated = new Float64Array(0);
  private sharedCount = new Int32Array(0);
  private mark = new Int32Array(0);
  private markGeneration = 0;

  constructor(projects: Iterable<ProjectInput>) {
    for (const project of projects) {
      const members = [...new Set(project.participants)].map((id) => this.node(id));
      for (const m of members) {
        this.projectCount[m]++;
        for (const p of project.programmes)
          this.programmeCounts[m].set(p, (this.programmeCounts[m].get(p) ?? 0) + 1);
      }
      if (members.length < 2) continue;
      const w = 1 / (members.length - 1);
      for (const a of members)
        for (const b of members) if (a !== b) this.adjacency[a].set(b, (this.adjacency[a].get(b) ?? 0) + w);
    }
    for (let i = 0; i < this.ids.length; i++) {
      let s = 0;
      for (const w of this.adjacency[i].values()) s += w;
      this.strength[i] = s;
      let n = 0;
      for (const c of this.programmeCounts[i].values()) n += c * c;
      this.programmeNorm[i] = Math.sqrt(n);
    }
    const n = this.ids.length;
    this.offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) this.offsets[i + 1] = this.offsets[i] + this.adjacency[i].size;
    this.neighbours = new Int32Array(this.offsets[n]);
    this.weights = new Float64Array(this.offsets[n]);
    for (let i = 0; i < n; i++) {
      let at = this.offsets[i];
      for (const [j, w] of this.adjacency[i]) {
        this.neighbours[at] = j;
        this.weights[at++] = w;
      }
    }
    this.accumulated = new Float64Array(n);
    this.sharedCount = new Int32Array(n);
    this.mark = new Int32Array(n);
  }

  private node(id: string): number {
    let i = this.index.get(id);
    if (i == null) {
      i = this.ids.length;
      this.index.set(id, i);
      this.ids.push(id);
      this.adjacency.push(new Map());
      this.programmeCounts.push(new Map());
      this.projectCount.push(0);
    }
    return i;
  }

  get organisations(): readonly string[] {
    return this.ids;
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  /** Distinct past partners. */
  partners(id: string): string[] {
    const i = this.index.get(id);
    return i == null ? [] : [...this.adjacency[i].keys()].map((j) => this.ids[j]);
  }

  degree(id: string): number {
    const i = this.index.get(id);
    return i == null ? 0 : this.adjacency[i].size;
  }

  projects(id: string): number {
    const i = this.index.get(id);
    return i == null ? 0 : this.projectCount[i];
  }

  private cosine(a: number, b: number): number {
    if (!this.programmeNorm[a] || !this.programmeNorm[b]) return 0;
    let dot = 0;
    const [small, large] = this.programmeCounts[a].size <= this.programmeCounts[b].size ? [a, b] : [b, a];
    for (const [p, c] of this.programmeCounts[small]) dot += c * (this.programmeCounts[large].get(p) ?? 0);
    return dot / (this.programmeNorm[a] * this.programmeNorm[b]);
  }

  private sharedProgrammes(a: number, b: number): string[] {
    return [...this.programmeCounts[a].keys()]
      .filter((p) => this.programmeCounts[b].has(p))
      .sort(compareStrings);
  }

  /**
   * New partners for `id`, best first: partners of partners by resource allocation (each shared partner
   * passes on its tie strength divided by its total strength), blended with programme similarity.
   * Existing partners are left out.
   */
  suggest(id: string, k: number, options: NetworkOptions = {}): NetworkSuggestion[] {
    const u = this.index.get(id);
    if (u == null) return [];
    const programmeWeight = options.programmeWeight ?? 0.25;
    // Partners of u (and u itself) are marked so the inner loop skips them without a lookup.
    const generation = ++this.markGeneration;
    this.mark[u] = generation;
    for (let e = this.offsets[u]; e < this.offsets[u + 1]; e++) this.mark[this.neighbours[e]] = generation;
    const touched: number[] = [];
    for (let e = this.offsets[u]; e < this.offsets[u + 1]; e++) {
      const w = this.neighbours[e];
      const share = this.weights[e] / this.strength[w];
      for (let f = this.offsets[w]; f < this.offsets[w + 1]; f++) {
        const v = this.neighbours[f];
        if (this.mark[v] === generation) continue;
        if (this.sharedCount[v] === 0) touched.push(v);
        this.accumulated[v] += share * this.weights[f];
        this.sharedCount[v]++;
      }
    }
    const ra = new Map<number, number>();
    const shared = new Map<number, number>();
    for (const v of touched) {
      ra.set(v, this.accumulated[v]);
      shared.set(v, this.sharedCount[v]);
      this.accumulated[v] = 0;
      this.sharedCount[v] = 0;
    }
    let max = 0;
    for (const s of ra.values()) max = Math.max(max, s);
    // Only the best k are needed: keep them in a small sorted array instead of sorting every candidate.
    const top: { v: number; score: number }[] = [];
    const better = (a: { v: number; score: number }, b: { v: number; score: number }) =>
      a.score > b.score || (a.score === b.score && compareStrings(this.ids[a.v], this.ids[b.v]) < 0);
    for (const [v, s] of ra) {
      const score =
        (1 - programmeWeight) * (max > 0 ? s / max : 0) +
        (programmeWeight > 0 ? programmeWeight * this.cosine(u, v) : 0);
      const item = { v, score };
      if (top.length === k && !better(item, top[k - 1])) continue;
      let at = top.length;
      while (at > 0 && better(item, top[at - 1])) at--;
      top.splice(at, 0, item);
      if (top.length > k) top.pop();
    }
    const scored = top;
    // Evidence only for what is returned: the candidate set of a well-connected organisation is large.
    return scored.map(({ v, score }) => ({
      id: this.ids[v],
      score,
      evidence: {
        code: 'network.partners',
        params: { shared: shared.get(v) ?? 0, programmes: this.sharedProgrammes(u, v) },
      },
    }));
  }

  /** The network criterion for one pair, for use beside the other scoring functions. */
  pairScore(a: string, b: string): CriterionScore {
    const u = this.index.get(a);
    const v = this.index.get(b);
    if (u == null || v == null)
      return { score: 0, applicable: false, evidence: { code: 'network.unspecified', params: {} } };
    if (this.adjacency[u].has(v))
      return { score: 1, applicable: true, evidence: { code: 'network.past', params: {} } };
    let common = 0;
    for (const w of this.adjacency[u].keys()) if (this.adjacency[v].has(w)) common++;
    const programmes = this.sharedProgrammes(u, v);
    if (common > 0)
      return {
        score: Math.min(1, 0.5 + 0.1 * common),
        applicable: true,
        evidence: { code: 'network.partners', params: { shared: common, programmes } },
      };
    if (programmes.length)
      return {
        score: 0.3 * this.cosine(u, v),
        applicable: true,
        evidence: { code: 'network.programmes', params: { programmes } },
      };
    return { score: 0, applicable: true, evidence: { code: 'network.none', params: {} } };
  }
}
