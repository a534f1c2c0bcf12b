import { COUNTRIES, SECTORS, isKnownSector, sectorWithAncestors, WILAYAS } from './taxonomy.js';

describe('taxonomy data', () => {
  it('ships the 21 ISIC sections and 88 divisions with three labels each', () => {
    expect(SECTORS.filter((s) => s.level === 'section')).toHaveLength(21);
    expect(SECTORS.filter((s) => s.level === 'division')).toHaveLength(88);
    for (const s of SECTORS) expect(s.label.ar && s.label.fr && s.label.en).toBeTruthy();
  });
  it('knows sector ancestors and rejects unknown codes', () => {
    expect(sectorWithAncestors('25')).toEqual(['25', 'C']);
    expect(isKnownSector('99')).toBe(true);
    expect(isKnownSector('2511')).toBe(false);
    expect(isKnownSector('Z')).toBe(false);
  });
  it('lists the Arab League first and names every country in three languages', () => {
    expect(COUNTRIES.slice(0, 22).every((c) => c.arabLeague)).toBe(true);
    expect(COUNTRIES).toHaveLength(249);
    expect(COUNTRIES.find((c) => c.code === 'DE')?.name.fr).toBe('Allemagne');
    expect(WILAYAS.find((w) => w.code === 'DZ-16')?.name.fr).toBe('Alger');
  });
});
