import { badInput, type FieldProblem } from '#platform';
import { COUNTRIES, EMPLOYEE_BANDS, SECTORS, SPOKEN_LANGUAGES, WILAYAS } from '#directory';
import type { OpportunitySearchFilter, OrganizationSearchFilter } from './search.types.js';

/*
 * Meilisearch filters are built only from values checked against the closed code lists below
 * (GraphQL enums check the others), so no client string ever reaches the filter syntax.
 */
const KNOWN: Record<string, Set<string>> = {
  countries: new Set(COUNTRIES.map((c) => c.code)),
  regionCodes: new Set(WILAYAS.map((w) => w.code)),
  sectors: new Set(SECTORS.map((s) => s.code)),
  employeeBands: new Set(EMPLOYEE_BANDS),
  languages: new Set(SPOKEN_LANGUAGES),
};
const MAX_VALUES = 50;
/** The ranges stored values can take (organisation schema): founding years and financing amounts. */
const YEARS: [number, number] = [0, 9999];
const AMOUNTS: [number, number] = [0, 1e13];

class FilterBuilder {
  readonly clauses: string[] = [];
  readonly problems: FieldProblem[] = [];

  anyOf(field: string, name: string, values: string[] | undefined | null): void {
    if (!values?.length) return;
    if (values.length > MAX_VALUES) {
      this.problems.push({ path: `filter.${name}`, message: `at most ${MAX_VALUES} values` });
      return;
    }
    const known = KNOWN[name];
    const bad = known ? values.filter((v) => !known.has(v)) : [];
    if (bad.length) {
      this.problems.push({
        path: `filter.${name}`,
        message: `unknown code(s): ${bad.slice(0, 5).join(', ')}`,
      });
      return;
    }
    this.clauses.push(`${field} IN [${values.map((v) => JSON.stringify(v)).join(', ')}]`);
  }

  allOf(field: string, name: string, values: string[] | undefined | null): void {
    if (!values?.length) return;
    if (values.length > MAX_VALUES) {
      this.problems.push({ path: `filter.${name}`, message: `at most ${MAX_VALUES} values` });
      return;
    }
    for (const v of values) this.clauses.push(`${field} = ${JSON.stringify(v)}`);
  }

  number(
    field: string,
    name: string,
    op: '>=' | '<=' | '>',
    value: number | undefined | null,
    [min, max]: [number, number],
  ): void {
    if (value == null) return;
    if (!Number.isFinite(value) || value < min || value > max) {
      const path = `filter.${name}`;
      if (!this.problems.some((p) => p.path === path))
        this.problems.push({ path, message: `must be a number between ${min} and ${max}` });
      return;
    }
    // Plain decimal notation: the filter syntax has no exponents, and String(1e21) or String(1e-7) use one.
    this.clauses.push(
      `${field} ${op} ${value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 6 })}`,
    );
  }

  done(): string[] {
    if (this.problems.length) throw badInput(this.problems);
    return this.clauses;
  }
}

export function organizationFilter(f: OrganizationSearchFilter | undefined | null): string[] {
  const b = new FilterBuilder();
  if (!f) return b.done();
  b.anyOf('kind', 'kinds', f.kinds);
  b.anyOf('subtype', 'subtypes', f.subtypes);
  b.anyOf('country', 'countries', f.countries);
  b.anyOf('region_code', 'regionCodes', f.regionCodes);
  b.anyOf('sectors', 'sectors', f.sectors);
  b.anyOf('processes', 'processes', f.processes);
  b.allOf('certifications', 'certifications', f.certifications);
  b.anyOf('employee_band', 'employeeBands', f.employeeBands);
  b.anyOf('languages', 'languages', f.languages);
  b.anyOf('instruments', 'instruments', f.instruments);
  b.anyOf('stages', 'stages', f.stages);
  if (f.rdActivity != null) b.clauses.push(`rd_activity = ${f.rdActivity}`);
  if (f.hasIp != null) b.clauses.push(f.hasIp ? 'ip_assets > 0' : 'ip_assets = 0');
  b.number('founded_year', 'foundedFrom', '>=', f.foundedFrom, YEARS);
  b.number('founded_year', 'foundedTo', '<=', f.foundedTo, YEARS);
  if (f.ticketAmount != null) {
    b.number('ticket_max', 'ticketAmount', '>=', f.ticketAmount, AMOUNTS);
    b.number('ticket_min', 'ticketAmount', '<=', f.ticketAmount, AMOUNTS);
  }
  return b.done();
}

export function opportunityFilter(
  f: OpportunitySearchFilter | undefined | null,
  nowSeconds: number,
): string[] {
  const b = new FilterBuilder();
  b.anyOf('type', 'types', f?.types);
  b.anyOf('status', 'statuses', f?.statuses?.length ? f.statuses : ['OPEN']);
  b.anyOf('organization_kind', 'organizationKinds', f?.organizationKinds);
  b.anyOf('country', 'countries', f?.countries);
  b.anyOf('region_code', 'regionCodes', f?.regionCodes);
  b.anyOf('sectors', 'sectors', f?.sectors);
  b.anyOf('processes', 'processes', f?.processes);
  // Expired opportunities leave search until renewed; those without a date never expire.
  if (!f?.includeExpired) b.clauses.push(`(expires_at IS NULL OR expires_at >= ${nowSeconds})`);
  return b.done();
}
