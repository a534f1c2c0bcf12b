import type {
  CertificationCode,
  CompanyStage,
  EmployeeBand,
  FinancingInstrument,
  OrganizationKind,
  ProcessCode,
} from '#directory/taxonomy';
import type { FeedbackInput, FinancierCriteria, OrgProfile, SubcontractingRequest } from '../engine/types.js';
import type { SupportProgramme } from '../engine/support.js';

/**
 * Rows as Postgres returns them and their translation into the engine's plain inputs. No database
 * code here: the loader runs the queries, these functions only map.
 */

export interface OrganizationRow {
  id: string;
  kind: OrganizationKind;
  subtype: string | null;
  status: string;
  version: number;
  country: string;
  region_code: string | null;
  sectors: string[];
  employee_band: string | null;
  founded_year: number | null;
  languages: string[];
  certifications: string[];
  innovation: {
    rdActivity: boolean;
    patents: number;
    utilityModels: number;
    trademarks: number;
    industrialDesigns: number;
  } | null;
  capabilities: {
    process: ProcessCode;
    materials: string[];
    monthlyCapacity: number | null;
    capacityUnit?: string | null;
  }[];
  programmes: { sectors?: string[] }[];
  financier: {
    instruments: FinancingInstrument[];
    ticketMin: number | null;
    ticketMax: number | null;
    currency: string | null;
    targetSectors: string[];
    targetCountries: string[];
    stages: CompanyStage[];
  } | null;
  /** Latest open financing need: what the SME seeks. */
  need_amount: string | number | null;
  need_currency: string | null;
  /** Verdicts other organisations gave on suggestions of this one. */
  fb_accepted: number;
  fb_dismissed: number;
  fb_not_relevant: number;
}

export interface RequestRow {
  id: string;
  organization_id: string;
  sectors: string[];
  processes: ProcessCode[];
  quantity: string | number | null;
  quantity_unit?: string | null;
  countries: string[];
  required_certifications: string[];
  required_processes: ProcessCode[];
  materials: string[];
  region_codes: string[];
  preferred_certifications?: string[];
  preferred_region_codes?: string[];
  owner_country: string;
  owner_region_code: string | null;
  owner_languages: string[];
}

export interface FinancierCriteriaRow {
  organization_id: string;
  sectors: string[];
  countries: string[];
  stages: CompanyStage[];
  ticket_min: string | number | null;
  ticket_max: string | number | null;
  currency: string | null;
  instruments: FinancingInstrument[];
  min_age_years: number | null;
  min_employee_band: EmployeeBand | null;
  required_certifications: string[];
  preferred_certifications: string[];
  innovation_wanted: boolean | null;
  min_patents: number | null;
  owner_country: string | null;
  owner_region_code: string | null;
}

const num = (v: string | number | null | undefined): number | null =>
  v == null || v === '' ? null : Number(v);

export function profileFromRow(r: OrganizationRow): OrgProfile {
  const feedback: FeedbackInput | null =
    r.fb_accepted || r.fb_dismissed || r.fb_not_relevant
      ? { accepted: r.fb_accepted, dismissed: r.fb_dismissed, notRelevant: r.fb_not_relevant }
      : null;
  const amount = num(r.need_amount);
  return {
    id: r.id,
    kind: r.kind,
    subtype: r.subtype,
    country: r.country.trim(),
    regionCode: r.region_code,
    sectors: r.sectors,
    capabilities: (r.capabilities ?? []).map((c) => ({
      process: c.process,
      materials: c.materials ?? [],
      monthlyCapacity: c.monthlyCapacity ?? null,
      capacityUnit: c.capacityUnit ?? null,
    })),
    certifications: r.certifications as CertificationCode[],
    languages: r.languages,
    employeeBand: (r.employee_band as EmployeeBand | null) ?? null,
    foundedYear: r.founded_year,
    stage: null,
    innovation: r.innovation,
    financier: r.financier,
    financingNeed:
      amount != null || r.need_currency ? { amount, currency: r.need_currency, instruments: [] } : null,
    programmeSectors: (r.programmes ?? []).flatMap((p) => p.sectors ?? []),
    feedback,
  };
}

