import DataLoader from 'dataloader';
import type { Meilisearch, MultiSearchQuery } from 'meilisearch';
import { EMPLOYEE_BANDS, PROCESS_FAMILY, sectorWithAncestors, type ProcessCode } from '#directory/taxonomy';
import { indexNames, normaliseQuery } from '#search';
import { certificationsMeeting } from '../engine/certifications.js';
import { EUR_PER_UNIT, stagesForAge, toEur } from '../engine/scoring.js';
import type { FinancierCriteria, OrgProfile, SubcontractingRequest } from '../engine/types.js';

/**
 * Candidate selection through Meilisearch: hard criteria become filters, and a few tiers of
 * filtered queries (most specific first: the wanted process in the same wilaya, then the country,
 * then anywhere, then the process family or sector) plus one text query under the same hard filter
 * collect a bounded pool. Only that pool is loaded from Postgres and scored, so the work per
 * organisation does not grow with the directory.
 *
 * Filter values are taxonomy codes and ids read from Postgres (validated on write), quoted with
 * JSON.stringify; no client text reaches the filter syntax. The text query is normalised like search.
 */

const q = (v: string) => JSON.stringify(v);
const anyOf = (field: string, values: readonly string[]) => `${field} IN [${values.map(q).join(', ')}]`;
const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];
const familiesOf = (processes: readonly ProcessCode[]) =>
  uniq(processes.map((p) => PROCESS_FAMILY[p]).filter(Boolean));

/** Hits per tier; the pool is their union. */
export const TIER_LIMIT = 150;
/** At most this many candidates are loaded and scored per request or criteria. */
export const POOL_LIMIT = 400;
const MAX_TEXT = 200;
/** Queries sent in one multi-search request by the batching selector. */
const MULTI_SEARCH_BATCH = 6;
/** Multi-search requests one batching selector has in flight at once. */
const MULTI_SEARCH_IN_FLIGHT = 4;

/**
 * Filter atoms for the facts of an SME that a financier's public terms can match, each true where the
 * financing score gives full credit (a criterion the terms leave open counts as met).
 */
function financierFacts(sme: OrgProfile, asOfYear: number): string[] {
  const facts: string[] = [];
  if (sme.sectors.length) {
    const own = uniq(sme.sectors);
    facts.push(`(target_sectors IS EMPTY OR ${anyOf('target_sectors', own)})`);
    const wider = uniq(own.flatMap((s) => sectorWithAncestors(s)));
    if (wider.length > own.length)
      facts.push(`(target_sectors IS EMPTY OR ${anyOf('target_sectors', wider)})`);
  }
  const stages = sme.stage
    ? [sme.stage]
    : sme.foundedYear != null
      ? stagesForAge(Math.max(0, asOfYear - sme.foundedYear))
      : [];
  if (stages.length) facts.push(`(stages IS EMPTY OR ${anyOf('stages', stages)})`);
  const instruments = uniq(sme.financingNeed?.instruments ?? []);
  if (instruments.length) facts.push(anyOf('instruments', instruments));
  const need = sme.financingNeed;
  const eur = need?.amount != null && need.amount > 0 ? toEur(need.amount, need.currency) : null;
  if (eur != null) {
    // A bound left open admits any amount; terms with no band at all leave the ticket unjudged.
    const bands = Object.entries(EUR_PER_UNIT).map(([currency, rate]) => {
      const amount = Math.round(eur / rate);
      return `(ticket_currency = ${q(currency)} AND (ticket_min IS NULL OR ticket_min <= ${amount}) AND (ticket_max IS NULL OR ticket_max >= ${amount}))`;
    });
    facts.push(`((ticket_min IS NULL AND ticket_max IS NULL) OR ${bands.join(' OR ')})`);
  }
  return facts;
}

/**
 * Filter atoms for the facts of a request that a supplier in a tier may match beyond the tier's own
 * filter, each weighed by the subcontracting score: its sector (any of them), each preferred
 * certification (or a scheme that includes it).
 */
function supplierFacts(request: SubcontractingRequest): string[] {
  const facts: string[] = [];
  if (request.sectors.length) facts.push(anyOf('sectors', uniq(request.sectors)));
  for (const c of uniq(request.preferredCertifications ?? []))
    facts.push(anyOf('certifications', certificationsMeeting(c)));
  return facts;
}

/** A filter true where at least `n` of `atoms` hold: the disjunction of every n-atom conjunction. */
function anyOfConjunctions(atoms: readonly string[], n: number): string {
  const out: string[] = [];
  const pick = (from: number, chosen: string[]) => {
    if (chosen.length === n) {
      out.push(chosen.length > 1 ? `(${chosen.join(' AND ')})` : chosen[0]);
      return;
    }
    for (let i = from; i <= atoms.length - (n - chosen.length); i++) pick(i + 1, [...chosen, atoms[i]]);
  };
  pick(0, []);
  return out.join(' OR ');
}

