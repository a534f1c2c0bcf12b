import { useEffect, useState } from 'react';
import { useSession } from '../../auth/session';
import { useLocale } from '../../i18n/LocaleProvider';
import { isLocale, type Locale } from '../../i18n/locale';

/** The account whose remembered language was applied (kept across the remounts a switch causes). */
let appliedFor: string | null = null;
/** The account's language while its messages are fetched. */
let applying: Locale | null = null;

/**
 * The language remembered on the account, applied once when a user signs in (or a session resumes).
 * Called by the header in the entry chunk (this module imports nothing else), so it applies at once
 * and not when the header's menus (a lazy chunk) arrive, which would undo a language picked in
 * between. Answers true until the account's language shows, for the header to show the account
 * as signed in only in it (a language picked meanwhile is then the account's, and ends the wait).
 */
export function useApplyAccountLocale(): boolean {
  const { me } = useSession();
  const { locale, setLocale } = useLocale();
  // Bumped when the account's language could not be shown, so the header stops waiting for it.
  const [, setGaveUp] = useState(0);
  useEffect(() => {
    if (!me) {
      appliedFor = null;
      applying = null;
      return;
    }
    if (appliedFor === me.id) return;
    appliedFor = me.id;
    if (isLocale(me.locale) && me.locale !== locale) {
      const wanted = me.locale;
      applying = wanted;
      void setLocale(wanted).then((shown) => {
        // Its messages could not be fetched (or another language was picked): show the account in
        // the language on screen rather than hiding it.
        if (!shown && applying === wanted) {
          applying = null;
          setGaveUp((n) => n + 1);
        }
      });
    }
  }, [me, locale, setLocale]);
  if (!me || !isLocale(me.locale) || me.locale === locale) return false;
  return appliedFor !== me.id || applying === me.locale;
}
