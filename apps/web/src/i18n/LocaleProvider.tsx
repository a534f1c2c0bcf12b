import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { DirectionProvider } from '@mantine/core';
import { requestState } from '../api/client';
import ar, { type MessageKey } from './catalogue.ar';
import { detectLocale, directionOf, intlLocaleOf, LOCALE_KEY, type Locale } from './locale';

type Messages = Record<MessageKey, string>;

/*
 * Arabic, the default, is in the entry chunk; French and English are chunks of their own, fetched
 * when chosen (or detected) and precached by the service worker, so they work offline too.
 */
const loaded: Partial<Record<Locale, Messages>> = { ar };
const loaders: Record<Exclude<Locale, 'ar'>, () => Promise<{ default: Messages }>> = {
  fr: () => import('./catalogue.fr'),
  en: () => import('./catalogue.en'),
};

/** The catalogue of a locale, fetched once. */
export async function loadCatalogue(locale: Locale): Promise<Messages> {
  return (loaded[locale] ??= locale === 'ar' ? ar : (await loaders[locale]()).default);
}

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
  const [, setReady] = useState(0);
  const messages = loaded[locale];
  requestState.locale = locale;
  useEffect(() => {
    if (!messages) void loadCatalogue(locale).then(() => setReady((n) => n + 1));
  }, [locale, messages]);
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
    // The new language shows once its catalogue is here (at once when it was loaded before).
    void loadCatalogue(next).then(() => setState(next));
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  // Only on the first paint in French or English, for the moment the catalogue takes to arrive.
  if (!messages) return null;
  return (
    <LocaleContext.Provider value={value}>
      <DirectionProvider initialDirection={directionOf(locale)} detectDirection={false}>
        <IntlProvider key={locale} locale={intlLocaleOf(locale)} defaultLocale="ar" messages={messages}>
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
