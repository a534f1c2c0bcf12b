import ar, { areas as arAreas, type MessageKey } from './catalogue.ar';
import consoleAr, { areas as consoleArAreas } from './catalogue-console.ar';
import consoleEn, { areas as consoleEnAreas } from './catalogue-console.en';
import consoleFr, { areas as consoleFrAreas } from './catalogue-console.fr';
import en, { areas as enAreas } from './catalogue.en';
import fr, { areas as frAreas } from './catalogue.fr';
import type { Locale } from './locale';

/*
 * The three catalogues together, for the tests and the types. The app itself imports only the
 * active one (LocaleProvider: Arabic in the entry chunk, French and English loaded on demand).
 * Every key lives in exactly one file; catalogues.test.ts checks that the three locales agree.
 */
export type { MessageKey };

export const CATALOGUES: Record<Locale, Record<MessageKey, string>> = {
  ar: { ...ar, ...consoleAr },
  fr: { ...fr, ...consoleFr },
  en: { ...en, ...consoleEn },
};

const AREAS: Record<Locale, object[]> = {
  ar: [...arAreas, ...consoleArAreas],
  fr: [...frAreas, ...consoleFrAreas],
  en: [...enAreas, ...consoleEnAreas],
};

/** Keys defined in more than one area file of a locale (a test keeps this empty). */
export function duplicateKeys(locale: Locale): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const area of AREAS[locale])
    for (const key of Object.keys(area)) {
      if (seen.has(key)) twice.push(key);
      seen.add(key);
    }
  return twice;
}
