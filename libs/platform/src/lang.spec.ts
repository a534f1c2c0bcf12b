import { isLang, langFromHeader } from './lang.js';

describe('the platform languages', () => {
  it('takes the most wanted of ar, fr, en from Accept-Language, by q weight, else French', () => {
    expect(langFromHeader('ar-DZ,ar;q=0.9,fr;q=0.8')).toBe('ar');
    expect(langFromHeader('de-DE, en;q=0.5, fr;q=0.7')).toBe('fr');
    expect(langFromHeader('EN-gb')).toBe('en');
    expect(langFromHeader('es, de;q=0.9')).toBe('fr');
    expect(langFromHeader('ar;q=0, en;q=0.1')).toBe('en');
    expect(langFromHeader(undefined)).toBe('fr');
    expect(langFromHeader('')).toBe('fr');
  });

  it('tells a platform language from any other value', () => {
    expect(['ar', 'fr', 'en', 'AR', 'es', '', null, 3].map(isLang)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
