import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { passesSubcontractingHard } from '../engine/hard.js';
import type { SubcontractingRequest } from '../engine/types.js';
import {
  CHAINS,
  generateLatentWorld,
  HARD_MISSES,
  SOFT_MISSES,
  trulyFits,
  type LatentWorld,
} from './latent-world.js';
import { baselineRankers, engineRanker, evaluateLatent, type Ranker } from './subcontracting-eval.js';

const here = dirname(fileURLToPath(import.meta.url));
const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/\b(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]/g)].map(
    (m) => m[1],
  );

const options = { requests: 16, background: 500 };
const world: LatentWorld = generateLatentWorld({ ...options, seed: 3 });

describe('latent-world evaluation set', () => {
  it('is written without any code of the engine, directly or through what it imports', () => {
    const imports = importsOf(join(here, 'latent-world.ts'));
    expect(imports.length).toBeGreaterThan(0);
    for (const i of imports) expect(['#directory/taxonomy', '#platform/random']).toContain(i);
    // The taxonomy it reads is the directory's vocabulary, which knows nothing of matchmaking.
    const taxonomy = resolve(here, '../../../directory/src/taxonomy');
    for (const f of readdirSync(taxonomy).filter((n) => n.endsWith('.ts') && !n.endsWith('.spec.ts')))
      for (const i of importsOf(join(taxonomy, f))) expect(i).not.toMatch(/matchmaking|engine/);
    // The seeded generator is the project's shared one, which imports nothing.
    expect(importsOf(resolve(here, '../../../platform/src/random.ts'))).toEqual([]);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateLatentWorld({ ...options, seed: 3 });
    expect(JSON.stringify(again.suppliers)).toBe(JSON.stringify(world.suppliers));
    expect(JSON.stringify(again.cases)).toBe(JSON.stringify(world.cases));
    const other = generateLatentWorld({ ...options, seed: 4 });
    expect(JSON.stringify(other.cases)).not.toBe(JSON.stringify(world.cases));
  });

  it('judges every supplier by the hidden facts, including those drawn for nothing in particular', () => {
    let background = 0;
    let otherRequests = 0;
    for (const c of world.cases) {
      const r = world.latent.requests.get(c.request.id)!;
      const relevant = new Set(c.relevant);
      for (const [id, s] of world.latent.suppliers) expect(relevant.has(id)).toBe(trulyFits(r, s));
      for (const id of c.relevant) {
        const role = world.roles.get(id)!;
        if (role.role === 'background') background++;
        else if (role.request !== c.request.id) otherRequests++;
      }
      for (const n of c.nearMisses) expect(relevant.has(n.id)).toBe(false);
    }
    expect(background).toBeGreaterThan(0);
    expect(otherRequests).toBeGreaterThan(0);
  });

  it('writes profiles with missing fields, several units and languages, and schemes without their base', () => {
    const caps = world.suppliers.flatMap((s) => s.capabilities);
    expect(new Set(caps.map((c) => c.capacityUnit))).toEqual(new Set(['tonnes', 'kg', 'pieces', null]));
    expect(world.suppliers.some((s) => s.sectors.length === 0)).toBe(true);
    expect(new Set(Object.values(world.texts).map((t) => t.lang))).toEqual(new Set(['ar', 'fr', 'en']));
    const schemes = CHAINS.filter((c) => c.scheme).map((c) => c.scheme!);
    expect(
      world.suppliers.some(
        (s) => s.certifications.some((c) => schemes.includes(c)) && !s.certifications.includes('ISO_9001'),
      ),
    ).toBe(true);
  });

  it('draws near misses for each hard criterion that the written profile fails, and soft misses that pass', () => {
    const kinds = new Set<string>();
    for (const c of world.cases)
      for (const n of c.nearMisses) {
        kinds.add(n.fails);
        const supplier = world.suppliers.find((s) => s.id === n.id)!;
        const passes = passesSubcontractingHard(c.request as SubcontractingRequest, supplier);
        if (HARD_MISSES.includes(n.fails)) expect(passes).toBe(false);
      }
    for (const k of ['miss-process', 'miss-certification', 'miss-material', 'miss-capacity'])
      expect(kinds.has(k)).toBe(true);
    expect(SOFT_MISSES.every((k) => kinds.has(k))).toBe(true);
  });
});

describe('an evaluation that can fail', () => {
  const engine = evaluateLatent(world, engineRanker());

  it('scores a deliberately broken scorer clearly lower than the engine', () => {
    // The engine's own order, reversed: same candidates, same hard filter, the worst first.
    const reversed: Ranker = (c, candidates, ctx) => [...engineRanker()(c, candidates, ctx)].reverse();
    const broken = evaluateLatent(world, reversed);
    expect(engine.ndcgAt10 - broken.ndcgAt10).toBeGreaterThan(0.15);
    expect(engine.precisionAt5).toBeGreaterThan(broken.precisionAt5);
  });

  it('puts the engine above a random order under the same hard filter, and never suggests a hard miss', () => {
    const random = evaluateLatent(world, baselineRankers()['random (hard filter)']);
    expect(engine.ndcgAt10).toBeGreaterThan(random.ndcgAt10);
    expect(engine.hardMissesSuggested).toBe(0);
    expect(random.hardMissesSuggested).toBe(0);
  });
});
