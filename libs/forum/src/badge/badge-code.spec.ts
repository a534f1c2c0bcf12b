import { createHmac } from 'node:crypto';
import { badgeKey, signBadge, verifyBadge } from './badge-code.js';

const KEY = badgeKey('a-server-secret-of-some-length');
const DELEGATE = '3f2b8c1e-9a4d-4e6f-8b7a-0c1d2e3f4a5b';

describe('badge codes', () => {
  it('carries the delegate id and an HMAC-SHA256 tag computed independently here', () => {
    const code = signBadge(DELEGATE, KEY);
    const hex = '3f2b8c1e9a4d4e6f8b7a0c1d2e3f4a5b';
    const key = createHmac('sha256', 'a-server-secret-of-some-length')
      .update('tashbik/forum-badge/v1')
      .digest();
    const tag = createHmac('sha256', key).update(`TB1.${hex}`).digest().subarray(0, 16).toString('base64url');
    expect(code).toBe(`TB1.${hex}.${tag}`);
    expect(code).toHaveLength(59);
    expect(code).not.toContain(DELEGATE);
  });

  it('verifies to the delegate id, upper-case input included', () => {
    expect(verifyBadge(signBadge(DELEGATE.toUpperCase(), KEY), KEY)).toBe(DELEGATE);
    expect(verifyBadge(` ${signBadge(DELEGATE, KEY)}\n`, KEY)).toBe(DELEGATE);
  });

  it('refuses a code signed with another key, a changed id or tag, and malformed text', () => {
    const code = signBadge(DELEGATE, KEY);
    expect(verifyBadge(code, badgeKey('another-secret'))).toBeNull();
    const otherId = code.replace('3f2b8c1e', '3f2b8c1f');
    expect(verifyBadge(otherId, KEY)).toBeNull();
    const last = code.at(-1) === 'A' ? 'B' : 'A';
    expect(verifyBadge(code.slice(0, -1) + last, KEY)).toBeNull();
    for (const bad of ['', DELEGATE, 'TB1..', `TB2${code.slice(3)}`, `${code}x`, code.slice(0, -1)])
      expect(verifyBadge(bad, KEY)).toBeNull();
  });

  it('signs only UUIDs', () => {
    expect(() => signBadge('42', KEY)).toThrow(RangeError);
  });
});
