import { useCallback, useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { SET_MY_LOCALE } from '../../api/account';
import type { Me } from '../../api/operations';
import { useSession } from '../../auth/session';
import { useLocale } from '../../i18n/LocaleProvider';
import { isLocale, type Locale } from '../../i18n/locale';

/**
 * The language remembered on the account: applied once when a user signs in (or a session resumes),
 * saved on the account whenever a signed-in user picks another. Answers the function that picks one.
 */
export function useAccountLocale(): (next: Locale) => void {
  const { me } = useSession();
  const { locale, setLocale } = useLocale();
  const queries = useQueryClient();
  const appliedFor = useRef<string | null>(null);

  useEffect(() => {
    if (!me) {
      appliedFor.current = null;
      return;
    }
    if (appliedFor.current === me.id) return;
    appliedFor.current = me.id;
    if (isLocale(me.locale) && me.locale !== locale) setLocale(me.locale);
  }, [me, locale, setLocale]);

  return useCallback(
    (next: Locale) => {
      setLocale(next);
      if (!me || me.locale === next) return;
      queries.setQueriesData<Me | null>({ queryKey: ['me'] }, (old) =>
        old ? { ...old, locale: next } : old,
      );
      // The choice holds on this device even when the api cannot save it now.
      void call(SET_MY_LOCALE, { locale: next }).catch(() => undefined);
    },
    [me, setLocale, queries],
  );
}
