import type { OrganizationInput } from '../../api/organization';

/** The fields whose value changed, so an edit sends only them (identity changes of public organisations go to review). */
export function changedFields(
  before: OrganizationInput,
  after: OrganizationInput,
): Partial<OrganizationInput> {
  const out: Partial<OrganizationInput> = {};
  for (const key of Object.keys(after) as (keyof OrganizationInput)[])
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
      (out as Record<string, unknown>)[key] = after[key];
  return out;
}

/** The calendar date (YYYY-MM-DD, UTC) `days` days from `from`. */
export function inDays(days: number, from: Date = new Date()): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
