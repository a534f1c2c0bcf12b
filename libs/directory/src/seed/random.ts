/**
 * Deterministic pseudo-random numbers for the seed generator. No dependency and no global state:
 * every record gets its own generator derived from (seed, index), so record i is the same whether
 * it is generated alone, as part of the first 100 or as part of 50,000.
 */

/** murmur3's 32-bit finaliser: spreads nearby inputs (index 7 vs 8) over unrelated states. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Low and high 32-bit words of an integer, so seeds and indexes beyond 2^32 stay distinct. */
function words(n: number): [number, number] {
  const lo = n >>> 0;
  const hi = Math.floor(n / 4294967296) >>> 0;
  return [lo, hi];
}

/** sfc32 (Chris Doty-Humphrey's small fast counting generator): fast, and statistically sound for test data. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    // The first outputs of sfc32 still correlate with the raw state; discard them.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** A float between min and max, spread evenly on a log scale (amounts, capacities). */
  logBetween(min: number, max: number): number {
    return Math.exp(this.between(Math.log(min), Math.log(max)));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** One entry chosen with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** `k` distinct entries in random order (fewer if the list is shorter). */
  sample<T>(items: readonly T[], k: number): T[] {
    const pool = [...items];
    const n = Math.min(k, pool.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, n);
  }
}

/**
 * A weighted list prepared once (cumulative weights, binary search): the wilaya and country
 * tables are consulted for every record, so they are not re-summed each time.
 */
export class WeightedTable<T> {
  private readonly values: T[];
  private readonly cumulative: number[];

  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new RangeError('a weighted table needs entries');
    this.values = entries.map(([v]) => v);
    let sum = 0;
    this.cumulative = entries.map(([, w]) => (sum += w));
  }

  draw(rng: Rng): T {
    const r = rng.next() * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo];
  }
}

/** The generator of record `index` under `seed`; depends on nothing else. */
export function recordRng(seed: number, index: number): Rng {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(index) || index < 0)
    throw new RangeError(`index must be a non-negative integer, got ${index}`);
  const [seedLo, seedHi] = words(seed < 0 ? -seed : seed);
  const sign = seed < 0 ? 0x5bd1e995 : 0;
  const [indexLo, indexHi] = words(index);
  const a = fmix32(seedLo ^ 0x9e3779b9);
  const b = fmix32(a ^ seedHi ^ sign ^ 0x7f4a7c15);
  const c = fmix32(b ^ indexLo);
  const d = fmix32(c ^ indexHi ^ 0x165667b1);
  return new Rng(a, b, c, d);
}
