import type { EmployeeBand, OrganizationKind } from '#directory/taxonomy';
import { holdsCertification } from './certifications.js';
import { bandIndex } from './scoring.js';
import type { Evidence, FinancierCriteria, OrgProfile, SubcontractingRequest } from './types.js';

/**
 * Hard criteria: a candidate that fails one is never suggested, whatever its score. Every failure is
 * returned (not just the first) so that a person can be told exactly what is missing.
 */

export const DEFAULT_SUPPLIER_KINDS: readonly OrganizationKind[] = ['SME'];

/** The same verdict as `subcontractingHardFailures(...).length === 0`, without building reasons: for hot loops. */
export function passesSubcontractingHard(
  request: SubcontractingRequest,
  supplier: OrgProfile,
  supplierKinds: readonly OrganizationKind[] = DEFAULT_SUPPLIER_KINDS,
): boolean {
  if (supplier.id === request.requesterId || !supplierKinds.includes(supplier.kind)) return false;
  for (const p of request.requiredProcesses) {
    let held = false;
    for (const c of supplier.capabilities) if (c.process === p) held = true;
    if (!held) return false;
  }
  for (const c of request.requiredCertifications)
    if (!holdsCertification(supplier.certifications, c)) return false;
  if (request.countries.length && !request.countries.includes(supplier.country)) return false;
  if (
    request.regionCodes.length &&
    !(supplier.regionCode && request.regionCodes.includes(supplier.regionCode))
  )
    return false;
  return true;
}

export function subcontractingHardFailures(
  request: SubcontractingRequest,
  supplier: OrgProfile,
  supplierKinds: readonly OrganizationKind[] = DEFAULT_SUPPLIER_KINDS,
): Evidence[] {
  const failed: Evidence[] = [];
  if (supplier.id === request.requesterId) failed.push({ code: 'hard.self', params: {} });
  if (!supplierKinds.includes(supplier.kind))
    failed.push({ code: 'hard.kind', params: { kind: supplier.kind, allowed: [...supplierKinds] } });
  if (request.requiredProcesses.length) {
    const missing = request.requiredProcesses.filter(
      (p) => !supplier.capabilities.some((c) => c.process === p),
    );
    if (missing.length) failed.push({ code: 'hard.process', params: { missing } });
  }
  if (request.requiredCertifications.length) {
    const missing = request.requiredCertifications.filter(
      (c) => !holdsCertification(supplier.certifications, c),
    );
    if (missing.length) failed.push({ code: 'hard.certification', params: { missing } });
  }
  if (request.countries.length && !request.countries.includes(supplier.country))
    failed.push({
      code: 'hard.country',
      params: { country: supplier.country, allowed: [...request.countries] },
    });
  if (
    request.regionCodes.length &&
    !(supplier.regionCode && request.regionCodes.includes(supplier.regionCode))
  )
    failed.push({
      code: 'hard.region',
      params: {
        region: supplier.regionCode ?? null,
        country: supplier.country,
        allowed: [...request.regionCodes],
      },
    });
  return failed;
}

/** Whole years since founding, as of the given year. */
export const ageInYears = (foundedYear: number | null | undefined, asOfYear: number): number | null =>
  foundedYear == null ? null : Math.max(0, asOfYear - foundedYear);

export function financingHardFailures(
  criteria: FinancierCriteria,
  sme: OrgProfile,
  asOfYear: number,
): Evidence[] {
  const failed: Evidence[] = [];
  if (sme.kind !== 'SME') failed.push({ code: 'hard.kind', params: { kind: sme.kind, allowed: ['SME'] } });
  if (criteria.countries.length && !criteria.countries.includes(sme.country))
    failed.push({ code: 'hard.country', params: { country: sme.country, allowed: [...criteria.countries] } });
  if (criteria.minAgeYears != null) {
    // An unknown founding year cannot prove the minimum age, so it fails like a young company.
    const age = ageInYears(sme.foundedYear, asOfYear);
    if (age == null || age < criteria.minAgeYears)
      failed.push({ code: 'hard.min_age', params: { age, min: criteria.minAgeYears } });
  }
  if (criteria.minEmployeeBand != null && bandIndex(sme.employeeBand) < bandIndex(criteria.minEmployeeBand))
    failed.push({
      code: 'hard.min_employees',
      params: {
        band: (sme.employeeBand as EmployeeBand | null | undefined) ?? null,
        min: criteria.minEmployeeBand,
      },
    });
  if (criteria.requiredCertifications.length) {
    const missing = criteria.requiredCertifications.filter((c) => !holdsCertification(sme.certifications, c));
    if (missing.length) failed.push({ code: 'hard.certification', params: { missing } });
  }
  return failed;
}
