import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  evaluateFinancingWorld,
  financingRankers,
  FINANCING_ENGINE,
  type FinancingRanker,
} from './financing-eval.js';
import { generateFinancingWorld } from './financing-world.js';

const here = dirname(fileURLToPath(import.meta.url));
const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/\b(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]/g)].map(
    (m) => m[1],
  );

const world = generateFinancingWorld({ seed: 2 });
const rankers = financingRankers();

describe('financing evaluation world', () => {
  it('is written without any code of the engine', () => {
    expect(importsOf(join(here, 'financing-world.ts'))).toEqual(['#platform/random']);
  });

  it('is deterministic for a seed; every financier has fitting SMEs, a small share of all', () => {
    expect(JSON.stringify(generateFinancingWorld({ seed: 2 }).smes)).toBe(JSON.stringify(world.smes));
    expect(JSON.stringify(generateFinancingWorld({ seed: 3 }).smes)).not.toBe(JSON.stringify(world.smes));
    const sizes = world.criteria.map((c) => world.truth.get(c.id)!.size);
    expect(Math.min(...sizes)).toBeGreaterThan(0);
    expect(sizes.reduce((a, b) => a + b, 0) / sizes.length).toBeLessThan(world.smes.length / 10);
  });

  it('can fail: the engine beats random, and its own order reversed scores clearly lower', () => {
    const engine = evaluateFinancingWorld(world, rankers[FINANCING_ENGINE]);
    const random = evaluateFinancingWorld(world, rankers['random (hard filter)']);
    const reversed: FinancingRanker = (c, s, y) => [...rankers[FINANCING_ENGINE](c, s, y)].reverse();
    const backwards = evaluateFinancingWorld(world, reversed);
    expect(engine.ndcg10).toBeGreaterThan(random.ndcg10 + 0.1);
    expect(backwards.ndcg10).toBeLessThan(engine.ndcg10 - 0.1);
  });
});
