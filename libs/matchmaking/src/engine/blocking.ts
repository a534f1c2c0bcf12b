import {
  PROCESS_FAMILY,
  sectorWithAncestors,
  type OrganizationKind,
  type ProcessCode,
} from '#directory/taxonomy';
import { coveredCertifications, holdsCertification } from './certifications.js';
import { DEFAULT_SUPPLIER_KINDS, passesSubcontractingHard } from './hard.js';
import { compareStrings, hashString } from './random.js';
import { canonicalMaterial } from './materials.js';
import { feedbackScore, isArabLeague } from './scoring.js';
import type { OrgProfile, SubcontractingRequest } from './types.js';

/** Half-decade bands of monthly capacity, the granularity of a numeric range filter on capacity. */
export const capacityBand = (capacity: number): number => Math.floor(2 * Math.log10(Math.max(1, capacity)));

const isDivision = (code: string): boolean => sectorWithAncestors(code).length === 2;

/**
 * Candidate selection before scoring: the in-memory counterpart of the filtered, limited search query the
 * product sends to Meilisearch. Suppliers are bucketed by process, sector, place, capacity band, material
 * and certification. A request reads buckets from the most specific (its process in its wilaya) to the
 * broadest, drops candidates that fail a hard criterion, collects at most `pool` of them and keeps the
 * `limit` best by a cheap count of matching facts. The work per request is bounded by `pool`, not by the
 * number of organisations, so a full recompute grows linearly.
 */
export class CandidateIndex {
  private readonly organisations: OrgProfile[] = [];
  private readonly buckets = new Map<string, number[]>();
  /** Per-organisation stamp of the last selection that saw it: a reusable "seen" set. */
  private readonly stamp: Uint32Array;
  private generation = 0;

  constructor(
    organisations: Iterable<OrgProfile>,
    private readonly supplierKinds: readonly OrganizationKind[] = DEFAULT_SUPPLIER_KINDS,
  ) {
    for (const o of organisations) {
      if (!supplierKinds.includes(o.kind)) continue;
      const i = this.organisations.push(o) - 1;
      for (const k of keysOf(o)) (this.buckets.get(k) ?? this.buckets.set(k, []).get(k)!).push(i);
    }
    this.stamp = new Uint32Array(this.organisations.length);
    // Within a bucket, better-received suppliers come first; a hash of the id breaks ties without favouring old ids.
    const prior = this.organisations.map((o) => feedbackScore(o.feedback).score);
    const tie = this.organisations.map((o) => hashString(o.id));
    for (const list of this.buckets.values())
      list.sort(
        (a, b) =>
          prior[b] - prior[a] ||
          tie[a] - tie[b] ||
          compareStrings(this.organisations[a].id, this.organisations[b].id),
      );
  }

  get size(): number {
    return this.organisations.length;
  }

  private bucket(key: string): readonly number[] {
    return this.buckets.get(key) ?? [];
  }

  /** Keys from the most specific to the broadest; each inner list is one tier. */
  private tiers(request: SubcontractingRequest): string[][] {
    const required = request.requiredProcesses.length > 0;
    const processes: readonly ProcessCode[] = required ? request.requiredProcesses : request.processes;
    const places = request.regionCodes.length ? request.regionCodes : [request.regionCode ?? request.country];
    const countries = request.countries.length ? request.countries : [request.country];
    const divisions = request.sectors.filter(isDivision);
    const anywhere = request.countries.length === 0 && request.regionCodes.length === 0;
    // A required certification is a filter: read only buckets of holders (of the rarest one, when several).
    const certs = request.requiredCertifications;
    const cert = certs.length
      ? `|k|${certs.reduce((a, b) => (this.bucket(`k|${b}`).length < this.bucket(`k|${a}`).length ? b : a))}`
      : '';
    // With required processes every valid candidate sits in the bucket of each of them: read the smallest.
    const narrow = (keysOf: (p: ProcessCode) => string): string[] => {
      const keys = processes.map(keysOf);
      if (!required) return keys;
      return [keys.reduce((a, b) => (this.bucket(b).length < this.bucket(a).length ? b : a))];
    };
    const tiers: string[][] = [];
    for (const place of places) tiers.push(narrow((p) => `p|${p}|r|${place}${cert}`));
    if (!cert) {
      // Capacities from the volume up to ten times it score fully on both capacity and order size.
      const bands: number[] = [];
      if (request.volume != null && request.volume > 0)
        for (let b = capacityBand(request.volume); b <= capacityBand(request.volume * 10); b++) bands.push(b);
      const materials = [...new Set(request.materials.map(canonicalMaterial))];
      for (const c of countries)
        for (const d of divisions)
          for (const b of bands) {
            for (const m of materials) tiers.push(narrow((p) => `p|${p}|d|${d}|c|${c}|b|${b}|m|${m}`));
            tiers.push(narrow((p) => `p|${p}|d|${d}|c|${c}|b|${b}`));
          }
      for (const c of countries) for (const b of bands) tiers.push(narrow((p) => `p|${p}|c|${c}|b|${b}`));
    }
    for (const c of countries)
      for (const d of divisions) tiers.push(narrow((p) => `p|${p}|d|${d}|c|${c}${cert}`));
    for (const c of countries) tiers.push(narrow((p) => `p|${p}|c|${c}${cert}`));
    if (anywhere) {
      // Elsewhere in the Arab region before the rest of the world, as the distance criterion ranks them.
      tiers.push(narrow((p) => `p|${p}|arab${cert}`));
      tiers.push(narrow((p) => `p|${p}${cert}`));
    }
    if (!required) {
      const families = [...new Set(request.processes.map((p) => PROCESS_FAMILY[p]))];
      for (const c of countries)
        tiers.push([...families.map((f) => `f|${f}|c|${c}`), ...divisions.map((d) => `d|${d}|c|${c}`)]);
      if (anywhere) tiers.push([...families.map((f) => `f|${f}`), ...divisions.map((d) => `d|${d}`)]);
    }
    return tiers;
  }

