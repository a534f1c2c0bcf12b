import { toCsv } from '../agenda/csv.js';

export type StatsRequestStatus = 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'EXPIRED' | 'CANCELLED';
export type StatsMeetingOutcome = 'HELD' | 'NO_SHOW' | 'FOLLOW_UP';

export interface StatsOrganization {
  id: string;
  /** ISO country code. */
  country?: string;
  /** Organisation kind (SME, LARGE_FIRM, FINANCIER, ...). */
  kind: string;
  /** ISIC section letter (A..U). */
  sector?: string;
}

export interface StatsDelegate {
  id: string;
  organizationId: string;
}

export interface StatsRequest {
  id: string;
  fromDelegateId: string;
  toDelegateId: string;
  status: StatsRequestStatus;
}

export interface StatsMeeting {
  id: string;
  delegateIds: [string, string];
  status: 'SCHEDULED' | 'DRAFT' | 'PUBLISHED' | 'CANCELLED';
  /** Reported outcome; a planned follow-up means the meeting was held. */
  outcome?: StatsMeetingOutcome;
  slotId: string;
  tableId: string;
}

export interface StatisticsInput {
  organizations: StatsOrganization[];
  delegates: StatsDelegate[];
  requests: StatsRequest[];
  meetings: StatsMeeting[];
  /** (slot, table) pairs open for meetings: open tables summed over the slots. */
  availableSlotTables: number;
}

export interface StatsCounts {
  delegates: number;
  requestsSent: number;
  requestsReceived: number;
  pending: number;
  accepted: number;
  declined: number;
  expired: number;
  cancelled: number;
  /** accepted / (accepted + declined + expired): the share of answered or lapsed requests that were accepted. */
  acceptanceRate: number | null;
  meetingsScheduled: number;
  meetingsHeld: number;
  noShows: number;
  followUpsPlanned: number;
}

export interface StatsGroup extends StatsCounts {
  key: string;
}

export interface ForumStatistics {
  totals: StatsCounts;
  tableUtilisation: { usedSlotTables: number; availableSlotTables: number; rate: number | null };
  byCountry: StatsGroup[];
  byKind: StatsGroup[];
  bySector: StatsGroup[];
}

/** Group key for an organisation without the attribute. */
export const UNKNOWN_GROUP = 'unknown';

const emptyCounts = (): StatsCounts => ({
  delegates: 0,
  requestsSent: 0,
  requestsReceived: 0,
  pending: 0,
  accepted: 0,
  declined: 0,
  expired: 0,
  cancelled: 0,
  acceptanceRate: null,
  meetingsScheduled: 0,
  meetingsHeld: 0,
  noShows: 0,
  followUpsPlanned: 0,
});

const STATUS_FIELD: Record<
  StatsRequestStatus,
  'pending' | 'accepted' | 'declined' | 'expired' | 'cancelled'
> = {
  PENDING: 'pending',
  ACCEPTED: 'accepted',
  DECLINED: 'declined',
  EXPIRED: 'expired',
  CANCELLED: 'cancelled',
};

function finishRate(c: StatsCounts): void {
  const decided = c.accepted + c.declined + c.expired;
  c.acceptanceRate = decided ? c.accepted / decided : null;
}

/**
 * Organiser statistics of one edition, from plain rows. Totals count each request and meeting once.
 * In the breakdowns by country, kind and sector, `requestsSent` goes to the requester's group and
 * `requestsReceived` to the recipient's; every other count goes to each group taking part, once per
 * group (a meeting between an Algerian and a Tunisian firm counts for both countries), so groups do not
 * sum to the totals. Cancelled meetings count in no meeting figure and use no table.
 */
