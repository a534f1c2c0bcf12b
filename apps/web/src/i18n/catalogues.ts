import { areas as consoleArAreas } from './catalogue-console.ar';
import { areas as consoleEnAreas } from './catalogue-console.en';
import { areas as consoleFrAreas } from './catalogue-console.fr';
import type { MessageKey } from './catalogue.ar';
import type { Locale } from './locale';
import ar from './messages/ar.json';
import fr from './messages/fr.json';
import en from './messages/en.json';
import accountAr from './messages/account/ar.json';
import accountFr from './messages/account/fr.json';
import accountEn from './messages/account/en.json';
import organizationAr from './messages/organization/ar.json';
import organizationFr from './messages/organization/fr.json';
import organizationEn from './messages/organization/en.json';
import inboxAr from './messages/inbox/ar.json';
import inboxFr from './messages/inbox/fr.json';
import inboxEn from './messages/inbox/en.json';
import forumAr from './messages/forum/ar.json';
import forumFr from './messages/forum/fr.json';
import forumEn from './messages/forum/en.json';

/*
 * The three catalogues whole, for the tests and the types. The app itself fetches the shared
 * messages of the active language and each area's messages with the pages that use them
 * (areas.ts). Every key lives in exactly one file; catalogues.test.ts checks that the three locales agree.
 */
export type { MessageKey };

const AREAS: Record<Locale, object[]> = {
  ar: [ar, accountAr, organizationAr, inboxAr, forumAr, ...consoleArAreas],
  fr: [fr, accountFr, organizationFr, inboxFr, forumFr, ...consoleFrAreas],
  en: [en, accountEn, organizationEn, inboxEn, forumEn, ...consoleEnAreas],
};

const whole = (l: Locale) => Object.assign({}, ...AREAS[l]) as Record<MessageKey, string>;

export const CATALOGUES: Record<Locale, Record<MessageKey, string>> = {
  ar: whole('ar'),
  fr: whole('fr'),
  en: whole('en'),
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
