import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryHistory } from '@tanstack/react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from './App';
import { LOCALE_KEY } from './i18n/locale';
import { createAppRouter } from './router';

async function renderAt(path: string) {
  const router = createAppRouter(createMemoryHistory({ initialEntries: [path] }));
  await act(async () => {
    render(<App router={router} />);
    await router.load();
  });
  return router;
}

describe('the app shell', () => {
  beforeEach(() => localStorage.clear());

  it('opens in the browser language, right to left in Arabic, and remembers a switch to French', async () => {
    Object.defineProperty(navigator, 'languages', { value: ['ar-DZ', 'fr'], configurable: true });
    await renderAt('/signup');
    expect(await screen.findByRole('heading', { name: 'أنشئ حسابك' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(document.documentElement).toHaveAttribute('lang', 'ar');

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'اللغة' }));
    // The dropdown is in the document but jsdom never ends its opening transition, so it counts as hidden.
    // The menu is a chunk of its own, loaded on first use: on a busy machine that takes over a second.
    fireEvent.click(
      await screen.findByRole('menuitem', { name: 'Français', hidden: true }, { timeout: 15_000 }),
    );

    expect(
      await screen.findByRole('heading', { name: 'Créer votre compte' }, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
    expect(document.documentElement).toHaveAttribute('lang', 'fr');
    expect(localStorage.getItem(LOCALE_KEY)).toBe('fr');
  });

  it('starts in the remembered language whatever the browser says', async () => {
    localStorage.setItem(LOCALE_KEY, 'en');
    Object.defineProperty(navigator, 'languages', { value: ['ar'], configurable: true });
    await renderAt('/signin');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
  });

  it('checks the sign-up form in the interface language before sending it', async () => {
    Object.defineProperty(navigator, 'languages', { value: ['fr-FR'], configurable: true });
    await renderAt('/signup');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/Adresse e-mail/), 'pas-une-adresse');
    await user.type(screen.getByLabelText(/Mot de passe/), 'court');
    await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));
    await waitFor(() => expect(screen.getByText('Saisissez une adresse e-mail valide')).toBeInTheDocument());
    expect(screen.getByText('Au moins 10 caractères')).toBeInTheDocument();
    expect(screen.getByText('Acceptez les conditions pour continuer')).toBeInTheDocument();
    expect(screen.getAllByText('Obligatoire')).toHaveLength(1);
  });
});
