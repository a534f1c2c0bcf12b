/*
 * What src/router.tsx needs of the console's forum pages without loading them: the tabs of an
 * edition's page and the filters of its delegates and requests tabs, read from its URL
 * (?tab=setup|delegates|requests|schedule&…), so a filtered table can be reloaded or shared.
 */
export const EDITION_TABS = ['setup', 'delegates', 'requests', 'schedule'] as const;
export type EditionTab = (typeof EDITION_TABS)[number];

const DELEGATE_STATUSES = ['REGISTERED', 'WITHDRAWN'] as const;
const REQUEST_STATUSES = ['PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'EXPIRED'] as const;
const DIRECTIONS = ['ANY', 'SENT', 'RECEIVED'] as const;
const GROUPINGS = ['ORGANIZATION', 'COUNTRY', 'GROUP'] as const;

export interface EditionSearch {
  tab: EditionTab;
  /** Delegates: name search, country (ISO2), group id, status, arrived (yes|no). */
  q?: string;
  country?: string;
  group?: string;
  status?: (typeof DELEGATE_STATUSES)[number];
  arrived?: 'yes' | 'no';
  /** Requests: matrix or table, the matrix's grouping, and the table's filters. */
  view?: 'table' | 'matrix';
  by?: (typeof GROUPINGS)[number];
  rstatus?: (typeof REQUEST_STATUSES)[number];
  dir?: (typeof DIRECTIONS)[number];
  org?: string;
  rgroup?: string;
  delegate?: string;
  /** A matrix cell: the receiving side's key (org or rgroup is the sending side, dir SENT). */
  to?: string;
}

const text = (v: unknown, max = 100) => (typeof v === 'string' && v.length > 0 ? v.slice(0, max) : undefined);
const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined =>
  list.includes(v as T) ? (v as T) : undefined;

/** The search params an edition's page keeps; anything else, or a malformed value, is dropped. */
export function editionTab(s: Record<string, unknown>): EditionSearch {
  const out: EditionSearch = { tab: oneOf(EDITION_TABS, s.tab) ?? 'setup' };
  const set = <K extends keyof EditionSearch>(k: K, v: EditionSearch[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('q', text(s.q));
  set('country', typeof s.country === 'string' && /^[A-Z]{2}$/.test(s.country) ? s.country : undefined);
  set('group', text(s.group, 64));
  set('status', oneOf(DELEGATE_STATUSES, s.status));
  set('arrived', oneOf(['yes', 'no'] as const, s.arrived));
  set('view', oneOf(['table', 'matrix'] as const, s.view));
  set('by', oneOf(GROUPINGS, s.by));
  set('rstatus', oneOf(REQUEST_STATUSES, s.rstatus));
  set('dir', oneOf(DIRECTIONS, s.dir));
  set('org', text(s.org, 64));
  set('rgroup', text(s.rgroup, 64));
  set('delegate', text(s.delegate, 64));
  set('to', text(s.to, 64));
  return out;
}
