import ar from './catalogue.ar';
import type { Locale } from './locale';

export type Messages = Record<string, string>;

/**
 * The parts of a catalogue fetched on demand. The entry chunk holds the shared Arabic messages
 * (messages/ar.json: the shell, search, sign-in, the agenda's own strings); each area's messages
 * (messages/<area>/<locale>.json) are a chunk of their own, fetched with the pages that declare the
 * area in src/router.tsx (`page`), and `console` (the console and venue desk, catalogue-console.*)
 * by the console's gate. messageAreas.test.ts checks that every page declares the areas it uses.
 */
export const AREAS = ['account', 'organization', 'inbox', 'forum'] as const;
export type Area = (typeof AREAS)[number];
type Part = Area | 'console';

const loaders: Record<Locale, Record<Part | 'core', () => Promise<{ default: Messages }>>> = {
  ar: {
    core: async () => ({ default: ar }),
    account: () => import('./messages/account/ar.json'),
    organization: () => import('./messages/organization/ar.json'),
    inbox: () => import('./messages/inbox/ar.json'),
    forum: () => import('./messages/forum/ar.json'),
    console: () => import('./catalogue-console.ar'),
  },
  fr: {
    core: () => import('./catalogue.fr'),
    account: () => import('./messages/account/fr.json'),
    organization: () => import('./messages/organization/fr.json'),
    inbox: () => import('./messages/inbox/fr.json'),
    forum: () => import('./messages/forum/fr.json'),
    console: () => import('./catalogue-console.fr'),
  },
  en: {
    core: () => import('./catalogue.en'),
    account: () => import('./messages/account/en.json'),
    organization: () => import('./messages/organization/en.json'),
    inbox: () => import('./messages/inbox/en.json'),
    forum: () => import('./messages/forum/en.json'),
    console: () => import('./catalogue-console.en'),
  },
};

const loaded: Record<Locale, Partial<Record<Part | 'core', Messages>>> = { ar: { core: ar }, fr: {}, en: {} };
/** The parts some page has asked for: a language switch fetches them too before showing. */
const wanted = new Set<Part>();
let active: Locale = 'ar';
/** The locale a switch is fetching, until it is shown. */
let switchingTo: Locale | undefined;
let version = 0;
const listeners = new Set<() => void>();

async function loadPart(locale: Locale, part: Part | 'core'): Promise<void> {
  if (loaded[locale][part]) return;
  const messages = (await loaders[locale][part]()).default;
  if (loaded[locale][part]) return;
  loaded[locale][part] = messages;
  version += 1;
  for (const l of listeners) l();
}

/** The locale whose parts `loadAreas` fetches (the provider's, set as it renders). */
export function setActiveLocale(locale: Locale): void {
  active = locale;
}

/** Fetches a locale's shared messages and every part asked for so far. */
export async function loadCatalogue(locale: Locale): Promise<void> {
  await Promise.all([loadPart(locale, 'core'), ...[...wanted].map((p) => loadPart(locale, p))]);
}

/**
 * Asks for areas (kept across language switches) and fetches them in the active locale and, while a
 * switch is under way, in the language being switched to, so the page they are for shows in it.
 */
export async function loadAreas(areas: readonly Part[], locale: Locale = active): Promise<void> {
  for (const a of areas) wanted.add(a);
  const locales = switchingTo && switchingTo !== locale ? [locale, switchingTo] : [locale];
  await Promise.all(locales.flatMap((l) => areas.map((a) => loadPart(l, a))));
}

/**
 * Fetches everything a switch to `locale` needs: its shared messages and every part asked for,
 * including the parts a page asks for while this runs (fetched in `locale` too by `loadAreas`).
 */
export async function prepareSwitch(locale: Locale): Promise<void> {
  switchingTo = locale;
  try {
    do await loadCatalogue(locale);
    while (!complete(locale));
  } finally {
    if (switchingTo === locale) switchingTo = undefined;
  }
}

/** The console's messages and, since its pages read participants' messages too, every area. */
export const loadConsole = (locale: Locale = active) => loadAreas([...AREAS, 'console'], locale);

/** Whether everything asked for is here in `locale`. */
export const complete = (locale: Locale) =>
  !!loaded[locale].core && [...wanted].every((p) => loaded[locale][p]);
export const hasConsole = (locale: Locale) => !!loaded[locale].console;

/** A changing number, for useSyncExternalStore: bumped whenever a part arrives. */
export const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};
export const snapshot = () => version;

/** The merged catalogue of a locale as loaded now; undefined until its shared messages are here. */
export function messagesOf(locale: Locale): Messages | undefined {
  const parts = loaded[locale];
  if (!parts.core) return undefined;
  return Object.assign({}, parts.core, ...AREAS.map((a) => parts[a]), parts.console) as Messages;
}
