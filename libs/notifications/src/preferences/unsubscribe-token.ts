import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { isUuid } from '#platform';
import { isNotificationKind, type NotificationKind } from './notification-kinds.js';

/**
 * Signed one-click unsubscribe tokens: `<account id>.<kind>.<HMAC-SHA256>`, keyed by a key derived
 * from JWT_SECRET. A token turns one kind of mail off for one account and does nothing else, so it
 * does not expire (a link in an old digest still works).
 */
export class UnsubscribeTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'tashbik', 'mail-unsubscribe', 32));
  }

  private mac(userId: string, kind: NotificationKind): Buffer {
    return createHmac('sha256', this.key).update(`${userId.toLowerCase()}.${kind}`).digest();
  }

  sign(userId: string, kind: NotificationKind): string {
    return `${userId.toLowerCase()}.${kind}.${this.mac(userId, kind).toString('base64url')}`;
  }

  /** The account and kind a token was signed for, or null for anything else. */
  verify(token: unknown): { userId: string; kind: NotificationKind } | null {
    if (typeof token !== 'string' || token.length > 200) return null;
    const [userId, kind, sig, extra] = token.split('.');
    if (extra !== undefined || !isUuid(userId) || !isNotificationKind(kind) || !sig) return null;
    const given = Buffer.from(sig, 'base64url');
    const want = this.mac(userId, kind);
    return given.length === want.length && timingSafeEqual(given, want)
      ? { userId: userId.toLowerCase(), kind }
      : null;
  }
}
