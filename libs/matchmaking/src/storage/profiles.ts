import type { CertificationCode, CompanyStage, EmployeeBand, FinancingInstrument } from '#directory/taxonomy';
import type { InstitutionProgrammes, MatchingOrganization, OpenSubcontractingRequest } from '#directory';
import type { FeedbackInput, FinancierCriteria, OrgProfile, SubcontractingRequest } from '../engine/types.js';
import type { SupportProgramme } from '../engine/support.js';

/**
 * Rows as the repositories return them and their translation into the engine's plain inputs. No
 * database code here: the repositories run the queries, these functions only map.
 */

/** An organisation as the directory gives it (`directoryProfiles`), with the verdicts others gave on it. */
export type OrganizationRow = MatchingOrganization & {
  /** Verdicts other organisations gave on suggestions of this one. */
  fbAccepted: number;
  fbDismissed: number;
  fbNotRelevant: number;
};

/** An open subcontracting request as the directory gives it. */
export type RequestRow = OpenSubcontractingRequest;

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
    r.fbAccepted || r.fbDismissed || r.fbNotRelevant
      ? { accepted: r.fbAccepted, dismissed: r.fbDismissed, notRelevant: r.fbNotRelevant }
      : null;
  const amount = num(r.needAmount);
  return {
    id: r.id,
    kind: r.kind,
    subtype: r.subtype,
    country: r.country.trim(),
    regionCode: r.regionCode,
    sectors: r.sectors,
    capabilities: (r.capabilities ?? []).map((c) => ({
      process: c.process,
      materials: c.materials ?? [],
      monthlyCapacity: c.monthlyCapacity ?? null,
      capacityUnit: c.capacityUnit ?? null,
    })),
    certifications: r.certifications as CertificationCode[],
    languages: r.languages,
    employeeBand: (r.employeeBand as EmployeeBand | null) ?? null,
    foundedYear: r.foundedYear,
    stage: null,
    innovation: r.innovation,
    financier: r.financier,
    financingNeed:
      amount != null || r.needCurrency ? { amount, currency: r.needCurrency, instruments: [] } : null,
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
  const required = r.requiredProcesses ?? [];
  return {
    id: r.id,
    requesterId: r.organizationId,
    country: r.ownerCountry.trim(),
    regionCode: r.ownerRegionCode,
    processes: [...new Set([...r.processes, ...required])],
    requiredProcesses: required,
    sectors: r.sectors,
    materials: r.materials ?? [],
    volume: num(r.quantity),
    volumeUnit: r.quantityUnit ?? null,
    requiredCertifications: r.requiredCertifications ?? [],
    preferredCertifications: r.preferredCertifications ?? [],
    countries: r.countries,
    regionCodes: r.regionCodes ?? [],
    preferredRegionCodes: r.preferredRegionCodes ?? [],
    languages: r.ownerLanguages,
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

/** A support institution's programmes as the directory gives them. */
export type ProgrammeRow = InstitutionProgrammes;

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
            regionCode: r.regionCode,
          },
        ]
      : [],
  );
}
