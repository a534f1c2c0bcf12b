import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { SET_MY_LOCALE } from '../../api/account';
import type { Me } from '../../api/operations';
import { useSession } from '../../auth/session';
import { useLocale } from '../../i18n/LocaleProvider';
import type { Locale } from '../../i18n/locale';

/** Picks a language: saved on the account whenever a signed-in user picks another. */
export function useAccountLocale(): (next: Locale) => void {
  const { me } = useSession();
  const { setLocale } = useLocale();
  const queries = useQueryClient();

  return useCallback(
    (next: Locale) => {
      void setLocale(next);
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
