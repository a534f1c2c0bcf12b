import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CATALOGUES } from '../../../i18n/catalogues';
import { LocaleProvider } from '../../../i18n/LocaleProvider';
import { EditionForm } from './EditionForm';
import { emptyEdition } from './editionForm';

/* The edition form as an organiser fills it in, in French: what is typed is what is sent. */

const fr = CATALOGUES.fr;

function renderForm(onSubmit: (input: unknown) => void) {
  return render(
    <LocaleProvider initial="fr">
      <MantineProvider>
        <EditionForm
          initial={emptyEdition()}
          submitLabel="consoleForum.create"
          pending={false}
          onSubmit={onSubmit}
        />
      </MantineProvider>
    </LocaleProvider>,
  );
}

describe('EditionForm', () => {
  it('names what is missing and sends nothing', async () => {
    const onSubmit = vi.fn();
    renderForm(onSubmit);
    await userEvent.click(screen.getByRole('button', { name: fr['consoleForum.create'] }));
    expect(screen.getByText(fr['consoleForum.problem.name'])).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends the typed values, a session and its break', async () => {
    const onSubmit = vi.fn();
    renderForm(onSubmit);
    const field = (label: string) => screen.getByLabelText(label, { exact: true });
    await userEvent.type(field(fr['consoleForum.edition.nameFr']), 'Forum des PMI');
    await userEvent.type(field(fr['consoleForum.edition.startsOn']), '2031-03-14');
    await userEvent.type(field(fr['consoleForum.edition.endsOn']), '2031-03-15');
    await userEvent.type(field(fr['consoleForum.session.day']), '2031-03-14');
    await userEvent.type(field(fr['consoleForum.session.breaks']), '10:20-10:40');
    await userEvent.click(screen.getByRole('button', { name: fr['consoleForum.create'] }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0][0]).toMatchObject({
      name: { ar: null, fr: 'Forum des PMI', en: null },
      startsOn: '2031-03-14',
      endsOn: '2031-03-15',
      slotMinutes: 20,
      sessions: [
        {
          day: '2031-03-14',
          kind: 'MORNING',
          start: '09:00',
          end: '12:00',
          breaks: [{ start: '10:20', end: '10:40' }],
        },
      ],
    });
  });
});