/**
 * A subcontracting request from an opportunity. The opportunity states processes, sectors, volume,
 * materials and its hard criteria (allowed countries and wilayas, required certifications and
 * processes); the place and languages are the requester's. A required process is also a wanted one.
 */
export function requestFromRow(r: RequestRow): SubcontractingRequest {
  const required = r.required_processes ?? [];
  return {
    id: r.id,
    requesterId: r.organization_id,
    country: r.owner_country.trim(),
    regionCode: r.owner_region_code,
    processes: [...new Set([...r.processes, ...required])],
    requiredProcesses: required,
    sectors: r.sectors,
    materials: r.materials ?? [],
    volume: num(r.quantity),
    volumeUnit: r.quantity_unit ?? null,
    requiredCertifications: r.required_certifications ?? [],
    preferredCertifications: r.preferred_certifications ?? [],
    countries: r.countries,
    regionCodes: r.region_codes ?? [],
    preferredRegionCodes: r.preferred_region_codes ?? [],
    languages: r.owner_languages,
  };
}

/** The screening criteria stored by a financier, in the engine's terms. */
export function criteriaFromRow(r: FinancierCriteriaRow): FinancierCriteria {
  return {
    id: r.organization_id,
    financierId: r.organization_id,
    country: r.owner_country?.trim() ?? null,
    regionCode: r.owner_region_code,
    sectors: r.sectors,
    countries: r.countries,
    stages: r.stages,
    ticketMin: num(r.ticket_min),
    ticketMax: num(r.ticket_max),
    currency: r.currency,
    instruments: r.instruments,
    minAgeYears: r.min_age_years,
    minEmployeeBand: r.min_employee_band,
    requiredCertifications: r.required_certifications,
    preferredCertifications: r.preferred_certifications,
    innovation:
      r.innovation_wanted == null
        ? null
        : { wanted: r.innovation_wanted, minPatents: r.min_patents ?? undefined },
  };
}

/** Criteria read from a financier's public terms, for a financier that has not stated private ones. */
export function criteriaFromTerms(o: OrgProfile): FinancierCriteria | null {
  const f = o.financier;
  if (!f) return null;
  return {
    id: o.id,
    financierId: o.id,
    country: o.country,
    regionCode: o.regionCode ?? null,
    sectors: [...f.targetSectors, ...(o.programmeSectors ?? [])],
    countries: f.targetCountries,
    stages: f.stages,
    ticketMin: f.ticketMin,
    ticketMax: f.ticketMax,
    currency: f.currency,
    instruments: f.instruments,
    minAgeYears: null,
    minEmployeeBand: null,
    requiredCertifications: [],
    preferredCertifications: [],
    innovation: null,
  };
}

export interface ProgrammeRow {
  id: string;
  country: string;
  region_code: string | null;
  programmes: {
    name?: { ar?: string | null; fr?: string | null; en?: string | null };
    sectors?: string[];
    services?: SupportProgramme['services'];
    stages?: CompanyStage[];
    regionCodes?: string[];
    reserved?: boolean;
    cost?: SupportProgramme['cost'];
    certifications?: string[];
  }[];
}

/** The programmes of a support institution that offer services, each keeping its position. */
export function programmesFromRow(r: ProgrammeRow): SupportProgramme[] {
  return (r.programmes ?? []).flatMap((p, index) =>
    p.services?.length
      ? [
          {
            institutionId: r.id,
            index,
            name: { ar: p.name?.ar ?? null, fr: p.name?.fr ?? null, en: p.name?.en ?? null },
            services: p.services,
            sectors: p.sectors ?? [],
            stages: p.stages ?? [],
            regionCodes: p.regionCodes ?? [],
            reserved: p.reserved ?? false,
            cost: p.cost ?? null,
            certifications: p.certifications ?? [],
            country: r.country.trim(),
            regionCode: r.region_code,
          },
        ]
      : [],
  );
}