  /**
   * At most `limit` candidates that pass the hard criteria. Up to `pool` of them are read, most specific
   * buckets first, and when more than `limit` are found a cheap count of matching facts keeps the best:
   * the same two steps as a filtered search with ranking rules and a limit.
   */
  select(request: SubcontractingRequest, limit = 200, pool = limit * 5, maxScan = pool * 4): OrgProfile[] {
    const generation = ++this.generation;
    const found: OrgProfile[] = [];
    let scanned = 0;
    outer: for (const tier of this.tiers(request)) {
      for (const key of tier) {
        for (const i of this.bucket(key)) {
          if (found.length >= pool || scanned >= maxScan) break outer;
          if (this.stamp[i] === generation) continue;
          this.stamp[i] = generation;
          scanned++;
          const o = this.organisations[i];
          if (passesSubcontractingHard(request, o, this.supplierKinds)) found.push(o);
        }
      }
    }
    if (found.length <= limit) return found;
    const facts = requestFacts(request);
    const ranked = found.map((o, i) => ({ o, i, s: preScore(facts, o) }));
    // Ties keep bucket order, which is already the most specific first.
    ranked.sort((a, b) => b.s - a.s || a.i - b.i);
    return ranked.slice(0, limit).map((r) => r.o);
  }
}

function keysOf(o: OrgProfile): Set<string> {
  const place = o.regionCode ?? o.country;
  const divisions = o.sectors.filter(isDivision);
  const arab = isArabLeague(o.country);
  const keys = new Set<string>();
  // Keys a certification filter can narrow: each also exists once per certification held.
  const filtered = new Set<string>();
  for (const { process: p, monthlyCapacity, materials } of o.capabilities) {
    filtered.add(`p|${p}|r|${place}`);
    filtered.add(`p|${p}|c|${o.country}`);
    filtered.add(`p|${p}`);
    if (arab) filtered.add(`p|${p}|arab`);
    for (const d of divisions) filtered.add(`p|${p}|d|${d}|c|${o.country}`);
    if (monthlyCapacity != null && monthlyCapacity > 0) {
      const band = capacityBand(monthlyCapacity);
      keys.add(`p|${p}|c|${o.country}|b|${band}`);
      for (const d of divisions) {
        keys.add(`p|${p}|d|${d}|c|${o.country}|b|${band}`);
        for (const m of materials)
          keys.add(`p|${p}|d|${d}|c|${o.country}|b|${band}|m|${canonicalMaterial(m)}`);
      }
    }
    keys.add(`f|${PROCESS_FAMILY[p]}|c|${o.country}`);
    keys.add(`f|${PROCESS_FAMILY[p]}`);
  }
  for (const d of divisions) {
    keys.add(`d|${d}|c|${o.country}`);
    keys.add(`d|${d}`);
  }
  // A larger scheme opens the buckets of the ones it includes, as it meets their requirement.
  const certifications = coveredCertifications(o.certifications);
  for (const k of filtered) {
    keys.add(k);
    for (const c of certifications) keys.add(`${k}|k|${c}`);
  }
  for (const c of certifications) keys.add(`k|${c}`);
  return keys;
}

interface RequestFacts {
  request: SubcontractingRequest;
  materials: Set<string>;
  arab: boolean;
}

const requestFacts = (request: SubcontractingRequest): RequestFacts => ({
  request,
  materials: new Set(request.materials.map(canonicalMaterial)),
  arab: isArabLeague(request.country),
});

/** A rough, allocation-free echo of the weighted score, to choose which candidates get scored in full. */
function preScore({ request, materials, arab }: RequestFacts, o: OrgProfile): number {
  let s = 0;
  if (o.country === request.country) s += o.regionCode && o.regionCode === request.regionCode ? 3 : 2;
  else if (arab && isArabLeague(o.country)) s += 1;
  if (request.sectors.some((d) => o.sectors.includes(d))) s += 2;
  let capacity = 0;
  let matched = 0;
  for (const c of o.capabilities) {
    if (!request.processes.includes(c.process)) continue;
    capacity += c.monthlyCapacity ?? 0;
    for (const m of c.materials) if (materials.has(canonicalMaterial(m))) matched++;
  }
  if (request.volume != null && capacity > 0) {
    if (capacity >= request.volume && capacity <= request.volume * 10) s += 2;
    else if (capacity >= request.volume / 2) s += 1;
  }
  if (materials.size) s += (2 * Math.min(matched, materials.size)) / materials.size;
  if (request.languages.some((l) => o.languages.includes(l))) s += 1;
  if (o.capabilities.length && request.processes.includes(o.capabilities[0].process)) s += 1;
  for (const c of request.preferredCertifications ?? [])
    if (holdsCertification(o.certifications, c)) s += 0.5;
  return s + feedbackScore(o.feedback).score;
}
