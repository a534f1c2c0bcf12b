import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { DirectionProvider } from '@mantine/core';
import { requestState } from '../api/client';
import ar, { type MessageKey } from './catalogue.ar';
import { detectLocale, directionOf, intlLocaleOf, LOCALE_KEY, type Locale } from './locale';

type Messages = Record<string, string>;

/*
 * Arabic, the default, is in the entry chunk; French and English are chunks of their own, fetched
 * when chosen (or detected) and precached by the service worker, so they work offline too. The
 * organisers' console has its messages in one more chunk per language, fetched by the console's
 * gate (useConsoleMessages) and from then on merged into the catalogue.
 */
const loaded: Partial<Record<Locale, Messages>> = { ar };
const loaders: Record<Exclude<Locale, 'ar'>, () => Promise<{ default: Messages }>> = {
  fr: () => import('./catalogue.fr'),
  en: () => import('./catalogue.en'),
};
const consoleLoaded: Partial<Record<Locale, Messages>> = {};
const consoleLoaders: Record<Locale, () => Promise<{ default: Messages }>> = {
  ar: () => import('./catalogue-console.ar'),
  fr: () => import('./catalogue-console.fr'),
  en: () => import('./catalogue-console.en'),
};

/** The catalogue of a locale, fetched once. */
export async function loadCatalogue(locale: Locale): Promise<Messages> {
  return (loaded[locale] ??= locale === 'ar' ? ar : (await loaders[locale]()).default);
}

/** The console's messages in a locale, fetched once. */
export async function loadConsoleCatalogue(locale: Locale): Promise<Messages> {
  return (consoleLoaded[locale] ??= (await consoleLoaders[locale]()).default);
}

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** Whether the console's messages of the current locale are in the catalogue. */
  consoleReady: boolean;
  /** Fetches the console's messages (for this locale and every later switch). */
  wantConsole(): void;
}

const LocaleContext = createContext<LocaleState>({
  locale: 'ar',
  setLocale: () => undefined,
  consoleReady: false,
  wantConsole: () => undefined,
});

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
  const [consoleWanted, setConsoleWanted] = useState(false);
  const base = loaded[locale];
  const consoleMessages = consoleLoaded[locale];
  const messages = useMemo(
    () => (base && consoleMessages ? { ...base, ...consoleMessages } : base),
    [base, consoleMessages],
  );
  requestState.locale = locale;
  useEffect(() => {
    if (!base) void loadCatalogue(locale).then(() => setReady((n) => n + 1));
  }, [locale, base]);
  useEffect(() => {
    if (consoleWanted && !consoleMessages)
      void loadConsoleCatalogue(locale).then(() => setReady((n) => n + 1));
  }, [locale, consoleWanted, consoleMessages]);
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
    // The new language shows once its catalogue is here (at once when it was loaded before), with
    // the console's messages too once the console was opened.
    void Promise.all([loadCatalogue(next), consoleWantedRef.current && loadConsoleCatalogue(next)]).then(() =>
      setState(next),
    );
  }, []);
  const consoleWantedRef = useRef(consoleWanted);
  consoleWantedRef.current = consoleWanted;
  const wantConsole = useCallback(() => setConsoleWanted(true), []);
  const consoleReady = !!consoleMessages;
  const value = useMemo(
    () => ({ locale, setLocale, consoleReady, wantConsole }),
    [locale, setLocale, consoleReady, wantConsole],
  );
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

/** For the console's gate: asks for the console's messages when `wanted`; true once they are in the catalogue. */
export function useConsoleMessages(wanted: boolean): boolean {
  const { consoleReady, wantConsole } = useContext(LocaleContext);
  useEffect(() => {
    if (wanted && !consoleReady) wantConsole();
  }, [wanted, consoleReady, wantConsole]);
  return consoleReady;
}

/** `t('key', values)`: a message of the current catalogue, keys checked by the compiler. */
export function useT() {
  const intl = useIntl();
  return useCallback(
    (id: MessageKey, values?: Record<string, string | number>) => intl.formatMessage({ id }, values),
    [intl],
  );
}
