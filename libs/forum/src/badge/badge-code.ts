import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUuid } from '#platform';

/*
 * A delegate's badge code: the delegate id and an HMAC-SHA256 tag over it, so a venue desk holding the
 * key can tell a badge the platform issued from a forged one without asking anyone, and a guessed or
 * copied delegate id alone is worth nothing. Short enough for a small QR code:
 * `TB1.<delegate id as 32 hex digits>.<first 128 bits of the tag, base64url>` (59 characters).
 */

const VERSION = 'TB1';
const CODE = /^TB1\.([0-9a-f]{32})\.([A-Za-z0-9_-]{22})$/;

/** The badge key, derived from a server secret so that no other signature can be replayed as a badge. */
export function badgeKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('tashbik/forum-badge/v1').digest();
}

const tagOf = (key: Buffer, hex: string) =>
  createHmac('sha256', key).update(`${VERSION}.${hex}`).digest().subarray(0, 16).toString('base64url');

/** The code printed on (and shown as a QR code for) the badge of the delegate `delegateId` (a UUID). */
export function signBadge(delegateId: string, key: Buffer): string {
  if (!isUuid(delegateId)) throw new RangeError('a badge names a delegate by its UUID');
  const hex = delegateId.replace(/-/g, '').toLowerCase();
  return `${VERSION}.${hex}.${tagOf(key, hex)}`;
}

/** The delegate id a badge code names when its tag is right, otherwise null (malformed, forged, other key). */
export function verifyBadge(code: string, key: Buffer): string | null {
  const m = CODE.exec(code.trim());
  if (!m) return null;
  const [, hex, tag] = m;
  const expected = Buffer.from(tagOf(key, hex));
  const given = Buffer.from(tag);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
