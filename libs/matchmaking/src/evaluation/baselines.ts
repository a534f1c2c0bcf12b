import { sectorWithAncestors } from '#directory/taxonomy';
import { compareStrings, hashString, seededRandom, shuffled } from '../engine/random.js';

/**
 * Baselines the engine is measured against in the same run. None of them applies hard criteria: they are
 * what a naive matcher would suggest.
 */

/** Candidates in a random order fixed by the seed. */
export function randomRanking(ids: readonly string[], seed: number): string[] {
  return shuffled([...ids].sort(compareStrings), seededRandom(seed));
}

/**
 * Same sector only: candidates sharing a wanted ISIC division first, then those sharing its section, then
 * the rest; each tier in a seeded random order, since sector alone says nothing more.
 */
export function sameSectorRanking(
  wanted: readonly string[],
  candidates: readonly { id: string; sectors: readonly string[] }[],
  seed: number,
): string[] {
  const sections = new Set(wanted.map((s) => sectorWithAncestors(s).at(-1)));
  const tier = (c: { sectors: readonly string[] }) =>
    c.sectors.some((s) => wanted.includes(s))
      ? 0
      : c.sectors.some((s) => sections.has(sectorWithAncestors(s).at(-1)))
        ? 1
        : 2;
  return [...candidates]
    .map((c) => ({ id: c.id, tier: tier(c), r: hashString(c.id, seed) }))
    .sort((a, b) => a.tier - b.tier || a.r - b.r || compareStrings(a.id, b.id))
    .map((c) => c.id);
}

/** Default tokenizer: lower case, letters and digits only. Callers pass the product's normaliser for a fairer baseline. */
export const simpleTokens = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 1);

/**
 * Text overlap scored with BM25 over the candidates' texts: a stand-in for a search engine's text
 * relevance, used where the real Meilisearch score is not available.
 */
export function textOverlapRanking(
  query: string,
  documents: readonly { id: string; text: string }[],
  tokenize: (text: string) => string[] = simpleTokens,
): string[] {
  const docs = documents.map((d) => ({ id: d.id, tokens: tokenize(d.text) }));
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d.tokens)) df.set(t, (df.get(t) ?? 0) + 1);
  const avg = docs.reduce((s, d) => s + d.tokens.length, 0) / Math.max(1, docs.length);
  const q = [...new Set(tokenize(query))];
  const k1 = 1.2;
  const b = 0.75;
  const scored = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const t of d.tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    let score = 0;
    for (const t of q) {
      const f = tf.get(t);
      if (!f) continue;
      const n = df.get(t) ?? 0;
      const idf = Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
      score += (idf * f * (k1 + 1)) / (f + k1 * (1 - b + (b * d.tokens.length) / avg));
    }
    return { id: d.id, score };
  });
  return scored.sort((a, b2) => b2.score - a.score || compareStrings(a.id, b2.id)).map((s) => s.id);
}
