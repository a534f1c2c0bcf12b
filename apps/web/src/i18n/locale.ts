export const LOCALES = ['ar', 'fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Where the chosen language is remembered in the browser. */
export const LOCALE_KEY = 'tashbik.locale';

export const isLocale = (v: unknown): v is Locale => LOCALES.includes(v as Locale);

/** Right to left for Arabic. */
export const directionOf = (locale: Locale): 'rtl' | 'ltr' => (locale === 'ar' ? 'rtl' : 'ltr');

/**
 * The locale the formatters use: Arabic keeps Latin digits (as in Algeria, Morocco and Tunisia, and
 * as dates and times on the agenda are read), and the others their usual forms.
 */
export const intlLocaleOf = (locale: Locale): string => (locale === 'ar' ? 'ar-u-nu-latn' : locale);

/**
 * The interface language: the one remembered, else the first of the browser's languages the app
 * speaks, else Arabic.
 */
export function detectLocale(stored: string | null, browser: readonly string[]): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'ar';
}
