import { CollaborationIndex, SHARED_CAP, type CollaborationLink } from './collaboration.js';
import { rankSuppliers } from './combine.js';
import { request, sme } from './fixtures.js';
import { renderReason } from './reasons.js';

const link = (a: string, b: string, source: CollaborationLink['source'], year: number | null = 2024) => ({
  a,
  b,
  source,
  year,
  public: source === 'HISTORY',
});

const names = new Map([['p', { ar: 'سونلغاز', fr: 'Sonelgaz', en: null }]]);

describe('CollaborationIndex', () => {
  const index = new CollaborationIndex([
    link('buyer', 'old', 'MEETING', 2025),
    link('buyer', 'old', 'HISTORY', 2019),
    link('buyer', 'p', 'CONTACT'),
    link('p', 'friend', 'HISTORY', 2022),
    // A meeting between two others: the buyer must not learn of it.
    link('p', 'secret', 'MEETING'),
    link('q', 'stranger', 'HISTORY'),
  ]);

  it('gives a past partner full credit, naming every source and the latest year', () => {
    const s = index.score('buyer', 'old');
    expect(s.score).toBe(1);
    expect(s.evidence).toEqual({
      code: 'collaboration.direct',
      params: { sources: ['HISTORY', 'MEETING'], year: 2025 },
    });
    expect(renderReason(s.evidence, 'en')).toBe(
      'You have worked together before: a declared collaboration and a meeting held at the forum (2025)',
    );
  });

  it('ranks a partner of a partner up, naming the shared partner', () => {
    const s = index.score('buyer', 'friend', names);
    expect(s.score).toBeGreaterThan(0);
    expect(s.score).toBeLessThanOrEqual(SHARED_CAP);
    expect(renderReason(s.evidence, 'fr')).toBe('A travaillé avec Sonelgaz, qui travaille avec vous');
    expect(renderReason(s.evidence, 'ar')).toBe('عمل مع سونلغاز، الذي يعمل معكم');
    // No English name: the French one stands in.
    expect(renderReason(s.evidence, 'en')).toBe('Worked with Sonelgaz, who works with you');
  });

  it('hides a second link the viewer cannot see, and applies to no one without links', () => {
    expect(index.score('buyer', 'secret').evidence.code).toBe('collaboration.none');
    expect(index.score('buyer', 'stranger').score).toBe(0);
    // The partner itself, party to that meeting, sees it.
    expect(index.score('p', 'secret').score).toBe(1);
    expect(index.score('nobody', 'friend').applicable).toBe(false);
  });

  it('weighs a shared partner with few links above a hub', () => {
    const hubby = new CollaborationIndex([
      link('v', 'hub', 'CONTACT'),
      link('v', 'small', 'CONTACT'),
      ...['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map((c) => link('hub', c, 'HISTORY')),
      link('small', 'x', 'HISTORY'),
      link('hub', 'x', 'HISTORY'),
      link('hub', 'y', 'HISTORY'),
    ]);
    const x = hubby.score('v', 'x');
    expect(x.evidence.params.partner).toBe('small');
    expect(x.evidence.params.shared).toBe(2);
    expect(x.score).toBeGreaterThan(hubby.score('v', 'y').score);
  });
});

describe('meetings of the edition being planned', () => {
  it('count only from earlier editions', () => {
    const index = new CollaborationIndex([
      { a: 'v', b: 'met-now', source: 'MEETING', year: 2027, public: false, editionId: 'e2027' },
      { a: 'v', b: 'met-before', source: 'MEETING', year: 2025, public: false, editionId: 'e2025' },
      { a: 'met-now', b: 'x', source: 'HISTORY', year: 2020, public: true },
    ]);
    expect(index.score('v', 'met-now', undefined, 'e2027').evidence.code).toBe('collaboration.none');
    expect(index.score('v', 'met-before', undefined, 'e2027').score).toBe(1);
    // A partner known only through this edition does not make its partners shared ones either.
    expect(index.score('v', 'x', undefined, 'e2027').evidence.code).toBe('collaboration.none');
    expect(index.score('v', 'x').evidence.code).toBe('collaboration.shared');
  });
});

describe('collaboration in subcontracting', () => {
  it('ranks an equal supplier that worked with a partner of the buyer above the other, ties broken by it', () => {
    const index = new CollaborationIndex([link('buyer-1', 'p', 'CONTACT'), link('p', 'b-known', 'HISTORY')]);
    const twins = [sme('a-unknown'), sme('b-known')];
    const without = rankSuppliers(request(), twins);
    expect(without.results.map((r) => r.candidateId)).toEqual(['a-unknown', 'b-known']);
    const ranked = rankSuppliers(request(), twins, { network: (v, c) => index.score(v, c, names) });
    expect(ranked.results.map((r) => r.candidateId)).toEqual(['b-known', 'a-unknown']);
    const reason = ranked.results[0].criteria.find((c) => c.criterion === 'collaboration')!;
    expect(reason.evidence.code).toBe('collaboration.shared');
  });
});