export class CandidateSelector {
  private readonly names: { organizations: string; opportunities: string };

  constructor(
    protected readonly meili: Meilisearch,
    prefix: string,
  ) {
    this.names = indexNames(prefix);
  }

  /** The hit ids of each query, in the order of `queries`. */
  protected async search(queries: MultiSearchQuery[]): Promise<string[][]> {
    const { results } = await this.meili.multiSearch({ queries });
    return results.map((r) => r.hits.map((h) => String(h.id)));
  }

  private async ids(queries: MultiSearchQuery[], limit = POOL_LIMIT): Promise<string[]> {
    if (!queries.length) return [];
    const out = new Set<string>();
    for (const hits of await this.search(queries)) for (const id of hits) if (out.size < limit) out.add(id);
    return [...out];
  }

  private org(filter: string[], text = ''): MultiSearchQuery {
    return {
      indexUid: this.names.organizations,
      q: text,
      filter,
      limit: TIER_LIMIT,
      attributesToRetrieve: ['id'],
      // Request texts are sentences: 'last' would keep their first words ("looking for…") to the end
      // and find nothing; 'frequency' drops the words that discriminate least first.
      matchingStrategy: 'frequency',
    };
  }

  /** SME suppliers for a subcontracting request. */
  suppliersFor(request: SubcontractingRequest, text: string): Promise<string[]> {
    // The requester is no candidate: the engine's hard criteria drop it (ids are not filterable).
    const hard = [`kind = "SME"`];
    if (request.countries.length) hard.push(anyOf('country', request.countries));
    if (request.regionCodes.length) hard.push(anyOf('region_code', request.regionCodes));
    for (const p of request.requiredProcesses) hard.push(`processes = ${q(p)}`);
    for (const c of request.requiredCertifications)
      hard.push(anyOf('certifications', certificationsMeeting(c)));
    // Tiers are disjoint (each leaves out what a more specific one covers), so a tier's limit is
    // spent on suppliers no earlier tier returned.
    const here = `country = ${q(request.country)}`;
    const tiers: string[][] = [];
    if (request.processes.length) {
      const processes = anyOf('processes', request.processes);
      if (request.regionCode) {
        tiers.push([...hard, processes, `region_code = ${q(request.regionCode)}`]);
        tiers.push([...hard, processes, here, `region_code != ${q(request.regionCode)}`]);
      } else tiers.push([...hard, processes, here]);
      tiers.push([...hard, processes, `country != ${q(request.country)}`]);
    }
    const broad = [
      ...(request.processes.length ? [anyOf('process_families', familiesOf(request.processes))] : []),
      ...(request.sectors.length ? [anyOf('sectors', request.sectors)] : []),
    ];
    if (broad.length) {
      const either = broad.length > 1 ? `(${broad.join(' OR ')})` : broad[0];
      const other = request.processes.length ? [`NOT ${anyOf('processes', request.processes)}`] : [];
      tiers.push([...hard, either, ...other, here]);
      tiers.push([...hard, either, ...other, `country != ${q(request.country)}`]);
    }
    // Within a tier, the suppliers whose words name the wanted materials come first (Meilisearch's
    // relevance, synonyms across the three languages); then the tier's suppliers by how many of the
    // request's facts they match (its sector, its preferred certifications), most first, each in index
    // order; then the tier's others.
    const focus = normaliseQuery(request.materials.join(' ').slice(0, MAX_TEXT));
    const facts = supplierFacts(request);
    const byFacts: string[][][] = [];
    let above: string | null = null;
    for (let n = facts.length; n >= Math.max(1, facts.length - 1); n--) {
      const atLeast = anyOfConjunctions(facts, n);
      byFacts.push(tiers.map((f) => [...f, above ? `(${atLeast}) AND NOT (${above})` : atLeast]));
      above = atLeast;
    }
    const queries = [
      ...(focus ? tiers.map((f) => this.org(f, focus)) : []),
      ...byFacts.flatMap((group) => group.map((f) => this.org(f))),
      ...tiers.map((f) => this.org(above ? [...f, `NOT (${above})`] : f)),
    ];
    const words = normaliseQuery(text.slice(0, MAX_TEXT));
    if (words) queries.push(this.org(hard, words));
    return this.ids(queries);
  }

