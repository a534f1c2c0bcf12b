import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryHistory } from '@tanstack/react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../App';
import { LOCALE_KEY } from '../../i18n/locale';
import { createAppRouter } from '../../router';

/*
 * The contact requests screen against a stubbed api: received requests come a page at a time,
 * "show more" asks for the page after the last one's cursor and adds it below.
 */

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

const request = (n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  fromOrganizationId: OTHER,
  toOrganizationId: ORG,
  message: `Message ${n}`,
  status: 'DECLINED',
  declineMessage: null,
  createdAt: `2026-11-${String(30 - n).padStart(2, '0')}T10:00:00.000Z`,
  expiresAt: '2026-12-30T10:00:00.000Z',
  respondedAt: '2026-12-01T10:00:00.000Z',
});

const page = (ns: number[], endCursor: string | null) => ({
  data: {
    contactRequests: {
      nodes: ns.map(request),
      pageInfo: { hasNextPage: endCursor !== null, hasPreviousPage: false, startCursor: null, endCursor },
      totalCount: 3,
    },
  },
});

function stubApi() {
  const sent: Record<string, unknown>[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: unknown, init: { body: string }) => {
      const body = JSON.parse(init.body) as { query: string; variables?: Record<string, unknown> };
      const name = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '';
      const v = body.variables ?? {};
      let answer: unknown = { data: null, errors: [{ message: 'no', extensions: { code: 'NOT_FOUND' } }] };
      if (name === 'Refresh')
        answer = {
          data: { refreshSession: { accessToken: 'a', accessTokenExpiresAt: '2030-01-01T00:00:00Z' } },
        };
      if (name === 'Me')
        answer = {
          data: {
            me: { id: 'u1', email: 'a@b.dz', displayName: 'A', locale: 'fr', emailVerified: true, roles: [] },
          },
        };
      if (name === 'UnreadNotificationCount') answer = { data: { unreadNotificationCount: 0 } };
      if (name === 'InboxOrganizations')
        answer = {
          data: {
            myOrganizations: [
              { id: ORG, kind: 'SME', status: 'ACTIVE', name: { ar: null, fr: 'Atelier', en: null } },
            ],
          },
        };
      if (name === 'ContactRequests') {
        sent.push(v);
        if (v.direction === 'OUTGOING') answer = page([], null);
        else answer = v.after === 'cursor-2' ? page([3], null) : page([1, 2], 'cursor-2');
      }
      return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
    }),
  );
  return sent;
}

describe('the contact requests screen', () => {
  beforeEach(() => {
    localStorage.setItem(LOCALE_KEY, 'fr');
    vi.stubGlobal('WebSocket', undefined);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows received requests a page at a time, the next page after "show more"', async () => {
    const sent = stubApi();
    const router = createAppRouter(createMemoryHistory({ initialEntries: ['/requests/contact'] }));
    await act(async () => {
      render(<App router={router} />);
      await router.load();
    });
    const received = await screen.findByRole('region', { name: 'Reçues' }, { timeout: 15_000 });
    expect(await within(received).findByText('Message 2')).toBeInTheDocument();
    expect(within(received).queryByText('Message 3')).toBeNull();
    const sentSection = screen.getByRole('region', { name: 'Envoyées' });
    expect(within(sentSection).getByText('Aucune demande.')).toBeInTheDocument();
    expect(within(sentSection).queryByRole('button', { name: 'Afficher plus' })).toBeNull();

    await userEvent.setup().click(within(received).getByRole('button', { name: 'Afficher plus' }));
    expect(await within(received).findByText('Message 3')).toBeInTheDocument();
    expect(within(received).getAllByRole('listitem')).toHaveLength(3);
    expect(within(received).queryByRole('button', { name: 'Afficher plus' })).toBeNull();
    expect(sent.filter((v) => v.direction === 'INCOMING').map((v) => v.after)).toEqual([null, 'cursor-2']);
    expect(sent.every((v) => v.organizationId === ORG && v.first === 20)).toBe(true);
  });
});
