import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryHistory } from '@tanstack/react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../App';
import { LOCALE_KEY } from '../../i18n/locale';
import { createAppRouter } from '../../router';

/*
 * The suggestions screen against a stubbed api: reasons shown as the api words them, accepting
 * opens the contact request in one step and links to it, a refusal is said in the interface language.
 */

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const SUGGESTION = '33333333-3333-4333-8333-333333333333';

type Answer = { data?: unknown; errors?: { message: string; extensions: { code: string } }[] };

const INCUBATOR = '44444444-4444-4444-8444-444444444444';
/** A support suggestion as the api words it: the programme named by one reason, ranked by the others. */
const supportAnswer: Answer = {
  data: {
    suggestions: {
      edges: [
        {
          node: {
            id: '55555555-5555-4555-8555-555555555555',
            kind: 'SUPPORT',
            role: 'SUPPORT_PROVIDER',
            rank: 1,
            score: 0.81,
            verdict: null,
            counterpartId: INCUBATOR,
            counterpartDelegateId: null,
            contactRequestId: null,
            meetingRequestId: null,
            editionId: null,
            counterpart: {
              id: INCUBATOR,
              kind: 'SUPPORT_INSTITUTION',
              name: { ar: null, fr: 'Incubateur du Sud', en: null },
              country: 'DZ',
              city: 'Ouargla',
            },
            reasons: [
              {
                code: 'support.services',
                text: 'Répond à vos besoins : incubation (indices : jeune entreprise)',
                score: 1,
                direction: 'forward',
              },
              { code: 'support.cost', text: 'Gratuit', score: 1, direction: 'forward' },
              {
                code: 'support.programme',
                text: 'Programme « Incubation Sud » : incubation',
                score: 1,
                direction: 'forward',
              },
            ],
            clusterProposal: null,
          },
        },
      ],
      pageInfo: { hasNextPage: false, endCursor: null },
    },
  },
};

function stubApi(accept: () => Answer) {
  const sent: { name: string; variables: Record<string, unknown> }[] = [];
  const answers: Record<string, (variables?: Record<string, unknown>) => Answer> = {
    Refresh: () => ({
      data: { refreshSession: { accessToken: 'a', accessTokenExpiresAt: '2030-01-01T00:00:00Z' } },
    }),
    Me: () => ({
      data: {
        me: { id: 'u1', email: 'a@b.dz', displayName: 'A', locale: 'fr', emailVerified: true, roles: [] },
      },
    }),
    UnreadNotificationCount: () => ({ data: { unreadNotificationCount: 0 } }),
    InboxOrganizations: () => ({
      data: {
        myOrganizations: [
          { id: ORG, kind: 'SME', status: 'ACTIVE', name: { ar: null, fr: 'Atelier', en: null } },
        ],
      },
    }),
    Suggestions: (variables) =>
      variables?.kind === 'SUPPORT'
        ? supportAnswer
        : {
            data: {
              suggestions: {
                edges: [
                  {
                    node: {
                      id: SUGGESTION,
                      kind: 'SUBCONTRACTING',
                      rank: 1,
                      score: 0.72,
                      verdict: null,
                      counterpartId: OTHER,
                      counterpartDelegateId: null,
                      contactRequestId: null,
                      meetingRequestId: null,
                      editionId: null,
                      counterpart: {
                        id: OTHER,
                        kind: 'SME',
                        name: { ar: null, fr: 'Fonderie', en: null },
                        country: 'DZ',
                        city: 'Oran',
                      },
                      reasons: [
                        {
                          code: 'PROCESS',
                          text: 'Maîtrise le soudage demandé',
                          score: 1,
                          direction: 'forward',
                        },
                      ],
                      clusterProposal: null,
                    },
                  },
                ],
                pageInfo: { hasNextPage: false, endCursor: null },
              },
            },
          },
    OrganizationCard: (variables) => ({
      data: {
        organization: {
          id: variables?.id ?? OTHER,
          kind: variables?.id === INCUBATOR ? 'SUPPORT_INSTITUTION' : 'SME',
          name: { ar: null, fr: variables?.id === INCUBATOR ? 'Incubateur du Sud' : 'Fonderie', en: null },
          country: 'DZ',
          city: 'Oran',
          contactsVisible: false,
          contacts: [],
        },
      },
    }),
    AcceptSuggestion: accept,
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: unknown, init: { body: string }) => {
      const body = JSON.parse(init.body) as { query: string; variables?: Record<string, unknown> };
      const name = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '';
      sent.push({ name, variables: body.variables ?? {} });
      const answer = answers[name]?.(body.variables) ?? {
        data: null,
        errors: [{ message: 'no', extensions: { code: 'NOT_FOUND' } }],
      };
      return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
    }),
  );
  return sent;
}