  /** Open subcontracting requests an SME might serve (opportunity ids). */
  requestsFor(sme: OrgProfile): Promise<string[]> {
    const processes = uniq(sme.capabilities.map((c) => c.process));
    const hard = [
      `type = "SUBCONTRACTING_REQUEST"`,
      `status = "OPEN"`,
      `organization_id != ${q(sme.id)}`,
      `(countries IS EMPTY OR countries = ${q(sme.country)})`,
    ];
    const opp = (filter: string[]): MultiSearchQuery => ({
      indexUid: this.names.opportunities,
      q: '',
      filter,
      limit: TIER_LIMIT,
      attributesToRetrieve: ['id'],
    });
    const tiers: string[][] = [];
    if (processes.length) {
      tiers.push([...hard, anyOf('processes', processes), `country = ${q(sme.country)}`]);
      tiers.push([...hard, anyOf('processes', processes)]);
      tiers.push([...hard, anyOf('process_families', familiesOf(processes))]);
    }
    if (sme.sectors.length) tiers.push([...hard, anyOf('sectors', sme.sectors)]);
    return this.ids(tiers.map(opp));
  }

  /**
   * Financiers whose public terms an SME meets (their target countries), in disjoint tiers by how many
   * of the SME's facts their terms match, most first: its own sector targeted (or no sector named),
   * its section targeted, its stage backed (stated, else the stages its age makes plausible), an
   * instrument it seeks offered, its need inside the ticket band (in the band's currency). These are
   * the criteria the financing score weighs, so the financiers that score best are taken before the
   * index order decides; the last tier is the rest. Bounded like every pool, so an SME is never scored
   * against every financier of the directory.
   */
  financiersFor(sme: OrgProfile, asOfYear = new Date().getUTCFullYear()): Promise<string[]> {
    const hard = [
      `kind = "FINANCIER"`,
      `(target_countries IS EMPTY OR target_countries = ${q(sme.country)})`,
    ];
    const facts = financierFacts(sme, asOfYear);
    const tiers: string[] = [];
    // Every fact, then all but one, then the rest. (A third tier, all but two, kept no more of the
    // exhaustive top 20 at 50,000 organisations and made the filters five times longer.)
    let above: string | null = null;
    for (let n = facts.length; n >= Math.max(1, facts.length - 1); n--) {
      const atLeast = anyOfConjunctions(facts, n);
      tiers.push(above ? `(${atLeast}) AND NOT (${above})` : atLeast);
      above = atLeast;
    }
    const queries = tiers.map((t) => this.org([...hard, t]));
    queries.push(this.org(above ? [...hard, `NOT (${above})`] : hard));
    return this.ids(queries);
  }

  /** SMEs that pass a financier's hard criteria, those of its sectors first; `text` narrows a saved search. */
  smesFor(criteria: FinancierCriteria, asOfYear: number, text = ''): Promise<string[]> {
    const hard = [`kind = "SME"`];
    if (criteria.countries.length) hard.push(anyOf('country', criteria.countries));
    for (const c of criteria.requiredCertifications)
      hard.push(anyOf('certifications', certificationsMeeting(c)));
    if (criteria.minAgeYears != null) hard.push(`founded_year <= ${asOfYear - criteria.minAgeYears}`);
    if (criteria.minEmployeeBand) {
      const from = EMPLOYEE_BANDS.indexOf(criteria.minEmployeeBand);
      hard.push(anyOf('employee_band', EMPLOYEE_BANDS.slice(Math.max(0, from))));
    }
    const words = normaliseQuery(text.slice(0, MAX_TEXT));
    const queries: MultiSearchQuery[] = [];
    if (criteria.sectors.length) {
      if (criteria.country)
        queries.push(
          this.org([...hard, anyOf('sectors', criteria.sectors), `country = ${q(criteria.country)}`], words),
        );
      queries.push(this.org([...hard, anyOf('sectors', criteria.sectors)], words));
    }
    queries.push(this.org(hard, words));
    return this.ids(queries);
  }
}

/**
 * The same selection for many recomputes in flight at once: the queries they send in the same tick
 * go to Meilisearch in one multi-search request, and an identical query is sent once per instance
 * (one drain batch). Each query's hits are those it would get alone.
 */
export class BatchCandidateSelector extends CandidateSelector {
  /** Requests sent and not answered yet, and those waiting for one of them to end. */
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly loader = new DataLoader<MultiSearchQuery, string[], string>(
    async (queries) => {
      // Queued here rather than in Meilisearch, so a request's time-out counts only its own work.
      if (this.inFlight >= MULTI_SEARCH_IN_FLIGHT) await new Promise<void>((r) => this.waiting.push(r));
      this.inFlight++;
      try {
        return await super.search([...queries]);
      } finally {
        this.inFlight--;
        this.waiting.shift()?.();
      }
    },
    { cacheKeyFn: (query) => JSON.stringify(query), maxBatchSize: MULTI_SEARCH_BATCH },
  );

  protected override async search(queries: MultiSearchQuery[]): Promise<string[][]> {
    const out: string[][] = [];
    for (const hits of await this.loader.loadMany(queries)) {
      if (hits instanceof Error) throw hits;
      out.push(hits);
    }
    return out;
  }
}
