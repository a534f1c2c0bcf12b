import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';

const ISSUER = 'tashbik';
const AUDIENCE = 'tashbik-api';

export interface AccessClaims {
  userId: string;
  /** The account's session epoch when the token was issued; a raised epoch ends the token early. */
  epoch: number;
}

/** A random opaque token (refresh, email verification, reset, invitation) and the hash stored for it. */
export function opaqueToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** Tokens are stored as SHA-256: they are random, so a slow hash adds nothing. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async sign(claims: AccessClaims): Promise<{ token: string; expiresAt: Date }> {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ ep: claims.epoch })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      // Unique even when two tokens of one user are issued in the same second.
      .setJti(randomUUID())
      .setExpirationTime(now + this.ttlSeconds)
      .sign(this.key);
    return { token, expiresAt: new Date((now + this.ttlSeconds) * 1000) };
  }

  /** The claims of a valid token; `expired` or `invalid` otherwise. */
  async verify(token: string): Promise<AccessClaims | 'expired' | 'invalid'> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      if (typeof payload.sub !== 'string' || typeof payload.ep !== 'number') return 'invalid';
      return { userId: payload.sub, epoch: payload.ep };
    } catch (e) {
      return e instanceof errors.JWTExpired ? 'expired' : 'invalid';
    }
  }
}
