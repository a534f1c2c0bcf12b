import { act, render, waitFor } from '@testing-library/react';
import { useIntl } from 'react-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Locale } from './locale';

/*
 * Language switches against a fresh message store (test-setup.ts preloads every catalogue in the
 * shared one): only the entry's Arabic messages are there at first, as in the browser.
 */

type Store = typeof import('./areas');
type Provider = typeof import('./LocaleProvider');

let areas: Store;
let provider: Provider;

beforeEach(async () => {
  vi.resetModules();
  areas = await import('./areas');
  provider = await import('./LocaleProvider');
});

/** Renders the provider with a probe recording, at each render, the locale and an inbox message. */
function mount() {
  const seen: { locale: Locale; text: string }[] = [];
  let setLocale: (l: Locale) => Promise<boolean> = () => Promise.resolve(false);
  function Probe() {
    const state = provider.useLocale();
    const intl = useIntl();
    setLocale = state.setLocale;
    seen.push({
      locale: state.locale,
      text: intl.messages['inbox.more'] ? String(intl.messages['inbox.more']) : '(missing)',
    });
    return <p data-testid="probe">{state.locale}</p>;
  }
  const view = render(
    <provider.LocaleProvider initial="ar">
      <Probe />
    </provider.LocaleProvider>,
  );
  return { seen, view, switchTo: (l: Locale) => setLocale(l) };
}

describe('switching the language', () => {
  it("shows a page's area in the new language when the page asks for it while the switch loads", async () => {
    const { seen, view, switchTo } = mount();
    await act(async () => {
      switchTo('fr');
      // A lazy route resolving now asks for its area in the language still shown (Arabic).
      await areas.loadAreas(['inbox']);
    });
    await waitFor(() => expect(view.getByTestId('probe')).toHaveTextContent('fr'));
    await act(async () => areas.loadAreas(['inbox']));
    const french = seen.filter((s) => s.locale === 'fr').map((s) => s.text);
    expect(french.length).toBeGreaterThan(0);
    // Never a French render without the inbox's French messages.
    expect(new Set(french)).toEqual(new Set(['Afficher plus']));
  });

  it('keeps the latest choice when an earlier one finishes loading after it', async () => {
    const { view, switchTo } = mount();
    await act(async () => {
      // English must be fetched; Arabic is in the entry: the second choice is ready first.
      switchTo('en');
      switchTo('ar');
    });
    await act(async () => {
      await areas.loadCatalogue('en');
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(view.getByTestId('probe')).toHaveTextContent('ar');
    expect(document.documentElement.lang).toBe('ar');
  });

  it('answers whether the language shows: false for a choice a later one overtook', async () => {
    const { switchTo } = mount();
    let first: Promise<boolean> = Promise.resolve(true);
    let second: Promise<boolean> = Promise.resolve(false);
    await act(async () => {
      first = switchTo('en');
      second = switchTo('fr');
      await Promise.all([first, second]);
    });
    await expect(first).resolves.toBe(false);
    await expect(second).resolves.toBe(true);
  });

  it('keeps the language on screen, and answers false, when the messages cannot be fetched', async () => {
    vi.resetModules();
    vi.doMock('./catalogue.fr', () => {
      throw new Error('offline');
    });
    areas = await import('./areas');
    provider = await import('./LocaleProvider');
    const { view, switchTo } = mount();
    let shown: Promise<boolean> = Promise.resolve(true);
    await act(async () => {
      shown = switchTo('fr');
      await shown.catch(() => undefined);
    });
    await expect(shown).resolves.toBe(false);
    expect(view.getByTestId('probe')).toHaveTextContent('ar');
    vi.doUnmock('./catalogue.fr');
  });
});
