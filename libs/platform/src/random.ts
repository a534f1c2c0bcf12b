/*
 * The project's one seeded random generator, for everything that must be reproducible from a
 * seed: the scheduler's searches, tie shuffles and Louvain in matchmaking, the evaluation's
 * generated worlds, demo data. Pure: no Nest, no database.
 */

/** Mulberry32: a tiny 32-bit generator, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The same generator with helpers; seed 0 is replaced by a fixed non-zero seed. */
export class Rng {
  readonly next: () => number;
  constructor(seed = 1) {
    this.next = seededRandom(seed >>> 0 || 0x9e3779b9);
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  /** Shuffles `xs` in place (Fisher–Yates) and returns it. */
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  }
}
