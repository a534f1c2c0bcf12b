import { compareStrings } from './random.js';
import type { CriterionScore } from './types.js';

/**
 * Past collaboration as a matchmaking criterion. Links come from meetings held (or carried further)
 * at forum editions, accepted contact requests and declared or imported collaboration histories.
 * A pair that already worked together scores 1; otherwise partners of partners score through the
 * partners they share (Adamic–Adar: a shared partner with few links says more than a hub), and the
 * reason names the strongest shared partner. A viewer sees the links it is part of and the public
 * ones (declared histories); a shared partner counts only when both of its links are visible to the
 * viewer, so a reason never reveals a meeting or a contact between two other organisations.
 */

export type LinkSource = 'MEETING' | 'CONTACT' | 'HISTORY';

export interface CollaborationLink {
  a: string;
  b: string;
  source: LinkSource;
  year: number | null;
  /** Declared histories are public; meetings and contacts are known to their two parties only. */
  public: boolean;
  /** MEETING: the forum edition it was held at. */
  editionId?: string | null;
}

/** Names of organisations for reasons, in the three languages. */
export type PartnerNames = ReadonlyMap<string, { ar: string | null; fr: string | null; en: string | null }>;

/** Partners-of-partners credit at which the score saturates (two shared partners of degree 2 or so). */
export const SHARED_SATURATION = 2;
/** Highest score a pair reaches without having worked together. */
export const SHARED_CAP = 0.8;

interface Edge {
  source: LinkSource;
  year: number | null;
  public: boolean;
  editionId: string | null;
}

export class CollaborationIndex {
  private readonly edges = new Map<string, Map<string, Edge[]>>();

  constructor(links: Iterable<CollaborationLink>) {
    for (const l of links) {
      if (l.a === l.b) continue;
      this.add(l.a, l.b, l);
      this.add(l.b, l.a, l);
    }
  }

  private add(from: string, to: string, l: CollaborationLink) {
    const row = this.edges.get(from) ?? this.edges.set(from, new Map()).get(from)!;
    (row.get(to) ?? row.set(to, []).get(to)!).push({
      source: l.source,
      year: l.year,
      public: l.public,
      editionId: l.editionId ?? null,
    });
  }

  /** Whether the viewer has any link at all: without one the criterion does not apply. */
  hasLinks(viewer: string): boolean {
    return (this.edges.get(viewer)?.size ?? 0) > 0;
  }

  private visible(viewer: string, x: string, y: string, exceptEdition: string | null): Edge[] {
    const all = (this.edges.get(x)?.get(y) ?? []).filter(
      (e) => exceptEdition == null || e.editionId !== exceptEdition,
    );
    return x === viewer || y === viewer ? all : all.filter((e) => e.public);
  }

  private degree(x: string): number {
    return this.edges.get(x)?.size ?? 0;
  }

  /**
   * The criterion for `candidate` as seen by `viewer`; `exceptEdition` leaves out the meetings of
   * that forum edition (meeting suggestions count earlier editions only).
   */
  score(
    viewer: string,
    candidate: string,
    names: PartnerNames = new Map(),
    exceptEdition: string | null = null,
  ): CriterionScore {
    if (!this.hasLinks(viewer))
      return { score: 0, applicable: false, evidence: { code: 'collaboration.unspecified', params: {} } };
    const direct = this.visible(viewer, viewer, candidate, exceptEdition);
    if (direct.length) {
      const latest = [...direct].sort((p, q) => (q.year ?? 0) - (p.year ?? 0))[0];
      return {
        score: 1,
        applicable: true,
        evidence: {
          code: 'collaboration.direct',
          params: { sources: [...new Set(direct.map((e) => e.source))].sort(), year: latest.year },
        },
      };
    }
    const shared: { id: string; weight: number }[] = [];
    for (const p of this.edges.get(viewer)?.keys() ?? []) {
      if (p === candidate) continue;
      if (!this.visible(viewer, viewer, p, exceptEdition).length) continue;
      if (!this.visible(viewer, p, candidate, exceptEdition).length) continue;
      shared.push({ id: p, weight: 1 / Math.log(1 + Math.max(2, this.degree(p))) });
    }
    if (!shared.length)
      return { score: 0, applicable: true, evidence: { code: 'collaboration.none', params: {} } };
    shared.sort((x, y) => y.weight - x.weight || compareStrings(x.id, y.id));
    const credit = shared.reduce((s, x) => s + x.weight, 0);
    const top = shared[0].id;
    const name = names.get(top);
    return {
      score: SHARED_CAP * Math.min(1, credit / SHARED_SATURATION),
      applicable: true,
      evidence: {
        code: 'collaboration.shared',
        params: {
          partner: top,
          partner_ar: name?.ar ?? null,
          partner_fr: name?.fr ?? null,
          partner_en: name?.en ?? null,
          shared: shared.length,
        },
      },
    };
  }

  /** Partners the viewer may name in reasons: its own, for loading their names. */
  partnersOf(viewer: string): string[] {
    return [...(this.edges.get(viewer)?.keys() ?? [])].sort(compareStrings);
  }
}
