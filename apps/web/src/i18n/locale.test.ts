import { describe, expect, it } from 'vitest';
import { detectLocale, directionOf } from './locale';

describe('detectLocale', () => {
  it('keeps a remembered choice over the browser', () => {
    expect(detectLocale('fr', ['ar-DZ', 'en'])).toBe('fr');
  });
  it('takes the first browser language the app speaks', () => {
    expect(detectLocale(null, ['de-DE', 'fr-FR', 'ar'])).toBe('fr');
    expect(detectLocale(null, ['en-GB'])).toBe('en');
  });
  it('ignores a corrupt stored value and falls back to Arabic', () => {
    expect(detectLocale('xx', ['de'])).toBe('ar');
    expect(detectLocale(null, [])).toBe('ar');
  });
  it('writes Arabic right to left only', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('fr')).toBe('ltr');
    expect(directionOf('en')).toBe('ltr');
  });
});
