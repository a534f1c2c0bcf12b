import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, duplicateKeys } from './catalogues';
import { intlLocaleOf, LOCALES } from './locale';

const keys = (l: keyof typeof CATALOGUES) => Object.keys(CATALOGUES[l]).sort();

describe('message catalogues', () => {
  it.each(LOCALES)('%s has exactly the keys of the others', (l) => {
    for (const other of LOCALES) expect(keys(l)).toEqual(keys(other));
  });

  it.each(LOCALES)('%s defines each key in one file only', (l) => {
    expect(duplicateKeys(l)).toEqual([]);
  });

  it.each(LOCALES)('every %s message is valid ICU and formats without error', (l) => {
    const errors: string[] = [];
    const intl = createIntl({
      locale: intlLocaleOf(l),
      messages: CATALOGUES[l],
      onError: (e) => errors.push(e.message),
    });
    for (const [id, text] of Object.entries(CATALOGUES[l])) {
      expect(text.trim(), id).not.toBe('');
      intl.formatMessage({ id }, { count: 3, email: 'a@b.dz', name: 'X', date: '1', details: 'd', page: 2 });
    }
    expect(errors).toEqual([]);
  });

  it('gives every Arabic plural all six forms', () => {
    for (const [id, text] of Object.entries(CATALOGUES.ar)) {
      if (!text.includes(', plural,')) continue;
      for (const form of ['zero', 'one', 'two', 'few', 'many', 'other'])
        expect(text, `${id} lacks ${form}`).toMatch(new RegExp(`\\b${form} \\{`));
    }
  });

  it('says Arabic counts with the right plural form and Latin digits', () => {
    const intl = createIntl({ locale: intlLocaleOf('ar'), messages: CATALOGUES.ar });
    const say = (count: number) => intl.formatMessage({ id: 'search.results' }, { count });
    expect(say(0)).toBe('لم يُعثر على أي هيئة');
    expect(say(1)).toBe('هيئة واحدة');
    expect(say(2)).toBe('هيئتان');
    expect(say(3)).toBe('3 هيئات');
    expect(say(11)).toBe('11 هيئة');
    expect(say(100)).toBe('100 هيئة');
  });
});