export function forumStatistics(input: StatisticsInput): ForumStatistics {
  const orgs = new Map(input.organizations.map((o) => [o.id, o]));
  const orgOf = new Map<string, StatsOrganization | undefined>(
    input.delegates.map((d) => [d.id, orgs.get(d.organizationId)]),
  );
  const dims = {
    country: (o?: StatsOrganization) => o?.country || UNKNOWN_GROUP,
    kind: (o?: StatsOrganization) => o?.kind || UNKNOWN_GROUP,
    sector: (o?: StatsOrganization) => o?.sector || UNKNOWN_GROUP,
  };
  type Dim = keyof typeof dims;
  const groups: Record<Dim, Map<string, StatsCounts>> = {
    country: new Map(),
    kind: new Map(),
    sector: new Map(),
  };
  const group = (dim: Dim, key: string) => {
    let g = groups[dim].get(key);
    if (!g) groups[dim].set(key, (g = emptyCounts()));
    return g;
  };
  /** Adds to every distinct group of the given delegates, in each dimension. */
  const each = (delegateIds: string[], add: (c: StatsCounts) => void) => {
    for (const dim of Object.keys(dims) as Dim[]) {
      const keys = new Set(delegateIds.map((id) => dims[dim](orgOf.get(id))));
      for (const k of keys) add(group(dim, k));
    }
  };

  const totals = emptyCounts();
  for (const d of input.delegates) {
    totals.delegates++;
    for (const dim of Object.keys(dims) as Dim[]) group(dim, dims[dim](orgOf.get(d.id))).delegates++;
  }
  for (const r of input.requests) {
    const f = STATUS_FIELD[r.status];
    totals.requestsSent++;
    totals.requestsReceived++;
    totals[f]++;
    each([r.fromDelegateId], (c) => c.requestsSent++);
    each([r.toDelegateId], (c) => c.requestsReceived++);
    each([r.fromDelegateId, r.toDelegateId], (c) => c[f]++);
  }
  const used = new Set<string>();
  for (const m of input.meetings) {
    if (m.status === 'CANCELLED') continue;
    used.add(`${m.slotId}\u0000${m.tableId}`);
    const add = (c: StatsCounts) => {
      c.meetingsScheduled++;
      if (m.outcome === 'HELD' || m.outcome === 'FOLLOW_UP') c.meetingsHeld++;
      if (m.outcome === 'FOLLOW_UP') c.followUpsPlanned++;
      if (m.outcome === 'NO_SHOW') c.noShows++;
    };
    add(totals);
    each(m.delegateIds, add);
  }
  finishRate(totals);
  const list = (dim: Dim): StatsGroup[] =>
    [...groups[dim]]
      .map(([key, c]) => {
        finishRate(c);
        return { key, ...c };
      })
      .sort((x, y) => x.key.localeCompare(y.key));
  const available = input.availableSlotTables;
  return {
    totals,
    tableUtilisation: {
      usedSlotTables: used.size,
      availableSlotTables: available,
      rate: available > 0 ? used.size / available : null,
    },
    byCountry: list('country'),
    byKind: list('kind'),
    bySector: list('sector'),
  };
}

const COLUMNS: (keyof StatsCounts)[] = [
  'delegates',
  'requestsSent',
  'requestsReceived',
  'pending',
  'accepted',
  'declined',
  'expired',
  'cancelled',
  'acceptanceRate',
  'meetingsScheduled',
  'meetingsHeld',
  'noShows',
  'followUpsPlanned',
];

const rate = (x: number | null) => (x === null ? '' : x.toFixed(4));

/**
 * Statistics as one CSV table (RFC 4180, formula-safe): a `total` row, then one row per group with its
 * dimension (country, kind, sector), and a `tables` row with table utilisation.
 */
export function statisticsCsv(stats: ForumStatistics, options: { bom?: boolean } = {}): string {
  const rows: (string | number)[][] = [
    ['dimension', 'group', ...COLUMNS, 'usedSlotTables', 'availableSlotTables', 'tableUtilisation'],
  ];
  const line = (dim: string, key: string, c: StatsCounts) =>
    rows.push([
      dim,
      key,
      ...COLUMNS.map((k) => (k === 'acceptanceRate' ? rate(c.acceptanceRate) : (c[k] as number))),
      '',
      '',
      '',
    ]);
  line('total', 'all', stats.totals);
  for (const [dim, gs] of [
    ['country', stats.byCountry],
    ['kind', stats.byKind],
    ['sector', stats.bySector],
  ] as const)
    for (const g of gs) line(dim, g.key, g);
  const u = stats.tableUtilisation;
  rows.push([
    'tables',
    'all',
    ...COLUMNS.map(() => ''),
    u.usedSlotTables,
    u.availableSlotTables,
    rate(u.rate),
  ]);
  return toCsv(rows, options.bom);
}
