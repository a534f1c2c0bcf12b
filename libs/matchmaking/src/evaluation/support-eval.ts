import { compareStrings, hashString } from '../engine/random.js';
import {
  rankProgrammesForSme,
  stageOf,
  type SupportProgramme,
  type SupportSignals,
} from '../engine/support.js';
import type { OrgProfile } from '../engine/types.js';
import { ndcgAt, precisionAt, recallAt } from './metrics.js';
import { spread, type Spread } from './subcontracting-eval.js';
import {
  generateSupportWorld,
  type SupportWorld,
  type WrittenProgramme,
  type WrittenSme,
} from './support-world.js';

/**
 * Support suggestions on the support world: the engine against baselines that get the same written
 * profiles and the same hard filter (country, reserved wilayas, the stage read from the founding year).
 */

export type SupportRanker = (
  sme: WrittenSme,
  programmes: readonly WrittenProgramme[],
  world: SupportWorld,
) => string[];

export const asProfile = (s: WrittenSme): OrgProfile => ({
  id: s.id,
  kind: 'SME',
  country: s.country,
  regionCode: s.regionCode,
  sectors: s.sectors,
  capabilities: [],
  certifications: s.certifications,
  languages: [],
  foundedYear: s.foundedYear,
  stage: null,
  innovation: {
    rdActivity: s.rdActivity,
    patents: s.patents,
    utilityModels: 0,
    trademarks: 0,
    industrialDesigns: 0,
  },
});

const asSignals = (s: WrittenSme): SupportSignals => ({
  opportunityTypes: s.opportunityTypes as SupportSignals['opportunityTypes'],
  targetCertifications: s.targetCertifications,
});

const asProgramme = (p: WrittenProgramme): SupportProgramme => ({
  ...p,
  name: { ar: null, fr: `${p.institutionId}/${p.index}`, en: null },
});

/** The hard filter every ranker applies: what the written profile says about eligibility. */
export function eligible(p: WrittenProgramme, s: WrittenSme, asOfYear: number): boolean {
  const stage = stageOf({ stage: null, foundedYear: s.foundedYear }, asOfYear);
  return (
    p.country === s.country &&
    (!p.reserved || (s.regionCode != null && p.regionCodes.includes(s.regionCode))) &&
    (!p.stages.length || !stage || p.stages.includes(stage))
  );
}

/** Institutions ranked by the best of their eligible programmes under `score`; ties by a seeded hash. */
function byInstitution(
  s: WrittenSme,
  programmes: readonly WrittenProgramme[],
  asOfYear: number,
  score: (p: WrittenProgramme) => number,
): string[] {
  const best = new Map<string, number>();
  for (const p of programmes)
    if (eligible(p, s, asOfYear))
      best.set(p.institutionId, Math.max(best.get(p.institutionId) ?? -1, score(p)));
  const tie = (id: string) => hashString(`${s.id}|${id}`);
  return [...best.entries()]
    .sort((a, b) => b[1] - a[1] || tie(a[0]) - tie(b[0]) || compareStrings(a[0], b[0]))
    .map(([id]) => id);
}

const sharesSector = (p: WrittenProgramme, s: WrittenSme) => p.sectors.some((x) => s.sectors.includes(x));

export const SUPPORT_ENGINE = 'engine';

export function supportRankers(): Record<string, SupportRanker> {
  return {
    [SUPPORT_ENGINE]: (s, programmes, world) =>
      rankProgrammesForSme(asProfile(s), asSignals(s), programmes.map(asProgramme), {
        asOfYear: world.asOfYear,
      }).map((r) => r.candidateId),
    'random (hard filter)': (s, programmes, world) => byInstitution(s, programmes, world.asOfYear, () => 0),
    'same sector (hard filter)': (s, programmes, world) =>
      byInstitution(s, programmes, world.asOfYear, (p) => (sharesSector(p, s) ? 1 : 0)),
    'sector + place + free (hard filter)': (s, programmes, world) =>
      byInstitution(
        s,
        programmes,
        world.asOfYear,
        (p) =>
          (sharesSector(p, s) ? 1 : 0) +
          (s.regionCode && (p.regionCodes.includes(s.regionCode) || p.regionCode === s.regionCode)
            ? 0.5
            : 0) +
          (p.cost === 'FREE' ? 0.25 : 0),
      ),
  };
}

export interface SupportScores {
  p5: number;
  r10: number;
  ndcg10: number;
  /** SMEs with at least one truly fitting institution, over which the means are taken. */
  judged: number;
}

export function evaluateSupportWorld(world: SupportWorld, rank: SupportRanker): SupportScores {
  const p5: number[] = [];
  const r10: number[] = [];
  const ndcg: number[] = [];
  for (const s of world.smes) {
    const gains = world.truth.get(s.id)!;
    if (!gains.size) continue;
    const relevant = new Set(gains.keys());
    const ranked = rank(s, world.programmes, world);
    p5.push(precisionAt(ranked, relevant, 5));
    r10.push(recallAt(ranked, relevant, 10));
    ndcg.push(ndcgAt(ranked, gains, 10));
  }
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return { p5: avg(p5), r10: avg(r10), ndcg10: avg(ndcg), judged: p5.length };
}

export interface SupportEvaluation {
  seeds: number[];
  smes: number;
  institutions: number;
  methods: Record<string, { p5: Spread; r10: Spread; ndcg10: Spread }>;
}

/** Every ranker on the support world of each seed; mean and spread over seeds. */
export function evaluateSupportOverSeeds(seeds: readonly number[] = [1, 2, 3, 4, 5]): SupportEvaluation {
  const rankers = supportRankers();
  const per: Record<string, SupportScores[]> = {};
  let smes = 0;
  let institutions = 0;
  for (const seed of seeds) {
    const world = generateSupportWorld({ seed });
    smes = world.smes.length;
    institutions = new Set(world.programmes.map((p) => p.institutionId)).size;
    for (const [name, rank] of Object.entries(rankers))
      (per[name] ??= []).push(evaluateSupportWorld(world, rank));
  }
  const methods: SupportEvaluation['methods'] = {};
  for (const [name, scores] of Object.entries(per))
    methods[name] = {
      p5: spread(scores.map((s) => s.p5)),
      r10: spread(scores.map((s) => s.r10)),
      ndcg10: spread(scores.map((s) => s.ndcg10)),
    };
  return { seeds: [...seeds], smes, institutions, methods };
}
