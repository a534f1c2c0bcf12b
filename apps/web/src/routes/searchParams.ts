import { ORGANIZATION_KINDS, type OrganizationKind } from '../api/operations';

/*
 * The home page's URL parameters, apart from the page itself so the router (entry chunk) can
 * validate them while SearchPage stays a lazy chunk.
 */
export const PAGE_SIZE = 20;
/** Meilisearch pages no further than this many hits. */
export const MAX_HITS = 1000;

export interface DirectorySearch {
  q?: string;
  kind?: OrganizationKind;
  country?: string;
  page?: number;
}

/** Reads the URL's search parameters, dropping anything malformed (a shared link may be edited by hand). */
export function validateSearch(s: Record<string, unknown>): DirectorySearch {
  const out: DirectorySearch = {};
  if (typeof s.q === 'string' && s.q.trim()) out.q = s.q.slice(0, 200);
  if (ORGANIZATION_KINDS.includes(s.kind as OrganizationKind)) out.kind = s.kind as OrganizationKind;
  if (typeof s.country === 'string' && /^[A-Z]{2}$/.test(s.country)) out.country = s.country;
  const page = Number(s.page);
  if (Number.isInteger(page) && page > 1 && page <= MAX_HITS / PAGE_SIZE) out.page = page;
  return out;
}
