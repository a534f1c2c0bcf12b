import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { DirectionProvider } from '@mantine/core';
import { requestState } from '../api/client';
import { CATALOGUES, type MessageKey } from './catalogues';
import { detectLocale, directionOf, intlLocaleOf, LOCALE_KEY, type Locale } from './locale';

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleState>({ locale: 'ar', setLocale: () => undefined });

function readStored(): string | null {
  try {
    return globalThis.localStorage?.getItem(LOCALE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** The interface language: detected once, switchable, remembered in localStorage, mirrored on <html lang dir>. */
export function LocaleProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [locale, setState] = useState<Locale>(
    () => initial ?? detectLocale(readStored(), globalThis.navigator?.languages ?? []),
  );
  requestState.locale = locale;
  useEffect(() => {
    const html = document.documentElement;
    html.lang = locale;
    html.dir = directionOf(locale);
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(LOCALE_KEY, next);
    } catch {
      // Private modes may refuse storage: the choice then lasts for this page only.
    }
    setState(next);
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={value}>
      <DirectionProvider initialDirection={directionOf(locale)} detectDirection={false}>
        <IntlProvider
          key={locale}
          locale={intlLocaleOf(locale)}
          defaultLocale="ar"
          messages={CATALOGUES[locale]}
        >
          {children}
        </IntlProvider>
      </DirectionProvider>
    </LocaleContext.Provider>
  );
}

export const useLocale = () => useContext(LocaleContext);

/** `t('key', values)`: a message of the current catalogue, keys checked by the compiler. */
export function useT() {
  const intl = useIntl();
  return useCallback(
    (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values),
    [intl],
  );
}
