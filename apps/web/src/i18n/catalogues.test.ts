import {
  isArgumentElement,
  isDateElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  parse,
  type MessageFormatElement,
} from '@formatjs/icu-messageformat-parser';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, duplicateKeys } from './catalogues';
import { intlLocaleOf, LOCALES } from './locale';

/**
 * A value for every argument a message uses, whatever its name: a number for plurals and numbers,
 * a date for dates and times, a select's first option, a function for rich-text tags, text otherwise.
 */
type Value = string | number | Date | ((chunks: unknown[]) => string);
function sampleValues(text: string): Record<string, Value> {
  const values: Record<string, Value> = {};
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (isPluralElement(el) || isNumberElement(el)) values[el.value] = 3;
      else if (isDateElement(el) || isTimeElement(el))
        values[el.value] = new Date(Date.UTC(2026, 2, 14, 9, 30));
      else if (isSelectElement(el))
        values[el.value] ??= Object.keys(el.options).find((o) => o !== 'other') ?? 'other';
      else if (isArgumentElement(el)) values[el.value] ??= 'x';
      else if (isTagElement(el)) {
        values[el.value] = (chunks) => chunks.join('');
        walk(el.children);
      }
      if (isPluralElement(el) || isSelectElement(el))
        for (const option of Object.values(el.options)) walk(option.value);
    }
  };
  walk(parse(text));
  return values;
}

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
      intl.formatMessage({ id }, sampleValues(text) as Record<string, string>);
    }
    expect(errors).toEqual([]);
  });

  it('supplies a value for any placeholder name, nested ones included', () => {
    const values = sampleValues(
      '{when, date} {n, plural, one {# {who}} other {<b>{what}</b>}} {kind, select, a {A} other {O}}',
    );
    expect(Object.keys(values).sort()).toEqual(['b', 'kind', 'n', 'what', 'when', 'who']);
    expect(values.kind).toBe('a');
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
