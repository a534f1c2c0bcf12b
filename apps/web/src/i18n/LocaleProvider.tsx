import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { DirectionProvider } from '@mantine/core';
import { requestState } from '../api/client';
import {
  complete,
  hasConsole,
  loadCatalogue,
  loadConsole,
  messagesOf,
  prepareSwitch,
  setActiveLocale,
  snapshot,
  subscribe,
} from './areas';
import type { MessageKey } from './catalogue.ar';
import { detectLocale, directionOf, intlLocaleOf, LOCALE_KEY, type Locale } from './locale';

/*
 * The shared Arabic messages are in the entry chunk; French and English, each area's messages and
 * the console's are chunks of their own (src/i18n/areas.ts), fetched when a page or the console's
 * gate asks for them and precached by the service worker, so they work offline too.
 */

interface LocaleState {
  locale: Locale;
  /** Resolves true once the language shows, false when its messages could not be fetched or a later choice won. */
  setLocale(locale: Locale): Promise<boolean>;
  /** Whether the console's messages of the current locale are in the catalogue. */
  consoleReady: boolean;
  /** Fetches the console's messages (for this locale and every later switch). */
  wantConsole(): void;
}

const LocaleContext = createContext<LocaleState>({
  locale: 'ar',
  setLocale: () => Promise.resolve(false),
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
  const version = useSyncExternalStore(subscribe, snapshot, snapshot);
  const [consoleWanted, setConsoleWanted] = useState(false);
  setActiveLocale(locale);
  requestState.locale = locale;
  // `version` changes whenever a part of a catalogue arrives.
  const messages = useMemo(() => messagesOf(locale), [locale, version]);
  const ready = complete(locale);
  useEffect(() => {
    // A page's areas may have been asked for in the previous language during a switch.
    if (!ready) void loadCatalogue(locale);
  }, [locale, ready]);
  useEffect(() => {
    if (consoleWanted) void loadConsole(locale);
  }, [locale, consoleWanted]);
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
    // The new language shows once its messages are here (at once when they were loaded before),
    // with every area asked for so far or while they arrive, and the console's once the console was
    // opened. Only the latest choice applies: an earlier one whose messages arrive later is dropped.
    latest.current = next;
    return Promise.all([prepareSwitch(next), consoleWantedRef.current && loadConsole(next)]).then(
      () => {
        if (latest.current !== next) return false;
        setState(next);
        return true;
      },
      // A catalogue that cannot be fetched (offline, not cached yet) leaves the current language.
      () => false,
    );
  }, []);
  const latest = useRef<Locale | null>(null);
  const consoleWantedRef = useRef(consoleWanted);
  consoleWantedRef.current = consoleWanted;
  const wantConsole = useCallback(() => setConsoleWanted(true), []);
  const consoleReady = hasConsole(locale) && ready;
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
