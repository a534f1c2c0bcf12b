import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { AREAS, loadAreas, loadCatalogue, loadConsole } from './i18n/areas';
import { LOCALES } from './i18n/locale';

// The app fetches French, English, each area's and the console's messages on demand; tests render
// any of them at once (messageAreas.test.ts checks that pages ask for the areas they use).
await Promise.all(LOCALES.flatMap((l) => [loadCatalogue(l), loadAreas(AREAS, l), loadConsole(l)]));

afterEach(() => cleanup());

// jsdom has no layout: Mantine asks for these. Reduced motion is on, so menus open at once.
if (typeof window !== 'undefined' && !window.matchMedia)
  window.matchMedia = (query: string) =>
    ({
      matches: query.includes('prefers-reduced-motion: reduce'),
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
class NoResize {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoResize as unknown as typeof ResizeObserver;
if (typeof window !== 'undefined') window.scrollTo = () => undefined;
