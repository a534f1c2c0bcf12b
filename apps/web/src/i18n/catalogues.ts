import ar from './messages/ar.json';
import en from './messages/en.json';
import fr from './messages/fr.json';
import accountAr from './messages/account/ar.json';
import accountEn from './messages/account/en.json';
import accountFr from './messages/account/fr.json';
import organizationAr from './messages/organization/ar.json';
import organizationEn from './messages/organization/en.json';
import organizationFr from './messages/organization/fr.json';
import inboxAr from './messages/inbox/ar.json';
import inboxEn from './messages/inbox/en.json';
import inboxFr from './messages/inbox/fr.json';
import forumAr from './messages/forum/ar.json';
import forumEn from './messages/forum/en.json';
import forumFr from './messages/forum/fr.json';
import consoleAr from './messages/console/ar.json';
import consoleEn from './messages/console/en.json';
import consoleFr from './messages/console/fr.json';
import type { Locale } from './locale';

/*
 * The messages of each locale: the shared ones (messages/<locale>.json: the shell, search,
 * sign-in, errors) and one file per area of the app (messages/<area>/<locale>.json), merged here.
 * Every key lives in exactly one file; catalogues.test.ts checks that the three locales agree.
 */
const AREAS = {
  core: { ar, fr, en },
  account: { ar: accountAr, fr: accountFr, en: accountEn },
  organization: { ar: organizationAr, fr: organizationFr, en: organizationEn },
  inbox: { ar: inboxAr, fr: inboxFr, en: inboxEn },
  forum: { ar: forumAr, fr: forumFr, en: forumEn },
  console: { ar: consoleAr, fr: consoleFr, en: consoleEn },
};

export type MessageKey =
  | keyof typeof ar
  | keyof typeof accountAr
  | keyof typeof organizationAr
  | keyof typeof inboxAr
  | keyof typeof forumAr
  | keyof typeof consoleAr;

const merge = (locale: Locale): Record<MessageKey, string> =>
  Object.assign({}, ...Object.values(AREAS).map((area) => area[locale])) as Record<MessageKey, string>;

export const CATALOGUES: Record<Locale, Record<MessageKey, string>> = {
  ar: merge('ar'),
  fr: merge('fr'),
  en: merge('en'),
};

/** Keys defined in more than one area file of a locale (a test keeps this empty). */
export function duplicateKeys(locale: Locale): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const area of Object.values(AREAS))
    for (const key of Object.keys(area[locale])) {
      if (seen.has(key)) twice.push(key);
      seen.add(key);
    }
  return twice;
}
