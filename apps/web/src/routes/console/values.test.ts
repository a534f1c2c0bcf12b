import { describe, expect, it } from 'vitest';
import { changeValueLines } from './values';

describe('changeValueLines', () => {
  it('shows localized text in the interface language first, each line marked with its language', () => {
    const json = '{"ar":"شركة الأطلس","fr":"Atlas SARL","en":null}';
    expect(changeValueLines(json, 'fr')).toEqual(['fr: Atlas SARL', 'ar: شركة الأطلس']);
    expect(changeValueLines(json, 'ar')).toEqual(['ar: شركة الأطلس', 'fr: Atlas SARL']);
  });
  it('shows plain values as they are, and nothing for a missing or empty value', () => {
    expect(changeValueLines('"https://atlas.dz"', 'ar')).toEqual(['https://atlas.dz']);
    expect(changeValueLines('"DZ"', 'en')).toEqual(['DZ']);
    expect(changeValueLines(null, 'en')).toBeNull();
    expect(changeValueLines('null', 'en')).toBeNull();
    expect(changeValueLines('""', 'en')).toBeNull();
  });
  it('keeps text that is not JSON rather than failing', () => {
    expect(changeValueLines('DZ-16', 'fr')).toEqual(['DZ-16']);
  });
});
