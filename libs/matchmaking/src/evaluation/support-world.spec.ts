import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateSupportWorld, supportRankers, SUPPORT_ENGINE, type SupportRanker } from './support-eval.js';
import { generateSupportWorld } from './support-world.js';

const here = dirname(fileURLToPath(import.meta.url));
const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/\b(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]/g)].map(
    (m) => m[1],
  );

const world = generateSupportWorld({ seed: 4 });
const rankers = supportRankers();

describe('support evaluation world', () => {
  it('is written without any code of the engine', () => {
    expect(importsOf(join(here, 'support-world.ts'))).toEqual(['#platform/random']);
  });

  it('is deterministic for a seed; most SMEs have a fitting institution, among a minority of them', () => {
    expect(JSON.stringify(generateSupportWorld({ seed: 4 }).smes)).toBe(JSON.stringify(world.smes));
    const sizes = world.smes.map((s) => world.truth.get(s.id)!.size);
    const institutions = new Set(world.programmes.map((p) => p.institutionId)).size;
    expect(sizes.filter((n) => n > 0).length).toBeGreaterThan(world.smes.length * 0.8);
    expect(sizes.reduce((a, b) => a + b, 0) / sizes.length).toBeLessThan(institutions / 3);
  });

  it('can fail: the engine beats random, and its own order reversed scores clearly lower', () => {
    const engine = evaluateSupportWorld(world, rankers[SUPPORT_ENGINE]);
    const random = evaluateSupportWorld(world, rankers['random (hard filter)']);
    const reversed: SupportRanker = (s, p, w) => [...rankers[SUPPORT_ENGINE](s, p, w)].reverse();
    const backwards = evaluateSupportWorld(world, reversed);
    expect(engine.ndcg10).toBeGreaterThan(random.ndcg10 + 0.1);
    expect(backwards.ndcg10).toBeLessThan(engine.ndcg10 - 0.1);
  });
});
