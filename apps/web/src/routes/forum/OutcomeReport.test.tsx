import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../../i18n/LocaleProvider';
import type { QueuedOutcome } from '../../forum/outcomeQueue';
import { OutcomeReport } from './OutcomeReport';

/* The outcome control under a meeting: the form hands the choice over, then the card tells its state. */

const queued = (state: QueuedOutcome['state'], error?: string): QueuedOutcome => ({
  userId: 'u1',
  meetingId: 'm1',
  organizationId: 'o1',
  outcome: 'HELD',
  note: null,
  queuedAt: '2027-03-16T10:00:00.000Z',
  state,
  ...(error ? { error } : {}),
});

function renderReport(q: QueuedOutcome | undefined, onReport = vi.fn()) {
  const view = render(
    <LocaleProvider initial="fr">
      <MantineProvider>
        <OutcomeReport meetingId="m1" queued={q} onReport={onReport} />
      </MantineProvider>
    </LocaleProvider>,
  );
  return { ...view, onReport };
}

describe('reporting a meeting outcome', () => {
  // jsdom has no FontFaceSet; Mantine's autosizing textarea listens to it.
  beforeAll(() => {
    if (!('fonts' in document))
      Object.defineProperty(document, 'fonts', {
        value: { addEventListener: () => undefined, removeEventListener: () => undefined },
        configurable: true,
      });
  });

  it('asks for the outcome and a note, then hands them over', async () => {
    const { onReport } = renderReport(undefined);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Indiquer le résultat' }));
    // The form is a chunk of its own, fetched as it opens.
    const save = await screen.findByRole('button', { name: 'Enregistrer le résultat' });
    expect(save).toBeDisabled();
    fireEvent.click(screen.getByRole('radio', { name: 'Tenu, suite prévue' }));
    await user.type(screen.getByLabelText('Note (facultative)'), '  Devis lundi ');
    await user.click(save);
    expect(onReport).toHaveBeenCalledWith('FOLLOW_UP_PLANNED', 'Devis lundi');
  });

  it('says a queued report is waiting to send, and offers to change it', () => {
    renderReport(queued('waiting'));
    expect(screen.getByTestId('outcome-waiting')).toHaveTextContent(
      'En attente d’envoi : il partira au retour de la connexion.',
    );
    expect(screen.getByRole('button', { name: 'Modifier' })).toBeInTheDocument();
  });

  it('says what was reported once sent, and why a refused one was refused', () => {
    const { unmount } = renderReport(queued('sent'));
    expect(screen.getByTestId('outcome-sent')).toHaveTextContent('Résultat indiqué : Tenu');
    unmount();
    renderReport(queued('failed', 'UNAUTHENTICATED'));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Le résultat n’a pas été accepté : Votre session a pris fin. Reconnectez-vous.',
    );
  });
});
