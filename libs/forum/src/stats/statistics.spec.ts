import { forumStatistics, statisticsCsv, type StatisticsInput, type StatsGroup } from './index.js';

const input: StatisticsInput = {
  organizations: [
    { id: 'o1', country: 'DZ', kind: 'SME', sector: 'C' },
    { id: 'o2', country: 'DZ', kind: 'LARGE_FIRM', sector: 'B' },
    { id: 'o3', country: 'TN', kind: 'FINANCIER', sector: 'K' },
    { id: 'o4', country: 'MA', kind: 'SME' },
  ],
  delegates: [
    { id: 'd1', organizationId: 'o1' },
    { id: 'd2', organizationId: 'o1' },
    { id: 'd3', organizationId: 'o2' },
    { id: 'd4', organizationId: 'o3' },
    { id: 'd5', organizationId: 'o4' },
  ],
  requests: [
    { id: 'r1', fromDelegateId: 'd1', toDelegateId: 'd3', status: 'ACCEPTED' },
    { id: 'r2', fromDelegateId: 'd1', toDelegateId: 'd4', status: 'DECLINED' },
    { id: 'r3', fromDelegateId: 'd2', toDelegateId: 'd3', status: 'ACCEPTED' },
    { id: 'r4', fromDelegateId: 'd5', toDelegateId: 'd4', status: 'EXPIRED' },
    { id: 'r5', fromDelegateId: 'd5', toDelegateId: 'd3', status: 'PENDING' },
    { id: 'r6', fromDelegateId: 'd2', toDelegateId: 'd4', status: 'CANCELLED' },
    { id: 'r7', fromDelegateId: 'd4', toDelegateId: 'd5', status: 'ACCEPTED' },
  ],
  meetings: [
    {
      id: 'm1',
      delegateIds: ['d1', 'd3'],
      status: 'SCHEDULED',
      outcome: 'HELD',
      slotId: 's1',
      tableId: 't1',
    },
    {
      id: 'm2',
      delegateIds: ['d2', 'd3'],
      status: 'SCHEDULED',
      outcome: 'NO_SHOW',
      slotId: 's2',
      tableId: 't1',
    },
    {
      id: 'm3',
      delegateIds: ['d4', 'd5'],
      status: 'SCHEDULED',
      outcome: 'FOLLOW_UP',
      slotId: 's1',
      tableId: 't2',
    },
    { id: 'm4', delegateIds: ['d1', 'd4'], status: 'CANCELLED', slotId: 's3', tableId: 't1' },
    { id: 'm5', delegateIds: ['d2', 'd3'], status: 'SCHEDULED', slotId: 's2', tableId: 't2' },
  ],
  availableSlotTables: 10,
};

const find = (gs: StatsGroup[], key: string) => {
  const g = gs.find((x) => x.key === key);
  if (!g) throw new Error(`no group ${key}`);
  return g;
};

describe('forumStatistics', () => {
  const stats = forumStatistics(input);

  it('counts requests by status, meetings by outcome, and the acceptance rate', () => {
    expect(stats.totals).toEqual({
      delegates: 5,
      requestsSent: 7,
      requestsReceived: 7,
      pending: 1,
      accepted: 3,
      declined: 1,
      expired: 1,
      cancelled: 1,
      acceptanceRate: 3 / 5,
      meetingsScheduled: 4,
      meetingsHeld: 2,
      noShows: 1,
      followUpsPlanned: 1,
    });
  });

  it('measures table utilisation over distinct (slot, table) pairs, cancelled meetings excluded', () => {
    expect(stats.tableUtilisation).toEqual({ usedSlotTables: 4, availableSlotTables: 10, rate: 0.4 });
    expect(forumStatistics({ ...input, availableSlotTables: 0 }).tableUtilisation.rate).toBeNull();
  });

  it('breaks down by country: sent and received by side, the rest once per group taking part', () => {
    expect(stats.byCountry.map((g) => g.key)).toEqual(['DZ', 'MA', 'TN']);
    expect(find(stats.byCountry, 'DZ')).toEqual({
      key: 'DZ',
      delegates: 3,
      requestsSent: 4,
      requestsReceived: 3,
      pending: 1,
      accepted: 2,
      declined: 1,
      expired: 0,
      cancelled: 1,
      acceptanceRate: 2 / 3,
      meetingsScheduled: 3,
      meetingsHeld: 1,
      noShows: 1,
      followUpsPlanned: 0,
    });
    expect(find(stats.byCountry, 'TN')).toMatchObject({
      delegates: 1,
      requestsSent: 1,
      requestsReceived: 3,
      pending: 0,
      accepted: 1,
      declined: 1,
      expired: 1,
      cancelled: 1,
      acceptanceRate: 1 / 3,
      meetingsScheduled: 1,
      meetingsHeld: 1,
      followUpsPlanned: 1,
    });
    expect(find(stats.byCountry, 'MA')).toMatchObject({
      requestsSent: 2,
      requestsReceived: 1,
      pending: 1,
      expired: 1,
      accepted: 1,
      acceptanceRate: 1 / 2,
    });
  });

  it('breaks down by organisation kind and by sector, with organisations lacking a sector as unknown', () => {
    expect(find(stats.byKind, 'SME')).toMatchObject({
      delegates: 3,
      requestsSent: 6,
      requestsReceived: 1,
      accepted: 3,
      declined: 1,
      expired: 1,
      pending: 1,
      cancelled: 1,
      meetingsScheduled: 4,
      meetingsHeld: 2,
      noShows: 1,
    });
    expect(find(stats.byKind, 'FINANCIER')).toMatchObject({ delegates: 1, requestsReceived: 3 });
    expect(stats.bySector.map((g) => g.key)).toEqual(['B', 'C', 'K', 'unknown']);
    expect(find(stats.bySector, 'unknown')).toMatchObject({
      delegates: 1,
      requestsSent: 2,
      meetingsScheduled: 1,
    });
    expect(find(stats.bySector, 'B')).toMatchObject({
      delegates: 1,
      requestsSent: 0,
      requestsReceived: 3,
      meetingsScheduled: 3,
      acceptanceRate: 1,
    });
  });

  it('has no acceptance rate when nothing was decided', () => {
    const s = forumStatistics({ ...input, requests: [input.requests[4]], meetings: [] });
    expect(s.totals.acceptanceRate).toBeNull();
    expect(s.totals.meetingsScheduled).toBe(0);
  });
});

describe('statisticsCsv', () => {
  it('writes a total row, one row per group and a table utilisation row', () => {
    const csv = statisticsCsv(forumStatistics(input));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 1 + 3 + 3 + 4 + 1);
    expect(lines[0]).toMatch(/^"dimension","group","delegates","requestsSent"/);
    expect(lines[1]).toBe('"total","all","5","7","7","1","3","1","1","1","0.6000","4","2","1","1","","",""');
    expect(lines).toContain(
      '"country","DZ","3","4","3","1","2","1","0","1","0.6667","3","1","1","0","","",""',
    );
    expect(lines.at(-1)).toMatch(/^"tables","all",("",){13}"4","10","0.4000"$/);
  });

  it('defuses group names that look like formulas', () => {
    const csv = statisticsCsv(
      forumStatistics({ ...input, organizations: [{ id: 'o1', country: '=1+1', kind: 'SME' }] }),
    );
    expect(csv).toContain(`"country","'=1+1"`);
  });
});
