import { describe, expect, it } from 'vitest';
import { validateSearch } from './SearchPage';

describe('the search URL', () => {
  it('keeps well-formed filters', () => {
    expect(validateSearch({ q: 'ميكانيك', kind: 'SME', country: 'DZ', page: 3 })).toEqual({
      q: 'ميكانيك',
      kind: 'SME',
      country: 'DZ',
      page: 3,
    });
  });
  it('drops what a hand-edited link got wrong', () => {
    expect(validateSearch({ q: '  ', kind: 'ROBOT', country: 'dz1', page: -2 })).toEqual({});
    expect(validateSearch({ page: 1 })).toEqual({});
    expect(validateSearch({ page: 51 })).toEqual({});
  });
});
