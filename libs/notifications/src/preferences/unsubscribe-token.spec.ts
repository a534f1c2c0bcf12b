import { UnsubscribeTokens } from './unsubscribe-token.js';
import { KIND_OF_TEMPLATE } from './notification-kinds.js';

const USER = '3f2b8c1e-9a4d-4e2f-8b7a-1c2d3e4f5a6b';

describe('unsubscribe tokens', () => {
  const tokens = new UnsubscribeTokens('unsubscribe-test-secret-0123456789');

  it('names the account and the kind it was signed for', () => {
    const t = tokens.sign(USER, 'SAVED_SEARCH_ALERTS');
    expect(t.startsWith(`${USER}.SAVED_SEARCH_ALERTS.`)).toBe(true);
    expect(tokens.verify(t)).toEqual({ userId: USER, kind: 'SAVED_SEARCH_ALERTS' });
  });

  it('refuses a token altered, signed under another secret, or malformed', () => {
    const t = tokens.sign(USER, 'SAVED_SEARCH_ALERTS');
    // Another kind or account with the same signature.
    expect(tokens.verify(t.replace('SAVED_SEARCH_ALERTS', 'SUGGESTIONS_DIGEST'))).toBeNull();
    expect(tokens.verify(t.replace(USER, USER.replace('3f', '4f')))).toBeNull();
    expect(new UnsubscribeTokens('another-secret-0123456789abcdefgh').verify(t)).toBeNull();
    for (const bad of ['', 'x', `${USER}.NOPE.abc`, `${t}.extra`, 42, null, 'a'.repeat(300)])
      expect(tokens.verify(bad)).toBeNull();
  });
});

it('lets no security mail be turned off', () => {
  for (const template of [
    'verify-email',
    'already-registered',
    'reset-password',
    'password-changed',
    'invitation',
    'organization-claim',
  ] as const)
    expect(KIND_OF_TEMPLATE[template]).toBeNull();
});
