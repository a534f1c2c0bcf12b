import { PROCESSES, type ProcessCode } from '#directory/taxonomy';
import {
  isRejection,
  rankRequestsForSupplier,
  rankSuppliers,
  scoreSubcontracting,
  type SubcontractingOptions,
} from '#matchmaking/engine';
import type { MatchResult, OrgProfile, SubcontractingRequest } from '#matchmaking/engine';
import { seededRandom } from '#platform/random';
import { table } from './stats.js';

const say = (s = '') => process.stdout.write(`${s}\n`);

/**
 * The subcontracting rankings as the suggestions call them (400 candidate suppliers per request,
 * 150 open requests per supplier, the top 20 kept), against the baseline of the same run: every pair scored in full with `scoreSubcontracting`
 * (criteria and reasons built for each), then ranked and cut, as the rankings did before they built
 * reasons for the kept results only. Generated data (seed 7), the engine alone: CPU per ranking.
 */
export function subcontractingRankingBench(): Record<string, unknown> {
  const asking = 40;
  const rounds = Number(process.env.RANKING_ROUNDS ?? 20);
  const rng = seededRandom(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
  const processes = PROCESSES.slice(0, 12) as ProcessCode[];
  const materials = ['acier', 'steel', 'aluminium', 'pvc', 'bois', 'fonte', 'cuivre', 'فولاذ', 'laiton'];
  const sectors = ['25', '28', '29', '22', 'C', '10'];
  const base = (id: string): OrgProfile => ({
    id,
    kind: 'SME',
    country: pick(['DZ', 'DZ', 'DZ', 'TN', 'FR']),
    regionCode: pick(['DZ-16', 'DZ-09', 'DZ-31', null]),
    sectors: [pick(sectors), pick(sectors)],
    capabilities: Array.from({ length: 1 + Math.floor(rng() * 3) }, () => ({
      process: pick(processes),
      materials: [pick(materials), pick(materials)],
      monthlyCapacity: rng() < 0.8 ? Math.round(10 ** (rng() * 4)) : null,
      capacityUnit: pick(['t', 'kg', 'tonnes', null]),
    })),
    certifications: rng() < 0.3 ? ['ISO_9001'] : [],
    languages: rng() < 0.8 ? ['ar', 'fr'] : ['en'],
    feedback: rng() < 0.3 ? { accepted: 2, dismissed: 0, notRelevant: 2 } : null,
  });
  const suppliers = Array.from({ length: 400 }, (_, i) => base(`supplier-${i}`));
  const requests: SubcontractingRequest[] = Array.from({ length: 150 }, (_, i) => ({
    id: `request-${i}`,
    requesterId: `buyer-${i}`,
    country: 'DZ',
    regionCode: pick(['DZ-16', 'DZ-09']),
    processes: [pick(processes), pick(processes)],
    requiredProcesses: [],
    sectors: [pick(sectors)],
    materials: [pick(materials)],
    volume: Math.round(10 ** (rng() * 3)),
    volumeUnit: 't',
    requiredCertifications: [],
    preferredCertifications: rng() < 0.5 ? ['ISO_9001'] : [],
    countries: [],
    regionCodes: [],
    preferredRegionCodes: rng() < 0.3 ? ['DZ-31'] : [],
    languages: ['fr'],
  }));
  const options: SubcontractingOptions = { limit: 20 };
  const byScore = (a: MatchResult, b: MatchResult) =>
    Math.round((b.score - a.score) * 1e9) ||
    Math.round((b.forward - a.forward) * 1e9) ||
    (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0);
  const fullTop = (outcomes: ReturnType<typeof scoreSubcontracting>[]) =>
    outcomes
      .filter((r): r is MatchResult => !isRejection(r) && r.score >= 0.05)
      .sort(byScore)
      .slice(0, 20);
  const paths: Record<string, { label: string; run: () => string[] }> = {
    fullSuppliers: {
      label: 'suppliers for a request: every pair in full (baseline)',
      run: () =>
        requests
          .slice(0, asking)
          .flatMap((r) => fullTop(suppliers.map((s) => scoreSubcontracting(r, s, options))))
          .map(id),
    },
    lazySuppliers: {
      label: 'suppliers for a request: rankSuppliers',
      run: () =>
        requests
          .slice(0, asking)
          .flatMap((r) => rankSuppliers(r, suppliers, options).results)
          .map(id),
    },
    fullRequests: {
      label: 'requests for a supplier: every pair in full (baseline)',
      run: () =>
        suppliers
          .slice(0, 100)
          .flatMap((s) =>
            fullTop(requests.map((r) => ({ ...scoreSubcontracting(r, s, options), candidateId: r.id }))),
          )
          .map(id),
    },
    lazyRequests: {
      label: 'requests for a supplier: rankRequestsForSupplier',
      run: () =>
        suppliers
          .slice(0, 100)
          .flatMap((s) => rankRequestsForSupplier(s, requests, options).results)
          .map(id),
    },
  };
  // Warm-up, and the check that both paths keep the same candidates in the same order.
  const same =
    paths.fullSuppliers.run().join() === paths.lazySuppliers.run().join() &&
    paths.fullRequests.run().join() === paths.lazyRequests.run().join();
  const cpu: Record<string, number> = Object.fromEntries(Object.keys(paths).map((k) => [k, 0]));
  // Alternated round by round, so the machine's other work weighs on both paths alike.
  for (let i = 0; i < rounds; i++)
    for (const [k, p] of Object.entries(paths)) {
      const t0 = process.cpuUsage();
      p.run();
      const t = process.cpuUsage(t0);
      cpu[k] += (t.user + t.system) / 1000;
    }
  const perRanking = (k: string) => cpu[k] / rounds / (k.endsWith('Suppliers') ? asking : 100);
  const rows = Object.entries(paths).map(([k, p]) => ({
    path: p.label,
    'CPU ms per ranking': perRanking(k).toFixed(3),
    'vs baseline': `${(perRanking(k) / perRanking(k.endsWith('Suppliers') ? 'fullSuppliers' : 'fullRequests')).toFixed(2)}x`,
  }));
  say(`subcontracting rankings, ${rounds} rounds, same results: ${same}`);
  say(table(rows));
  return { rounds, same, rows };
}

const id = (r: MatchResult) => r.candidateId;