async function open() {
  const router = createAppRouter(createMemoryHistory({ initialEntries: ['/suggestions'] }));
  await act(async () => {
    render(<App router={router} />);
    await router.load();
  });
}

describe('the suggestions screen', () => {
  beforeEach(() => {
    localStorage.setItem(LOCALE_KEY, 'fr');
    vi.stubGlobal('WebSocket', undefined);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows the reasons and opens the contact request in one step, with an optional message', async () => {
    const sent = stubApi(() => ({
      data: {
        acceptSuggestion: {
          suggestionId: SUGGESTION,
          verdict: 'ACCEPTED',
          contactRequestId: 'c1',
          meetingRequestId: null,
        },
      },
    }));
    await open();
    const card = await screen.findByRole('article', { name: 'Fonderie' }, { timeout: 15_000 });
    expect(within(card).getByText('Maîtrise le soudage demandé')).toBeInTheDocument();
    expect(within(card).getByText('Affinité 72 %')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(within(card).getByRole('button', { name: 'Joindre un message à la demande' }));
    await user.type(within(card).getByLabelText('Message (facultatif)'), 'Bonjour, parlons soudage');
    await user.click(within(card).getByRole('button', { name: 'Demander le contact' }));
    expect(await within(card).findByText('Acceptée')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: /Demande de contact envoyée/ })).toHaveAttribute(
      'href',
      '/requests/contact',
    );
    expect(sent.find((s) => s.name === 'AcceptSuggestion')?.variables).toMatchObject({
      organizationId: ORG,
      suggestionId: SUGGESTION,
      message: 'Bonjour, parlons soudage',
    });
  });

  it('says a duplicate request in French and keeps the actions', async () => {
    stubApi(() => ({
      errors: [
        { message: 'a request to this organisation is already pending', extensions: { code: 'CONFLICT' } },
      ],
    }));
    await open();
    const card = await screen.findByRole('article', { name: 'Fonderie' }, { timeout: 15_000 });
    await userEvent.setup().click(within(card).getByRole('button', { name: 'Demander le contact' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent(/déjà en attente/);
    expect(within(card).queryByText('Acceptée')).not.toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Demander le contact' })).toBeEnabled();
  });

  it('shows support suggestions in their own tab, the programme apart from the reasons', async () => {
    const sent = stubApi(() => ({ data: null }));
    await open();
    await screen.findByRole('article', { name: 'Fonderie' }, { timeout: 15_000 });
    await userEvent.setup().click(screen.getByRole('tab', { name: 'Accompagnement' }));
    const card = await screen.findByRole('article', { name: 'Incubateur du Sud' });
    expect(within(card).getByTestId('support-role')).toHaveTextContent(
      'Un programme d’accompagnement pour vous',
    );
    expect(within(card).getByTestId('programme')).toHaveTextContent(
      'Programme « Incubation Sud » : incubation',
    );
    const reasons = within(within(card).getByTestId('reasons')).getAllByRole('listitem');
    expect(reasons.map((r) => r.textContent)).toEqual([
      'Répond à vos besoins : incubation (indices : jeune entreprise)',
      'Gratuit',
    ]);
    expect(within(card).getByRole('button', { name: 'Demander le contact' })).toBeEnabled();
    expect(sent.filter((s) => s.name === 'Suggestions').map((s) => s.variables.kind)).toContain('SUPPORT');
  });
});
